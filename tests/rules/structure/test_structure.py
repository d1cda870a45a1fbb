"""Clause-structure rules (ST1xx) on the seed draft, on snippets of adopted resolutions and on
the corpus texts whose shape they must understand (ECOSOC texts with an embedded draft, a single
unnumbered operative paragraph, Security Council texts, annexes, quoted numbered lists)."""

from __future__ import annotations

import difflib

import pytest

from conftest import DATA, SEED, lint, real
from termlint.rules.structure.parts import lead_of, parts, read_lead, terminal
from termlint.text.document import Document
from termlint.engine.lint import Settings
from termlint.engine.fix import encode_fixed, fix_text
from termlint.parse.parser import parse
from termlint.rules.registry import all_rules, select



def found(text: str, *codes: str) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in lint(text, *codes).diagnostics if d.severity >= 2]


def res(*paragraphs: str, organ: str = "The General Assembly,") -> str:
    return "\n\n".join((organ, *paragraphs)) + "\n"


# --- the seed draft -------------------------------------------------------------------------

def test_seed_structural_defects(seed_text):
    result = lint(seed_text, "ST")
    by_line = {(d.line, d.code): d for d in result.diagnostics}
    # the duplicated recital: line 52 cites 74/174 with the same lead as line 50, and says so
    assert "line 50" in by_line[(52, "ST103")].message
    # "Recognising also" (44) before any plain "Recognising" (70)
    assert (44, "ST111") in by_line
    # operative 20 ends with a comma, the last operative (22) with a semicolon
    assert "ends with “,”" in by_line[(136, "ST122")].message
    assert "ends with “;”" in by_line[(140, "ST122")].message
    # the lead split by the italics, twice
    assert {(54, "ST112"), (82, "ST112")} <= set(by_line)
    warnings = sorted((d.line, d.code) for d in result.diagnostics if d.severity >= 2)
    assert warnings == [(44, "ST111"), (52, "ST103"), (54, "ST112"), (82, "ST112"), (136, "ST122"), (140, "ST122")]


def test_seed_fix_is_exact_and_idempotent(seed_text):
    rules = tuple(select(all_rules(), ("ST", "PU", "FN"), ()))
    document = Document.from_text(seed_text)
    outcome = fix_text(document, Settings(rules=rules))
    assert outcome.converged and outcome.applied >= 5
    fixed = outcome.text
    assert "including online;\n\n21. *Requests* UNODC" in fixed
    assert "exploitation, in order to protect" in fixed and ", ," not in fixed
    assert fixed.rstrip().endswith("rules and procedures of the United Nations.")
    assert "*Noting with concern* the growing threat" in fixed
    assert "*Taking note* of the ITU Guidelines" in fixed
    # Only the marks around the edits change: every other character stays where it was.
    changed = [op for op in difflib.SequenceMatcher(None, seed_text, fixed, autojunk=False).get_opcodes()
               if op[0] != "equal"]
    assert all(i2 - i1 <= 2 and j2 - j1 <= 2 for _, i1, i2, j1, j2 in changed), changed
    assert sum(1 for _ in changed) < 20
    again = fix_text(Document.from_text(fixed), Settings(rules=rules))
    assert again.applied == 0 and again.text == fixed


def test_seed_fix_keeps_crlf_bytes(seed_text):
    raw = seed_text.replace("\n", "\r\n").encode("utf-8")
    document = Document.from_bytes(raw, "draft.txt")
    rules = tuple(select(all_rules(), ("ST122",), ()))
    outcome = fix_text(document, Settings(rules=rules))
    out = encode_fixed(document, outcome.text)
    assert out.count(b"\r\n") == raw.count(b"\r\n")
    a, b = raw.split(b"\r\n"), out.split(b"\r\n")
    differing = [i + 1 for i, (x, y) in enumerate(zip(a, b)) if x != y]
    assert differing == [136, 140]


# --- duplicates -----------------------------------------------------------------------------

def test_exact_repeat_names_the_earlier_line():
    recital = "*Recalling* its resolution 74/174 of 18 December 2019 on countering child sexual exploitation,"
    text = res(recital, "*Noting* the report,", recital.replace("74/174", "74/174<sup>3</sup>"),
               "1. *Decides* to remain seized of the matter.")
    result = lint(text, "ST101")
    (d,) = result.diagnostics
    assert d.line == 7 and "line 3" in d.message


def test_near_repeat_and_distinct_recitals():
    a = ("*Recognizing* that Member States have a responsibility to take action to keep children safe "
         "from all forms of sexual exploitation and abuse,")
    b = a.replace("and abuse,", "and abuse online,")
    assert found(res(a, b, "1. *Decides* to act."), "ST10") == [(5, "ST102")]
    # A recital and an operative paragraph about the same report share words by design.
    text = res("*Having considered* the report of the Secretary-General of 27 August 1993 on the security of operations,",
               "1. *Welcomes* the report of the Secretary-General of 27 August 1993 on the security of operations;",
               "2. *Decides* to remain seized of the matter.")
    assert found(text, "ST10") == []


def test_same_citation_only_as_the_object_of_the_lead():
    # A/RES/75/192: the second recital cites 3314 (XXIX) in passing, not as what it recalls.
    text = res("*Recalling* its resolution 3314 (XXIX) of 14 December 1974, entitled “Definition of aggression”,",
               "*Recalling* that the General Assembly, in its resolution 3314 (XXIX), states that no territorial "
               "acquisition resulting from aggression shall be recognized as lawful,",
               "1. *Decides* to remain seized of the matter.")
    assert found(text, "ST103") == []


# --- leads ----------------------------------------------------------------------------------

@pytest.mark.parametrize("lead, head, degree, key", [
    ("Recalling also", "recalling", 1, "recalling"),
    ("Recognising also", "recognizing", 1, "recognizing"),
    ("Having also considered", "having", 1, "having considered"),
    ("Expressing further concern", "expressing", 0, "expressing"),
    ("Further calls upon", "calls", 2, "calls"),
    ("Requests also", "requests", 1, "requests"),
    ("Deeply concerned also", "concerned", 1, "concerned"),
    ("Praising", "praising", 0, "praising"),
])
def test_read_lead(lead, head, degree, key):
    got = read_lead(lead)
    assert (got.head, got.degree, got.key) == (head, degree, key)


def test_further_after_plain_without_also_is_info_only():
    # Security Council usage (S/RES/242 (1967): "Emphasizing ...", then "Emphasizing further ...").
    text = res("Emphasizing the inadmissibility of the acquisition of territory by war,",
               "Emphasizing further that all Member States have undertaken a commitment,",
               "1. Affirms the principles;", "2. Decides to remain seized of the matter.", organ="The Security Council,")
    result = lint(text, "ST111")
    assert [(d.line, str(d.severity)) for d in result.diagnostics] == [(5, "info")]


def test_repeated_plain_leads_and_also_after_further_are_normal():
    text = res("*Recalling* its resolution 73/154,", "*Recalling* its resolution 74/174,",
               "1. *Requests* the Secretary-General to act;", "2. *Also requests* the Secretary-General to report;",
               "3. *Further requests* the Secretary-General to assist;", "4. *Also requests* the Secretariat to help.")
    assert found(text, "ST111") == []


def test_italic_extent_calls_for_and_taking_note_of():
    text = res("*Taking note* of the report,", "*Bearing* in mind its resolutions,",
               "1. *Calls for* international cooperation;", "2. *Calls* upon Member States to act.")
    assert found(text, "ST112") == [(5, "ST112"), (9, "ST112")]


def test_plain_lead_in_an_italic_document_is_wrapped():
    text = res("*Recalling* its resolution 73/154,", "Recalling also its resolution 74/174,",
               "1. *Decides* to remain seized of the matter.")
    rules = tuple(select(all_rules(), ("ST112",), ()))
    fixed = fix_text(Document.from_text(text), Settings(rules=rules)).text
    assert "*Recalling also* its resolution 74/174," in fixed


def test_plain_text_security_council_leads():
    text = real("S_RES_1454_2002.txt").read_text(encoding="utf-8")
    tree, _ = parse(text)
    (p,) = parts(tree)
    assert [c.label for c in p.operatives] == ["1", "2", "3", "4", "5"]  # the annexes are not operative
    assert [lead_of(c).head for c in p.recitals] == ["recalling", "convinced", "reaffirming", "recalling",
                                                     "reiterating", "acting"]
    assert found(text, "ST") == []


def test_single_unnumbered_operative_paragraph_is_not_a_defect():
    text = real("A_RES_76_7.md").read_text(encoding="utf-8")
    tree, _ = parse(text)
    (p,) = parts(tree)
    assert [c.lead for c in p.operatives] == ["Adopts"] and p.recitals == [] and p.unnumbered == []
    assert found(text, "ST") == []


def test_user_draft_unnumbered_operative_paragraphs():
    text = real("USERDRAFT_ageyev_un-su_GA_Resolution.md").read_text(encoding="utf-8")
    result = [(line, code) for line, code in found(text, "ST115", "ST114")]
    assert result == [(19, "ST115"), (21, "ST115"), (23, "ST115")]


def test_security_council_participle_then_verb_is_operative():
    # S/RES/794 (1992): "10. Acting under Chapter VII of the Charter ..., authorizes ..."
    text = res("Recalling its resolution 733 (1992),",
               "1. Acting under Chapter VII of the Charter of the United Nations, authorizes the Secretary-General to act;",
               "2. Decides to remain seized of the matter.", organ="The Security Council,")
    assert found(text, "ST114") == []


# --- terminal punctuation -------------------------------------------------------------------

def test_terminal_reads_past_markers_and_quotes():
    text = res("*Recalling* the Convention,<sup>1</sup>", "*Noting* its call to “take measures”,[^2]",
               "*Noting also* the report, 28", "1. *Decides* to act.")
    tree, _ = parse(text)
    recitals = parts(tree)[0].recitals
    assert [terminal(c).mark for c in recitals] == [",", ",", ","]
    assert found(text, "ST12") == []


def test_ecosoc_text_recommending_a_draft_to_the_assembly():
    # E/RES/2021/22: the Council's only paragraph ends with a colon; the Assembly's draft follows.
    text = real("E_RES_2021_22.md").read_text(encoding="utf-8")
    tree, _ = parse(text)
    first, second = parts(tree)
    assert first.then_resolution and [terminal(c).mark for c in first.operatives] == [":"]
    assert found(text, "ST12") == []


def test_numbered_list_quoted_in_a_paragraph():
    # E/RES/2023/23, paragraph 11: the provisional agenda (1. to 7.) is part of paragraph 11.
    text = res("*Recalling* its resolution 56/119,", "11. *Approves* the following provisional agenda:",
               "1. Opening of the Congress.", "2. Organizational matters.",
               "12. *Decides* that the following issues shall be considered:", "(a) Building resilient societies;",
               "(b) Ensuring equal access to justice.")
    assert found(text, "ST12", "ST13") == [(5, "ST131")]  # the part starts at 11 in this extract


def test_sub_paragraphs_of_last_paragraph_and_of_recitals():
    text = res("*Convinced* that the Convention constitutes a major contribution to:", "(a) International peace,",
               "(b) Security,", "1. *Decides*:", "(a) To act;", "(b) To report.")
    assert found(text, "ST12") == []
    bad = text.replace("(b) Security,", "(b) Security;").replace("(b) To report.", "(b) To report;")
    assert found(bad, "ST12") == [(7, "ST121"), (13, "ST123")]


def test_omnibus_headings_and_annex_after_the_closing_line():
    text = res("*Recalling* its resolution 74/174,", "## I", "1. *Decides* to act;", "## II", "2. *Requests* a report.",
               "54th plenary meeting", "22 November 2021", "**Annex**", "1. We reaffirm our commitment.",
               "2. We recall the Agenda.")
    assert found(text, "ST12", "ST13") == []


# --- numbering ------------------------------------------------------------------------------

def test_one_wrong_number_is_named_alone():
    text = res("*Recalling* x,", "1. *Decides* a;", "2. *Decides* b;", "4. *Decides* c;", "4. *Decides* d;",
               "5. *Decides* e.")
    result = lint(text, "ST131")
    assert [(d.line, d.message) for d in result.diagnostics] == [(9, "paragraph 4 should be 3")]


def test_letters_after_z_and_ocr_slip():
    subs = [f"({chr(c)}) Item;" for c in range(ord("a"), ord("z") + 1)] + ["(aa) Item;", "(bb) Item."]
    assert found(res("*Recalling* x,", "1. *Decides*:", *subs), "ST132") == []
    # S/RES/864 (1993), paragraph 22: "(a)" retyped for "(d)".
    text = res("*Recalling* x,", "1. *Decides*:", "(a) To examine;", "(b) To seek;", "(c) To consider;",
               "(a) To make reports;", "(e) To promulgate guidelines.")
    result = lint(text, "ST132")
    assert [(d.line, d.message) for d in result.diagnostics] == [(13, "sub-paragraph (a) should be (d)")]


def test_corpus_web_page_has_no_structure_findings():
    text = (DATA / "webpages" / "000_3b9afe8c290620bc.txt").read_text(encoding="utf-8")
    assert found(text, "ST") == []


def test_seed_is_the_example_file():
    assert SEED.read_text(encoding="utf-8").count("*Recalling further* its resolution 74/174") == 2
