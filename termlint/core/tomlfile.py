"""TOML as every layer reads it: the standard library's tomllib (tomli before Python 3.11),
and the line a parse error is at, so that each error can name file and line."""

from __future__ import annotations

import sys

import regex

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["tomllib", "toml_error_line"]


def toml_error_line(exc: Exception, text: str) -> int:
    """The line a TOML error is at (tomllib says "at line N" or "at end of document")."""
    m = regex.search(r"line (\d+)", str(exc))
    return int(m.group(1)) if m else text.count("\n") + 1
