"""Issue 17, item 3: the engine walks the clause tree once per document and hands each rule that
declares clause kinds (`kinds`, `visit`) its clauses; adding such rules adds no walk."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from termlint.core.model import Finding, RuleMeta, Severity
from termlint.engine.lint import Settings, lint_text
from termlint.parse.parser import parse
from termlint.parse.tree import Clause, Walk
from termlint.rules.context import ByClause, Context, clause_kinds
from termlint.rules.registry import all_rules

ROOT = Path(__file__).resolve().parents[2]
DRAFT = (ROOT / "examples" / "draft-2022-child-protection.txt").read_text(encoding="utf-8")
US_MUN = (ROOT / "tests" / "data" / "drafts" / "mun-us-layout.txt").read_text(encoding="utf-8")  # with sub-paragraphs
# The families whose rules read the tree: structure, footnotes, citations, punctuation.
TREE_FAMILIES = ("ST", "FN", "CI", "PU")


def _tree_rules() -> tuple:
    return tuple(r for r in all_rules() if r.meta.code.startswith(TREE_FAMILIES))


class _Counter:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.walks = 0  # calls of Clause.walk (every clause of a full walk counts one)
        self.trees = 0  # Walk.of: the engine's one walk
        walk, of = Clause.walk, Walk.of.__func__  # type: ignore[attr-defined]

        def counted_walk(clause: Clause) -> Iterator[Clause]:
            self.walks += 1
            return walk(clause)

        def counted_of(cls: type[Walk], tree: Clause) -> Walk:
            self.trees += 1
            return of(cls, tree)

        monkeypatch.setattr(Clause, "walk", counted_walk)
        monkeypatch.setattr(Walk, "of", classmethod(counted_of))

    def lint(self, rules: tuple) -> tuple[list[tuple], int, int]:
        """Lint the draft, counting the walks after parsing (the parser walks its own tree to attach
        footnotes: that is the parse's, not the rules')."""
        parsed = parse(DRAFT)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("termlint.engine.lint.parse", lambda text: parsed)
            self.walks = self.trees = 0
            result = lint_text(DRAFT, Settings(rules=rules))
            assert not result.errors
        return [(d.code, d.start, d.end, d.message) for d in result.diagnostics], self.walks, self.trees


def test_the_tree_is_walked_once_whatever_the_number_of_structure_rules(monkeypatch: pytest.MonkeyPatch):
    rules = _tree_rules()
    assert {r.meta.code for r in rules if clause_kinds(r) is not None} >= {  # handed clauses by the engine
        "ST101", "ST102", "ST103", "ST111", "ST113", "ST114", "ST115", "ST121", "ST122", "ST123", "ST131", "ST132",
        "CI012", "CI024", "CI025", "CI026"}
    counter = _Counter(monkeypatch)
    once, walks, trees = counter.lint(rules)
    assert trees == 1 and walks == 0  # the engine's walk and nothing else
    assert {code for code, *_ in once} >= {"ST111", "ST112", "ST122", "PU001", "CI041"}
    thrice, walks, trees = counter.lint(rules * 3)
    assert (thrice, walks, trees) == (once, 0, 1)


def test_adding_structure_rules_to_every_rule_adds_no_walk(monkeypatch: pytest.MonkeyPatch):
    counter = _Counter(monkeypatch)
    every = all_rules()
    found, walks, trees = counter.lint(every)
    assert trees == 1
    assert counter.lint(every + _tree_rules() * 2) == (found, walks, trees)


@dataclass(frozen=True)
class _Recorder(ByClause):
    kinds = frozenset({"operative", "subparagraph"})
    seen: list[Clause] = field(default_factory=list)
    meta: RuleMeta = RuleMeta(code="ST198", name="recorder", category="structure", severity=Severity.INFO,
                              summary="records what it is handed")

    def visit(self, clause: Clause, ctx: Context) -> Iterator[Finding]:
        self.seen.append(clause)
        if clause.kind == "subparagraph":
            yield Finding(self.meta.code, clause.start, clause.start + 3, "seen")


@dataclass(frozen=True)
class _Failing(ByClause):
    kinds = frozenset({"operative"})
    meta: RuleMeta = RuleMeta(code="ST199", name="failing", category="structure", severity=Severity.INFO,
                              summary="fails on the third paragraph")
    seen: list[Clause] = field(default_factory=list)

    def visit(self, clause: Clause, ctx: Context) -> Iterator[Finding]:
        self.seen.append(clause)
        yield Finding(self.meta.code, clause.start, clause.start + 1, f"paragraph {clause.label}")
        if len(self.seen) == 3:
            raise ValueError("broken")


def test_a_clause_rule_is_handed_its_kinds_in_document_order():
    recorder = _Recorder()
    result = lint_text(US_MUN, Settings(rules=(recorder,)))
    tree, _ = parse(US_MUN)
    expected = [c for c in tree.walk() if c.kind in ("operative", "subparagraph")]
    assert [(c.kind, c.start, c.label) for c in recorder.seen] == [(c.kind, c.start, c.label) for c in expected]
    subs = [c for c in expected if c.kind == "subparagraph"]
    assert len(subs) == 6 and len(expected) == 21
    assert [d.start for d in result.diagnostics if d.code == "ST198"] == [c.start for c in subs]
    # `check` (a rule run alone) reads the same clauses
    ctx = Context(result.document, tree)
    alone = _Recorder()
    assert [f.start for f in alone.check(ctx)] == [c.start for c in subs]
    assert [c.start for c in alone.seen] == [c.start for c in expected]


def test_a_failing_clause_rule_stops_alone_and_is_reported():
    failing, recorder = _Failing(), _Recorder()
    result = lint_text(US_MUN, Settings(rules=(failing, recorder)))
    assert result.errors == ["internal error in rule ST199: ValueError: broken"]
    assert len(failing.seen) == 3  # handed no clause after it failed
    assert [d.message for d in result.diagnostics if d.code == "ST199"] == ["paragraph 1", "paragraph 2", "paragraph 3"]
    assert sum(d.code == "ST198" for d in result.diagnostics) == 6  # the other rule ran to the end
