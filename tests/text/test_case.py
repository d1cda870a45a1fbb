"""Lower-casing a long text a piece at a time (text/case.py) gives what str.lower gives."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from termlint.text import case
from tests.conftest import SEED

# letters whose lower case depends on their neighbours (Σ), grows (İ) or folds otherwise (ß, ſ)
_TRICKY = st.sampled_from(list("ΣσςΑΒ İıßſﬁ\n\n \t.-’“ÉéAbc"))


@given(st.lists(_TRICKY, max_size=60).map("".join), st.integers(1, 9))
def test_lowering_in_pieces_is_lowering_whole(text: str, size: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(case, "PIECE", size)
        assert case.lower(text + "é") == (text + "é").lower()  # not ASCII: the pieces are used
        assert case.folds_as_lowered(text.lower()) == (text.lower().casefold() == text.lower())


def test_a_long_draft_is_lowered_in_pieces_that_end_with_a_line_break() -> None:
    text = SEED.read_text(encoding="utf-8") * 4
    assert len(text) > case.PIECE and not text.isascii()
    parts = list(case.pieces(text))
    assert len(parts) > 1 and "".join(parts) == text
    assert all(part.endswith("\n") for part in parts[:-1])
    assert case.lower(text) == text.lower()
