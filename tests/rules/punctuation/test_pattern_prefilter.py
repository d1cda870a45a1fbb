"""A pattern rule's `prefilter` only makes it faster: the matches are those of `pattern` alone.

The bundled prefilters are checked against the plain scan on the real texts in tests/data and
on generated texts full of the near misses each rule is about (doubled words across case,
punctuation and line breaks, runs of spaces before punctuation).
"""

from __future__ import annotations

import random
import textwrap
from pathlib import Path

import pytest

from termlint.rules.punctuation.pattern import PatternRule
from termlint.rules.packfiles import PackError
from termlint.rules.packs import load_pack
from termlint.rules.registry import all_rules
from termlint.engine.lint import Settings, lint_text
from tests.conftest import ROOT
from tests.fuzzing import random_document

FILTERED = [r for r in all_rules(()) if isinstance(r, PatternRule) and r.prefilter is not None]
TEXTS = sorted((ROOT / "tests" / "data" / "corpus").iterdir()) + sorted(
    p for p in (ROOT / "examples").iterdir() if p.suffix != ".docx")  # the Word example is the .txt's text


def _plain(rule: PatternRule, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rule.pattern.finditer(text) if m.end() > m.start()]


def _filtered(rule: PatternRule, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rule.finditer(text, 0, len(text))]


def _near_misses(rng: random.Random) -> str:
    words = ["the", "The", "THE", "to", "To", "Bora", "bora", "a", "A", "de", "ß", "straße", "STRASSE",
             "x2", "co-operation", "co", "operation", "1990", "I", "i", "İ", "ǅ", "ǆ",
             "USD", "US$", "USD 75", "US$ 1.2", "US$75", "million"]  # HS106: amounts in United States dollars
    gaps = [" ", "  ", "\t", "\u00a0", "\n", " \n ", "\n\n", ", ", " , ", " ;", " )", " .", "/", "-", "_", "²"]
    return "".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(1, 60)))


def test_the_bundled_rules_use_prefilters() -> None:
    assert {r.meta.code for r in FILTERED} >= {"PU002", "PU003", "PU008"}


@pytest.mark.parametrize("rule", FILTERED, ids=lambda r: r.meta.code)
def test_prefilter_finds_what_the_pattern_finds_on_real_text(rule: PatternRule) -> None:
    found = 0
    for path in TEXTS:
        text = path.read_text(encoding="utf-8")
        plain = _plain(rule, text)
        assert _filtered(rule, text) == plain, path.name
        found += len(plain)
    if rule.meta.code in ("PU003", "PU008"):  # the user's draft has both slips: the comparison saw matches
        assert found > 0


@pytest.mark.parametrize("rule", FILTERED, ids=lambda r: r.meta.code)
def test_prefilter_finds_what_the_pattern_finds_on_generated_text(rule: PatternRule) -> None:
    rng = random.Random(7)
    matched = 0
    for _ in range(3000):
        text = _near_misses(rng) if rng.random() < 0.7 else random_document(rng)
        plain = _plain(rule, text)
        assert _filtered(rule, text) == plain, repr(text)
        matched += bool(plain)
    assert matched > 100  # the generator does reach the cases the rule reports


def test_a_user_pack_may_give_a_prefilter(tmp_path: Path) -> None:
    pack = tmp_path / "ours.toml"
    pack.write_text(textwrap.dedent("""\
        [pack]
        name = "ours"
        [[rules]]
        code = "XX001"
        name = "member-states"
        kind = "pattern"
        category = "punctuation"
        message = "write “Member States”"
        pattern = '(?<!\\p{L})member (?=states)'
        prefilter = 'member '
        ignore_case = true
        """), encoding="utf-8")
    (rule,) = load_pack(pack)
    assert rule.prefilter is not None
    result = lint_text("Calls upon MEMBER STATES and member states, and members states,", Settings(rules=(rule,)))
    assert [(d.column, d.end_column) for d in result.diagnostics] == [(12, 19), (30, 37)]


def test_a_prefilter_that_does_not_compile_names_the_pack_and_rule(tmp_path: Path) -> None:
    pack = tmp_path / "bad.toml"
    pack.write_text(textwrap.dedent("""\
        [pack]
        name = "bad"
        [[rules]]
        code = "XX002"
        name = "broken"
        kind = "pattern"
        category = "punctuation"
        message = "m"
        pattern = 'a'
        prefilter = '(unclosed'
        """), encoding="utf-8")
    with pytest.raises(PackError, match=r"bad\.toml: rule XX002: `prefilter` does not compile"):
        load_pack(pack)
