"""CI034: a document's own symbol and session line disagree.

The cover of a draft names its symbol and its session: "A/C.3/77/L.12 ... Seventy-seventh
session", "E/CN.15/2022/L.5 ... Thirty-first session", "E/RES/2022/1 ... 2022 session". A
draft copied from last year's often keeps one of the two.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial

import regex as re

from termlint.core.model import Finding, Severity
from termlint.parse.tree import Clause
from termlint.rules.citations import calendars as cal
from termlint.rules.citations.citations import rule_meta
from termlint.rules.context import Context

_meta = partial(rule_meta, source="UN Editorial Manual, \"Document symbols\"; rules/calendars/sessions.toml")
_ORDINAL_NUMBER = {cal.ordinal(n): n for n in range(1, 100)}
_SESSION = re.compile(r"^[#*\s]*(?:(?P<ord>[A-Z][a-z]+(?:[-\u2010\u2011][a-z]+)?)|(?P<year>(?:19|20)\d\d))\s+(?:regular\s+)?session[*\s]*$")
_SYMBOL = re.compile(r"^[#*\s]*(?P<sym>(?P<head>A(?:/C\.\d|/HRC|/RES)?|E(?:/CN\.(?P<cn>\d{1,2}))?(?:/RES)?)/(?P<part>\d{1,4})(?:/[\w.()\-]+)*)[*\s]*$")


def _first(clauses: Iterable[Clause], kinds: tuple[str, ...], pattern: re.Pattern[str]) -> tuple[Clause, re.Match[str]] | None:
    """The first clause of the cover (the clauses before the resolution, in document order) that `pattern` matches."""
    for clause in clauses:
        if clause.kind in kinds and clause.segments:
            m = pattern.match(clause.text)
            if m:
                return clause, m
        if clause.kind == "resolution":
            break  # the cover ends where the resolution begins
    return None


class HeaderSession:
    meta = _meta(
        "CI034", "header-session", Severity.ERROR,
        "The document's symbol names another session than its session line",
        """
The symbol of a General Assembly document carries its session (A/C.3/77/L.12 and A/RES/77/1
are of the seventy-seventh session; A/HRC/49/L.1 of the Human Rights Council's forty-ninth),
an Economic and Social Council symbol its year (E/RES/2022/1: the 2022 session), and a
Commission on Crime Prevention and Criminal Justice symbol the year of its session
(E/CN.15/2022/L.5: the thirty-first session, 2022). The session line of the cover must say
the same.
""",
        [("bad", "A/C.3/77/L.12\n\nGeneral Assembly\n\nSeventy-sixth session\n\nAgenda item 68"),
         ("bad", "E/CN.15/2022/L.5\n\nCommission on Crime Prevention and Criminal Justice\n\nThirtieth session"),
         ("good", "A/RES/75/10\n\nGeneral Assembly\n\nDistr.: General\n\n30 November 2020\n\nSeventy-fifth session"),
         ("good", "E/RES/2022/1\n\nEconomic and Social Council\n\n2 August 2021\n\n2022 session"),
         ("good", "E/CN.15/2022/L.5\n\nCommission on Crime Prevention and Criminal Justice\n\nThirty-first session")])

    def check(self, ctx: Context) -> Iterator[Finding]:
        kinds = ("symbol", "session", "heading", "paragraph", "header", "distribution", "agenda")
        symbol, session = _first(ctx.walk.clauses, kinds, _SYMBOL), _first(ctx.walk.clauses, kinds, _SESSION)
        if not symbol or not session:
            return
        (_, s), (ses_clause, m) = symbol, session
        said = _ORDINAL_NUMBER.get((m.group("ord") or "").lower().replace("\u2010", "-").replace("\u2011", "-"))
        year = int(m.group("year")) if m.group("year") else None
        part, head, text = int(s.group("part")), s.group("head"), " ".join(ses_clause.text.strip("#* \n").split())
        why = None
        if head.startswith("A") and said is not None and said != part:
            body = "the Human Rights Council" if head == "A/HRC" else "the General Assembly"
            why = f"{s.group('sym')} is a document of session {part} of {body}, but the cover says “{text}”"
        elif head in ("E", "E/RES") and year is not None and year != part:
            why = f"{s.group('sym')} is a document of the Economic and Social Council's {part} session, but the cover says “{text}”"
        elif s.group("cn") == "15" and said is not None:
            met = cal.calendars().ccpcj.get(said)
            if met is not None and met != part:
                why = (f"{s.group('sym')} is a document of {part}, but session {said} of the Commission on Crime "
                       f"Prevention and Criminal Justice met in {met}")
        if why:
            start = ses_clause.segments[0].start
            yield Finding(self.meta.code, start, start + len(ses_clause.text.rstrip()), why)


RULES = (HeaderSession(),)
