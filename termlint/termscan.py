"""Term lists matched only where they can match: the same results as one big pattern, much faster.

A list of hundreds of terms compiled into one alternation (phrases.trie_pattern) is tried
at every word of a text, and Python's regex engines try the alternation's branches one by
one: about 1-3 MB/s for the house-style tables. Yet most terms of a list never occur in a
given draft. So a `TermPattern` splits its terms by their first word and, for each text,
looks at the set of words the text holds (computed once per text, for every list, at
~90 MB/s): a group whose first word is absent cannot match and is skipped; a group that is
present is one small pattern starting with a literal word, which the `regex` module finds
at hundreds of MB/s.

`finditer(text, pos, endpos)` yields exactly the matches the single pattern would: when
several groups are present their matches are merged the way one scan would find them
(leftmost first, resuming after each match). The equivalence is tested on the bundled
term lists over the corpus (tests/test_termscan.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import regex

# ASCII letters lower-cased, digits kept, other ASCII bytes -> space; bytes of non-ASCII
# characters are kept and those (rare) tokens are split again as Unicode below.
_TABLE = bytes(
    (b + 32 if 65 <= b <= 90 else b) if (48 <= b <= 57 or 65 <= b <= 90 or 97 <= b <= 122 or b >= 128) else 32
    for b in range(256)
)
# A word ends where the term patterns' boundaries say (phrases.LEFT/RIGHT: letters and digits).
_WORD = regex.compile(r"[\p{L}\p{N}]+")

_last: list[Any] = [None, frozenset()]  # (the text last asked about, its words): rules share one text


def words_of(text: str) -> frozenset[str]:
    """The distinct words of `text`, case-folded (a word: a run of letters and digits)."""
    if _last[0] is text:
        return _last[1]
    tokens = set(text.encode("utf-8", "surrogatepass").translate(_TABLE).split())
    found = set(b" ".join(tokens).decode("utf-8", "surrogatepass").split(" "))  # one decode, not one per word
    for token in [t for t in found if not t.isascii()]:  # few: split them as Unicode words
        found.discard(token)
        found.update(w.casefold() for w in _WORD.findall(token))
    found.discard("")
    words = frozenset(found)
    _last[0], _last[1] = text, words
    return words


def first_word(term: str) -> str | None:
    """The case-folded first word of a term; None when the term does not start with one."""
    m = _WORD.match(term)
    return m.group().casefold() if m else None


class TermPattern:
    """A drop-in for the compiled trie pattern of `terms`: finditer/search/findall, and the rest delegated.

    `compile` turns a tuple of terms into a compiled pattern (phrases.compile_terms' own
    builder), so each group is exactly the single pattern restricted to its terms.
    """

    def __init__(self, terms: Iterable[str], compile: Callable[[tuple[str, ...]], Any]) -> None:
        self.terms = tuple(terms)
        self._compile = compile
        groups: dict[str | None, list[str]] = {}
        for term in self.terms:
            groups.setdefault(first_word(term), []).append(term)
        self._always = tuple(groups.pop(None, ()))  # terms that start with no word: always scanned
        self._groups = {word: tuple(ts) for word, ts in groups.items()}
        self._first_words = frozenset(self._groups)
        self._compiled: dict[str | None, Any] = {}
        self._full: Any = None

    # -- the compiled pattern, whole (for what is not specialised here) -------------------

    @property
    def full(self) -> Any:
        if self._full is None:
            self._full = self._compile(self.terms)
        return self._full

    @property
    def pattern(self) -> str:
        return self.full.pattern

    def __getattr__(self, name: str) -> Any:  # match, fullmatch, sub, flags, ...: as the whole pattern
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.full, name)

    # -- matching ----------------------------------------------------------------------

    def _present(self, text: str) -> list[Any]:
        """The compiled groups that can match somewhere in `text`."""
        keys: list[str | None] = sorted(self._first_words & words_of(text))
        if self._always:
            keys.append(None)
        found = []
        for key in keys:
            compiled = self._compiled.get(key)
            if compiled is None:
                compiled = self._compile(self._groups[key] if key is not None else self._always)
                self._compiled[key] = compiled
            found.append(compiled)
        return found

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None, **kwargs: Any) -> Iterator[Any]:
        end = len(text) if endpos is None else endpos
        groups = self._present(text)
        if not groups:
            return iter(())
        if len(groups) == 1:
            return groups[0].finditer(text, pos, end, **kwargs)
        return _merged(groups, text, pos, end, kwargs)

    def search(self, text: str, pos: int = 0, endpos: int | None = None, **kwargs: Any) -> Any:
        return next(self.finditer(text, pos, endpos, **kwargs), None)

    def findall(self, text: str, pos: int = 0, endpos: int | None = None, **kwargs: Any) -> list[str]:
        return [m.group() for m in self.finditer(text, pos, endpos, **kwargs)]


def _merged(groups: list[Any], text: str, pos: int, end: int, kwargs: dict[str, Any]) -> Iterator[Any]:
    """Matches of several patterns as one scan of their union finds them: leftmost first,
    the longest at a tie, and the scan resumes where the match ended."""
    nexts = [g.search(text, pos, end, **kwargs) for g in groups]
    while True:
        best = -1
        for i, m in enumerate(nexts):
            if m is not None and (best < 0 or m.start() < nexts[best].start()
                                  or (m.start() == nexts[best].start() and m.end() > nexts[best].end())):
                best = i
        if best < 0:
            return
        chosen = nexts[best]
        yield chosen
        cursor = max(chosen.end(), chosen.start() + 1)
        for i, m in enumerate(nexts):
            if m is not None and m.start() < cursor:
                nexts[i] = groups[i].search(text, cursor, end, **kwargs)
