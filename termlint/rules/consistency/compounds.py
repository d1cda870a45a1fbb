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
from functools import lru_cache
from typing import Any

import regex

from termlint.core.model import Edit, Example, Finding, Fix, RuleMeta, Severity
from termlint.rules.context import Context
from termlint.rules.spelling.recognise import COMBINING_FORMS
from termlint.text.prose import compiled
from termlint.text.wordlist import english
from termlint.text.words import WordView

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
        # First the few compounds whose open form the text holds at all. What each distinct token
        # could be (a closed-up dictionary word, a hyphenated participle compound) depends on the
        # token alone, so the word view keeps that verdict for the process: a document costs its
        # new tokens, not a Python loop over all of them. Places and scope are read for the few
        # whose two halves the text also writes apart.
        candidates = [(split, joined, _written(joined, attributive), attributive)
                      for split, joined, attributive in candidates_in(text, ctx.word_view)]
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


def candidates_in(text: str, view: WordView) -> list[tuple[tuple[str, str], str, bool]]:
    """The compounds of `text` (its word view `view`) written closed up or hyphenated whose two
    halves the text also writes apart: (halves, joined form, participle compound), one per
    distinct token that writes one (before punctuation and markup are stripped)."""
    words = english()
    tokens = view.tokens  # split once per document, shared with the other word rules
    read = view.tokens_meaning(f"consistency.co105.{id(words)}", lambda raw: _candidate(raw, words))
    nbsp = _nbsp(text)
    return [found for found in read.values() if _open_in(text, found[0], tokens, nbsp)]


def _candidate(raw: str, words: Any) -> tuple[tuple[str, str], str, bool] | None:
    """What one white-space-separated token could be the other form of, whatever the text:
    (its halves, its joined form, whether it is a participle compound), or None. The token is
    stripped of punctuation and markup."""
    if len(raw) < 8:  # most tokens: no compound of two 4-letter words, nor x-fired
        return None
    token = raw.strip(_MARKS)
    if len(token) >= 8 and token.isalpha() and token.isascii() and token.islower():
        split = _halves(token, words)
        return None if split is None else (split, token, False)
    if "-" in token or "\u2011" in token:
        m = _HYPHENED.fullmatch(token)
        if m is None:
            return None
        first, second = m.groups()
        if len(second) >= 5 and first not in COMBINING_FORMS and first not in _ADVERBS and not first.endswith("ly"):
            return (first, second), f"{first}-{second}", True
    return None


@lru_cache(maxsize=4096)
def _written(joined: str, attributive: bool) -> re.Pattern[str]:
    """The closed-up or hyphenated form as written, in a standard-library pattern."""
    if attributive:
        first, second = joined.split("-")
        return re.compile(rf"\b{first}[-\u2010\u2011]{second}\b")
    return re.compile(rf"\b{joined}\b")


_FEW = 64  # no-break spaces a text may hold for each to be tried in turn (else the text is searched)


def _nbsp(text: str) -> list[int] | None:
    """Where the text's no-break spaces are, when it holds few (most drafts hold none or a few,
    in dates: "31\u00a0October"); None when it holds many."""
    found: list[int] = []
    at = text.find("\u00a0")
    while at >= 0:
        if len(found) == _FEW:
            return None
        found.append(at)
        at = text.find("\u00a0", at + 1)
    return found


def _open_in(text: str, halves: tuple[str, str], tokens: frozenset[str], nbsp: list[int] | None) -> bool:
    """A quick test: the two words written apart somewhere in the text (a space or a no-break
    space). The text's tokens answer most cheaply: both halves must be among them. `nbsp` (from
    `_nbsp`) spares a search of the whole text for the no-break form: each no-break space is tried."""
    first, second = halves
    if first not in tokens or not any(second + end in tokens for end in ("", ",", ";", ".", ":")):
        return _nbsp_between(text, first, second, nbsp)
    return f"{first} {second}" in text or _nbsp_between(text, first, second, nbsp)


def _nbsp_between(text: str, first: str, second: str, nbsp: list[int] | None) -> bool:
    """f"{first}\u00a0{second}" in text, read at the text's few no-break spaces."""
    if nbsp is None:
        return f"{first}\u00a0{second}" in text
    size = len(first)
    return any(at >= size and text.startswith(first, at - size) and text.startswith(second, at + 1) for at in nbsp)


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
