"""`path:line:col: CODE message`: the line editors' error parsers read (Vim, Emacs, VS Code)."""

from __future__ import annotations

from termlint.formats.report import Report


def render(report: Report) -> str:
    lines = [f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}" for d in report.diagnostics]
    return "\n".join(lines) + ("\n" if lines else "")
