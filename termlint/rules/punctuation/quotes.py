"""Straight and curly quotation marks mixed in one document (PU007)."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

from termlint.core.model import Edit, Finding, Fix, RuleMeta, Severity
from termlint.parse.tree import Clause
from termlint.rules.context import Context
from termlint.rules.punctuation.spacing import PROSE
from termlint.rules.structure.parts import examples
from termlint.text.protect import positions

_KINDS = (
    # (name, straight mark, curly marks)
    ("double", '"', "“”"),
    ("single", "'", "‘’"),
)
_QUOTES = "\"'“”‘’"
_STRAIGHT = "\"'"
_OPENS_AFTER = " \t\n([{—–-/“‘"


def _curly(text: str, i: int, kind: str) -> str:
    """The curly form of the straight mark at text[i], from its neighbours."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opening = before in _OPENS_AFTER and not after.isspace()
    if kind == "double":
        return "“" if opening else "”"
    return "‘" if opening and not after.isdigit() else "’"  # "'90s" and "States'" take the apostrophe


@dataclass(frozen=True)
class MixedQuotes:
    """PU007: straight and curly quotation marks in one document."""
    meta: RuleMeta = RuleMeta(
        code="PU007", name="mixed-quote-styles", category="punctuation", severity=Severity.WARNING,
        summary="Straight and curly quotation marks (or apostrophes) in the same document",
        description=(
            "A document uses either curly marks (“ ” ‘ ’) or straight ones (\" ') throughout; United\n"
            "Nations documents use curly ones. When both occur, the marks of the style used less often\n"
            "(double and single marks, apostrophes included, counted together; a tie counts for curly)\n"
            "are reported once per paragraph, with the counts. The fix turns the paragraph's marks into\n"
            "the document's style, choosing opening or closing marks from the neighbouring characters."
        ),
        scope=frozenset(PROSE), fixable=True, source="United Nations Editorial Manual; consistency",
        examples=examples(
            ("bad", "its call to \"address the needs of children\",\n\nand to “take effective measures”, and “end abuse”,\n"),
            ("fixed", "its call to “address the needs of children”,\n\nand to “take effective measures”, and “end abuse”,\n"),
            ("bad", "the children’s safety, the victims’ recovery and the offenders' efforts\n"),
            ("fixed", "the children’s safety, the victims’ recovery and the offenders’ efforts\n"),
            ("good", "its call to “address the needs of children” and the children’s safety\n"),
        ),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        skip = ctx.protected
        # Every mark of the text, by one-character scans; a text without both styles says nothing.
        marks = positions(text, _QUOTES)
        straight_marks = sum(text[i] in _STRAIGHT for i in marks)
        if not straight_marks or straight_marks == len(marks):
            return
        clauses = list(ctx.clauses(self.meta.scope))
        found: dict[str, list[tuple[Clause, int, bool]]] = {kind: [] for kind, _, _ in _KINDS}  # (clause, offset, straight)
        kind_of = {ch: (kind, ch == straight) for kind, straight, curly in _KINDS for ch in straight + curly}
        for clause in clauses:
            for seg in clause.segments:
                j = bisect.bisect_left(marks, seg.start)
                while j < len(marks) and marks[j] < seg.end:  # the marks in this segment
                    i = marks[j]
                    j += 1
                    if not skip.code.overlaps(i, i + 1) and not skip.comments.overlaps(i, i + 1):
                        kind, is_straight = kind_of[text[i]]
                        found[kind].append((clause, i, is_straight))
        # One style for the document, from all its marks (a tie counts for curly).
        n_straight = sum(s for marks in found.values() for _, _, s in marks)
        n_curly = sum(len(marks) for marks in found.values()) - n_straight
        if not n_straight or not n_curly:
            return
        use_straight = n_straight > n_curly
        counts = f"{n_straight} straight, {n_curly} curly"
        for kind, straight, _ in _KINDS:
            by_clause: dict[int, list[int]] = {}
            order: list[Clause] = []
            for clause, i, is_straight in found[kind]:
                if is_straight != use_straight:
                    if id(clause) not in by_clause:
                        by_clause[id(clause)] = []
                        order.append(clause)
                    by_clause[id(clause)].append(i)
            for clause in order:
                offsets = by_clause[id(clause)]
                if use_straight:
                    edits = tuple(Edit(i, i + 1, straight) for i in offsets)
                    message = f"curly {kind} quotation mark in a document that uses straight ones ({counts})"
                else:
                    edits = tuple(Edit(i, i + 1, _curly(text, i, kind)) for i in offsets)
                    what = "apostrophe" if kind == "single" and text[offsets[0] - 1:offsets[0]].isalpha() else f"{kind} quotation mark"
                    message = f"straight {what} in a document that uses curly quotation marks ({counts})"
                yield Finding(self.meta.code, offsets[0], offsets[0] + 1, message,
                              fix=Fix(edits, description="use the document's style"))


RULES = (MixedQuotes(),)
