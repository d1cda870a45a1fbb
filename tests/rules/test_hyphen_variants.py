"""Every rule reads U+2010 (hyphen) and U+2011 (non-breaking hyphen) as it reads "-".

The adopted texts write the non-breaking hyphen (UN‑Women, COVID‑19, follow‑up): a rule that
reads words must not take “UN” out of “UN‑SPIDER”, nor see two words in “follow‑up”. Each
rule's documented examples are linted again with every hyphen between two letters or digits
written as U+2010, then as U+2011: a good example stays good and a bad one stays bad.
"""

from __future__ import annotations

import re

import pytest

from termlint.rules.registry import all_rules

from conftest import lint

_INNER_HYPHEN = re.compile(r"(?<=[^\W_])-(?=[^\W_])")
CASES = [pytest.param(rule, ex.kind, ex.text, dash, id=f"{rule.meta.code}-{ex.kind}-{i}-U+{ord(dash):04X}")
         for rule in all_rules() for i, ex in enumerate(rule.meta.examples)
         if ex.kind in ("good", "bad") and _INNER_HYPHEN.search(ex.text)
         for dash in ("\u2010", "\u2011")]


def test_the_sweep_reads_many_examples():
    assert len(CASES) > 60  # not a sweep over nothing: 36 examples hold a hyphen


@pytest.mark.parametrize("rule, kind, text, dash", CASES)
def test_hyphen_variant_of_example(rule, kind, text, dash):
    code = rule.meta.code
    variant = _INNER_HYPHEN.sub(dash, text)
    found = [d for d in lint(variant, code).diagnostics if d.code == code and d.severity >= 2]
    if kind == "bad":
        assert [d for d in lint(variant, code).diagnostics if d.code == code], f"{code} should flag: {variant!r}"
    else:
        assert not found, f"{code} should not flag {variant!r}: {[d.message for d in found]}"
