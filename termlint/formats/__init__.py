"""Output formats: one module per format, each with `render(report) -> str`.

Formats never decide exit codes. Adding a format is adding a module and a line in FORMATS.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from termlint.engine import Diagnostic
from termlint.model import RuleMeta

FORMATS = {
    "text": "text",
    "concise": "concise",
    "json": "json_",
}


@dataclass(frozen=True)
class Report:
    diagnostics: Sequence[Diagnostic]
    rules: Mapping[str, RuleMeta]  # metadata of every rule that ran, by code
    errors: Sequence[tuple[str, str]] = ()  # (path, problem) for files that could not be checked
    files_checked: int = 0
    sources: Mapping[str, str] = field(default_factory=dict)  # path -> text, for --show-source
    show_source: bool = False
    statistics: bool = False
    color: bool = False


def render(name: str, report: Report) -> str:
    module = importlib.import_module(f"termlint.formats.{FORMATS[name]}")
    return module.render(report)
