"""`--diff-base REV`: report only findings on lines changed since a git revision.

The changed lines of a file are the added side of `git diff --unified=0 REV -- FILE`, run in
the file's own repository (so files of several repositories can be checked at once). A file
git does not track yet counts as changed throughout. Pure deletions mark no line: nothing
written remains there to check.
"""

from __future__ import annotations

import subprocess
from functools import lru_cache
from pathlib import Path

import regex

from termlint.engine.linegate import LineGate
from termlint.engine.lint import LintResult

_HUNK = regex.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", regex.MULTILINE)
_TIMEOUT = 60


class DiffBaseError(Exception):
    """--diff-base cannot be honoured for a file; str() is the message shown (exit status 2)."""


def gate_for(path: str, rev: str) -> LineGate:
    """The changed lines of the file at `path` since `rev`; DiffBaseError when git cannot tell."""
    if path == "-":
        raise DiffBaseError("--diff-base needs files on disk, not standard input")
    file = Path(path).resolve()
    top = _toplevel(str(file.parent))
    _verify(top, rev)
    relative = file.relative_to(Path(top)).as_posix() if file.is_relative_to(Path(top)) else str(file)
    tracked = _git(top, "ls-files", "--error-unmatch", "--", relative, check=False)
    if tracked.returncode != 0:
        return LineGate(None)  # untracked: everything in it is new
    diff = _git(top, "-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--no-textconv",
                "--unified=0", rev, "--", relative)
    return LineGate(frozenset(_added_lines(diff.stdout)))


def _added_lines(diff: str) -> set[int]:
    lines: set[int] = set()
    for m in _HUNK.finditer(diff):
        start, count = int(m.group(1)), int(m.group(2) or 1)
        lines.update(range(start, start + count))
    return lines


@lru_cache(maxsize=64)
def _toplevel(folder: str) -> str:
    result = _git(folder, "rev-parse", "--show-toplevel", check=False)
    if result.returncode != 0:
        raise DiffBaseError(f"--diff-base: {folder} is not in a git repository")
    return result.stdout.strip()


@lru_cache(maxsize=64)
def _verify(top: str, rev: str) -> None:
    if rev.startswith("-"):
        raise DiffBaseError(f"--diff-base: {rev!r} is not a revision")
    if _git(top, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}", check=False).returncode != 0:
        raise DiffBaseError(f"--diff-base: unknown revision {rev!r} in the repository at {top}")


def _git(cwd: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                                encoding="utf-8", errors="replace", timeout=_TIMEOUT)
    except FileNotFoundError:
        raise DiffBaseError("--diff-base needs git, and git is not installed (not on PATH)") from None
    except subprocess.TimeoutExpired:
        raise DiffBaseError(f"--diff-base: `git {args[0]}` took longer than {_TIMEOUT} s") from None
    if check and result.returncode != 0:
        raise DiffBaseError(f"--diff-base: git {args[0]} failed: {result.stderr.strip() or result.returncode}")
    return result


def keep_changed(result: LintResult, rev: str, path: str) -> str | None:
    """Drop the findings of `result` that are not on lines changed since `rev`.

    Returns the problem (for exit status 2) when git cannot tell which lines changed; the
    result then keeps no findings, so nothing unchecked passes as checked.
    """
    try:
        gate = gate_for(path, rev)  # the path read ("-" for standard input), not the name shown
    except DiffBaseError as exc:
        result.diagnostics = []
        return str(exc)
    result.diagnostics = gate.filter(result.diagnostics)
    return None
