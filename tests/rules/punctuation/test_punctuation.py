"""Punctuation and typing rules PU004-PU010 on the seed and on snippets of real texts."""

from __future__ import annotations

import pytest

from conftest import lint, real
from termlint.text.document import Document
from termlint.engine.lint import Settings
from termlint.engine.fix import fix_text
from termlint.rules.registry import all_rules, select



def found(text: str, *codes: str) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in lint(text, *codes).diagnostics]


def fixed(text: str, code: str) -> str:
    return fix_text(Document.from_text(text), Settings(rules=tuple(select(all_rules(), (code,), ())))).text


def test_seed_punctuation(seed_text):
    codes = sorted(set(found(seed_text, "PU")))
    assert (136, "PU001") in codes  # ", ," in operative 20
    # The page-break quotation (lines 32-42) opens with a straight mark and closes with a curly
    # one: balanced (no PU006), but a mixed style (PU007), as are the straight apostrophes.
    assert not [c for c in codes if c[1] in ("PU005", "PU006")]
    assert {(32, "PU007"), (122, "PU007")} <= set(codes)


def test_seed_quotes_fixed_to_curly(seed_text):
    out = fixed(seed_text, "PU007")
    assert "call to “address the needs" in out and "the General Assembly’s resolution" in out
    assert "offenders’ efforts" in out and '"' not in out and "'" not in out


@pytest.mark.parametrize("text", [
    "Urges Member States,including through legislation",
    "Requests the Secretary-General;to report",
    "It was adopted.The Assembly decided",
])
def test_missing_space(text):
    assert [code for _, code in found(text, "PU004")] == ["PU004"]


@pytest.mark.parametrize("text", [
    "i.e. 1,000 cases and e.g. 1.5 per cent",
    "see E/CN.15/2022/1, A/HRC/RES/34/16 and https://undocs.org/A/RES/75/10,and more",
    "[Explanatory memorandum](/Explanatory_memorandum.md) and www.un.org",
    "the U.N.Security Council",
    "at 10:30 on 3.4.2022",
])
def test_no_missing_space(text):
    assert found(text, "PU004") == []


def test_brackets_across_a_page_break():
    text = ("*Recalling* its resolution 3314 (XXIX of 14 December 1974, entitled\n\n---\n\n<sup>1</sup> A note.\n\n"
            "continued) and its resolution 3281,\n")
    assert found(text, "PU005") == []
    assert found(text.replace("continued)", "continued"), "PU005") == [(1, "PU005")]


def test_unpaired_bracket_in_an_adopted_footnote():
    # A/RES/76/304, footnote 13: "(United Nations publication" lost its opening parenthesis.
    text = real("A_RES_76_304.md").read_text(encoding="utf-8")
    assert found(text, "PU005") == [(149, "PU005")]


def test_multi_paragraph_quotation_is_balanced():
    text = ("and decides to amend rule 1 to read:\n\n“The General Assembly shall meet every year in regular session,\n\n"
            "“The session shall open on a Tuesday.”\n\nNext paragraph,\n")
    assert found(text, "PU006") == []
    assert found(text.replace("Tuesday.”", "Tuesday."), "PU006") == [(5, "PU006")]


def test_straight_quote_closing_a_curly_one():
    assert found("the item entitled “Crime prevention and criminal justice\" and,", "PU006") == []
    assert found("the item entitled Crime prevention\" and,", "PU006") == [(1, "PU006")]


def test_mixed_quotes_majority_straight():
    text = 'the "first", the "second" and the “third” item\n'
    assert found(text, "PU007") == [(1, "PU007")]
    assert fixed(text, "PU007") == 'the "first", the "second" and the "third" item\n'


def test_double_space():
    assert fixed("to  take appropriate measures", "PU008") == "to take appropriate measures"
    assert found("Distr.: Limited  \n20 April 2022\n\nOne sentence.  Another one.", "PU008") == []


def test_year_range_and_per_cent():
    assert fixed("the period 2015-2030 and 2022-10-04", "PU009") == "the period 2015–2030 and 2022-10-04"
    assert found("see A/RES/2015-2030 and ISO 2022-10-04 and 1994-95", "PU009") == []
    assert fixed("an increase of 12% and of 2.5 %", "PU010") == "an increase of 12 per cent and of 2.5 per cent"


def test_fixes_touch_nothing_else(seed_text):
    out = fixed(seed_text, "PU")
    assert len(out) - len(seed_text) == -2  # only ", ," lost a comma and its space; quotes swapped in place
    # and three marks became curly: the straight " on line 32 and the apostrophes on lines 32 and 122
    assert sum(a != b for a, b in zip(out.replace("exploitation, in", "exploitation, , in"), seed_text)) == 3
