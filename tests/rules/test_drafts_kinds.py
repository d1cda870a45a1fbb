"""Issue 18 by kind of defect, on drafts written as people outside UN editing write them:
acronyms in negotiation texts with Options, compounds written open and closed, words split or
run together, US spellings, dollar amounts, the final marks of treaty provisions, and the
structure rules in every layout. The whole drafts are in tests/data/drafts/ (a US Model UN
draft for the World Health Assembly, a bracketed negotiation text with two Options, a treaty);
tests/parse/test_drafts.py has the earlier five."""

from __future__ import annotations

import pytest

from conftest import DATA, lint
from termlint.parse.parser import parse

DRAFTS = DATA / "drafts"


def _found(name: str, *codes: str) -> list[tuple[int, str]]:
    text = (DRAFTS / name).read_text(encoding="utf-8")
    return [(d.line, d.code) for d in lint(text, *codes).diagnostics if d.severity >= 2]


def _said(text: str, *codes: str) -> list[tuple[int, str, str]]:
    """(line, code, the words flagged) for each finding."""
    lines = text.splitlines()
    return [(d.line, d.code, lines[d.line - 1][d.column - 1:d.end_column - 1] if d.end_line == d.line else "")
            for d in lint(text, *codes).diagnostics]


# --- whole drafts: every warning, nothing else ---------------------------------------------------

def test_findings_on_the_negotiation_text_with_options():
    # Not reported: LEG defined in each Option (no "defined twice"), GCF defined in the preamble,
    # "the Cancun Adaptation Framework" (no spelling of AF: the Adaptation Fund is), [X], [xx].
    assert _found("negotiation-adaptation.md") == [
        (11, "AC001"), (11, "AC001"),  # COP and NAPs, used throughout, never defined
        (15, "CO105"), (15, "CO105"),  # waste water / wastewater, coal fired / coal-fired
        (21, "AC001"),  # AF: the Adaptation Fund at line 13 is named in full without it
        (31, "AC001"),  # SBI is defined in Option 1 only: Option 2 may be the one kept
        (31, "CO105"),  # stock take / stocktake
    ]


def test_messages_on_the_negotiation_text():
    text = (DRAFTS / "negotiation-adaptation.md").read_text(encoding="utf-8")
    found = {(d.line, text.splitlines()[d.line - 1][d.column - 1:d.end_column - 1]): d for d in lint(text, "AC").diagnostics}
    assert "write “Conference of the Parties (COP)” there" in found[(11, "COP")].message
    nap = found[(11, "NAPs")]
    assert "write “national adaptation plans (NAPs)” there" in nap.message  # the plural name, the plural acronym
    assert [text[e.start - 25:e.start] + e.replacement for e in nap.fix.edits] == ["national adaptation plans (NAPs)"]
    assert "line 13 has “Adaptation Fund” in full" in found[(21, "AF")].message
    assert "Subsidiary Body for Implementation (SBI)" in found[(31, "SBI")].message
    (usd,) = [d for d in lint(text, "HS106").diagnostics]  # info: adopted texts write both forms
    assert usd.line == 21 and "write “$75 million”" in usd.message and usd.severity == 1


def test_findings_on_the_us_model_un_health_draft():
    # The cover lines (a conference and a committee with their acronyms, HMUN, WHA) are no
    # prose: no acronym finding there. "The World Health Assembly," is read as the chapeau.
    (res,) = parse((DRAFTS / "mun-us-health.txt").read_text(encoding="utf-8"))[0].find("resolution")
    assert res.layout == "un" and res.children[0].text == "The World Health Assembly,"
    assert _found("mun-us-health.txt") == [
        (9, "HS107"),  # diarrhea
        (11, "HS107"),  # anemia
        (13, "CO105"), (13, "HS105"),  # waste water beside wastewater (twice); 500 meters
        (15, "SP002"),  # pro visions
        (21, "SP001"),  # Placementproposal
    ]
    text = (DRAFTS / "mun-us-health.txt").read_text(encoding="utf-8")
    (run_on,) = lint(text, "SP001").diagnostics
    assert "did you mean “Placement proposal”?" in run_on.message


def test_findings_on_the_treaty_with_bad_final_marks():
    assert _found("treaty-marks.txt") == [
        (14, "ST124"),  # a provision ending with ";"
        (16, "ST124"),  # ... with ","
        (21, "ST124"),  # ... with nothing
        (30, "ST124"),  # the last sub-paragraph of a provision ends with ";", not the full stop
    ]  # "DONE at Suva, ..." ends the provisions


# --- acronyms ------------------------------------------------------------------------------------

_CHAPEAU = "The Conference of the Parties,\n\n*Recalling* decision 1/CP.21,\n\n"


def test_each_option_defines_its_own_acronyms():
    text = (_CHAPEAU + "Option 1:\n\n1. *Requests* the Subsidiary Body for Implementation (SBI) to act;\n\n"
            "2. *Invites* the SBI to report;\n\nOption 2:\n\n1. *Requests* the SBI to consider the matter;\n\n"
            "2. *Requests* the Subsidiary Body for Implementation (SBI) to report.\n")
    found = lint(text, "AC").diagnostics
    assert [(d.line, d.code) for d in found] == [(13, "AC002")]  # used in Option 2 before Option 2 defines it
    text = text.replace("2. *Requests* the Subsidiary Body for Implementation (SBI) to report.",
                        "2. *Requests* the SBI to report.")
    (undefined,) = lint(text, "AC").diagnostics
    assert undefined.line == 13 and "Subsidiary Body for Implementation (SBI)" in undefined.message


def test_an_acronym_defined_before_the_options_serves_all_of_them():
    text = (_CHAPEAU + "1. *Requests* the Subsidiary Body for Implementation (SBI) to act;\n\nOption 1:\n\n"
            "2. *Invites* the SBI to report;\n\nOption 2:\n\n2. *Requests* the SBI to consider the matter;\n\n"
            "3. *Requests* the Subsidiary Body for Implementation (SBI) to report.\n")
    assert [(d.line, d.code) for d in lint(text, "AC").diagnostics] == [(15, "AC003")]  # a second definition


def test_an_unknown_acronym_in_one_option_only_is_named_so():
    text = (_CHAPEAU + "Option 1:\n\n1. *Requests* the Technical Examination Process (TEP) to act;\n\nOption 2:\n\n"
            "1. *Requests* the TEP to report.\n")
    (found,) = lint(text, "AC001").diagnostics
    assert found.line == 11 and "defined only in another option, at line 7" in found.message


@pytest.mark.parametrize("written", ["the COP has requested", "formulating NAPs", "the LEG to report"])
def test_acronyms_that_are_english_words_in_capitals_are_still_acronyms(written):
    text = _CHAPEAU + f"1. *Notes* that {written};\n\n2. *Decides* to remain seized of the matter.\n"
    assert [d.code for d in lint(text, "AC001").diagnostics] == ["AC001"]


def test_words_in_capitals_that_are_no_acronyms_stay_quiet():
    text = _CHAPEAU + "1. *Notes* the NOTE and the SAFE initiative;\n\n2. *Decides* to remain seized of the matter.\n"
    assert lint(text, "AC001").diagnostics == []


def test_one_acronym_with_and_without_its_number_is_one_finding():
    text = _CHAPEAU + "1. *Welcomes* the outcome of COP 27 and of COP28 and the Kunming-Montreal outcome of COP15.\n"
    assert [text[d.start:d.end] for d in lint(text, "AC001").diagnostics] == ["COP"]


def test_the_tail_of_a_longer_name_is_no_expansion():
    text = ("The Conference of the Parties,\n\n*Recalling* the Cancun Adaptation Framework,\n\n"
            "1. *Urges* Parties to contribute to the AF.\n")
    (found,) = lint(text, "AC001").diagnostics
    assert "Adaptation Framework" not in found.message and "never defined" in found.message


# --- compounds, split and run-on words, spellings, amounts ---------------------------------------

def test_open_and_closed_compounds_in_one_text():
    text = ("The General Assembly,\n\n*Concerned* that waste water from coal fired plants pollutes rivers,\n\n"
            "1. *Calls for* the reuse of wastewater from coal-fired plants and a global stocktake;\n\n"
            "2. *Welcomes* the stock take and the community based on trust, and the value added by data.\n")
    assert [f for f in _said(text, "CO105")] == [
        (3, "CO105", "waste water"), (3, "CO105", "coal fired"), (7, "CO105", "stock take")]


def test_one_form_throughout_is_left_alone():
    text = ("The General Assembly,\n\n*Concerned* that waste water pollutes rivers,\n\n"
            "1. *Calls for* the treatment of waste water, capacity building and capacity-building programmes, "
            "and for least developed and least-developed countries to have control over all overall targets.\n")
    assert lint(text, "CO105").diagnostics == []


def test_split_words_and_latin_phrases():
    text = ("The General Assembly,\n\n*Recalling* the implemen tation of the pro visions and the re affirmation "
            "of pro bono aid, inter alia, de facto and de jure,\n\n1. *Decides* to remain seized of the matter.\n")
    # halves that are no words: SP001 reports the split word whole; a prefix standing alone: SP002
    assert _said(text, "SP") == [(3, "SP001", "implemen tation"), (3, "SP002", "pro visions"),
                                 (3, "SP002", "re affirmation")]
    (split,) = lint(text, "SP001").diagnostics
    assert "write “implementation”" in split.message and split.fix.edits[0].replacement == "implementation"


def test_run_on_words_are_split_in_the_suggestion_but_names_are_not_reported():
    text = ("The General Assembly,\n\n*Recalling* the humanrights of the Placementproposal and the Standards "
            "of Training, Certification and Watchkeeping for Seafarers,\n\n1. *Decides* to remain seized of the matter.\n")
    found = lint(text, "SP001").diagnostics
    assert [d.message.split(":")[1].split("?")[0].strip() for d in found] == [
        "did you mean “human rights”", "did you mean “Placement proposal”"]


def test_us_spellings_and_units():
    text = ("The General Assembly,\n\n*Concerned* by anemia, diarrheal diseases and pediatric care 10 kilometers "
            "and 5 meters from the water meters,\n\n1. *Decides* to remain seized of the matter.\n")
    assert _said(text, "HS") == [(3, "HS107", "anemia"), (3, "HS107", "diarrheal"), (3, "HS107", "pediatric"),
                                 (3, "HS107", "kilometers"), (3, "HS105", "meters")]


def test_dollar_amounts():
    text = ("The General Assembly,\n\n*Welcoming* pledges of USD 75 million, US$ 1.2 billion, US$20,000, "
            "$5 million and EUR 10 million, and the report “Meeting the US$100 billion goal”,\n\n"
            "1. *Decides* to remain seized of the matter.\n")
    found = lint(text, "HS106").diagnostics
    assert [text[d.start:d.end] for d in found] == ["USD 75 million", "US$ 1.2 billion", "US$20,000"]
    assert [e.replacement for d in found for e in d.fix.edits] == ["$75 million", "$1.2 billion", "$20,000"]


# --- structure in every layout -------------------------------------------------------------------

_RECITALS = ("Recalling its resolution 74/174,\n\nNoting with concern the reprisals against defenders;\n\n"
             "Requests the Secretary-General to report,\n\nAlarmed by the attacks on schools.\n\n")
_CLAUSES = ["Further requests the Secretary-General to report on the implementation of the present resolution;",
            "Emphasizing the need for protection;", "Urges Member States to act,",
            "Decides to remain seized of the matter"]


def _numbered(clauses: list[str]) -> str:
    return "\n\n".join(f"{i}. {c}" for i, c in enumerate(clauses, 1)) + "\n"


@pytest.mark.parametrize(("layout", "text"), [
    ("un", "The General Assembly,\n\n" + _RECITALS + _numbered(_CLAUSES)),
    ("us-mun", "Committee: SOCHUM\nTopic: Reprisals\n\nTo the General Assembly:\n\n" + _RECITALS + _numbered(_CLAUSES)),
    ("delegation", "The General Assembly,\n\n" + _RECITALS + "The delegation of Ghana hereby:\n\n" + "\n\n".join(_CLAUSES) + "\n"),
    ("delegation", "The General Assembly,\n\n" + _RECITALS + "The delegation of Ghana hereby:\n\n" + _numbered(_CLAUSES)),
    ("no-chapeau", "Committee: Human Rights Council\n\n" + _RECITALS + _numbered(_CLAUSES)),
])
def test_structure_faults_are_found_in_every_layout(layout, text):
    (res,) = parse(text)[0].find("resolution")
    assert res.layout == layout
    found = [d.code for d in lint(text, "ST").diagnostics]
    # ";" and "." ending recitals, "Requests" leading one, "Further requests" first, "Emphasizing"
    # leading a clause, a clause ending with "," and the last with nothing
    assert found == ["ST121", "ST114", "ST121", "ST111", "ST114", "ST122", "ST122"]


def test_citation_forms_in_a_us_model_un_draft():
    text = ("To the General Assembly:\n\nRecalling its resolution 70/1 of 25 September 2014, General Assembly "
            "resolution 2029 and Security Council resolution 1325,\n\nRecalling also decision 1/CP. 21 and "
            "paragraph 7-9 of resolution 2200 A (XXI) of 16 December 1966,\n\n1. Decides to remain seized of the matter.\n")
    assert _said(text, "CI") == [
        (3, "CI030", "70/1 of 25 September 2014"),  # dated a year before its session
        (3, "CI026", "2029"),  # no session numeral
        (3, "CI025", "1325"),  # no year
        (5, "CI012", "1/CP. 21"),
        (5, "CI024", "paragraph"),  # 7-9: the fix writes "paragraphs"
    ]
