"""Behaviour frozen: every finding termlint reports on the examples and the test corpus.

Performance work must not change a single finding. The golden file holds the concise
output of `termlint check --no-cache --format concise examples tests/data/corpus`; a rule
change that is meant to change findings regenerates it on purpose:

    .venv/bin/termlint check --no-cache --format concise examples tests/data/corpus \
        > tests/data/golden/concise.txt
"""

from __future__ import annotations

import subprocess
import sys

from conftest import DATA, ROOT

GOLDEN = DATA / "golden" / "concise.txt"


def run_check(*extra: str) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "termlint", "check", "--no-cache", "--format", "concise", *extra,
         "examples", "tests/data/corpus"],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert out.returncode == 1, out.stderr
    assert out.stderr == ""
    return out.stdout


def test_concise_output_is_golden():
    assert run_check("--jobs", "1") == GOLDEN.read_text(encoding="utf-8")


def test_parallel_output_is_golden():
    assert run_check("--jobs", "2") == GOLDEN.read_text(encoding="utf-8")
