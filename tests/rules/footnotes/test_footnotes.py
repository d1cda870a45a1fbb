"""Footnote presence and order (FN001-FN003; "Ibid." in the first footnote is CI041) in both styles: `<sup>n</sup>` from PDF/Word
conversions and Markdown `[^n]`, on the seed and on snippets of adopted resolutions."""

from __future__ import annotations

from conftest import lint, real


def found(text: str) -> list[tuple[int, str, str]]:
    return [(d.line, d.code, d.message) for d in lint(text, "FN").diagnostics]


def test_seed_footnotes_are_paired_and_in_order(seed_text):
    # Markers <sup>1</sup>, <sup>2</sup> (line 30), <sup>3</sup> (48) and the "\*" on the agenda
    # item (16), with their footnotes on lines 36, 38, 40 and 60 (across two page breaks).
    assert found(seed_text) == []


def test_seed_with_a_footnote_removed(seed_text):
    text = seed_text.replace("<sup>3</sup> The term “survivors”", "The term “survivors”")
    assert [(line, code) for line, code, _ in found(text)] == [(48, "FN001")]


def test_seed_with_a_marker_removed(seed_text):
    text = seed_text.replace("terminology<sup>3</sup>", "terminology")
    assert [(line, code) for line, code, _ in found(text)] == [(60, "FN002")]


A_RES_76_186 = (
    "*The General Assembly*,\n\n"
    "*Reaffirming* the United Nations Convention against Transnational Organized Crime[^1] and the Protocol "
    "to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children,[^2]\n\n"
    "1. *Urges* Member States to implement them.\n\n---\n\n"
    "[^1]: United Nations, *Treaty Series*, vol. 2225, No. 39574.\n"
    "[^2]: Ibid., vol. 2237, No. 39574.\n"
)


def test_markdown_footnotes_of_an_adopted_resolution():
    assert found(A_RES_76_186) == []


def test_markers_out_of_order():
    text = A_RES_76_186.replace("Crime[^1]", "Crime[^2]").replace("Children,[^2]", "Children,[^1]")
    assert [(code, msg) for _, code, msg in found(text)] == [
        ("FN003", "the first footnote marker is 2: footnotes are numbered from 1"),
        ("FN003", "footnote marker 1 first appears after marker 2: number footnotes in the order of their markers"),
    ]


def test_gap_in_markers_and_duplicate_footnote():
    text = A_RES_76_186.replace("Children,[^2]", "Children,[^3]").replace("[^2]: Ibid.", "[^3]: Ibid.")
    assert [(code, msg) for _, code, msg in found(text)] == [("FN003", "footnote marker 3 follows 1: number 2 is missing")]
    twice = A_RES_76_186.replace("[^2]: Ibid.", "[^1]: Ibid.")
    codes = [code for _, code, _ in found(twice)]
    assert codes == ["FN001", "FN003"]  # marker 2 has no footnote; footnote 1 is defined twice


def test_ibid_in_first_footnote_is_the_citation_rule_s_alone():
    text = A_RES_76_186.replace("[^1]: United Nations, *Treaty Series*", "[^1]: Ibid.,")
    assert found(text) == []
    assert "CI041" in [d.code for d in lint(text, "FN", "CI041").diagnostics]


def test_a_marker_may_refer_again_to_a_footnote():
    text = A_RES_76_186.replace("implement them.", "implement them.[^1]")
    assert found(text) == []


def test_extract_starting_at_footnote_3_is_info():
    # A/RES/75/257 B is numbered on from part A: its first marker is 3.
    text = real("A_RES_75_257_B.md").read_text(encoding="utf-8")
    result = lint(text, "FN").diagnostics
    assert [(d.code, str(d.severity)) for d in result] == [("FN003", "info")]


def test_markdown_bullets_are_not_footnotes():
    text = "A list:\n\n* first item\n\n* second item\n"
    assert found(text) == []


def test_sup_ordinals_and_units_are_not_markers():
    text = "The 1<sup>st</sup> meeting\n\n<sup>1</sup> A note without a marker.\n"
    assert [code for _, code, _ in found(text)] == ["FN002"]
