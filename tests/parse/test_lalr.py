"""termlint's run of the grammar's LALR tables (parse/lalr.py) builds the trees Lark builds, skips
the blocks Lark's error recovery skips, and gives up where Lark gives up."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from termlint.parse import lalr
from termlint.parse.lalr import Node, ParseError, Tables
from termlint.parse.parser import _prepare
from tests.conftest import DATA, SEED

TABLES = Tables.of(lalr.lark_parser())
LARK = lalr.lark_parser()
TERMINALS = sorted({symbol for row in TABLES.states.values() for symbol in row if symbol.isupper() and symbol != "$END"})


@dataclass
class Tok:
    kind: str


def by_lark(kinds: list[str]) -> tuple[Any, list[int]]:
    """Lark's tree of the kinds (leaves: their indices) and the indices its recovery skipped;
    the tree is "gave up" when Lark raises (termlint then falls back to plain paragraphs)."""
    skipped: list[int] = []

    def skip(error: Any) -> bool:
        if error.token.type != "$END":
            skipped.append(int(error.token))
        return True

    def plain(tree: Any) -> Any:
        if hasattr(tree, "data"):
            return (str(tree.data), [plain(child) for child in tree.children])
        return int(tree)

    try:
        return plain(LARK.parse([Tok(k) for k in kinds], on_error=skip)), skipped
    except Exception:
        return "gave up", skipped


def by_tables(kinds: list[str], tables: Tables = TABLES) -> tuple[Any, list[int]]:
    skipped: list[int] = []

    def plain(node: Any) -> Any:
        return (node.rule, [plain(p) for p in node.parts]) if isinstance(node, Node) else node

    try:
        return plain(tables.parse([(k, i) for i, k in enumerate(kinds)], skipped.append)), skipped
    except ParseError:
        return "gave up", skipped


TEXTS = sorted(p for p in DATA.rglob("*") if p.suffix in (".md", ".txt") and p.name != "SOURCES.md") + [SEED]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_every_text_kept_for_the_tests_is_placed_as_lark_places_it(path: Path) -> None:
    placed, _ = _prepare(path.read_text(encoding="utf-8"))
    kinds = [block.kind for block in placed]
    assert by_tables(kinds) == by_lark(kinds)


def test_the_texts_are_resolutions_and_a_block_out_of_place_is_skipped_as_lark_skips_it() -> None:
    resolutions = sum("resolution" in str(by_tables([b.kind for b in _prepare(p.read_text(encoding="utf-8"))[0]])[0])
                      for p in TEXTS)
    assert resolutions > 20
    kinds = ["SYMBOL", "CHAPEAU", "PARA_SUB", "PREAMB", "OPENER", "PARA_OP", "PARA_SUB", "CHAPEAU", "PAGEBREAK"]
    tree, skipped = by_tables(kinds)
    assert skipped == [2, 8] and (tree, skipped) == by_lark(kinds)


@given(st.lists(st.sampled_from([*TERMINALS, "PAGEBREAK"]), max_size=40))
def test_any_sequence_of_blocks_is_placed_as_lark_places_it(kinds: list[str]) -> None:
    assert by_tables(kinds) == by_lark(kinds)


def test_an_end_that_does_not_fit_gives_up_as_lark_does() -> None:
    # a grammar whose resolution needs a numbered paragraph: a text ending on its chapeau cannot end
    grammar = "start: CHAPEAU PARA_OP\n%declare CHAPEAU PARA_OP"
    strict = Tables.of(lalr.lark_parser(grammar))
    assert by_tables(["CHAPEAU"], strict) == ("gave up", [])
    assert by_tables(["CHAPEAU", "PREAMB", "PARA_OP"], strict) == (("start", [0, 2]), [1])


def test_tables_that_would_need_another_tree_shaping_are_refused() -> None:
    with pytest.raises(ValueError, match="tree shaping"):
        Tables.of(lalr.lark_parser("start: x\n?x: A B\n%declare A B"))
