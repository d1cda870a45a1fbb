"""`termlint annotate`: a copy of a Word draft with one Word comment per finding.

Each comment is anchored on the words the finding is about (runs are split at its edges),
authored "termlint", and says the rule, the message and the fix. A finding in a footnote is
anchored on the footnote's mark in the body. Annotating a file that termlint already annotated
adds only the comments it does not hold yet (same text on the same words), so running it again
never doubles them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn

from termlint.core.model import Diagnostic
from termlint.docx.read import Loaded, load, reload, save
from termlint.docx.runs import PieceIndex, cut_all, run_proxy

AUTHOR = "termlint"
INITIALS = "TL"


@dataclass(frozen=True)
class Annotated:
    """A Word file with the findings written as comments, and how many were written."""
    data: bytes  # the annotated copy
    added: int  # comments written
    kept: int  # findings that already had their comment (an annotated file annotated again)


def comment_text(d: Diagnostic) -> str:
    """What the comment says: rule, message, and the fix when there is one."""
    if d.fix is None or not d.fix.description:
        return f"{d.code} {d.message}"
    stop = "" if d.message.rstrip().endswith((".", "!", "?")) else "."
    return f"{d.code} {d.message}{stop} Fix: {d.fix.description}."


def annotate(data: bytes, diagnostics: Sequence[Diagnostic]) -> Annotated:
    """The .docx bytes with a comment per diagnostic (diagnostics of this very file's text)."""
    loaded = load(data)
    index = PieceIndex(loaded)
    anchors = [_anchor(index, loaded, d) for d in diagnostics]
    cut_all(index, [edge for anchor in anchors if anchor for edge in anchor[:2]])
    loaded = reload(loaded)
    index = PieceIndex(loaded)
    existing = _existing(loaded)
    added = kept = 0
    for d, anchor in zip(diagnostics, anchors):
        if anchor is None:
            continue
        start, end, prefix = anchor
        runs = index.runs(start, end)
        if not runs:
            continue
        text = prefix + comment_text(d)
        key = (text, _run_text(runs))
        if existing[key] > 0:
            existing[key] -= 1
            kept += 1
            continue
        loaded.docx.add_comment([run_proxy(runs[0]), run_proxy(runs[-1])], text=text, author=AUTHOR,
                                initials=INITIALS)
        added += 1
    return Annotated(save(loaded) if added else data, added, kept)


def _anchor(index: PieceIndex, loaded: Loaded, d: Diagnostic) -> tuple[int, int, str] | None:
    """(start, end, prefix) of the text a finding's comment covers, within its paragraph."""
    paragraph = index.paragraph_at(d.start)
    if paragraph is None:
        return None
    if paragraph.story != "body":  # a note's text: the comment goes on its mark in the body
        mark = _note_mark(index, paragraph.note)
        return (mark[0], mark[1], f"In {paragraph.note}: ") if mark else None
    entries = index.of_paragraph(paragraph)
    limit = max((at + len(p.text) for at, p, _ in entries if p.kind != "markup"), default=paragraph.start)
    start, end = d.start, min(max(d.end, d.start + 1), limit)
    if not index.runs(start, end):  # on a number or marker termlint added: the paragraph's first words
        first = next(((at, p) for at, p, _ in entries if p.run is not None and p.exact), None)
        if first is None:
            return None
        start, end = first[0], first[0] + len(first[1].text)
    return start, end, ""


def _note_mark(index: PieceIndex, note: str) -> tuple[int, int] | None:
    """Where the mark of a footnote ("footnote 2") stands in the body."""
    label = note.split(" ", 1)[1] if " " in note else ""
    wanted = "\\*" if label == "*" else f"<sup>{label}</sup>"
    for at, piece, paragraph in index.entries:
        if paragraph.story != "body":
            break  # the notes' own paragraphs come after the body's
        if piece.text == wanted and piece.run is not None:
            return at, at + len(piece.text)
    return None


def _run_text(runs: Sequence[Any]) -> str:
    return "".join(t.text or "" for r in runs for t in r.iter(qn("w:t")))


def _existing(loaded: Loaded) -> Counter[tuple[str, str]]:
    """(comment text, text it covers) of every comment termlint wrote before, counted."""
    mine = {}
    try:
        comments = loaded.docx.comments
    except Exception:  # no comments part
        return Counter()
    for comment in comments:
        if comment.author == AUTHOR:
            mine[str(comment.comment_id)] = comment.text
    if not mine:
        return Counter()
    covered: dict[str, list[str]] = {cid: [] for cid in mine}
    open_ids: set[str] = set()
    body = loaded.docx.element.body
    for el in body.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:t")):
        cid = el.get(qn("w:id"), "")
        if el.tag == qn("w:commentRangeStart") and cid in covered:
            open_ids.add(cid)
        elif el.tag == qn("w:commentRangeEnd"):
            open_ids.discard(cid)
        elif el.tag == qn("w:t"):
            for open_id in open_ids:
                covered[open_id].append(el.text or "")
    return Counter((mine[cid], "".join(parts)) for cid, parts in covered.items())
