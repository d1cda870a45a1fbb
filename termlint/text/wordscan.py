"""The words of a document's prose, read with C-level string methods (the spelling rule's hot path).

A word is a run of letters with inner apostrophes (children’s, d’Ivoire): `WORD`, a letter
being `\\p{L}`. No word holds white space, so the words of a text are the words of its
white-space-separated tokens: `str.split` and a set give a document's ~2,000 distinct
tokens several times faster than a regular expression gives its ~5,000 words, and the
tokens whose words are all known are remembered for the process (most tokens of a draft
are in the previous one), so only the others are read word by word.

The clauses a rule reads are joined with a line break between them: a line break is never
part of a word, so no word spans two clauses and each is read as if it were alone.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from termlint.text.prose import compiled

WORD = r"\p{L}+(?:['’]\p{L}+)*"
_APOSTROPHES = "'’"
_CHUNK = 1 << 16  # characters of a large text split into tokens at once
_LETTER: dict[str, bool] = {}  # non-ASCII character -> is it a letter (kept for the process)


def is_letter(char: str) -> bool:
    """Whether `char` is a letter (`\\p{L}`, as in WORD)."""
    if char.isascii():
        return char.isalpha()
    found = _LETTER.get(char)
    if found is None:
        found = _LETTER[char] = compiled(r"\p{L}").fullmatch(char) is not None
    return found


def words_of(token: str) -> list[str]:
    return compiled(WORD).findall(token)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class WordScan:
    """The spans `segments` of a text (sorted, disjoint), joined by line breaks."""

    segments: tuple[tuple[int, int], ...]
    joined: str
    starts: tuple[int, ...]  # where each segment starts in `joined`

    @classmethod
    def of(cls, text: str, segments: Iterable[tuple[int, int]]) -> WordScan:
        spans = tuple(segments)
        pieces = [text[start:end] for start, end in spans]
        starts = []
        at = 0
        for piece in pieces:
            starts.append(at)
            at += len(piece) + 1
        return cls(spans, "\n".join(pieces), tuple(starts))

    def tokens(self) -> frozenset[str]:
        """The distinct white-space-separated tokens."""
        joined = self.joined
        if len(joined) <= _CHUNK:
            return frozenset(joined.split())
        # A large text is split a piece at a time (each cut at a line break, which no token
        # holds): the list of every token of a 9 MB text would take 80 MB at once.
        found: set[str] = set()
        at = 0
        while at < len(joined):
            cut = joined.find("\n", at + _CHUNK)
            cut = len(joined) if cut < 0 else cut
            found.update(joined[at:cut].split())
            at = cut
        return frozenset(found)

    def occurrences(self, wanted: Iterable[str]) -> Iterator[tuple[int, int, str, bool]]:
        """Each occurrence of the `wanted` words in text order: (start, end, word, first word of
        its segment), offsets in the text. Found with str.find, then kept only where a word
        starts and ends (no letter, nor an apostrophe joined to a letter, on either side)."""
        joined = self.joined
        found = []
        for word in wanted:
            at = joined.find(word)
            while at >= 0:
                end = at + len(word)
                if self._starts_word(at) and self._ends_word(end):
                    found.append((at, end, word))
                at = joined.find(word, at + 1)
        found.sort()
        pattern: Any = compiled(WORD)
        for at, end, word in found:
            k = bisect.bisect_right(self.starts, at) - 1
            shift = self.segments[k][0] - self.starts[k]
            first = pattern.search(joined, self.starts[k]).start() == at
            yield at + shift, end + shift, word, first

    def _starts_word(self, at: int) -> bool:
        joined = self.joined
        if at == 0:
            return True
        before = joined[at - 1]
        if is_letter(before):
            return False
        return not (before in _APOSTROPHES and at >= 2 and is_letter(joined[at - 2]))

    def _ends_word(self, end: int) -> bool:
        joined = self.joined
        if end == len(joined):
            return True
        after = joined[end]
        if is_letter(after):
            return False
        return not (after in _APOSTROPHES and end + 1 < len(joined) and is_letter(joined[end + 1]))
