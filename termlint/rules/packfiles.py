"""Pack files as files: the bundled ones, reading one (parsed once while unchanged), and the
error every pack problem raises. Building rules from a pack is packs.py; titles.py reads the
same files for their [[titles]]."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from termlint.core.errors import SetupError
from termlint.core.resources import data_dir
from termlint.core.tomlfile import loads


class PackError(SetupError):
    """A pack that cannot be used; the message names the file, the rule and the problem."""


def read_pack(path: Path) -> dict[str, Any]:
    """A pack file's TOML, parsed once per process while the file is unchanged (the rules and
    the official titles both read the packs). Callers must not modify what it returns."""
    stat = Path(path).stat()
    return _parsed(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _parsed(path: str, mtime_ns: int, size: int) -> dict[str, Any]:
    return loads(Path(path).read_text(encoding="utf-8"))


def bundled_packs() -> list[Path]:
    return sorted(data_dir("rules").glob("*.toml"))


def entry_line(path: Path, code: str, key: str) -> int:
    """The line where the [[rules]] entry `code` sets `key` (or where the entry starts), for an
    error message: tomllib keeps no positions, so the text is searched."""
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return 1
    start = next((i for i, line in enumerate(lines) if line.replace(" ", "").startswith(f'code="{code}"')), None)
    if start is None:
        return 1
    while start > 0 and not lines[start].lstrip().startswith("[[rules]]"):
        start -= 1
    for i in range(start, len(lines)):
        if i > start and lines[i].lstrip().startswith("[["):
            break
        stripped = lines[i].lstrip()
        if stripped.startswith(f"{key} ") or stripped.startswith(f"{key}="):
            return i + 1
    return start + 1
