"""Output formats: one module per format, each a `Writer` (see report.py) or a `render(report)`.

Formats never decide exit codes. Adding a format is adding a module and a line in FORMATS.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping

from termlint.formats import statistics
from termlint.formats.report import Report, ReportOptions, WholeReport, Writer

# name -> module; a module defines `Writer` (written file by file) or `render(report)` (whole report)
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


def writer(name: str, options: ReportOptions) -> Writer:
    """The writer of format `name`; with --statistics, the per-rule counts instead of the findings."""
    if options.statistics:
        as_json = name == "json"
        return WholeReport(options, lambda report: statistics.render(report, as_json=as_json), needs_text=False)
    module = importlib.import_module(f"termlint.formats.{FORMATS[name]}")
    if hasattr(module, "Writer"):
        return module.Writer(options)  # type: ignore[no-any-return]
    return WholeReport(options, module.render, needs_text=True)


def render(name: str, report: Report) -> str:
    """The whole report in format `name`: its writer run over every finding, then ended."""
    out = writer(name, ReportOptions(report.show_source, report.statistics, report.color, report.fixed,
                                     report.unsafe_fixes))
    return out.file(report.diagnostics, report.rules, report.sources) + out.end(report.files_checked, report.errors)
