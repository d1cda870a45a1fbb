"""Texts shaped to find quadratic code: each must be checked in time proportional to its size.

The fuzzer (scripts/fuzz.py) reports its slowest document; these are the shapes that were
slow there, kept at a size where quadratic code takes tens of seconds and linear code a
fraction of one. The bound is a hang guard for a slow CI machine, not a speed target
(speed is measured by benchmarks/bench.py).
"""

from __future__ import annotations

import time

import pytest

from tests.conftest import lint

N = 60_000

SHAPES = {
    # Stars, thousands of empty lines, stars: "does this text mark italics" once scanned all the
    # following line breaks from every line start.
    "line breaks between stars": "Recalling its *resolution*,\n" + "\n" * N + "Notes the *Treaty Series*,",
    # Every quotation mark is unbalanced, and "[sic]" was looked for after each finding by
    # first skipping every following quotation mark.
    "straight quotation marks": "Recalling " + '"' * N,
    "curly quotation marks": "Recalling " + "”" * N,
    "stars": "Recalling " + "*" * N,
    "apostrophes": "Recalling " + "’" * N,
}


@pytest.mark.parametrize("text", SHAPES.values(), ids=SHAPES.keys())
def test_adversarial_text_is_checked_in_linear_time(text: str) -> None:
    start = time.perf_counter()
    lint(text)
    assert time.perf_counter() - start < 15
