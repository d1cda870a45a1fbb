"""The automaton under the shared term matcher (text/termscan.py): where terms may start."""

from __future__ import annotations

import random
import re

import pytest

from termlint.text import termscan
from termlint.text.termscan import TermAutomaton, foldable, normalise, walk
from tests.conftest import SEED


def test_a_term_is_found_across_every_joiner_and_reported_at_its_offset_in_the_text() -> None:
    automaton = TermAutomaton.of([normalise("child pornography"), normalise("self-generated")])
    text = "Noting  that CHILD -\n   Pornography and self\u2011generated content, and selfgenerated"
    found = automaton.scan(text)
    assert found == {0: [text.index("CHILD")], 1: [text.index("self\u2011")]}


def test_a_term_inside_a_word_is_not_a_candidate() -> None:
    automaton = TermAutomaton.of(["porn"])
    assert automaton.scan("kiddieporn, (porn) and 5porn") == {0: [13]}


def test_a_text_is_foldable_when_each_character_lowers_to_its_own_case_folding() -> None:
    for code in range(0x30000):
        char = chr(code)
        expected = len(char.lower()) == 1 and char.casefold() == char.lower()
        assert foldable(char) == expected, hex(code)
        assert foldable("Lomé “x” " + char) == expected, hex(code)
    assert not foldable("Straße") and not foldable("İstanbul") and foldable("“Lomé” – ok")


def test_the_walk_takes_the_leftmost_match_and_skips_the_offsets_it_covers() -> None:
    class M:
        def __init__(self, start: int, end: int) -> None:
            self.span = (start, end)

        def end(self) -> int:
            return self.span[1]

    def attempt(pos: int, end: int) -> M | None:
        return M(pos, min(pos + 5, end)) if pos % 2 == 0 else None

    got = walk([0, 2, 6, 8, 11, 12, 20], [(0, 10), (12, 30)], attempt)
    assert [m.span for m in got] == [(0, 5), (6, 10), (12, 17), (20, 25)]
    # spans out of order are read one by one
    got = walk([0, 2, 6, 8, 12], [(12, 30), (0, 4)], attempt, plain=False)
    assert [m.span for m in got] == [(12, 17), (0, 4)]


def test_a_long_text_scanned_a_piece_at_a_time_finds_what_one_scan_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """The automaton reads a long text in pieces that overlap by its longest pattern: a term
    across a cut is found once, at its offset in the text."""
    from termlint.rules.terms import term_index

    text = SEED.read_text(encoding="utf-8")
    automaton = term_index(()).automaton
    whole = automaton.scan(text)
    assert whole and sum(map(len, whole.values())) > 50
    for size in (1, 7, 64, 1000):
        monkeypatch.setattr(termscan, "PIECE", size)
        assert automaton.scan(text) == whole, size


def _scan_whole(patterns: list[str], text: str) -> dict[int, list[int]]:
    """The plain definition: the whole flat text at once, each pattern found with str.find, offsets
    mapped back through the collapsed runs."""
    lowered = text.lower()
    spaced = "".join(" " if c in termscan._JOINERS else c for c in lowered)
    flat, back, at = [], [], 0  # back[i]: the offset in the text of the flat text's i-th character
    for m in re.finditer(" +|[^ ]+", spaced):
        if m.group()[0] == " ":
            flat.append(" ")
            back.append(m.start())
        else:
            flat.append(m.group())
            back.extend(range(m.start(), m.end()))
    whole = "".join(flat)
    found: dict[int, list[int]] = {}
    for i, pattern in enumerate(patterns):
        at = whole.find(pattern)
        while at >= 0:
            if not (at and whole[at - 1] in "abcdefghijklmnopqrstuvwxyz0123456789"):
                found.setdefault(i, []).append(back[at])
            at = whole.find(pattern, at + 1)
    return found


def test_a_long_text_is_read_a_piece_at_a_time_as_if_whole() -> None:
    # pieces of 64 K characters, cut after a line break that no joiner follows: runs of joiners
    # and terms across every likely cut, and lines longer than a piece
    rng = random.Random(17)
    words = ["Child", "pornography", "self", "generated", "the", "-", "\n", "\n\n", "\n \n", "  ", "\u00a0",
             "\u2011", "\t", "states", "member"]
    patterns = [normalise(p) for p in ("child pornography", "self-generated", "member states", "the", "s m")]
    automaton = TermAutomaton.of(patterns)
    for _ in range(6):
        tokens = [rng.choice(words) + rng.choice(["", " ", "\n", "-", "\n\n"]) for _ in range(60_000)]
        for _ in range(3):  # a few lines longer than a piece
            tokens.insert(rng.randrange(len(tokens)), "x" * 70_000 + rng.choice(["\n", " "]))
        text = "".join(tokens)
        assert len(text) > 3 * termscan.PIECE
        assert automaton.scan(text) == _scan_whole(patterns, text)
    assert normalise("Self -\n\n Generated\u00a0 x") == "self generated x"
