"""Finding the runs under a stretch of termlint text, and splitting runs so that a stretch is
made of whole runs (a Word comment or tracked change covers whole runs only).

Cuts are made from the end of the text backwards: a cut only changes what follows it, so the
runs and run children recorded for earlier offsets are still the right ones. After cutting, the
document is read again (read.reload) and the stretch's runs are looked up afresh.
"""

from __future__ import annotations

import bisect
import copy
from collections.abc import Iterable
from typing import Any, cast

from docx.oxml.ns import qn
from docx.text.run import Run

from termlint.docx.read import Loaded, Paragraph
from termlint.docx.render import Piece

_TEXT = qn("w:t")
_CONTENT_SKIP = frozenset({qn("w:rPr")})


class PieceIndex:
    """Every piece of a loaded document with its text offset, searchable by offset."""

    def __init__(self, loaded: Loaded) -> None:
        self.entries: list[tuple[int, Piece, Paragraph]] = []
        self.spans: dict[int, tuple[int, int]] = {}  # id(paragraph) -> its entries' index range
        for paragraph in loaded.paragraphs:
            at = paragraph.start
            first = len(self.entries)
            for piece in paragraph.pieces:
                self.entries.append((at, piece, paragraph))
                at += len(piece.text)
            self.spans[id(paragraph)] = (first, len(self.entries))
        self.starts = [e[0] for e in self.entries]

    def of_paragraph(self, paragraph: Paragraph) -> list[tuple[int, Piece, Paragraph]]:
        """The entries of one paragraph, in order."""
        first, end = self.spans.get(id(paragraph), (0, 0))
        return self.entries[first:end]

    def covering(self, start: int, end: int) -> list[tuple[int, Piece, Paragraph]]:
        """The pieces that share at least one character with text[start:end]."""
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        out = []
        while i < len(self.entries) and self.entries[i][0] < end:
            at, piece, paragraph = self.entries[i]
            if at + len(piece.text) > start and piece.text:
                out.append(self.entries[i])
            i += 1
        return out

    def runs(self, start: int, end: int) -> list[Any]:
        """The runs (w:r elements) whose text lies in text[start:end], in order, each once."""
        out: list[Any] = []
        for _, piece, _ in self.covering(start, end):
            if piece.run is not None and (not out or out[-1] is not piece.run):
                out.append(piece.run)
        return out

    def paragraph_at(self, offset: int) -> Paragraph | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.entries[i][2] if i >= 0 else None

    def run_before(self, offset: int) -> Any:
        """The run whose text ends at `offset` (or holds it), in the same paragraph; None if none."""
        i = bisect.bisect_right(self.starts, offset) - 1
        paragraph = self.entries[i][2] if i >= 0 else None
        while i >= 0 and self.entries[i][2] is paragraph:
            at, piece, _ = self.entries[i]
            if piece.run is not None and at < offset:
                return piece.run
            i -= 1
        return None

    def cut_point(self, offset: int) -> tuple[Any, Any, int] | None:
        """(run, child, offset in the child's text; -1: after the child) where a cut at text
        `offset` goes; None when no run's text starts or ends there (it falls in markup)."""
        i = bisect.bisect_right(self.starts, offset) - 1
        for j in (i, i - 1):  # the piece holding the offset, or the one ending just before it
            if j < 0:
                continue
            at, piece, _ = self.entries[j]
            if not piece.exact or piece.node is None or not at <= offset <= at + len(piece.text):
                continue
            if offset == at + len(piece.text) and piece.node.tag != _TEXT:
                return piece.run, piece.node, -1  # after a tab or break: cut after that child
            return piece.run, piece.node, piece.node_at + offset - at
        return None


def cut_all(index: PieceIndex, offsets: Iterable[int]) -> None:
    """Split runs at every offset, from the last backwards."""
    for offset in sorted(set(offsets), reverse=True):
        point = index.cut_point(offset)
        if point is not None:
            split_run(*point)


def split_run(run: Any, node: Any, at: int) -> Any:
    """Split `run` before character `at` of its child `node` (-1: after `node`); returns the run
    that now starts there (`run` itself when the cut falls at its start, None at its end)."""
    content = [c for c in run if c.tag not in _CONTENT_SKIP]
    index = content.index(node)
    if at == -1 or (node.tag == _TEXT and at >= len(node.text or "")):
        index, at = index + 1, 0  # after the child: before the next one
    if index >= len(content):
        return None
    if at == 0 and index == 0:
        return run
    right = copy.deepcopy(run)
    right_content = [c for c in right if c.tag not in _CONTENT_SKIP]
    keep = index
    if at > 0:  # inside a w:t: both halves keep part of its text
        text = content[index].text or ""
        content[index].text, right_content[index].text = text[:at], text[at:]
        _preserve(content[index])
        _preserve(right_content[index])
        keep = index + 1
    for child in content[keep:]:
        run.remove(child)
    for child in right_content[:index]:
        right.remove(child)
    run.addnext(right)
    return right


def _preserve(t: Any) -> None:
    """Keep a w:t's spaces at its edges (Word drops them without xml:space="preserve")."""
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def run_proxy(run: Any) -> Run:
    """python-docx's Run for a w:r element; only its XML is used (formatting, comment ranges),
    so it needs no parent paragraph object."""
    return Run(run, cast(Any, None))
