"""termlint's diagnostics as LSP diagnostics: range in the client's units, severity, code, a link
to the rule's documentation and, where the message names another line, that place as related
information (the earlier duplicate recital, the acronym's definition, the line naming the body
in full, the earlier date of the same resolution)."""

from __future__ import annotations

import regex
from lsprotocol import types

from termlint.core.model import Diagnostic, Severity
from termlint.rules.explain import docs_url
from termlint.server.positions import to_client
from termlint.text.document import Document

SOURCE = "termlint"
SEVERITIES = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning,
              Severity.INFO: types.DiagnosticSeverity.Information}
# "at line 50", "(line 44)", "on line 12", "line 134 has": the rules name the other place this way
_LINE_REF = regex.compile(r"\bline (\d+)\b")


def lsp_range(document: Document, line: int, column: int, end_line: int, end_column: int,
              encoding: str) -> types.Range:
    """A termlint span (1-based lines, character columns, end exclusive) as an LSP range."""
    start = to_client(document, line, column, encoding)
    end = to_client(document, end_line, end_column, encoding)
    return types.Range(types.Position(*start), types.Position(*end))


def to_lsp(d: Diagnostic, document: Document, uri: str, encoding: str, fail_on: Severity | None = None,
           docs_template: str | None = None) -> types.Diagnostic:
    """One termlint diagnostic for the client. Below the editor's fail level it is a hint."""
    severity = SEVERITIES[d.severity]
    if fail_on is not None and d.severity < fail_on:
        severity = types.DiagnosticSeverity.Hint
    url = docs_url(d.code, docs_template)
    return types.Diagnostic(
        range=lsp_range(document, d.line, d.column, d.end_line, d.end_column, encoding),
        message=d.message,
        severity=severity,
        code=d.code,
        code_description=types.CodeDescription(href=url) if url else None,
        source=SOURCE,
        related_information=_related(d, document, uri, encoding) or None,
        data={"name": d.name, "fixable": d.fix is not None, "safe": bool(d.fix and d.fix.safe)},
    )


def _related(d: Diagnostic, document: Document, uri: str, encoding: str) -> list[types.DiagnosticRelatedInformation]:
    out = []
    total = len(document.line_starts)
    for m in _LINE_REF.finditer(d.message):
        line = int(m.group(1))
        if not 1 <= line <= total or line == d.line:
            continue
        text = document.line_text(line)
        first = len(text) - len(text.lstrip()) + 1
        where = types.Location(uri, lsp_range(document, line, first, line, len(text) + 1, encoding))
        shown = text.strip()
        shown = shown if len(shown) <= 80 else shown[:79].rstrip() + "…"
        out.append(types.DiagnosticRelatedInformation(where, f"line {line}: {shown}"))
    return out


def problem_diagnostic(message: str, code: str = "termlint") -> types.Diagnostic:
    """The one diagnostic shown at the top of a document that could not be linted."""
    return types.Diagnostic(range=types.Range(types.Position(0, 0), types.Position(0, 0)), message=message,
                            severity=types.DiagnosticSeverity.Error, code=code, source=SOURCE)
