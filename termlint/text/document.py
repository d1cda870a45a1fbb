"""A decoded text file: its text, how it was encoded, and offset <-> line/column mapping.

The text rules see has every line break normalised to "\\n"; the original encoding, BOM
and per-line newline characters are kept so that a fix writes the file back unchanged
except for the edit.
"""

from __future__ import annotations

import bisect
import codecs
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import regex

_NEWLINE = regex.compile(r"\r\n|\r|\n")

# A Word (or OpenDocument) file: say how to get text out of it
_WORD_HINT = ("; it looks like a Word document: save it as plain text (.txt) or convert it to Markdown, "
              "e.g. `pandoc draft.docx -t gfm -o draft.md`, and check that file")


class DecodeError(Exception):
    """The bytes of a file cannot be read as text; the message says why and where."""


@dataclass(frozen=True)
class Document:
    """One file's text as termlint reads it: decoded, line breaks normalised, positions indexed."""
    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    newlines: tuple[str, ...] = ()  # the original line break after each line ("" for the last)
    line_starts: tuple[int, ...] = field(default=(0,), repr=False)
    unit: ClassVar[str] = "line"  # what a position's first number counts (a Word draft: "paragraph")

    @classmethod
    def from_text(cls, text: str, path: str = "<text>") -> Document:
        """Build a document from already-decoded text (line breaks of any style)."""
        return _from_decoded(path, text, "utf-8", False)

    @classmethod
    def from_bytes(cls, data: bytes, path: str) -> Document:
        """Decode a file's bytes: UTF-8 (with or without BOM) or UTF-16 with BOM."""
        if data.startswith(codecs.BOM_UTF8):
            return _from_decoded(path, _decode(data[3:], "utf-8", 3), "utf-8", True)
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            encoding = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
            return _from_decoded(path, _decode(data[2:], encoding, 2), encoding, True)
        if b"\x00" in data:
            hint = _WORD_HINT if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")) else ""  # .docx/.odt, .doc
            raise DecodeError(f"binary file (NUL byte at offset {data.index(0)}); not a text draft{hint}")
        return _from_decoded(path, _decode(data, "utf-8", 0), "utf-8", False)

    @classmethod
    def read(cls, path: str | Path) -> Document:
        return cls.from_bytes(Path(path).read_bytes(), str(path))

    def encode(self, text: str | None = None) -> bytes:
        """The bytes of `text` (default: this document's text) in this file's own form."""
        text = self.text if text is None else text
        lines = text.split("\n")
        if len(lines) == len(self.newlines):
            breaks = self.newlines
        else:  # an edit added or removed lines: use the file's dominant style throughout
            style = max(set(self.newlines[:-1]) or {"\n"}, key=self.newlines.count)
            breaks = tuple([style] * (len(lines) - 1) + [""])
        body = "".join(line + brk for line, brk in zip(lines, breaks))
        encoded = body.encode(self.encoding)
        if self.bom:
            encoded = (codecs.BOM_UTF8 if self.encoding == "utf-8" else "\ufeff".encode(self.encoding)) + encoded
        return encoded

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count characters."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """Inverse of `position`."""
        return self.line_starts[line - 1] + column - 1

    @property
    def shown_text(self) -> str:
        """The text as the user sees it, line for line with `position` (a Word draft: its paragraphs)."""
        return self.text

    def places(self, tree: Any, offsets: list[int]) -> list[str] | None:
        """Where a user finds each offset, in words, when line and column are not how they look
        (a Word draft: "paragraph 12 (operative 3)"); None for a text file."""
        return None

    def stub(self) -> Document:
        """This document without its text: what a result keeps when the text is not shown."""
        return Document(self.path, "")

    def notes(self) -> list[str]:
        """What the user should know about how the file was read (a Word draft's tracked changes)."""
        return []

    def line_text(self, line: int) -> str:
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        return self.text[start:end]


def _decode(data: bytes, encoding: str, skipped: int) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        column = len(data[line_start:exc.start].decode(encoding, "replace")) + 1
        raise DecodeError(
            f"invalid {encoding.upper()} at line {line}, column {column} (byte offset {exc.start + skipped}): "
            f"{exc.reason}{_legacy_hint(data, encoding)}"
        ) from None


def _legacy_hint(data: bytes, encoding: str) -> str:
    """How to convert a file saved in a Windows code page, which is what such a draft usually is."""
    if encoding != "utf-8":
        return ""
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return "; termlint reads UTF-8: save the file as UTF-8"
    return ("; the file looks like Windows-1252 (Western European) text: save it as UTF-8 "
            "(e.g. iconv -f cp1252 -t utf-8 FILE > FILE.utf8)")


def _from_decoded(path: str, raw: str, encoding: str, bom: bool) -> Document:
    if "\r" not in raw:
        # Only "\n" breaks (nearly every file): the text is `raw` itself, not rebuilt from its lines,
        # which cost a tenth of a second per 10 MB and two more copies of a large file in memory.
        starts = [0]
        find = raw.find
        at = find("\n")
        while at >= 0:
            starts.append(at + 1)
            at = find("\n", at + 1)
        return Document(path, raw, encoding, bom, ("\n",) * (len(starts) - 1) + ("",), tuple(starts))
    parts = _NEWLINE.split(raw)
    breaks = [m.group() for m in _NEWLINE.finditer(raw)] + [""]
    text = "\n".join(parts)
    starts = [0]
    for part in parts[:-1]:
        starts.append(starts[-1] + len(part) + 1)
    return Document(path, text, encoding, bom, tuple(breaks), tuple(starts))
