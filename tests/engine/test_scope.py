"""The engine keeps a scoped rule's findings that start in a clause of its scope (the clause's
end included), whatever the number of findings; a rule that fails keeps what it found before."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from termlint.core.model import Finding, RuleMeta, Severity
from termlint.engine.lint import Settings, lint_text
from termlint.parse.parser import parse

ROOT = Path(__file__).resolve().parents[2]
DRAFT = (ROOT / "examples" / "draft-2022-child-protection.txt").read_text(encoding="utf-8")
SCOPE = frozenset({"operative"})


@dataclass
class _At:
    """Reports one finding at each offset given, then raises if told to."""

    meta: RuleMeta
    offsets: tuple[int, ...]
    fail: bool = False

    def check(self, ctx: object) -> Iterator[Finding]:
        for at in self.offsets:
            yield Finding(self.meta.code, at, at + 1, f"at {at}")
        if self.fail:
            raise ValueError("broken")


def _meta(code: str, scope: frozenset[str] | None) -> RuleMeta:
    return RuleMeta(code, f"test-{code}", "style", Severity.WARNING, "a test rule", scope=scope)


def _places() -> tuple[int, int, int, list[int]]:
    """A recital's start, an operative paragraph's first and last offsets, and offsets of every kind."""
    tree, _ = parse(DRAFT)
    clauses = list(tree.walk())
    recital = next(c for c in clauses if c.kind == "preambular")
    operative = next(c for c in clauses if c.kind == "operative")
    return recital.start, operative.start, operative.end, sorted({c.start for c in clauses} | {c.end for c in clauses})


def _found(*rules: _At) -> list[tuple[str, int]]:
    result = lint_text(DRAFT, Settings(rules=rules))
    return [(d.code, d.start) for d in result.diagnostics if d.code.startswith("TS")]


def test_one_finding_and_many_are_kept_by_the_same_spans():
    recital, first, last, everywhere = _places()
    assert _found(_At(_meta("TS1", SCOPE), (recital,))) == []
    assert _found(_At(_meta("TS1", SCOPE), (first,))) == [("TS1", first)]
    assert _found(_At(_meta("TS1", SCOPE), (last,))) == [("TS1", last)]  # the end: a missing final mark
    one_by_one = [found for at in everywhere if at < len(DRAFT) for found in _found(_At(_meta("TS1", SCOPE), (at,)))]
    together = _found(_At(_meta("TS1", SCOPE), tuple(at for at in everywhere if at < len(DRAFT))))
    assert one_by_one == together and 0 < len(together) < len(everywhere)


def test_a_rule_without_scope_keeps_everything_and_an_empty_rule_costs_no_scope():
    recital, first, _, _ = _places()
    assert _found(_At(_meta("TS1", None), (recital, first)), _At(_meta("TS2", SCOPE), ())) == [
        ("TS1", recital), ("TS1", first)]


def test_a_failing_rule_keeps_what_it_found_in_scope_and_is_reported():
    recital, first, _, _ = _places()
    rule = _At(_meta("TS1", SCOPE), (recital, first), fail=True)
    result = lint_text(DRAFT, Settings(rules=(rule,)))
    assert [(d.code, d.start) for d in result.diagnostics] == [("TS1", first)]
    assert result.errors == ["internal error in rule TS1: ValueError: broken"]
