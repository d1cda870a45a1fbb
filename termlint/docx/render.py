"""One Word paragraph -> the text a Markdown draft would have, in pieces that remember their runs.

Italics become `*...*`, bold `**...**`, superscript `<sup>...</sup>` (the text reader's footnote
markers), a footnote reference `<sup>2</sup>`, a literal asterisk `\\*`; spaces at the edge of a
formatted run stand outside its markers ("*Noting* with concern", as the Markdown form writes it).
Tracked insertions are read, deletions are not: the text is the one Word shows with every change
accepted. A hard page break becomes a `---` line, as in a converted draft.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn

from termlint.docx.styles import Styles, flag

# Elements inside a paragraph whose runs are part of its text (containers), and those that are not.
_CONTAINERS = frozenset(qn(t) for t in ("w:hyperlink", "w:ins", "w:moveTo", "w:smartTag", "w:customXml",
                                        "w:sdt", "w:sdtContent", "w:fldSimple", "w:dir", "w:bdo"))
_RUN = qn("w:r")
_PPR, _PSTYLE, _VAL, _RPR = qn("w:pPr"), qn("w:pStyle"), qn("w:val"), qn("w:rPr")
_ORDER = ("b", "i", "sup")  # markers nest in this order: bold outside italics outside superscript
_OPEN = {"b": "**", "i": "*", "sup": "<sup>"}
_CLOSE = {"b": "**", "i": "*", "sup": "</sup>"}
PAGE = "\n\n---\n\n"


@dataclass
class Piece:
    """A stretch of the rendered text: from `run` (a w:r element) at content offset `at`, standing
    for `size` characters of it, or markup termlint added (run None, size 0)."""

    text: str
    run: Any = None
    at: int = 0
    size: int = 0
    kind: str = "markup"  # "text" (flags apply), "space" (takes its neighbours' flags), "neutral", "markup", "page"
    flags: frozenset[str] = frozenset()
    node: Any = None  # the run's child this piece comes from (a w:t, w:tab, ...)
    node_at: int = 0  # where in that child's text it starts

    @property
    def exact(self) -> bool:
        return self.run is not None and len(self.text) == self.size


NoteLabel = Callable[[str, str, bool], str]  # (footnote|endnote, w:id, custom mark) -> label shown


def runs_of(paragraph: Any) -> Iterator[Any]:
    """The runs of a paragraph Word shows with changes accepted (not those of text boxes, deletions)."""
    for child in paragraph:
        if child.tag == _RUN:
            yield child
        elif child.tag in _CONTAINERS:
            yield from runs_of(child)


def render(paragraph: Any, styles: Styles, note_label: NoteLabel, own_note: str = "",
           prefix: str = "") -> list[Piece]:
    """The pieces of one paragraph, formatting markers included. `own_note` is the label of the
    footnote whose text this paragraph is (its w:footnoteRef shows that label); `prefix` is the
    heading marker or automatic number that goes first."""
    ppr = paragraph.find(_PPR)
    pstyle_el = ppr.find(_PSTYLE) if ppr is not None else None
    pstyle = pstyle_el.get(_VAL, "") if pstyle_el is not None else ""
    atoms: list[Piece] = []
    heading = prefix.startswith("#")
    for run in runs_of(paragraph):
        flags = styles.run_flags(run.find(_RPR), pstyle, heading)
        atoms.extend(_atoms(run, flags, note_label, own_note))
    _settle_spaces(atoms)
    pieces: list[Piece] = []
    if ppr is not None and flag(ppr.find(qn("w:pageBreakBefore"))):
        pieces.append(Piece("---\n\n"))
    if prefix:
        pieces.append(Piece(prefix))
    open_flags: list[str] = []
    for atom in atoms:
        if atom.kind != "markup":
            _switch(open_flags, atom.flags, pieces)
        pieces.append(atom)
    _switch(open_flags, frozenset(), pieces)
    _trim_pages(pieces)
    return pieces


# Tag names, computed once: a draft has tens of thousands of run children.
_T, _BR, _TYPE, _ID = qn("w:t"), qn("w:br"), qn("w:type"), qn("w:id")
_CHARS = {qn("w:tab"): "\t", _BR: "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-", qn("w:softHyphen"): "\u00ad"}
_SYM = qn("w:sym")
_REFERENCES = {qn("w:footnoteReference"): "footnote", qn("w:endnoteReference"): "endnote"}
_OWN_MARKS = frozenset({qn("w:footnoteRef"), qn("w:endnoteRef")})
_CUSTOM = qn("w:customMarkFollows")


def _atoms(run: Any, flags: frozenset[str], note_label: NoteLabel, own_note: str) -> Iterator[Piece]:
    at = 0
    for child in run:
        tag = child.tag
        if tag == _T:
            for atom in _text_atoms(child.text or "", run, at, flags):
                atom.node, atom.node_at = child, atom.at - at
                yield atom
            at += len(child.text or "")
        elif tag in _CHARS or tag == _SYM:
            kind = child.get(_TYPE) if tag == _BR else None
            if kind == "page":
                yield Piece(PAGE, run, at, 1, "page", node=child)
            elif kind == "column":
                yield Piece(" ", run, at, 1, "space", flags, node=child)
            else:
                char = _CHARS.get(tag) or _symbol(child)
                yield Piece(char, run, at, 1, "space" if char.isspace() else "text", flags, node=child)
            at += 1
        elif tag in _REFERENCES:
            custom = child.get(_CUSTOM, "0").lower() in ("1", "true", "on")
            label = note_label(_REFERENCES[tag], child.get(_ID, ""), custom)
            if not custom:  # a custom mark ("*") is the text of the run that follows
                yield Piece(f"<sup>{label}</sup>", run, at, len(label), "neutral", node=child)
                at += len(label)
        elif tag in _OWN_MARKS and own_note:
            yield Piece(f"<sup>{own_note}</sup>", run, at, len(own_note), "neutral", node=child)
            at += len(own_note)


def _text_atoms(text: str, run: Any, at: int, flags: frozenset[str]) -> Iterator[Piece]:
    """Text split at its edge spaces and its asterisks (a literal "*" is written "\\*"); the
    spaces inside a run share its formatting and stay in one piece with its words."""
    i = 0
    for segment in text.split("*"):
        if i:  # the asterisk before this segment
            yield Piece("\\*", run, at + i - 1, 1, "neutral")
        m = _EDGES.match(segment)
        assert m is not None  # the pattern matches any string
        lead, core, trail = m.group(1), m.group(2), m.group(3)
        for part, kind in ((lead, "space"), (core, "text"), (trail, "space")):
            if part:
                yield Piece(part, run, at + i, len(part), kind, flags)
                i += len(part)
        i += 1


_EDGES = re.compile(r"(\s*)(.*?)(\s*)$", re.DOTALL)


def _symbol(child: Any) -> str:
    code = child.get(qn("w:char"), "")
    try:
        value = int(code, 16)
    except ValueError:
        return "\ufffd"
    return chr(value) if value < 0xF000 else "\ufffd"  # F0xx: a glyph of a symbol font, no character


def _settle_spaces(atoms: list[Piece]) -> None:
    """Spaces and neutral marks take the formatting both their neighbours share, so that markers
    close before a space that ends an italic run ("*Noting* with") and not inside a phrase."""
    previous: frozenset[str] = frozenset()
    pending: list[Piece] = []
    for atom in atoms:
        if atom.kind in ("space", "neutral", "page"):
            pending.append(atom)
            continue
        if atom.kind != "text":
            continue
        for p in pending:
            p.flags = previous & atom.flags
        pending = []
        previous = atom.flags
    for p in pending:
        p.flags = frozenset()


def _switch(open_flags: list[str], wanted: frozenset[str], pieces: list[Piece]) -> None:
    """Close and open markers so that exactly `wanted` is open, keeping them nested."""
    keep = 0
    while keep < len(open_flags) and open_flags[keep] in wanted:
        keep += 1
    for name in reversed(open_flags[keep:]):
        pieces.append(Piece(_CLOSE[name]))
    del open_flags[keep:]
    for name in _ORDER:
        if name in wanted and name not in open_flags:
            pieces.append(Piece(_OPEN[name]))
            open_flags.append(name)


def _trim_pages(pieces: list[Piece]) -> None:
    """A page break at the start or end of a paragraph is a `---` line before or after it."""
    content = [i for i, p in enumerate(pieces) if p.kind in ("text", "neutral")]
    for i, p in enumerate(pieces):
        if p.kind != "page":
            continue
        text = p.text
        if not content or i < content[0]:
            text = text.lstrip("\n")
        if not content or i > content[-1]:
            text = text.rstrip("\n")
        p.text = text
