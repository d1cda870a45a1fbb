"""Where termlint's files live: the bundled packs and grammar (inside the installed package, or beside
it in a checkout), and the user's cache folder for the word index and the compiled parser and patterns."""

from __future__ import annotations

import os
from pathlib import Path


def data_dir(name: str) -> Path:
    """The directory of bundled data `name` ("rules" or "grammar")."""
    # the package folder itself (importlib.resources would say the same for a package on disk, and
    # costs an import of zipfile and its readers on every run)
    installed = Path(__file__).resolve().parents[1] / "_data" / name
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / name  # a source checkout or editable install


def read_grammar(filename: str) -> str:
    return (data_dir("grammar") / filename).read_text(encoding="utf-8")


def cache_dir() -> Path:
    """The user's cache folder (word list, compiled patterns and grammar, built rules):
    $XDG_CACHE_HOME/termlint, else ~/.cache/termlint."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "termlint"


def installed_stamp(module: str) -> str:
    """The installed `module`'s file, its size and modification time ("" when it is not installed),
    found without importing it: part of the key of a cache file that module's build must read."""
    try:
        from importlib.util import find_spec

        spec = find_spec(module)
        origin = spec.origin if spec is not None else None
        if not origin:
            return ""
        info = os.stat(origin)
        return f"{origin}|{info.st_size}|{info.st_mtime_ns}"
    except Exception:  # not installed, or not readable: no stamp
        return ""
