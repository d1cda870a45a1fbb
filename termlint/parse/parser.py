"""Text -> clause tree.

Three steps: cut the text into blocks (`_blocks`), set aside the artefacts of PDF/Word
conversion and join split paragraphs (`_prepare`), then let the LALR grammar in
grammar/resolution.lark place the remaining blocks (its tables run by parse/lalr.py, which
takes them from Lark) and build termlint's own `Clause` tree from the result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from termlint.parse.build import build_tree
from termlint.parse.lalr import Node, Tables, tables
from termlint.parse.layouts import LayoutReader, chapeau_layout, implicit_start
from termlint.parse.tree import Clause, Segment


@dataclass
class Block:
    """One block of the text as the pre-lexer cut it, before the grammar reads the blocks."""
    kind: str  # a grammar terminal, or one of the set-aside kinds: PAGEBREAK, FOOTNOTE, ARTEFACT
    start: int
    end: int
    segments: list[Segment]
    layout: str = ""  # on a CHAPEAU block: the layout of the resolution it opens (see layouts.py)


@dataclass(frozen=True)
class ParseProblem:
    """A block the grammar could not place (becomes finding ST000)."""

    start: int
    end: int
    message: str


_BLOCK_START = regex.compile(  # lines that open a new block even without a blank line before
    r"^[ \t]*(?:\[?\d{1,3}(?:\s?(?:bis|ter|quater|quinquies|sexies))?\.\s|\[?\((?:[a-z]{1,3}|[ivxlc]+)\)(?:\s?(?:bis|ter|quater))?\s"
    r"|(?:[a-km-np-z]|[ivx]{2,4})[.)]\s|[-•–]\s|<sup>\w+</sup>"
    r"|\[\^[^\]\s]+\]:|#{1,6}\s|-{3,}[ \t]*$|\f|\d{1,2}\s+\p{Lu}\p{Ll}+\s+\d{4}[ \t]*$)"
)

# Block shapes, tried in order. Header fields only count before the first chapeau.
_CHAPEAU = regex.compile(
    r"\**\s*(?:To\s+)?The\s+(?:General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council"
    r"|Human\s+Rights\s+Council|Commission\s+on\s+[\w ]+|Conference\s+of\s+the\s+Parties[\w ]*"
    r"|Trusteeship\s+Council|[\w-]+\s+Committee|(?:High\s+)?Contracting\s+Parties|States\s+Parties"
    r"(?:\s+to\s+(?:this|the\s+present)\s+(?:Agreement|Convention|Protocol|Treaty))?"
    r"|Parties\s+to\s+(?:this|the\s+present)\s+(?:Agreement|Convention|Protocol|Treaty))"
    r"\s*\**\s*,?\s*\**\s*(?:\[\^\w+\]|<sup>\w+</sup>)?\s*"
    # a colon or semicolon only after a closed name: "The Commission on ... recommends ...:" is no chapeau
    r"|\**\s*(?:To\s+)?The\s+(?:General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council"
    r"|Human\s+Rights\s+Council|[\w-]+\s+Committee)\s*\**\s*[:;]\s*\**\s*"
    # any other body a Model UN committee simulates, named in capitals and closed by its mark:
    # "The United Nations Environment Assembly,", "The Special Political and Decolonization Committee:"
    r"|\**\s*(?:To\s+)?(?-i:The\s+(?:\p{Lu}[\w’'-]*\s+(?:(?:and|of|on|for|the)\s+){0,2}){1,6}"
    r"(?:Assembly|Council|Conference|Board|Commission|Committee|Forum|Summit))\s*\**\s*[,:;]\s*\**\s*",
    regex.IGNORECASE,
)
_SHAPES: tuple[tuple[str, Any], ...] = (
    ("PAGEBREAK", regex.compile(r"(?:-{3,}|\f|_{3,}|\*\s\*\s\*)\s*")),
    ("FOOTNOTE", regex.compile(r"(?:<sup>\w+</sup>|\[\^[^\]\s]+\]:|\\?\*\s)\s*\S.*", regex.DOTALL)),
    ("ARTEFACT", regex.compile(  # running heads and job numbers left by a PDF conversion
        r"\d{2}-\d{5}\s*(?:\([A-Z]\))?.*|\d{1,3}/\d{1,3}|Page\s+\d+(?:\s+of\s+\d+)?", regex.DOTALL)),
    ("PARA_OP", regex.compile(r"\d{1,3}(?:\s?(?:bis|ter|quater|quinquies|sexies))?\.\s.*", regex.DOTALL)),
    ("PARA_SUB", regex.compile(r"(?:\((?:[a-z]{1,3}|[ivxlc]+)\)(?:\s?(?:bis|ter|quater))?|(?:[a-km-np-z]|[ivx]{2,4})[.)]|[-•–])\s.*",
                               regex.DOTALL)),
    ("SPONSORS", regex.compile(r".*:\s*(?:revised\s+)?draft\s+(?:resolution|decision|declaration)\W*", regex.I | regex.DOTALL)),
    # the cover lines of a Model UN draft: "Committee: ...", "Topic: ...", "Signatories: ..."
    ("COVER", regex.compile(r"(?:Committee|Council|Organ|Forum|Topic|Question\s+of|Co-?sponsors?|Sponsors?|Signatories"
                            r"|Signatory|Main\s+Submitters?|Submitted\s+(?:by|to)|Delegations?|Delegates?|School"
                            r"|Country|Code)\s*:\s.*", regex.I | regex.DOTALL)),
    ("REPORT", regex.compile(r"\[\s*(?:on\s+the\s+report|without\s+reference)\b.*\]\s*", regex.DOTALL)),
    ("CLOSING", regex.compile(r"(?:\d+|\.{3}|…)(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?(?:plenary\s+)?meeting\W*"
                              r"|Adopted\s+(?:unanimously\s+)?at\s+the\s+\d+(?:st|nd|rd|th)\s+meeting\b.*", regex.I | regex.DOTALL)),
    ("HEADING", regex.compile(r"#{1,6}\s.*|[A-Z]|[IVXLC]+\.?|\*\*[^*\n]+\*\*", regex.DOTALL)),
    ("CHAPEAU", _CHAPEAU),
    ("SYMBOL", regex.compile(r"(?:United Nations\s+)?[A-Z]{1,6}(?:/[\w.-]+){2,}(?:\s*\(\d{4}\))?\s*")),
    ("DISTR", regex.compile(r"Distr\.?:?\s.*|Original:\s.*", regex.DOTALL)),
    ("DATE", regex.compile(r"(?:\d{1,2}|\.{3}|…)\s+[A-Z][a-z]+\s+\d{4}\s*")),
    ("SESSION", regex.compile(r"(?:[\w-]+\s+)?(?:special\s+|emergency\s+special\s+|regular\s+)?session\s*", regex.I)),
    ("AGENDA", regex.compile(r"(?:Provisional\s+)?(?:agenda\s+)?items?\s+\d+.*", regex.I | regex.DOTALL)),
    ("PREAMB", regex.compile(r"\*[^*\s][^*]*\*.*", regex.DOTALL)),
)
_SHAPE_OF = dict(_SHAPES)
_FRONT_ONLY = frozenset({"SYMBOL", "DISTR", "SESSION", "AGENDA", "SPONSORS", "REPORT", "COVER"})
_ENDS_CLAUSE = regex.compile(r"[.;:,!?*]\W*$|[.;:,]\s*(?:\[\^\w+\]|<sup>\w+</sup>)\s*$")
_STARTS_LOWER = regex.compile(r"^\p{Ll}")
_STARTS_NUMBER = regex.compile(r"^[\d(]")
_ENDS_SENTENCE = regex.compile(r"[.;:!?]\W*$|[.;:!?]\s*(?:\[\^\w+\]|<sup>\w+</sup>)\s*$")  # "guidelines.[^30]"
_STRUCTURAL = frozenset({"TEXT", "PREAMB", "PARA_OP", "PARA_SUB"})


# A line of HTML comments only: termlint's directives are written on the line above a paragraph
# (`<!-- termlint: disable-next-line=PU001 -->`); such a line is no part of the paragraph below.
_COMMENTS = r"<!--(?:(?!-->).)*-->(?:[ \t]*<!--(?:(?!-->).)*-->)*"
_COMMENT_LINE = regex.compile(rf"[ \t]*{_COMMENTS}[ \t]*")
_STANDALONE = regex.compile(  # lines that are a block by themselves even inside a run of lines
    rf"[ \t]*(?:{_COMMENTS}|-{{3,}}|\f|(?:To\s+)?The\s+(?:General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council)\s*[,:;]"
    r"|\d+(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting|\d{1,2}\s+\p{Lu}\p{Ll}+\s+\d{4})[ \t]*$"
)
# In hard-wrapped plain text a recital may follow the previous one on the next line:
# "Determined to secure full compliance with its decisions,\nActing under Chapter VII ...".
_RECITAL_START = regex.compile(
    r"[ \t]*(?:\p{Lu}\p{Ll}+ly\s+\p{Ll}+|\p{Lu}\p{Ll}+(?:ing|ed)|Mindful|Aware|Conscious|Cognizant|Cognisant"
    r"|Desirous|Anxious|Resolved|Convinced|Determined)\s+\p{Ll}"
)
_UNWRAPPED = 200  # a line this long means the text is not hard-wrapped: each line is a paragraph


# The first characters (after spaces and tabs) a line can open with when _STANDALONE or
# _BLOCK_START matches it. A line opening with another ASCII character (most lines: a letter,
# "*") is neither, which saves two regex calls per line; other characters go to the regexes.
_OPENERS = frozenset("-\fT0123456789(<[#")
# A run of non-blank lines, from its first non-space character to its last. Stdlib `re`: its
# \s is exactly what str.strip() removes, so "blank" means here what it means to the line loop.
_RUN = re.compile(r"\S(?:[^\n]*\S)?(?:[^\S\n]*\n[^\S\n]*\S(?:[^\n]*\S)?)*")


def _blocks(text: str) -> list[Block]:
    """Cut the text into blocks of lines: at blank lines, and at lines that open a block.

    A run of non-blank lines that is a single line (each paragraph of a Markdown draft) is a
    block by itself; only runs of several lines are cut line by line."""
    blocks: list[Block] = []
    for run in _RUN.finditer(text):
        start, end = run.span()
        if text.find("\n", start, end) < 0:
            blocks.append(Block("", start, end, [Segment(start, end)]))
        else:  # the run's whole lines, spaces included, as the line patterns expect them
            stop = text.find("\n", end)
            _cut(text, text.rfind("\n", 0, start) + 1, len(text) if stop < 0 else stop, blocks)
    return blocks


def _cut(text: str, pos: int, stop: int, blocks: list[Block]) -> None:
    """Cut the lines of text[pos:stop], none of them blank, into blocks (appended to `blocks`)."""
    first = -1  # start of the current block's first stripped line (-1: no block open)
    last = 0  # end of its last stripped line
    previous = ""
    for line in text[pos:stop].split("\n"):
        lstripped = line.lstrip()
        stripped = lstripped.rstrip()
        indent = len(line) - len(lstripped)
        opener = lstripped[0] if not indent or not line[:indent].strip(" \t") else "\f"
        standalone = opener in _OPENERS or not opener.isascii()
        if standalone:  # a candidate: the regexes decide
            standalone = bool(_STANDALONE.match(line))
            opens = standalone or bool(_BLOCK_START.match(line))
        else:  # "a. ", "a) ", "ii) " open a sub-paragraph; other lower-case lines continue one
            head = lstripped[1:5]
            opens = opener.islower() and ("." in head or ")" in head) and bool(_BLOCK_START.match(line))
        if first >= 0 and (opens or (previous.endswith(",") and _RECITAL_START.match(line))
                           or len(stripped) > _UNWRAPPED or len(previous) > _UNWRAPPED):
            blocks.append(Block("", first, last, [Segment(first, last)]))
            first = -1
        start = pos + indent
        last = start + len(stripped)
        if first < 0:
            first = start
        if standalone:
            blocks.append(Block("", first, last, [Segment(first, last)]))
            first = -1
        previous = stripped
        pos += len(line) + 1
    if first >= 0:
        blocks.append(Block("", first, last, [Segment(first, last)]))


_MARKUP = regex.compile(r"^#{1,6}\s+|\*+|_+")
_FIELD_SHAPES = ("SYMBOL", "DISTR", "DATE", "SESSION", "AGENDA")


_DIGITS = "0123456789"
_SPACE = " \t\n\r\f\v"
# The ASCII characters each shape's pattern can start with (None: any). A block opening with
# another ASCII character cannot have that shape: its pattern is not tried. A block opening
# with a character outside ASCII tries every pattern.
_FIRST: dict[str, frozenset[str] | None] = {
    "PAGEBREAK": frozenset("-\f_*"),
    "FOOTNOTE": frozenset("<[\\*"),
    "ARTEFACT": frozenset(_DIGITS + "P"),
    "PARA_OP": frozenset(_DIGITS),
    "PARA_SUB": frozenset("(-abcdefghijklmnopqrstuvwxyz"),
    "SPONSORS": None,
    "REPORT": frozenset("["),
    "COVER": frozenset("CcOoFfTtQqSsMmDd"),
    "CLOSING": frozenset(_DIGITS + ".Aa"),
    "HEADING": frozenset("#*ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "CHAPEAU": frozenset("*Tt" + _SPACE),
    "SYMBOL": frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "DISTR": frozenset("DO"),
    "DATE": frozenset(_DIGITS + "."),
    "SESSION": frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-" + _DIGITS),
    "AGENDA": frozenset("PpAaIi"),
    "PREAMB": frozenset("*"),
}
_SHORT = tuple((kind, pattern, _FIRST[kind]) for kind, pattern in _SHAPES)
_LONG = tuple((kind, _SHAPE_OF[kind], _FIRST[kind]) for kind in ("FOOTNOTE", "PARA_OP", "PARA_SUB", "PREAMB", "HEADING"))


def _by_opener(shapes: tuple[tuple[str, Any, frozenset[str] | None], ...]) -> dict[str, tuple[tuple[str, Any], ...]]:
    """For each ASCII character, the shapes (in order) a block opening with it may have."""
    return {chr(c): tuple((kind, pattern) for kind, pattern, first in shapes if first is None or chr(c) in first)
            for c in range(128)}


_SHORT_BY_OPENER = _by_opener(_SHORT)
_LONG_BY_OPENER = _by_opener(_LONG)
_ALL_SHORT = tuple((kind, pattern) for kind, pattern, _ in _SHORT)
_ALL_LONG = tuple((kind, pattern) for kind, pattern, _ in _LONG)


def _shape(block_text: str) -> str:
    flat = block_text.replace("\n", " ")
    opener = flat[:1]
    if len(flat) < 200:
        for kind, pattern in _SHORT_BY_OPENER.get(opener, _ALL_SHORT):
            if kind == "SPONSORS" and ":" not in flat:
                continue
            if pattern.fullmatch(flat):
                return kind
            if kind == "HEADING" and opener == "#":
                bare = _MARKUP.sub("", flat).strip()
                return next((k for k in _FIELD_SHAPES if _SHAPE_OF[k].fullmatch(bare)), "HEADING")
        return "TEXT"
    for kind, pattern in _LONG_BY_OPENER.get(opener, _ALL_LONG):
        if pattern.fullmatch(flat):
            return kind
    return "TEXT"


def _prepare(text: str) -> tuple[list[Block], list[Block]]:
    """Shape each block; read the layout; join split paragraphs; return (blocks for the grammar,
    set-aside blocks)."""
    placed: list[Block] = []
    aside: list[Block] = []
    seen_chapeau = False
    blocks = _blocks(text)
    for block in blocks:
        block.kind = _shape(text[block.start:block.end])
    implicit = implicit_start(text, blocks)
    reader = LayoutReader()
    for index, block in enumerate(blocks):
        body = text[block.start:block.end]
        if body.startswith("<!--") and _COMMENT_LINE.fullmatch(body):
            continue  # directives and notes to the drafters: not part of the resolution's structure
        if index == implicit:  # recitals then operative paragraphs with no chapeau: an empty one
            chapeau = Block("CHAPEAU", block.start, block.start, [Segment(block.start, block.start)])
            reader.open(chapeau, "no-chapeau")
            placed.append(chapeau)
            seen_chapeau = True
        if block.kind == "CHAPEAU":
            seen_chapeau = True
            reader.open(block, chapeau_layout(body))
        elif seen_chapeau and block.kind in _FRONT_ONLY:
            block.kind = "TEXT"
        if block.kind in ("PAGEBREAK", "FOOTNOTE", "ARTEFACT"):
            aside.append(block)
            continue
        block.kind = reader.before_join(block.kind, body)
        previous = placed[-1] if placed else None
        if (
            previous is not None
            and block.kind == "TEXT"
            and previous.kind in _STRUCTURAL
            and (_STARTS_LOWER.match(body) or (
                _STARTS_NUMBER.match(body) and not _ENDS_SENTENCE.search(text[previous.start:previous.end])) or (
                seen_chapeau and _continues(body) and not _ENDS_CLAUSE.search(text[previous.start:previous.end])))
        ):
            # A paragraph that a page break (or a lost one) split in two: one clause again.
            previous.segments.append(Segment(block.start, block.end))
            previous.end = block.end
            continue
        block.kind = reader.after_join(block.kind)
        placed.append(block)
    return placed, aside


def _continues(body: str) -> bool:
    """Inside a resolution, a capitalised block that cannot open a clause continues the one before
    ("... by the Co-Chairmen of the Steering" / "Committee of the International Conference ...")."""
    return not body.startswith(("*", "#", "[")) and not _RECITAL_START.match(body)


@lru_cache(maxsize=1)
def _tables() -> Tables:
    return tables()


def parse(text: str) -> tuple[Clause, list[ParseProblem]]:
    """Parse a text into a clause tree. Never raises on any input."""
    placed, aside = _prepare(text)
    problems: list[ParseProblem] = []

    def skip(i: int) -> None:
        block = placed[i]
        problems.append(ParseProblem(block.start, block.end,
                                     f"this block ({_describe(block.kind)}) does not fit the structure of a resolution here"))

    try:
        shape = _tables().parse([(block.kind, block) for block in placed], skip)
    except Exception as exc:  # the grammar gave up: fall back to plain paragraphs
        problems.append(ParseProblem(0, 0, f"could not parse the clause structure ({type(exc).__name__})"))
        shape = Node("start", [Node("front", list(placed))])
    return build_tree(text, shape, aside), problems


def _describe(kind: str) -> str:
    return {
        "PARA_OP": "a numbered paragraph", "PARA_SUB": "a sub-paragraph", "CHAPEAU": "a chapeau",
        "PREAMB": "a recital", "CLOSING": "a closing line", "HEADING": "a heading",
    }.get(kind, "a paragraph")
