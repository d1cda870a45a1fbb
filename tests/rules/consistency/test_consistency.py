"""Consistency within one document (CO): spellings, hyphens, capitals and terms of art."""

from __future__ import annotations

from collections import Counter

from termlint.text.document import Document
from termlint.engine.fix import fix_text
from termlint.core.model import Severity
from termlint.rules.consistency.variants import hyphen_key, spelling_variant

from conftest import lint, settings


def found(text, *codes, **options):
    return [(d.code, text[d.start:d.end]) for d in lint(text, *codes, **options).diagnostics]


# -- the seed draft ------------------------------------------------------------------------------

def test_seed_every_variant_is_reported(seed_text):
    result = lint(seed_text, "CO")
    words = Counter((d.code, seed_text[d.start:d.end]) for d in result.diagnostics)
    assert words == Counter({
        ("CO101", "Recognising"): 9, ("CO101", "recognising"): 1,  # house -ize; "Recognizing" twice
        ("CO101", "normalising"): 1, ("CO101", "fueling"): 1, ("CO101", "offenses"): 1,
        ("CO103", "internet"): 8,  # "Internet" three times inside sentences
        ("CO104", "child sexual abuse and exploitation"): 6,
        ("CO104", "child sexual abuse materials"): 1,
    })
    assert all(d.severity == Severity.WARNING for d in result.diagnostics)


def test_seed_messages_name_both_forms_with_counts_and_the_form_to_keep(seed_text):
    messages = {seed_text[d.start:d.end]: d.message for d in lint(seed_text, "CO").diagnostics}
    assert messages["fueling"].endswith("“fuelling” (1×), “fueling” (1×); keep “fuelling” (UN house style: a doubled l before -ed/-ing (fuelling))")
    assert "“recognizing” (2×), “recognising” (10×); keep “recognizing” (UN house style: -ize, not -ise)" in messages["recognising"]
    assert "“Internet” (3×), “internet” (8×); keep “Internet”" in messages["internet"]
    assert ("“child sexual exploitation and abuse” (33×), “child sexual abuse and exploitation” (6×); "
            "keep “child sexual exploitation and abuse” (the more frequent form)") in messages["child sexual abuse and exploitation"]


def test_seed_safe_fixes_go_toward_the_house_form_only(seed_text):
    outcome = fix_text(Document.from_text(seed_text), settings(("CO",)))
    assert "Recognising" not in outcome.text and "recognising" not in outcome.text
    assert "fuelling the demand for such material," in outcome.text and "other offences in accordance" in outcome.text
    assert "with Internet service providers" in outcome.text
    # word order and number are the drafter's call: only --unsafe-fixes changes them
    assert outcome.text.count("child sexual abuse and exploitation") == 6
    unsafe = fix_text(Document.from_text(seed_text), settings(("CO",)), unsafe=True)
    assert "child sexual abuse and exploitation" not in unsafe.text and "abuse materials" not in unsafe.text


# -- what is not counted -------------------------------------------------------------------------

def test_quotations_titles_and_names_are_not_counted():
    text = ("*Recalling* the “Recognising the rights of the child” campaign and the Organisation for the Prohibition of "
            "Chemical Weapons, the Labor Department and the report of the World Health Organization,\n\n"
            "1. *Welcomes* the cooperation of international organizations;")
    assert not lint(text, "CO").diagnostics


def test_a_sentence_initial_capital_says_nothing():
    text = "Internet access is uneven. Internet service providers and internet platforms"
    assert not lint(text, "CO103").diagnostics


def test_headings_are_not_read_for_capitals():
    text = "## Children and the Internet\n\naccess to the internet and to internet services"
    assert not lint(text, "CO103").diagnostics


def test_no_break_hyphens_are_typography_not_spelling():
    # A/RES/75/158 writes both "non-governmental" and "non\u2011governmental"
    assert not lint("non-governmental organizations and non\u2011governmental actors", "CO102").diagnostics


def test_hyphenation_variants_keep_the_un_form():
    text = "to counter cyber-crime, because cybercrime grows, and well-being and wellbeing"
    result = lint(text, "CO102")
    assert [(text[d.start:d.end], d.fix.edits[0].replacement, d.fix.safe) for d in result.diagnostics] == [
        ("cyber-crime", "cybercrime", True), ("wellbeing", "well-being", True)]


def test_open_compounds_are_left_alone():
    assert not lint("capacity-building initiatives and capacity building for States", "CO102").diagnostics


def test_majority_decides_when_there_is_no_house_form_and_the_fix_is_unsafe():
    text = "e-trade and e-trade platforms and etrade"
    result = lint(text, "CO102")
    assert [(text[d.start:d.end], d.fix.safe) for d in result.diagnostics] == [("etrade", False)]
    assert "keep “e-trade” (the more frequent form)" in result.diagnostics[0].message


def test_prefer_majority_overrides_the_house_form():
    text = "Recognising that x,\n\nRecognising also that y,\n\nRecognizing further that z"
    assert found(text, "CO101") == [("CO101", "Recognising"), ("CO101", "Recognising")]
    assert found(text, "CO101", CO101={"prefer": "majority"}) == [("CO101", "Recognizing")]


def test_offences_fulfil_and_centre_families():
    text = ("sexual offences and other offenses; to fulfil and to fulfill; victim-centred and victim-centered "
            "approaches; labour and labor; analyse and analyze; dialogue and dialog; ageing and aging")
    assert [w for _, w in found(text, "CO101")] == [
        "offenses", "fulfill", "centered", "labor", "analyze", "dialog", "aging"]


# -- the word-level machinery --------------------------------------------------------------------

def test_ise_roots_and_look_alikes_are_not_variants():
    for word in ("advise", "comprise", "exercise", "otherwise", "four", "tour", "filled", "filed"):
        assert spelling_variant(word) is None, word
    assert spelling_variant("counselor").key == spelling_variant("counsellor").key
    assert hyphen_key("re-cover") is None and hyphen_key("cyber\u2011crime") == "cybercrime"


def test_the_one_pattern_tried_first_matches_just_what_one_of_the_nine_matches():
    from termlint.rules.consistency.variants import _ANY, _RULES
    from termlint.text.wordlist import english

    words = english()
    body = bytes(words.data[words.base:]).decode("utf-8").split("\n")
    sample = [line.split("\t")[0] for line in body[::7] if line]  # 34,000 words of every shape
    sample += ["organise", "organization", "analysed", "labourers", "centres", "defences", "travelling",
               "counsellor", "catalogued", "ageing", "aging", "civilisation", "paralyze", "colored"]
    for word in sample:
        one = _ANY.match(word) is not None
        assert one == any(pattern.match(word) for _, pattern, _, _ in _RULES), word
    assert sum(_ANY.match(w) is not None for w in sample) > 1000
