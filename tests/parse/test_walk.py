"""The one walk of the clause tree (parse/tree.py `Walk`) against its plain definitions:
`Clause.walk` for the order, a walk of each subtree for `under`, a filter of the walk for `of_kinds`."""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzzing import FRAGMENTS, JOINERS, REAL_LINES
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from termlint.parse.parser import parse
from termlint.parse.tree import KINDS, Clause, Walk

ROOT = Path(__file__).resolve().parents[2]
TEXTS = [ROOT / "examples" / "draft-2022-child-protection.txt", ROOT / "examples" / "A_RES_75_10.md",
         *sorted((ROOT / "tests" / "data" / "drafts").iterdir())]


def _agrees(tree: Clause) -> None:
    walk = Walk.of(tree)
    plain = list(tree.walk())
    assert list(walk.clauses) == plain and all(a is b for a, b in zip(walk.clauses, plain))
    for clause in plain:
        below = list(clause.walk())[1:]
        assert walk.under(clause) == below
        assert walk.under(clause, ("subparagraph", "operative")) == [c for c in below
                                                                      if c.kind in ("subparagraph", "operative")]
    for kinds in (("operative",), ("preambular", "operative", "subparagraph"), ("footnote", "title", "annex"), KINDS):
        assert list(walk.of_kinds(kinds)) == [c for c in plain if c.kind in kinds]
        assert walk.of_kinds(frozenset(kinds)) is walk.of_kinds(frozenset(kinds))  # kept for the next rule
    assert walk.under(Clause("operative", 0, 0)) == []  # a clause of another tree


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_walk_of_real_drafts_is_the_plain_walk(path: Path):
    tree, _ = parse(path.read_text(encoding="utf-8"))
    assert len(list(tree.walk())) > 10  # a real tree, with resolutions, paragraphs and sub-paragraphs
    _agrees(tree)


@hsettings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)
@given(st.lists(st.tuples(st.sampled_from(REAL_LINES + FRAGMENTS), st.sampled_from(JOINERS)), max_size=40))
def test_walk_of_any_tree_is_the_plain_walk(pieces: list[tuple[str, str]]):
    text = "".join(line + joiner for line, joiner in pieces)
    tree, _ = parse(text)
    _agrees(tree)
