"""References to resolutions and decisions, and dates, found as values in a text.

An editor reads "its resolutions 72/195 of 19 December 2017 and 73/148 of 17 December 2018"
as two General Assembly resolutions, each with a date. `scan` does the same: it finds every
`resolution`/`decision` noun followed by a number, the list of numbers that share that noun,
the date after each number, and which body issued them, inferred as an editor would (a body
named before the noun, "its" = the organ whose text this is, the body carried over a list,
or the form of the number itself). The other modules of termlint/rules/citations/ judge the values.

Text is read clause by clause (a clause split by a page break is read joined), with line
breaks, non-breaking spaces and footnote markers (`[^3]`, `<sup>3</sup>`) treated as spaces.
"""

from __future__ import annotations

import bisect
import re as stdlib_re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import regex as re

from termlint.core.model import Example, RuleMeta, Severity
from termlint.parse.tree import Clause, Walk
from termlint.rules.citations.citation_bodies import (
    BODIES,
    body_after,
    body_before,
    body_of_chapeau,
    compatible,
    form_body,
)
from termlint.rules.citations.unit import Unit

__all__ = ["BODIES", "MONTHS", "Citations", "Date", "Reference", "Unit", "citations_of", "compatible", "rule_meta", "scan",
           "units_with"]

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MONTH_NUMBER = {m: i for i, m in enumerate(MONTHS, 1)}

_GAP = r"(?:\s|\u00a0)+"
_ROMAN = r"(?:(?:ES|S|ORG)-)?[IVXLC]+"
# One cited number. Named groups say its form; `letter` is the A/B suffix of a lettered resolution.
NUMBER = (
    r"(?P<number>"
    r"(?P<special>(?:ES|S)-\d{1,2}/\d{1,3})"
    r"|(?P<treaty>\d{1,2}/(?:CP|CMP|CMA|COP|MOP)\.\d{1,2})"
    r"|(?P<year>(?:19[4-9]\d|20\d\d)/\d{1,3})"
    r"|(?P<session>\d{1,2}/\d{1,3})"
    r"|(?P<bracketed>\d{1,4}(?:\s+[A-H](?:\s+(?:to|and)\s+[A-H])?)?\s+\((?P<bracket>" + _ROMAN + r"|(?:19[4-9]\d|20\d\d))\))"
    r")"
    r"(?:\s+(?P<letter>[A-H](?:\s+(?:to|and)\s+[A-H])?)(?=[\s,;.:)\]]|$))?"
    r"(?![\w/])"
)
_NUMBER_RE = re.compile(r"(?<![\w/.\-])" + NUMBER)
_FORMS = ("special", "treaty", "year", "session", "bracketed")  # the named groups of NUMBER, in order
_FIRST_RE = re.compile(r"(?:ES-|S-)?(\d+)")
_NOUN_RE = re.compile(r"(?<![\w-])(?P<noun>[Rr]esolutions?|[Dd]ecisions?)" + _GAP + r"(?=\(?(?:ES-|S-)?\d)")
DATE = r"(?P<day>\d{1,2})" + _GAP + r"(?P<month>[A-Za-z]{3,10})" + _GAP + r"(?P<y>\d{4})(?!\d)"
_DATE_AFTER_RE = re.compile(r"\s*,?\s*(?:of|adopted\s+on|dated)" + _GAP + DATE)
# What may stand between two numbers of one list: a title, a date range, a short clause.
_LIST_SEP_RE = re.compile(r"(?:,|,?\s+and|,?\s+as\s+well\s+as|,?\s+or)\s*$")
_TITLE_STOP_RE = re.compile(r";|\b(?:[Rr]esolutions?|[Dd]ecisions?|paragraphs?|paras?\.|[Aa]rticles?|annex|chapter|section|Supplement)\b|\d/|[.:](?:\s|$)")
_TITLE_START_RE = re.compile(r"\s*,?\s*(?:on|entitled|concerning|relating|regarding|in\s+which|by\s+which|which|adopted|as\s+contained)\b")
QUOTED_RE = re.compile(r"“[^”]*”|\"[^\"]*\"")
# Where a number can start (a figure, or the S- of S-/ES-), as a cheap search: [^\x00-/:-\x7f] is an
# ASCII figure or any character above ASCII, so it never misses what `regex`'s \d takes.
_NUMBER_HINT = stdlib_re.compile(r"[^\x00-/:-\x7f]|S-")


@dataclass(frozen=True, slots=True)
class Date:
    """A date written as day, month name and year ("18 December 2019")."""

    day: int
    month: int  # 0: the month word is not a month name
    month_word: str
    year: int
    start: int
    end: int

    def __str__(self) -> str:
        return f"{self.day} {self.month_word} {self.year}"


@dataclass(frozen=True, slots=True)
class Reference:
    """One cited resolution or decision number, with what an editor would read around it."""

    noun: str  # "resolution" or "decision"
    plural: bool  # the noun that introduced its list is plural
    noun_start: int
    noun_end: int
    number: str  # as written, spaces normalised: "74/174", "3363 (XXX)", "1325 (2000)"
    form: str  # session | year | special | treaty | bracketed
    first: int  # the part before the slash or bracket: a session, a year, or a running number
    bracket: str  # the bracketed part: "XXX", "2000", ""
    letter: str
    start: int  # span of the number (document offsets)
    end: int
    date: Date | None
    body: str | None  # a code of BODIES, "other", or None (unknown)
    body_reason: str  # named | its | list | after | form | ""
    list_id: int  # references sharing one noun share a list_id
    index: int  # position in its list
    in_footnote: bool


@dataclass(frozen=True)
class Citations:
    """The citations of one text: units (a symbol, a date) and the references they make."""
    units: tuple[Unit, ...]

    @cached_property
    def references(self) -> tuple[Reference, ...]:
        """Read on first use: rules that only read the units (dates, symbols) do not need them."""
        return _references(self.units)

    def lists(self) -> list[list[Reference]]:
        grouped: dict[int, list[Reference]] = {}
        for ref in self.references:
            grouped.setdefault(ref.list_id, []).append(ref)
        return list(grouped.values())


def units_of(tree: Clause, walk: Walk | None = None) -> list[Unit]:
    """Every clause that holds text of its own, in document order, with its organ (that of the
    chapeau of the resolution it lies in). `walk`: the tree's walk, when the engine has made it."""
    walk = walk if walk is not None else Walk.of(tree)
    found: list[Unit] = []
    organs: list[tuple[int, str | None]] = []  # (where a resolution's subtree ends, its organ), innermost last
    for i, clause in enumerate(walk.clauses):
        while organs and organs[-1][0] <= i:
            organs.pop()
        if clause.kind == "resolution":
            chapeau = next((c for c in clause.children if c.kind == "chapeau"), None)
            organs.append((walk.ends[i], body_of_chapeau(chapeau.text) if chapeau else None))
        own = bool(clause.segments) and not (clause.children and any(
            s.start < c.end and c.start < s.end for s in clause.segments for c in clause.children))
        if own and clause.kind not in ("document", "resolution", "pagebreak"):
            found.append(Unit(clause, organs[-1][1] if organs else None, clause.kind == "footnote"))
    return found


def month_of(word: str) -> int:
    return MONTH_NUMBER.get(word, 0)


def _date(m: re.Match[str], unit: Unit) -> Date:
    word = unit.clause.text[m.start("month"):m.end("month")]
    return Date(int(m.group("day")), month_of(word), word, int(m.group("y")),
                unit.clause.offset_of(m.start("day")), unit.clause.offset_of(m.end("y")))


def scan(tree: Clause, walk: Walk | None = None) -> Citations:
    """Every reference in the text, grouped in lists, with dates and issuing bodies."""
    return Citations(tuple(units_of(tree, walk)))


def _references(units: tuple[Unit, ...]) -> tuple[Reference, ...]:
    refs: list[Reference] = []
    list_id = 0
    for unit in units:
        text = unit.text
        if "esolution" not in text and "ecision" not in text:
            continue  # no noun to start a list (most paragraphs): spare the searches
        quotes = [m.span() for m in QUOTED_RE.finditer(text)] if "“" in text or '"' in text else []
        # outside quotations a list goes on past a quoted title and the numbers in it
        dequoted = QUOTED_RE.sub(lambda q: " " * len(q.group()), text) if quotes else text
        pos = 0
        next_noun = _NounFinder(text)
        while True:
            noun = next_noun(pos)
            if not noun:
                break
            # a reference inside a quoted title ("Implementation of General Assembly resolution
            # 46/152 ...") cannot take numbers from beyond the closing quotation mark
            inside = next((e for s, e in quotes if s < noun.start() < e), None)
            limit, lookup = (inside, text) if inside is not None else (len(text), dequoted)
            list_id += 1
            body, reason = body_before(unit, noun.start())
            word = noun.group("noun").lower()
            plural = word.endswith("s")
            cursor, index, list_body, list_reason = noun.end(), 0, body, reason
            clause = unit.clause
            noun_start, noun_end = clause.offset_of(noun.start()), clause.offset_of(noun.start() + len(word))
            while True:
                m = _NUMBER_RE.match(text, cursor)
                if not m:
                    break
                form = next(k for k, v in zip(_FORMS, m.group(*_FORMS)) if v)
                bracket = m.group("bracket") or ""
                end = m.end()
                d = _DATE_AFTER_RE.match(text, end)
                date = _date(d, unit) if d else None
                end = d.end() if d else end
                item_body, item_reason = list_body, list_reason
                after = body_after(unit, end)
                if after:
                    item_body, item_reason = after, "after"
                elif not compatible(item_body, form, bracket) and list_reason != "named":
                    item_body, item_reason = None, ""
                if item_body is None and form_body(form, bracket):
                    item_body, item_reason = form_body(form, bracket), "form"
                number = " ".join(clause.text[m.start("number"):m.end("number")].split())
                first = int(_FIRST_RE.match(number).group(1))  # type: ignore[union-attr]
                refs.append(Reference(
                    word.rstrip("s"), plural, noun_start, noun_end,
                    number, form, first, bracket, " ".join((m.group("letter") or "").split()),
                    clause.offset_of(m.start("number")), clause.offset_of(m.end("number")),
                    date, item_body, item_reason, list_id, index, unit.in_footnote))
                index += 1
                nxt = _next_in_list(text, lookup, end, limit)
                if nxt is None:
                    break
                cursor = nxt
            pos = max(noun.end(), cursor)
    return tuple(refs)


class _NounFinder:
    """`_NOUN_RE.search(text, pos)` for increasing `pos`: a noun starts one character before
    each "esolution" or "ecision", so only there is it tried, and the next place of each word
    is remembered (a long paragraph without "decision" is not searched to its end for every
    resolution it cites)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ahead: dict[str, int | None] = {"esolution": -1, "ecision": -1}  # -1: not looked yet

    def __call__(self, pos: int) -> re.Match[str] | None:
        while True:
            found = []
            for word, at in self.ahead.items():
                if at is not None and at < pos + 1:
                    at = self.text.find(word, pos + 1)
                    self.ahead[word] = at = at if at >= 0 else None  # None: no more of it
                if at is not None:
                    found.append(at)
            if not found:
                return None
            at = min(found) - 1
            noun = _NOUN_RE.match(self.text, at)
            if noun:
                return noun
            pos = at + 1


def _next_in_list(text: str, lookup: str, end: int, limit: int) -> int | None:
    """Where the next number of the same list starts, if the list goes on after `end`.

    `lookup` is the text searched for that number (quotations blanked when the list began
    outside them)."""
    stop = min(limit, end + 400)
    hint = _NUMBER_HINT.search(lookup, end, stop)  # the first place a number can start (an ES- one before it)
    m = _NUMBER_RE.search(lookup, max(end, hint.start() - 1), stop) if hint else None
    if not m or not _NUMBER_RE.match(text, m.start()):
        return None
    gap = text[end:m.start()]
    if not gap.rstrip().endswith((",", "and", "as", "or")):
        return None  # what every separator ends with (a cheap test before the search)
    sep = _LIST_SEP_RE.search(gap)
    if not sep:
        return None
    between = QUOTED_RE.sub(" ", gap[:sep.start()])  # a quoted title may hold anything
    if between.strip() and (not _TITLE_START_RE.match(between) or _TITLE_STOP_RE.search(between)):
        return None
    return m.start()


def citations_of(ctx: Any) -> Citations:
    """The citations of a rule's context, computed once per document."""
    return ctx.shared("citations", lambda: scan(ctx.tree, ctx.walk))  # type: ignore[no-any-return]


def _segment_index(units: Sequence[Unit]) -> tuple[list[int], ...]:
    """(starts, ends, owners) of every unit segment, sorted by start; () when segments overlap."""
    starts, ends, owners = [], [], []  # of every segment (lists of ints: no tuple per segment)
    for k, u in enumerate(units):
        for seg in u.clause.segments:
            starts.append(seg.start)
            ends.append(seg.end)
            owners.append(k)
    order = sorted(range(len(starts)), key=starts.__getitem__)
    starts, ends, owners = ([x[i] for i in order] for x in (starts, ends, owners))
    disjoint = all(ends[i] <= starts[i + 1] for i in range(len(starts) - 1))
    return (starts, ends, owners) if disjoint else ()


def units_with(ctx: Any, *patterns: stdlib_re.Pattern[str]) -> list[Unit]:
    """The units, in document order, that may hold a match of one of `patterns`: those with a
    segment that meets a match of it in the document's text (one search of the text, not one per
    unit; a plain word is found fastest alone). For a pattern that matches no space (masking makes
    spaces, and so does joining segments), that holds every unit whose text, masked or not,
    matches: such a match is the document's, inside one segment, and is found or lies inside a
    match that is."""
    units = citations_of(ctx).units
    index = ctx.shared("citations.unit_segments", lambda: _segment_index(units))
    if not index:  # segments that overlap (never seen): every unit may hold one
        return list(units)
    starts, ends, owners = index
    found: set[int] = set()
    for pattern in patterns:
        for m in pattern.finditer(ctx.text):
            i = bisect.bisect_right(ends, m.start())  # the first segment that ends after the match starts
            while i < len(starts) and starts[i] < max(m.end(), m.start() + 1):
                found.add(owners[i])
                i += 1
    return [units[k] for k in sorted(found)]


def rule_meta(code: str, name: str, severity: Severity, summary: str, description: str,
              examples: list[tuple[str, str]], *, source: str, fixable: bool = False) -> RuleMeta:
    """The metadata of a citation rule: category "citation", examples as (kind, text) pairs."""
    return RuleMeta(code=code, name=name, category="citation", severity=severity, summary=summary,
                    description=description.strip(), fixable=fixable, source=source,
                    examples=tuple(Example(k, t) for k, t in examples))  # type: ignore[arg-type]
