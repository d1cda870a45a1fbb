"""Word drafts for the tests: real .docx files built with python-docx from the Markdown drafts
(scripts/docx_from_markdown.py), and the helpers the .docx tests share."""

from __future__ import annotations

import io
import sys
import zipfile
from functools import lru_cache
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from docx_from_markdown import Options, build  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SEED = ROOT / "examples" / "draft-2022-child-protection.txt"
EVERYTHING = Options(numbering=True, styled_leads=True, table=True, header_footer=True, tracked=True)
VARIANTS = {
    "plain": Options(),
    "numbered": Options(numbering=True),
    "styled": Options(styled_leads=True),
    "table-header-footer": Options(table=True, header_footer=True),
    "tracked": Options(tracked=True),
    "everything": EVERYTHING,
}


@lru_cache(maxsize=16)
def seed_docx(options: Options = Options()) -> bytes:
    return build(SEED.read_text(encoding="utf-8"), options)


def part_xml(data: bytes, name: str) -> etree._Element | None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if name not in archive.namelist():
            return None
        return etree.fromstring(archive.read(name))


def count(data: bytes, name: str, tag: str, author: str | None = None) -> int:
    """How many w:`tag` elements (by `author`, when given) a part of the package holds."""
    root = part_xml(data, name)
    if root is None:
        return 0
    return sum(1 for el in root.iter(f"{{{W}}}{tag}")
               if author is None or el.get(f"{{{W}}}author") == author)


def accept_all(data: bytes) -> bytes:
    """Every tracked change accepted, in the XML: insertions unwrapped, deletions and the records
    of formatting changes dropped (what Word's "Accept All Changes" leaves)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            raw = zin.read(item.filename)
            if item.filename in ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml"):
                root = etree.fromstring(raw)
                for el in list(root.iter(f"{{{W}}}del", f"{{{W}}}rPrChange", f"{{{W}}}moveFrom")):
                    el.getparent().remove(el)
                for el in list(root.iter(f"{{{W}}}ins", f"{{{W}}}moveTo")):
                    parent = el.getparent()
                    at = parent.index(el)
                    if parent.tag != f"{{{W}}}rPr":
                        for child in list(el):
                            parent.insert(at, child)
                            at += 1
                    parent.remove(el)
                raw = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(item, raw)
    return out.getvalue()
