"""SP002, and SP001's suggestion for two words run together: a word split by a stray space
(`pro visions`, `implemen tation`) or two words written as one (`Placementproposal`).

Both come from typing and from text copied out of PDF files. A split word is told by its
halves: joined they make a common word, and the first is a bound prefix that stands alone in
no UN sentence (`pro`, `re`, `sub`, `inter`: `pro bono` and `inter alia` join into no word) or
one half is no word at all. Two words run together are told the other way round: the word is
unknown, and it splits into two common words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from termlint.core.model import Edit, Example, Finding, Fix, RuleMeta, Severity
from termlint.rules.context import Context
from termlint.text.prose import compiled, non_prose_spans
from termlint.text.protect import SpanSet
from termlint.text.wordlist import english

_COMMON = 1000  # frequency in pyspellchecker's list: a word drafters use, not a rare homograph
# Prefixes that are no word of a UN sentence by themselves: standing before a word they join.
BOUND = frozenset({"anti", "co", "counter", "de", "dis", "inter", "intra", "mis", "multi", "non", "pre",
                   "pro", "re", "sub", "trans", "un"})
# Words that are also suffixes: a word ending in one is a derivation, not two words run together.
_SUFFIX_WORDS = frozenset({"ability", "able", "less", "like", "wide", "ward", "wards", "ship", "ships", "hood",
                           "ness", "ment", "ments", "ism", "wise", "worthy", "fold", "proof"})
_PAIR = r"(?<![\p{L}\-\u2010\u2011'’])(\p{Ll}+) (\p{Ll}+)(?![\p{L}\-\u2010\u2011])"
_SCOPE = ("title", "preambular", "operative", "subparagraph", "paragraph", "footnote", "annex")


def run_together(word: str, frequency: Callable[[str], int]) -> str | None:
    """The two common words an unknown lower-case `word` is made of, written apart
    (placementproposal -> "placement proposal"), or None. Of several splits, the one whose
    rarer half is the commonest."""
    best: tuple[int, str] | None = None
    for i in range(1, len(word)):
        first, second = word[:i], word[i:]
        if second in _SUFFIX_WORDS:
            continue  # search + ability: a derivation (searchability) the list lacks, not two words
        score = min(_weight(first, frequency), _weight(second, frequency))
        if score and (best is None or score > best[0]):
            best = (score, f"{first} {second}")
    return best[1] if best else None


def _weight(half: str, frequency: Callable[[str], int]) -> int:
    return frequency(half) if len(half) >= 4 and frequency(half) >= _COMMON else 0


def in_name(text: str, start: int, end: int) -> bool:
    """Whether a capitalised word stands within two words of text[start:end] on the same line
    (Certification and Watchkeeping for Seafarers: a word of a name, written as the name writes it)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = compiled(r"[\p{L}'’\-]+").findall(text, max(line_start, start - 40), start)[-2:]
    after = compiled(r"[\p{L}'’\-]+").findall(text, end, min(end + 40, len(text) if line_end < 0 else line_end))[:2]
    return any(w[:1].isupper() for w in before[1:] + after) or (len(before) == 2 and before[0][:1].isupper()
                                                                and before[1] in ("and", "of", "for", "on"))


def split_word(first: str, second: str, known: Callable[[str], bool], frequency: Callable[[str], int]) -> bool:
    """Whether "first second" is one common word split in two (pro visions, implemen tation)."""
    joined = first + second
    if frequency(joined) <= 0:  # not even a word of the main list (the SCOWL supplement is 0)
        return False
    return first in BOUND or not known(first) or not known(second)


def split_at(text: str, start: int, end: int, known: Callable[[str], bool], frequency: Callable[[str], int]) -> bool:
    """Whether the word text[start:end] is half of a split word (SP002 reports it; SP001 leaves it)."""
    m = compiled(r"(\p{Ll}+) $").search(text, max(0, start - 30), start)
    if m and split_word(m.group(1), text[start:end].lower(), known, frequency):
        return True
    m = compiled(r" (\p{Ll}+)(?![\p{L}\-])").match(text, end)
    return bool(m) and split_word(text[start:end].lower(), m.group(1), known, frequency)


class SplitWord:
    meta = RuleMeta(
        code="SP002", name="split-word", category="spelling", severity=Severity.WARNING,
        summary="One word split in two by a space (`pro visions`, `implemen tation`)",
        description=(
            "A stray space inside a word, from typing or from text copied out of a PDF file: the two halves\n"
            "joined make a common word, and the first is a prefix that stands alone in no sentence (`pro`,\n"
            "`re`, `sub`, `inter`), or one half is no word at all. Latin phrases (`pro bono`, `inter alia`,\n"
            "`de facto`) join into no word and are left alone. The fix closes the word up."
        ),
        fixable=True, source="termlint (typing and PDF conversion slips)",
        examples=(Example("bad", "in accordance with the pro visions of the Convention"),
                  Example("fixed", "in accordance with the provisions of the Convention"),
                  Example("good", "pro bono legal aid and, inter alia, de facto discrimination")),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        words = english()
        frequency = words.frequency
        skipped: Any = None
        spans = sorted({(seg.start, seg.end) for clause in ctx.clauses(_SCOPE) for seg in clause.segments})
        last = -1
        for seg_start, seg_end in spans:
            seg_start = max(seg_start, last)  # a parent's segment holds its sub-paragraphs' text
            last = max(last, seg_end)
            if seg_start < seg_end:
                for m in compiled(_PAIR).finditer(text, seg_start, seg_end, overlapped=True):
                    first, second = m.group(1), m.group(2)
                    if not split_word(first, second, words.__contains__, frequency):
                        continue
                    skipped = skipped or SpanSet.of(non_prose_spans(text, ctx.protected))
                    if skipped.overlaps(m.start(), m.end()) or ctx.protected.quotes.covering(m.start(), m.end()):
                        continue
                    joined = first + second
                    yield Finding(self.meta.code, m.start(), m.end(),
                                  f"“{m.group()}”: one word split in two? write “{joined}”",
                                  fix=Fix((Edit(m.start(), m.end(), joined),), safe=False,
                                          description=f"write “{joined}”"))


RULES = (SplitWord(),)
