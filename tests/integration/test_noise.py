"""Quiet on adopted texts no rule was written for (issue 13), loud on their real slips.

Every text here is real: whole adopted resolutions and lines of others, copied from
../shared/corpus/adopted into tests/data/noise/ (their symbols in comments), so that no test
needs ../shared. Each recognition rule is checked on the text that called for it, and the
slips the adopted texts do hold are checked to stay found.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from termlint.core.resources import data_dir
from termlint.rules.spelling.spelling import edits
from termlint.text.wordlist import WordSet, _frequencies, english, read_supplement, supplement_path

from conftest import lint

ROOT = Path(__file__).resolve().parents[2]
NOISE = ROOT / "tests" / "data" / "noise"
ADOPTED = NOISE / "adopted"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def codes(text: str, select: str) -> Counter[str]:
    """Warnings and errors of the rules `select` names (comma-separated prefixes)."""
    return Counter(d.code for d in lint(text, *select.split(",")).diagnostics if d.severity >= 2)


def words(text: str) -> list[str]:
    return [text[d.start:d.end] for d in lint(text, "SP001").diagnostics]


def script(name: str):  # the scripts are not a package: load one by its path
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


# -- spelling ------------------------------------------------------------------------------

def test_compounds_names_foreign_spans_and_markup_are_recognised():
    # neo‑Nazism (U+2011 and U+002D), intra-African, Sahelo-Saharan, pre-empt, Lomé, Mr. António
    # Guterres, Front de libération nationale kanak et socialiste, *travaux préparatoires*, in
    # extenso, pari passu, per annum, hors de combat, d’instruments, un.org, R*esolutions*,
    # w[^14]hich, Ya‘rubiyah, Fitisemanu v. United States, “use: Saraqib”, bareboat and
    # rangelands (SCOWL), cryosphere (the UN vocabulary), Islamophobic, La Francophonie avec Elles
    text = read(NOISE / "spelling.md")
    assert "neo\u2011Nazism" in text and "neo-Nazism" in text
    assert words(text) == []


def test_each_recognition_is_needed():
    # the same lines with each recognised word's context taken away are reported again
    assert words("the rise of neo Nazism") == ["neo"]
    assert words("in the libération of the country") == ["libération"]
    assert words("the border crossing of rubiyah") == ["rubiyah"]
    assert words("the site at un org") == ["un", "org"][1:]  # “un” is a word of the house lists
    # a lead whose italics start one letter late (A/RES/77/235, paragraph 25) stays reported
    assert words("25. E*ncourages* States parties to the Convention to give full effect,") == ["ncourages"]


def test_slips_that_rare_words_and_prefixes_could_hide_are_found():
    # co + sideration (a SCOWL word) and up + porting: one-letter slips of common words that a
    # derivation from a rare stem, or a two-letter prefix, would take for words
    assert words("in its cosideration of the item, upporting the work") == ["cosideration", "upporting"]
    assert words("in the drylands and seagrasses") == []  # plurals of SCOWL words are words


def test_real_slips_of_adopted_texts_stay_found():
    text = read(NOISE / "spelling-slips.md")
    # "hu man rights" (A/RES/76/174): a word split in two, reported whole
    assert words(text) == ["hu man", "includingdedicated", "confidencebuilding"]


def test_a_word_written_three_times_is_one_finding_whose_fix_mends_all():
    text = read(NOISE / "argan.md")
    (found,) = lint(text, "SP001").diagnostics
    assert text[found.start:found.end].lower() == "argan" and "(3 times in this text)" in found.message
    assert [text[e.start:e.end].lower() for e in found.fix.edits] == ["argan"] * 3


def test_each_occurrence_option_reports_every_one():
    text = read(NOISE / "argan.md")
    from termlint.engine.lint import Settings, lint_text
    from termlint.rules.registry import all_rules, select

    settings = Settings(rules=tuple(select(all_rules(), ("SP001",), ())), options={"SP001": {"each_occurrence": True}})
    assert len(lint_text(text, settings).diagnostics) == 3


def test_the_un_vocabulary_has_its_provenance_and_is_read():
    path = data_dir("rules") / "words" / "un-vocabulary.txt"
    lines = read(path).splitlines()
    header = [line for line in lines if line.startswith("#")]
    assert "scripts/build_vocabulary.py" in " ".join(header) and "families" in " ".join(header)
    listed = [line.partition("#")[0].strip() for line in lines if line.partition("#")[0].strip()]
    assert "cryosphere" in listed
    assert words("impacts on the cryosphere and on polar regions") == []


def test_the_vocabulary_keeps_recurring_slips_and_near_words_out():
    build = script("build_vocabulary")
    found = {  # word -> family -> documents
        "cryosphere": {"oceans": {"a"}, "climate": {"b"}},
        "confidencebuilding": {"disarmament": {"c"}, "security": {"d"}},  # two known words run together
        "tech": {"science": {"e"}, "ict": {"f"}},  # one slip from “teach”: needs four families
        "seagras": {"oceans": {"g", "h", "i"}},  # one family, however many documents
    }
    assert [w for w, _, _ in build.choose(found, 2)] == ["cryosphere"]


def test_no_scowl_word_is_one_slip_from_a_common_word():
    kept = read_supplement(supplement_path())
    assert len(kept) > 100_000 and {"bareboat", "rangelands", "seagrass", "videoconference"} <= set(kept)
    assert "bareboat" in english()
    plain = WordSet.build(_frequencies(supplement=False))
    for word in kept[::997]:  # a hundred, spread over the list
        near, far = edits(word)
        neighbours = plain.members(near) | (plain.neighbours(word) & far)
        assert all(plain.frequency(n) < 200 for n in neighbours), word


# -- acronyms ------------------------------------------------------------------------------

def test_acronyms_read_as_names_symbols_legends_and_definitions():
    # UN‑SPIDER (U+2011) and UN-SPIDER one name; UN-Water; MSC.448(99), WHA73.1, 53/77 AA,
    # 2252 (ES-V), OC 16/99; an *Abbreviations* legend; (SIDS DOCK); (ISIL, also known as
    # Da’esh); *UNEP Frontiers 2016 Report*; Nuclear Weapons[^1] (NPT); (SAMOA) Pathway;
    # L’Oréal-UNESCO
    assert codes(read(NOISE / "acronyms.md"), "AC") == Counter()


def test_acronym_slips_of_adopted_texts_stay_found():
    found = [(d.code, d.message.split("”")[0].lstrip("“")) for d in lint(read(NOISE / "acronyms-slips.md"), "AC").diagnostics]
    assert ("AC004", "UN") in found and ("AC001", "LLDC") in found


def test_budget_tables_and_their_legends_define_and_do_not_redefine():
    # A/RES/75/293: “GS (OL)” per post, and “*Abbreviations*: GS (OL), General Service (Other level)”
    assert codes(read(ADOPTED / "A_RES_75_293.md"), "AC") == Counter()


def test_a_title_defines_and_the_covid_formula_is_no_second_definition():
    assert codes(read(ADOPTED / "A_RES_75_147.md"), "AC") == Counter()  # (SIDS DOCK) in the title
    assert codes(read(ADOPTED / "A_RES_75_207.md"), "AC") == Counter()  # coronavirus disease (COVID-19) twice


# -- structure, house style, citations ---------------------------------------------------------

def test_declarations_and_resolves_that_take_their_own_marks():
    for name in ("A_RES_76_249.md", "A_RES_76_1.md", "A_RES_76_3.md"):
        assert codes(read(ADOPTED / name), "ST12,ST114,PU002") == Counter(), name


def test_states_parties_in_an_annexed_treaty_and_on_the_law_of_the_sea():
    assert codes(read(ADOPTED / "A_RES_77_100.md"), "HS204") == Counter()
    assert codes(read(ADOPTED / "A_RES_75_239-extract.md"), "HS204") == Counter()


def test_real_slips_of_an_adopted_text_stay_found():
    # A/RES/77/76 ends eleven operative paragraphs with commas and writes “States Parties to the
    # NPT” beside “States parties”
    assert codes(read(ADOPTED / "A_RES_77_76.md"), "ST122,HS204") == Counter({"ST122": 11, "HS204": 2})


def test_twin_resolutions_and_the_treaty_series_in_prose():
    assert codes(read(ADOPTED / "A_RES_75_201.md"), "CI023") == Counter()
    assert codes(read(ADOPTED / "A_RES_75_144.md"), "CI040") == Counter()


# -- the regression gate ---------------------------------------------------------------------

@pytest.mark.parametrize("budget, status", [("all=100", 0), ("SP=100", 0), ("all=0.001", 1), ("ST122=0.001", 1)])
def test_noise_budget_exit_status(budget, status):
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "noise.py"), str(ADOPTED), "--budget", budget],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == status, done.stdout + done.stderr
    assert f"budget {budget.split('=')[0].upper()}:" in done.stdout
    if status:
        assert "most findings:" in done.stdout


def test_noise_gate_and_bad_arguments():
    run = [sys.executable, str(ROOT / "scripts" / "noise.py")]
    gate = subprocess.run(run + [str(ADOPTED), "--gate"], capture_output=True, text=True, timeout=300)
    assert "budget ALL:" in gate.stdout and "budget SP:" in gate.stdout
    bad = subprocess.run(run + [str(ADOPTED), "--budget", "SP"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "NAMES=RATE" in bad.stderr and "Traceback" not in bad.stderr
    missing = subprocess.run(run + [str(NOISE / "no-such-folder")], capture_output=True, text=True, timeout=60)
    assert missing.returncode == 2 and "not a folder" in missing.stderr
