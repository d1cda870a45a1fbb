"""Text -> clause tree. The only module that imports Lark.

Three steps: cut the text into blocks (`_blocks`), set aside the artefacts of PDF/Word
conversion and join split paragraphs (`_prepare`), then let the LALR grammar in
grammar/resolution.lark place the remaining blocks (`_place`) and build termlint's own
`Clause` tree from the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import regex

from termlint.resources import read_grammar
from termlint.tree import Clause, Segment

if TYPE_CHECKING:
    from lark import Lark


@dataclass
class Block:
    kind: str  # a grammar terminal, or one of the set-aside kinds: PAGEBREAK, FOOTNOTE, ARTEFACT
    start: int
    end: int
    segments: list[Segment]


@dataclass(frozen=True)
class ParseProblem:
    """A block the grammar could not place (becomes finding ST000)."""

    start: int
    end: int
    message: str


_BLOCK_START = regex.compile(  # lines that open a new block even without a blank line before
    r"^[ \t]*(?:\d{1,3}(?:\s?(?:bis|ter|quater))?\.\s|\((?:[a-z]{1,3}|[ivxlc]+)\)\s|<sup>\w+</sup>"
    r"|\[\^[^\]\s]+\]:|#{1,6}\s|-{3,}[ \t]*$|\f|\d{1,2}\s+\p{Lu}\p{Ll}+\s+\d{4}[ \t]*$)"
)

# Block shapes, tried in order. Header fields only count before the first chapeau.
_CHAPEAU = regex.compile(
    r"\**\s*The\s+(?:General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council"
    r"|Human\s+Rights\s+Council|Commission\s+on\s+[\w ]+|Conference\s+of\s+the\s+Parties[\w ]*"
    r"|Trusteeship\s+Council|[\w-]+\s+Committee)\s*\**\s*,?\s*\**\s*(?:\[\^\w+\]|<sup>\w+</sup>)?\s*",
    regex.IGNORECASE,
)
_SHAPES: tuple[tuple[str, Any], ...] = (
    ("PAGEBREAK", regex.compile(r"(?:-{3,}|\f|_{3,}|\*\s\*\s\*)\s*")),
    ("FOOTNOTE", regex.compile(r"(?:<sup>\w+</sup>|\[\^[^\]\s]+\]:|\\?\*\s)\s*\S.*", regex.DOTALL)),
    ("ARTEFACT", regex.compile(  # running heads and job numbers left by a PDF conversion
        r"\d{2}-\d{5}\s*(?:\([A-Z]\))?.*|\d{1,3}/\d{1,3}|Page\s+\d+(?:\s+of\s+\d+)?", regex.DOTALL)),
    ("PARA_OP", regex.compile(r"\d{1,3}(?:\s?(?:bis|ter|quater))?\.\s.*", regex.DOTALL)),
    ("PARA_SUB", regex.compile(r"\((?:[a-z]{1,3}|[ivxlc]+)\)\s.*", regex.DOTALL)),
    ("SPONSORS", regex.compile(r".*:\s*(?:revised\s+)?draft\s+(?:resolution|decision|declaration)\W*", regex.I | regex.DOTALL)),
    ("REPORT", regex.compile(r"\[\s*(?:on\s+the\s+report|without\s+reference)\b.*\]\s*", regex.DOTALL)),
    ("CLOSING", regex.compile(r"(?:\d+|\.{3}|…)(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\W*", regex.I)),
    ("HEADING", regex.compile(r"#{1,6}\s.*", regex.DOTALL)),
    ("CHAPEAU", _CHAPEAU),
    ("SYMBOL", regex.compile(r"(?:United Nations\s+)?[A-Z]{1,6}(?:/[\w.-]+){2,}(?:\s*\(\d{4}\))?\s*")),
    ("DISTR", regex.compile(r"Distr\.?:?\s.*|Original:\s.*", regex.DOTALL)),
    ("DATE", regex.compile(r"(?:\d{1,2}|\.{3}|…)\s+[A-Z][a-z]+\s+\d{4}\s*")),
    ("SESSION", regex.compile(r"(?:[\w-]+\s+)?(?:special\s+|emergency\s+special\s+|regular\s+)?session\s*", regex.I)),
    ("AGENDA", regex.compile(r"(?:Provisional\s+)?(?:agenda\s+)?items?\s+\d+.*", regex.I | regex.DOTALL)),
    ("PREAMB", regex.compile(r"\*[^*\s][^*]*\*.*", regex.DOTALL)),
)
_SHAPE_OF = dict(_SHAPES)
_FRONT_ONLY = frozenset({"SYMBOL", "DISTR", "SESSION", "AGENDA", "SPONSORS", "REPORT"})
_ENDS_CLAUSE = regex.compile(r"[.;:,!?]\W*$|[.;:,]\s*(?:\[\^\w+\]|<sup>\w+</sup>)\s*$")
_STARTS_LOWER = regex.compile(r"^[\p{Ll}\d(]")
_STRUCTURAL = frozenset({"TEXT", "PREAMB", "PARA_OP", "PARA_SUB"})


def _blocks(text: str) -> list[Block]:
    """Cut the text into blocks: runs of non-blank lines, a new one at each line that opens a block."""
    blocks: list[Block] = []
    start = end = -1
    pos = 0
    for line in text.split("\n"):
        line_end = pos + len(line)
        stripped = line.strip()
        if not stripped or _BLOCK_START.match(line):
            if start >= 0:
                blocks.append(Block("", start, end, [Segment(start, end)]))
            start = -1
        if stripped:
            lstart = pos + (len(line) - len(line.lstrip()))
            if start < 0:
                start = lstart
            end = pos + len(line.rstrip())
            if _BLOCK_START.match(line) and regex.match(r"[ \t]*(?:-{3,}|\f)", line):
                blocks.append(Block("", start, end, [Segment(start, end)]))
                start = -1
        pos = line_end + 1
    if start >= 0:
        blocks.append(Block("", start, end, [Segment(start, end)]))
    return blocks


_MARKUP = regex.compile(r"^#{1,6}\s+|\*+|_+")
_FIELD_SHAPES = ("SYMBOL", "DISTR", "DATE", "SESSION", "AGENDA")


def _shape(block_text: str) -> str:
    flat = block_text.replace("\n", " ")
    if len(flat) < 200:
        for kind, pattern in _SHAPES:
            if pattern.fullmatch(flat):
                return kind
            if kind == "HEADING" and flat.startswith("#"):
                bare = _MARKUP.sub("", flat).strip()
                return next((k for k in _FIELD_SHAPES if _SHAPE_OF[k].fullmatch(bare)), "HEADING")
        return "TEXT"
    for kind in ("FOOTNOTE", "PARA_OP", "PARA_SUB", "PREAMB", "HEADING"):
        if _SHAPE_OF[kind].fullmatch(flat):
            return kind
    return "TEXT"


def _prepare(text: str) -> tuple[list[Block], list[Block]]:
    """Shape each block; join split paragraphs; return (blocks for the grammar, set-aside blocks)."""
    placed: list[Block] = []
    aside: list[Block] = []
    seen_chapeau = False
    for block in _blocks(text):
        body = text[block.start:block.end]
        block.kind = _shape(body)
        if block.kind == "CHAPEAU":
            seen_chapeau = True
        elif seen_chapeau and block.kind in _FRONT_ONLY:
            block.kind = "TEXT"
        if block.kind in ("PAGEBREAK", "FOOTNOTE", "ARTEFACT"):
            aside.append(block)
            continue
        previous = placed[-1] if placed else None
        if (
            previous is not None
            and block.kind == "TEXT"
            and previous.kind in _STRUCTURAL
            and _STARTS_LOWER.match(body)
            and not _ENDS_CLAUSE.search(text[previous.start:previous.end])
        ):
            # A paragraph that a page break (or a lost one) split in two: one clause again.
            previous.segments.append(Segment(block.start, block.end))
            previous.end = block.end
            continue
        placed.append(block)
    return placed, aside


@lru_cache(maxsize=1)
def _parser() -> Lark:
    from lark import Lark
    from lark.lexer import Lexer, Token

    class BlockLexer(Lexer):
        """Feeds the grammar one token per block; the token's value is the block's index."""

        def __init__(self, lexer_conf: Any) -> None:
            pass

        def lex(self, data: Any, *_: Any) -> Any:  # data: the list of blocks
            for index, block in enumerate(data):
                yield Token(block.kind, str(index))

    return Lark(read_grammar("resolution.lark"), parser="lalr", lexer=BlockLexer)


def parse(text: str) -> tuple[Clause, list[ParseProblem]]:
    """Parse a text into a clause tree. Never raises on any input."""
    placed, aside = _prepare(text)
    problems: list[ParseProblem] = []

    def skip(error: Any) -> bool:
        token = getattr(error, "token", None)
        if token is not None and token.type != "$END":
            block = placed[int(token)]
            problems.append(ParseProblem(block.start, block.end,
                                         f"this block ({_describe(block.kind)}) does not fit the structure of a resolution here"))
        return True

    from termlint.build import build_tree

    try:
        shape = _plain(_parser().parse(placed, on_error=skip), placed)  # type: ignore[arg-type]
    except Exception as exc:  # the grammar gave up: fall back to plain paragraphs
        problems.append(ParseProblem(0, 0, f"could not parse the clause structure ({type(exc).__name__})"))
        shape = Node("start", [Node("front", list(placed))])
    return build_tree(text, shape, aside), problems


@dataclass
class Node:
    """A grammar rule's match, with Lark's types taken out: its rule name and its parts."""

    rule: str
    parts: list[Any]  # Node or Block


def _plain(tree: Any, placed: list[Block]) -> Node:
    parts: list[Any] = []
    for child in tree.children:
        if hasattr(child, "data"):
            parts.append(_plain(child, placed))
        else:
            parts.append(placed[int(child)])
    return Node(str(tree.data), parts)


def _describe(kind: str) -> str:
    return {
        "PARA_OP": "a numbered paragraph", "PARA_SUB": "a sub-paragraph", "CHAPEAU": "a chapeau",
        "PREAMB": "a recital", "CLOSING": "a closing line", "HEADING": "a heading",
    }.get(kind, "a paragraph")
