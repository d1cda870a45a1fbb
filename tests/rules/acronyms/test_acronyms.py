"""AC001-AC004 on real text: the seed draft, adopted resolutions, and snippets of both."""

from __future__ import annotations

from termlint.text.document import Document
from termlint.engine.lint import Settings
from termlint.engine.fix import fix_text
from termlint.rules.registry import all_rules, select

from conftest import lint, real, real_texts

AC = ("AC001", "AC002", "AC003", "AC004")


def findings(text: str, *codes: str, **options: dict) -> list[tuple[str, int, str]]:
    result = lint(text, *(codes or AC), **options)
    return [(d.code, d.line, text[d.start:d.end]) for d in result.diagnostics]


def test_the_seed_uses_unodc_itu_and_covid_19_without_defining_them(seed_text):
    result = lint(seed_text, *AC)
    assert [(d.code, d.line, seed_text[d.start:d.end]) for d in result.diagnostics] == [
        ("AC001", 68, "ITU"), ("AC001", 70, "COVID-19"), ("AC001", 138, "UNODC")]
    itu, covid, unodc = (d.message for d in result.diagnostics)
    assert "International Telecommunication Union (ITU)" in itu
    assert "coronavirus disease (COVID-19)" in covid
    # The body is named in full at line 134 without "(UNODC)": the message says so.
    assert "line 134" in unodc and "United Nations Office on Drugs and Crime (UNODC)" in unodc


def test_the_seed_fix_defines_unodc_where_the_full_name_stands(seed_text):
    rules = tuple(select(all_rules(), ("AC001",), ()))
    outcome = fix_text(Document.from_text(seed_text), Settings(rules=rules), unsafe=True)
    line_134 = outcome.text.split("\n")[133]
    assert line_134.startswith("19. *Requests* the United Nations Office on Drugs and Crime (UNODC) to assist")
    assert ("AC001", 138, "UNODC") not in findings(outcome.text)


def test_interpol_is_defined_in_the_seed_before_use(seed_text):
    assert not [f for f in findings(seed_text) if f[2] == "INTERPOL"]


def test_symbols_numerals_quotations_and_capital_lines_are_not_acronyms():
    text = ("*Recalling* its resolutions 3363 (XXX) and 2200 A (XXI), document E/CN.15/2022/L.5, "
            "A/RES/75/10 and S/PRST/2020/5, and the report entitled “Reaching the SDGs”,\n\n"
            "RESOLUTION 1454 (2002) ADOPTED BY THE SECURITY COUNCIL\n\n"
            "1. *Decides* that Member States shall answer YES or NO in box 12 of the form;\n")
    assert findings(text) == []


def test_hiv_aids_may_stand_bare_and_a_project_can_allow_more():
    assert findings("*Concerned* that people living with HIV/AIDS face stigma,\n") == []
    text = "21. *Requests* UNODC to provide technical assistance;\n"
    assert [f[0] for f in findings(text)] == ["AC001"]
    assert findings(text, AC001={"allow": ["UNODC"]}) == []


def test_an_acronym_nobody_knows_gets_a_plain_message():
    result = lint("3. *Welcomes* the work of the XYZP in the region;\n", "AC001")
    assert "never defined" in result.diagnostics[0].message and "“(XYZP)”" in result.diagnostics[0].message


def test_used_before_its_definition():
    text = ("*Noting* the databases of INTERPOL,\n\n"
            "10. *Calls upon* Member States to use the databases of the International Criminal Police "
            "Organization (INTERPOL);\n")
    found = lint(text, *AC).diagnostics
    assert [(d.code, d.line) for d in found] == [("AC002", 1)]
    assert "definition at line 3" in found[0].message


def test_preamble_and_operative_part_each_define_as_adopted_texts_do():
    # A/RES/75/10 defines INTERPOL in its first preambular paragraph and again in operative 1.
    text = real("A_RES_75_10.md").read_text(encoding="utf-8")
    assert findings(text) == []


def test_defined_twice_in_the_same_part_is_reported_and_fixed():
    bad = ("*Welcoming* the work of the United Nations Office on Drugs and Crime (UNODC),\n\n"
           "*Noting* the reports of the United Nations Office on Drugs and Crime (UNODC),\n")
    found = lint(bad, *AC).diagnostics
    assert [(d.code, d.line) for d in found] == [("AC003", 3)]
    rules = tuple(select(all_rules(), ("AC003",), ()))
    outcome = fix_text(Document.from_text(bad), Settings(rules=rules), unsafe=True)
    assert outcome.text.endswith("*Noting* the reports of the United Nations Office on Drugs and Crime,\n")


def test_a_definition_inside_a_quoted_title_informs_but_is_not_a_second_definition():
    text = ("*Recalling* its resolution 74/306 of 11 September 2020, entitled “Comprehensive and "
            "coordinated response to the coronavirus disease (COVID-19) pandemic”,\n\n"
            "*Concerned* about the impact of the COVID-19 pandemic,\n\n"
            "*Noting* that the coronavirus disease (COVID-19) pandemic continues,\n")
    assert findings(text) == []


def test_hereinafter_defines():
    text = ("*Recalling* the United Nations Convention against Transnational Organized Crime "
            "(hereinafter “CTOC”),\n\n*Noting* that CTOC is widely ratified,\n")
    assert findings(text) == []


def test_un_is_written_out_but_un_women_is_a_name():
    text = ("2. *Encourages* cooperation with the UN system, the United Nations Entity for Gender Equality "
            "and the Empowerment of Women (UN-Women) and the UN’s funds;\n")
    found = lint(text, *AC).diagnostics
    assert [(d.code, text[d.start:d.end]) for d in found] == [("AC004", "UN"), ("AC004", "UN")]
    assert found[0].fix is not None and found[0].fix.safe
    assert found[1].fix is None  # "the UN’s": writing it out needs a rewording
    rules = tuple(select(all_rules(), ("AC004",), ()))
    assert fix_text(Document.from_text(text), Settings(rules=rules)).text.startswith(
        "2. *Encourages* cooperation with the United Nations system, the United Nations Entity")


def test_official_names_holding_an_acronym_are_not_uses():
    text = "*Welcoming* the International Girls in ICT Day of the International Telecommunication Union,\n"
    assert findings(text) == []


def test_a_slip_in_an_acronym_is_shown_whole():
    text = ("*Concerned* about the coronavirus disease (COVID-19) pandemic and the rapid spread of "
            "COVID-l9 in closed settings,\n")
    assert findings(text) == [("AC001", 1, "COVID-l9")]


def test_plurals_and_hyphenated_uses_are_the_acronym():
    text = ("*Recognizing* the role of information and communications technologies (ICTs),\n\n"
            "*Noting* ICT-based solutions and the ICTs of developing countries,\n")
    assert findings(text) == []


def test_quiet_on_adopted_general_assembly_resolutions():
    noisy = []
    for path in real_texts("A_RES_7[56]_*.md"):
        noisy.extend((path.name, *f) for f in findings(path.read_text(encoding="utf-8")))
    assert noisy == [("A_RES_75_311.md", "AC001", 85, "CITES")]  # named in full, never defined


def test_an_annex_defines_its_own_acronyms():
    text = ("*The General Assembly*,\n\n*Recalling* the work of the United Nations Office on Drugs and "
            "Crime (UNODC),\n\n1. *Requests* UNODC to report;\n\n2. *Adopts* the guidelines annexed to "
            "the present resolution.\n\n80th plenary meeting\n16 December 2021\n\nAnnex\n\nGuidelines\n\n"
            "1. UNODC will assist States.\n")
    found = lint(text, *AC).diagnostics
    assert [(d.code, d.line) for d in found] == [("AC001", 16)]
    assert "United Nations Office on Drugs and Crime (UNODC)” at its first use" in found[0].message
