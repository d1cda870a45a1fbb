"""A new file of our own beside a target, for writing it atomically (write, then `os.replace`).

`tempfile.mkstemp` does the same, but importing `tempfile` brings in `shutil`, `random`, `bz2` and
`lzma`: a few milliseconds of every run, which a pre-commit hook pays on each commit."""

from __future__ import annotations

import os
from pathlib import Path


def scratch_file(folder: str | Path, prefix: str = ".tmp-", suffix: str = "") -> tuple[int, str]:
    """A new file in `folder`, opened for writing and readable by its owner only: (descriptor, path).
    Raises OSError as `tempfile.mkstemp` does (no folder, no permission)."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        path = os.path.join(folder, f"{prefix}{os.urandom(6).hex()}{suffix}")
        try:
            return os.open(path, flags, 0o600), path
        except FileExistsError:
            continue
    raise FileExistsError(f"no free scratch name in {folder}")
