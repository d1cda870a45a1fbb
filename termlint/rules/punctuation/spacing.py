"""A word run on after a comma, semicolon, colon or full stop with no space (PU004)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from termlint.core.model import Edit, Finding, Fix, RuleMeta, Severity
from termlint.rules.context import Context
from termlint.rules.structure.parts import examples

PROSE = ("title", "heading", "preambular", "operative", "subparagraph", "paragraph", "footnote")

# ",word" ";word" ":word" after a word, and ".Word" after a word of two lower-case letters or more
# (so "i.e.", "e.g.", "U.N.", "No.5", "1.5", "E/CN.15/2022/1" and "un.org" never match).
_RUN_ON = regex.compile(r"(?<=[\p{L}\p{N}”’)\]*])([,;:])(?=[*_]?\p{L})|(?<=\p{Ll}{2}[”’)*]?)(\.)(?=\p{Lu}\p{Ll})")
# Every _RUN_ON match is a mark followed by neither a space nor a digit: one stdlib scan of the
# text finds these few places, and _RUN_ON is tried only there (a superset: \d of `re` is never
# a letter of `regex`).
_CANDIDATE = re.compile(r"[,;:.][^\s\d]")
_TOKEN = regex.compile(r"\S+")
_ENTITY = regex.compile(r"&#?\w{1,8}$")
_REACH = 300  # longer than any address or symbol a draft cites


def _exempt(text: str, start: int, end: int) -> bool:
    """Symbols, addresses and file names carry their punctuation without spaces."""
    # The token around the mark, read at most _REACH characters either way: a "word" of
    # thousands of characters without a space must not cost its length at every mark in it.
    low = max(0, start - _REACH)
    left = text.rfind(" ", low, start) + 1 or low
    right = text.find(" ", end, end + _REACH)
    token = text[left: right if right >= 0 else min(len(text), end + _REACH)]
    if "/" in token or "@" in token or "://" in token or token.startswith(("www.", "(www.")):
        return True
    if text[start] == ";" and _ENTITY.search(text, max(0, start - 10), start):  # "&nbsp;": an HTML entity
        return True
    return False


@dataclass(frozen=True)
class MissingSpace:
    """PU004: no space after a comma, semicolon, colon or full stop."""
    meta: RuleMeta = RuleMeta(
        code="PU004", name="missing-space-after-punctuation", category="punctuation", severity=Severity.WARNING,
        summary="No space after a comma, semicolon, colon or full stop (`States,including`)",
        description=(
            "A comma, semicolon or colon followed directly by a word, or a full stop after a word and\n"
            "directly followed by a capitalised word, is a typing or conversion slip. Not flagged:\n"
            "numbers (1,000; 1.5; 10:30), document symbols and paths (A/RES/75/10, E/CN.15/2022/1),\n"
            "web and e-mail addresses, abbreviations with internal full stops (i.e., e.g., U.N.) and code.\n"
            "The fix inserts one space."
        ),
        scope=frozenset(PROSE), fixable=True, source="common typing slips",
        examples=examples(
            ("bad", "Urges Member States,including through legislation,to act"),
            ("fixed", "Urges Member States, including through legislation, to act"),
            ("bad", "It was adopted.The Assembly decided"),
            ("fixed", "It was adopted. The Assembly decided"),
            ("good", "i.e. 1,000 cases; see E/CN.15/2022/1 and www.un.org, at 10:30, as in A/RES/75/10."),
        ),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        code = ctx.protected.code
        candidates = [m.start() for m in _CANDIDATE.finditer(text)]
        if not candidates:
            return
        for clause in ctx.clauses(self.meta.scope):
            for seg in clause.segments:
                i = bisect.bisect_left(candidates, seg.start)
                while i < len(candidates) and candidates[i] < seg.end:
                    # = _RUN_ON.finditer(text, seg.start, seg.end): matches are one character long
                    m = _RUN_ON.match(text, candidates[i], seg.end)
                    i += 1
                    if m is None:
                        continue
                    start, end = m.span()
                    if code.overlaps(start, end + 1) or _exempt(text, start, end):
                        continue
                    mark = m.group()
                    yield Finding(self.meta.code, start, end + 1, f"no space after “{mark}”",
                                  fix=Fix((Edit(end, end, " "),), description="insert a space"))


RULES = (MissingSpace(),)
