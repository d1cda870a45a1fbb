"""Plain terms -> patterns, and the small word-level helpers the term kinds share.

Packs hold plain terms ("child pornography", "recognise"); this module turns a list of
them into ONE regular expression (a character trie, so matching stays linear however
long the list), generates inflected forms (plurals, verb endings) aligned with their
preferred counterparts, preserves the case of a match in its replacement, and tells
whether an offset starts a sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from termlint.text.termscan import walk
from termlint.text.words import view_of

# Inside a term, a space in the data matches one run of spaces, tabs, no-break spaces or a
# single line break (a PDF or hard-wrapped line); a hyphen in the data also matches the
# Unicode hyphens and a hyphen at the end of a line. Either may stand for the other
# ("kiddie porn" / "kiddie-porn", "self-generated" / "self generated").
_SPACE = r"[ \t\u00a0\u202f]"
JOINER = rf"(?:{_SPACE}*+[-\u2010\u2011]{_SPACE}*+(?:\n{_SPACE}*+)?|{_SPACE}++(?:\n{_SPACE}*+)?|\n{_SPACE}*+)"
LEFT = r"(?<![\p{L}\p{N}_])"
RIGHT = r"(?![\p{L}\p{N}_])"
_JOINED = regex.compile(JOINER)

MINOR_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"})


def key(text: str) -> str:
    """The lookup key of a term or a matched span: lower case, every joiner one space."""
    return _JOINED.sub(" ", text.strip()).lower() if text else ""


def exact_key(text: str) -> str:
    """As `key`, keeping case (for case-sensitive terms)."""
    return _JOINED.sub(" ", text.strip())


def trie_pattern(terms: Iterable[str], case_sensitive: bool = False) -> str:
    """One regular expression matching any of `terms` as whole words, joiners flexible.

    The alternation is built as a character trie so that the engine never tries the
    same prefix twice; longer terms win over their prefixes at the same position.
    """
    trie: dict[str, Any] = {}
    for term in terms:
        node = trie
        for ch in (exact_key(term) if case_sensitive else key(term)):
            ch = " " if ch in " -\u2010\u2011" else ch
            node = node.setdefault(ch, {})
        node[""] = {}
    if not trie:
        return r"(?!x)x"
    return LEFT + _trie_regex(trie) + RIGHT


def _trie_regex(node: dict[str, Any]) -> str:
    ending = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        head = JOINER if ch == " " else _escape(ch)
        branches.append(head + _trie_regex(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ending:
        # the term may end here; "(?:...)??" would prefer the short form, so keep greedy
        return "(?:" + body + ")?"
    return body


@lru_cache(maxsize=None)
def _escape(ch: str) -> str:  # a trie has thousands of nodes over a few dozen characters
    return str(regex.escape(ch))


def compile_terms(terms: Iterable[str], case_sensitive: bool = False) -> Any:
    flags = regex.V1 | (0 if case_sensitive else regex.IGNORECASE)
    return regex.compile(trie_pattern(terms, case_sensitive), flags)


@lru_cache(maxsize=256)
def cached_terms(terms: tuple[str, ...], case_sensitive: bool = False) -> Matcher:
    """A Matcher for a hashable list of terms, compiled once per process."""
    firsts = {key(t).split(" ")[0] for t in terms}
    letters_only = all(f and _LETTERS.fullmatch(f) for f in firsts)
    return Matcher(compile_terms(terms, case_sensitive), frozenset(firsts) if letters_only else None)


_LETTERS = regex.compile(r"\p{L}+")


@dataclass(frozen=True)
class Matcher:
    """A term pattern tried only where one of its first words starts (see `word_index`).

    Trying a large pattern at every character of a long text is what makes term lists
    slow; a text's words are indexed once and each list looks up its own first words.
    """

    pattern: Any
    firsts: frozenset[str] | None  # lower-case first words; None: scan the whole text

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Any]:
        end = len(text) if end is None else end
        if self.firsts is None:
            yield from self.pattern.finditer(text, start, end)
            return
        yield from walk(_positions(self, text), ((start, end),), self._attempt(text))

    def find_in(self, text: str, spans: Sequence[tuple[int, int]]) -> list[Any]:
        """What `finditer` finds in each of `spans` (sorted and disjoint), in one walk.

        The places where a term may start (its first words, from the shared word index) are
        walked once alongside the spans, and the pattern is tried at each with its span's end
        as the limit, exactly as `finditer` does span by span: a term list costs one pass over
        its own starts, not one call per clause.
        """
        if self.firsts is None:
            return [m for start, end in spans for m in self.pattern.finditer(text, start, end)]
        return walk(_positions(self, text), spans, self._attempt(text))

    def _attempt(self, text: str) -> Callable[[int, int], Any]:
        def attempt(pos: int, end: int) -> Any:
            m = self.pattern.match(text, pos, end)
            return m if m is not None and m.end() > m.start() else None

        return attempt


@lru_cache(maxsize=512)
def _positions(matcher: Matcher, text: str) -> list[int]:
    index = word_index(text)
    firsts = matcher.firsts or frozenset()
    present = [w for w in firsts if w in index] if len(firsts) < 64 else firsts.intersection(index)
    return sorted(p for word in present for p in index[word])


def word_index(text: str) -> Mapping[str, list[int]]:
    """Lower-case word -> the offsets where it starts (a word: a run of letters), from the text's
    shared word view (termlint/text/words.py): built once per text, positions found when asked."""
    return view_of(text).index


# ---------------------------------------------------------------------------- inflection

def _plural(word: str) -> str:
    lower = word.lower()
    if lower.endswith("child"):
        return word + "ren"
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _verb_forms(word: str) -> list[str]:
    """Base, -s, -ed, -ing, without consonant doubling (the tables list doubled forms explicitly)."""
    lower = word.lower()
    if lower.endswith("e"):
        return [word, word + "s", word + "d", word[:-1] + "ing"]
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return [word, word + "es", word + "ed", word + "ing"]
    return [word, word + "s", word + "ed", word + "ing"]


def _ize_forms(word: str) -> list[str]:
    """recognise -> recognises, recognised, recognising, recognisation(s), recogniser(s)."""
    stem = word[:-1]
    return _verb_forms(word) + [stem + "ation", stem + "ations", stem + "er", stem + "ers"]


def inflections(term: str, mode: str) -> list[str]:
    """The forms of `term` under `mode` ("none", "noun", "verb", "ize"); the last word inflects.

    The order is fixed so that the forms of a deprecated term and of its preferred
    term line up one to one.
    """
    if mode == "none":
        return [term]
    head, _, last = term.rpartition(" ")
    prefix = head + " " if head else ""
    if mode == "noun":
        forms = [last, _plural(last)]
    elif mode == "verb":
        forms = _verb_forms(last)
    elif mode == "ize":
        forms = _ize_forms(last)
    else:
        raise ValueError(f"unknown inflection {mode!r} (expected none, noun, verb or ize)")
    return [prefix + f for f in forms]


# ---------------------------------------------------------------------------- case

def match_case(source: str, replacement: str) -> str:
    """`replacement` in the case pattern of `source`: UPPER, Title Case, Capitalised or as given."""
    letters = [c for c in source if c.isalpha()]
    if not letters:
        return replacement
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    words = [w for w in _JOINED.split(source.strip()) if w]
    if len(words) > 1 and all(w[0].isupper() for w in words if w.lower() not in MINOR_WORDS):
        out = []
        for i, w in enumerate(replacement.split(" ")):
            out.append(w if (i and w in MINOR_WORDS) else w[:1].upper() + w[1:])
        return " ".join(out)
    if letters[0].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


_BEFORE_SENTENCE = regex.compile(
    r"(?:\n[ \t]*\n|[.!?][ \t\u00a0]*\n?[ \t\u00a0]*"
    r"|\n[ \t]*(?:#+|>|[-+]|\d+\.|\([a-z]{1,5}\)|\(\d+\)|[a-z]\.)[ \t]+|\n[ \t]*)"
    r"[\s*_“\"‘'(\[]*\Z"
)


def starts_sentence(text: str, offset: int) -> bool:
    """True when the word at `offset` opens a sentence, a paragraph, a list item or a line.

    A capital there says nothing about the word (it may be a common noun); elsewhere it
    marks a proper name. A line start counts: in hard-wrapped text it may be mid-sentence,
    but treating it as a sentence start only makes rules more cautious.
    """
    begin = max(0, offset - 40)
    window = text[begin:offset]
    if begin == 0:
        window = "\n\n" + window
    return bool(_BEFORE_SENTENCE.search(window))


def proper_name_use(text: str, start: int, matched: str) -> bool:
    """A capitalised word that does not open a sentence: most likely part of a name."""
    return bool(matched[:1].isupper()) and not starts_sentence(text, start)
