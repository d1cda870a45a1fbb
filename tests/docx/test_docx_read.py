"""Issue 15: a Word draft (.docx) is read into the same text, clause tree and findings as its
Markdown form. The .docx files are real ones, built with python-docx from the example draft and
from corpus resolutions (tests/docx_fixtures.py): italics direct and through styles, real
footnotes, automatic numbering, a table, a header and footer, a tracked change."""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import docx
import pytest

from conftest import DATA, settings
from docx_fixtures import EVERYTHING, SEED, VARIANTS, Options, build, seed_docx
from termlint.docx.document import WordDocument
from termlint.docx.read import read_docx
from termlint.docx.sniff import NotWord
from termlint.engine.lint import lint_text
from termlint.parse.parser import parse

ALL = settings()
_MARKER = re.compile(r"<sup>\w+</sup>|\[\^[^\]\s]+\]|\\\*")


def _key(text: str, start: int, end: int) -> str:
    """A finding's words without footnote markers (Word numbers its own footnotes) or spacing."""
    return " ".join(_MARKER.sub("", text[start:end]).split())


def _findings(text_or_doc, text: str) -> Counter[tuple[str, str]]:
    return Counter((d.code, _key(text, d.start, d.end)) for d in lint_text(text_or_doc, ALL).diagnostics)


@pytest.fixture(scope="module")
def seed_findings() -> Counter[tuple[str, str]]:
    text = SEED.read_text(encoding="utf-8")
    return _findings(text, text)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_the_example_draft_as_docx_has_the_same_tree_and_findings(variant: str, seed_findings) -> None:
    document = read_docx(seed_docx(VARIANTS[variant]), "draft.docx")
    tree, problems = parse(document.text)
    kinds = Counter(c.kind for c in tree.walk())
    assert (kinds["preambular"], kinds["operative"], kinds["footnote"]) == (31, 22, 4)
    assert not problems
    leads = [c for c in tree.walk() if c.kind == "preambular"]
    assert all(c.lead_italic for c in leads)  # italics from the character style and from direct formatting
    assert _findings(document, document.text) == seed_findings
    assert sum(seed_findings.values()) == 55


def test_the_markdown_text_is_given_back_line_for_paragraph() -> None:
    """Italics where the Markdown has them, footnote markers and bodies, numbers written out."""
    text = read_docx(seed_docx(EVERYTHING), "d.docx").text
    source = SEED.read_text(encoding="utf-8")
    lines = [line.rstrip() for line in text.split("\n") if line.strip()]
    for expected in ("*Stressing* that rights of the child are human rights, and that these rights need to be "
                     "protected both offline and online,",
                     "*The General Assembly,*",  # an italic paragraph style
                     "Item 8 of the provisional agenda\\*",  # a custom footnote mark
                     "\\* E/CN.15/2022/1.",
                     "<sup>2</sup> *Ibid.*, vol. 2171, No. 27531.",
                     "### **World crime trends and emerging issues and responses in the field of crime prevention "
                     "and criminal justice**"):
        assert expected in lines
    operative = [line for line in lines if re.match(r"\d+\. ", line)]
    assert [line.split(".")[0] for line in operative] == [str(n) for n in range(1, 23)]  # automatic numbers
    assert all(line in source for line in operative)
    assert "recognising , ," not in text and "Page 1" not in text  # table, header and footer set aside


def test_positions_are_word_paragraphs_and_characters() -> None:
    """JSON line = body paragraph number, column = character in it: python-docx's own paragraph
    text at that column holds the finding's words."""
    data = seed_docx(Options(numbering=True))
    document = read_docx(data, "d.docx")
    paragraphs = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    checked = 0
    for d in lint_text(document, ALL).diagnostics:
        if d.line > document.word.body_paragraphs:
            assert d.place.startswith("footnote ")
            continue
        words = _MARKER.sub("", document.text[d.start:d.end]).replace("*", "")  # without italics markers
        before = document.text[document.line_starts[d.line - 1]:d.start]
        if _MARKER.search(before) or not words:
            continue  # python-docx's text has no footnote numbers: columns after one differ by its length
        assert paragraphs[d.line - 1][d.column - 1:].startswith(words), d
        assert paragraphs[d.line - 1][d.column - 1:d.end_column - 1] == words, d
        assert d.place.startswith(f"paragraph {d.line}")
        checked += 1
    assert checked >= 40
    places = {d.place for d in lint_text(document, ALL).diagnostics}
    assert any(p.endswith("(operative 20)") for p in places) and any("(preambular 2)" in p for p in places)


@pytest.mark.parametrize("name", ["A_RES_75_10.md", "A_RES_75_257_B.md", "A_RES_76_200.md", "A_RES_76_304.md",
                                  "A_RES_76_7.md", "E_RES_2021_22.md", "S_RES_0687_1991.txt",
                                  "USERDRAFT_ageyev_un-su_GA_Resolution.md"])
def test_corpus_resolutions_as_docx(name: str) -> None:
    text = (DATA / "corpus" / name).read_text(encoding="utf-8").replace("\r\n", "\n")
    document = read_docx(build(text, Options(numbering=True)), name)
    tree_md, _ = parse(text)
    tree_docx, _ = parse(document.text)
    shape = lambda tree: Counter(c.kind for c in tree.walk() if c.kind in ("preambular", "operative", "footnote"))  # noqa: E731
    assert shape(tree_docx) == shape(tree_md)
    expected = _findings(text, text)
    if name == "A_RES_75_257_B.md":  # its first footnote is [^3]; Word numbers footnotes from 1 itself
        expected.pop(("FN003", ""))
    assert _findings(document, document.text) == expected


def test_tracked_changes_are_read_accepted_and_said() -> None:
    document = read_docx(seed_docx(Options(tracked=True)), "d.docx")
    assert "that rights of the child" in document.text and "freedoms" not in document.text
    assert document.word.tracked_changes == 2
    assert document.notes() == ["has 2 tracked changes: checked as it reads with them accepted"]
    assert read_docx(seed_docx(), "d.docx").notes() == []


def test_a_word_file_named_doc_is_read_by_its_content(tmp_path: Path) -> None:
    from termlint.run.runner import read_document

    path = tmp_path / "A_C.3_77_L.5.DOC"
    path.write_bytes(seed_docx())
    assert isinstance(read_document(str(path)), WordDocument)


@pytest.mark.parametrize("data, words", [
    (b"PK\x03\x04garbage that is not a zip", "corrupt .docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "Word 97-2003 (.doc)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") + b"\0" * 600, "password-protected"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
])
def test_bad_word_files_say_why(data: bytes, words: str) -> None:
    with pytest.raises(NotWord, match=re.escape(words)):
        read_docx(data, "x.docx")


def _zip(parts: dict[str, str]) -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return out.getvalue()


def test_zips_that_are_not_word_documents() -> None:
    with pytest.raises(NotWord, match="OpenDocument.*convert to .docx"):
        read_docx(_zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}), "x.odt")
    with pytest.raises(NotWord, match="not a Word document"):
        read_docx(_zip({"readme.txt": "hello"}), "renamed.docx")
    with pytest.raises(NotWord, match="Excel or PowerPoint"):
        read_docx(_zip({"xl/workbook.xml": "<x/>"}), "sheet.docx")
    with pytest.raises(NotWord, match="corrupt or unsupported"):  # the part is there, its XML is not
        read_docx(_zip({"word/document.xml": "<w:document", "[Content_Types].xml": "<x"}), "broken.docx")


def test_five_thousand_paragraphs_in_bounded_time() -> None:
    import time

    recital = "*Recalling* its resolution 74/174 of 18 December 2019 on countering child sexual abuse online,"
    text = "*The General Assembly,*\n\n" + "\n\n".join([recital] * 2500 + [
        f"{n}. *Urges* Member States to criminalize all forms of child sexual exploitation;" for n in range(1, 2501)])
    data = build(text, Options(numbering=True))
    started = time.perf_counter()
    document = read_docx(data, "big.docx")
    elapsed = time.perf_counter() - started
    assert document.word.body_paragraphs == 5001
    assert elapsed < 20, elapsed  # measured 0.9 s on this 2-core machine (reading, not building)
