"""Spans of a draft that are not prose, for rules that read words (spelling, acronyms).

HTML tags (`<sup>1</sup>`), Markdown footnote markers (`[^1]`) and link targets, document
symbols and other slash-separated codes holding a digit (A/RES/75/10, E/CN.15/2022/L.5),
e-mail addresses, and what `protect.py` already marks: inline code, URLs, HTML comments.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import regex

from termlint.text.protect import matches_at, positions

_TAGS = r"<[/!]?[A-Za-z][^<>\n]{0,300}>|\[\^[^\]\n]{1,40}\]|\]\([^)\s]{1,500}\)"
_CODE_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.()-_+/\\@")


@lru_cache(maxsize=None)
def compiled(source: str) -> Any:
    """A pattern compiled on first use, so that loading a pack costs nothing for a run that skips it."""
    return regex.compile(source)


def non_prose_spans(text: str, protected: Any) -> list[tuple[int, int]]:
    """(start, end) of every span that is not prose; `protected` is `Context.protected`.
    Read once per document (spelling and the acronym rules both ask): the last is kept."""
    if _LAST[0] is text and _LAST[1] is protected:
        return list(_LAST[2])
    spans = _non_prose_spans(text, protected)
    _LAST[:] = [text, protected, spans]
    return list(spans)


_LAST: list[Any] = [None, None, []]


def _non_prose_spans(text: str, protected: Any) -> list[tuple[int, int]]:
    spans = [m.span() for m in matches_at(compiled(_TAGS), text, positions(text, "<[]"))]  # where a tag may open
    spans.extend(codes(text))
    spans.extend(protected.code)
    spans.extend(protected.comments)
    return spans


_GROW = re.compile(r"[A-Za-z0-9.()_+/\\@-]*")  # _CODE_CHARS
_DIGIT = re.compile(r"[0-9]")


def codes(text: str) -> Iterator[tuple[int, int]]:
    """Codes grown from each slash, backslash or at sign: document symbols holding a digit
    (A/RES/75/10, E/CN.15/2022/L.5, A/75/L.20/Add.1) and e-mail addresses. Linear in the
    text: each mark is grown once, and marks inside a grown code are skipped."""
    reached = 0
    for mark in positions(text, "/\\@"):
        if mark < reached:
            continue
        start = mark
        while start > reached and text[start - 1] in _CODE_CHARS:  # a few characters: "A" of "A/RES"
            start -= 1
        end = _GROW.match(text, mark + 1).end()  # type: ignore[union-attr]  # always matches
        reached = end
        if text.find("@", start, end) >= 0 or _DIGIT.search(text, start, end):
            yield start, end
