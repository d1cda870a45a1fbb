"""Every rule's documented examples, run as tests: a bad example raises the rule, a good one
does not, and a bad example's `fixed` text is exactly what --fix makes of it."""

from __future__ import annotations

import pytest

from termlint.text.document import Document
from termlint.engine.lint import Settings
from termlint.engine.fix import fix_text
from termlint.rules.registry import all_rules

from conftest import lint

RULES = all_rules()
CASES = []
for rule in RULES:
    previous_bad = None
    for i, ex in enumerate(rule.meta.examples):
        CASES.append(pytest.param(rule, ex.kind, ex.text, previous_bad, id=f"{rule.meta.code}-{ex.kind}-{i}"))
        previous_bad = ex.text if ex.kind == "bad" else previous_bad


def test_every_rule_has_a_bad_and_a_good_example():
    missing = [r.meta.code for r in RULES if {"bad", "good"} - {e.kind for e in r.meta.examples}]
    assert not missing, f"rules without both a good and a bad example: {missing}"


@pytest.mark.parametrize("rule, kind, text, bad", CASES)
def test_example(rule, kind, text, bad):
    code = rule.meta.code
    if kind == "bad":
        found = [d.code for d in lint(text, code).diagnostics]
        assert code in found, f"{code} should flag: {text!r}"
    elif kind == "good":
        found = [d for d in lint(text, code).diagnostics if d.code == code and d.severity >= 2]
        assert not found, f"{code} should not flag {text!r}: {[d.message for d in found]}"
    else:  # fixed: what --fix makes of the preceding bad example
        outcome = fix_text(Document.from_text(bad), Settings(rules=(rule,)), unsafe=True)
        assert outcome.text == text
        again = fix_text(Document.from_text(outcome.text), Settings(rules=(rule,)), unsafe=True)
        assert again.applied == 0, "fixing twice must change nothing the second time"


def test_codes_are_unique_and_well_formed():
    codes = [r.meta.code for r in RULES]
    assert len(codes) == len(set(codes))
    for code in codes:
        assert code[:2].isalpha() and code[2:].isdigit(), code
