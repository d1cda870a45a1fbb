"""TOML as every layer reads it: the standard library's tomllib (tomli before Python 3.11),
and the line a parse error is at, so that each error can name file and line.

The parser is imported when a file is first parsed: a run whose rules and bundled data come
from the start-up caches and that finds no configuration file never needs it (4 ms)."""

from __future__ import annotations

import sys
from typing import Any

import regex

__all__ = ["TomlError", "loads", "toml_error_line"]


class TomlError(ValueError):
    """A file is not valid TOML; the message is the parser's, which names the line."""


def loads(text: str) -> dict[str, Any]:
    """`tomllib.loads`, raising TomlError for invalid TOML."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TomlError(str(exc)) from None


def toml_error_line(exc: Exception, text: str) -> int:
    """The line a TOML error is at (tomllib says "at line N" or "at end of document")."""
    m = regex.search(r"line (\d+)", str(exc))
    return int(m.group(1)) if m else text.count("\n") + 1
