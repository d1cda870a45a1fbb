"""One Aho-Corasick automaton over many literal terms: where each may start in a text.

A term of a pack matches case-insensitively (or not), as a whole word, with a space or hyphen
in the term standing for a run of spaces, line breaks and hyphens in the text (phrases.JOINER).
The automaton cannot express that, so the text is first *normalised* the way every term is:
lower case, every joiner character (space, tab, no-break spaces, line break, the three hyphens)
a space, and each run of them one space. A term that matches the text then occurs in the
normalised text, so the automaton finds every place a term may start (and a few more: a run of
two line breaks, which no joiner allows, is one space too). The caller confirms each candidate
with the term's own regular expression, so what is reported is exactly what the regular
expression alone would report, at a fraction of the cost: one C-speed pass over the text for
every term of every pack instead of one regular expression per term list.

A text holding a character whose lower case is not one character, or whose case folding differs
from its lower case (İ, ß, ſ, the ligature ﬁ), is not scanned (`scan` returns None): the regular
expressions fold case fully, so "ß" may match a term's "ss"; the caller reads such a text the
old way. No text of the corpora holds one.

pyahocorasick is imported only when an automaton is first built or scanned with.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from termlint.text.case import PIECE, folds_as_lowered, lower

_JOINER_CHARS = "\t\n\u00a0\u202f-\u2010\u2011"  # with the space: what phrases.JOINER is made of
_JOINERS = frozenset(_JOINER_CHARS + " ")
_RUNS = re.compile("  +")
_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def foldable(text: str) -> bool:
    """True when lower-casing `text` character by character folds case as the patterns do: every
    character's lower case is one character and is its own case folding (so not İ, ß, ſ, ﬁ, ς)."""
    return _foldable(text, lower(text))


def _foldable(text: str, lowered: str) -> bool:
    # per character, "casefold(c) != lower(c)" is "casefold(lower(c)) != lower(c)" (checked over
    # every code point by the tests), so one casefold of the lowered text tells
    return len(lowered) == len(text) and folds_as_lowered(lowered)


def normalise(text: str) -> str:
    """`text` as the automaton reads it: lower case, each run of joiner characters one space."""
    return "".join(_flat_pieces(text, _Shift(), strict=False))


class _Unfoldable(Exception):
    """A piece of the text cannot be lower-cased safely (see `foldable`)."""


def _flat_pieces(text: str, shift: _Shift, strict: bool = True) -> Iterator[str]:
    """The text in lower case with each joiner character a space and each run of them one space,
    a piece at a time (their concatenation is the whole flat text, never built, nor is the whole
    text in lower case), each run collapsed noted in `shift`. A piece ends just after a line break
    that no joiner follows, so that no run spans two pieces; lowering a piece cut after a line
    break is lowering its part of the whole text (text/case.py). A piece that cannot be folded
    safely (see `foldable`) raises _Unfoldable when `strict`."""
    at, length = 0, len(text)
    find, joiners = text.find, _JOINERS  # no joiner has a case: the cuts are those of the lowered text
    while at < length:
        cut = find("\n", at + PIECE)
        while cut >= 0 and cut + 1 < length and text[cut + 1] in joiners:
            cut = find("\n", cut + 1)
        cut = length if cut < 0 else cut + 1
        piece = text[at:cut]
        lowered = piece.lower()
        if strict and not _foldable(piece, lowered):
            raise _Unfoldable
        spaced = _spaced(lowered)
        runs = [m.span() for m in _RUNS.finditer(spaced)]
        if runs:
            shift.add(at, runs)
            spaced = _RUNS.sub(" ", spaced)
        yield spaced
        at = cut


def _spaced(text: str) -> str:
    for char in _JOINER_CHARS:
        text = text.replace(char, " ")
    return text


@dataclass
class TermAutomaton:
    """Literal patterns (already normalised) -> the text offsets where each may start.

    `scan` reports a pattern at an offset when its normalised form occurs in the normalised
    text there and the character before is not an ASCII letter or digit (a term starts a word,
    and a letter before it would fail every term's left boundary): a superset of the places
    where the term's regular expression matches, never fewer.
    """

    patterns: tuple[str, ...]
    _automaton: Any = field(default=None, repr=False, compare=False)

    @classmethod
    def of(cls, patterns: Iterable[str]) -> TermAutomaton:
        return cls(tuple(dict.fromkeys(p for p in patterns if p)))

    def _built(self) -> Any:
        if self._automaton is None:
            import ahocorasick  # only a run that checks terms needs it

            automaton = ahocorasick.Automaton()
            for i, pattern in enumerate(self.patterns):
                automaton.add_word(pattern, (i, len(pattern)))
            if self.patterns:
                automaton.make_automaton()
            self._automaton = automaton
        return self._automaton

    def __getstate__(self) -> dict[str, Any]:
        """Pickled with its automaton (loading one costs far less than building it)."""
        self._built()
        return {"patterns": self.patterns, "_automaton": self._automaton}

    def scan(self, text: str) -> dict[int, list[int]] | None:
        """Pattern index -> the offsets in `text` where it may start, ascending; None when the
        text cannot be lower-cased safely (see `foldable`): read it the old way."""
        if not self.patterns:
            return {}
        shift = _Shift()
        found: dict[int, list[int]] = {}
        ascii_word = _ASCII_WORD
        automaton = self._built()
        # The automaton reads its text as four bytes a character: the flat text is handed to it a
        # piece at a time, each after the end of the one before (as long as the longest pattern:
        # a match that ends in this piece starts there at the earliest, and the character before
        # it is there too); only the matches that end in the piece itself are kept.
        reach = max(map(len, self.patterns))
        tail, offset = "", 0  # the end of the flat text so far; where the piece starts in it
        try:
            for piece in _flat_pieces(text, shift):
                window = tail + piece
                begin = offset - len(tail)  # where the window starts in the flat text
                for end, (index, size) in automaton.iter(window):
                    if end < len(tail):
                        continue  # the piece before has reported it
                    start = end - size + 1
                    if start and window[start - 1] in ascii_word:
                        continue  # inside a word
                    found.setdefault(index, []).append(begin + start)
                offset += len(piece)
                tail = window[-reach:]
        except _Unfoldable:
            return None
        if shift.flat_starts and found:
            found = {i: [shift.back(s) for s in starts] for i, starts in found.items()}
        for starts in found.values():
            starts.sort()  # found by end position: a longer pattern may start before a shorter one
        return found


class _Shift:
    """Offsets in the text with its runs collapsed -> offsets in the text."""

    def __init__(self) -> None:
        # machine integers: a large file collapses a run at every paragraph break and indent
        self.flat_starts = array("q")  # where each collapsed run's single space lands
        self.removed = array("q")  # characters removed up to and including that run

    def add(self, at: int, runs: Sequence[tuple[int, int]]) -> None:
        """Note the runs (spans in the spaced text from `at` on) collapsed by the next piece."""
        removed = self.removed[-1] if self.removed else 0
        flat_starts, removeds = self.flat_starts, self.removed
        for start, end in runs:
            flat_starts.append(at + start - removed)
            removed += end - start - 1
            removeds.append(removed)

    def back(self, offset: int) -> int:
        i = bisect.bisect_left(self.flat_starts, offset) - 1  # runs that end before `offset`
        return offset + (self.removed[i] if i >= 0 else 0)


def group(starts: Mapping[int, Sequence[int]], owners: Sequence[Sequence[Any]]) -> dict[Any, dict[int, tuple[Any, ...]]]:
    """Per owner, offset -> the items (the owners' own terms) found starting there.

    The items of an offset are a tuple, one object for every offset with the same items (a 9 MB
    draft has ~140,000 offsets and a few thousand distinct tuples: a list each held 9 MB)."""
    out: dict[Any, dict[int, tuple[Any, ...]]] = {}
    shared: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    one = shared.setdefault
    for index, offsets in starts.items():
        for owner, item in owners[index]:
            at = out.setdefault(owner, {})
            had = at.get
            for offset in offsets:
                items = had(offset)
                items = (item,) if items is None else (*items, item)
                at[offset] = one(items, items)
    return out


def walk(offsets: Sequence[int], spans: Sequence[tuple[int, int]], attempt: Callable[[int, int], Any],
         plain: bool = True) -> list[Any]:
    """A term list's matches in `spans`: `attempt(offset, span end)` at each of the sorted
    `offsets` where a term may start, leftmost first, a match hiding the offsets it covers.

    `plain` spans are sorted and disjoint, and are walked once alongside the offsets; otherwise
    each span is read on its own, in the order given (a span may then repeat another's matches).
    """
    found: list[Any] = []
    if plain:
        k, count, last = 0, len(spans), 0
        first = bisect.bisect_left(offsets, spans[0][0]) if spans else len(offsets)
        for i in range(first, len(offsets)):
            pos = offsets[i]
            while k < count and spans[k][1] <= pos:
                k += 1
            if k == count:
                break
            start, end = spans[k]
            if pos < start or pos < last:
                continue
            m = attempt(pos, end)
            if m is not None:
                found.append(m)
                last = m.end()
        return found
    for span in spans:
        found.extend(walk(offsets, (span,), attempt))
    return found
