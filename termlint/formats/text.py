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
from collections.abc import Callable, Mapping, Sequence

from termlint.core.model import Diagnostic, Severity
from termlint.formats.report import ReportOptions
from termlint.formats.report import Writer as BaseWriter

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"
TAB = 4

Paint = Callable[[str, str], str]


def fixable(d: Diagnostic, unsafe: bool) -> bool:
    return d.fix is not None and (d.fix.safe or unsafe)


class Writer(BaseWriter):
    """The finding lines as they come, the summary from counts at the end."""

    def __init__(self, options: ReportOptions) -> None:
        super().__init__(options)
        self.paint = painter(options.color)
        self.tally = Tally(options.unsafe_fixes)

    def item(self, d: Diagnostic, sources: Mapping[str, str]) -> str:
        self.tally.add(d)
        shown = sources if self.options.show_source else None
        return "".join(line + "\n" for line in finding_lines(d, self.paint, self.options.unsafe_fixes, shown))

    def end(self, files_checked: int, errors: Sequence[tuple[str, str]]) -> str:
        fixed = self.options.fixed
        done = [] if fixed is None else [f"Fixed {fixed} problem{'s' if fixed != 1 else ''}."]
        return "".join(line + "\n" for line in [*done, self.tally.summary(files_checked, len(errors), fixed)])


def painter(color: bool) -> Paint:
    return (lambda code, s: f"{code}{s}{_RESET}") if color else (lambda code, s: s)


def finding_lines(d: Diagnostic, paint: Paint, unsafe: bool, sources: Mapping[str, str] | None) -> list[str]:
    """The line of one finding, and its source line with carets when `sources` (path -> text) holds it."""
    where = paint(_BOLD, f"{d.path}:{d.line}:{d.column}:")
    level = paint(_COLORS[d.severity], str(d.severity))
    mark = paint(_DIM, " [*]") if fixable(d, unsafe) else ""
    out = [f"{where} {paint(_BOLD, d.code)} {level}: {d.message}{mark}"]
    if sources is not None and d.path in sources:
        out.extend(source_lines(sources[d.path], d, paint))
    return out


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


class Tally:
    """What the summary line counts, gathered finding by finding (so findings need not be kept)."""

    def __init__(self, unsafe: bool) -> None:
        self.unsafe = unsafe
        self.by_level: Counter[str] = Counter()
        self.fixable = 0
        self.hidden = 0  # unsafe fixes not counted as fixable

    def add(self, d: Diagnostic) -> None:
        self.by_level[str(d.severity)] += 1
        if fixable(d, self.unsafe):
            self.fixable += 1
        elif d.fix is not None:
            self.hidden += 1

    def summary(self, files_checked: int, errors: int, fixed: int | None) -> str:
        n = sum(self.by_level.values())
        files = f"{files_checked} file{'s' if files_checked != 1 else ''}"
        if not n:
            text = f"All checks passed ({files})."
        else:
            by_level = self.by_level
            parts = ", ".join(f"{by_level[k]} {k}{'s' if by_level[k] != 1 and k != 'info' else ''}"
                              for k in ("error", "warning", "info") if by_level[k])
            text = f"Found {n} problem{'s' if n != 1 else ''} ({parts}) in {files}."
            if self.fixable and fixed is None:
                how = "termlint check --fix --unsafe-fixes" if self.unsafe else "termlint check --fix"
                text += f" {self.fixable} fixable with `{how}`."
            if self.hidden:  # as ruff does: say that unsafe fixes exist without applying them
                text += f" {self.hidden} more with `--unsafe-fixes` (review those)."
        if errors:
            text += f" {errors} file{'s' if errors != 1 else ''} could not be checked."
        return text
