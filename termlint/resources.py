"""Where the bundled packs and grammar live: inside the installed package, or beside it in a checkout."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def data_dir(name: str) -> Path:
    """The directory of bundled data `name` ("rules" or "grammar")."""
    installed = Path(str(files("termlint"))) / "_data" / name
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / name  # a source checkout or editable install


def read_grammar(filename: str) -> str:
    return (data_dir("grammar") / filename).read_text(encoding="utf-8")
