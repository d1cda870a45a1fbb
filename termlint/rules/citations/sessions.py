"""CI030-CI033: a cited resolution dated when its body could not have adopted it.

Each rule reads the references termlint/rules/citations/citations.py finds (with the issuing body inferred
as an editor would) and the session calendars in rules/calendars/sessions.toml. A reference
whose body is not known, or a session the calendars do not list, is not judged.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from termlint.core.model import Finding, Severity
from termlint.rules.citations import calendars as cal
from termlint.rules.citations.citations import Reference, citations_of, rule_meta
from termlint.rules.context import Context

SOURCE = "rules/calendars/sessions.toml (session calendars, each with its source)"
_meta = partial(rule_meta, source=SOURCE)


def _finding(code: str, ref: Reference, why: str) -> Finding:
    assert ref.date is not None
    return Finding(code, ref.start, ref.date.end, f"{ref.noun} {ref.number} is dated {ref.date}, but {why}")


class GeneralAssemblySession:
    meta = _meta(
        "CI030", "assembly-session-date", Severity.ERROR,
        "A General Assembly resolution dated outside the session its number names",
        """
General Assembly resolution 74/174 was adopted at the seventy-fourth session, which opened in
September 2019 and closed in September 2020: session N opens in September of 1945 + N (the
first opened on 10 January 1946). Before 1976 the session is the roman numeral: 3314 (XXIX)
belongs to the twenty-ninth session (1974-1975). A date outside those months means the number
or the date is wrong. The body is inferred as an editor does: "General Assembly resolution",
"its resolution" in an Assembly text, or the body carried over a list.
""",
        [("bad", "The General Assembly,\n\nRecalling its resolution 74/174 of 18 December 2018,"),
         ("bad", "Recalling General Assembly resolutions 72/195 of 19 December 2017 and 73/148 of 17 December 2017,"),
         ("bad", "Recalling General Assembly resolution 3314 (XXIX) of 14 December 1975,"),
         ("good", "The General Assembly,\n\nRecalling its resolution 74/174 of 18 December 2019,"),
         ("good", "Recalling General Assembly resolutions 73/341 of 13 September 2019 and 3314 (XXIX) of 14 December 1974,"),
         ("good", "Recalling resolution 8/9 of 20 December 2019 of the Conference of the States Parties to the Convention,")])

    def check(self, ctx: Context) -> Iterator[Finding]:
        for ref in citations_of(ctx).references:
            if ref.body != "GA" or ref.date is None:
                continue
            session: int | None = None
            if ref.form == "session":
                session = ref.first
            elif ref.form == "bracketed" and not ref.bracket.isdigit():
                session = cal.roman(ref.bracket)
            if session is None:
                continue
            why = cal.ga_session(session, ref.date)
            if why:
                yield _finding(self.meta.code, ref, why)


class YearNumbered:
    meta = _meta(
        "CI031", "year-number-date", Severity.ERROR,
        "A resolution numbered by year (ECOSOC 2004/27) dated in another year",
        """
Since 1978 the Economic and Social Council numbers its resolutions and decisions by year:
resolution 2004/27 was adopted in 2004. Since its 2015 session the Council's year runs from
July to July (resolution 2022/1 was adopted on 23 July 2021), and a reconvened session can
meet in January of the next year, so those dates are accepted too. The Commission on Human
Rights numbered by year in the same way, strictly by calendar year.
""",
        [("bad", "Recalling Economic and Social Council resolution 2004/27 of 21 July 2005,"),
         ("bad", "Recalling Economic and Social Council resolutions 2004/27 of 21 July 2004 and 2005/20 of 22 July 2004,"),
         ("good", "Recalling Economic and Social Council resolutions 2004/27 of 21 July 2004 and 2005/20 of 22 July 2005,"),
         ("good", "Recalling Economic and Social Council resolution 2022/1 of 23 July 2021,")])

    def check(self, ctx: Context) -> Iterator[Finding]:
        for ref in citations_of(ctx).references:
            if ref.form != "year" or ref.date is None or ref.body not in (None, "ECOSOC", "CHR"):
                continue
            why = cal.year_numbered(ref.first, ref.date, ref.body)
            if why:
                yield _finding(self.meta.code, ref, why)


class CouncilYear:
    meta = _meta(
        "CI032", "council-year-date", Severity.ERROR,
        "A Security Council resolution whose year in brackets does not fit its number or its date",
        """
Security Council resolutions carry the year of adoption in brackets: resolution 1325 (2000)
was adopted on 31 October 2000. The Council numbers its resolutions in the order of adoption,
so a number fixes the year within bounds: rules/calendars/sessions.toml lists anchors
("resolution 2396 was adopted in 2017"), and 2467 (2009) cannot be right. When a date
follows ("resolution 1757 (2007) of 30 May 2007"), its year must be the year in brackets.
""",
        [("bad", "Recalling Security Council resolution 1325 (2000) of 31 October 2001,"),
         ("bad", "Recalling Security Council resolutions 1325 (2010) and 2467 (2009),"),
         ("good", "Recalling Security Council resolution 1325 (2000) of 31 October 2000,"),
         ("good", "general recommendation No. 26 (2008) of the Committee, adopted in 2009")])

    def check(self, ctx: Context) -> Iterator[Finding]:
        for ref in citations_of(ctx).references:
            if ref.form != "bracketed" or not ref.bracket.isdigit():
                continue
            why = cal.council_number(ref.first, int(ref.bracket))
            if why:
                yield Finding(self.meta.code, ref.start, ref.end, f"resolution {ref.first} cannot be of {ref.bracket}: {why}")
            elif ref.date is not None:
                why = cal.council_year(int(ref.bracket), ref.date)
                if why:
                    yield _finding(self.meta.code, ref, why)


class CommissionSession:
    meta = _meta(
        "CI033", "commission-session-date", Severity.ERROR,
        "A Human Rights Council or CCPCJ resolution dated in a year its session did not meet",
        """
Human Rights Council and Commission on Crime Prevention and Criminal Justice resolutions are
numbered session/number. The Council has met since 2006, three regular sessions a year (34/16
is of March 2017); the Commission once a year since 1992 (session N in 1991 + N: 26/3 is of
May 2017). The calendars, with their sources, are in rules/calendars/sessions.toml; a
session not listed there is not judged.
""",
        [("bad", "Recalling Human Rights Council resolution 34/16 of 24 March 2016,"),
         ("bad", "Recalling Commission on Crime Prevention and Criminal Justice resolution 26/3 of 26 May 2016,"),
         ("bad", "Recalling Human Rights Council resolutions 7/13 of 27 March 2008 and 43/22 of 22 June 2019,"),
         ("good", "Recalling Human Rights Council resolutions 7/13 of 27 March 2008, 34/16 of 24 March 2017 and 43/22 of 22 June 2020,"),
         ("good", "Recalling Commission on Crime Prevention and Criminal Justice resolution 26/3 of 26 May 2017,")])

    def check(self, ctx: Context) -> Iterator[Finding]:
        for ref in citations_of(ctx).references:
            if ref.form == "session" and ref.body in ("HRC", "CCPCJ") and ref.date is not None:
                why = cal.commission_session(ref.body, ref.first, ref.date)
                if why:
                    yield _finding(self.meta.code, ref, why)


RULES = (GeneralAssemblySession(), YearNumbered(), CouncilYear(), CommissionSession())
