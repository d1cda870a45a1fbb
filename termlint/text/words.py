"""A document's words, read once: the view every word-level rule reads (spelling, the
consistency rules, acronyms, the first words of term lists), built once per text.

No word holds white space, so the words of a text are the words of its white-space-separated
*tokens*. The view splits the text once (`str.split`, in C) into its distinct tokens (a 30 KB
draft has ~2,500 of them for ~5,000 words), and a family reads each distinct token or word once
*per process*: `tokens_meaning` and `words_meaning` keep, per family, what each means to it (its
spelling, its compounds, its spelling variant), so a document costs its new tokens and a few set
operations. Offsets are found afterwards, only for what a family asks about: `positions` of a
word (its literal searched at C speed), the hyphenated `compounds` (found from the hyphens), the
matches of one `scan` pattern over the whole text (the acronym rules' capitals). Most words of a
draft never need their offsets.

A word of the index (`words`, `positions`, `index`) is a run of letters (`[^\\W\\d_]+`) in
lower case: what `phrases.word_index` has always given term lists and the consistency rules.

A rule reads the spans of its clauses as if each were alone (`WordScan` joins them with line
breaks). A span whose ends touch white space (`clean`: the usual case) cuts no token, so its
tokens and words are those of the whole text inside it; a family reads the few other spans itself.
`line_start` and `line_end` answer "which line" by bisection, for rules that look around a word.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Callable, Iterator, Mapping
from functools import cached_property, lru_cache
from itertools import accumulate
from operator import add
from typing import Any

from termlint.core.recache import compile_apart
from termlint.text.case import lower
from termlint.text.protect import positions

_RUN = re.compile(r"[^\W\d_]+")  # a run of letters, as phrases.word_index has always read them
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_RUN_CHAR: dict[str, bool] = {}  # non-ASCII character -> is it part of a run (kept for the process)

# Per family, what each token or word seen in this process means to it. Drafts share most of
# their vocabulary, so a document costs only its new tokens.
_MEMOS: dict[str, _Memo] = {}
_MEMO_SIZE = 400_000  # entries per family; a very long run starts afresh rather than grow unbounded

BUILT = [0]  # views built in this process (a test checks that one document builds one)


def _run_char(char: str) -> bool:
    if char in _ASCII_LETTERS:
        return True
    if char.isascii():
        return False
    found = _RUN_CHAR.get(char)
    if found is None:
        found = _RUN_CHAR[char] = _RUN.fullmatch(char) is not None
    return found


class _Memo:
    """What the items (tokens or words) seen in this process mean to one family."""

    __slots__ = ("meant", "meaningful", "seen")

    def __init__(self) -> None:
        self.meant: dict[str, Any] = {}
        self.meaningful: set[str] = set()  # the keys of `meant`, as a set (fast set operations)
        self.seen: set[str] = set()  # those and the items that mean nothing


def _memo(family: str) -> _Memo:
    memo = _MEMOS.get(family)
    if memo is None or len(memo.seen) > _MEMO_SIZE:
        memo = _MEMOS[family] = _Memo()
    return memo


def _found(text: str, word: str) -> list[int]:
    """Where `word` stands whole in `text`, as written. A word of six letters or more is found
    with str.find (its few partial hits ruled out one by one); a shorter one, whose partial hits
    are many (on, the), with a pattern that rules them out in C."""
    if len(word) < 6:
        return [m.start() for m in _whole(word).finditer(text)]
    found = []
    size, n = len(text), len(word)
    at = text.find(word)
    while at >= 0:
        end = at + n
        if (at == 0 or not _run_char(text[at - 1])) and (end == size or not _run_char(text[end])):
            found.append(at)
        at = text.find(word, end)  # a whole occurrence never starts inside another's letters
    return found


@lru_cache(maxsize=4096)
def _whole(word: str) -> Any:
    """`word` as a whole run of letters: the literal first, so that the engine looks for it at
    C speed, then the letters on either side ruled out."""
    literal = re.escape(word)  # one pattern per word a document asks for: not one for the start-up cache
    return compile_apart(f"{literal}(?<![^\\W\\d_]{literal})(?![^\\W\\d_])")


_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u2010\u2011](?=[^\W\d_])")
_HYPHENS = "-\u2010\u2011"


def _compounds(text: str) -> Iterator[tuple[int, int]]:
    """The spans of hyphenated words, from each hyphen (CO102's reading, moved here whole): the
    letters either side, further hyphenated parts, nothing touching a digit or an underscore."""
    size, covered = len(text), -1
    for hyphen in positions(text, _HYPHENS):
        if hyphen < covered or _HYPHEN.match(text, hyphen) is None:
            continue
        start = hyphen
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        end = hyphen + 1
        while True:
            while end < size and text[end].isalpha():
                end += 1
            if end + 1 < size and text[end] in _HYPHENS and text[end + 1].isalpha():
                end += 1
                continue
            break
        covered = end
        before, after = text[start - 1:start], text[end:end + 1]
        if (before and (before.isdigit() or before in "_" + _HYPHENS)) or (after and (after.isdigit() or after == "_")):
            continue
        yield start, end


def _runs(token: str) -> frozenset[str]:
    return frozenset(_RUN.findall(token))


class WordView:
    """The words of one text, tokenised once; build it with `view_of` (or `Context.word_view`)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._positions: dict[str, list[int]] = {}
        self._scans: dict[Any, tuple[list[int], list[Any]]] = {}
        self.memo: dict[Any, Any] = {}  # what a family derives from the view, by a key it prefixes with its name
        BUILT[0] += 1

    # -- what the text holds -------------------------------------------------------------

    @cached_property
    def tokens(self) -> frozenset[str]:
        """The distinct white-space-separated tokens of the text."""
        return distinct_tokens(self.text)

    @cached_property
    def words(self) -> frozenset[str]:
        """The distinct words of the index: runs of letters, in lower case."""
        if self._irregular is not None:
            return frozenset(self._irregular)
        return frozenset(map(str.lower, self._written))

    @cached_property
    def _written(self) -> frozenset[str]:
        """The distinct runs of letters of the text, as written."""
        tokens = self.tokens
        return frozenset().union(*filter(None, map(_read_new("words.runs", _runs, tokens).meant.get, tokens)))

    def spellings(self, word: str) -> list[str]:
        """The runs of letters written in the text that lower to `word` (recognising: recognising,
        Recognising). A character and its lower case are alike letters or not (a test reads every
        code point), and outside `_irregular`'s texts each letter lowers alone: where a spelling
        stands whole in the text, `word` stands whole in its lower case, which is never built."""
        return ([word] if word in self._written else []) + self._capitals.get(word, [])

    @cached_property
    def _capitals(self) -> dict[str, list[str]]:
        """The runs written with a capital letter, by their lower case."""
        found: dict[str, list[str]] = {}
        for run in self._written - self.words:
            found.setdefault(run.lower(), []).append(run)
        return found

    @cached_property
    def _irregular(self) -> dict[str, list[int]] | None:
        """The index of a text whose lower case is not its letters lowered one by one, built whole:
        with a letter whose lower case is longer (İ -> i̇), every run of letters lowered alone
        (offsets in the lowered text would shift); with a capital sigma, the one letter lowered by
        its neighbours (final ς or σ), the runs of the lowered text. None for every other text."""
        tokens = " ".join(self.tokens)  # white space has no case: the characters that have are here
        if tokens.isascii():
            return None
        grows = len(lower(tokens)) != len(tokens)
        if not grows and "\u03a3" not in tokens:
            return None
        index: dict[str, list[int]] = {}
        if grows:
            for m in _RUN.finditer(self.text):
                index.setdefault(m.group().lower(), []).append(m.start())
        else:
            for m in _RUN.finditer(lower(self.text)):
                index.setdefault(m.group(), []).append(m.start())
        return index

    def tokens_meaning(self, family: str, read: Callable[[str], Any]) -> dict[str, Any]:
        """The tokens of the text that mean something to `family`, each with what `read` makes of
        it; a token `read` finds empty (None, "", ()) means nothing. `read` must depend on the
        token alone: its verdicts are kept for the process under the name `family`."""
        return _meanings(family, read, self.tokens)

    def words_meaning(self, family: str, read: Callable[[str], Any]) -> dict[str, Any]:
        """As `tokens_meaning`, for the distinct words of the index."""
        return _meanings(family, read, self.words)

    # -- where ---------------------------------------------------------------------------

    def positions(self, word: str) -> list[int]:
        """Where the lower-case `word` stands as a whole run of letters, in text order."""
        found = self._positions.get(word)
        if found is None:
            if self._irregular is not None:
                found = self._irregular.get(word, [])
            elif word in self.words:  # each spelling searched as written: the text is not lowered whole
                spellings = self.spellings(word)
                found = _found(self.text, spellings[0]) if len(spellings) == 1 else sorted(
                    at for spelling in spellings for at in _found(self.text, spelling))
            else:
                found = []
            self._positions[word] = found
        return found

    @cached_property
    def index(self) -> Mapping[str, list[int]]:
        """Word -> its positions, computed for a word when asked (what `phrases.word_index` gives)."""
        return _Index(self)

    @cached_property
    def compounds(self) -> list[tuple[int, int]]:
        """The spans of the hyphenated words (letters joined by hyphens), in text order.

        Found from the hyphens (a `str.find` scan per hyphen character), not by trying a word
        pattern everywhere; words touching a digit or an underscore (COVID-19, A-1_b) are not
        compounds."""
        return list(_compounds(self.text))

    def scan(self, pattern: Any) -> tuple[list[int], list[Any]]:
        """(starts, matches) of `pattern` over the whole text, found once per view: a family whose
        words have a shape of their own (the acronym rules' capitals) reads it here, and each of
        its rules and clauses takes its part by offset."""
        found = self._scans.get(pattern)
        if found is None:
            matches = list(pattern.finditer(self.text))
            found = self._scans[pattern] = ([m.start() for m in matches], matches)
        return found

    # -- spans and lines -----------------------------------------------------------------

    def clean(self, start: int, end: int) -> bool:
        """Whether the span [start, end) cuts no token: each end touches white space (or the text's)."""
        text = self.text
        return ((start == 0 or text[start - 1].isspace() or start >= len(text) or text[start].isspace())
                and (end >= len(text) or text[end].isspace() or end == 0 or text[end - 1].isspace()))

    @cached_property
    def _line_starts(self) -> array[int]:
        lines = self.text.split("\n")
        # line k starts after the k line breaks and the lengths of the k lines before it
        # (machine integers: a large file has hundreds of thousands of lines)
        return array("q", [0, *map(add, accumulate(map(len, lines[:-1])), range(1, len(lines)))])

    def line_start(self, offset: int) -> int:
        """Where the line holding `offset` starts (text.rfind("\\n", 0, offset) + 1, without the scan)."""
        starts = self._line_starts
        return starts[bisect.bisect_right(starts, offset) - 1]

    def line_end(self, offset: int) -> int:
        """Where the line holding `offset` ends: its line break, or the text's end."""
        starts = self._line_starts
        i = bisect.bisect_right(starts, offset)
        return starts[i] - 1 if i < len(starts) else len(self.text)


class _Index(Mapping[str, list[int]]):
    """The word index of a view: membership from its distinct words, positions found when asked."""

    def __init__(self, view: WordView) -> None:
        self._view = view

    def __getitem__(self, word: str) -> list[int]:
        if word not in self._view.words:
            raise KeyError(word)
        return self._view.positions(word)

    def __contains__(self, word: object) -> bool:
        return word in self._view.words

    def __iter__(self) -> Iterator[str]:
        return iter(self._view.words)

    def __len__(self) -> int:
        return len(self._view.words)


def _meanings(family: str, read: Callable[[str], Any], items: frozenset[str]) -> dict[str, Any]:
    memo = _read_new(family, read, items)
    return {item: memo.meant[item] for item in items & memo.meaningful}


def _read_new(family: str, read: Callable[[str], Any], items: frozenset[str]) -> _Memo:
    """The memo of `family`, holding every one of `items`: `read` runs only for items new to the
    process (a subset test in C is all most documents cost)."""
    memo = _memo(family)
    if not items <= memo.seen:
        for item in items - memo.seen:
            value = read(item)
            memo.seen.add(item)
            if value:
                memo.meant[item] = value
                memo.meaningful.add(item)
    return memo


_TOKEN_CHUNK = 1 << 16  # characters of a large text split into tokens at once


def distinct_tokens(text: str) -> frozenset[str]:
    """`frozenset(text.split())`. A large text is split a piece at a time (each cut at a line
    break, which no token holds): the list of every token of a 9 MB text would take 80 MB at once."""
    if len(text) <= _TOKEN_CHUNK:
        return frozenset(text.split())
    found: set[str] = set()
    at = 0
    while at < len(text):
        cut = text.find("\n", at + _TOKEN_CHUNK)
        cut = len(text) if cut < 0 else cut
        found.update(text[at:cut].split())
        at = cut
    return frozenset(found)


_RECENT: list[WordView] = []  # the views of the last texts asked for (a run reads one text at a time)
_KEEP = 2


def view_of(text: str) -> WordView:
    """The word view of `text`, built on the first request and shared by every rule that reads
    the same text object (the Context's rules, and `phrases.word_index` for term lists)."""
    for view in _RECENT:
        if view.text is text:
            return view
    view = WordView(text)
    _RECENT.insert(0, view)
    del _RECENT[_KEEP:]
    return view


def forget(text: str) -> None:
    """Let the view of `text` go (the caller is done with the text): a large file's view holds its
    tokens and offsets, which would otherwise stay until two more texts have been read."""
    _RECENT[:] = [view for view in _RECENT if view.text is not text]
