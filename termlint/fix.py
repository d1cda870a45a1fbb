"""Applying fixes: non-overlapping edits right to left, re-linting until nothing fixable is left."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from termlint.document import Document
from termlint.engine import Diagnostic, Settings, lint_text
from termlint.model import Edit

MAX_ROUNDS = 10


@dataclass(frozen=True)
class FixOutcome:
    text: str  # the fixed text (normalised newlines, as in Document.text)
    applied: int  # how many findings were fixed
    rounds: int
    converged: bool  # False when MAX_ROUNDS was reached with fixes still pending


def fixable(diagnostics: Iterable[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    return [d for d in diagnostics if d.fix is not None and (d.fix.safe or unsafe)]


def apply_edits(text: str, diagnostics: Iterable[Diagnostic]) -> tuple[str, int]:
    """Apply each diagnostic's fix whose edits overlap none already taken; return (text, count)."""
    taken: list[Edit] = []
    count = 0
    for d in sorted(diagnostics, key=lambda d: (d.start, d.end, d.code)):
        assert d.fix is not None
        edits = sorted(d.fix.edits, key=lambda e: e.start)
        if any(_overlaps(e, t) for e in edits for t in taken):
            continue  # the next round, on the re-linted text, takes it
        taken.extend(edits)
        count += 1
    for edit in sorted(taken, key=lambda e: e.start, reverse=True):
        text = text[:edit.start] + edit.replacement + text[edit.end:]
    return text, count


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end == b.start == b.end:
        return True  # two insertions at one point: order would be arbitrary
    return a.start < b.end and b.start < a.end or (a.start == b.start and (a.start == a.end or b.start == b.end))


def fix_text(document: Document, settings: Settings, unsafe: bool = False) -> FixOutcome:
    """Fix a document until no fixable finding remains (or MAX_ROUNDS)."""
    text, applied = document.text, 0
    for rounds in range(1, MAX_ROUNDS + 1):
        pending = fixable(lint_text(Document.from_text(text, document.path), settings, document.path).diagnostics, unsafe)
        if not pending:
            return FixOutcome(text, applied, rounds - 1, True)
        text, count = apply_edits(text, pending)
        applied += count
    remaining = fixable(lint_text(Document.from_text(text, document.path), settings, document.path).diagnostics, unsafe)
    return FixOutcome(text, applied, MAX_ROUNDS, not remaining)
