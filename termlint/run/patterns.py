"""Path patterns with gitignore semantics (pathspec): `exclude`, `per-file-ignores` and `.gitignore`.

`*` stays within one folder (`drafts/*.md` is not `drafts/old/x.md`), `**` crosses folders, a
pattern with no slash matches at any depth (`*.bak.md`), a trailing slash matches a folder and
everything in it (`legacy/`), and `!` re-includes. pathspec is imported on first use: a run with
no patterns and no .gitignore never pays for it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any


class PatternError(ValueError):
    """A pattern pathspec cannot read; str() says which."""


@lru_cache(maxsize=256)
def spec(patterns: tuple[str, ...]) -> Any:
    """The compiled gitignore-style spec of `patterns`; PatternError for one that cannot be read."""
    import pathspec  # startup: most runs have no patterns (see the module docstring)

    try:
        return pathspec.GitIgnoreSpec.from_lines(patterns)
    except Exception as exc:  # pathspec raises several kinds for a malformed pattern
        raise PatternError(f"invalid pattern: {exc}") from None


def matches(patterns: Sequence[str], relative: str) -> bool:
    """True when `relative` (a POSIX path below the patterns' folder) is matched (and not re-included)."""
    return bool(patterns) and bool(spec(tuple(patterns)).match_file(relative))


Chain = list[tuple[Path, Any]]  # (folder, its .gitignore's spec), shallowest first


class GitIgnores:
    """The .gitignore files that govern a folder walk: those of the folders above it up to the
    repository's top (the folder holding .git), then each folder's own as the walk enters it.
    A deeper file's patterns win over a shallower one's, as in git."""

    def __init__(self, top: Path) -> None:
        start = top.resolve()
        above = [start, *start.parents]
        repository = next((i for i, folder in enumerate(above) if (folder / ".git").exists()), 0)
        self.above: Chain = [(f, s) for f in reversed(above[1:repository + 1]) if (s := _spec_of(f)) is not None]

    @staticmethod
    def enter(chain: Chain, folder: Path) -> Chain:
        """The chain in force inside `folder`: its parent's `chain` and its own .gitignore."""
        own = _spec_of(folder)
        return [*chain, (folder, own)] if own is not None else chain

    @staticmethod
    def ignored(chain: Chain, path: Path, is_dir: bool) -> bool:
        """True when the last pattern of `chain` that matches `path` ignores it (not `!`)."""
        verdict = False
        for base, compiled in chain:
            try:
                relative = path.relative_to(base).as_posix()
            except ValueError:
                continue
            result = compiled.check_file(relative + "/" if is_dir else relative)
            if result.include is not None:
                verdict = bool(result.include)
        return verdict


def _spec_of(folder: Path) -> Any:
    file = folder / ".gitignore"
    if not os.path.isfile(file):
        return None
    try:
        lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
        return spec(tuple(lines))
    except (OSError, PatternError):
        return None  # an unreadable or malformed .gitignore hides nothing
