"""Reading text as users' files come: encodings, BOMs, newline styles, positions in characters."""

from __future__ import annotations

import codecs

import pytest

from termlint.text.document import DecodeError, Document

DRAFT = "*Recalling* its resolution 74/174,\n\n1. *Urges* Member States , to act;\n"


@pytest.mark.parametrize("data, encoding, bom", [
    (DRAFT.encode("utf-8"), "utf-8", False),
    (codecs.BOM_UTF8 + DRAFT.encode("utf-8"), "utf-8", True),
    (codecs.BOM_UTF16_LE + DRAFT.encode("utf-16-le"), "utf-16-le", True),
    (codecs.BOM_UTF16_BE + DRAFT.encode("utf-16-be"), "utf-16-be", True),
])
def test_encodings_decode_to_the_same_text_and_encode_back_byte_for_byte(data, encoding, bom):
    doc = Document.from_bytes(data, "draft.md")
    assert doc.text == DRAFT
    assert (doc.encoding, doc.bom) == (encoding, bom)
    assert doc.encode() == data


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_newline_styles_are_normalised_and_restored(newline):
    data = DRAFT.replace("\n", newline).encode()
    doc = Document.from_bytes(data, "draft.txt")
    assert doc.text == DRAFT
    assert doc.encode() == data
    assert doc.position(doc.text.index("Urges")) == (3, 5)


def test_mixed_newlines_survive_an_edit_that_keeps_the_line_count():
    data = b"a , b\r\nc\nd\r\n"
    doc = Document.from_bytes(data, "x.txt")
    assert doc.encode(doc.text.replace("a , b", "a, b")) == b"a, b\r\nc\nd\r\n"


def test_columns_count_characters_not_bytes():
    text = "Vienna, 16–20 May 2022 “quoted” text\u00a0here , x"
    doc = Document.from_text(text)
    offset = text.index(" ,")
    assert doc.position(offset) == (1, offset + 1)
    assert doc.offset(*doc.position(offset)) == offset


def test_invalid_utf8_names_the_byte_offset():
    with pytest.raises(DecodeError, match="byte offset 6"):
        Document.from_bytes(b"abcdef\xff\xfe tail", "bad.txt")


def test_binary_file_is_refused():
    with pytest.raises(DecodeError, match="binary"):
        Document.from_bytes(b"PK\x03\x04\x00\x00", "archive.md")


def test_empty_file():
    doc = Document.from_bytes(b"", "empty.md")
    assert doc.text == "" and doc.encode() == b""
