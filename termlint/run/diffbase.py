"""`--diff-base REV`: report only findings on lines changed since a git revision.

The changed lines are the added side of `git diff --merge-base REV`: the diff from the point
where the current branch left REV to the working tree, so a base branch that moved on since
adds nothing (as `git diff main...` and pull-request views read it). git is asked once per
repository, for every file at once, whatever the number of files checked; each repository is
found from the file's own folder, so files of several repositories can be checked together.
A file git does not track yet counts as changed throughout. Pure deletions mark no line:
nothing written remains there to check.
"""

from __future__ import annotations

import difflib
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from termlint.docx.sniff import is_package
from termlint.engine.linegate import LineGate
from termlint.engine.lint import LintResult

_HUNK = regex.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_TIMEOUT = 60
_FETCH = ("fetch the history first: `git fetch --unshallow` (in GitHub Actions, `fetch-depth: 0` on "
          "actions/checkout; in GitLab CI, `GIT_DEPTH: 0`)")


class DiffBaseError(Exception):
    """--diff-base cannot be honoured; str() is the message shown (exit status 2).

    `repository_wide`: the problem is the repository's, not one file's (said once for all its files).
    """

    def __init__(self, message: str, repository_wide: bool = False) -> None:
        super().__init__(message)
        self.repository_wide = repository_wide


@dataclass(frozen=True)
class _Changes:
    """What changed in one repository since the merge base: added lines by path, untracked paths."""

    added: dict[str, frozenset[int]]
    untracked: frozenset[str]


def gate_for(path: str, rev: str) -> LineGate:
    """The changed lines of the file at `path` since `rev`; DiffBaseError when git cannot tell."""
    if path == "-":
        raise DiffBaseError("--diff-base needs files on disk, not standard input")
    file = Path(path).resolve()
    top = _toplevel(str(file.parent))
    changes = _changes(top, rev)
    relative = file.relative_to(Path(top)).as_posix() if file.is_relative_to(Path(top)) else str(file)
    if relative in changes.untracked:
        return LineGate(None)  # untracked: everything in it is new
    word = _word_gate(top, rev, relative, file)
    if word is not None:
        return word
    return LineGate(changes.added.get(relative, frozenset()))


def forget() -> None:
    """Drop what git said: files were written since (by --fix), so their diffs are stale."""
    _changes.cache_clear()


def _word_gate(top: str, rev: str, relative: str, file: Path) -> LineGate | None:
    """For a Word draft (git sees only a binary file): the paragraphs whose text changed since `rev`,
    found by reading both versions. None when the file is not a Word draft."""
    try:
        with open(file, "rb") as handle:  # a text draft: its first bytes say so, the rest is not read
            data = handle.read(8)
            if not is_package(data):
                return None
            data += handle.read()
    except OSError:
        return None
    try:
        base = subprocess.run(["git", "merge-base", "HEAD", rev], cwd=top, capture_output=True, text=True,
                              timeout=_TIMEOUT).stdout.strip() or rev  # as the text diff: since the merge base
        old = subprocess.run(["git", "show", f"{base}:{relative}"], cwd=top, capture_output=True, timeout=_TIMEOUT)
    except (FileNotFoundError, subprocess.TimeoutExpired):
        raise DiffBaseError(f"--diff-base: git show {rev}:{relative} failed") from None
    if old.returncode != 0:
        return LineGate(None)  # not in that revision: all of it is new
    from termlint.docx.read import read_docx  # python-docx only for a Word draft
    from termlint.docx.sniff import NotWord

    try:
        before, after = read_docx(old.stdout, relative).word.shown, read_docx(data, relative).word.shown
    except NotWord:
        return LineGate(None)  # the old version cannot be read: count everything as changed
    changed: set[int] = set()
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, _, _, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "insert"):
            changed.update(range(j1 + 1, j2 + 1))
    return LineGate(frozenset(changed))


def _added_lines(diff: str) -> dict[str, frozenset[int]]:
    """Added line numbers by path (relative to the repository) in a whole-repository diff."""
    added: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.split("\n"):
        if line.startswith("+++ "):
            name = _unquote(line[4:])
            current = None if name == "/dev/null" else added.setdefault(name.removeprefix("b/"), set())
        elif line.startswith("@@") and current is not None:
            m = _HUNK.match(line)
            if m:
                start, count = int(m.group(1)), int(m.group(2) or 1)
                current.update(range(start, start + count))
    return {name: frozenset(lines) for name, lines in added.items()}


def _unquote(name: str) -> str:
    """A path as git prints it: C-quoted when it holds quotes, backslashes or control characters."""
    name = name.rstrip("\t")  # git pads names with spaces by a tab
    if not (name.startswith('"') and name.endswith('"')):
        return name
    raw = name[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
    return raw.encode("latin-1").decode("utf-8", "replace")


@lru_cache(maxsize=64)
def _toplevel(folder: str) -> str:
    result = _git(folder, "rev-parse", "--show-toplevel", check=False)
    if result.returncode != 0:
        raise DiffBaseError(f"--diff-base: {folder} is not in a git repository")
    return result.stdout.strip()


@lru_cache(maxsize=64)
def _changes(top: str, rev: str) -> _Changes:
    """One repository's changes since the merge base of `rev` and HEAD (cached: asked once per run)."""
    if rev.startswith("-"):
        raise DiffBaseError(f"--diff-base: {rev!r} is not a revision", repository_wide=True)
    if _git(top, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}", check=False).returncode != 0:
        raise DiffBaseError(f"--diff-base: unknown revision {rev!r} in the repository at {top}", repository_wide=True)
    diff = _git(top, "-c", "core.quotePath=false", "diff", "--merge-base", "--no-color", "--no-ext-diff",
                "--no-textconv", "--no-renames", "--src-prefix=a/", "--dst-prefix=b/", "--unified=0", rev,
                check=False)
    if diff.returncode != 0:
        raise DiffBaseError(_no_merge_base(top, rev, diff.stderr.strip()), repository_wide=True)
    others = _git(top, "-c", "core.quotePath=false", "ls-files", "--others", "--exclude-standard", "-z")
    return _Changes(_added_lines(diff.stdout), frozenset(n for n in others.stdout.split("\0") if n))


def _no_merge_base(top: str, rev: str, stderr: str) -> str:
    shallow = _git(top, "rev-parse", "--is-shallow-repository", check=False).stdout.strip() == "true"
    if shallow:
        return (f"--diff-base: the repository at {top} is a shallow clone without the merge base of "
                f"{rev!r} and HEAD; {_FETCH}")
    return f"--diff-base: no merge base of {rev!r} and HEAD in the repository at {top} ({stderr or 'git diff failed'})"


def _git(cwd: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                                encoding="utf-8", errors="replace", timeout=_TIMEOUT)
    except FileNotFoundError:
        raise DiffBaseError("--diff-base needs git, and git is not installed (not on PATH)", True) from None
    except subprocess.TimeoutExpired:
        raise DiffBaseError(f"--diff-base: `git {args[0]}` took longer than {_TIMEOUT} s", True) from None
    if check and result.returncode != 0:
        raise DiffBaseError(f"--diff-base: git {args[0]} failed: {result.stderr.strip() or result.returncode}", True)
    return result


def keep_changed(result: LintResult, rev: str, path: str) -> tuple[str, str] | None:
    """Drop the findings of `result` that are not on lines changed since `rev`.

    Returns (path, problem) for exit status 2 when git cannot tell which lines changed, the path
    empty when the problem is the repository's (so it is said once); the result then keeps no
    findings, so nothing unchecked passes as checked.
    """
    try:
        gate = gate_for(path, rev)  # the path read ("-" for standard input), not the name shown
    except DiffBaseError as exc:
        result.diagnostics = []
        return ("" if exc.repository_wide else path, str(exc))
    result.diagnostics = gate.filter(result.diagnostics)
    return None
