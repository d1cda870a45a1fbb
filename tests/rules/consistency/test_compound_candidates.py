"""CO105's candidates read from the word view's per-token memo equal the plain definition: a
loop over every distinct token of the text, stripped of punctuation, tested against the text."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from termlint.rules.consistency.compounds import _ADVERBS, _HYPHENED, _MARKS, _halves, candidates_in
from termlint.rules.spelling.recognise import COMBINING_FORMS
from termlint.text.wordlist import english
from termlint.text.words import WordView

ROOT = Path(__file__).resolve().parents[3]


def _apart(text: str, first: str, second: str, tokens: frozenset[str]) -> bool:
    """The rule's quick test of the halves written apart, as it has always read."""
    if first not in tokens or not any(second + end in tokens for end in ("", ",", ";", ".", ":")):
        return "\u00a0" in text and f"{first}\u00a0{second}" in text
    return f"{first} {second}" in text or f"{first}\u00a0{second}" in text


def plain(text: str) -> Counter[tuple[tuple[str, str], str, bool]]:
    """The definition (the rule's loop before the memo): every distinct token of eight characters
    or more, stripped, either a closed-up dictionary word of two common halves or a hyphenated
    participle compound, whose halves the text also writes apart."""
    words = english()
    tokens = frozenset(text.split())
    found: Counter[tuple[tuple[str, str], str, bool]] = Counter()
    for raw in tokens:
        if len(raw) < 8:
            continue
        token = raw.strip(_MARKS)
        if len(token) >= 8 and token.isalpha() and token.isascii() and token.islower():
            split = _halves(token, words)
            if split is not None and _apart(text, *split, tokens):
                found[(split, token, False)] += 1
        elif "-" in token or "\u2011" in token:
            m = _HYPHENED.fullmatch(token)
            if m is None:
                continue
            first, second = m.groups()
            if len(second) >= 5 and first not in COMBINING_FORMS and first not in _ADVERBS \
                    and not first.endswith("ly") and _apart(text, first, second, tokens):
                found[((first, second), f"{first}-{second}", True)] += 1
    return found


def _texts() -> list[str]:
    seed = (ROOT / "examples" / "draft-2022-child-protection.txt").read_text(encoding="utf-8")
    made = ("Concerned that untreated waste water pollutes rivers, and that the reuse of wastewater, "
            "wastewater; and wastewater. lag behind (**wastewater**) while coal\u00a0fired and coal-fired plants, "
            "coal\u2011fired, gender based violence and gender-based violence, a stock take and a stocktake, "
            "over all and overall, much-needed and much needed, wastewater.")
    drafts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data" / "drafts").iterdir())]
    # no-break spaces: at the very start, and more than the rule tries one by one
    starts = "stock\u00a0take and stocktake, coal-fired plants and coal\u00a0fired plants."
    many = "on 31\u00a0October " * 70 + starts
    return [seed, made, starts, many, *drafts]


def test_candidates_equal_the_plain_loop_over_tokens() -> None:
    texts = _texts()
    assert sum(plain(t).total() for t in texts) >= 6  # the made text alone has several of each kind
    for _ in range(2):  # the second time from the process memo
        for text in texts:
            view = WordView(text)
            assert Counter(candidates_in(text, view)) == plain(text)


def test_made_text_candidates() -> None:
    text = _texts()[1]
    joined = {found[1] for found in candidates_in(text, WordView(text))}
    assert joined == {"wastewater", "coal-fired", "gender-based", "stocktake"}
