"""Positions: termlint counts 1-based characters (code points); LSP counts 0-based code units.

The protocol's default unit is the UTF-16 code unit: a character outside the Basic
Multilingual Plane (an emoji, a CJK extension ideograph) is two units, so every column after
it on the same line moves by one. A client may negotiate UTF-8 or UTF-32 instead
(`general.positionEncodings`); pygls picks the encoding and we convert with it.
"""

from __future__ import annotations

from termlint.text.document import Document

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(text: str, encoding: str) -> int:
    """How many code units `text` takes in the position encoding."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    # UTF-16: one unit per character, two for those above U+FFFF (a lone surrogate counts one)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def to_client(document: Document, line: int, column: int, encoding: str) -> tuple[int, int]:
    """termlint's 1-based (line, character column) as LSP's 0-based (line, code-unit column)."""
    last = len(document.line_starts)
    if line > last:  # the end of a text that ends with a line break
        return last - 1, units(document.line_text(last), encoding)
    text = document.line_text(line)
    return line - 1, units(text[: max(column - 1, 0)], encoding)


def to_offset(document: Document, line: int, character: int, encoding: str) -> int:
    """An LSP position (0-based line, code units) as a character offset in the document's text."""
    lines = len(document.line_starts)
    if line >= lines:
        return len(document.text)
    text = document.line_text(line + 1)
    seen = chars = 0
    for ch in text:  # a position inside a surrogate pair or a UTF-8 sequence stays before it
        width = units(ch, encoding)
        if seen + width > character:
            break
        seen += width
        chars += 1
    return document.line_starts[line] + chars
