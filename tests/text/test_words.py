"""The shared word view (termlint/text/words.py) against plain definitions, and built once per text.

Each reading of the view is compared with the obvious way to compute it from the whole text (a
regular expression over the text, the joined clause spans of WordScan, finditer over a span), on
generated texts made of the characters that decide word boundaries, and on real drafts.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from termlint.core.model import Finding, RuleMeta, Severity
from termlint.engine.lint import Settings, lint_text
from termlint.parse.parser import parse
from termlint.rules.acronyms.units import _TOKEN, _Reading, units
from termlint.rules.context import Context
from termlint.rules.registry import all_rules
from termlint.text import words as words_module
from termlint.text.document import Document
from termlint.text.phrases import word_index
from termlint.text.prose import compiled
from termlint.text.wordscan import WordScan, span_occurrences, span_tokens
from termlint.text.words import WordView, view_of
from tests.conftest import SEED, real_texts

# The characters that decide where words, tokens, compounds and acronyms start and end.
ALPHABET = ("abcxyz" "ABCUN" "éÉß" "İ" "Σσ" "²" "0129" "_&" "'’" "-\u2010\u2011" " \t\n\u00a0" ".,;()*|/#")
TEXTS = st.text(alphabet=ALPHABET, max_size=120)
REAL = [SEED, *real_texts("*.md")[:6]]


def plain_index(text: str) -> dict[str, list[int]]:
    """The word index as phrases.word_index always built it: every run of letters, lower case."""
    index: dict[str, list[int]] = {}
    lowered = text.lower()
    if len(lowered) != len(text):
        for m in re.finditer(r"[^\W\d_]+", text):
            index.setdefault(m.group().lower(), []).append(m.start())
        return index
    for m in re.finditer(r"[^\W\d_]+", lowered):
        index.setdefault(m.group(), []).append(m.start())
    return index


def spans_of(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    """Sorted, disjoint spans of `text` cut at the given offsets (every other piece kept)."""
    points = sorted({0, len(text), *(c % (len(text) + 1) for c in cuts)})
    return [(a, b) for k, (a, b) in enumerate(zip(points, points[1:])) if k % 2 == 0 and a < b]


def check_view(text: str, cuts: list[int]) -> None:
    view = WordView(text)
    assert view.tokens == frozenset(text.split())
    index = plain_index(text)
    assert view.words == frozenset(index)
    for word, places in index.items():
        assert view.positions(word) == places
    assert view.positions("absent") == index.get("absent", [])
    assert dict(view.index) == index
    for offset in range(len(text) + 1):
        assert view.line_start(offset) == text.rfind("\n", 0, offset) + 1
        end = text.find("\n", offset)
        assert view.line_end(offset) == (len(text) if end < 0 else end)
    spans = spans_of(text, cuts)
    scan = WordScan.of(text, spans)
    # spelling: the view's tokens hold every token of the spans read alone, and the occurrences
    # of any words are those of the joined spans, in the same order
    assert scan.tokens() <= span_tokens(view, spans)
    wanted = {w for token in scan.tokens() for w in compiled(r"\p{L}+(?:['’]\p{L}+)*").findall(token)}
    assert span_occurrences(view, tuple(spans), wanted) == list(scan.occurrences(wanted))
    # acronyms: the capitals of each span, as finditer finds them in that span alone
    reading = _Reading(view)
    for start, end in spans:
        assert reading.tokens(start, end) == [(m.start(), m.group())
                                              for m in compiled(_TOKEN).finditer(text, start, end)]


@given(TEXTS, st.lists(st.integers(min_value=0, max_value=200), max_size=8))
def test_the_view_reads_a_text_as_the_plain_definitions_do(text: str, cuts: list[int]) -> None:
    check_view(text, cuts)


def test_a_character_and_its_lower_case_are_alike_letters_or_not() -> None:
    """What lets the view find a word by its spellings in the text (`_spellings`) instead of
    searching a lowered copy: lowering never turns a letter into a non-letter or back, so the runs
    of letters of the lowered text are the runs of the text, lowered."""
    letter = re.compile(r"[^\W\d_]")
    differ = [hex(code) for code in range(sys.maxunicode + 1)
              if len(lowered := chr(code).lower()) == 1
              and (letter.fullmatch(chr(code)) is None) != (letter.fullmatch(lowered) is None)]
    assert differ == []


def test_a_word_is_found_in_every_spelling_the_text_gives_it() -> None:
    text = "RECOGNISING the work, Recognising it, recognising; unrecognising Recognisings"
    view = WordView(text)
    assert view.positions("recognising") == [0, 22, 38]
    assert view.positions("recognisings") == [65] and view.positions("recognise") == []


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_the_view_reads_real_drafts_as_the_plain_definitions_do(path) -> None:  # type: ignore[no-untyped-def]
    text = Document.read(path).text
    view = WordView(text)
    index = plain_index(text)
    assert view.words == frozenset(index)
    for word in sorted(index)[::7]:  # a seventh of the words: enough to catch an offset slip
        assert view.positions(word) == index[word]
    tree, _ = parse(text)
    spans = sorted({(s.start, s.end) for c in tree.walk() if c.kind in ("preambular", "operative")
                    for s in c.segments})
    scan = WordScan.of(text, spans)
    wanted = {w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 3}
    assert span_occurrences(view, tuple(spans), wanted) == list(scan.occurrences(wanted))


# letters joined by single hyphens, taken whole (possessive: a compound touching a digit is no
# compound at all, not a shorter one)
ASCII_COMPOUND = regex.compile(r"(?<![A-Za-z0-9_\-\u2010\u2011])[A-Za-z]++(?:[-\u2010\u2011][A-Za-z]++)++(?![A-Za-z0-9_])")


@given(st.text(alphabet="abAB01_ -\u2010\u2011\n.", max_size=80))
def test_compounds_are_letters_joined_by_single_hyphens(text: str) -> None:
    # not touching a digit, an underscore or another hyphen before it (COVID-19, x_a-b, -a-b)
    assert WordView(text).compounds == [m.span() for m in ASCII_COMPOUND.finditer(text)]


def test_the_view_of_the_example_draft_knows_its_words() -> None:
    text = Document.read(SEED).text
    view = WordView(text)
    assert {"child", "protection", "recalling"} <= view.words
    assert view.positions("child") == [m.start() for m in re.finditer(r"(?<![^\W\d_])child(?![^\W\d_])", text.lower())]
    assert all(text[s:e].count("-") + text[s:e].count("\u2011") >= 1 for s, e in view.compounds)


class _WordRule:
    """A word-level rule written the way the README says: it reads the shared view, nothing else."""

    meta = RuleMeta(code="XX901", name="word-count", category="spelling", severity=Severity.INFO,
                    summary="a test rule that counts one word")

    def check(self, ctx: Context) -> Iterator[Finding]:
        for start in ctx.word_view.positions("child")[:1]:
            yield Finding(self.meta.code, start, start + 5, "child")


def _built_by(rules: tuple, text: str) -> int:  # type: ignore[type-arg]
    words_module._RECENT.clear()  # a new document: Document.from_text may hand back the same str object
    before = words_module.BUILT[0]
    lint_text(Document.from_text(text, "draft.md"), Settings(rules=rules))
    return words_module.BUILT[0] - before


def test_one_view_per_document_however_many_word_level_rules_run() -> None:
    text = SEED.read_text(encoding="utf-8")
    every = tuple(all_rules())
    word_level = tuple(r for r in every if r.meta.code[:2] in ("SP", "CO", "AC", "HS"))
    assert _built_by(word_level[:1], text) == 1
    assert _built_by(word_level, text) == 1
    assert _built_by(every, text) == 1
    assert _built_by((*every, _WordRule()), text) == 1  # a new word-level rule adds no pass over the text


def test_every_reader_of_a_text_shares_its_view() -> None:
    text = Document.read(SEED).text
    tree, _ = parse(text)
    ctx = Context(Document.from_text(text), tree)
    assert ctx.word_view is view_of(ctx.text)
    assert word_index(ctx.text) is ctx.word_view.index  # term lists and titles read the same view
    before = words_module.BUILT[0]
    units(ctx)
    assert words_module.BUILT[0] == before


def test_a_forgotten_text_gets_a_new_view_and_others_keep_theirs() -> None:
    kept, dropped = "Member States and the Council", "the Member States of the Assembly"
    first, other = view_of(dropped), view_of(kept)
    assert view_of(dropped) is first
    words_module.forget(dropped)
    assert view_of(kept) is other
    again = view_of(dropped)
    assert again is not first and again.words == first.words
