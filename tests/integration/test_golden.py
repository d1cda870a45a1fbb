"""Behaviour frozen: every finding termlint reports on the examples and the test corpus.

Performance work must not change a single finding. The golden file holds the concise
output of `termlint check --no-cache --format concise` on the files of `FILES` (listed, so
that a text added to the corpus later does not change it); a rule change that is meant to
change findings regenerates it on purpose:

    .venv/bin/python tests/integration/test_golden.py > tests/data/golden/concise.txt
"""

from __future__ import annotations

import subprocess
import sys

from conftest import DATA, GOLDEN_FILES, ROOT

GOLDEN = DATA / "golden" / "concise.txt"
FILES = GOLDEN_FILES


def run_check(*extra: str) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "termlint", "check", "--no-cache", "--format", "concise", *extra, *FILES],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert out.returncode == 1, out.stderr
    assert out.stderr == ""
    return out.stdout


def test_concise_output_is_golden():
    assert run_check("--jobs", "1") == GOLDEN.read_text(encoding="utf-8")


def test_parallel_output_is_golden():
    assert run_check("--jobs", "2") == GOLDEN.read_text(encoding="utf-8")


if __name__ == "__main__":
    print(run_check("--jobs", "1"), end="")
