"""What of a Markdown draft is prose, read by a real Markdown parser (markdown-it-py, CommonMark,
with tables and the front-matter plugin), so that rules lint prose only.

Not prose, never linted nor fixed: YAML front matter, fenced and indented code blocks, tables
(a draft's tables list terms, symbols and figures), link targets (`[text](target)`) and link
reference definitions. Quotations set as `> blockquote` are someone else's words: findings there
are at most information. HTML comments are handled by protect.py for every file.

markdown-it-py is imported on the first Markdown file that may hold such a block (`_has_blocks`):
plain-text drafts, Markdown drafts of headings, paragraphs, emphasis, lists and footnotes (most
drafts), and the commands that lint nothing never pay for it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from termlint.text.protect import positions

MARKDOWN_SUFFIXES = (".md", ".markdown")
# `](target)` and `](target "title")`; reference definitions `[label]: target` (not `[^1]:`, a footnote)
_LINK_TARGET = regex.compile(r"\]\(\s*<?[^)\s>]*>?(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\s*\)")
# The line scans below use the standard `re` with the line break spelled out (`\n...` searched, the
# first line matched apart): it then looks for the break's character, ~10x faster than a `^` tried
# at every character (a MULTILINE `^` in `regex`, or in `re`, on 7 MB of drafts: 0.09 s / 0.04 s).
_REFERENCE = re.compile(r" {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*\S.*")
_REFERENCE_AFTER_BREAK = re.compile(r"\n( {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*\S.*)")
# A line that may open a block the parser sets apart: after a prefix of what opens list items
# (spaces, tabs, markers), a `>` (a blockquote) or four columns of indentation (indented code; a
# tab counts as four). Broader than CommonMark on purpose: a line matched here only costs the parse.
_BLOCK_LINE = re.compile(r"[ \t\-+*0-9.)]*?(?:>|\t| {4})")
_BLOCK_LINE_AFTER_BREAK = re.compile(r"\n[ \t\-+*0-9.)]*?(?:>|\t| {4})")
# A table's delimiter row: `|`, `-` or `:` first, then only those, spaces and tabs (markdown-it's rule)
_DELIMITER_ROW = re.compile(r"[ \t]*[-:|][-:| \t]*$", re.MULTILINE)
_DELIMITER_ROW_AFTER_BREAK = re.compile(r"\n[ \t]*[-:|][-:| \t]*$", re.MULTILINE)
_HIDDEN_BLOCKS = frozenset({"front_matter", "fence", "code_block"})


@dataclass(frozen=True)
class MarkdownLayout:
    """Character spans of one Markdown text: `hidden` (not prose), `masked` (the block spans among
    them, blanked for the clause parser) and `quoted` (blockquotes)."""

    hidden: tuple[tuple[int, int], ...] = ()
    masked: tuple[tuple[int, int], ...] = ()
    quoted: tuple[tuple[int, int], ...] = ()


def is_markdown(path: str) -> bool:
    return path.lower().endswith(MARKDOWN_SUFFIXES)


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt  # first Markdown file only (see the module docstring)
    from mdit_py_plugins.front_matter import front_matter_plugin

    # block structure only: the inline pass (emphasis, links) is half the cost and not needed here
    return MarkdownIt("commonmark").enable("table").disable("inline").use(front_matter_plugin)


def layout(text: str) -> MarkdownLayout:
    """The spans of `text` that are not prose, and its quotations."""
    blocks = _has_blocks(text)
    if not blocks and "]:" not in text and "](" not in text:
        return MarkdownLayout()
    masked: list[tuple[int, int]] = []
    quoted: list[tuple[int, int]] = []
    if blocks:
        _read_blocks(text, masked, quoted)
    if "]:" in text:
        masked.extend(s for s in _references(text) if not _inside(s, sorted(masked)))
    masked.sort()
    # the target between "](" and ")": a finding on the brackets (a paragraph ending in a link has
    # no final mark) is about the prose
    inline = [(m.start() + 2, m.end() - 1) for m in _LINK_TARGET.finditer(text)] if "](" in text else []
    inline = [s for s in inline if not _inside(s, masked)]
    return MarkdownLayout(tuple(sorted(masked + inline)), tuple(masked), tuple(quoted))


def _read_blocks(text: str, masked: list[tuple[int, int]], quoted: list[tuple[int, int]]) -> None:
    """Add the line spans of the blocks markdown-it finds in `text`: hidden ones to `masked`,
    blockquotes to `quoted`."""
    starts = [0, *(i + 1 for i in positions(text, "\n"))]

    def span(lines: list[int]) -> tuple[int, int]:
        first, last = lines
        end = starts[last] - 1 if last < len(starts) else len(text)
        return starts[first], max(starts[first], end)

    for token in _parser().parse(text):
        if token.map is None or token.nesting == -1:
            continue
        if token.type in _HIDDEN_BLOCKS or token.type == "table_open":
            masked.append(span(token.map))
        elif token.type == "blockquote_open":
            quoted.append(span(token.map))


def _references(text: str) -> list[tuple[int, int]]:
    """The spans of the link reference definitions (`[label]: target`, not a `[^1]:` footnote)."""
    first = _REFERENCE.match(text)
    found = [first.span()] if first else []
    found.extend(m.span(1) for m in _REFERENCE_AFTER_BREAK.finditer(text))
    return found


def prose_text(text: str, path: str) -> tuple[str, MarkdownLayout]:
    """(the text the clause parser reads, the layout): for Markdown, its code, tables, front matter
    and reference definitions blanked (offsets kept); any other text as it is."""
    if not is_markdown(path):
        return text, MarkdownLayout()
    found = layout(text)
    return blank(text, found.masked), found


def _has_blocks(text: str) -> bool:
    """False when no line of `text` can open a block the parser sets apart (front matter, a fence,
    indented code, a table, a blockquote): its layout is then its reference definitions and link
    targets alone, found without the parse, which was most of the cost of a plain Markdown draft
    (headings, paragraphs, emphasis and lists make no such block). True whenever in doubt: a line
    break markdown-it reads that the scans here do not (`\r`), front matter, a fence, a line
    opening a blockquote or indented code, a table's delimiter row."""
    return ("\r" in text or text.startswith("---") or "```" in text or "~~~" in text
            or _BLOCK_LINE.match(text) is not None or _BLOCK_LINE_AFTER_BREAK.search(text) is not None
            or ("|" in text and (_DELIMITER_ROW.match(text) is not None
                                 or _DELIMITER_ROW_AFTER_BREAK.search(text) is not None)))


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    starts = [s for s, _ in spans]
    i = bisect.bisect_right(starts, span[0]) - 1
    return i >= 0 and spans[i][1] >= span[1]


def blank(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """`text` with each span's characters turned to spaces, line breaks kept: offsets unchanged."""
    if not spans:
        return text
    out: list[str] = []
    reached = 0
    for start, end in spans:
        out.append(text[reached:start])
        out.append(regex.sub(r"[^\n]", " ", text[start:end]))
        reached = end
    out.append(text[reached:])
    return "".join(out)
