"""CO105: one compound written open and closed (or open and hyphenated) in one document.

CO102 compares the hyphenated and the closed-up forms of a word (cyber-crime / cybercrime) and
leaves open compounds alone, because "capacity building" and "capacity-building" may be noun and
adjective. Two cases are still slips when one document has both forms:

- a word the dictionary writes closed up, also written as two words: `waste water` beside
  `wastewater`, `stock take` beside `stocktake` (both halves words of four letters or more, the
  first not a preposition or determiner: "over all" is no spelling of "overall");
- a compound adjective ending in a past participle, hyphenated and also open: `coal-fired` beside
  `coal fired`, `gender-based` beside `gender based` (a noun and a verb form such as "follow up"
  / "follow-up" are left to CO102's rule).

Only the forms one document mixes are reported, at each use of the less frequent form (the
closed or hyphenated form on a tie): a drafter who always writes `waste water` is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import regex

from termlint.core.model import Edit, Example, Finding, Fix, RuleMeta, Severity
from termlint.rules.context import Context
from termlint.rules.spelling.recognise import COMBINING_FORMS
from termlint.text.prose import compiled
from termlint.text.wordlist import english

_SCOPE = ("preambular", "operative", "subparagraph", "paragraph", "annex")
# Standard-library patterns (ASCII words: English compounds), much faster than a scan with `regex`;
# a word's neighbours are checked by hand (no letter, no hyphen).
_LONG = re.compile(r"\b[a-z]{8,}\b")
_HYPHENED = re.compile(r"([a-z]{3,})[-\u2010\u2011]([a-z]{3,}ed)")
_MARKS = "*_.,;:!?()[]{}\"'“”‘’«»<>/|"
_JOINING = "-\u2010\u2011"
_COMMON = 2000  # frequency (pyspellchecker's list) each half of a closed word must have
# Words that stand before another without making a compound with it ("over all", "every one").
_FUNCTION = frozenset("""
about above after again also back before down each even ever every here into more most once only onto
other over some such than that their them then there these they this those through under upon what
when where which while whom with within your
""".split())


# Before a participle they make no compound with: a prefix on a phrase ("counter-improvised
# explosive devices"), an adverb ("least developed", "much needed": open by UN usage).
_ADVERBS = frozenset("least less most more much well better best ill".split())
# Words after an open participle that show it is a verb, not part of an adjective.
_LINKS = ("by", "on", "in", "to", "of", "for", "from", "at", "with", "and", "or", "as", "into", "upon", "under",
          "through", "since", "that", "the", "a", "an", "its", "their")


class OpenCompound:
    meta = RuleMeta(
        code="CO105", name="open-compound-variants", category="consistency", severity=Severity.WARNING,
        summary="One compound written both as two words and closed up or hyphenated (waste water / wastewater)",
        description=(
            "A word the dictionary writes closed up (`wastewater`, `stocktake`) also written as two words in the\n"
            "same document, or a compound adjective ending in a past participle (`coal-fired`) also written\n"
            "open (`coal fired`). The less frequent form is reported; the fix writes the other."
        ),
        fixable=True, source="Concise Oxford English Dictionary; United Nations Editorial Manual (hyphenation)",
        examples=(Example("bad", "Concerned that untreated waste water pollutes rivers, and that the reuse of "
                                 "wastewater and the treatment of wastewater lag behind,"),
                  Example("fixed", "Concerned that untreated wastewater pollutes rivers, and that the reuse of "
                                   "wastewater and the treatment of wastewater lag behind,"),
                  Example("good", "Noting the capacity-building programmes and the capacity building they offer,"),
                  Example("good", "Noting that waste water is treated and that control over all waste matters "
                                  "overall,")),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        # First the few compounds whose open form the text holds at all, from the distinct words
        # of the whole text (one C-speed scan); places and scope are read for those only.
        words = english()
        # the distinct white-space-separated tokens, stripped of punctuation and markup: a split
        # in C is far cheaper than a pattern tried at every character
        candidates: list[tuple[tuple[str, str], str, re.Pattern[str], bool]] = []
        tokens = ctx.word_view.tokens  # split once per document, shared with the other word rules
        for raw in tokens:
            if len(raw) < 8:  # most tokens: no compound of two 4-letter words, nor x-fired
                continue
            token = raw.strip(_MARKS)
            if len(token) >= 8 and token.isalpha() and token.isascii() and token.islower():
                split = _halves(token, words)
                if split is not None and _open_in(text, split, tokens):
                    candidates.append((split, token, re.compile(rf"\b{token}\b"), False))
            elif "-" in token or "\u2011" in token:
                m = _HYPHENED.fullmatch(token)
                if m is None:
                    continue
                first, second = m.groups()
                if len(second) >= 5 and first not in COMBINING_FORMS and first not in _ADVERBS \
                        and not first.endswith("ly") and _open_in(text, (first, second), tokens):
                    candidates.append(((first, second), f"{first}-{second}",
                                       re.compile(rf"\b{first}[-\u2010\u2011]{second}\b"), True))
        if not candidates:
            return
        segments = sorted({(s.start, s.end) for c in ctx.clauses(_SCOPE) for s in c.segments})
        for halves, joined, written, attributive in sorted(candidates, key=lambda c: c[1]):
            places = [m.span() for start, end in segments for m in written.finditer(text, start, end)
                      if _apart(text, m.start(), m.end())]
            yield from self._report(ctx, segments, places, halves, joined, attributive)

    def _report(self, ctx: Context, segments: list[tuple[int, int]], places: list[tuple[int, int]],
                halves: tuple[str, str], joined: str, attributive: bool = False) -> Iterator[Finding]:
        text = ctx.text
        # a participle compound counts only before its noun ("coal fired power plants"): "the
        # community based on", "value added by", "much needed in" are no compounds
        tail = r"(?=[ \t\u00a0]+(?!(?:" + "|".join(_LINKS) + r")\b)\p{Ll})" if attributive else ""
        pattern = compiled(r"(?<![\p{L}\-\u2010\u2011])" + regex.escape(halves[0]) + r"[ \t\u00a0]+"
                           + regex.escape(halves[1]) + r"(?![\p{L}\-\u2010\u2011])" + tail)
        quotes = ctx.protected.quotes
        open_places = [m.span() for start, end in segments for m in pattern.finditer(text, start, end)
                       if not quotes.covering(*m.span())]
        places = [p for p in places if not quotes.covering(*p)]
        if not open_places or not places:
            return
        spaced = f"{halves[0]} {halves[1]}"
        keep, report = (joined, open_places) if len(places) >= len(open_places) else (spaced, places)
        counts = f"“{joined}” ({len(places)}×), “{spaced}” ({len(open_places)}×)"
        for start, end in report:
            yield Finding(self.meta.code, start, end,
                          f"“{' '.join(text[start:end].split())}”: this document writes this compound in 2 ways — "
                          f"{counts}; keep “{keep}”",
                          fix=Fix((Edit(start, end, keep),), safe=False, description=f"write “{keep}”"))


def _open_in(text: str, halves: tuple[str, str], tokens: frozenset[str]) -> bool:
    """A quick test: the two words written apart somewhere in the text (a space or a no-break
    space). The text's tokens answer most cheaply: both halves must be among them."""
    first, second = halves
    if first not in tokens or not any(second + end in tokens for end in ("", ",", ";", ".", ":")):
        return "\u00a0" in text and f"{first}\u00a0{second}" in text
    return f"{first} {second}" in text or f"{first}\u00a0{second}" in text


def _apart(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands alone: no letter or hyphen joins it to a neighbour."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalpha() or after.isalpha() or before in _JOINING or after in _JOINING)


def _halves(word: str, words: Any) -> tuple[str, str] | None:
    """The two common words a closed-up dictionary word is made of (wastewater: waste, water),
    remembered for the process: the same words recur from one document to the next."""
    memo = _MEMO.get(id(words))
    if memo is None:
        _MEMO.clear()  # another dictionary: start afresh
        memo = _MEMO[id(words)] = {}
    if word not in memo:
        if len(memo) > 200_000:
            memo.clear()
        memo[word] = _split(word, words)
    return memo[word]


_MEMO: dict[int, dict[str, tuple[str, str] | None]] = {}


def _split(word: str, words: Any) -> tuple[str, str] | None:
    if word not in words:
        return None
    for i in range(4, len(word) - 3):
        first, second = word[:i], word[i:]
        if first in _FUNCTION:
            continue
        if words.frequency(first) >= _COMMON and words.frequency(second) >= _COMMON:
            return first, second
    return None


RULES = (OpenCompound(),)
