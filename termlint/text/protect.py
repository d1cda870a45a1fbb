"""Spans of a text that rules must treat with care.

- quotations (straight or curly double quotes, within one paragraph): a term quoted is
  mentioned, not used;
- HTML comments (`<!-- ... -->`): never linted; they hold termlint's own directives;
- Markdown inline code and URLs: not prose.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import regex

_QUOTED = regex.compile(r"“[^”\n]{0,2000}”|\"[^\"\n]{0,2000}\"|‘[^’\n]{1,400}’(?!\w)")
_COMMENT = regex.compile(r"<!--.*?(?:-->|\Z)", regex.DOTALL)
_CODE = regex.compile(r"`[^`\n]+`|\bhttps?://\S+|\bwww\.\S+")
# Markup and placeholders of drafts typed outside the UN pipeline: HTML tags other than the
# footnote markers' <sup>/<sub> (`<span style="color:red">`), kramdown attribute lists (`{:toc}`,
# `{: .note}`), and a negotiation text's placeholders (`[X]`, `[xx]`, `[...]`, `###` in a line).
_MARKUP = regex.compile(
    r"</?(?!su[pb]>)[A-Za-z][A-Za-z0-9]{0,9}(?:\s[^<>\n]{0,300})?/?>"
    r"|\{:[^{}\n]{0,200}\}"
    r"|\[(?:[Xx]{1,4}|\.{2,3}|…|_+|#+)\]"
    r"|(?<=\S[ \t]{0,3})#{3,}(?!#)"
)


@dataclass(frozen=True)
class SpanSet:
    """Sorted, non-overlapping (start, end) spans with fast membership tests. The offsets are
    kept as machine integers (8 bytes each, not an int object and a pointer: a large file's
    sets of clauses and quotations hold hundreds of thousands)."""

    starts: Sequence[int]
    ends: Sequence[int]

    @classmethod
    def of(cls, spans: list[tuple[int, int]]) -> SpanSet:
        starts, ends = array("q"), array("q")
        for start, end in sorted(spans):
            if ends and start <= ends[-1]:
                if end > ends[-1]:
                    ends[-1] = end
            else:
                starts.append(start)
                ends.append(end)
        return cls(starts, ends)

    def covering(self, start: int, end: int) -> tuple[int, int] | None:
        """The span that contains [start, end), if any."""
        i = bisect.bisect_right(self.starts, start) - 1
        if i >= 0 and self.ends[i] >= end:
            return self.starts[i], self.ends[i]
        return None

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.ends[i] > start

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(zip(self.starts, self.ends))


def positions(text: str, chars: str) -> list[int]:
    """Every offset of any of `chars` in the text, in order. A str.find for one character runs
    at memory speed, many times faster than a regex scan of the whole text."""
    found: list[int] = []
    for ch in chars:
        i = text.find(ch)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1)
    found.sort()
    return found


def matches_at(pattern: Any, text: str, starts: Iterable[int]) -> list[Any]:
    """pattern.finditer(text), for a pattern that matches only at `starts` (sorted) and never
    matches the empty string: tried at those offsets alone, the way finditer goes on after a match."""
    found = []
    reached = 0
    for i in starts:
        if i >= reached:
            m = pattern.match(text, i)
            if m is not None:
                found.append(m)
                reached = m.end()
    return found


def _link_starts(text: str) -> list[int]:
    """Where _CODE may match: each backquote, and the "http"/"https" or "www." of a link."""
    starts = positions(text, "`")
    i = text.find("://")
    while i >= 0:
        for scheme in ("https", "http"):
            if i >= len(scheme) and text.startswith(scheme, i - len(scheme)):
                starts.append(i - len(scheme))
        i = text.find("://", i + 1)
    i = text.find("www.")
    while i >= 0:
        starts.append(i)
        i = text.find("www.", i + 1)
    starts.sort()
    return starts


# The Latin suffixes of paragraph labels added in negotiation: "9bis", "5 ter", "(a)ter", "7 quater".
LABEL_SUFFIX = re.compile(r"(?<=[0-9)])[ \t]?(?:bis|ter|quater|quinquies|sexies|septies|octies)\b")
# The same with the figure or bracket before it matched, not looked behind for: the engine then
# skips to the next figure or bracket instead of trying every position (twice as fast).
_AFTER_LABEL = re.compile(r"[0-9)][ \t]?(?:bis|ter|quater|quinquies|sexies|septies|octies)\b")


def _label_suffixes(text: str) -> list[tuple[int, int]]:
    """The spans of LABEL_SUFFIX.finditer(text). A match ends with a letter, so the next cannot
    start right after it (it needs a figure or bracket before it): matching that character in
    place of the lookbehind finds the same suffixes, one character earlier."""
    return [(m.start() + 1, m.end()) for m in _AFTER_LABEL.finditer(text)]


def _markup_starts(text: str) -> list[int]:
    """Where _MARKUP may match: a "<" before a letter or "/", "{:", a "[" before a placeholder, "###"."""
    starts = [i for i in positions(text, "<{[") if text[i + 1:i + 2].isalpha() or text[i + 1:i + 2] in "/:.…_#"]
    i = text.find("###")
    while i >= 0:
        starts.append(i)
        i = text.find("###", i + 3)
        while 0 <= i and text[i - 1] == "#":
            i = text.find("###", i + 1)
    return sorted(set(starts))


@dataclass(frozen=True)
class ProtectedSpans:
    """The spans no wording rule reads: quotations, comments and code."""
    quotes: SpanSet
    comments: SpanSet
    code: SpanSet

    @classmethod
    def of(cls, text: str) -> ProtectedSpans:
        # Each pattern is tried only where its first character (or a link's "://") occurs.
        comments = [i for i in positions(text, "<") if text.startswith("<!--", i)]
        return cls(
            quotes=SpanSet.of([m.span() for m in matches_at(_QUOTED, text, positions(text, "“\"‘"))]),
            comments=SpanSet.of([m.span() for m in matches_at(_COMMENT, text, comments)]),
            code=SpanSet.of([m.span() for m in matches_at(_CODE, text, _link_starts(text))]
                            + [m.span() for m in matches_at(_MARKUP, text, _markup_starts(text))]
                            + _label_suffixes(text)),
        )
