"""When each body met: the session calendars in rules/calendars/sessions.toml, and the
questions rules ask of them ("could General Assembly resolution 74/174 be dated 18 December
2018?"). A verdict is None (plausible, or not known) or a sentence saying which rule the
date breaks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from termlint.core.resources import data_dir
from termlint.core.tomlfile import loads
from termlint.rules.citations.citations import MONTHS, Date

_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
             "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth").split()
_TENS = "twent thirt fort fift sixt sevent eight ninet".split()
_CARDINAL_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@dataclass(frozen=True)
class Calendars:
    """The sessions of the United Nations bodies by year, for 'does this session match the date?'."""
    ga_first_opened: dt.date
    ga_session_numbering_since: int
    ecosoc_by_year_since: int
    ecosoc_july_since: int
    ecosoc_january: bool
    hrc: dict[int, int]
    ccpcj: dict[int, int]
    council_anchors: tuple[tuple[int, int], ...]  # (resolution number, year adopted), by number


@lru_cache(maxsize=1)
def calendars() -> Calendars:
    """The bundled calendars (rules/calendars/sessions.toml), kept between runs like the rule set."""
    from termlint.rules.ruleset_cache import cached

    return cached("calendars", (), _read_calendars, Calendars)


def _read_calendars() -> Calendars:
    data = loads((data_dir("rules") / "calendars" / "sessions.toml").read_text(encoding="utf-8"))
    ga, ecosoc = data["general-assembly"], data["economic-and-social-council"]
    return Calendars(
        ga_first_opened=ga["first_session_opened"],
        ga_session_numbering_since=ga["session_numbering_since"],
        ecosoc_by_year_since=ecosoc["numbered_by_year_since"],
        ecosoc_july_since=ecosoc["session_opens_in_july_of_previous_year_since"],
        ecosoc_january=ecosoc["reconvened_into_january"],
        hrc={int(k): v for k, v in data["human-rights-council"]["sessions"].items()},
        ccpcj={int(k): v for k, v in data["commission-on-crime-prevention-and-criminal-justice"]["sessions"].items()},
        council_anchors=tuple(sorted((int(k), v) for k, v in data["security-council"]["anchors"].items())),
    )


def ordinal(n: int) -> str:
    """20 -> "twentieth", 74 -> "seventy-fourth" (as in session titles); 1-99."""
    if not 1 <= n <= 99:
        return str(n)
    if n < 20:
        return _ORDINALS[n - 1]
    tens, unit = divmod(n, 10)
    if unit == 0:
        return _TENS[tens - 2] + "ieth"
    return f"{_CARDINAL_TENS[tens - 2]}-{_ORDINALS[unit - 1]}"


def roman(numeral: str) -> int | None:
    """"XXVII" -> 27; None when not a well-formed roman numeral."""
    total, prev = 0, 0
    for ch in reversed(numeral):
        value = _ROMAN.get(ch)
        if value is None:
            return None
        total += -value if value < prev else value
        prev = max(prev, value)
    return total if total > 0 else None


def _when(d: Date) -> dt.date | None:
    try:
        return dt.date(d.year, d.month, d.day)
    except ValueError:
        return None


def _month(date: dt.date) -> str:
    return f"{MONTHS[date.month - 1]} {date.year}"


def ga_session(session: int, date: Date) -> str | None:
    """A General Assembly resolution or decision of `session` dated `date`."""
    when = _when(date)
    if when is None or session < 1:
        return None
    cal = calendars()
    start = cal.ga_first_opened if session == 1 else dt.date(1945 + session, 9, 1)
    end = dt.date(1946 + session, 9, 30)
    if start <= when <= end:
        return None
    if session == 1:
        return "the first session of the General Assembly opened on 10 January 1946 and the second in September 1947"
    return (f"General Assembly session {session} ran from {_month(start)} to {_month(end)} "
            f"(session N opens in September of 1945 + N)")


def year_numbered(year: int, date: Date, body: str | None) -> str | None:
    """A resolution numbered by year ("2004/27"), dated `date`."""
    when = _when(date)
    if when is None:
        return None
    cal = calendars()
    ecosoc = body in (None, "ECOSOC")
    start = dt.date(year, 1, 1)
    if ecosoc and year >= cal.ecosoc_july_since:
        start = dt.date(year - 1, 7, 1)
    end = dt.date(year + 1, 1, 31) if ecosoc and cal.ecosoc_january else dt.date(year, 12, 31)
    if start <= when <= end:
        return None
    if ecosoc and year >= cal.ecosoc_july_since:
        return (f"{year}/… is numbered for the Economic and Social Council's {year} session, which ran from "
                f"July {year - 1} to July {year}")
    who = "the Economic and Social Council numbers" if ecosoc else "a body that numbers"
    return f"{who} its resolutions and decisions by the year of adoption, so {year}/… dates from {year}"


def council_year(bracket: int, date: Date) -> str | None:
    """A Security Council resolution "1325 (2000)" dated `date`."""
    if date.year == bracket or _when(date) is None:
        return None
    return f"the year in brackets is the year the Security Council adopted the resolution ({bracket})"


def council_number(number: int, year: int) -> str | None:
    """A Security Council resolution "1325 (2010)": numbers run in order of adoption."""
    anchors = calendars().council_anchors
    later = [(a, y) for a, y in anchors if a <= number and y > year]  # an earlier number, adopted later
    earlier = [(a, y) for a, y in anchors if a >= number and y < year]  # a later number, adopted earlier
    if not later and not earlier:
        return None
    anchor, adopted = max(later) if later else min(earlier)  # the nearest one
    return (f"resolution {anchor} was adopted in {adopted}, and the Council numbers its resolutions "
            "in the order of adoption")


def commission_session(body: str, session: int, date: Date) -> str | None:
    """A Human Rights Council or CCPCJ resolution "34/16" dated `date`."""
    if _when(date) is None:
        return None
    cal = calendars()
    table = {"HRC": cal.hrc, "CCPCJ": cal.ccpcj}.get(body)
    if not table or session not in table:
        return None
    year = table[session]
    if date.year == year:
        return None
    name = {"HRC": "the Human Rights Council", "CCPCJ": "the Commission on Crime Prevention and Criminal Justice"}[body]
    return f"session {session} of {name} met in {year}"
