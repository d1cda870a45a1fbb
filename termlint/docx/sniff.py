"""What kind of file a byte string is, from its content (never its name).

UN files named `.DOC` are often really `.docx` (a zip package), and a renamed spreadsheet is not
a Word document whatever its name says, so the first bytes and the package's part names decide.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import zipfile

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP = b"PK\x05\x06"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: Word 97-2003 .doc, or an encrypted .docx
CONVERT = "not supported: convert to .docx"


class NotWord(Exception):
    """A file termlint cannot read as a draft; str() is the one line shown to the user."""


def is_package(data: bytes) -> bool:
    """True when the bytes are a zip archive or an OLE compound file: never a text draft."""
    return data.startswith((ZIP_MAGIC, EMPTY_ZIP, OLE_MAGIC))


def unsupported(data: bytes) -> str | None:
    """Why a binary document format other than .docx cannot be checked, or None.

    Only formats recognised by their first bytes: a PDF, an RTF file (text, but Word's own markup
    would be linted as prose), an OLE file (.doc, or a password-protected .docx)."""
    if data.startswith(b"%PDF-"):
        return f"a PDF file: {CONVERT}"
    if data.startswith(b"{\\rtf"):
        return f"an RTF file: {CONVERT}"
    if data.startswith(OLE_MAGIC):
        # Word encrypts a .docx by wrapping the package in a compound file with these streams;
        # directory entry names are UTF-16.
        if "EncryptedPackage".encode("utf-16-le") in data[:1 << 20] or b"E\x00n\x00c\x00r\x00y\x00p" in data:
            return "a password-protected Word document: remove the password in Word (File > Info > Protect Document) and save again"
        return f"a Word 97-2003 (.doc) or other OLE file: {CONVERT}"
    return None


def check_package(data: bytes) -> zipfile.ZipFile:
    """The zip archive of a .docx; NotWord with the reason when it is not one."""
    import zipfile  # here, not at the top: runner imports this module for every text file

    problem = unsupported(data)
    if problem:
        raise NotWord(problem)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise NotWord(f"corrupt .docx: not a readable zip archive ({exc})") from None
    if "word/document.xml" in names:
        return archive
    if "mimetype" in names:
        kind = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
        if "opendocument" in kind:
            raise NotWord(f"an OpenDocument file ({kind.rsplit('.', 1)[-1]}): {CONVERT}")
    if "xl/workbook.xml" in names or "ppt/presentation.xml" in names:
        raise NotWord("an Excel or PowerPoint file, not a Word document")
    raise NotWord("a zip archive that is not a Word document (it has no word/document.xml)")


def word_lock(path: str) -> str | None:
    """The owner file Word keeps beside a document it has open ("~$aft.docx" for "draft.docx"), if any."""
    import os

    folder, name = os.path.split(os.path.realpath(path))
    for candidate in (f"~${name[2:]}", f"~${name}"):
        if len(name) > 2 and os.path.exists(os.path.join(folder, candidate)):
            return candidate
    return None
