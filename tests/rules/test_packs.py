"""The terminology, house-style and consistency packs tested as data.

Codes unique, patterns compile (loading builds them), entries and term tables sorted, every
entry documented, no preferred form flagged by another rule, the titles list well formed, and
every pair that a house-style rule leaves to the consistency rule (`defer_when_mixed`) really is
a pair the consistency rule recognises. (Each rule's own examples run in test_rule_examples.py.)
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from termlint.rules.terminology.substitution import SubstitutionRule
from termlint.rules.packfiles import PackError
from termlint.rules.packs import load_pack
from termlint.text.phrases import inflections
from termlint.rules.registry import all_rules
from termlint.rules.titles import title_set, validate_titles
from termlint.rules.consistency.variants import spelling_variant

from conftest import ROOT, lint

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PACKS = ("luxembourg", "house-style", "consistency", "titles")
PATHS = {name: ROOT / "rules" / f"{name}.toml" for name in PACKS}
DATA = {name: tomllib.loads(path.read_text(encoding="utf-8")) for name, path in PATHS.items()}
RULES = [r for r in all_rules() if r.meta.pack in PACKS]
SUBSTITUTIONS = [r for r in RULES if isinstance(r, SubstitutionRule)]


def test_packs_load_and_codes_are_unique_with_the_right_prefix():
    codes = [r.meta.code for r in all_rules()]
    assert len(codes) == len(set(codes))
    prefixes = {"luxembourg": ("TM",), "house-style": ("HS",), "consistency": ("CO",)}
    for rule in RULES:
        assert rule.meta.code.startswith(prefixes[rule.meta.pack]), rule.meta.code
    assert {r.meta.pack for r in RULES} == {"luxembourg", "house-style", "consistency"}


@pytest.mark.parametrize("name", PACKS)
def test_entries_are_sorted_by_code_and_term_tables_alphabetically(name):
    entries = DATA[name].get("rules", [])
    codes = [e["code"] for e in entries]
    assert codes == sorted(codes)
    for entry in entries:
        terms = list(entry.get("terms", {}))
        assert terms == sorted(terms, key=lambda t: (t.lower(), t)), f"{entry['code']}: sort the `terms` table"
    titles = [t["name"].lower() for t in DATA[name].get("titles", [])]
    assert titles == sorted(titles)


@pytest.mark.parametrize("rule", SUBSTITUTIONS, ids=lambda r: r.meta.code)
def test_every_term_pattern_compiles_and_finds_every_form(rule):
    """Patterns are compiled on first use (start-up stays cheap): compile them here."""
    for form in rule.table.forms:
        m = next(rule.table.pattern.finditer(f"… {form} …"), None)
        assert m is not None and rule.table.lookup(m.group()) is not None, f"{rule.meta.code}: {form!r}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.meta.code)
def test_every_entry_says_why_and_where_from(rule):
    assert rule.meta.summary and rule.meta.source
    if isinstance(rule, SubstitutionRule):
        assert rule.reason.strip().endswith((".", ")")), f"{rule.meta.code}: a `reason` sentence"


@pytest.mark.parametrize("rule", SUBSTITUTIONS, ids=lambda r: r.meta.code)
def test_no_preferred_form_is_flagged_by_another_rule(rule):
    for _, preferred in rule.pairs:
        for term in preferred:
            text = f"Stressing the importance of {term} in this regard,"
            flagged = [d for d in lint(text, "TM", "HS", "CO", "PU").diagnostics if d.severity >= 2]
            assert not flagged, f"{rule.meta.code}: preferred “{term}” is flagged: {[d.message for d in flagged]}"


@pytest.mark.parametrize("rule", [r for r in SUBSTITUTIONS if r.defer_when_mixed and not r.table.case_sensitive],
                         ids=lambda r: r.meta.code)
def test_deferred_pairs_are_pairs_the_consistency_rule_sees(rule):
    """A rule that leaves mixed documents to CO101 must not leave a pair CO101 cannot see."""
    for deprecated, (preferred,) in rule.pairs:
        for dep, pref in zip(inflections(deprecated, rule.inflect), inflections(preferred, rule.inflect)):
            a, b = spelling_variant(dep), spelling_variant(pref)
            assert a is not None and b is not None and a.key == b.key, f"{dep} / {pref}"
            assert b.house and not a.house, f"{pref} should be the house form of {dep}"


def test_titles_compile_and_cover_the_optional_protocol_in_any_case():
    spans = title_set().spans("the OPTIONAL PROTOCOL to the Convention on the Rights of the Child on the\n"
                              "Sale of Children, Child Prostitution and Child Pornography")
    assert len(spans.spans) == 1 and "Optional Protocol" in spans.spans[0].title.name


def test_a_malformed_titles_table_is_a_pack_error_naming_the_file(tmp_path: Path):
    pack = tmp_path / "bad.toml"
    pack.write_text('[pack]\nname = "bad"\n[[titles]]\nname = "X"\nkind = "treaty"\nforms = ["x"]\n', encoding="utf-8")
    with pytest.raises(PackError, match="bad.toml.*kind"):
        load_pack(pack)
    with pytest.raises(ValueError, match="forms"):
        validate_titles([{"name": "Y", "forms": []}], "here")


@pytest.mark.parametrize("entry, problem", [
    ({"deprecated": ["a"]}, "preferred"),
    ({"terms": {"a": "b"}, "preferred": "c"}, "either"),
    ({"deprecated": "a", "preferred": "b", "inflect": "plural"}, "inflect"),
    ({"deprecated": "a", "preferred": "b", "skip_if_followed_by": "("}, "compile"),
    ({"deprecated": "a", "preferred": "b", "exempt": "never"}, "exempt"),
])
def test_substitution_entries_are_validated(tmp_path: Path, entry, problem):
    body = "\n".join(f"{k} = {_toml(v)}" for k, v in entry.items())
    pack = tmp_path / "p.toml"
    pack.write_text(f'[pack]\nname = "p"\n[[rules]]\ncode = "TM901"\nname = "x"\nkind = "substitution"\n'
                    f'category = "terminology"\n{body}\n', encoding="utf-8")
    with pytest.raises(PackError, match=problem):
        load_pack(pack)


def test_consistency_entries_are_validated(tmp_path: Path):
    pack = tmp_path / "c.toml"
    pack.write_text('[pack]\nname = "c"\n[[rules]]\ncode = "CO901"\nname = "x"\nkind = "consistency"\n'
                    'category = "consistency"\ndetect = "terms"\nfamilies = [{ forms = ["a b", "b a"], house = "c" }]\n',
                    encoding="utf-8")
    with pytest.raises(PackError, match="house"):
        load_pack(pack)


def _toml(value):
    if isinstance(value, dict):
        return "{ " + ", ".join(f'"{k}" = {_toml(v)}' for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return '"' + value + '"'
