"""Lower-casing a long text a piece at a time.

CPython's `str.lower` and `str.casefold` on a text that is not ASCII set aside 12 bytes of scratch
per character (room for three four-byte code points each) before they build the result: lowering
a 9 MB draft with one curly apostrophe takes 128 MB for a moment, more than everything else a run
holds. `lower` lowers the text in pieces of 64 K characters and joins them, so the moment costs
the result twice over instead.

A piece ends just after a line break. Lower-casing depends on its neighbours for one letter only,
the capital sigma (final "ς" or "σ", by the letters around it), and that reading stops at white
space; a cut after a line break therefore changes nothing: `lower(text) == text.lower()` always.
"""

from __future__ import annotations

from collections.abc import Iterator

PIECE = 1 << 16  # characters lowered at once


def pieces(text: str, size: int | None = None) -> Iterator[str]:
    """`text` in consecutive pieces of about `size` characters, each (but the last) ending with a
    line break; a text with no line break for longer is one piece there."""
    at, length, size = 0, len(text), size or PIECE
    while at < length:
        cut = text.find("\n", at + size)
        cut = length if cut < 0 else cut + 1
        yield text[at:cut]
        at = cut


def lower(text: str) -> str:
    """`text.lower()`, without its scratch memory on a long text that is not ASCII."""
    if len(text) <= PIECE or text.isascii():  # ASCII is lowered in place of a copy, with no scratch
        return text.lower()
    return "".join([piece.lower() for piece in pieces(text)])


def folds_as_lowered(lowered: str) -> bool:
    """`lowered.casefold() == lowered` (the text's case folding is its lower case), read a piece at
    a time."""
    if lowered.isascii():
        return True
    return all(piece.casefold() == piece for piece in pieces(lowered))
