"""Spans of a text that rules must treat with care.

- quotations (straight or curly double quotes, within one paragraph): a term quoted is
  mentioned, not used;
- HTML comments (`<!-- ... -->`): never linted; they hold termlint's own directives;
- Markdown inline code and URLs: not prose.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

_QUOTED = regex.compile(r"“[^”\n]{0,2000}”|\"[^\"\n]{0,2000}\"|‘[^’\n]{1,400}’(?!\w)")
_COMMENT = regex.compile(r"<!--.*?(?:-->|\Z)", regex.DOTALL)
_CODE = regex.compile(r"`[^`\n]+`|\bhttps?://\S+|\bwww\.\S+")


@dataclass(frozen=True)
class SpanSet:
    """Sorted, non-overlapping (start, end) spans with fast membership tests."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, spans: list[tuple[int, int]]) -> SpanSet:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        return cls(tuple(s for s, _ in merged), tuple(e for _, e in merged))

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


@dataclass(frozen=True)
class ProtectedSpans:
    quotes: SpanSet
    comments: SpanSet
    code: SpanSet

    @classmethod
    def of(cls, text: str) -> ProtectedSpans:
        return cls(
            quotes=SpanSet.of([m.span() for m in _QUOTED.finditer(text)]),
            comments=SpanSet.of([m.span() for m in _COMMENT.finditer(text)]),
            code=SpanSet.of([m.span() for m in _CODE.finditer(text)]),
        )
