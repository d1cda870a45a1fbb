"""Kind `official-name`: the exact names of bodies, funds, programmes and instruments, and near-misses.

    [[rules]]
    code = "HS310"
    kind = "official-name"
    equivalents = { "United Nations" = ["UN", "U.N."] }   # written for a leading word group
    [[rules.names]]
    name = "United Nations Development Programme"          # the official form, exactly
    also = ["UNDP"]                                         # other forms that are right (optional)
    near = ["United Nations Development Program"]           # known wrong forms (optional)
    source = "..."                                          # where the official form is found

The matcher is generic: a name's words are matched loosely, each in any case and with its
ending changed (`Developmental` for `Development`, `Missions` for `Mission`, `program` for
`Programme`: one word the beginning of the other, within five letters), a leading word group
also in its listed equivalents (`UN` for `United Nations`). What matches loosely but is not
the name exactly (nor an `also` form) is a near-miss: `UN Convention Against Corruption`,
`Global Environmental Facility`, `the United Nation`. A `near` form is matched the same loose
way and is always a near-miss (a name with words missing: `United Nations Mission in Kosovo`).
Text in capitals throughout (a heading typed in capitals), quotations and headings are left alone.

Each name is tried only where its first word's fixed beginning (`Conve` of Convention) or a
listed equivalent (`UN`) starts a word: the shared matcher of every pack term finds those
places in one pass over the document (rules/terms.py).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import regex

from termlint.core.model import Edit, Finding, Fix, RuleMeta
from termlint.rules.context import Context
from termlint.rules.packfiles import PackError
from termlint.rules.packs import get
from termlint.rules.terms import LiteralSource, hits_of
from termlint.text.termscan import normalise, walk

KEYS = frozenset({"names", "equivalents"})
FIXABLE = True
NAME_KEYS = frozenset({"name", "also", "near", "source"})
SCOPE = ("preambular", "operative", "subparagraph", "paragraph", "footnote", "annex")
_WORD = regex.compile(r"[\p{L}\p{N}'’-]+")
_SLACK = 5  # letters a word's ending may differ by
_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


@dataclass(frozen=True)
class Name:
    """An official name (of a body, an instrument) and the forms that count as it."""
    official: str
    right: frozenset[str]  # the official form and the `also` forms, spaces normalised
    skeleton: str  # the words matched loosely (the official form, or a `near` form)
    always: bool  # a `near` form: any match is a near-miss
    source: str


def _loose(word: str) -> str:
    if len(word) <= 4 or not word.isalpha():
        return regex.escape(word).replace("'", "['’]")
    return regex.escape(word[:max(4, len(word) - _SLACK)]) + r"\p{L}{0,%d}" % (2 * _SLACK)


def _close(written: str, wanted: str) -> bool:
    """One word for another: the same in any case, or one the beginning of the other within _SLACK letters."""
    a, b = written.lower(), wanted.lower()
    return a == b or (abs(len(a) - len(b)) <= _SLACK and (a.startswith(b) or b.startswith(a)))


def _space(text: str) -> str:
    """Spaces and line breaks as one space; a curly apostrophe as a straight one."""
    return " ".join(text.replace("’", "'").split())


@dataclass(frozen=True)
class OfficialNames:
    """NM rules: official names written nearly, but not quite, right."""
    meta: RuleMeta
    names: tuple[Name, ...]
    equivalents: Mapping[str, tuple[str, ...]]

    @cached_property
    def _patterns(self) -> tuple[tuple[Name, Any, str, tuple[str, ...], tuple[str, ...]], ...]:
        """(name, pattern, a word the text must hold for the name to be tried, the skeleton's
        words, the equivalents written for its leading group)."""
        out = []
        for name in self.names:
            words = tuple(_WORD.findall(name.skeleton))
            body = r",?[\s\u00a0]+".join(_loose(w) for w in words)  # "Economic, Social": the comma is checked as written
            alternatives: tuple[str, ...] = ()
            for group, others in self.equivalents.items():
                if name.skeleton.startswith(group + " "):
                    alternatives = others
                    rest = r",?[\s\u00a0]+".join(_loose(w) for w in _WORD.findall(name.skeleton[len(group) + 1:]))
                    body = "|".join([body] + [rf"{regex.escape(o)}[\s\u00a0]+{rest}" for o in others])
                    break
            pattern = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{body})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE)
            rare = max(words, key=len)[:4].lower() if words else ""
            out.append((name, pattern, rare, words, alternatives))
        return tuple(out)

    @cached_property
    def _required(self) -> tuple[tuple[str, ...], ...]:
        """Per name, the literal beginnings (case-folded) of the words every match of its pattern
        writes: each word's fixed part (`_loose`), of the words after a leading group that has
        equivalents (the group may be written as one). A clause whose case-folded text lacks one
        cannot match (the pattern's IGNORECASE is simple case folding, which case-folding the
        text and the literal only relaxes), so the pattern is not tried there."""
        out = []
        for name in self.names:
            tail = name.skeleton
            for group in self.equivalents:
                if name.skeleton.startswith(group + " "):
                    tail = name.skeleton[len(group) + 1:]
                    break
            fixed = []
            for word in _WORD.findall(tail):
                literal = word if len(word) <= 4 or not word.isalpha() else word[:max(4, len(word) - _SLACK)]
                if "'" not in literal and "’" not in literal:  # written either way: left out
                    fixed.append(literal.casefold())
            out.append(tuple(dict.fromkeys(fixed)))
        return tuple(out)

    @cached_property
    def _starts(self) -> tuple[tuple[str, ...] | None, ...]:
        """Per name, the literal beginnings (lower case) one of which each of its matches starts
        with: its first word's fixed part, its equivalents; None: the name is tried everywhere."""
        out: list[tuple[str, ...] | None] = []
        for name in self.names:
            words = _WORD.findall(name.skeleton)
            if not words:
                out.append(None)
                continue
            first = words[0] if len(words[0]) <= 4 or not words[0].isalpha() else words[0][:max(4, len(words[0]) - _SLACK)]
            starts = [first.split("'")[0].lower()]
            for group, others in self.equivalents.items():
                if name.skeleton.startswith(group + " "):
                    starts.extend(o.lower() for o in others)
                    break
            usable = all(s and normalise(s) == normalise(s).strip() for s in starts)
            out.append(tuple(starts) if usable else None)
        return tuple(out)

    @cached_property
    def starts(self) -> LiteralSource:
        """Every name's beginnings, for the shared matcher."""
        return LiteralSource.of(s for starts in self._starts if starts for s in starts)

    @cached_property
    def _names_of(self) -> dict[str, tuple[int, ...]]:
        """Beginning -> the names (their indices) that may start with it."""
        out: dict[str, list[int]] = {}
        for i, starts in enumerate(self._starts):
            for form in starts or ():
                out.setdefault(form, []).append(i)
        return {form: tuple(names) for form, names in out.items()}

    @cached_property
    def _equivalent_only(self) -> frozenset[str]:
        """Beginnings that are only ever a whole equivalent (`un`): a letter or digit after one is another word."""
        firsts = {starts[0] for starts in self._starts if starts}
        return frozenset(s for starts in self._starts if starts for s in starts[1:] if s not in firsts)

    @cached_property
    def _everywhere(self) -> frozenset[int]:
        """The names without beginnings to look for: tried in every clause, as before."""
        return frozenset(i for i, starts in enumerate(self._starts) if starts is None)

    def term_sources(self) -> tuple[LiteralSource, ...]:
        return (self.starts,)

    def check(self, ctx: Context) -> Iterator[Finding]:
        quotes = ctx.protected.quotes
        hits = hits_of(ctx, self.starts)
        ordered = None if hits is None else sorted((at, form) for at, forms in hits.items() for form in forms)
        places = None if ordered is None else ([at for at, _ in ordered], [form for _, form in ordered])
        for clause in ctx.clauses(SCOPE):
            if clause.kind == "annex":
                continue  # its paragraphs are checked themselves
            text = clause.text
            where = None if places is None else _candidates(ctx.text, clause, places, self.starts.forms,
                                                            self._equivalent_only)
            if where is None:
                chosen: Any = range(len(self._patterns))
            elif not where and not self._everywhere:
                continue  # no name can start anywhere in the clause
            else:
                chosen = sorted({i for form in where for i in self._names_of[form]}.union(self._everywhere))
            lower: str | None = None
            folded: str | None = None
            taken: list[tuple[int, int]] = []
            for i in chosen:
                name, pattern, rare, words, alternatives = self._patterns[i]
                lower = text.lower() if lower is None else lower
                if rare and rare not in lower:
                    continue
                required = self._required[i]
                if required:
                    folded = text.casefold() if folded is None else folded
                    if not all(r in folded for r in required):
                        continue  # a word every match of the name writes is missing: no regex tried
                starts = self._starts[i]
                at: list[int] = []
                if where is not None and starts is not None:
                    at = sorted(set(where.get(starts[0], ()))) if len(starts) == 1 else \
                        sorted({c for s in starts for c in where.get(s, ())})
                found = pattern.finditer(text) if where is None or starts is None else walk(
                    at, ((0, len(text)),), lambda pos, end: pattern.match(text, pos, end))
                for m in found:
                    written = _space(m.group())
                    if any(a < m.end() and m.start() < b for a, b in taken):
                        continue
                    if not name.always and (written in name.right or not _fits(written, words, alternatives)):
                        if written in name.right:
                            taken.append(m.span())
                        continue
                    if written.isupper() and len(written) > 3:
                        continue  # a heading typed in capitals
                    start, end = clause.offset_of(m.start()), clause.offset_of(m.end())
                    if quotes.overlaps(start, end):
                        continue
                    taken.append(m.span())
                    fix = Fix((Edit(start, end, name.official),), safe=False,
                              description=f"write “{name.official}”")
                    yield Finding(self.meta.code, start, end,
                                  f"“{written}”: the official name is “{name.official}” ({name.source})", fix=fix)

def _candidates(doc: str, clause: Any, places: tuple[list[int], list[str]], forms: tuple[str, ...],
                whole: frozenset[str]) -> dict[str, list[int]] | None:
    """Beginning -> where it starts a word in the clause's text (indices into `clause.text`), from
    the document's places (offsets, beginnings); None when the clause's text is not its segments
    joined by spaces (then it is read the old way). A Markdown block blanked for the parser
    inside a clause changes nothing here: it is made of whole lines, so no name begins right
    after it, and its offsets are kept."""
    segments = clause.segments
    if len(clause.text) != sum(s.end - s.start for s in segments) + len(segments) - 1:
        return None
    offsets, found = places
    out: dict[str, list[int]] = {}
    base = 0
    for seg in segments:
        i = bisect.bisect_left(offsets, seg.start)
        while i < len(offsets) and offsets[i] < seg.end:
            at, form = offsets[i], found[i]
            i += 1
            after = at + len(form)
            if form in whole and after < seg.end and doc[after] in _ASCII_WORD:
                continue  # "un" of "under": an equivalent is followed by a space
            out.setdefault(form, []).append(base + at - seg.start)
        if seg.start and doc[seg.start - 1].isalnum():  # the scan skipped a beginning glued to a word
            head = normalise(doc[seg.start:seg.start + 40])
            for form in forms:
                if head.startswith(form) and base not in out.get(form, ()):
                    out.setdefault(form, []).append(base)
        base += seg.end - seg.start + 1
    return out


def _fits(written: str, words: tuple[str, ...], alternatives: tuple[str, ...]) -> bool:
    """Each word written close to the word of the name it stands for (the loose pattern lets
    through "National" for "Nations": neither is the beginning of the other). A leading
    equivalent ("UN") stands for its group."""
    got = _WORD.findall(written)
    for other in alternatives:
        if written.startswith(other + " "):
            got = _WORD.findall(written[len(other) + 1:])
            words = words[len(words) - len(got):] if len(got) <= len(words) else words
            break
    return len(got) == len(words) and all(_close(a, b) for a, b in zip(got, words))


def _names(entry: dict[str, Any], where: str) -> tuple[Name, ...]:
    raw = entry.get("names")
    if not isinstance(raw, list) or not raw:
        raise PackError(f"{where}: `names` must be a non-empty list of tables ([[rules.names]])")
    out: list[Name] = []
    for i, item in enumerate(raw, 1):
        here = f"{where}, name {i}"
        if not isinstance(item, dict):
            raise PackError(f"{here}: each entry of `names` must be a table")
        unknown = set(item) - NAME_KEYS
        if unknown:
            raise PackError(f"{here}: unknown key(s) {', '.join(sorted(unknown))}")
        official = get(item, "name", str, here)
        source = get(item, "source", str, here)
        also = get(item, "also", list, here, [])
        near = get(item, "near", list, here, [])
        if not all(isinstance(x, str) and x.strip() for x in (*also, *near)):
            raise PackError(f"{here}: `also` and `near` must be lists of non-empty strings")
        right = frozenset(_space(x) for x in (official, *also))
        out.append(Name(official, right, official, False, source))
        out.extend(Name(official, right, form, True, source) for form in near)
    return tuple(out)


def build(entry: dict[str, Any], meta: RuleMeta, where: str) -> OfficialNames:
    """The rule of one `official-name` entry of a pack."""
    raw = get(entry, "equivalents", dict, where, {})
    equivalents: dict[str, tuple[str, ...]] = {}
    for group, others in raw.items():
        if not isinstance(others, list) or not all(isinstance(o, str) and o for o in others):
            raise PackError(f"{where}: `equivalents.{group}` must be a list of strings")
        equivalents[group] = tuple(others)
    rule = OfficialNames(meta, _names(entry, where), equivalents)
    # compiled now, so that the rule set's cache (ruleset_cache.py) keeps the patterns with the
    # rule: building them from the names costs ~2 ms at the first check of every run otherwise
    rule._patterns  # noqa: B018
    return rule
