"""One matcher for every term of every active pack, read once per document.

Each term list a rule matches (a substitution table's forms, its preferred forms, a consistency
family, the official titles) is a `TermSource`. `term_index(packs)` compiles the terms of every
source of the bundled and the user's packs into ONE automaton (termlint/text/termscan.py),
kept between runs with the built rule set (ruleset_cache.py). The first rule that asks scans the
document once; each source then reads only the places where one of its own terms may start and
confirms each with that term's regular expression (`matches`), so its matches are exactly what
its own pattern (`phrases.cached_terms`) would find, clause segment by clause segment.

A source that is not in the index (a rule built outside the registry, a table turned round by the
`prefer` option) gets an automaton of its own; a text the automaton cannot read (termscan.foldable)
is matched the old way, with the source's pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import regex

from termlint.core.digest import sha1
from termlint.rules.titles import TitleSet, TitleSpan, TitleSpans, title_set
from termlint.text.phrases import Matcher, cached_terms, compile_terms, exact_key, key
from termlint.text.termscan import TermAutomaton, foldable, group, normalise, walk

_LETTERS = re.compile(r"[^\W\d_]+")  # a word of phrases.word_index: where a term list is tried
_FIRST = regex.compile(r"\p{L}+")  # a first word made of letters only (as phrases.cached_terms)


@dataclass(frozen=True)
class TermSource:
    """Terms matched as one list: longest first at each place, whole words, joiners flexible."""

    terms: tuple[str, ...]  # sorted, as phrases.cached_terms takes them
    case_sensitive: bool = False

    @classmethod
    def of(cls, terms: Iterable[str], case_sensitive: bool = False) -> TermSource:
        return cls(tuple(sorted(terms)), case_sensitive)

    @cached_property
    def sid(self) -> str:
        """A short name of the source's content, the same in every process."""
        text = ("1" if self.case_sensitive else "0") + "\x00".join(self.terms)
        return sha1(text.encode("utf-8", "surrogatepass")).hexdigest()

    @cached_property
    def forms(self) -> tuple[str, ...]:
        """Each term as its pattern reads it (phrases.key, or exact_key when case counts)."""
        return tuple((exact_key if self.case_sensitive else key)(t) for t in self.terms)

    @cached_property
    def scannable(self) -> bool:
        """False for a term the automaton cannot stand for: one that starts or ends with a joiner,
        or holds a letter the patterns fold otherwise than str.lower (ß matches "ss")."""
        return _scannable(self.forms)

    @cached_property
    def firsts(self) -> frozenset[str] | None:
        """The first words where the pattern is tried (phrases.Matcher.firsts); None: everywhere."""
        firsts = {key(t).split(" ")[0] for t in self.terms}
        return frozenset(firsts) if all(f and _FIRST.fullmatch(f) for f in firsts) else None

    @cached_property
    def matcher(self) -> Matcher:
        """The source's own pattern: the old way, for a text the automaton cannot read."""
        return cached_terms(self.terms, self.case_sensitive)

    def __getstate__(self) -> dict[str, Any]:
        return {"terms": self.terms, "case_sensitive": self.case_sensitive}  # not the compiled views

    def __setstate__(self, state: dict[str, Any]) -> None:
        object.__setattr__(self, "terms", state["terms"])
        object.__setattr__(self, "case_sensitive", state["case_sensitive"])


@dataclass(frozen=True)
class LiteralSource:
    """Literal beginnings (lower case) of what a rule matches its own way (official names): the
    automaton reports where each occurs at the start of a word, and the rule tries its pattern there."""

    forms: tuple[str, ...]

    @classmethod
    def of(cls, forms: Iterable[str]) -> LiteralSource:
        return cls(tuple(sorted(set(forms))))

    @cached_property
    def sid(self) -> str:
        return sha1(("L" + "\x00".join(self.forms)).encode("utf-8", "surrogatepass")).hexdigest()

    @cached_property
    def scannable(self) -> bool:
        return _scannable(self.forms)

    def __getstate__(self) -> dict[str, Any]:
        return {"forms": self.forms}

    def __setstate__(self, state: dict[str, Any]) -> None:
        object.__setattr__(self, "forms", state["forms"])


def _scannable(forms: Iterable[str]) -> bool:
    return all(f and foldable(f) and normalise(f) == normalise(f).strip() for f in forms)


@dataclass
class TermIndex:
    """The automaton over the terms of many sources, and which source owns each pattern."""

    automaton: TermAutomaton
    owners: tuple[tuple[tuple[str, str], ...], ...]  # pattern index -> (source sid, form) pairs
    sids: frozenset[str]
    titles: TitleSet | None = None
    title_source: TermSource | None = None
    firsts: dict[str, frozenset[str] | None] | None = None  # sid -> TermSource.firsts, worked out once


    @classmethod
    def of(cls, sources: Iterable[TermSource | LiteralSource], titles: TitleSet | None = None) -> TermIndex:
        by_pattern: dict[str, list[tuple[str, str]]] = {}
        sids = set()
        firsts: dict[str, frozenset[str] | None] = {}
        own_titles = title_source(titles) if titles is not None else None
        for source in (*sources, *((own_titles,) if own_titles is not None else ())):
            if not source.scannable or source.sid in sids:
                continue
            sids.add(source.sid)
            firsts[source.sid] = getattr(source, "firsts", None)
            for form in dict.fromkeys(source.forms):
                by_pattern.setdefault(normalise(form), []).append((source.sid, form))
        automaton = TermAutomaton.of(by_pattern)
        owners = tuple(tuple(by_pattern[p]) for p in automaton.patterns)
        return cls(automaton, owners, frozenset(sids), titles, own_titles, firsts)

    def hits(self, text: str) -> dict[str, dict[int, tuple[str, ...]]] | None:
        """Per source sid: offset -> the source's forms that may start there (None: see termscan.scan)."""
        starts = self.automaton.scan(text)
        return None if starts is None else group(starts, self.owners)


def title_source(titles: TitleSet) -> TermSource:
    """The official titles as a term list (TitleSet.pattern's terms)."""
    return TermSource.of(titles.by_form)


def _sources_of(rules: Iterable[Any]) -> list[TermSource | LiteralSource]:
    return [source for rule in rules for source in getattr(rule, "term_sources", lambda: ())()]


def build_index(rules: Iterable[Any], packs: tuple[Path, ...] = ()) -> TermIndex:
    """The index of every term source of `rules` and the official titles of the packs."""
    return TermIndex.of(_sources_of(rules), title_set(tuple(packs)))


@lru_cache(maxsize=16)
def term_index(packs: tuple[Path, ...] = ()) -> TermIndex:
    """The index of the bundled packs' and `packs`' terms, kept between runs like the rule set
    (building it costs a few milliseconds, loading it well under one)."""
    from termlint.rules.registry import all_rules  # the registry builds the kinds that import this module
    from termlint.rules.ruleset_cache import cached

    packs = tuple(packs)
    try:
        return cached("terms", packs, lambda: build_index(all_rules(packs), packs), TermIndex)
    except Exception:  # a pack the registry refuses: its rules never run, and its titles protect nothing
        return TermIndex.of((), title_set(packs))


@lru_cache(maxsize=256)
def _own_index(source: TermSource | LiteralSource) -> TermIndex:
    return TermIndex.of((source,))


def hits_of(ctx: Any, source: TermSource | LiteralSource) -> dict[int, tuple[str, ...]] | None:
    """Where the source's terms may start in the document (offset -> its forms found there), from
    the document's one scan; None: the automaton cannot read the text, match it the old way."""
    return _hits(ctx, source)[0]


def _hits(ctx: Any, source: TermSource | LiteralSource) -> tuple[dict[int, tuple[str, ...]] | None, frozenset[str] | None]:
    """Where the source's terms may start in the document (None: match it the old way), and the
    first words where its pattern is tried (TermSource.firsts, kept in the index)."""
    index = term_index(tuple(ctx.packs))
    sid = source.sid
    if sid not in index.sids:  # the index holds only sources it can scan
        if not source.scannable:
            return None, None
        index = _own_index(source)
    found = ctx.shared(("terms.hits", id(index)), lambda: index.hits(ctx.text))
    if found is None:
        return None, None
    return found.get(sid, {}), (index.firsts or {}).get(sid)


def matches(ctx: Any, source: TermSource, spans: Sequence[tuple[int, int]], plain: bool = True) -> list[Any]:
    """What the source's pattern finds in each of `spans`, in that order (as Matcher.find_in when
    `plain`: the spans sorted and disjoint; else span by span, as Matcher.finditer)."""
    text = ctx.text
    hits, firsts = _hits(ctx, source)
    if hits is None:
        matcher = source.matcher
        if plain:
            return matcher.find_in(text, spans)  # type: ignore[no-any-return]
        return [m for start, end in spans for m in matcher.finditer(text, start, end)]
    if not hits:
        return []
    exact = source.case_sensitive  # hits: the automaton read the text, so lowering keeps its offsets
    return walk(sorted(hits), spans, lambda pos, end: _confirm(firsts, exact, text, pos, end, hits[pos]), plain)


def _confirm(firsts: frozenset[str] | None, exact: bool, text: str, pos: int, end: int, forms: tuple[str, ...],
             literally: bool = True) -> Any:
    """The longest of `forms` that the source's pattern would match at `pos` (the trie is greedy:
    two terms matching at one place are one the beginning of the other), or None.

    Where the text holds a form's literal as written (each joiner one plain space; in lower case
    for a pattern that ignores case) between two word boundaries, the pattern would match exactly
    that span, and a `Literal` stands for its match without trying it (unless not `literally`).
    The text's lower case is read a span at a time: the caller's text keeps its offsets lowered."""
    if firsts is not None and not _first_word(text, pos, firsts):
        return None  # the source's pattern is tried only where one of its first words starts
    for form in sorted(forms, key=len, reverse=True) if len(forms) > 1 else forms:
        if exact and not text.startswith(form.split(" ", 1)[0], pos):
            continue  # its first word is written otherwise: the case-sensitive pattern cannot match
        literal = _literal(form, exact) if literally else None
        if literal is not None:
            stop = pos + len(literal)
            if (stop <= end and (text.startswith(literal, pos) if exact else text[pos:stop].lower() == literal)
                    and (pos == 0 or not _word_char(text[pos - 1])) and (stop == end or not _word_char(text[stop]))):
                return Literal(text, pos, stop)
        m = _pattern(form, exact).match(text, pos, end)
        if m is not None and m.end() > m.start():
            return m
    return None


def _first_word(text: str, pos: int, firsts: frozenset[str]) -> bool:
    run = _LETTERS.match(text, pos)
    if run is None or (pos > 0 and _LETTERS.match(text, pos - 1) is not None):
        return False
    return run.group().lower() in firsts


class Literal:
    """A term's match found literally (`_confirm`): what the rules read of a match object."""

    __slots__ = ("string", "_start", "_end")

    def __init__(self, string: str, start: int, end: int) -> None:
        self.string, self._start, self._end = string, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self, index: int = 0) -> str:
        if index != 0:
            raise IndexError("no such group")  # a term pattern has none
        return self.string[self._start:self._end]


_NOT_LITERAL = frozenset(" -\u2010\u2011\t\n\r\u00a0\u202f")


@lru_cache(maxsize=8192)
def _literal(form: str, exact: bool) -> str | None:
    """The text a term's pattern (`_pattern`) matches when the term is written plainly: its key,
    each joiner one plain space. None when a joiner could take more than that one space (a
    hyphen, a space beside another joiner character) or the key is empty."""
    literal = exact_key(form) if exact else key(form)
    if not literal or literal[0] == " " or literal[-1] == " ":
        return None
    for i, char in enumerate(literal):
        if char != " " and char in _NOT_LITERAL:  # a joiner that is not a plain space
            return None
        if char == " " and literal[i + 1] in _NOT_LITERAL:
            return None
    return literal


_WORD_CHAR = regex.compile(r"[\p{L}\p{N}_]")
_WORD_CHARS: dict[str, bool] = {}


def _word_char(char: str) -> bool:
    """Whether `char` is one the term patterns' boundaries (LEFT, RIGHT) forbid beside a term."""
    found = _WORD_CHARS.get(char)
    if found is None:
        found = _WORD_CHARS[char] = _WORD_CHAR.match(char) is not None
    return found


@lru_cache(maxsize=4096)
def _pattern(form: str, case_sensitive: bool) -> Any:
    """One term's pattern (compiled when the term is first seen in a text)."""
    return compile_terms((form,), case_sensitive)


def titles_in(ctx: Any) -> TitleSpans:
    """The official titles and agreed language the document holds (titles.TitleSet.spans)."""
    index = term_index(tuple(ctx.packs))
    titles, source = index.titles, index.title_source
    if titles is None or source is None:
        titles = title_set(tuple(ctx.packs))
        source = title_source(titles)
    text = ctx.text
    found = matches(ctx, source, ((0, len(text)),))
    return TitleSpans(tuple(TitleSpan(m.start(), m.end(), titles.by_form[key(m.group())]) for m in found))
