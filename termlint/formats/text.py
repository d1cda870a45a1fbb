"""Human-readable output, like ruff's: one finding per line, optional source with a caret, a summary."""

from __future__ import annotations

from collections import Counter

from termlint.formats import Report
from termlint.model import Severity

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def render(report: Report) -> str:
    paint = (lambda code, s: f"{code}{s}{_RESET}") if report.color else (lambda code, s: s)
    out: list[str] = []
    for d in report.diagnostics:
        where = paint(_BOLD, f"{d.path}:{d.line}:{d.column}:")
        level = paint(_COLORS[d.severity], str(d.severity))
        fixable = paint(_DIM, " [*]") if d.fix is not None and d.fix.safe else ""
        out.append(f"{where} {paint(_BOLD, d.code)} {level}: {d.message}{fixable}")
        if report.show_source and d.path in report.sources:
            out.extend(_source(report.sources[d.path], d.line, d.column, d.end_line, d.end_column, paint))
    if report.statistics:
        counts = Counter((d.code, d.name) for d in report.diagnostics)
        for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(f"{n:6d}  {code:7s} {name}")
    out.append(_summary(report))
    return "\n".join(out) + "\n"


def _source(text: str, line: int, column: int, end_line: int, end_column: int, paint) -> list[str]:  # type: ignore[no-untyped-def]
    lines = text.split("\n")
    src = lines[line - 1] if line <= len(lines) else ""
    width = (end_column - column) if end_line == line else len(src) - column + 1
    gutter = f"{line:5d} | "
    return [f"{gutter}{src}", " " * len(gutter) + " " * (column - 1) + paint(_COLORS[Severity.ERROR], "^" * max(1, width))]


def _summary(report: Report) -> str:
    n = len(report.diagnostics)
    fixable = sum(1 for d in report.diagnostics if d.fix is not None and d.fix.safe)
    files = f"{report.files_checked} file{'s' if report.files_checked != 1 else ''}"
    if not n:
        text = f"All checks passed ({files})."
    else:
        by_level = Counter(str(d.severity) for d in report.diagnostics)
        parts = ", ".join(f"{by_level[k]} {k}{'s' if by_level[k] != 1 and k != 'info' else ''}"
                          for k in ("error", "warning", "info") if by_level[k])
        text = f"Found {n} problem{'s' if n != 1 else ''} ({parts}) in {files}."
        if fixable:
            text += f" {fixable} fixable with `termlint check --fix`."
    if report.errors:
        text += f" {len(report.errors)} file{'s' if len(report.errors) != 1 else ''} could not be checked."
    return text
