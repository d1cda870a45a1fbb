"""Which body issued a reference, inferred as an editor infers it.

"General Assembly resolution 74/174" names it; "its resolution" in an Assembly text is the
Assembly's, unless another organ was named first in the sentence ("the Human Rights Council,
in its resolution 34/16"); "resolution 8/9 ... of the Conference of the States Parties" names
it after the date; "1325 (2000)" can only be the Security Council's. Any other organ
("United Nations Environment Assembly", "UNEA") is "other": termlint has no calendar for it.
"""

from __future__ import annotations

import re as stdlib_re

import regex as re

from termlint.rules.citations.unit import Unit
from termlint.text.prose import (
    compiled as _compiled,  # compiled once: regex's own cache is slow to consult
)

_GAP = r"(?:\s|\u00a0)+"

# Bodies termlint knows, with the names an editor writes before "resolution".
BODIES: dict[str, str] = {
    "GA": "General Assembly",
    "ECOSOC": "Economic and Social Council",
    "SC": "Security Council",
    "HRC": "Human Rights Council",
    "CHR": "Commission on Human Rights",
    "CCPCJ": "Commission on Crime Prevention and Criminal Justice",
    "CND": "Commission on Narcotic Drugs",
    "CSW": "Commission on the Status of Women",
}
_BODY_NAMES = [  # drafts also write the acronyms ("GA resolution 74/174", "UNSC resolution 2467 (2019)")
    ("GA", r"General\s+Assembly|(?<![A-Z][\w-]*\s)Assembly|GA|UNGA"),
    ("ECOSOC", r"Economic\s+and\s+Social\s+Council|ECOSOC"),
    ("SC", r"Security\s+Council|UNSC|SC"),
    ("HRC", r"Human\s+Rights\s+Council|HRC"),
    ("CHR", r"Commission\s+on\s+Human\s+Rights"),
    ("CCPCJ", r"Commission\s+on\s+Crime\s+Prevention\s+and\s+Criminal\s+Justice|CCPCJ"),
    ("CND", r"Commission\s+on\s+Narcotic\s+Drugs|CND"),
    ("CSW", r"Commission\s+on\s+the\s+Status\s+of\s+Women|CSW"),
]
_BODY_RE = re.compile("|".join(f"(?P<{code}>(?<![\\w-])(?:{pattern})(?:['’]s)?(?![\\w-]))" for code, pattern in _BODY_NAMES))
# Adjectives an editor puts between a body and "resolutions": "its relevant resolutions".
_ADJECTIVES = r"(?:(?:own|relevant|previous|subsequent|earlier|other|all|most\s+recent|latest|related|pertinent)\s+)*"
_NAMED_RE = re.compile(r"(?:" + _BODY_RE.pattern + r")\s+" + _ADJECTIVES + r"$")
# Any other organ named just before the noun ("Conference of the States Parties ... resolution",
# "United Nations Environment Assembly resolution", "UNEA resolution"): not checked against
# the calendars termlint knows.
_ORGAN_WORDS = (r"Conference|Commission|Council|Committee|Board|Assembly|Meeting|Congress|Forum|Summit|Parties|"
                r"Organization|Agency|Programme|Fund|Sub-Commission|Subcommission|Court|Tribunal|Platform")
# Only whether it matches is asked: searched from the end (REVERSE), where it is anchored, instead
# of trying every position of the window.
_OTHER_NAMED_RE = re.compile(r"(?:(?<![\w-])(?:" + _ORGAN_WORDS + r")(?:['’]s)?|\b[A-Z]{2,}[\w-]*)\s+" + _ADJECTIVES + r"$",
                             re.REVERSE)
_ANY_ORGAN_RE = re.compile(r"(?<![\w-])(?:" + _ORGAN_WORDS + r")(?![\w-])")
# Every body or organ the patterns above find is an organ word or holds two capitals ("GA",
# "ECOSOC"): a window without one (most: "Recalling its resolution") is spared their searches.
_NAME_HINT = stdlib_re.compile(r"[A-Z]{2}|" + _ORGAN_WORDS)
# Patterns compiled on first use (the pattern strings are built once here, not at each call).
_BARE_COUNCIL = r"(?:^|\bthe\s+)Council\s+" + _ADJECTIVES + r"$"
_ITS = r"\b[Ii]ts\s+(?:(?:decisions?|adoption)\s+(?:in|of)\s+)?" + _ADJECTIVES + r"$"
_INCLUDING = (r"(?<![\w-])(?:[Rr]esolutions|[Dd]ecisions)\b[^;]{0,80}?,?\s+(?:including|in\s+particular|notably|especially)"
              r"(?:,?\s+(?:in\s+particular|inter\s+alia))?,?\s+$")
_CLOSE = r"(?:" + _BODY_RE.pattern + r")\s*,?\s*(?:in|by|through|under|with)?\s*$"
_AFTER = r"\s*,?\s*(?:of|adopted\s+by)\s+the" + _GAP + r"([A-Z][^,;]{0,120})"


def body_of_chapeau(text: str) -> str | None:
    """"*The General Assembly*," -> "GA"; another organ -> "other"."""
    m = _BODY_RE.search(text)
    if m and m.lastgroup:
        return m.lastgroup
    return "other" if _ANY_ORGAN_RE.search(text) else None


def body_before(unit: Unit, noun_start: int) -> tuple[str | None, str]:
    """Which body issued the references introduced by the noun at `noun_start`."""
    text = unit.text
    reach = max(0, noun_start - 161)  # only the last 160 characters are read: look no further back
    sentence = max(text.rfind(";", reach, noun_start), text.rfind(". ", reach, noun_start)) + 1
    window = text[max(sentence, noun_start - 160):noun_start]
    hint = _NAME_HINT.search(window) is not None
    named = _NAMED_RE.search(window) if hint else None
    if named and named.lastgroup:
        return named.lastgroup, "named"  # "Economic and Social Council resolutions", "the Assembly's resolution"
    if hint and _OTHER_NAMED_RE.search(window):
        bare_council = _compiled(_BARE_COUNCIL).search(window)
        if bare_council and unit.body in ("ECOSOC", "SC", "HRC"):
            return unit.body, "named"  # "the Council resolution" in a Council's own text
        return "other", "named"
    first_its = window.find("ts") - 1  # a match starts at the [Ii] of its "ts": search from the first
    its = _compiled(_ITS).search(window, first_its) if first_its >= 0 else None
    if not its:
        # "its relevant resolutions, including, in particular, resolutions 46/181 ...": the
        # body of the general mention carries over to the numbers it introduces
        including = (_compiled(_INCLUDING).search(window)
                     if "esolutions" in window or "ecisions" in window else None)
        if including:
            return body_before(unit, noun_start - len(window) + including.start())
        return None, ""
    before = text[sentence:noun_start - len(window) + its.start()]
    if not _NAME_HINT.search(before):
        return (None, "") if unit.in_footnote else (unit.body, "its")
    # "the Human Rights Council, in its resolution": "its" is that body's
    close = _compiled(_CLOSE).search(before)
    if close and close.lastgroup:
        return close.lastgroup, "its"
    if unit.in_footnote or _BODY_RE.search(before) or _ANY_ORGAN_RE.search(before):
        return None, ""  # another organ was named first: "its" may be that organ's
    return unit.body, "its"


def body_after(unit: Unit, end: int) -> str | None:
    """"resolution 8/9 of 20 December 2019 of the Conference of the States Parties": the issuer follows."""
    if unit.text.find("the", end, end + 140) < 0:
        return None  # what every match holds (a cheap test before the pattern)
    m = _compiled(_AFTER).match(unit.text[end:end + 140])
    if not m:
        return None
    named = _BODY_RE.match(m.group(1))
    if named:
        return named.lastgroup
    return "other" if _ANY_ORGAN_RE.search(m.group(1)[:80]) else None


def form_body(form: str, bracket: str) -> str | None:
    """The body a number's form alone gives away."""
    if form == "bracketed" and bracket.isdigit():
        return "SC"  # "1325 (2000)": only the Security Council numbers by (year)
    return None


_FORMS = {  # the forms of number each body gives its resolutions
    "GA": frozenset({"session", "special", "bracketed-roman"}),
    "ECOSOC": frozenset({"year", "bracketed-roman"}),
    "CHR": frozenset({"year", "bracketed-roman"}),
    "SC": frozenset({"bracketed-year"}),
    "HRC": frozenset({"session", "special"}),
    "CCPCJ": frozenset({"session"}),
    "CND": frozenset({"session", "bracketed-roman"}),
    "CSW": frozenset({"session", "bracketed-roman"}),
}


def compatible(body: str | None, form: str, bracket: str) -> bool:
    if body in (None, "other"):
        return True
    forms = _FORMS[body]  # type: ignore[index]
    key = form if form != "bracketed" else ("bracketed-year" if bracket.isdigit() else "bracketed-roman")
    return key in forms
