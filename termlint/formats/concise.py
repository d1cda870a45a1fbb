"""`path:line:col: CODE message`: the line editors' error parsers read (Vim, Emacs, VS Code).

A Word draft has no lines to jump to: its findings say `path: paragraph 12 (operative 3), character 40:`."""

from __future__ import annotations

from termlint.formats.report import Report
from termlint.formats.text import location


def render(report: Report) -> str:
    lines = [f"{location(d)} {d.code} {d.message}" for d in report.diagnostics]
    return "\n".join(lines) + ("\n" if lines else "")
