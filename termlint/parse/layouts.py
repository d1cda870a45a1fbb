"""The layouts a resolution is written in, and the block shapes only a layout gives meaning to.

The parser shapes each block by itself (parser._shape); this module then reads the blocks of one
resolution in order, as an editor does once they know which layout the drafter used:

- `un`: an organ's chapeau ending with a comma (`The General Assembly,`), recitals, numbered
  operative paragraphs (the layout of adopted resolutions);
- `us-mun`: the chapeau addressed or ending with a colon (`To the General Assembly:`,
  `The General Assembly:`), as in student Model UN resolutions in the US conference layout;
- `delegation`: the operative part opened by `The delegation of X hereby:`, its clauses
  numbered or not (every unnumbered paragraph after that line is an operative clause);
- `treaty`: `The Parties to this Agreement,` (or the States Parties, the Contracting Parties),
  recitals, `Have agreed as follows:`, then `Article 1`, `Article 2` with paragraphs numbered
  anew in each article;
- `no-chapeau`: no chapeau line at all, but a run of recitals then numbered operative
  paragraphs: a resolution all the same (its chapeau is an empty block).

A negotiation text adds `+options` to its layout: `Option 1:` / `Option 2:` headings whose
paragraphs are alternatives, numbered in parallel. Paragraphs wrapped in square brackets
(`[3. *Requests* ...]`) keep their number. A number without its full stop (`53 *Recalls*`)
still makes an operative paragraph when it is the next number.
"""

from __future__ import annotations

from typing import Any

import regex

_SUFFIX = r"(?:\s?(?:bis|ter|quater|quinquies|sexies))?"
_OPENER = regex.compile(
    r"[*_]*\s*(?:The\s+)?(?:delegations?|representatives?)\s+of\s+[^\n:;]{1,120}?\s+(?:hereby|hereto)\b[*_]*\s*[:,]?\s*[*_]*"
    r"|[*_]*\s*(?:The\s+Parties\s+)?Have[*_]*\s+[*_]*agreed[*_]*\s+[*_]*as\s+follows\s*[*_]*\s*:?\s*[*_]*",
    regex.IGNORECASE,
)
_ARTICLE = regex.compile(
    r"(?:#{1,6}\s+)?[*_]*\s*(?:Article|ARTICLE|Art\.)\s+(\d{1,3}|[IVXLC]+)" + _SUFFIX + r"\b[*_]*"
    r"(?:\s+[^\n.;:,]{1,100})?\s*"
)
_OPTION = regex.compile(r"(?:#{1,6}\s+)?[*_\[]*\s*(?:Option|Alternative|Alt\.)\s+(\d{1,2}|[A-Z])\b[*_]*\s*[:.\-–]?\s*[*_\]]*\s*",
                        regex.IGNORECASE)
_BRACKETED_OP = regex.compile(r"\[\s*\d{1,3}" + _SUFFIX + r"\.\s")
_BRACKETED_SUB = regex.compile(r"\[\s*\((?:[a-z]{1,3}|[ivxlc]+)\)\s")
_NO_STOP = regex.compile(r"(\d{1,3})" + _SUFFIX + r"[ \t]+[*_]{0,2}\p{Lu}\p{Ll}")
_NUMBER = regex.compile(r"\[?\s*(\d{1,3})")
_TREATY_CHAPEAU = regex.compile(r"[*_\s]*The\s+(?:(?:High\s+)?Contracting\s+|States\s+)?Parties\b", regex.IGNORECASE)
_US_CHAPEAU = regex.compile(r"[*_\s]*To\s|.*:[*_\s]*$", regex.IGNORECASE | regex.DOTALL)
_ENDS_MARK = regex.compile(r"[.;:,!?]\W*$")
_VERB_S = regex.compile(r"[*_]*\p{Lu}\p{Ll}+s[*_]*\s+\p{Ll}")  # "Requests the", "*Urges* all"
_RECITAL = regex.compile(  # the opening words of a recital in a text without a chapeau
    r"[*_]*(?:\p{Lu}\p{Ll}+ly\s+)?(?:\p{Lu}\p{Ll}+(?:ing|ed)|Mindful|Aware|Conscious|Cognizant|Cognisant|Desirous"
    r"|Convinced|Determined|Reaffirming|Recalling|Noting|Recognizing|Recognising)\b"
)


def chapeau_layout(body: str) -> str:
    """The layout a chapeau line announces."""
    if _TREATY_CHAPEAU.match(body):
        return "treaty"
    if _US_CHAPEAU.match(body.strip()):
        return "us-mun"
    return "un"


def implicit_start(text: str, blocks: list[Any]) -> int:
    """In a text with no chapeau, the index of the block that opens a resolution anyway: the
    first of a run of recitals (at least two of them ending with a comma, as recitals do)
    followed by at least two numbered paragraphs or by `The delegation of X hereby:`. -1 when there is no such run (a report, a
    web page)."""
    if any(b.kind == "CHAPEAU" for b in blocks):
        return -1
    i = 0
    while i < len(blocks):
        j = i
        commas = 0
        # a recital that opens with an operative verb (a slip ST114 reports) does not end the run
        while j < len(blocks) and blocks[j].kind in ("TEXT", "PREAMB") and (
                _RECITAL.match(text, blocks[j].start) or (j > i and _VERB_S.match(text, blocks[j].start))):
            commas += text[blocks[j].start:blocks[j].end].rstrip(" *_\t\n").endswith(",")
            j += 1
        if commas >= 2 and j < len(blocks) and _OPENER.fullmatch(text, blocks[j].start, blocks[j].end):
            return i  # recitals, then "The delegation of X hereby:"
        if commas >= 2:
            k = j
            while k < len(blocks) and blocks[k].kind in ("PARA_OP", "PARA_SUB", "PAGEBREAK", "FOOTNOTE", "ARTEFACT"):
                k += 1
            if sum(1 for b in blocks[j:k] if b.kind == "PARA_OP") >= 2:
                return i
        i = max(j, i + 1)
    return -1


class LayoutReader:
    """Reads the blocks of the resolutions of one text in order (after their shape is known)."""

    def __init__(self) -> None:
        self.chapeau: Any = None  # the CHAPEAU block of the resolution being read
        self.opened = False  # past "The delegation of X hereby:" / "Have agreed as follows:"
        self.last_number = 0  # the last operative number seen
        self.after_article = False

    def open(self, chapeau: Any, layout: str) -> None:
        """A new resolution starts at this chapeau block."""
        chapeau.layout = layout
        self.chapeau, self.opened, self.last_number, self.after_article = chapeau, False, 0, False

    def before_join(self, kind: str, body: str) -> str:
        """The block's kind in this layout, before a continuation is joined to the paragraph before."""
        if self.chapeau is None:
            return kind
        layout = self.chapeau.layout
        after_article, self.after_article = self.after_article, False
        if kind in ("TEXT", "HEADING", "PREAMB") and not self.opened and _OPENER.fullmatch(body):
            self.opened = True
            base, plus, extra = layout.partition("+")
            if base in ("un", "us-mun", "no-chapeau") and ("deleg" in body.lower() or "represent" in body.lower()):
                self._set("delegation" + plus + extra)
            return "OPENER"
        if kind in ("TEXT", "HEADING"):
            if layout.startswith("treaty") and _ARTICLE.fullmatch(body):
                self.after_article = True
                return "ARTICLE"
            if _OPTION.fullmatch(body):
                if "+options" not in layout:
                    self._set(layout + "+options")
                return "OPTION"
        if kind == "TEXT" and layout.startswith("treaty") and after_article and len(body) <= 80 \
                and not _ENDS_MARK.search(body):
            return "HEADING"  # the title under "Article 4": "Obligations of the Parties"
        if kind == "TEXT":
            if _BRACKETED_OP.match(body):
                kind = "PARA_OP"
            elif _BRACKETED_SUB.match(body):
                return "PARA_SUB"
            else:
                m = _NO_STOP.match(body)
                if m and int(m.group(1)) == self.last_number + 1:
                    kind = "PARA_OP"
        if kind == "PARA_OP":
            n = _NUMBER.match(body)
            if n:
                self.last_number = int(n.group(1))
        return kind

    def after_join(self, kind: str) -> str:
        """The kind of a block that did not join the one before: after `The delegation of X
        hereby:` every paragraph is an operative clause, numbered or not."""
        if self.chapeau is not None and self.opened and kind in ("TEXT", "PREAMB") \
                and self.chapeau.layout.startswith("delegation"):
            return "PARA_OP"
        return kind

    def _set(self, layout: str) -> None:
        self.chapeau.layout = layout
