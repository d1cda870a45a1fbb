"""The stretch of text the citation rules read as one (a clause, masked, with its issuer)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from termlint.parse.tree import Clause

# stdlib `re` (faster here); \s spelt out as `regex` reads it (stdlib's also takes \x1c-\x1f)
_MARKUP_RE = re.compile(r"\[\^[^\]\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]{1,12}\]"
                        r"|<sup>[^<]{0,12}</sup>|\\\*|\*+|\u00a0")


def mask(text: str) -> str:
    """Footnote markers, emphasis marks and non-breaking spaces become spaces (offsets kept)."""
    if "[" in text or "<" in text or "\\" in text:
        return _MARKUP_RE.sub(lambda m: " " * len(m.group()), text)
    # Without a marker, only emphasis marks and non-breaking spaces can be there: one space each.
    return text.replace("*", " ").replace("\u00a0", " ") if "*" in text or "\u00a0" in text else text


_last_masked: tuple[Unit | None, str] = (None, "")  # the unit whose text was masked last, and that text


@dataclass(frozen=True, slots=True)
class Unit:
    """A stretch of text read as one: a clause's text with its offsets, and its context."""

    clause: Clause
    body: str | None  # the organ whose text this is (from the resolution's chapeau)
    in_footnote: bool

    @property
    def text(self) -> str:
        """The clause's text with its markup masked with spaces (same length as clause.text).
        Masked anew at each reading (a few per unit): kept, the masked texts of a large file
        would hold its text once more (10 MB for a 9 MB draft). The last unit's is kept: a
        rule reads a unit's text once per reference in it."""
        global _last_masked
        unit, text = _last_masked
        if unit is not self:
            text = mask(self.clause.text)
            _last_masked = (self, text)
        return text
