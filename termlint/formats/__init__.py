"""Output formats: one module per format, each with `render(report) -> str`.

Formats never decide exit codes. Adding a format is adding a module and a line in FORMATS.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping

from termlint.formats import statistics
from termlint.formats.report import Report

FORMATS = {
    "text": "text",
    "concise": "concise",
    "json": "json_",
    "sarif": "sarif",
    "github": "github",
    "gitlab": "gitlab",
    "junit": "junit",
}
AUTO = "auto"  # github under GitHub Actions, else text (coloured on a terminal): see `resolve`


def resolve(name: str, environ: Mapping[str, str], isatty: bool) -> tuple[str, bool]:
    """(format, colour) for a requested format name; `auto` looks at where termlint runs."""
    color = isatty and "NO_COLOR" not in environ
    if name != AUTO:
        return name, name == "text" and color
    if environ.get("GITHUB_ACTIONS") == "true":
        return "github", False
    return "text", color


def render(name: str, report: Report) -> str:
    if report.statistics:
        return statistics.render(report, as_json=name == "json")
    module = importlib.import_module(f"termlint.formats.{FORMATS[name]}")
    return module.render(report)
