"""The words of a document's prose, read with C-level string methods (the spelling rule's hot path).

A word is a run of letters with inner apostrophes (children’s, d’Ivoire): `WORD`, a letter
being `\\p{L}`. No word holds white space, so the words of a text are the words of its
white-space-separated tokens: `str.split` and a set give a document's ~2,000 distinct
tokens several times faster than a regular expression gives its ~5,000 words, and the
tokens whose words are all known are remembered for the process (most tokens of a draft
are in the previous one), so only the others are read word by word.

The clauses a rule reads are joined with a line break between them: a line break is never
part of a word, so no word spans two clauses and each is read as if it were alone. A span
that cuts no token (`WordView.clean`: the usual case) holds exactly the whole text's tokens
and words inside it, so `span_tokens` and `span_occurrences` read those spans from the shared
word view (termlint/text/words.py) and join only the others.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from termlint.text.prose import compiled
from termlint.text.words import WordView, distinct_tokens

WORD = r"\p{L}+(?:['’]\p{L}+)*"
_APOSTROPHES = "'’"
_LETTER: dict[str, bool] = {}  # non-ASCII character -> is it a letter (kept for the process)


def is_letter(char: str) -> bool:
    """Whether `char` is a letter (`\\p{L}`, as in WORD)."""
    if char.isascii():
        return char.isalpha()
    found = _LETTER.get(char)
    if found is None:
        found = _LETTER[char] = compiled(r"\p{L}").fullmatch(char) is not None
    return found


@lru_cache(maxsize=65536)
def words_of(token: str) -> tuple[str, ...]:
    """The words of one token (kept for the process: most tokens recur from draft to draft)."""
    return tuple(compiled(WORD).findall(token))


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
        return distinct_tokens(self.joined)

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


def span_tokens(view: WordView, segments: Iterable[tuple[int, int]]) -> frozenset[str]:
    """The distinct tokens of `segments` read alone (as `WordScan.tokens`), or more: the text's
    own, plus the tokens of any span that cuts one."""
    dirty = _partition(view, tuple(segments))[1]
    return view.tokens | WordScan.of(view.text, dirty).tokens() if dirty else view.tokens


def span_occurrences(view: WordView, segments: tuple[tuple[int, int], ...],
                     wanted: Iterable[str]) -> list[tuple[int, int, str, bool]]:
    """What `WordScan.of(view.text, segments).occurrences(wanted)` yields (segments sorted and
    disjoint), in the same order: each clean segment's words from the whole text, the few
    segments that cut a token joined and read as before."""
    text = view.text
    wanted = tuple(wanted)
    clean, dirty = _partition(view, segments)
    found = list(WordScan.of(text, dirty).occurrences(wanted)) if dirty else []
    if clean and wanted:
        starts = [start for start, _ in clean]
        pattern: Any = compiled(WORD)
        firsts: dict[int, int] = {}  # segment -> where its first word starts
        for word in wanted:
            for at in _whole_words(text, word):
                k = bisect.bisect_right(starts, at) - 1
                end = at + len(word)
                if k < 0 or end > clean[k][1]:
                    continue
                if k not in firsts:
                    firsts[k] = pattern.search(text, clean[k][0], clean[k][1]).start()
                found.append((at, end, word, firsts[k] == at))
    found.sort()
    return found


def _whole_words(text: str, word: str) -> Iterator[int]:
    """Where `word` stands whole in `text`: no letter, nor an apostrophe joined to a letter, on either side."""
    size, n = len(text), len(word)
    at = text.find(word)
    while at >= 0:
        end = at + n
        if ((at == 0 or not (is_letter(text[at - 1]) or text[at - 1] in _APOSTROPHES and at >= 2
                             and is_letter(text[at - 2])))
                and (end == size or not (is_letter(text[end]) or text[end] in _APOSTROPHES and end + 1 < size
                                         and is_letter(text[end + 1])))):
            yield at
        at = text.find(word, at + 1)


def _partition(view: WordView, segments: tuple[tuple[int, int], ...]) -> tuple[list[tuple[int, int]], ...]:
    """The clean segments and the others (`WordView.clean`), sorted out once per view and segments."""
    key = ("wordscan.partition", segments)
    found = view.memo.get(key)
    if found is None:
        clean = [span for span in segments if view.clean(*span)]
        found = view.memo[key] = (clean, [span for span in segments if not view.clean(*span)])
    return found  # type: ignore[no-any-return]
