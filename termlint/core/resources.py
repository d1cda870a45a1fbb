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
    """Where the word cache lives: $XDG_CACHE_HOME/termlint, else ~/.cache/termlint."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "termlint"
