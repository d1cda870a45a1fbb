"""The benchmark's textlint configuration checks the Luxembourg pack's terms (benchmarks/peers/term_lists.py).

The patterns are JavaScript; the ones we write (letters, character classes, `(?:...)`, `\\b`)
mean the same in Python, so Python's `re` stands in for node here.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys

import pytest

from termlint.rules.registry import all_rules

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("term_lists", ROOT / "benchmarks" / "peers" / "term_lists.py")
assert _spec and _spec.loader
term_lists = importlib.util.module_from_spec(_spec)
sys.modules["term_lists"] = term_lists  # dataclasses look their module up there
_spec.loader.exec_module(term_lists)

TERMS = term_lists.read_terms(term_lists.PACK)
LUXEMBOURG = [r for r in all_rules() if r.meta.code.startswith("TM1")]


def test_committed_configuration_is_generated_from_the_pack():
    assert term_lists.PRH.read_text(encoding="utf-8") == term_lists.prh_yaml(TERMS)
    assert term_lists.TERMINOLOGY.read_text(encoding="utf-8") == term_lists.terminology_config(TERMS)
    assert len(json.loads(term_lists.TERMINOLOGY.read_text(encoding="utf-8"))["rules"]["terminology"]["terms"]) == len(TERMS)


def test_every_deprecated_term_of_the_pack_is_listed():
    listed = {(t.code, t.forms[0]) for t in TERMS}
    expected = {(r.meta.code, d) for r in LUXEMBOURG for d, _ in r.pairs}
    assert listed == expected and len(TERMS) == 29


def _finds(code: str, text: str) -> bool:
    return any(re.search(r"\b" + term_lists.pattern(t) + r"\b", text, re.IGNORECASE) for t in TERMS if t.code == code)


@pytest.mark.parametrize("rule", LUXEMBOURG, ids=lambda r: r.meta.code)
def test_the_patterns_find_every_bad_example(rule):
    bad = [e.text for e in rule.meta.examples if e.kind == "bad"]
    assert bad and all(_finds(rule.meta.code, text) for text in bad)


def test_plurals_line_breaks_and_hyphens_match_but_longer_words_do_not():
    assert _finds("TM103", "shelters for Child\nProstitutes")
    assert _finds("TM102", "kiddie-porn rings")
    assert _finds("TM109", "self generated images")
    assert not _finds("TM102", "child pornography")  # TM101's term, not the slang
    assert not _finds("TM108", "paedophilia")


def test_a_term_javascript_would_read_differently_is_refused():
    with pytest.raises(ValueError):
        term_lists.pattern(term_lists.Term("TM999", ("child (sic)",), "x"))
