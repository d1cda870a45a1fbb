"""Drafts as people outside UN editing write them (issue 18): other layouts, negotiation texts,
numbering a reader catches, official names, citation forms.

The texts in tests/data/drafts/ were written for these tests, each with the defects an editor
would list: a US Model UN draft (`To the General Assembly:`), one whose operative part opens
with `The delegation of X hereby:`, one with no chapeau at all, a treaty (`The Parties to this
Agreement,` ... `Article 4`) and a bracketed negotiation text with Options. Each test pins what
`termlint parse` reads and every warning the linter gives, so a missed defect (recall) and a
new false alarm both fail."""

from __future__ import annotations

import json

import pytest

from conftest import DATA, lint
from termlint.cli.main import main
from termlint.parse.parser import parse
from termlint.parse.tree import Clause
from termlint.text.document import Document

DRAFTS = DATA / "drafts"


def _read(name: str) -> tuple[Document, Clause]:
    doc = Document.read(DRAFTS / name)
    root, problems = parse(doc.text)
    assert problems == []
    return doc, root


def _outline(doc: Document, root: Clause) -> list[str]:
    """The resolution's children as "kind label@line", sub-paragraphs indented by a space."""
    (res,) = root.find("resolution")
    out = []
    for c in res.children:
        out.append(f"{c.kind} {c.label}@{doc.position(c.start)[0]}".replace(" @", "@"))
        out.extend(f" {s.kind} {s.label}@{doc.position(s.start)[0]}" for s in c.children)
    return out


def _found(name: str) -> list[tuple[int, str]]:
    text = (DRAFTS / name).read_text(encoding="utf-8")
    return [(d.line, d.code) for d in lint(text).diagnostics if d.severity >= 2]


# --- layouts: what `parse` reads ---------------------------------------------------------------

def test_us_model_un_layout():
    doc, root = _read("mun-us-layout.txt")
    (res,) = root.find("resolution")
    assert res.layout == "us-mun"
    assert [c.kind for c in root.find("header")[0].children] == ["cover"]  # Committee:, Topic: ... not prose
    outline = _outline(doc, root)
    assert outline[:8] == ["chapeau@6", "preambular@8", "preambular@10", "preambular@12", "preambular@14",
                           "preambular@16", "preambular@18", "operative 1@20"]
    assert outline[8:12] == ["operative 2@22", " subparagraph a.@24", " subparagraph b.@26", " subparagraph b.@28"]
    assert "operative 6@36" in outline  # "6 Emphasizing": a number without its full stop is still a paragraph
    assert [c.label for c in res.children if c.kind == "operative"][-7:] == ["9", "10", "6", "11", "12", "11", "13"]


def test_delegation_layout_with_unnumbered_clauses():
    doc, root = _read("mun-delegation.txt")
    (res,) = root.find("resolution")
    assert res.layout == "delegation"
    assert _outline(doc, root) == [
        "chapeau@5", "preambular@7", "preambular@9", "preambular@11", "opener@13",
        "operative@15", "operative@17", "operative@19", " subparagraph a)@21", " subparagraph b)@23",
        " subparagraph b)@25", "operative@27", "operative@29"]
    assert [c.lead for c in res.children if c.kind == "operative"] == [
        "Urges", "Calls upon", "Requests", "Encourages", "Decides"]


def test_no_chapeau_but_recitals_then_operative_paragraphs():
    doc, root = _read("no-chapeau.txt")
    (res,) = root.find("resolution")
    assert res.layout == "no-chapeau" and res.children[0].kind == "preambular"
    assert _outline(doc, root) == ["preambular@7", "preambular@9", "preambular@11", "operative 1@13",
                                   "operative 2@15", "operative 3@17"]


def test_treaty_layout_with_articles():
    doc, root = _read("treaty.txt")
    (res,) = root.find("resolution")
    assert res.layout == "treaty"
    assert _outline(doc, root) == [
        "chapeau@3", "preambular@5", "preambular@7", "preambular@9", "opener@11",
        "article 1@13", "operative 1@16", "operative 2@18", "article 2@20", "paragraph@23",
        "article 4@25", "operative 1@28", " subparagraph (a)@30", " subparagraph (b)@32", "operative 3@34"]


def test_negotiation_text_with_options_and_brackets():
    doc, root = _read("negotiation.md")
    (res,) = root.find("resolution")
    assert res.layout == "un+options"
    outline = _outline(doc, root)
    assert outline[4:] == [
        "operative 1@15", "operative 2@17", "operative 3@19", " subparagraph (a)@21", " subparagraph (b)@23",
        "option 1@25", "operative 4@27", "operative 5@29", "option 2@31", "operative 4@33", "operative 5@35",
        "operative 5bis@37", "operative 5ter@39", "operative 6@41", "operative 7@43", "operative 8@45"]
    bracketed = next(c for c in res.children if c.label == "3")
    assert bracketed.lead == "Requests"  # "[3. *Requests*": the bracket is not the lead


@pytest.mark.parametrize("chapeau", [
    "To the General Assembly:", "The General Assembly:", "THE GENERAL ASSEMBLY,", "the general assembly;",
    "To the Security Council,", "*The General Assembly*,", "The States Parties to the present Convention,",
])
def test_chapeau_variants(chapeau):
    text = f"{chapeau}\n\nRecalling its resolution 74/174,\n\n1. Decides to remain seized of the matter.\n"
    root, _ = parse(text)
    (res,) = root.find("resolution")
    assert [c.kind for c in res.children] == ["chapeau", "preambular", "operative"]


def test_a_recommendation_line_ending_with_a_colon_is_no_chapeau():
    text = ("The Commission on Crime Prevention and Criminal Justice recommends to the Economic and Social "
            "Council the approval of the following draft resolution:\n\nThe General Assembly,\n\n"
            "Recalling its resolution 74/174,\n\n1. Decides to remain seized of the matter.\n")
    root, _ = parse(text)
    (res,) = root.find("resolution")
    assert res.children[0].text == "The General Assembly,"


def test_a_report_without_recitals_stays_plain_paragraphs():
    text = "Summary\n\nThe meeting noted progress.\n\n1. Introduction\n\n2. Findings of the panel.\n"
    root, _ = parse(text)
    assert root.find("resolution") == []


def test_parse_command_names_the_layout(capsys):
    assert main(["parse", str(DRAFTS / "treaty.txt")]) == 0
    assert "resolution  lines 3-34  layout treaty" in capsys.readouterr().out
    assert main(["parse", "--format", "json", str(DRAFTS / "mun-delegation.txt")]) == 0
    tree = json.loads(capsys.readouterr().out)
    assert [c.get("layout") for c in tree["children"] if c["kind"] == "resolution"] == ["delegation"]


# --- every finding on each draft: the defects an editor lists, and nothing else ---------------

def test_findings_on_the_us_model_un_draft():
    assert _found("mun-us-layout.txt") == [
        (12, "ST121"),  # recital ending with ";"
        (14, "AC004"), (14, "HS310"),  # UN Convention Against Corruption
        (16, "ST114"),  # "Requests" leading a recital
        (28, "ST132"),  # b., b.
        (30, "ST111"),  # Further requests with no Requests before
        (32, "HS310"), (32, "ST122"),  # Developmental Programme; clause ending with ","
        (34, "HS310"),  # Global Environmental Facility
        (36, "ST131"), (36, "ST114"), (36, "HS310"),  # "6 Emphasizing": no stop, a participle; Missions in Kosovo
        (38, "CI025"),  # Security Council resolution 2427 without its year
        (44, "ST132"),  # (i), (i)
        (50, "HS310"),  # Discrimination Against Women
        (52, "ST131"), (52, "HS310"),  # 9, 10, 6, 11: a step back; the United Nation
        (58, "ST131"),  # 11, 12, 11, 13: a repeat
        (60, "ST122"),  # the last clause without its full stop
    ]


def test_findings_on_the_delegation_draft():
    assert _found("mun-delegation.txt") == [
        (7, "CI026"),  # General Assembly resolution 2997 without (XXVII)
        (11, "ST121"),  # recital ending with "."
        (17, "AC004"), (17, "HS310"), (17, "HS104"),  # UN environmental program
        (25, "ST132"),  # b), b)
        (27, "ST122"),  # clause ending with ","
    ]


def test_findings_on_the_draft_without_chapeau_and_the_treaty():
    assert _found("no-chapeau.txt") == [(11, "ST121"), (15, "ST122")]
    assert _found("treaty.txt") == [
        (7, "ST121"),  # recital ending with "."
        (25, "ST131"),  # Article 4 after Article 2
        (32, "ST124"),  # the last sub-paragraph of a provision ends with ";", not the provision's full stop
        (34, "ST131"),  # paragraph 3 after 1 in Article 4
    ]


def test_findings_on_the_negotiation_text():
    # Not reported: "[3." ... "(b) ...;]" (one bracket over a paragraph and its sub-paragraphs),
    # 4 after 5 in Option 2, Option 1's paragraph 5 as "the last", 5bis/5ter, [X], [xx], ###,
    # {:toc} and the <span style="..."> markup; "stocktake" (a known word since issue 13), and CMA,
    # which appears only in session designations (-/CMA.5, CMA.7), read as symbols since issue 13.
    assert _found("negotiation.md") == [
        (9, "CI012"),  # decision 1/CP. 17
        (37, "CI024"),  # paragraph 7-9
        (43, "CI025"),  # Security Council resolution 2417
    ]


def test_a_bracket_left_open_is_still_reported():
    text = ("The General Assembly,\n\n*Recalling* its resolution 74/174,\n\n[1. *Decides* to act;\n\n"
            "2. *Requests* the Secretary-General to report.\n")
    assert [(d.line, d.code) for d in lint(text, "PU005").diagnostics] == [(5, "PU005")]


def test_options_restart_numbering_but_a_real_gap_is_reported():
    text = ("The General Assembly,\n\n*Recalling* its resolution 74/174,\n\n1. *Decides* to act;\n\n"
            "Option 1:\n\n2. *Requests* a report;\n\nOption 2:\n\n2. *Requests* a study;\n\n"
            "4. *Decides* to remain seized of the matter.\n")
    assert [(d.line, d.message) for d in lint(text, "ST131").diagnostics] == [
        (15, "paragraph 4 follows paragraph 2: number 3 is missing")]


def test_official_names_are_left_alone_when_right():
    text = ("1. *Invites* the United Nations Development Programme, the Global Environment Facility, the "
            "United Nations Children’s Fund and the Office of the United Nations High Commissioner for Human "
            "Rights to assist the United Nations Interim Administration Mission in Kosovo and the National "
            "Council;\n")
    assert lint(text, "HS310").diagnostics == []



def test_label_suffixes_and_placeholders_are_not_misspellings():
    text = ("The General Assembly,\n\n*Recalling* paragraphs 5 quinquies, 9bis and 4 sexies, subparagraph (a)ter, "
            "paragraph 7 quater and the [xx] review in ### of its resolution 74/174,\n\n"
            "1. *Decides* to consider the matter in [X] with the <span style=\"color:red\">new</span> text;\n\n"
            "2. *Decides* to remain seized of the matter, ter.\n")
    found = [(d.line, text.splitlines()[d.line - 1][d.column - 1:d.end_column - 1]) for d in lint(text, "SP", "PU").diagnostics]
    assert found == [(7, "ter")]  # "ter" that is no label is still a slip


def test_each_alternative_may_end_the_text():
    text = ("The General Assembly,\n\n*Recalling* its resolution 74/174,\n\n1. *Decides* to act;\n\n"
            "Option 1:\n\n2. *Requests* a report.\n\nOption 2:\n\n2. *Requests* a study,\n")
    assert [(d.line, d.code) for d in lint(text, "ST").diagnostics] == [(13, "ST122")]  # only the comma


def test_alternative_options_are_not_duplicates_of_each_other():
    report = ("*Requests* the Secretary-General to submit a report on the implementation of the present resolution "
              "to the General Assembly")
    text = ("The General Assembly,\n\n*Recalling* its resolution 74/174,\n\n1. *Decides* to act;\n\n"
            f"Option 1:\n\n2. {report} at its eightieth session;\n\nOption 2:\n\n2. {report} at its eighty-first session;\n\n"
            f"3. *Decides* to remain seized of the matter.\n")
    assert lint(text, "ST").diagnostics == []
    twice = text.replace("Option 2:\n\n", "")  # the same two paragraphs in one option: a near repeat
    assert [d.code for d in lint(twice, "ST").diagnostics if d.code.startswith("ST10")] == ["ST102"]


def test_no_chapeau_then_the_delegation_line():
    text = ("Committee: Human Rights Council\n\nRecalling the Universal Declaration of Human Rights,\n\n"
            "Noting with concern the reprisals against human rights defenders,\n\nThe delegation of Ghana hereby:\n\n"
            "Condemns all reprisals against those who cooperate with the United Nations;\n\n"
            "Emphasizing the role of national human rights institutions;\n\nDecides to remain seized of the matter.\n")
    root, _ = parse(text)
    (res,) = root.find("resolution")
    assert res.layout == "delegation"  # no chapeau line: the resolution opens at its first recital
    assert [c.kind for c in res.children] == ["preambular", "preambular", "opener", "operative", "operative", "operative"]
    assert [(d.line, d.code) for d in lint(text, "ST").diagnostics] == [(11, "ST114")]  # a participle leads a clause
