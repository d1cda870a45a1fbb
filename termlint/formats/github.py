"""GitHub Actions workflow commands: one annotation per finding on the pull request's diff.

    ::warning file=a.md,line=3,col=5,endLine=3,endColumn=9,title=PU001 doubled-punctuation::message

Escaping follows GitHub's runner: in the message `%`, CR and LF become %25, %0D, %0A; in
property values `:` and `,` also become %3A and %2C. Columns are sent only for a one-line
finding (GitHub ignores them on a range of lines). A plain summary line ends the output.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from termlint.core.model import Diagnostic, Severity
from termlint.formats.report import Writer as BaseWriter

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(d: Diagnostic) -> str:
    props: list[tuple[str, object]] = [("file", d.path), ("line", d.line)]
    # a span that ends at column 1 of the next line ends with its own line
    end_line = d.end_line - 1 if d.end_column == 1 and d.end_line > d.line else d.end_line
    if d.end_line == d.line:
        props += [("col", d.column), ("endColumn", max(d.end_column, d.column + 1))]
    elif end_line == d.line:
        props.append(("col", d.column))
    props += [("endLine", end_line), ("title", f"{d.code} {d.name}")]
    joined = ",".join(f"{k}={escape_property(str(v))}" for k, v in props)
    return f"::{COMMANDS[d.severity]} {joined}::{escape_data(d.message)}"


class Writer(BaseWriter):
    """GitHub annotations; the errors and the summary line come last."""

    def item(self, d: Diagnostic, sources: Mapping[str, str]) -> str:
        return command(d) + "\n"

    def end(self, files_checked: int, errors: Sequence[tuple[str, str]]) -> str:
        return "".join(line + "\n" for line in tail(self.count, files_checked, errors))


def tail(n: int, files_checked: int, errors: Sequence[tuple[str, str]]) -> list[str]:
    """The lines after the findings: one per file that could not be checked, then the summary."""
    out = [f"::error {'file=' + escape_property(path) + ',' if path else ''}title=termlint::{escape_data(problem)}"
           for path, problem in errors]  # path "" = a configuration error (its message names the file)
    files = f"{files_checked} file{'s' if files_checked != 1 else ''}"
    summary = f"termlint: {n} problem{'s' if n != 1 else ''} in {files}." if n or errors \
        else f"termlint: all checks passed ({files})."
    if errors:
        summary += f" {len(errors)} error{'s' if len(errors) != 1 else ''}: see above."
    out.append(summary)
    return out
