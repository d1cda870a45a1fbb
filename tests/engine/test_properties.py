"""Issue 8, item 1: property tests. lint_text never raises, findings lie inside the text and
quote what they cover, fixing converges and changes nothing outside its edits, and an
unedited file re-encodes to its own bytes.

Profiles (registered in conftest.py): "ci" (the default, 200 examples per property) and
"long" (`HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/engine/test_properties.py`).
For a run over 100,000 documents use scripts/fuzz.py (README, Development).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import pytest
from conftest import settings
from fuzzing import (
    FRAGMENTS,
    HOSTILE,
    JOINERS,
    REAL_LINES,
    Violation,
    check_fix,
    check_lint,
    check_outside_edits,
    check_quoted,
    check_roundtrip,
)
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from termlint.core.model import Diagnostic
from termlint.core.model import Edit, Fix, Severity

SETTINGS = settings()
slow_ok = hsettings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Every code point, lone surrogates (category Cs) and controls included.
any_char = st.characters(exclude_categories=())
noise = st.text(any_char, max_size=40)
fragment = st.one_of(
    st.sampled_from(FRAGMENTS), st.sampled_from(REAL_LINES or FRAGMENTS), st.sampled_from(HOSTILE), noise,
    st.builds(lambda f, n: f + n, st.sampled_from(FRAGMENTS), noise),
)
documents = st.lists(st.tuples(fragment, st.sampled_from(JOINERS)), max_size=40).map(
    lambda parts: "".join(a + b for a, b in parts))
# Shapes that find quadratic or deeply recursive code: thousands of one piece.
REPEATABLE = ("---\n", "---", "[^1]: x\n", "[^1]", "<sup>1</sup>", "<sup>1</sup> note\n\n", "(", "[", "*",
              "“", "\n", "\r", "1. ", "1. *Urges* x;\n", "(a) ", "(a) x;\n", "<!--", ", ", "the ", "a", "\f")
extreme = st.builds(lambda piece, n, tail: piece * n + tail,
                    st.sampled_from(REPEATABLE), st.integers(100, 5000), documents)


@slow_ok
@given(st.text(any_char, max_size=2000))
@example("a\ud800b\udfff")
@example("x" * 200_000)
@example("(" * 20_000 + ")" * 19_999)
def test_lint_never_raises_on_arbitrary_unicode(text: str) -> None:
    check_lint(text, SETTINGS)


@slow_ok
@given(documents)
@example("The General Assembly,\n\n1. *Urges* Member States , to to act;;\n\n(a) To protect;\n\n<sup>1</sup> A/RES/74/174.\n")
def test_findings_lie_inside_the_text_on_resolution_like_documents(text: str) -> None:
    result = check_lint(text, SETTINGS)
    for d in result.diagnostics:
        assert 0 <= d.start <= d.end <= len(result.document.text)


@slow_ok
@given(extreme)
def test_lint_never_raises_on_thousands_of_markers(text: str) -> None:
    check_lint(text, SETTINGS)


@slow_ok
@given(documents, st.booleans())
@example("Recognizing that the the rights ,, of the child are human rights ,\n", False)
# Found by scripts/fuzz.py: each fix below was offered again after it was applied.
@example("Member States " + ", " * 2000 + "the " * 2000 + "act\n", False)  # PU001/PU003 halved a run per round
@example("The General Assembly,\n\n1. *Decides* to act as follows...\n", False)  # ST122 after an ellipsis
@example("The General Assembly,\n\n<!-- a note left open\n\n1. *Calls upon* Member States to share data with the "
         "International Criminal Police Organization (INTERPOL) and others; -->\n\n"
         "2. *Requests* the General Secretariat of INTERPOL to report.\n",
         True)  # AC001 defined INTERPOL inside a comment, where a definition does not count
def test_fixes_converge_and_change_nothing_outside_their_edits(text: str, unsafe: bool) -> None:
    check_fix(text, SETTINGS, unsafe)


@slow_ok
@given(st.lists(st.tuples(st.sampled_from(REAL_LINES or FRAGMENTS), st.sampled_from(("\n", "\r\n", "\r", ""))),
                max_size=20), st.sampled_from((b"", codecs.BOM_UTF8)), st.booleans())
def test_unedited_file_reencodes_to_its_own_bytes(lines: list[tuple[str, str]], bom: bytes,
                                                          utf16: bool) -> None:
    text = "".join(a + b for a, b in lines)
    data = bom + text.encode("utf-8") if not utf16 else codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    check_roundtrip(data)


# --- the invariant checks can fail --------------------------------------------------

@dataclass(frozen=True)
class _FakePatternRule:
    message: str


def test_quote_check_catches_a_message_that_misquotes_the_span() -> None:
    rule = _FakePatternRule("doubled word “{g1}”")
    check_quoted("PU003", "doubled word “the”", "the the", rule)
    with pytest.raises(Violation, match="not in the covered text"):
        check_quoted("PU003", "doubled word “of”", "the the", rule)
    with pytest.raises(Violation, match="finding covers"):
        check_quoted("PU001", "doubled “;;”", ",,", _FakePatternRule("doubled “{match}”"))


def _diag(start: int, end: int, replacement: str) -> Diagnostic:
    return Diagnostic("<t>", 1, 1, 1, 1, "PU001", "x", "punctuation", Severity.WARNING, "m",
                      Fix((Edit(start, end, replacement),), True), start, end)


def test_outside_edit_check_catches_a_change_beyond_the_edit() -> None:
    before = "Member States , in accordance"
    check_outside_edits(before, "Member States, in accordance", [_diag(13, 14, "")], exact=True)
    with pytest.raises(Violation):
        check_outside_edits(before, "Member State, in accordance", [_diag(13, 14, "")], exact=True)
    with pytest.raises(Violation):
        check_outside_edits(before, "Member States, in accordanc", [_diag(13, 14, "")])


def test_lint_flags_a_rule_that_crashes() -> None:
    from termlint.engine.lint import Settings

    class Crashing:
        meta = SETTINGS.rules[0].meta

        def check(self, ctx: object) -> list[object]:
            raise ZeroDivisionError("boom")

    with pytest.raises(Violation, match="a rule crashed or timed out"):
        check_lint("text", Settings(rules=(Crashing(),)))
