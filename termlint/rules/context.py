"""The one protocol every rule follows, and the context a rule reads.

A rule is an object with `meta` (RuleMeta) and `check(ctx)` yielding Findings. A rule that reads
clause by clause says which kinds of clause it wants (`kinds`, as sqlfluff's crawlers do) and
yields from `visit(clause, ctx)`: the engine walks the clause tree once per document and hands
each such rule its clauses (`ByClause` gives those rules a `check` for callers that run one rule
alone). Data rules are
built from TOML packs by the kinds listed in termlint/rules/packs.py (KINDS); Python rules are
classes in the modules of each family (termlint/rules/<family>/), listed in a module's `RULES`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar, Protocol, TypeVar

from termlint.core.model import Finding, RuleMeta
from termlint.parse.tree import Clause, Walk
from termlint.rules.terms import titles_in
from termlint.text.document import Document
from termlint.text.protect import ProtectedSpans, SpanSet
from termlint.text.words import WordView, forget, view_of

T = TypeVar("T")


class Rule(Protocol):
    meta: RuleMeta

    def check(self, ctx: Context) -> Iterable[Finding]: ...


class ClauseRule(Rule, Protocol):
    """A rule the engine hands the clauses of its `kinds`, in document order, from its one walk."""

    @property
    def kinds(self) -> frozenset[str] | None:
        """The clause kinds `visit` reads; None: the rule reads the whole document (`check`)."""

    def visit(self, clause: Clause, ctx: Context) -> Iterable[Finding]: ...


def clause_kinds(rule: Rule) -> frozenset[str] | None:
    """The clause kinds a rule is handed by the engine's walk; None for a rule that reads the whole document."""
    return getattr(rule, "kinds", None)


class ByClause:
    """What a clause-by-clause rule inherits: `check` runs `visit` over the clauses of its kinds,
    for callers that run one rule alone (tests, the per-rule profile). The engine calls `visit`."""

    kinds: ClassVar[frozenset[str] | None]

    def visit(self, clause: Clause, ctx: Context) -> Iterable[Finding]:
        raise NotImplementedError

    def check(self, ctx: Context) -> Iterator[Finding]:
        """The findings of `visit` over every clause of `kinds`, in document order."""
        for clause in ctx.clauses(self.kinds):
            yield from self.visit(clause, ctx)


@dataclass
class Context:
    """What a rule sees of one document. Expensive views are computed once, on first use."""

    document: Document
    tree: Clause
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # rule code -> options
    words: frozenset[str] = frozenset()  # the user's extra spelling words (config `words`)
    packs: tuple[Any, ...] = ()  # the user's extra pack paths: their [[titles]] join the bundled ones
    _shared: dict[Hashable, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.document.text

    @cached_property
    def is_resolution(self) -> bool:
        return self.tree.is_resolution

    def clauses(self, kinds: Iterable[str] | None) -> Iterator[Clause]:
        """Clauses of the given kinds in document order (None: the whole document)."""
        if kinds is None:
            yield self.tree
            return
        yield from self.walk.of_kinds(kinds)

    def under(self, clause: Clause, kinds: Iterable[str] | None = None) -> list[Clause]:
        """The descendants of `clause` (of the given kinds) in document order, from the one walk."""
        return self.walk.under(clause, kinds)

    @cached_property
    def walk(self) -> Walk:
        """The clause tree walked once: every clause in document order, by kind, with its subtree."""
        return Walk.of(self.tree)

    def shared(self, key: Hashable, compute: Callable[[], T]) -> T:
        """A view of this document that several rules read (the citations, the acronym units...),
        computed by the first rule that asks and kept with the Context, so nothing outlives the
        document. `key` names the view; modules prefix it with their own name."""
        if key not in self._shared:
            self._shared[key] = compute()
        return self._shared[key]  # type: ignore[no-any-return]

    def within(self, scope: frozenset[str], findings: Iterable[Finding]) -> Iterator[Finding]:
        """The findings that start inside a clause of the `scope` kinds (its end included, where a
        missing mark is reported): the engine applies every rule's scope this way, whatever its kind."""
        key = ("context.scope", scope)
        if key not in self._shared and isinstance(findings, list) and len(findings) == 1:
            # one finding (most rules that find anything find one): look for its clause, without
            # building the spans of every clause of the scope
            (f,) = findings
            return iter(findings if any(c.start <= f.start <= c.end for c in self.clauses(scope)) else ())
        spans = self.shared(key, lambda: SpanSet.of([(c.start, c.end + 1) for c in self.clauses(scope)]))
        return (f for f in findings if spans.overlaps(f.start, f.start + 1))

    def release(self) -> None:
        """Let every view go (the shared ones, the words, the spans): the rules have run, and the
        engine's last steps read none of them. A large file's views are tens of MB, which building
        its findings would otherwise add to; the word view is let go for `phrases` too."""
        self._shared.clear()
        for name, value in vars(Context).items():
            if isinstance(value, cached_property):  # the walk, the titles, the word view, the spans...
                self.__dict__.pop(name, None)
        forget(self.text)

    def options_for(self, code: str) -> Mapping[str, Any]:
        return self.options.get(code, {})

    @cached_property
    def titles(self) -> Any:
        """Official titles and agreed language in the text (termlint/rules/titles.py): terms there stay."""
        return titles_in(self)  # found by the matcher of every pack term (rules/terms.py)

    @cached_property
    def word_view(self) -> WordView:
        """The text's words, tokenised once for every word-level rule (termlint/text/words.py):
        its tokens and words, what each means to a family, where a token or word stands."""
        return view_of(self.text)

    @cached_property
    def protected(self) -> Any:
        """Spans rules treat with care: quotations, instrument titles, comments (see protect.py)."""
        return ProtectedSpans.of(self.text)
