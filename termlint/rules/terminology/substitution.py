"""Kind `substitution`: deprecated term(s) -> preferred term(s), plain terms in the data.

    [[rules]]
    code = "TM101"
    kind = "substitution"
    deprecated = ["child pornography"]         # or: terms = { recognise = "recognize", ... }
    preferred = ["child sexual abuse material"]
    reason = "..."                             # our own words, shown after the suggestion
    inflect = "noun"                           # none | noun | verb | ize: forms generated from the terms

Every form of every deprecated term of the entry (and of every other term list of the packs)
is found by one shared automaton (rules/terms.py), each place confirmed by its term's pattern:
matching is case-insensitive (unless `case_sensitive`), whole-word, and lets a space in a term
match a line break or a no-break space and a hyphen (either way).

The fix preserves case (Child pornography -> Child sexual abuse material) and is offered
only when there is exactly one preferred term (codespell's rule); `fix_safe = false`
keeps it for --unsafe-fixes, `fix = false` drops it. Several preferred terms are listed in
the message. Inside an official title or agreed language (titles.py), a quotation, or
where the term is mentioned rather than used (`the term ...`), the finding is at most
`info` and says why (`exempt = "info"`), or there is none (`exempt = "silent"`).

Other keys: `defer_when_mixed` (leave a form alone when the document also uses its
preferred form: the consistency rules report mixed use, with counts), `skip_proper_names`
(a capitalised match that does not open a sentence is part of a name: "Organisation for the
Prohibition of Chemical Weapons"), `skip_if_preceded_by` / `skip_if_followed_by` (regular
expressions tried on the text just before / after the match), `skip_in_documents_citing` (a
regular expression: a document it matches follows the cited instrument's own usage),
`skip_in_treaty_annexes` (an annexed treaty, with its Article 1, keeps its wording), and option `prefer` in
`[tool.termlint.options.<CODE>]` to turn a two-form entry round (prefer = "internet").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import Any

import regex

from termlint.core.model import Edit, Finding, Fix, Option, RuleMeta, Severity
from termlint.rules.context import Context
from termlint.rules.packfiles import PackError
from termlint.rules.packs import check_template, get
from termlint.rules.terms import TermSource, matches
from termlint.rules.titles import mentioned
from termlint.text.phrases import (
    cached_terms,
    exact_key,
    inflections,
    key,
    match_case,
    proper_name_use,
    starts_sentence,
)

KEYS = frozenset({
    "deprecated", "preferred", "terms", "reason", "inflect", "case_sensitive", "fix", "fix_safe",
    "exempt", "exempt_titles", "defer_when_mixed", "skip_proper_names", "skip_if_preceded_by", "skip_if_followed_by",
    "skip_in_documents_citing", "skip_in_treaty_annexes",
})
FIXABLE = True
OPTIONS = (Option("prefer", str, "for an entry with one deprecated and one preferred form: the form to keep (naming the deprecated one turns the entry round)"),)
WINDOW = 80  # characters of context the skip_if_* expressions see
_HYPHEN_SPACED = regex.compile(r"\s*[-\u2010\u2011]\s*")
PATTERN_TIMEOUT = 1.0  # seconds one skip_if_* expression may take on one window (as kinds/pattern.py)


@dataclass(frozen=True)
class Table:
    """Every form to flag -> (its base deprecated term, the aligned preferred forms)."""

    forms: Mapping[str, tuple[str, tuple[str, ...]]]
    case_sensitive: bool

    @cached_property
    def pattern(self) -> Any:
        """Compiled on first use (once per process): loading the packs must stay cheap."""
        return cached_terms(tuple(sorted(self.forms)), self.case_sensitive)

    @cached_property
    def source(self) -> TermSource:
        """The forms to flag, as one term list of the shared matcher (rules/terms.py)."""
        return TermSource.of(self.forms, self.case_sensitive)

    @cached_property
    def preferred_source(self) -> TermSource:
        """The preferred forms, for `defer_when_mixed`."""
        return TermSource(self.preferred_terms, self.case_sensitive)

    @classmethod
    def build(cls, pairs: list[tuple[str, tuple[str, ...]]], inflect: str, case_sensitive: bool) -> Table:
        norm = exact_key if case_sensitive else key
        forms: dict[str, tuple[str, tuple[str, ...]]] = {}
        for deprecated, preferred in pairs:
            dep_forms = inflections(deprecated, inflect)
            pref_forms = [inflections(p, inflect) for p in preferred]
            for i, form in enumerate(dep_forms):
                # a preferred term whose head is not its last word cannot be inflected
                # by its ending ("child exploited in prostitution"): base form, no fix
                aligned = tuple(p[i] if (i == 0 or _inflectable(p[0])) else "" for p in pref_forms)
                forms.setdefault(norm(form), (deprecated, aligned))
        return cls(forms, case_sensitive)

    def norm(self, text: str) -> str:
        return exact_key(text) if self.case_sensitive else key(text)

    @cached_property
    def preferred_terms(self) -> tuple[str, ...]:
        """The preferred forms, as lookup keys (computed once, not per document)."""
        return tuple(sorted({self.norm(p) for _, prefs in self.forms.values() for p in prefs if p}))

    def lookup(self, matched: str) -> tuple[str, tuple[str, ...]] | None:
        return self.forms.get(self.norm(matched))


@dataclass(frozen=True)
class SubstitutionRule:
    """A pack's term rule: a deprecated term and its preferred replacement."""
    meta: RuleMeta
    table: Table
    pairs: tuple[tuple[str, tuple[str, ...]], ...]  # as written in the data (for `prefer`)
    inflect: str
    reason: str
    message: str
    fix_mode: str  # "safe" | "unsafe" | "none"
    exempt: str  # "info" | "silent"
    exempt_titles: bool  # False for rules that check the titles themselves
    defer_when_mixed: bool
    skip_proper_names: bool
    preceded: Any
    followed: Any
    where: str = ""  # "pack file: rule CODE", for errors
    citing: Any = None  # a document citing this instrument follows its usage (skip_in_documents_citing)
    treaty_annexes: bool = False  # an annexed treaty (articles) keeps its own wording

    def term_sources(self) -> tuple[TermSource, ...]:
        """The term lists this rule matches: they join the shared matcher (rules/terms.py)."""
        return (self.table.source, self.table.preferred_source) if self.defer_when_mixed else (self.table.source,)

    def check(self, ctx: Context) -> Iterator[Finding]:
        table = self._table_for(ctx)
        text = ctx.text
        quotes, code = ctx.protected.quotes, ctx.protected.code
        hits = [m for m in _matches(table.source, ctx, self.meta.scope)
                if not code.overlaps(m.start(), m.end()) and not self._skipped(text, m, table)]
        if hits and self.citing is not None and self.citing.search(text):
            return
        if hits and self.treaty_annexes:
            treaties = [(c.start, c.end) for c in ctx.tree.walk()  # an annex of articles, or one read as a treaty
                        if (c.kind == "annex" and _ARTICLES.search(c.text)) or c.layout == "treaty"]
            hits = [m for m in hits if not any(a <= m.start() < b for a, b in treaties)]
        if not hits:
            return
        present = self._preferred_present(ctx, table) if self.defer_when_mixed else frozenset()
        for m in hits:
            found = table.lookup(m.group())
            if found is None:
                continue
            base, preferred = found
            if any(p and _written_as(m.group(), p, table.case_sensitive) for p in preferred):
                continue  # "Secretary-General" itself: the term and its preferred form share a key
            if self.defer_when_mixed and any(table.norm(p) in present for p in preferred if p):
                continue
            why = self._exemption(ctx, m, quotes)
            if why is not None:
                if self.exempt == "info":
                    yield Finding(self.meta.code, m.start(), m.end(), f"“{_flat(m.group())}” {why}", Severity.INFO)
                continue
            yield self._finding(m, base, preferred, table)

    # -- helpers ------------------------------------------------------------------------

    def _table_for(self, ctx: Context) -> Table:
        """The table, turned round when the user's `prefer` option names a deprecated form."""
        prefer = ctx.options_for(self.meta.code).get("prefer")
        if not isinstance(prefer, str) or len(self.pairs) != 1 or len(self.pairs[0][1]) != 1:
            return self.table
        deprecated, (preferred,) = self.pairs[0]
        if exact_key(prefer) == exact_key(deprecated):
            return _swapped(preferred, deprecated, self.inflect, self.table.case_sensitive)
        return self.table

    def _skipped(self, text: str, m: Any, table: Table) -> bool:
        if self.skip_proper_names and not table.case_sensitive and proper_name_use(text, m.start(), m.group()):
            return True
        if table.case_sensitive and starts_sentence(text, m.start()) and _initial_only(m.group(), table):
            return True
        # user patterns: a timeout turns catastrophic backtracking into a clear error, not a hang
        try:
            if self.preceded is not None and self.preceded.search(text[max(0, m.start() - WINDOW):m.start()],
                                                                  timeout=PATTERN_TIMEOUT):
                return True
            return self.followed is not None and bool(self.followed.match(text[m.end():m.end() + WINDOW],
                                                                          timeout=PATTERN_TIMEOUT))
        except TimeoutError:
            raise TimeoutError(f"{self.where or self.meta.code}: `skip_if_preceded_by` or `skip_if_followed_by` took "
                               f"longer than {PATTERN_TIMEOUT:g} s (it backtracks catastrophically): simplify it") from None

    def _exemption(self, ctx: Context, m: Any, quotes: Any) -> str | None:
        title = ctx.titles.covering(m.start(), m.end()) if self.exempt_titles else None
        if title is not None:
            return "is " + title.title.reason()
        if mentioned(ctx.text, m.start()):
            return "is mentioned as a term, not used: nothing to change"
        if quotes.covering(m.start(), m.end()) is not None:
            return "is inside a quotation: quoted text stays as it was written"
        return None

    def _preferred_present(self, ctx: Context, table: Table) -> frozenset[str]:
        """Preferred forms the document itself uses (outside quotations and titles)."""
        quotes, text = ctx.protected.quotes, ctx.text
        seen = set()
        for m in _matches(table.preferred_source, ctx, self.meta.scope):
            if quotes.overlaps(m.start(), m.end()) or ctx.titles.covering(m.start(), m.end()):
                continue
            if self.skip_proper_names and proper_name_use(text, m.start(), m.group()):
                continue
            if table.case_sensitive and starts_sentence(text, m.start()):
                continue  # a sentence-initial capital says nothing about the choice
            seen.add(table.norm(m.group()))
        return frozenset(seen)

    def _finding(self, m: Any, base: str, preferred: tuple[str, ...], table: Table) -> Finding:
        matched = m.group()
        # a blank aligned form: the preferred term cannot take the match's ending by rule
        bases = self._base_preferred(base)
        shown = [(p, "") if p else (b, " (adapted to the sentence)") for p, b in zip(preferred, bases)]
        if not table.case_sensitive:
            shown = [(match_case(matched, p), note) for p, note in shown]
        listed = " or ".join(f"“{p}”{note}" for p, note in shown)
        message = self.message.format(match=_flat(matched), preferred=listed, reason=self.reason).strip()
        fix = self._fix(m, preferred, table)
        start, end = m.span()
        if table.case_sensitive and len(preferred) == 1 and preferred[0]:
            start, end = _first_difference(matched, preferred[0], start, end)
        return Finding(self.meta.code, start, end, message, fix=fix)

    def _base_preferred(self, base: str) -> tuple[str, ...]:
        for deprecated, preferred in self.pairs:
            if deprecated == base:
                return preferred
        return ()

    def _fix(self, m: Any, preferred: tuple[str, ...], table: Table) -> Fix | None:
        if self.fix_mode == "none" or len(preferred) != 1 or not preferred[0]:
            return None
        replacement = preferred[0] if table.case_sensitive else match_case(m.group(), preferred[0])
        if replacement == m.group():
            return None
        return Fix((Edit(m.start(), m.end(), replacement),), self.fix_mode == "safe", f"write “{replacement}”")


def _segments(ctx: Context, scope: frozenset[str] | None) -> tuple[tuple[tuple[int, int], ...], bool]:
    """The segments of the clauses in `scope`, in clause order, and whether they are sorted and
    disjoint (then one pass over a term list's positions serves them all); once per context
    and scope, for every substitution rule."""
    def compute() -> tuple[tuple[tuple[int, int], ...], bool]:
        spans = tuple((seg.start, seg.end) for clause in ctx.clauses(scope) for seg in clause.segments)
        return spans, all(spans[i - 1][1] <= spans[i][0] for i in range(1, len(spans)))

    return ctx.shared(("substitution.segments", scope), compute)


def _matches(source: TermSource, ctx: Context, scope: frozenset[str] | None) -> list[Any]:
    """What the term list finds in each segment of the clauses in `scope`, in that order: read
    from the document's one scan for every pack term (rules/terms.py)."""
    segments, plain = _segments(ctx, scope)
    return matches(ctx, source, segments, plain)


_POSTMODIFIERS = frozenset({"of", "in", "who", "that", "which", "for", "to", "with", "from", "by", "on"})


def _inflectable(term: str) -> bool:
    """True when the last word of `term` is its head (child sex offender), so it takes the ending."""
    return not _POSTMODIFIERS.intersection(term.lower().split()[:-1])


def _written_as(matched: str, form: str, case_sensitive: bool) -> bool:
    """The match is the form itself, a line break or no-break hyphen aside ("Secretary-\nGeneral")."""
    flat = _HYPHEN_SPACED.sub("-", " ".join(matched.split()))
    return flat == form if case_sensitive else flat.lower() == form.lower()


def _initial_only(matched: str, table: Table) -> bool:
    """The match differs from its preferred form only by its first capital (Internet/internet)."""
    found = table.lookup(matched)
    if not found:
        return False
    return any(p and p[1:] == table.norm(matched)[1:] and p[:1].lower() == matched[:1].lower() for p in found[1])


def _flat(text: str) -> str:
    return " ".join(text.split())


def _first_difference(matched: str, preferred: str, start: int, end: int) -> tuple[int, int]:
    """For a case-only difference in a long name, the span of the first word that differs.

    The fix still rewrites the whole name; the finding points where the eye should go
    (and leaves the rest of a title, e.g. its deprecated terms, unmarked).
    """
    if len(matched) != len(preferred) or matched.lower() != preferred.lower():
        return start, end
    i = next((i for i, (a, b) in enumerate(zip(matched, preferred)) if a != b), None)
    if i is None:
        return start, end
    left, right = i, i
    while left > 0 and matched[left - 1].isalpha():
        left -= 1
    while right < len(matched) and matched[right].isalpha():
        right += 1
    return start + left, start + right


@lru_cache(maxsize=64)
def _swapped(deprecated: str, preferred: str, inflect: str, case_sensitive: bool) -> Table:
    return Table.build([(deprecated, (preferred,))], inflect, case_sensitive)


def _strings(value: Any, what: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not (isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)):
        raise PackError(f"{where}: `{what}` must be a string or a list of non-empty strings")
    return tuple(value)


def _pairs(entry: dict[str, Any], where: str) -> list[tuple[str, tuple[str, ...]]]:
    if "terms" in entry:
        if "deprecated" in entry or "preferred" in entry:
            raise PackError(f"{where}: give either `terms` or `deprecated` + `preferred`, not both")
        terms = get(entry, "terms", dict, where)
        if not terms:
            raise PackError(f"{where}: `terms` is empty")
        return [(dep, _strings(pref, f"terms.{dep}", where)) for dep, pref in terms.items()]
    for required in ("deprecated", "preferred"):
        if required not in entry:
            raise PackError(f"{where}: missing required key `{required}` (or give a `terms` table)")
    deprecated = _strings(entry["deprecated"], "deprecated", where)
    preferred = _strings(entry["preferred"], "preferred", where)
    return [(d, preferred) for d in deprecated]


def _regex(entry: dict[str, Any], name: str, where: str, anchor: str) -> Any:
    if name not in entry:
        return None
    source = get(entry, name, str, where)
    try:
        return regex.compile(f"(?:{source}){anchor}", regex.IGNORECASE | regex.V1)
    except regex.error as exc:
        raise PackError(f"{where}: `{name}` does not compile: {exc}") from None


# An annexed treaty: its articles are headed “Article 1”, “Article 2” on lines of their own.
_ARTICLES = regex.compile(r"(?m)^[*_#\s]*Article 1[*_\s]*$")


def build(entry: dict[str, Any], meta: RuleMeta, where: str) -> SubstitutionRule:
    pairs = _pairs(entry, where)
    inflect = get(entry, "inflect", str, where, "none")
    if inflect not in ("none", "noun", "verb", "ize"):
        raise PackError(f"{where}: `inflect` must be none, noun, verb or ize (got {inflect!r})")
    case_sensitive = get(entry, "case_sensitive", bool, where, False)
    exempt = get(entry, "exempt", str, where, "info")
    if exempt not in ("info", "silent"):
        raise PackError(f"{where}: `exempt` must be info or silent (got {exempt!r})")
    fix_mode = "none" if not get(entry, "fix", bool, where, True) else (
        "safe" if get(entry, "fix_safe", bool, where, True) else "unsafe")
    message = get(entry, "message", str, where, "“{match}”: write {preferred}. {reason}")
    check_template(message, ("match", "preferred", "reason"), where)
    table = Table.build(pairs, inflect, case_sensitive)
    if fix_mode == "none" or all(len(p) != 1 for _, p in pairs):
        meta = replace(meta, fixable=False)
    return SubstitutionRule(
        meta=meta, table=table, pairs=tuple(pairs), inflect=inflect, reason=get(entry, "reason", str, where, ""),
        message=message, fix_mode=fix_mode, exempt=exempt,
        exempt_titles=get(entry, "exempt_titles", bool, where, True),
        defer_when_mixed=get(entry, "defer_when_mixed", bool, where, False),
        skip_proper_names=get(entry, "skip_proper_names", bool, where, False),
        preceded=_regex(entry, "skip_if_preceded_by", where, r"[\s\u00a0*_]*\Z"),
        followed=_regex(entry, "skip_if_followed_by", where, ""),
        where=where,
        citing=_regex(entry, "skip_in_documents_citing", where, ""),
        treaty_annexes=get(entry, "skip_in_treaty_annexes", bool, where, False),
    )
