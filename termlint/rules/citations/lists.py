"""CI020-CI023: how references are listed and numbered.

A list shares one noun: "resolutions 72/195 of 19 December 2017, 73/148 of 17 December 2018
and 73/154 of 17 December 2018". These rules read the lists termlint/rules/citations/citations.py finds.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

import regex

from termlint.core.model import Edit, Finding, Fix, Severity
from termlint.rules.citations.citations import (
    BODIES,
    Reference,
    citations_of,
    compatible,
    rule_meta,
)
from termlint.rules.context import Context

SOURCE = "United Nations Editorial Manual, \"Resolutions and decisions\" (citations of earlier resolutions)"
_meta = partial(rule_meta, source=SOURCE)

_FORM_EXAMPLE = {
    "GA": "session/number (74/174), or before 1976 number (session) as 3363 (XXX)",
    "ECOSOC": "year/number (2004/27), or before 1978 number (session) as 1733 (LIV)",
    "CHR": "year/number (2005/35)",
    "SC": "number (year), as 1325 (2000)",
    "HRC": "session/number (34/16)",
    "CCPCJ": "session/number (26/3)",
    "CND": "session/number (62/1)",
    "CSW": "session/number (60/2)",
}


class SingularBeforeList:
    meta = _meta(
        "CI020", "singular-before-list", Severity.WARNING,
        "`resolution` (singular) before a list of numbers",
        """
One noun introduces a whole list, and it is plural: "resolutions 72/195 of 19 December 2017
and 73/148 of 17 December 2018", "decisions 2004/285 and 2005/20". The fix makes the noun
plural.
""",
        [("bad", "Recalling its resolution 72/195 of 19 December 2017 and 73/148 of 17 December 2018,"),
         ("fixed", "Recalling its resolutions 72/195 of 19 December 2017 and 73/148 of 17 December 2018,"),
         ("bad", "Recalling Security Council resolution 1325 (2000),\n1820 (2008) and 1888 (2009),"),
         ("good", "Recalling its resolutions 72/195 of 19 December 2017 and 73/148 of 17 December 2018,"),
         ("good", "Recalling its resolution 72/195 of 19 December 2017 and its resolution 73/148,"),
         ("good", "pursuant to resolution 70/1, paragraph 3, and for the biennium 2020/21")],
        fixable=True)

    def check(self, ctx: Context) -> Iterator[Finding]:
        for refs in citations_of(ctx).lists():
            first = refs[0]
            if len(refs) < 2 or first.plural:
                continue
            noun = ctx.text[first.noun_start:first.noun_end]
            plural = noun + "s"
            numbers = ", ".join(r.number for r in refs)
            yield Finding(self.meta.code, first.noun_start, first.noun_end,
                          f"“{noun}” introduces {len(refs)} numbers ({numbers}): a list takes the plural “{plural}”",
                          fix=Fix((Edit(first.noun_start, first.noun_end, plural),), True, f"write “{plural}”"))


class RepeatedInList:
    meta = _meta(
        "CI021", "repeated-in-list", Severity.WARNING,
        "The same number cited twice in one list",
        """
A list of references names each resolution once. A number that comes back in the same list
is usually a typing slip for another number (73/154 typed as 73/148) or a leftover of
negotiation.
""",
        [("bad", "Recalling its resolutions 72/195 of 19 December 2017, 73/148 of 17 December 2018 and 72/195,"),
         ("good", "Recalling its resolutions 72/195 of 19 December 2017, 73/148 of 17 December 2018 and 73/154,"),
         ("good", "Recalling its resolution 72/195, and its resolution 72/195 on trafficking,")])

    def check(self, ctx: Context) -> Iterator[Finding]:
        for refs in citations_of(ctx).lists():
            seen: dict[str, Reference] = {}
            for ref in refs:
                key = ref.number + (" " + ref.letter if ref.letter else "")
                if key in seen:
                    yield Finding(self.meta.code, ref.start, ref.end,
                                  f"{key} is already cited earlier in this list: check the number")
                else:
                    seen[key] = ref


def _dated_key(ref: Reference) -> tuple[str, str, str] | None:
    """References that certainly name the same text: same noun, same known body, same number."""
    body = ref.body or {"year": "year-numbered", "bracketed": "SC" if ref.bracket.isdigit() else ""}.get(ref.form, "")
    if not body or body == "other" or ref.date is None or ref.date.month == 0:
        return None
    return ref.noun, body, ref.number + ref.letter


class ConflictingDates:
    meta = _meta(
        "CI022", "conflicting-dates", Severity.ERROR,
        "The same resolution cited with two different dates in one text",
        """
A resolution has one date of adoption. When the same body's resolution number comes back
with another date, one of the two citations is wrong. Only references whose body is known
(named, "its", carried over a list, or clear from the number) are compared.
""",
        [("bad", "The General Assembly,\n\nRecalling its resolution 74/174 of 18 December 2019,\n\nRecalling also its resolution 74/174 of 17 December 2019,"),
         ("good", "The General Assembly,\n\nRecalling its resolution 74/174 of 18 December 2019,\n\nRecalling also its resolution 74/174 of 18 December 2019,"),
         ("good", "Recalling Human Rights Council resolution 34/16 of 24 March 2017 and General Assembly resolution 34/16 of 30 November 1979,")])

    def check(self, ctx: Context) -> Iterator[Finding]:
        first: dict[tuple[str, str, str], Reference] = {}
        for ref in citations_of(ctx).references:
            key = _dated_key(ref)
            if key is None:
                continue
            earlier = first.setdefault(key, ref)
            if earlier is not ref and earlier.date and ref.date and str(earlier.date) != str(ref.date):
                line = ctx.document.position(earlier.start)[0]
                yield Finding(self.meta.code, ref.start, ref.date.end,
                              f"{ref.noun} {ref.number} is dated {ref.date} here but {earlier.date} on line {line}: "
                              "a resolution has one date of adoption")


_NAMES_TO_BODY = {name: key for key, name in BODIES.items()}
_JOINT = regex.compile("(" + "|".join(regex.escape(n) for n in BODIES.values()) + r")\s+and\s+(?:the\s+)?("
                       + "|".join(regex.escape(n) for n in BODIES.values()) + r")\s+resolutions\b")


def _joint_bodies(text: str, start: int) -> tuple[str, ...]:
    """The two bodies of “General Assembly and Security Council resolutions ...” when the
    reference at `start` follows such a phrase in its sentence (a joint list of twin resolutions)."""
    window = text[max(0, start - 300):start]
    cut = max(window.rfind(";"), window.rfind("\n"))
    found = list(_JOINT.finditer(window, cut + 1))
    if not found:
        return ()
    return tuple(_NAMES_TO_BODY[found[-1].group(k)] for k in (1, 2))


class FormOfBody:
    meta = _meta(
        "CI023", "number-form-of-body", Severity.WARNING,
        "A number whose form does not fit the body named (`General Assembly resolution 2004/27`)",
        """
Each body numbers its resolutions its own way: the General Assembly by session (74/174; before
1976, 3363 (XXX)), the Economic and Social Council by year (2004/27; before 1978, 1733 (LIV)),
the Security Council by running number and year (1325 (2000)), the Human Rights Council and
the functional commissions by session (34/16). A number of another form is cited under the
wrong body, or mistyped.
""",
        [("bad", "Recalling General Assembly resolution 2004/27 of 21 July 2004,"),
         ("bad", "Recalling Economic and Social Council resolution 74/174,"),
         ("good", "Recalling General Assembly resolution 74/174 and Economic and Social Council resolution 2004/27,"),
         ("good", "Recalling General Assembly resolutions 377 A (V) and S-24/2,")])

    def check(self, ctx: Context) -> Iterator[Finding]:
        for ref in citations_of(ctx).references:
            if ref.body_reason != "named" or ref.body in (None, "other") or compatible(ref.body, ref.form, ref.bracket):
                continue
            if any(compatible(other, ref.form, ref.bracket) for other in _joint_bodies(ctx.text, ref.start)):
                continue  # “General Assembly and Security Council resolutions 70/262 and 2282 (2016)”: twin resolutions
            body = ref.body or ""
            yield Finding(self.meta.code, ref.start, ref.end,
                          f"{BODIES[body]} {ref.noun}s are numbered {_FORM_EXAMPLE[body]}: "
                          f"{ref.number} is not of that form")


RULES = (SingularBeforeList(), RepeatedInList(), ConflictingDates(), FormOfBody())
