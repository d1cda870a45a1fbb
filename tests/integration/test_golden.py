"""Behaviour frozen: the clause tree of every draft in examples/ and tests/data, and every finding on
the examples, tests/data/corpus and tests/data/corpus-sample (tests/goldens.py says what is frozen).

Speed and layout work must not change a tree or a finding. A change that is meant to change them
regenerates every golden file with one command and shows the diff in review:

    .venv/bin/python scripts/regen_golden.py
"""

from __future__ import annotations

import json

import pytest

from goldens import (CONCISE, SAMPLE, SAMPLE_FOLDER, TREES, render_concise, render_sample, render_tree,
                     tree_golden, tree_texts)

REGEN = "after an intended change, run `python scripts/regen_golden.py` and review `git diff tests/golden`"


@pytest.mark.parametrize("text", tree_texts())
def test_parse_tree_is_golden(text: str) -> None:
    golden = tree_golden(text)
    assert golden.exists(), f"no golden tree for {text}; {REGEN}"
    assert render_tree(text) == golden.read_text(encoding="utf-8"), REGEN


def test_every_golden_tree_has_its_text() -> None:
    assert sorted(TREES.rglob("*.json")) == sorted(tree_golden(t) for t in tree_texts()), REGEN


def test_the_trees_cover_the_examples_and_every_folder_of_test_data() -> None:
    folders = {t.rsplit("/", 1)[0] for t in tree_texts()}
    assert {"examples", "tests/data/corpus", "tests/data/corpus-sample", "tests/data/webpages"} <= folders


@pytest.mark.parametrize("jobs", [1, 2])
def test_concise_output_is_golden(jobs: int) -> None:
    assert render_concise(jobs) == CONCISE.read_text(encoding="utf-8"), REGEN


def test_corpus_sample_findings_are_golden() -> None:
    found = render_sample()
    assert found == SAMPLE.read_text(encoding="utf-8"), REGEN
    paths = {f["path"].rsplit("/", 1)[0] for f in json.loads(found)}
    assert paths == {SAMPLE_FOLDER}  # paths relative to the checkout, so the golden is the same on every machine
