"""Run formatting and headings as Word shows them, through the style hierarchy.

python-docx's `run.italic` is None when the italics come from a character or paragraph style
(UN templates set preambular leads that way), so each property is looked up as Word does:
the run's own properties, its character style and the styles it is based on, the paragraph's
style chain (or the default paragraph style), then the document defaults.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from docx.oxml.ns import qn

_FALSE = frozenset({"0", "false", "off", "none"})
_HEADING = re.compile(r"heading\s*([1-6])$", re.IGNORECASE)
PROPS = ("b", "i", "vertAlign")


def flag(element: Any) -> bool | None:
    """A Word on/off property (<w:i/>, <w:i w:val="0"/>): True, False, or None when absent."""
    if element is None:
        return None
    return element.get(_VAL, "1").lower() not in _FALSE


class Styles:
    """Lookups in styles.xml, cached per style: the document has few styles and many runs."""

    def __init__(self, root: Any | None) -> None:
        self.by_id: dict[str, Any] = {}
        self.default_paragraph = ""
        self.defaults: dict[str, bool] = {}
        self._cache: dict[tuple[str, str], dict[str, bool]] = {}
        if root is None:
            return
        for style in root.iter(qn("w:style")):
            sid = style.get(qn("w:styleId"), "")
            self.by_id[sid] = style
            if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in ("1", "true", "on"):
                self.default_paragraph = sid
        rpr = root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self.defaults = _props(rpr)

    def chain(self, style_id: str) -> Iterator[Any]:
        """The style and the styles it is based on, nearest first (a loop ends the chain)."""
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val"), "") if based is not None else ""

    def inherited(self, paragraph_style: str, run_style: str) -> dict[str, bool]:
        """The run properties a run gets from its character style, its paragraph's style and the defaults."""
        key = (paragraph_style, run_style)
        known = self._cache.get(key)
        if known is not None:
            return known
        found: dict[str, bool] = {}
        for style in [*self.chain(run_style), *self.chain(paragraph_style or self.default_paragraph)]:
            for name, value in _props(style.find(qn("w:rPr"))).items():
                found.setdefault(name, value)
        for name, value in self.defaults.items():
            found.setdefault(name, value)
        self._cache[key] = found
        return found

    def run_flags(self, rpr: Any, paragraph_style: str, heading: bool = False) -> frozenset[str]:
        """{"b", "i", "sup"}: which of bold, italic and superscript a run shows.

        In a heading, bold and italics that come from the heading's paragraph style are its look,
        not emphasis: they are not reported (the heading has its `#` marker instead)."""
        run_style = ""
        if rpr is not None:
            rstyle = rpr.find(_RSTYLE)
            run_style = rstyle.get(_VAL, "") if rstyle is not None else ""
        props = dict(self.inherited(paragraph_style, run_style))
        if heading:  # the heading style's bold and italics are its look: only the run's own count
            own = self.inherited("", run_style) if run_style else {}
            props["b"], props["i"] = own.get("b", False), own.get("i", False)
        props.update(_props(rpr))
        return frozenset(name for name, on in props.items() if on)

    def heading_level(self, paragraph_style: str) -> int:
        """1-6 for a Heading N style (or one based on it), 1 for Title; 0 otherwise."""
        for style in self.chain(paragraph_style):
            name_el = style.find(qn("w:name"))
            name = (name_el.get(qn("w:val"), "") if name_el is not None else "").strip()
            m = _HEADING.match(name)
            if m:
                return int(m.group(1))
            if name.lower() == "title":
                return 1
        return 0

    def numbering(self, paragraph_style: str) -> tuple[str, int] | None:
        """(numId, level) of the automatic numbering a paragraph style applies, if any."""
        for style in self.chain(paragraph_style):
            numpr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if numpr is not None:
                return num_pr(numpr)
        return None


def num_pr(numpr: Any) -> tuple[str, int] | None:
    """(numId, ilvl) of a <w:numPr>; None when it has no numbering (numId 0 switches it off)."""
    num = numpr.find(qn("w:numId"))
    if num is None:
        return None
    lvl = numpr.find(qn("w:ilvl"))
    try:
        level = int(lvl.get(qn("w:val"), "0")) if lvl is not None else 0
    except ValueError:
        level = 0
    return num.get(qn("w:val"), "0"), level


_B, _I, _ALIGN, _VAL, _RSTYLE = qn("w:b"), qn("w:i"), qn("w:vertAlign"), qn("w:val"), qn("w:rStyle")


def _props(rpr: Any) -> dict[str, bool]:
    """The properties of one <w:rPr> that termlint reads: "b", "i" and "sup"."""
    out: dict[str, bool] = {}
    if rpr is None:
        return out
    for name, tag in (("b", _B), ("i", _I)):
        value = flag(rpr.find(tag))
        if value is not None:
            out[name] = value
    align = rpr.find(_ALIGN)
    if align is not None:
        out["sup"] = align.get(_VAL) == "superscript"
    return out
