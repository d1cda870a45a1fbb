"""A pattern rule skips the segments where one scan of its prefilter over the whole text found
nothing (and the whole document when it found nothing at all): what it reports is what the plain
definition reports, `pattern` searched in every segment of every clause of its scope."""

from __future__ import annotations

from dataclasses import replace

from fuzzing import FRAGMENTS, JOINERS, REAL_LINES
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from termlint.parse.parser import parse
from termlint.rules.context import Context
from termlint.rules.punctuation.pattern import PatternRule
from termlint.rules.registry import all_rules
from termlint.text.document import Document

RULES = {r.meta.code: r for r in all_rules(()) if isinstance(r, PatternRule)}
GATED = [r for r in RULES.values() if r.prefilter is not None and r._candidates(
    Context(Document.from_text("a  b", "t.md"), parse("a  b")[0])) is not None]


def _plain(rule: PatternRule, ctx: Context) -> list[tuple[int, int, str]]:
    quotes = ctx.protected.quotes if rule.skip_quotes else None
    return [(m.start(), m.end(), m.group()) for clause in ctx.clauses(rule.meta.scope) for seg in clause.segments
            for m in rule.pattern.finditer(ctx.text, seg.start, seg.end)
            if m.end() > m.start() and not (quotes and quotes.overlaps(*m.span()))]


def _found(rule: PatternRule, text: str) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    document = Document.from_text(text, "draft.md")  # its text: line ends made "\n"
    ctx = Context(document, parse(document.text)[0])
    return [(f.start, f.end, ctx.text[f.start:f.end]) for f in rule.check(ctx)], _plain(rule, ctx)


def test_the_segment_gate_is_used_by_the_bundled_double_space_and_dollar_rules() -> None:
    assert [r.meta.code for r in GATED] == ["HS106", "PU008"]
    assert RULES["PU002"]._candidates(Context(Document.from_text("a .", "t.md"), parse("a .")[0])) is None  # a lookbehind


WORDS = st.sampled_from(REAL_LINES + FRAGMENTS + ("word  word", "a  (b", "x,\u00a0 y", "end.  ", "  ", "Page 2"))


@hsettings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None, max_examples=150)
@given(st.lists(st.tuples(WORDS, st.sampled_from(JOINERS + ("  ", " \u00a0"))), max_size=40))
def test_a_gated_pattern_rule_reports_what_every_segment_holds(pieces: list[tuple[str, str]]) -> None:
    text = "".join(line + joiner for line, joiner in pieces)
    for rule in (*GATED, replace(RULES["PU008"], skip_quotes=True)):
        found, plain = _found(rule, text)
        assert found == plain


def test_a_gated_pattern_rule_on_a_real_draft() -> None:
    text = ("The General Assembly,\n\n*Recalling* its resolution 74/174,  and  the  report,\n\n"
            "1. *Urges* States to act;\n\n2. *Decides*  to remain seized of the matter.\n")
    found, plain = _found(RULES["PU008"], text)
    assert found == plain and len(plain) == 4
    assert _found(RULES["PU008"], text.replace("  ", " ")) == ([], [])
