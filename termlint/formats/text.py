"""Human-readable output, like ruff's: one finding per line, optional source with a caret, a summary.

    draft.md:12:40: PU001 warning: doubled punctuation “, ,”: keep one mark [*]

`[*]` marks a finding `--fix` repairs (with --unsafe-fixes, unsafe fixes count too).
`--show-source` prints the line under each finding with carets under the span; tabs are
expanded, East Asian wide characters count two columns and invisible characters (control and
format characters such as a soft hyphen or a form feed) show as □, so the carets sit under the text.
`--statistics` is rendered by formats/statistics.py instead of this list.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable

from termlint.engine import Diagnostic
from termlint.formats import Report
from termlint.model import Severity

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"
TAB = 4

Paint = Callable[[str, str], str]


def fixable(d: Diagnostic, unsafe: bool) -> bool:
    return d.fix is not None and (d.fix.safe or unsafe)


def render(report: Report) -> str:
    paint: Paint = (lambda code, s: f"{code}{s}{_RESET}") if report.color else (lambda code, s: s)
    out: list[str] = []
    for d in report.diagnostics:
        where = paint(_BOLD, f"{d.path}:{d.line}:{d.column}:")
        level = paint(_COLORS[d.severity], str(d.severity))
        mark = paint(_DIM, " [*]") if fixable(d, report.unsafe_fixes) else ""
        out.append(f"{where} {paint(_BOLD, d.code)} {level}: {d.message}{mark}")
        if report.show_source and d.path in report.sources:
            out.extend(source_lines(report.sources[d.path], d, paint))
    if report.fixed is not None:
        out.append(f"Fixed {report.fixed} problem{'s' if report.fixed != 1 else ''}.")
    out.append(_summary(report))
    return "\n".join(out) + "\n"


def source_lines(text: str, d: Diagnostic, paint: Paint) -> list[str]:
    """The finding's (first) line with a gutter, and carets under the finding's span on it."""
    lines = text.split("\n")
    src = lines[d.line - 1] if d.line <= len(lines) else ""
    start = d.column - 1
    end = d.end_column - 1 if d.end_line == d.line else len(src)
    shown, before = _display(src[:start], 0)
    marked, width = _display(src[start:max(end, start)], before)
    rest, _ = _display(src[max(end, start):], before + width)
    gutter = f"{d.line:5d} | "
    carets = "^" * max(1, width)
    return [f"{gutter}{shown}{marked}{rest}", " " * len(gutter) + " " * before + paint(_COLORS[d.severity], carets)]


def _display(segment: str, column: int) -> tuple[str, int]:
    """`segment` as a terminal shows it from display column `column`: (text, its width)."""
    out: list[str] = []
    width = 0
    for ch in segment:
        if ch == "\t":
            n = TAB - (column + width) % TAB
            out.append(" " * n)
            width += n
        elif unicodedata.category(ch) in ("Cc", "Cf"):  # invisible characters are worth seeing in a draft
            out.append("\N{WHITE SQUARE}")
            width += 1
        else:
            out.append(ch)
            width += 0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return "".join(out), width


def _summary(report: Report) -> str:
    n = len(report.diagnostics)
    fixable_n = sum(1 for d in report.diagnostics if fixable(d, report.unsafe_fixes))
    files = f"{report.files_checked} file{'s' if report.files_checked != 1 else ''}"
    if not n:
        text = f"All checks passed ({files})."
    else:
        by_level = Counter(str(d.severity) for d in report.diagnostics)
        parts = ", ".join(f"{by_level[k]} {k}{'s' if by_level[k] != 1 and k != 'info' else ''}"
                          for k in ("error", "warning", "info") if by_level[k])
        text = f"Found {n} problem{'s' if n != 1 else ''} ({parts}) in {files}."
        hidden = sum(1 for d in report.diagnostics if d.fix is not None and not fixable(d, report.unsafe_fixes))
        if fixable_n and report.fixed is None:
            how = "termlint check --fix --unsafe-fixes" if report.unsafe_fixes else "termlint check --fix"
            text += f" {fixable_n} fixable with `{how}`."
        if hidden:  # as ruff does: say that unsafe fixes exist without applying them
            text += f" {hidden} more with `--unsafe-fixes` (review those)."
    if report.errors:
        text += f" {len(report.errors)} file{'s' if len(report.errors) != 1 else ''} could not be checked."
    return text
