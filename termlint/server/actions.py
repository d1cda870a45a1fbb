"""Code actions: a quick fix for each fixable finding, "Fix all termlint problems"
(`source.fixAll.termlint`) and "Suppress CODE on this line".

Fixes are the findings' own edits (the same `Fix` objects `termlint check --fix` applies); fix
all runs the same `fix_text` loop, so the editor and `--fix` give the same text. Unsafe fixes are
offered but marked and never preferred, so an editor never applies one on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from lsprotocol import types

from termlint.core.model import Diagnostic
from termlint.engine.fix import fix_text
from termlint.engine.lint import Settings
from termlint.server.convert import lsp_range
from termlint.server.positions import to_offset
from termlint.text.document import Document

FIX_ALL = "source.fixAll.termlint"
QUICK_FIX = types.CodeActionKind.QuickFix.value
# The suppression comment termlint understands (suppress.py) in its HTML-comment form, on a line of
# its own above the finding: it works in Markdown and in plain text alike, and as a comment it
# is not read as a word, a paragraph or a clause.
SUPPRESS = "<!-- termlint: disable-next-line={code} -->"
LspOf = Callable[[Diagnostic], types.Diagnostic]  # a termlint diagnostic in the client's form


def wanted(kind: str, only: Iterable[str] | None) -> bool:
    """Whether the client asked for actions of this kind (`only` lists kinds or their prefixes)."""
    return only is None or any(kind == o or kind.startswith(o + ".") for o in only)


def quick_fixes(diagnostics: Iterable[Diagnostic], document: Document, edit_for: EditMaker,
                lsp_of: LspOf) -> list[types.CodeAction]:
    """One action per fixable finding: safe ones preferred, unsafe ones marked."""
    out = []
    for d in diagnostics:
        if d.fix is None:
            continue
        edits = [types.TextEdit(_range(document, pos, edit_for.encoding), _newlines(e.replacement, document))
                 for e, pos in zip(d.fix.edits, d.edit_positions)]
        what = d.fix.description or "apply the fix"
        title = f"Fix {d.code}: {what}" if d.fix.safe else f"Fix {d.code} (unsafe, review it): {what}"
        out.append(types.CodeAction(title=title, kind=QUICK_FIX, diagnostics=[lsp_of(d)],
                                    edit=edit_for(edits), is_preferred=True if d.fix.safe else None))
    return out


def suppressions(diagnostics: Iterable[Diagnostic], document: Document, edit_for: EditMaker,
                 lsp_of: LspOf) -> list[types.CodeAction]:
    """"Suppress CODE on this line" for each code on each line: a directive on the line above."""
    out, seen = [], set()
    for d in diagnostics:
        if (d.code, d.line) in seen:
            continue
        seen.add((d.code, d.line))
        text = document.line_text(d.line)
        indent = text[: len(text) - len(text.lstrip(" \t"))]
        at = types.Position(d.line - 1, 0)
        insert = f"{indent}{SUPPRESS.format(code=d.code)}{_newline(document, d.line)}"
        out.append(types.CodeAction(title=f"Suppress {d.code} on this line", kind=QUICK_FIX,
                                    diagnostics=[lsp_of(d)],
                                    edit=edit_for([types.TextEdit(types.Range(at, at), insert)])))
    return out


def fix_all(document: Document, settings: Settings, edit_for: EditMaker) -> types.CodeAction | None:
    """Every safe fix, repeated until none is left (as `termlint check --fix`), as one edit."""
    fixed = fix_text(document, settings).text
    if fixed == document.text:
        return None
    old = document.text
    start = 0
    limit = min(len(old), len(fixed))
    while start < limit and old[start] == fixed[start]:
        start += 1
    end_old, end_new = len(old), len(fixed)
    while end_old > start and end_new > start and old[end_old - 1] == fixed[end_new - 1]:
        end_old -= 1
        end_new -= 1
    first, last = document.position(start), document.position(end_old)
    edit = types.TextEdit(_range(document, first + last, edit_for.encoding),
                          _newlines(fixed[start:end_new], document))
    return types.CodeAction(title="Fix all termlint problems", kind=FIX_ALL, edit=edit_for([edit]))


def in_range(diagnostics: Iterable[Diagnostic], document: Document, rng: types.Range,
             encoding: str) -> list[Diagnostic]:
    """The findings under the requested range: for a cursor (an empty range), those it stands in or
    at either end of; for a selection, those that overlap it (a finding that merely ends where the
    selection starts is not under it)."""
    start = to_offset(document, rng.start.line, rng.start.character, encoding)
    end = to_offset(document, rng.end.line, rng.end.character, encoding)
    if start == end:
        return [d for d in diagnostics if d.start <= start <= d.end]
    return [d for d in diagnostics if d.start < end and max(d.end, d.start + 1) > start]


class EditMaker:
    """Builds the WorkspaceEdit for one document version in the form the client supports."""

    def __init__(self, uri: str, version: int | None, encoding: str, document_changes: bool) -> None:
        self.uri, self.version, self.encoding, self.document_changes = uri, version, encoding, document_changes

    def __call__(self, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
        if self.document_changes:  # versioned: the client refuses it if the text has moved on
            ident = types.OptionalVersionedTextDocumentIdentifier(uri=self.uri, version=self.version)
            return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(ident, edits)])
        return types.WorkspaceEdit(changes={self.uri: edits})


def _range(document: Document, pos: tuple[int, int, int, int], encoding: str) -> types.Range:
    return lsp_range(document, *pos, encoding)


def _newline(document: Document, line: int) -> str:
    """The line break the document uses after `line` (its dominant one for the last line)."""
    if line <= len(document.newlines) and document.newlines[line - 1]:
        return document.newlines[line - 1]
    return _dominant(document)


def _dominant(document: Document) -> str:
    breaks = [b for b in document.newlines if b]
    return max(set(breaks), key=breaks.count) if breaks else "\n"


def _newlines(replacement: str, document: Document) -> str:
    """A replacement's line breaks in the document's own style (fixes are written with "\\n")."""
    style = _dominant(document)
    return replacement if style == "\n" else replacement.replace("\n", style)

