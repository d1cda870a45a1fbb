"""Reading a .docx into termlint text (see document.py for the positions, render.py for the text).

The body's paragraphs are read in order (tables, headers, footers and text boxes are set aside:
they are not the resolution's clauses), then the text of each footnote and endnote in the order
of its marker, each paragraph written as `<sup>2</sup> Text of the note`, as a converted draft
has it. Automatic list numbers are written out ("3. "), headings get their `#` marker.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

from termlint.docx.document import WordDocument, WordMap
from termlint.docx.numbering import Numbering, format_number
from termlint.docx.render import Piece, render
from termlint.docx.sniff import NotWord, check_package
from termlint.docx.styles import Styles, num_pr

# A 10 MB .docx may inflate tenfold; past this its XML is not a draft (or is a zip bomb).
MAX_XML_BYTES = 200 * 1024 * 1024
MAX_PARAGRAPHS = 200_000
SEPARATOR = "\n\n"  # between paragraphs: the text reader cuts blocks at blank lines
RT_NOTES = {
    "footnote": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes",
    "endnote": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes",
}
_REVISIONS = tuple(qn(t) for t in ("w:ins", "w:del", "w:moveFrom", "w:moveTo"))
_NOT_COUNTED = frozenset(qn(t) for t in ("w:rPr", "w:pPr"))


@dataclass
class Paragraph:
    """One paragraph in reading order: its element, where it lives, its pieces and text offset."""

    element: Any
    story: str  # "body", "footnote" or "endnote"
    pieces: list[Piece]
    start: int = 0
    note: str = ""  # "footnote 2" for a note's paragraph


@dataclass
class Loaded:
    """A .docx opened with python-docx, its text and the pieces that map it back onto runs."""

    docx: Any
    paragraphs: list[Paragraph]
    text: str
    notes: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # kind -> (part, root element)
    tracked: int = 0
    styles: Styles | None = None


def load(data: bytes) -> Loaded:
    """Open a .docx; NotWord with a one-line reason when it cannot be read as one."""
    archive = check_package(data)
    inflated = sum(info.file_size for info in archive.infolist() if info.filename.startswith("word/"))
    if inflated > MAX_XML_BYTES:
        raise NotWord(f"its XML inflates to {inflated // (1024 * 1024)} MB: not a draft (the limit is "
                      f"{MAX_XML_BYTES // (1024 * 1024)} MB)")
    try:
        import docx
    except ImportError:  # pragma: no cover - python-docx is a dependency; a broken install says so
        raise NotWord("reading .docx files needs python-docx: pip install 'python-docx>=1.2'") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx and lxml raise many kinds; all mean "not a readable .docx"
        raise NotWord(f"corrupt or unsupported .docx: {_reason(exc)}") from None
    try:
        return _read(document)
    except NotWord:
        raise
    except Exception as exc:  # a malformed part (footnotes, numbering) found while reading
        raise NotWord(f"corrupt .docx: {_reason(exc)}") from None


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]


def read_docx(data: bytes, path: str) -> WordDocument:
    """The WordDocument of a .docx's bytes (NotWord when they are not a readable Word document)."""
    return to_document(load(data), path)


def to_document(loaded: Loaded, path: str) -> WordDocument:
    starts: list[int] = []
    visible: list[int] = []
    exact: list[bool] = []
    shown: list[str] = []
    for paragraph in loaded.paragraphs:
        column = 0
        seen: list[str] = []
        at = paragraph.start
        for piece in paragraph.pieces:
            starts.append(at)
            visible.append(column)
            exact.append(piece.exact)
            at += len(piece.text)
            if piece.run is not None:
                column += piece.size
                seen.append(piece.text if piece.exact and "\n" not in piece.text else
                            piece.text.replace("\n", " ") if piece.exact else _shown(piece))
        shown.append("".join(seen))
    body = sum(1 for p in loaded.paragraphs if p.story == "body")
    word = WordMap(tuple(starts), tuple(visible), tuple(exact), tuple(shown),
                   tuple(p.note for p in loaded.paragraphs), body, loaded.tracked)
    line_starts = tuple(p.start for p in loaded.paragraphs) or (0,)
    return WordDocument(path, loaded.text, line_starts=line_starts, word=word)


def _shown(piece: Piece) -> str:
    """What Word shows for a piece that is not its text one for one (a mark, an asterisk, a page break)."""
    if piece.kind == "page":
        return " "
    if piece.text == "\\*":
        return "*"
    return piece.text.removeprefix("<sup>").removesuffix("</sup>")[:piece.size].ljust(piece.size)


def reload(loaded: Loaded) -> Loaded:
    """The document read again after its XML was changed in place (runs split, revisions added)."""
    return _read(loaded.docx, loaded.notes)


def save(loaded: Loaded) -> bytes:
    """The .docx bytes of a loaded document, with what was changed in its XML."""
    from lxml import etree

    for part, root in loaded.notes.values():
        if getattr(part, "element", None) is None:  # a part python-docx keeps as bytes: give it the new XML
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    loaded.docx.save(out)
    return out.getvalue()


def _read(document: Any, notes: dict[str, tuple[Any, Any]] | None = None) -> Loaded:
    part = document.part
    styles = Styles(document.styles.element)
    numbering = Numbering.of(_numbering_root(part))
    notes = _note_parts(part) if notes is None else notes
    order: list[tuple[str, str, str]] = []  # (kind, id, label) in the order of the markers
    counters = {"footnote": 0, "endnote": 0}

    def note_label(kind: str, note_id: str, custom: bool) -> str:
        if custom:
            label = "*"
        else:
            counters[kind] += 1
            label = str(counters[kind]) if kind == "footnote" else format_number(counters[kind], "lowerRoman")
        order.append((kind, note_id, label))
        return label

    paragraphs: list[Paragraph] = []
    for element in _body_paragraphs(document.element.body):
        prefix = _prefix(element, styles, numbering)
        paragraphs.append(Paragraph(element, "body", render(element, styles, note_label, prefix=prefix)))
        if len(paragraphs) > MAX_PARAGRAPHS:
            raise NotWord(f"more than {MAX_PARAGRAPHS} paragraphs: not a draft")
    for kind, note_id, label in order:
        root = notes.get(kind, (None, None))[1]
        if root is None:
            continue
        for note in root.iter(qn(f"w:{kind}")):
            if note.get(qn("w:id")) != note_id:
                continue
            for element in note.iter(qn("w:p")):
                paragraphs.append(Paragraph(element, kind, render(element, styles, note_label, own_note=label),
                                            note=f"{kind} {label}"))
            break
    text_parts: list[str] = []
    at = 0
    for i, paragraph in enumerate(paragraphs):
        paragraph.start = at
        if i + 1 < len(paragraphs):
            paragraph.pieces.append(Piece(SEPARATOR))
        chunk = "".join(p.text for p in paragraph.pieces)
        text_parts.append(chunk)
        at += len(chunk)
    roots = [document.element.body] + [root for _, root in notes.values()]
    tracked = sum(1 for root in roots for tag in _REVISIONS for el in root.iter(tag)
                  if el.getparent() is not None and el.getparent().tag not in _NOT_COUNTED)
    return Loaded(document, paragraphs, "".join(text_parts), notes, tracked, styles)


def _numbering_root(part: Any) -> Any:
    try:
        return part.numbering_part.element
    except Exception:  # no numbering part (python-docx raises when there is none to find)
        return None


def _note_parts(part: Any) -> dict[str, tuple[Any, Any]]:
    """The footnotes and endnotes parts (python-docx has no API for them: their XML is parsed here)."""
    from docx.oxml.parser import parse_xml

    found: dict[str, tuple[Any, Any]] = {}
    for rel in part.rels.values():
        for kind, reltype in RT_NOTES.items():
            if rel.reltype == reltype and not rel.is_external:
                target = rel.target_part
                root = getattr(target, "element", None)
                if root is None:
                    root = parse_xml(target.blob)
                found[kind] = (target, root)
    return found


def _body_paragraphs(body: Any) -> Any:
    """The body's paragraphs, also inside block-level content controls; tables are set aside."""
    for child in body:
        if child.tag == qn("w:p"):
            yield child
        elif child.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
            yield from _body_paragraphs(child)


def _prefix(element: Any, styles: Styles, numbering: Numbering) -> str:
    """A heading's `#` marker, or the automatic number Word shows before the paragraph."""
    ppr = element.find(qn("w:pPr"))
    pstyle_el = ppr.find(qn("w:pStyle")) if ppr is not None else None
    pstyle = pstyle_el.get(qn("w:val"), "") if pstyle_el is not None else ""
    numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
    number = num_pr(numpr) if numpr is not None else styles.numbering(pstyle)
    label = numbering.label(*number) if number else ""
    level = styles.heading_level(pstyle)
    return ("#" * level + " " if level else "") + label
