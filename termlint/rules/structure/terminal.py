"""The mark that ends each paragraph: recitals (ST121), operative paragraphs (ST122), sub-paragraphs (ST123).

A resolution is one sentence: "The General Assembly, [recitals ending with commas] [operative
paragraphs ending with semicolons], the last with a full stop." A paragraph that introduces
sub-paragraphs ends with a colon. In the adopted texts of the corpus, sub-paragraphs of an
operative paragraph end with semicolons, also the last one of a paragraph that is not the last
(66 of 66), and the last sub-paragraph of the last paragraph ends with the full stop; sub-paragraphs
of a recital end with commas.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from termlint.core.model import Edit, Finding, Fix, RuleMeta, Severity
from termlint.parse.tree import Clause
from termlint.rules.context import ByClause, Context
from termlint.rules.structure.parts import (
    RESOLUTIONS,
    Parts,
    Terminal,
    examples,
    lead_of,
    part_of,
    resolution,
)

_SOURCE = ("United Nations Editorial Manual, “Paragraphs and subparagraphs” (its example: “... are:” / “(a) ...;” / "
           "“(b) ... as follows:” / “(i) ...;” / “(ii) ....”); usage of adopted resolutions")
_NAMES = {",": "a comma", ";": "a semicolon", ".": "a full stop", ":": "a colon"}


_SUBPARAGRAPHS = frozenset({"subparagraph"})


def _leaves(ctx: Context, clause: Clause) -> list[Clause]:
    """The sub-paragraphs under a paragraph in reading order (from the engine's one walk)."""
    return ctx.under(clause, _SUBPARAGRAPHS)


def _finding(code: str, clause: Clause, term: Terminal, expected: str, what: str) -> Finding:
    """A finding on the clause's final mark, with the fix that puts `expected` there."""
    if term.mark:
        start = clause.offset_of(term.index)
        if term.wrapped:
            # "... crimes.”" -> "... crimes”;": the paragraph's mark goes after the quotation.
            after = clause.offset_of(term.insert_at)
            fix = Fix((Edit(start, start + 1, ""), Edit(after, after, expected)), safe=False,
                      description=f"move the mark after the quotation as “{expected}”")
        else:
            fix = Fix((Edit(start, start + 1, expected),), description=f"replace “{term.mark}” with “{expected}”")
        message = f"{what} ends with “{term.mark}”: it should end with {_NAMES[expected]}"
        return Finding(code, start, start + 1, message, fix=fix)
    at = clause.offset_of(term.insert_at)
    fix = Fix((Edit(at, at, expected),), description=f"add “{expected}”")
    return Finding(code, max(clause.start, at - 1), at, f"{what} has no final mark: it should end with {_NAMES[expected]}",
                   fix=fix)


def _needs(term: Terminal, allowed: str) -> bool:
    return not term.mark or term.mark not in allowed


def _heading_like(c: Clause) -> bool:
    """A short line with no final mark and no preambular lead: a heading the parser read as a recital."""
    lead = lead_of(c)
    if lead is not None and lead.part == "preambular":
        return False
    return len(c.text.split()) <= 16


def _recital(c: Clause) -> bool:
    """A recital proper: a preambular paragraph opening with a preambular lead (not a title,
    heading or quoted text that the parser took for one)."""
    lead = lead_of(c)
    return c.kind == "preambular" and lead is not None and lead.part == "preambular"


def _sentence(c: Clause) -> bool:
    """An operative paragraph that is a sentence of its own: its lead is no operative verb."""
    lead = lead_of(c)
    return lead is None or lead.part != "operative"


def _sentences_end_with_stops(p: Parts) -> bool:
    """Whether most numbered sentences of the resolution end with a full stop (a declaration)."""
    marks = [p.end_of(c).mark for c in p.operatives if _sentence(c)]
    return marks.count(".") * 2 > len(marks)


def _more_sections(p: Parts, c: Clause) -> bool:
    """Whether operative paragraphs follow `c` after a heading (section II of a resolution)."""
    kids = p.resolution.children
    at = next((i for i, k in enumerate(kids) if k is c), len(kids))
    for k in kids[at + 1:]:
        if k.kind in ("closing", "annex"):
            return False
        if k.kind == "operative":
            return True
    return False


@dataclass(frozen=True)
class RecitalEnd(ByClause):
    """ST121: a recital that does not end with a comma."""
    kinds = RESOLUTIONS  # the engine hands it each resolution, read into its parts
    meta: RuleMeta = RuleMeta(
        code="ST121", name="recital-end", category="structure", severity=Severity.WARNING,
        summary="A preambular paragraph that does not end with a comma (or a colon before sub-paragraphs)",
        description=(
            "Each preambular paragraph ends with a comma, also the last one before the operative part; a\n"
            "recital that introduces sub-paragraphs ends with a colon. Footnote markers and closing\n"
            "quotation marks after the comma are fine (“... Agenda”,[^2]). The fix puts the comma in."
        ),
        scope=frozenset({"preambular"}), fixable=True, needs_structure=True, source=_SOURCE,
        examples=examples(
            ("bad", resolution("*Reaffirming* that marriage shall be entered into only with free consent;",
                               "1. *Decides* to remain seized of the matter.")),
            ("fixed", resolution("*Reaffirming* that marriage shall be entered into only with free consent,",
                                 "1. *Decides* to remain seized of the matter.")),
            ("good", resolution("*Recalling* the Convention on the Rights of the Child,[^1]",
                                "*Noting* its call to “end abuse”,", "1. *Decides* to remain seized of the matter.")),
            ("bad", resolution("*Recalling* the Convention on the Rights of the Child",
                               "1. *Decides* to remain seized of the matter.")),
            ("fixed", resolution("*Recalling* the Convention on the Rights of the Child,",
                                 "1. *Decides* to remain seized of the matter.")),
        ),
    )

    def visit(self, clause: Clause, ctx: Context) -> Iterator[Finding]:
        p = part_of(ctx, clause)
        if p is None:
            return
        for c in p.recitals:
            term = p.end_of(c)
            expected = ":" if c.children else ","
            nxt = p.following.get(id(c))
            if not term.mark and _heading_like(c):
                pass  # “I. **Introduction**”, “Achieving sustainable fisheries”: a heading, not a recital
            elif term.mark == ":" and nxt is not None and not _recital(nxt):
                pass  # “*Adopts* the following declaration:” / “*Resolves* that:” before the text or list
            elif _needs(term, expected):
                yield _finding(self.meta.code, c, term, expected, "preambular paragraph")
            for sub in _leaves(ctx, c):
                sterm = p.end_of(sub)
                sexp = ":" if sub.children else ","
                if _needs(sterm, sexp + "?"):  # a question quoted as a sub-paragraph ends with its “?”
                    yield _finding(self.meta.code, sub, sterm, sexp, f"sub-paragraph {sub.label} of a recital")


@dataclass(frozen=True)
class OperativeEnd(ByClause):
    """ST122: an operative paragraph that does not end with a semicolon (the last: a full stop)."""
    kinds = RESOLUTIONS  # the engine hands it each resolution, read into its parts
    meta: RuleMeta = RuleMeta(
        code="ST122", name="operative-end", category="structure", severity=Severity.WARNING,
        summary="An operative paragraph that does not end with a semicolon, or the last one not with a full stop",
        description=(
            "Operative paragraphs end with a semicolon and the last with a full stop; a paragraph that\n"
            "introduces sub-paragraphs, a quoted text or a list ends with a colon (so does an Economic and\n"
            "Social Council paragraph that recommends a draft resolution to the General Assembly, which\n"
            "follows it). Headings inside the operative part and annexes after it do not change this.\n"
            "The fix replaces the mark, or adds it where it is missing."
        ),
        scope=frozenset({"operative", "preambular"}), fixable=True, needs_structure=True, source=_SOURCE,
        examples=examples(
            ("bad", resolution("*Recalling* its resolution 74/174,", "1. *Encourages* Member States to act, including online,",
                               "2. *Invites* Member States to provide resources.")),
            ("fixed", resolution("*Recalling* its resolution 74/174,", "1. *Encourages* Member States to act, including online;",
                                 "2. *Invites* Member States to provide resources.")),
            ("bad", resolution("*Recalling* its resolution 74/174,", "1. *Encourages* Member States to act;",
                               "2. *Invites* Member States to provide resources;")),
            ("fixed", resolution("*Recalling* its resolution 74/174,", "1. *Encourages* Member States to act;",
                                 "2. *Invites* Member States to provide resources.")),
            ("good", resolution("*Recalling* its resolution 74/174,", "1. *Decides* the following:",
                                "(a) To act;", "(b) To report;", "2. *Decides* to remain seized of the matter.")),
            ("good", resolution("*Adopts* the political declaration annexed to the present resolution.",
                                organ="*The General Assembly*")),
        ),
    )

    def visit(self, clause: Clause, ctx: Context) -> Iterator[Finding]:
        p = part_of(ctx, clause)
        if p is None:
            return
        stops: list[bool] = []  # _sentences_end_with_stops(p), read on first need (a pass over every paragraph)
        for i, c in enumerate(p.operatives):
            last = i == len(p.operatives) - 1
            term = p.end_of(c)
            allowed, expected = self._expected(p, c, last, stops)
            if _needs(term, allowed):
                name = f"operative paragraph {c.label}" if c.label else "the unnumbered operative paragraph"
                what = f"the last {name}" if last and len(p.operatives) > 1 else name
                yield _finding(self.meta.code, c, term, expected, what)

    @staticmethod
    def _expected(p: Parts, c: Clause, last: bool, stops: list[bool]) -> tuple[str, str]:
        """(marks accepted, mark the fix puts) for an operative paragraph."""
        if c.children:
            return ":", ":"
        nxt = p.following.get(id(c))
        if nxt is not None and nxt.kind == "option" and not last:  # an alternative ends here: either mark
            return ";:.", ";"
        introduces = nxt is not None and (nxt.kind == "paragraph" or id(nxt) in p.embedded)
        if last:
            if nxt is not None and nxt.kind == "heading" and _more_sections(p, c):
                return ".;", "."  # the last of section I, before section II: a semicolon carries on
            return (".:", ".") if introduces or p.then_resolution else (".", ".")
        if _sentence(c):
            # a numbered sentence (a declaration, an agenda, “Resolves that: 1. The Fund shall ...”)
            if not stops:
                stops.append(_sentences_end_with_stops(p))
            return (";:." if introduces else ";."), ("." if stops[0] else ";")
        return (";:", ";") if introduces or (nxt is not None and nxt.kind == "heading") else (";", ";")


@dataclass(frozen=True)
class SubparagraphEnd(ByClause):
    """ST123: a sub-paragraph that does not end with a semicolon (the very last: a full stop)."""
    kinds = RESOLUTIONS  # the engine hands it each resolution, read into its parts
    meta: RuleMeta = RuleMeta(
        code="ST123", name="subparagraph-end", category="structure", severity=Severity.WARNING,
        summary="A sub-paragraph of an operative paragraph that does not end with a semicolon (the very last: a full stop)",
        description=(
            "Sub-paragraphs (a), (b), ... of an operative paragraph end with a semicolon, the last one too\n"
            "unless its paragraph is the last of the resolution: then it ends with the resolution's full\n"
            "stop. A sub-paragraph that introduces (i), (ii) ends with a colon. “; and” at the end is\n"
            "accepted. (Sub-paragraphs of recitals are checked by ST121.)"
        ),
        scope=frozenset({"subparagraph"}), fixable=True, needs_structure=True, source=_SOURCE,
        examples=examples(
            ("bad", resolution("*Recalling* its resolution 74/174,", "1. *Decides*:", "(a) To act,", "(b) To report;",
                               "2. *Decides* to remain seized of the matter.")),
            ("fixed", resolution("*Recalling* its resolution 74/174,", "1. *Decides*:", "(a) To act;", "(b) To report;",
                                 "2. *Decides* to remain seized of the matter.")),
            ("bad", resolution("*Recalling* its resolution 74/174,", "1. *Decides*:", "(a) To act;", "(b) To report;")),
            ("fixed", resolution("*Recalling* its resolution 74/174,", "1. *Decides*:", "(a) To act;", "(b) To report.")),
            ("good", resolution("*Recalling* its resolution 74/174,", "1. *Decides*:", "(a) To act:", "(i) Now;",
                                "(ii) Later; and", "(b) To report.")),
        ),
    )

    def visit(self, clause: Clause, ctx: Context) -> Iterator[Finding]:
        p = part_of(ctx, clause)
        if p is None:
            return
        for i, c in enumerate(p.operatives):
            subs = _leaves(ctx, c)
            final = i == len(p.operatives) - 1
            for j, sub in enumerate(subs):
                term = p.end_of(sub)
                if sub.children:
                    expected = allowed = ":"
                elif final and j == len(subs) - 1:
                    expected, allowed = ".", ".:" if p.then_resolution else "."
                else:
                    expected, allowed = ";", ";"
                if _needs(term, allowed + "?"):  # a question quoted as a sub-paragraph ends with its “?”
                    yield _finding(self.meta.code, sub, term, expected,
                                   f"sub-paragraph {sub.label} of paragraph {c.label or '(unnumbered)'}".replace("  ", " "))


RULES = (RecitalEnd(), OperativeEnd(), SubparagraphEnd())
