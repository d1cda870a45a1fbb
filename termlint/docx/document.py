"""A Word draft as termlint text: the text every rule reads, and the way back to Word positions.

The text (see read.py) holds one line per Word paragraph, with a blank line between paragraphs,
Markdown-style markers for what carries meaning (italics, bold, superscript footnote markers,
headings, automatic numbers). Its "lines" here are Word paragraphs: `position` gives (paragraph
number, character in that paragraph as Word shows it), so the JSON contract's line and column
and every message that quotes a line number speak of paragraphs. Body paragraphs are numbered
first (1, 2, ...; tables, headers and footers are not read), then the paragraphs of the
footnotes and endnotes, in the order of their markers.

Nothing here imports python-docx: a DocxDocument crosses process boundaries and sits in results.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any, ClassVar

from termlint.text.document import Document


@dataclass(frozen=True)
class WordMap:
    """Pieces of the text, in order: each starts at `starts[i]`, is at character `visible[i]` of its
    paragraph, and maps character for character onto Word's text when `exact[i]` (otherwise it
    is markup termlint added, or a footnote mark, and all of it stands at `visible[i]`)."""

    starts: tuple[int, ...] = ()
    visible: tuple[int, ...] = ()
    exact: tuple[bool, ...] = ()
    shown: tuple[str, ...] = ()  # each paragraph's text as Word shows it (for --show-source)
    kinds: tuple[str, ...] = ()  # "" for a body paragraph, else the note's label ("footnote 2")
    body_paragraphs: int = 0
    tracked_changes: int = 0  # w:ins/w:del found (the text reads as if they were accepted)

    def column(self, offset: int) -> int:
        """1-based character in its paragraph, as Word shows it, of a text offset."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return 1
        return self.visible[i] + (offset - self.starts[i] if self.exact[i] else 0) + 1


@dataclass(frozen=True)
class WordDocument(Document):
    """A Word draft's text, whose lines are Word paragraphs (see the module docstring)."""

    word: WordMap = field(default_factory=WordMap, repr=False)
    unit: ClassVar[str] = "paragraph"  # what `termlint parse` calls a line

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, self.word.column(offset)

    def offset(self, line: int, column: int) -> int:
        """The first text offset of paragraph `line` at Word character `column`."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        for at in range(start, end):
            if self.word.column(at) >= column:
                return at
        return end

    def line_text(self, line: int) -> str:
        return self.word.shown[line - 1] if 0 < line <= len(self.word.shown) else ""

    def stub(self) -> Document:
        return WordDocument(self.path, "", word=WordMap(tracked_changes=self.word.tracked_changes))

    def notes(self) -> list[str]:
        n = self.word.tracked_changes
        if not n:
            return []
        return [f"has {n} tracked change{'s' if n != 1 else ''}: checked as it reads with "
                f"{'them' if n != 1 else 'it'} accepted"]

    @property
    def shown_text(self) -> str:
        return "\n".join(self.word.shown)

    def places(self, tree: Any, offsets: list[int]) -> list[str]:
        """Where a Word user finds each offset: "paragraph 12 (operative 3)", "footnote 2"."""
        spans = _labelled_spans(tree)
        starts = [s for s, _, _ in spans]
        out = []
        for offset in offsets:
            line = bisect.bisect_right(self.line_starts, offset) - 1
            note = self.word.kinds[line] if 0 <= line < len(self.word.kinds) else ""
            if note:
                out.append(note)
                continue
            label = ""
            i = bisect.bisect_right(starts, offset) - 1
            # the innermost labelled clause holding the offset is the latest starting one; its
            # parent starts at most a few dozen sub-paragraphs earlier
            for s, e, text in reversed(spans[max(0, i - 64):i + 1]):
                if s <= offset < e:
                    label = text
                    break
            out.append(f"paragraph {line + 1}" + (f" ({label})" if label else ""))
        return out


def _labelled_spans(tree: Any) -> list[tuple[int, int, str]]:
    """(start, end, label) of every clause worth naming, by segment, sorted by start."""
    spans: list[tuple[int, int, str]] = []
    preambular = 0

    def visit(clause: Any, parent: str) -> None:
        nonlocal preambular
        kind = clause.kind
        label = ""
        if kind == "preambular":
            preambular += 1
            label = f"preambular {preambular}"
        elif kind == "operative":
            label = f"operative {clause.label}"
        elif kind == "subparagraph":
            label = f"{parent} {clause.label}".strip()
        elif kind in ("chapeau", "title", "heading", "closing", "sponsors", "agenda", "date", "symbol"):
            label = kind
        if label:
            for seg in clause.segments:
                spans.append((seg.start, seg.end, label))
        for child in clause.children:
            visit(child, label or parent)

    visit(tree, "")
    spans.sort(key=lambda s: (s[0], -s[1]))
    return spans
