"""Applying fixes: non-overlapping edits right to left, re-linting until nothing fixable is left."""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Iterable
from dataclasses import dataclass, replace

from termlint.core.model import Diagnostic, Edit
from termlint.engine.linegate import LineGate
from termlint.engine.lint import LintResult, Settings, lint_text
from termlint.text.document import Document

MAX_ROUNDS = 10


@dataclass(frozen=True)
class FixOutcome:
    """The text after fixing, how many findings were fixed and in how many rounds."""
    text: str  # the fixed text (normalised newlines, as in Document.text)
    applied: int  # how many findings were fixed
    rounds: int
    converged: bool  # False when MAX_ROUNDS was reached with fixes still pending
    result: LintResult  # the lint of the final text (what remains to report)


def fixable(diagnostics: Iterable[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    return [d for d in diagnostics if d.fix is not None and (d.fix.safe or unsafe)]


def apply_edits(text: str, diagnostics: Iterable[Diagnostic]) -> tuple[str, int]:
    """Apply each diagnostic's fix whose edits overlap none already taken; return (text, count)."""
    taken = _Taken()
    count = 0
    for d in sorted(diagnostics, key=lambda d: (d.start, d.end, d.code)):
        assert d.fix is not None
        edits = sorted(d.fix.edits, key=lambda e: e.start)
        if any(taken.overlaps(e) for e in edits):
            continue  # the next round, on the re-linted text, takes it
        for e in edits:
            taken.add(e)
        count += 1
    pieces: list[str] = []
    at = 0
    for edit in taken.edits:  # in text order, and disjoint: the text is rebuilt in one pass
        pieces += (text[at:edit.start], edit.replacement)
        at = edit.end
    pieces.append(text[at:])
    return "".join(pieces), count


class _Taken:
    """The edits taken so far, sorted by start. They never overlap one another, so an edit can
    only meet the last one starting at or before its end, and the few before that which still
    reach it: a check reads those, not every edit taken (a file with thousands of fixes)."""

    def __init__(self) -> None:
        self.edits: list[Edit] = []
        self.starts: list[int] = []

    def overlaps(self, edit: Edit) -> bool:
        i = bisect.bisect_right(self.starts, edit.end) - 1
        while i >= 0 and self.edits[i].end >= edit.start:
            if _overlaps(edit, self.edits[i]):
                return True
            i -= 1
        return False

    def add(self, edit: Edit) -> None:
        i = bisect.bisect_right(self.starts, edit.start)
        self.starts.insert(i, edit.start)
        self.edits.insert(i, edit)


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end == b.start == b.end:
        return True  # two insertions at one point: order would be arbitrary
    return a.start < b.end and b.start < a.end or (a.start == b.start and (a.start == a.end or b.start == b.end))


def fix_text(document: Document, settings: Settings, unsafe: bool = False, gate: LineGate | None = None) -> FixOutcome:
    """Fix a document until no fixable finding remains (or MAX_ROUNDS).

    `gate` (from --diff-base) limits fixes to findings on changed lines; it follows the
    lines as earlier rounds' fixes move them.
    """
    text, applied, base_gate = document.text, 0, gate
    result = lint_text(document, settings, document.path)
    for rounds in range(1, MAX_ROUNDS + 1):
        pending = _pending(result, unsafe, gate)
        if not pending:
            return FixOutcome(text, applied, rounds - 1, True, result)
        text, count = apply_edits(text, pending)
        applied += count
        gate = base_gate.follow(document.text, text) if base_gate is not None else None
        result = lint_text(Document.from_text(text, document.path), settings, document.path)
    return FixOutcome(text, applied, MAX_ROUNDS, not _pending(result, unsafe, gate), result)


def _pending(result: LintResult, unsafe: bool, gate: LineGate | None) -> list[Diagnostic]:
    diagnostics = result.diagnostics
    return fixable(gate.filter(diagnostics) if gate is not None else diagnostics, unsafe)


def encode_fixed(document: Document, text: str) -> bytes:
    """The bytes of a fixed text in the file's own form: encoding, BOM and each line's own break.

    When a fix adds or removes lines, the lines it did not touch keep their original line
    break (a file with mixed CRLF and LF stays mixed); new lines take the file's dominant break.
    """
    lines = text.split("\n")
    if len(lines) == len(document.newlines):
        return document.encode(text)
    old = document.text.split("\n")
    style = max(set(document.newlines[:-1]) or {"\n"}, key=document.newlines.count)
    breaks = [style] * len(lines)
    matcher = difflib.SequenceMatcher(None, old, lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for j in range(j1, j2):
                breaks[j] = document.newlines[i1 + j - j1] or style
        elif tag == "replace":  # lines joined or split: the block ends with the break it ended with
            breaks[j2 - 1] = document.newlines[i2 - 1] or style
    breaks[-1] = ""
    return replace(document, newlines=tuple(breaks)).encode(text)
