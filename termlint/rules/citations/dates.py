"""CI001-CI003: dates as a UN editor writes them: day, month name, year ("18 December 2019").

A date is checked wherever it stands (running text, footnotes, header), also across a line
break or a non-breaking space. Dates inside quotations keep their form (a quotation is
verbatim) but an impossible date is reported even there.
"""

from __future__ import annotations

import re as stdlib_re
from collections.abc import Iterator
from functools import lru_cache, partial

import regex as re

from termlint.core.model import Edit, Finding, Fix, Severity
from termlint.rules.citations.citations import MONTHS, citations_of, rule_meta
from termlint.rules.context import Context

SOURCE = "United Nations Editorial Manual, \"Dates\"; UN Editorial Manual, \"Resolutions and decisions\""
_meta = partial(rule_meta, source=SOURCE)
_MONTHS = "|".join(MONTHS)
_SP = r"[ \t\n\u00a0]+"
_BEFORE = r"(?<![\w/.\-])"
_DAY_MONTH = re.compile(r"(?<![\w/.])(?P<day>\d{1,2})(?P<suffix>st|nd|rd|th)?(?P<of>" + _SP + r"of)?" + _SP
                        + r"(?P<month>" + _MONTHS + r")(?![\w-])(?:(?P<comma>,)?" + _SP + r"(?P<year>\d{4})(?!\d))?")
_MONTH_DAY = re.compile(r"(?<![\w-])(?P<month>" + _MONTHS + r")" + _SP + r"(?P<day>\d{1,2})(?P<suffix>st|nd|rd|th)?"
                        r"(?P<comma>,)?" + _SP + r"(?P<year>\d{4})(?![\d/])")
_NUMERIC = re.compile(_BEFORE + r"(?P<day>\d{1,2})(?P<sep>[./])(?P<month>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d{2})(?![\w/]|\.\d)")
_ISO = re.compile(_BEFORE + r"(?P<year>(?:19|20)\d{2})[-\u2010\u2011](?P<month>[01]\d)[-\u2010\u2011](?P<day>[0-3]\d)(?![\w\-\u2010\u2011])")
_WORD_DATE = re.compile(_BEFORE + r"(?:(?P<day>\d{1,2})" + _SP + r")?(?P<word>[A-Za-z]{3,12})(?P<dot>\.)?" + _SP
                        + r"(?P<year>(?:19|20)\d{2})(?![\d/])")
# Cheap searches (stdlib `re`, plain characters) that every match of a slow pattern needs: a text
# without one (most paragraphs) is not searched with it. [^\x00-/:-\x7f] stands for \d: an ASCII
# figure or any character above ASCII, so these never miss what `regex`'s \d would take.
_MONTH_NAME = stdlib_re.compile("|".join(MONTHS))  # _DAY_MONTH, _MONTH_DAY
_YEAR = stdlib_re.compile(r"(?:19|20)[^\x00-/:-\x7f]{2}")  # _WORD_DATE, _NUMERIC, _ISO
_NUMERIC_YEAR = stdlib_re.compile(r"[./](?:19|20)")  # _NUMERIC
_ISO_MONTH = stdlib_re.compile(r"(?:19|20)[^\x00-/:-\x7f]{2}[-\u2010\u2011][01]")  # _ISO
_SPACE_YEAR = stdlib_re.compile(r"[ \t\n\u00a0](?:19|20)")  # where a _WORD_DATE year can start
_SPACES = frozenset(" \t\n\u00a0")
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
ABBREVIATIONS = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9,
                 "Oct": 10, "Nov": 11, "Dec": 12}


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in(month: int, year: int | None) -> int:
    """Days in `month` of `year` (Gregorian; February of an unknown year may have 29)."""
    if month == 2:
        leap = year is None or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))
        return 29 if leap else 28
    return _MONTH_DAYS[month - 1]


def _flags(ctx: Context, name: str) -> list[bool]:
    """Per unit of citations_of(ctx), whether it holds a month name ("months") or a year ("years"):
    no date without them. Read once per document, when a rule first asks."""
    def compute() -> list[bool]:
        texts = (unit.text for unit in citations_of(ctx).units)  # one at a time: together, the whole text again
        if name == "months":
            return [_MONTH_NAME.search(t) is not None for t in texts]
        return [("19" in t or "20" in t) and _YEAR.search(t) is not None for t in texts]

    return ctx.shared(("citations_dates.flags", name), compute)


def _units(ctx: Context, *names: str) -> Iterator[tuple[str, object, list[bool]]]:
    """(masked text, clause, flags) of every stretch of text read as one that holds a month name
    or a year, as `names` asks ("months", "years"); flags in the order of `names`."""
    units = citations_of(ctx).units
    for unit, *flags in zip(units, *(_flags(ctx, name) for name in names)):
        if any(flags):
            yield unit.text, unit.clause, flags


def _word_dates(text: str) -> Iterator[re.Match[str]]:
    """`_WORD_DATE.finditer(text)`, searched only near the years a match can end with (the pattern
    tries every position of a text, slowly). Before such a year come spaces, maybe a full stop, a
    word of 3 to 12 ASCII letters not glued to another, and maybe spaces and a one- or two-figure
    day: the window holds all that. Windows that meet are merged, so each match is found in one."""
    windows: list[list[int]] = []
    for y in _SPACE_YEAR.finditer(text):
        year = y.start() + 1
        end = year
        while end > 0 and text[end - 1] in _SPACES:
            end -= 1
        if end > 0 and text[end - 1] == ".":
            end -= 1
        start = end
        while start > 0 and end - start <= 12 and text[start - 1] in _LETTERS:
            start -= 1
        if not 3 <= end - start <= 12:
            continue  # no word to stand for a month
        lo = start
        while lo > 0 and text[lo - 1] in _SPACES:
            lo -= 1
        lo = max(0, lo - 2) if lo < start else start
        stop = min(len(text), year + 5)  # the year and the character after it, for the lookahead
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = stop
        else:
            windows.append([lo, stop])
    for lo, stop in windows:
        yield from _WORD_DATE.finditer(text, lo, stop)


def _offset(clause: object, i: int) -> int:
    return clause.offset_of(i)  # type: ignore[attr-defined]


class ImpossibleDate:
    meta = _meta(
        "CI001", "impossible-date", Severity.ERROR,
        "A date that does not exist (`31 November`, `29 February 2019`)",
        """
A day beyond the end of its month, or day 0. In a citation ("resolution 74/174 of
31 November 2019") the date was mistyped: check the adopted text. 29 February is accepted
only in leap years (and when no year is written).
""",
        [("bad", "Recalling its resolution 74/174 of 31 November 2019,"),
         ("bad", "adopted on 29 February 2019 at its 45th meeting"),
         ("bad", "as decided on 30\u00a0February, during the session"),
         ("good", "Recalling its resolution 74/174 of 18 December 2019,"),
         ("good", "adopted on 29 February 2020 at its 45th meeting"),
         ("good", "held from 30 November to 2 December 2019")])

    def check(self, ctx: Context) -> Iterator[Finding]:
        for text, clause, _ in _units(ctx, "months"):
            for pattern in (_DAY_MONTH, _MONTH_DAY):
                for m in pattern.finditer(text):
                    day, month = int(m.group("day")), MONTHS.index(m.group("month")) + 1
                    year = int(m.group("year")) if m.group("year") else None
                    last = days_in(month, year)
                    if 1 <= day <= last:
                        continue
                    why = (f"{m.group('month')} {year} has {last} days" if month == 2 and year
                           else f"{m.group('month')} has {last} days")
                    yield Finding(self.meta.code, _offset(clause, m.start()), _offset(clause, m.end()),
                                  f"“{' '.join(m.group().split())}” is not a date: {why}")


def _distance(a: str, b: str) -> int:
    """Optimal string alignment distance (a transposition counts as one edit)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


@lru_cache(maxsize=4096)  # the same words come back ("Agenda 2030", "since 2015")
def nearest_month(word: str) -> str | None:
    """The month a misspelt word stands for, if exactly one is close enough."""
    lower = word.lower()
    scored = sorted((_distance(lower, m.lower()), m) for m in MONTHS)
    best, month = scored[0]
    limit = 1 if len(word) <= 4 else 2
    if best == 0 or best > limit or scored[1][0] == best:
        return None
    return month


class MonthSpelling:
    meta = _meta(
        "CI002", "month-spelling", Severity.ERROR,
        "A month misspelt, abbreviated or in lower case (`Decmber`, `Dec.`, `december`)",
        """
Months are written in full with a capital: "18 December 2019". A word next to a day and a
year that is one or two letters away from a month name is a misspelt month; an abbreviation
(`Dec.`, `Sept`) is spelled out in resolutions. The fix writes the month in full.
""",
        [("bad", "Recalling its resolution 74/174 of 18 Decmber 2019,"),
         ("fixed", "Recalling its resolution 74/174 of 18 December 2019,"),
         ("bad", "Recalling its resolution 74/174 of 18 december 2019,"),
         ("fixed", "Recalling its resolution 74/174 of 18 December 2019,"),
         ("bad", "adopted on 27 Sept. 2019"),
         ("fixed", "adopted on 27 September 2019"),
         ("bad", "in Febuary 2020 the Commission met"),
         ("good", "Recalling its resolution 74/174 of 18 December 2019,"),
         ("good", "the Sendai Framework for Disaster Risk Reduction 2015-2030 and Agenda 2063"),
         ("good", "on 3 May 2021 and in June 2022")],
        fixable=True)

    def check(self, ctx: Context) -> Iterator[Finding]:
        code = ctx.protected.code
        for text, clause, _ in _units(ctx, "years"):
            for m in _word_dates(text):
                word = m.group("word")
                if word in MONTHS:
                    continue
                start, end = _offset(clause, m.start("word")), _offset(clause, m.end("dot") if m.group("dot") else m.end("word"))
                if code.overlaps(start, end):
                    continue
                if word.capitalize() in MONTHS and m.group("day"):
                    right, why = word.capitalize(), "months take a capital"
                elif word.capitalize() in MONTHS and word not in ("may", "march"):
                    right, why = word.capitalize(), "months take a capital"
                elif word in ABBREVIATIONS and m.group("day"):
                    right, why = MONTHS[ABBREVIATIONS[word] - 1], "months are written in full"
                else:
                    if not word[0].isupper() or (not m.group("day") and len(word) < 6):
                        continue
                    right = nearest_month(word)  # type: ignore[assignment]
                    if right is None:
                        continue
                    why = "misspelt month"
                found = ctx.text[start:end]
                yield Finding(self.meta.code, start, end, f"“{found}”: {why}; write “{right}”",
                              fix=Fix((Edit(start, end, right),), True, f"write “{right}”"))


class DateForm:
    meta = _meta(
        "CI003", "date-form", Severity.WARNING,
        "A date not written day-month-year (`December 18, 2019`, `18.12.2019`, `18th December`)",
        """
United Nations texts write dates as day, month name, year, with no comma and no ordinal
suffix: "18 December 2019". `December 18, 2019`, `18 December, 2019`, `18th (of) December
2019`, `18.12.2019`, `18/12/2019` and `2019-12-18` are rewritten in that form. A numeric date
is fixed only when it cannot be read two ways (day above 12, or ISO order), and only with
--unsafe-fixes. Dates inside quotations, URLs and code are left as they are.
""",
        [("bad", "Recalling its resolution 74/174 of December 18, 2019,"),
         ("fixed", "Recalling its resolution 74/174 of 18 December 2019,"),
         ("bad", "Recalling its resolution 74/174 of 18 December, 2019,"),
         ("fixed", "Recalling its resolution 74/174 of 18 December 2019,"),
         ("bad", "adopted on the 18th of December 2019"),
         ("fixed", "adopted on the 18 December 2019"),
         ("bad", "General Assembly resolution 2758 (XXVI) of 25.10.1971,"),
         ("fixed", "General Assembly resolution 2758 (XXVI) of 25 October 1971,"),
         ("bad", "draft of 2022-10-04"),
         ("good", "Recalling its resolution 74/174 of 18 December 2019,"),
         ("good", "see E/CN.15/2022/L.5 and version 1.4.0"),
         ("good", "in September 2019, 18 States")],
        fixable=True)

    def check(self, ctx: Context) -> Iterator[Finding]:
        quotes, code = ctx.protected.quotes, ctx.protected.code
        for text, clause, (months, years) in _units(ctx, "months", "years"):
            for finding in self._scan(text, clause, months, years):
                if not quotes.overlaps(finding.start, finding.end) and not code.overlaps(finding.start, finding.end):
                    yield finding

    def _scan(self, text: str, clause: object, months: bool, years: bool) -> Iterator[Finding]:
        for m in _MONTH_DAY.finditer(text) if months else ():
            right = f"{int(m.group('day'))} {m.group('month')} {m.group('year')}"
            yield self._finding(clause, m.start(), m.end(), right, "the day comes before the month, with no comma", True)
        for m in _DAY_MONTH.finditer(text) if months else ():
            if not (m.group("suffix") or m.group("of") or (m.group("comma") and m.group("year"))):
                continue
            right = f"{int(m.group('day'))} {m.group('month')}" + (f" {m.group('year')}" if m.group("year") else "")
            why = "no ordinal suffix" if m.group("suffix") or m.group("of") else "no comma before the year"
            yield self._finding(clause, m.start(), m.end(), right, why, True)
        for pattern, needed, why in ((_NUMERIC, _NUMERIC_YEAR, "numeric dates are ambiguous"),
                                     (_ISO, _ISO_MONTH, "UN texts do not use numeric dates")):
            for m in pattern.finditer(text) if years and needed.search(text) else ():
                day, month, year = int(m.group("day")), int(m.group("month")), int(m.group("year"))
                if not (1 <= month <= 12 and 1 <= day <= days_in(month, year)):
                    continue
                unambiguous = pattern is _ISO or day > 12 or day == month
                right = f"{day} {MONTHS[month - 1]} {year}"
                yield self._finding(clause, m.start(), m.end(), right if unambiguous else None, why, False,
                                    f"{right} or {month} {MONTHS[day - 1]} {year}" if not unambiguous and day <= 12 else right)

    def _finding(self, clause: object, i: int, j: int, right: str | None, why: str, safe: bool,
                 shown: str | None = None) -> Finding:
        start, end = _offset(clause, i), _offset(clause, j)
        fix = Fix((Edit(start, end, right),), safe, f"write “{right}”") if right else None
        return Finding(self.meta.code, start, end, f"write dates as day month year (“{shown or right}”): {why}", fix=fix)


RULES = (ImpossibleDate(), MonthSpelling(), DateForm())
