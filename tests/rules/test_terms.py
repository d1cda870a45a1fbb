"""Issue 17, item 2: one matcher for every pack term (rules/terms.py, text/termscan.py).

The shared automaton only says where a term may start; each term list's matches must stay
exactly what its own pattern (phrases.cached_terms, the way every term rule matched before)
finds. The equivalence is held on generated text made of the packs' own terms (in any case,
with every kind of joiner, glued to letters, digits and quotes) and of real lines.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Hashable
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, SEED
from fuzzing import REAL_LINES
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from termlint.engine.lint import Settings, lint_text
from termlint.rules import terms
from termlint.rules.registry import all_rules, select
from termlint.rules.terms import TermSource, matches, term_index, title_source
from termlint.rules.titles import title_set

INDEX = term_index(())
# Every term list of every bundled pack, and the official titles.
SOURCES: list[TermSource] = [s for r in all_rules() for s in getattr(r, "term_sources", lambda: ())()
                             if isinstance(s, TermSource)]
SOURCES.append(title_source(title_set()))
# The official names (HS310, matched loosely: tried where a name's first word or "UN" starts), slightly
# misspelt too, join the texts.
NAMES = [n for r in all_rules() if r.meta.code == "HS310" for n in r.names]
NAME_FORMS = sorted({n.skeleton for n in NAMES} | {n.skeleton.replace("United Nations", "UN") for n in NAMES}
                    | {n.skeleton.replace("me", "m").replace("ion", "ions").replace("ent", "ental") for n in NAMES})
FORMS = sorted({t for s in SOURCES for t in s.terms} | set(NAME_FORMS))
TERM_CODES = ("TM", "HS1", "HS2", "HS3", "CO104", "CO103")

JOINS = (" ", "  ", "\n", "-", " - ", "-\n", "\u00a0", "\u2011", "\n\n", "\t", " \n  ", "--", "\u202f")
GLUE = (" ", " ", ", ", ". ", "\n", "\n\n", "(", ")", "x", "5", "_", "“", "”", "’s ", "*", "the term ", "")


class Doc:
    """The part of a rule context the matcher reads: the text, the packs, the per-document views."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.packs: tuple[Path, ...] = ()
        self._shared: dict[Hashable, Any] = {}

    def shared(self, key: Hashable, compute: Any) -> Any:
        if key not in self._shared:
            self._shared[key] = compute()
        return self._shared[key]


def _cased(form: str, how: int) -> str:
    return [form, form.lower(), form.upper(), form.title(), form[:1].upper() + form[1:]][how]


@st.composite
def term_text(draw: st.DrawFn) -> str:
    """Pack terms (any case, joiners varied) between real lines and glue."""
    pieces = []
    for _ in range(draw(st.integers(1, 14))):
        kind = draw(st.integers(0, 4))
        if kind == 4:
            pieces.append(draw(st.sampled_from(NAME_FORMS)))
        elif kind == 0 and REAL_LINES:
            pieces.append(draw(st.sampled_from(REAL_LINES)))
        elif kind == 1:
            pieces.append(draw(st.sampled_from(GLUE)))
        else:
            form = _cased(draw(st.sampled_from(FORMS)), draw(st.integers(0, 4)))
            words = form.split(" ")
            out = words[0]
            for word in words[1:]:
                out += draw(st.sampled_from(JOINS)) + word
            pieces.append(out)
    return "".join(pieces)


def _spans(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    points = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
    return [(a, b) for a, b in zip(points, points[1:]) if a < b][::2]


def _old(source: TermSource, text: str, spans: list[tuple[int, int]], plain: bool) -> list[tuple[int, int, str]]:
    matcher = source.matcher
    found = matcher.find_in(text, spans) if plain else [m for a, b in spans for m in matcher.finditer(text, a, b)]
    return [(m.start(), m.end(), m.group()) for m in found]


def _new(source: TermSource, text: str, spans: list[tuple[int, int]], plain: bool) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches(Doc(text), source, spans, plain)]


@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(term_text(), st.lists(st.integers(0, 4000), max_size=6), st.booleans())
def test_the_shared_matcher_finds_what_each_term_list_finds(text: str, cuts: list[int], reverse: bool) -> None:
    whole = [(0, len(text))]
    spans = _spans(text, cuts)
    for source in SOURCES:
        assert _new(source, text, whole, True) == _old(source, text, whole, True), source.terms[:3]
        assert _new(source, text, spans, True) == _old(source, text, spans, True), source.terms[:3]
        # spans out of order (clauses of a scope that nest): each read on its own
        messy = spans[::-1] + spans[:1] if reverse else spans + spans
        assert _new(source, text, messy, False) == _old(source, text, messy, False), source.terms[:3]


def _findings(text: str, rules: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    result = lint_text(text, Settings(rules=rules))
    return [(d.code, d.start, d.end, d.message, d.severity, d.fix) for d in result.diagnostics]


TERM_RULES = tuple(select(all_rules(), TERM_CODES, ()))


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(term_text())
def test_term_rules_report_the_same_with_and_without_the_shared_matcher(text: str) -> None:
    new = _findings(text, TERM_RULES)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(terms, "_hits", lambda ctx, source: (None, None))  # every term list matched by its own pattern
        old = _findings(text, TERM_RULES)
    assert new == old


def test_the_example_draft_reports_the_same_with_and_without_the_shared_matcher() -> None:
    text = SEED.read_text(encoding="utf-8")
    new = _findings(text, TERM_RULES)
    assert {code for code, *_ in new} >= {"TM101", "HS101", "HS305", "CO104"}  # the draft's known slips
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(terms, "_hits", lambda ctx, source: (None, None))
        assert _findings(text, TERM_RULES) == new


@pytest.mark.parametrize("name", ["mun-us-layout.txt", "mun-delegation.txt"])
def test_official_names_found_where_a_name_may_start_are_those_found_by_reading_each_clause(name: str) -> None:
    text = (ROOT / "tests" / "data" / "drafts" / name).read_text(encoding="utf-8")
    rules = tuple(select(all_rules(), ("HS310",), ()))
    new = _findings(text, rules)
    assert new and {text[start:end] for _, start, end, *_ in new} >= (
        {"UN Convention Against Corruption", "Global Environmental Facility"} if "us" in name else {"UN environmental program"})
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(terms, "_hits", lambda ctx, source: (None, None))
        assert _findings(text, rules) == new


def test_every_bundled_term_list_is_in_the_one_index() -> None:
    missing = [s.terms[:2] for s in SOURCES if s.sid not in INDEX.sids]
    assert missing == []
    (names,) = [r for r in all_rules() if r.meta.code == "HS310"]
    assert names.starts.sid in INDEX.sids and {"un", "conve", "unit"} <= set(names.starts.forms)
    assert len(INDEX.automaton.patterns) > 1500  # ~2,100 forms, shared forms counted once


def test_a_term_of_a_user_pack_joins_the_matcher(tmp_path: Path) -> None:
    pack = tmp_path / "ours.toml"
    pack.write_text('[pack]\nname = "ours"\n\n[[rules]]\ncode = "US101"\nname = "widgets"\nkind = "substitution"\n'
                    'category = "terminology"\ndeprecated = ["frobnicated widget"]\npreferred = ["adjusted device"]\n'
                    'inflect = "noun"\n', encoding="utf-8")
    packs = (pack,)
    (rule,) = [r for r in all_rules(packs) if r.meta.code == "US101"]
    index = term_index(packs)
    assert rule.table.source.sid in index.sids and rule.table.source.sid not in INDEX.sids
    assert "frobnicated widgets" in index.automaton.patterns  # with its generated plural
    text = "Notes that Frobnicated\nWidgets are used and that child pornography persists,"
    result = lint_text(text, Settings(rules=tuple(all_rules(packs)), packs=packs))
    found = {(d.code, text[d.start:d.end]) for d in result.diagnostics}
    assert ("US101", "Frobnicated\nWidgets") in found
    assert ("TM101", "child pornography") in found  # the bundled terms are in the same index


def test_a_text_the_automaton_cannot_lower_case_is_matched_by_each_pattern() -> None:
    # ß folds to "ss" in the patterns, not in str.lower(): such a text is read the old way
    source = TermSource.of(["“strasse”", "child pornography"])  # a quoted term: tried everywhere
    text = "“Straße” and CHILD-\nPORNOGRAPHY and child pornographyx"
    assert INDEX.automaton.scan(text) is None
    found = _new(source, text, [(0, len(text))], True)
    assert [g for *_, g in found] == ["“Straße”", "CHILD-\nPORNOGRAPHY"]
    assert found == _old(source, text, [(0, len(text))], True)


def test_a_term_list_outside_the_index_gets_its_own_automaton() -> None:
    source = TermSource.of(["internet governance"])
    assert source.sid not in INDEX.sids
    text = "Recalling that Internet  governance and internet-governance matter,"
    assert [g for *_, g in _new(source, text, [(0, len(text))], True)] == ["Internet  governance", "internet-governance"]


def test_the_index_is_loaded_from_the_cache_in_a_new_process(tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    code = ("import time; from termlint.rules.terms import term_index; t = time.process_time(); "
            "i = term_index(()); print(len(i.automaton.patterns), i.automaton._automaton is not None)")
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert first.returncode == 0, first.stderr
    (stored,) = (tmp_path / "cache" / "termlint").glob("terms-*.pickle")
    again = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert again.stdout == first.stdout and again.stdout.split()[1] == "True"  # loaded built
    assert stored.stat().st_size > 10_000


def test_a_term_found_literally_is_what_its_pattern_matches() -> None:
    """`_confirm` takes a term written plainly (its key, each joiner one space) between word
    boundaries as its pattern's match without trying the pattern: the same span, or no match."""
    forms = sorted({(t, s.case_sensitive) for s in SOURCES for t in s.terms})
    literal = 0
    for form, exact in forms:
        for how in range(5):
            written = _cased(form, how)
            for before, after in (("", ""), (" ", ","), ("x", " "), (" ", "5"), ("_", " "), (" ", "_"), ("(", ")"),
                                  (" ", "\u00e9"), ("\u2460", " "), (" ", "-"), ("\n", "\u212a")):
                text = f"Notes{before}{written}{after} the end"
                pos = 5 + len(before)
                for end in (len(text), pos + len(written), pos + len(written) - 1):
                    new = terms._confirm(None, exact, text, pos, end, [form])
                    old = terms._confirm(None, exact, text, pos, end, [form], literally=False)
                    assert (new and (new.span(), new.group())) == (old and (old.span(), old.group())), (form, text, end)
                    literal += isinstance(new, terms.Literal)
    assert literal > len(forms)  # most terms, written plainly, are found without their pattern
