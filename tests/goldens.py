"""The golden files: what termlint prints on the texts of the repository, frozen in tests/golden/.

Shared by tests/integration/test_golden.py (which compares) and scripts/regen_golden.py (which
writes them after an intended change). Three kinds:

- `trees/<path>.json`: `termlint parse --format json` of every draft in examples/ and tests/data
  (recursively, .md and .txt), one node per line so that a change reads as a small diff;
- `findings/concise.txt`: `termlint check --format concise` on GOLDEN_FILES (the examples and
  tests/data/corpus), the same with one process and with two;
- `findings/corpus-sample.json`: `termlint check --format json` on tests/data/corpus-sample.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from termlint.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
TREES = GOLDEN / "trees"
CONCISE = GOLDEN / "findings" / "concise.txt"
SAMPLE = GOLDEN / "findings" / "corpus-sample.json"
SAMPLE_FOLDER = "tests/data/corpus-sample"
# Paths relative to ROOT, listed so that a text added to tests/data later does not change the concise golden.
GOLDEN_FILES = ("examples/A_RES_75_10.md", "examples/draft-2022-child-protection.txt",
                "tests/data/corpus/A_RES_75_10.md", "tests/data/corpus/A_RES_76_7.md",
                "tests/data/corpus/E_RES_2021_22.md", "tests/data/corpus/S_RES_1454_2002.txt",
                "tests/data/corpus/USERDRAFT_ageyev_un-su_GA_Resolution.md")
_NOT_DRAFTS = {"SOURCES.md", "README.md"}  # notes about the texts, not texts


def tree_texts() -> list[str]:
    """Every draft whose parse tree is frozen: .md and .txt below examples/ and tests/data, relative to ROOT."""
    found = [p for folder in (ROOT / "examples", ROOT / "tests" / "data") for p in folder.rglob("*")
             if p.is_file() and p.suffix in (".md", ".txt") and p.name not in _NOT_DRAFTS]
    return sorted(p.relative_to(ROOT).as_posix() for p in found)


def tree_golden(text: str) -> Path:
    """The golden tree file of a text (a path relative to ROOT): tests/data/x.md -> trees/data/x.md.json."""
    relative = text.removeprefix("tests/")
    return TREES / f"{relative}.json"


def _node(node: dict[str, Any], depth: int) -> str:
    # One clause per line: its own fields as compact JSON, its children indented below it.
    children = node.get("children", [])
    own = json.dumps({k: v for k, v in node.items() if k != "children"}, ensure_ascii=False)
    if not children:
        return "  " * depth + own
    inner = ",\n".join(_node(c, depth + 1) for c in children)
    return "  " * depth + own[:-1] + ', "children": [\n' + inner + "\n" + "  " * depth + "]}"


def render_tree(text: str) -> str:
    """`termlint parse --format json TEXT` (run in this process; TEXT relative to ROOT), one clause per line."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["parse", "--format", "json", str(ROOT / text)])
    if status != 0 or err.getvalue():
        raise RuntimeError(f"termlint parse {text}: exit {status}: {err.getvalue()}")
    return _node(json.loads(out.getvalue()), 0) + "\n"


def _check(fmt: str, jobs: int, paths: list[str] | tuple[str, ...]) -> str:
    out = subprocess.run([sys.executable, "-m", "termlint", "check", "--no-cache", "--format", fmt, "--jobs",
                          str(jobs), *paths], capture_output=True, text=True, cwd=ROOT, timeout=600)
    if out.returncode not in (0, 1) or out.stderr:
        raise RuntimeError(f"termlint check {' '.join(paths)}: exit {out.returncode}: {out.stderr}")
    return out.stdout


def render_concise(jobs: int = 1) -> str:
    """`termlint check --no-cache --format concise --jobs N` on GOLDEN_FILES."""
    return _check("concise", jobs, GOLDEN_FILES)


def render_sample() -> str:
    """`termlint check --no-cache --format json` on the corpus sample."""
    return _check("json", 2, [SAMPLE_FOLDER])
