"""What of a Markdown draft is prose, read by a real Markdown parser (markdown-it-py, CommonMark,
with tables and the front-matter plugin), so that rules lint prose only.

Not prose, never linted nor fixed: YAML front matter, fenced and indented code blocks, tables
(a draft's tables list terms, symbols and figures), link targets (`[text](target)`) and link
reference definitions. Quotations set as `> blockquote` are someone else's words: findings there
are at most information. HTML comments are handled by protect.py for every file.

markdown-it-py is imported on the first Markdown file: plain-text drafts and the commands that
lint nothing never pay for it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from termlint.text.protect import positions

MARKDOWN_SUFFIXES = (".md", ".markdown")
# `](target)` and `](target "title")`; reference definitions `[label]: target` (not `[^1]:`, a footnote)
_LINK_TARGET = regex.compile(r"\]\(\s*<?[^)\s>]*>?(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\s*\)")
_REFERENCE = regex.compile(r"^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*\S.*$", regex.MULTILINE)
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
    if not _may_hold_markdown(text):
        return MarkdownLayout()
    starts = [0, *(i + 1 for i in positions(text, "\n"))]

    def span(lines: list[int]) -> tuple[int, int]:
        first, last = lines
        end = starts[last] - 1 if last < len(starts) else len(text)
        return starts[first], max(starts[first], end)

    masked: list[tuple[int, int]] = []
    quoted: list[tuple[int, int]] = []
    for token in _parser().parse(text):
        if token.map is None or token.nesting == -1:
            continue
        if token.type in _HIDDEN_BLOCKS or token.type == "table_open":
            masked.append(span(token.map))
        elif token.type == "blockquote_open":
            quoted.append(span(token.map))
    masked.extend(s for s in (m.span() for m in _REFERENCE.finditer(text)) if not _inside(s, sorted(masked)))
    masked.sort()
    # the target between "](" and ")": a finding on the brackets (a paragraph ending in a link has
    # no final mark) is about the prose
    inline = [(m.start() + 2, m.end() - 1) for m in _LINK_TARGET.finditer(text)] if "](" in text else []
    inline = [s for s in inline if not _inside(s, masked)]
    return MarkdownLayout(tuple(sorted(masked + inline)), tuple(masked), tuple(quoted))


def prose_text(text: str, path: str) -> tuple[str, MarkdownLayout]:
    """(the text the clause parser reads, the layout): for Markdown, its code, tables, front matter
    and reference definitions blanked (offsets kept); any other text as it is."""
    if not is_markdown(path):
        return text, MarkdownLayout()
    found = layout(text)
    return blank(text, found.masked), found


def _may_hold_markdown(text: str) -> bool:
    """False for a text with none of the marks that open a block we set apart: no parse needed."""
    return any(mark in text for mark in ("```", "~~~", "    ", "\t", "|", ">", "---", "](", "]:"))


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
