"""Brackets (PU005) and double quotation marks (PU006) that open and never close, or close and never opened.

Each paragraph is checked as a whole: a paragraph split by a page break is joined first, so a
quotation that starts on one page and ends on the next is balanced.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from termlint.core.model import Finding, RuleMeta, Severity
from termlint.parse.tree import Clause
from termlint.rules.context import Context
from termlint.rules.punctuation.spacing import PROSE
from termlint.rules.structure.parts import examples
from termlint.text.protect import SpanSet

# A closing bracket that ends an enumerator ("a)", "2)", "iv)") opens nothing: an unpaired ")"
# of that shape is not reported.
_ENUMERATOR = regex.compile(r"(?<!\S)(?:[a-z]|[ivx]{1,4}|\d{1,2})\)$")
# Footnote references, escaped brackets and Markdown link targets "[text](https://...)".
_MARKUP = regex.compile(r"\[\^[^\]\s]{1,20}\]:?|\\[\[\]()]|(?<=\])\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)")
_PAIRS = {")": "(", "]": "["}
# What may stand before a "[" that brackets a whole paragraph ("[3. ", "5bis. [", "(a) [") and
# after the "]" that closes it ("...;]", "...]." and "]" then the end).
_OPENS_SPAN = regex.compile(r"[ \t]*(?:\d{1,3}(?:\s?[a-z]{3,9})?\.|\((?:[a-z]{1,3}|[ivxlc]+)\)|[a-z][.)])?[ \t]*")
_CLOSES_SPAN = regex.compile(r"[ \t.;,:]*$")


# Single characters: the standard library's engine finds them as `regex` would, faster.
_BRACKETS = re.compile(r"[()\[\]]")
_QUOTE_MARKS = re.compile(r"[“”\"]")


def marks(clause: Clause, ctx: Context, which: Any, in_code: bool) -> list[tuple[int, str]]:
    """(index in clause.text, mark) of each mark `which` finds, outside footnote references,
    escapes and link targets, and (unless `in_code`) outside code and web addresses."""
    text = clause.text
    found = [(m.start(), m.group()) for m in which.finditer(text)]
    if not found:  # most paragraphs: nothing to place, so no spans to skip either
        return found
    # every _MARKUP match holds a "[" or a "\\" or follows a "]": without them, no search
    skip = [m.span() for m in _MARKUP.finditer(text)] if "[" in text or "]" in text or "\\" in text else []
    if not in_code:
        code = ctx.protected.code
        base = 0
        for seg in clause.segments:
            i = bisect.bisect_right(code.starts, seg.start) - 1
            i = max(i, 0)
            while i < len(code.starts) and code.starts[i] < seg.end:
                a, b = max(code.starts[i], seg.start), min(code.ends[i], seg.end)
                if a < b:
                    skip.append((base + a - seg.start, base + b - seg.start))
                i += 1
            base += seg.end - seg.start + 1
    skipped = SpanSet.of(skip)
    return [(start, mark) for start, mark in found if not skipped.overlaps(start, start + 1)]


@dataclass(frozen=True)
class UnbalancedBrackets:
    """PU005: a parenthesis or square bracket never closed, or never opened."""
    meta: RuleMeta = RuleMeta(
        code="PU005", name="unbalanced-brackets", category="punctuation", severity=Severity.WARNING,
        summary="A parenthesis or square bracket that is never closed (or closes what was never opened)",
        description=(
            "Within one paragraph every “(” has its “)” and every “[” its “]”. An unpaired one is\n"
            "usually a deletion that took one half of the pair. Enumerators such as “a)” or “2)”,\n"
            "footnote references ([^1]) and web addresses are not counted. In a negotiation text a “[”\n"
            "that opens a paragraph (or an Option heading) may close at the end of a later paragraph:\n"
            "the bracket then spans them (a paragraph with its sub-paragraphs, an option block)."
        ),
        scope=frozenset((*PROSE, "option")), source="common typing slips",
        examples=examples(
            ("bad", "Recalling its resolution 3314 (XXIX of 14 December 1974, entitled “Definition of aggression”,"),
            ("good", "Recalling its resolution 3314 (XXIX) of 14 December 1974 [and resolution 3281 (XXIX)], and items a) and b),"),
        ),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        # A "[" that opens a paragraph (or an "Option" heading) of a negotiation text and is not
        # closed there may be closed at the end of a later paragraph: the bracket spans them all
        # (a paragraph with its sub-paragraphs, an option block). Pending until then.
        spanning: list[tuple[Clause, int]] = []
        for clause in ctx.clauses(self.meta.scope or PROSE):
            text = clause.text
            stack: list[tuple[str, int]] = []
            # Brackets count inside addresses too: "(www.un.org/Depts/oip)" closes after the
            # address, which would otherwise take the ")".
            for i, ch in marks(clause, ctx, _BRACKETS, in_code=True):
                if ch in "([":
                    stack.append((ch, i))
                elif stack and stack[-1][0] == _PAIRS[ch]:
                    stack.pop()
                elif any(open_ch == _PAIRS[ch] for open_ch, _ in stack):
                    # "( [ )": the bracket between was left open.
                    while stack and stack[-1][0] != _PAIRS[ch]:
                        yield self._open(clause, *stack.pop())
                    stack.pop()
                elif ch == "]" and not stack and spanning and _CLOSES_SPAN.match(text, i + 1):
                    spanning.pop()
                elif not (ch == ")" and _ENUMERATOR.search(text, max(0, i - 5), i + 1)):  # "iv)": 5 at most
                    pos = clause.offset_of(i)
                    yield Finding(self.meta.code, pos, pos + 1, f"“{ch}” closes a bracket that was not opened in this paragraph")
            for open_ch, i in stack:
                if open_ch == "[" and len(stack) == 1 and _OPENS_SPAN.fullmatch(text, 0, i):
                    spanning.append((clause, i))
                else:
                    yield self._open(clause, open_ch, i)
        for clause, i in spanning:
            yield self._open(clause, "[", i)

    def _open(self, clause: Clause, ch: str, i: int) -> Finding:
        pos = clause.offset_of(i)
        return Finding(self.meta.code, pos, pos + 1, f"“{ch}” is not closed in this paragraph")


@dataclass(frozen=True)
class UnbalancedQuotes:
    """PU006: a double quotation mark never closed, or never opened."""
    meta: RuleMeta = RuleMeta(
        code="PU006", name="unbalanced-quotes", category="punctuation", severity=Severity.WARNING,
        summary="A double quotation mark that is never closed (or closes what was never opened)",
        description=(
            "Within one paragraph, each opening quotation mark (“ or \") has its closing one (” or \").\n"
            "A straight mark opens a quotation at the start of a word and closes one elsewhere, so a\n"
            "quotation opened with \" and closed with ” counts as balanced (mixing styles is PU007). A\n"
            "paragraph split by a page break is checked whole. A quotation of several paragraphs, where\n"
            "each paragraph reopens it and only the last closes it, is balanced."
        ),
        scope=frozenset(PROSE), source="common typing slips",
        examples=examples(
            ("bad", "and its call to “take more effective measures to prevent and end abuse,"),
            ("good", "its call to \"address the needs and protect the rights of children” and to “take measures”,"),
        ),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        pending: Finding | None = None  # an open quotation at the end of the previous paragraph
        for clause in ctx.clauses(self.meta.scope):
            text = clause.text
            opened = -1
            first = True
            for i, _ in marks(clause, ctx, _QUOTE_MARKS, in_code=False):
                role = _role(text, i)
                if first and pending is not None:
                    # A quotation of several paragraphs: each reopens it, the last one closes it.
                    pending = None
                    first = False
                    if role == "close":
                        continue
                first = False
                if role == "open":
                    if opened >= 0:
                        yield self._unclosed(clause, opened)
                    opened = i
                elif opened >= 0:
                    opened = -1
                else:
                    pos = clause.offset_of(i)
                    yield Finding(self.meta.code, pos, pos + 1, "closing quotation mark with no opening one in this paragraph")
            if pending is not None:
                yield pending
            pending = self._unclosed(clause, opened) if opened >= 0 else None
        if pending is not None:
            yield pending

    def _unclosed(self, clause: Clause, i: int) -> Finding:
        pos = clause.offset_of(i)
        return Finding(self.meta.code, pos, pos + 1, "this quotation is not closed in this paragraph")




def _role(text: str, i: int) -> str:
    """"open" or "close": curly marks say so; a straight one opens at the start of a word."""
    ch = text[i]
    if ch != '"':
        return "open" if ch == "“" else "close"
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if (before.isspace() or before in "([{—–-/") and not after.isspace():
        return "open"
    return "close"


RULES = (UnbalancedBrackets(), UnbalancedQuotes())
