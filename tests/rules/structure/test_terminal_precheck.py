"""structure_parts.terminal skips its end-anchored searches when the last character rules
them out; the result must be what the searches alone give, on any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from termlint.rules.structure import parts as sp
from termlint.parse.tree import Clause, Segment

from conftest import DATA


def plain_terminal(text: str) -> sp.Terminal:
    """terminal() as it was before the pre-check: every search always run."""
    original = sp._may_end
    sp._may_end = lambda *a: True
    try:
        return sp.terminal(clause(text))
    finally:
        sp._may_end = original


def clause(text: str) -> Clause:
    return Clause("operative", 0, len(text), segments=(Segment(0, len(text)),), text=text)


ENDINGS = st.sampled_from(["", ";", ",", ".", ":", " and", "; and", ", or\n", "<sup>12</sup>", "[^3]", "\\*",
                           " 12", "\u00a0", "”", "’", "»", "*", "_", "]", " ", "\t", "\n", "…", "...",
                           "\u2028", "\x1c", "²", "d", "r"])


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab ;,.:", max_size=12), st.lists(ENDINGS, max_size=5))
def test_the_precheck_never_changes_the_terminal(body, endings):
    text = body + "".join(endings)
    assert sp.terminal(clause(text)) == plain_terminal(text)


def test_the_corpus_paragraphs_keep_their_terminal():
    for path in sorted((DATA / "corpus").iterdir()):
        for line in path.read_text(encoding="utf-8").split("\n\n"):
            assert sp.terminal(clause(line)) == plain_terminal(line)
