"""Words split by a stray space or run together, from typing and from text copied out of PDF
files: SP002 and two things SP001 asks of this module.

- SP002: a bound prefix that stands alone in no UN sentence (`pro`, `re`, `sub`, `inter`)
  before a word, the two joined a word of the dictionary (`pro visions`); Latin phrases
  (`pro bono`, `inter alia`, `de facto`) join into no word.
- SP001, for an unknown word: whether it is half of a split word whose other half is also
  unknown or whose halves join into a word (`implemen tation`, `hu man`: reported whole, with
  the joined word as its fix), and the two common words it may be made of (`Placementproposal`
  -> "Placement proposal", the suggestion).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

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
# A bound prefix standing alone before a word: one standard-library scan of the text (the
# `regex` module tried at every character costs ten times as much on a long report)
_PAIR = re.compile(r"(" + "|".join(sorted(BOUND, key=lambda b: (-len(b), b))) + r") ([a-z]+)\b(?![\-\u2010\u2011])")
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


def split_at(text: str, start: int, end: int, known: Callable[[str], bool],
             frequency: Callable[[str], int]) -> tuple[int, int, str] | None:
    """The split word the unknown word text[start:end] is half of ("implemen tation"), as
    (start, end, the word joined), or None. SP001 reports it whole, in place of its halves."""
    word = text[start:end]
    if not word.islower():
        return None  # a capitalised word is most often a name (the Med, Dar es Salaam)
    m = compiled(r"(?<![\p{L}\-'’])(\p{Ll}+) $").search(text, max(0, start - 30), start)
    if m and split_word(m.group(1), word, known, frequency):
        return m.start(1), end, m.group(1) + word
    m = compiled(r" (\p{Ll}+)(?![\p{L}\-])").match(text, end)
    if m and split_word(word, m.group(1), known, frequency):
        return start, m.end(1), word + m.group(1)
    return None


class SplitWord:
    meta = RuleMeta(
        code="SP002", name="split-word", category="spelling", severity=Severity.WARNING,
        summary="One word split in two after a prefix (`pro visions`, `re affirms`)",
        description=(
            "A stray space inside a word, from typing or from text copied out of a PDF file: a prefix that\n"
            "stands alone in no sentence (`pro`, `re`, `sub`, `inter`) before a word, the two joined a word\n"
            "of the dictionary. Latin phrases (`pro bono`, `inter alia`, `de facto`) join into no word and\n"
            "are left alone. A split whose halves are no words (`implemen tation`) is SP001's. The fix\n"
            "closes the word up."
        ),
        fixable=True, source="termlint (typing and PDF conversion slips)",
        examples=(Example("bad", "in accordance with the pro visions of the Convention"),
                  Example("fixed", "in accordance with the provisions of the Convention"),
                  Example("good", "pro bono legal aid and, inter alia, de facto discrimination")),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        frequency = english().frequency
        found = []
        for prefix in sorted(BOUND):  # found with str.find after a space, then read with the pattern
            needle = f" {prefix} "
            at = text.find(needle)
            while at >= 0:
                m = _PAIR.match(text, at + 1)
                if m is not None and frequency(m.group(1) + m.group(2)) > 0:
                    found.append(m)
                at = text.find(needle, at + 1)
        found.sort(key=lambda m: m.start())
        if not found:
            return
        spans = SpanSet.of(sorted({(seg.start, seg.end) for clause in ctx.clauses(_SCOPE) for seg in clause.segments}))
        skipped = SpanSet.of(non_prose_spans(text, ctx.protected))
        for m in found:
            if not spans.covering(m.start(), m.end()) or skipped.overlaps(m.start(), m.end()) \
                    or ctx.protected.quotes.covering(m.start(), m.end()):
                continue
            yield split_finding(self.meta.code, text, m.start(), m.end(), m.group(1) + m.group(2))


RULES = (SplitWord(),)


def split_finding(code: str, text: str, start: int, end: int, joined: str) -> Finding:
    """The finding on a word split in two, whose fix closes it up."""
    return Finding(code, start, end, f"“{text[start:end]}”: one word split in two? write “{joined}”",
                   fix=Fix((Edit(start, end, joined),), safe=False, description=f"write “{joined}”"))
