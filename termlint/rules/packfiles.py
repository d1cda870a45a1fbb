"""Pack files as files: the bundled ones, reading one (parsed once while unchanged), and the
error every pack problem raises. Building rules from a pack is packs.py; titles.py reads the
same files for their [[titles]]."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from termlint.core.errors import SetupError
from termlint.core.resources import data_dir
from termlint.core.tomlfile import tomllib


class PackError(SetupError):
    """A pack that cannot be used; the message names the file, the rule and the problem."""


def read_pack(path: Path) -> dict[str, Any]:
    """A pack file's TOML, parsed once per process while the file is unchanged (the rules and
    the official titles both read the packs). Callers must not modify what it returns."""
    stat = Path(path).stat()
    return _parsed(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _parsed(path: str, mtime_ns: int, size: int) -> dict[str, Any]:
    return tomllib.loads(Path(path).read_text(encoding="utf-8"))


def bundled_packs() -> list[Path]:
    return sorted(data_dir("rules").glob("*.toml"))
