"""Word's automatic list numbering, rendered as the text it shows ("1. ", "(a) ").

Operative paragraphs in Word drafts are often numbered by a list style: the number is not in
the text, so it is computed here from numbering.xml, paragraph by paragraph in reading order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


@dataclass(frozen=True)
class Level:
    """One level of a Word list's numbering: where it starts, its format and its text."""
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"


@dataclass
class Numbering:
    """Counters per abstract list, advanced as paragraphs are read in order."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # abstractNumId -> ilvl -> Level
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # numId -> (abstract, starts)
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)  # numIds seen (a start override applies once)

    @classmethod
    def of(cls, root: Any | None) -> Numbering:
        found = cls()
        if root is None:
            return found
        for abstract in root.iter(qn("w:abstractNum")):
            levels: dict[int, Level] = {}
            for lvl in abstract.iter(qn("w:lvl")):
                levels[_int(lvl.get(qn("w:ilvl")), 0)] = Level(
                    start=_int(_val(lvl, "w:start"), 1), fmt=_val(lvl, "w:numFmt") or "decimal",
                    text=_val(lvl, "w:lvlText") if lvl.find(qn("w:lvlText")) is not None else "",
                    suffix=_val(lvl, "w:suff") or "tab")
            found.levels[abstract.get(qn("w:abstractNumId"), "")] = levels
        for num in root.iter(qn("w:num")):
            starts = {_int(o.get(qn("w:ilvl")), 0): _int(_val(o, "w:startOverride"), 1)
                      for o in num.iter(qn("w:lvlOverride")) if o.find(qn("w:startOverride")) is not None}
            found.nums[num.get(qn("w:numId"), "")] = (_val(num, "w:abstractNumId") or "", starts)
        return found

    def label(self, num_id: str, level: int) -> str:
        """The text the next paragraph of list `num_id` at `level` shows before its own text ("" if none)."""
        if num_id in ("", "0") or num_id not in self.nums:
            return ""
        abstract, starts = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        lvl = levels.get(level)
        if lvl is None:
            return ""
        counts = self.counters.setdefault(abstract, [None] * 10)
        level = min(max(level, 0), 9)
        if num_id not in self.started:
            self.started.add(num_id)
            for at, start in starts.items():  # a restarted list (lvlOverride/startOverride)
                if 0 <= at < 10:
                    counts[at] = start - 1
        current = counts[level]
        counts[level] = current + 1 if current is not None else lvl.start
        for deeper in range(level + 1, 10):
            counts[deeper] = None
        text = lvl.text
        for at in range(9, -1, -1):  # %10 does not exist; from 9 down so that %1 does not eat %1x
            if f"%{at + 1}" in text:
                shown = levels.get(at, Level())
                count = counts[at]
                value = count if count is not None else shown.start
                text = text.replace(f"%{at + 1}", format_number(value, shown.fmt))
        if lvl.fmt == "bullet":
            text = "•"
        if not text:
            return ""
        return text + ("" if lvl.suffix == "nothing" else " ")


def format_number(value: int, fmt: str) -> str:
    """A list counter in a Word number format (decimal, lowerLetter, upperRoman, ...)."""
    if fmt in ("lowerLetter", "upperLetter"):
        letters = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else ""
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)


def _roman(value: int) -> str:
    out = []
    for amount, numeral in _ROMAN:
        while value >= amount:
            out.append(numeral)
            value -= amount
    return "".join(out)


def _val(parent: Any, tag: str) -> str:
    child = parent.find(qn(tag))
    return child.get(qn("w:val"), "") if child is not None else ""


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
