"""SP001's unknown words of a document, read from the per-token memo (`_unknown`), equal the
plain definition: every word of every token not known, unless a capital follows its first letter."""

from __future__ import annotations

from pathlib import Path

from termlint.core.resources import data_dir
from termlint.rules.spelling.morphology import british_known, derived_known, plural_known
from termlint.rules.spelling.spelling import _lookup_form, _unknown, _Verdicts
from termlint.text.wordlist import english, house_words
from termlint.text.wordscan import words_of

ROOT = Path(__file__).resolve().parents[3]


def _lists() -> tuple[object, frozenset[str]]:
    words = english()
    extra = house_words(data_dir("rules") / "words").words
    return words, extra


def plain(tokens: frozenset[str]) -> set[str]:
    words, extra = _lists()

    def known(w: str) -> bool:
        return w in words or w in extra

    def stem(w: str) -> bool:
        return words.frequency(w) > 0 or w in extra

    found = set()
    for token in tokens:
        for word in words_of(token):
            key = _lookup_form(word)
            if (len(word) < 2 or known(key) or british_known(key, stem) or derived_known(key, stem)
                    or plural_known(key, known)):
                continue
            if word[1:] == word[1:].lower():
                found.add(word)
    return found


def test_unknown_words_from_the_memo_are_the_plain_ones() -> None:
    words, extra = _lists()

    def known(w: str) -> bool:
        return w in words or w in extra

    def stem(w: str) -> bool:
        return words.frequency(w) > 0 or w in extra

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data" / "drafts").iterdir())]
    texts.append((ROOT / "examples" / "draft-2022-child-protection.txt").read_text(encoding="utf-8"))
    texts.append("Notes the reqest; (reqest) recalls the reqest, UNreqest, iPhonez and Reqests' 'reqest' 2020reqest.\n")
    verdicts = _Verdicts(words, set(), set(), set(), {})
    for _ in range(2):  # the second time every token is read from the memo
        for text in texts:
            tokens = frozenset(text.split())
            assert _unknown(tokens, verdicts, known, stem) == plain(tokens)
    assert verdicts.reported["(reqest)"] == ("reqest",) and "UNreqest," in verdicts.unclean
    assert verdicts.reported["UNreqest,"] == ()


def test_the_english_list_remembers_words_not_the_long_runs_of_letters_spelling_tries_edits_of() -> None:
    """A 200,000-letter run made the spelling rule look up thousands of its edits; remembering
    each took 19 GB (the property test's "x" * 200_000)."""
    from termlint.text import wordlist

    english = wordlist.english()
    assert "resolution" in english and "resolutoin" not in english
    assert english._found["resolution"] >= 0 and english._found["resolutoin"] == -1
    long_run = "x" * 200_000
    assert long_run not in english and long_run not in english._found
