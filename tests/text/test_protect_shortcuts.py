"""The label suffixes protect.py keeps out of the rules ("9bis", "5 ter", "(a)ter") are found by a
quicker pattern than their definition (LABEL_SUFFIX): the spans must be the same on any text."""

from __future__ import annotations

from pathlib import Path

from fuzzing import FRAGMENTS, REAL_LINES
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from termlint.text.protect import LABEL_SUFFIX, ProtectedSpans, _label_suffixes

ROOT = Path(__file__).resolve().parents[2]
PIECES = ("9", "5", ")", "(a)", " ", "\t", "\n", "bis", "ter", "quater", "quinquies", "sexies", "septies",
          "octies", "s", "a", "1", "é", "_", "Bis", "after", "10bis", "7 ter.", "(b)ter ")


def _plain(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in LABEL_SUFFIX.finditer(text)]


@hsettings(suppress_health_check=[HealthCheck.too_slow], max_examples=500)
@given(st.lists(st.sampled_from(PIECES + REAL_LINES[:50] + FRAGMENTS), max_size=30).map("".join))
def test_label_suffixes_are_those_of_the_definition(text: str) -> None:
    assert _label_suffixes(text) == _plain(text)


def test_label_suffixes_in_a_negotiation_text() -> None:
    text = "9bis. *Decides* ...;\n\n5 ter. Also;\n\n(a)ter To act;\n\n(b) bis after 12\tquater, and 3 bisect."
    assert [text[a:b] for a, b in _label_suffixes(text)] == ["bis", " ter", "ter", " bis", "\tquater"]
    assert _label_suffixes(text) == _plain(text)
    for path in sorted((ROOT / "tests" / "data" / "drafts").iterdir()):
        draft = path.read_text(encoding="utf-8")
        assert _label_suffixes(draft) == _plain(draft)
    negotiation = (ROOT / "tests" / "data" / "drafts" / "negotiation.md").read_text(encoding="utf-8")
    spans = _plain(negotiation)
    assert spans and all(ProtectedSpans.of(negotiation).code.overlaps(a, b) for a, b in spans)
