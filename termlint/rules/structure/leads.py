"""Lead phrases: their sequence (ST111), italics (ST112), the lists (ST113), the part they belong to
(ST114) and operative paragraphs left unnumbered (ST115)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from termlint.core.model import Edit, Finding, Fix, RuleMeta, Severity
from termlint.parse.tree import Clause
from termlint.rules.context import ByClause, Context
from termlint.rules.structure.parts import (
    RESOLUTIONS,
    Parts,
    examples,
    fold,
    lead_of,
    leads,
    part_of,
    parts_of,
    resolution,
    terminal,
)

_SOURCE = "United Nations Editorial Manual, “Resolutions and other formal decisions”, II.C; usage of adopted resolutions"


def _line(ctx: Context, clause: Clause) -> int:
    return ctx.document.position(clause.start)[0]


def _span(clause: Clause) -> tuple[int, int]:
    if clause.lead_start >= 0:
        return clause.lead_start, clause.lead_end
    return clause.start, min(clause.end, clause.start + 1)


@dataclass(frozen=True)
class LeadSequence(ByClause):
    """ST111: `Recalling also` needs an earlier `Recalling`; `Recalling further` an earlier `Recalling also`."""

    kinds = RESOLUTIONS  # the engine hands it each resolution, read into its parts

    meta: RuleMeta = RuleMeta(
        code="ST111", name="lead-sequence", category="structure", severity=Severity.WARNING,
        summary="`Recalling also` before any plain `Recalling` (or `Also requests` before `Requests`)",
        description=(
            "A lead repeated in the same part takes `also` the second time and `further` the third:\n"
            "*Recalling*, *Recalling also*, *Recalling further* in the preamble; *Requests*, *Also requests*,\n"
            "*Further requests* in the operative part (Security Council texts also write *Requests also*).\n"
            "A lead with `also` or `further` before its plain form usually means that paragraphs were moved\n"
            "in negotiation. Plain leads may repeat freely. `further` after the plain form with no `also`\n"
            "between is reported as info only (the Security Council often writes it so)."
        ),
        scope=frozenset({"preambular", "operative"}), needs_structure=True, source=_SOURCE,
        examples=examples(
            ("bad", resolution("*Recalling also* its resolution 74/174,", "*Recalling* its resolution 73/154,",
                               "1. *Decides* to remain seized of the matter.")),
            ("good", resolution("*Recalling* its resolution 73/154,", "*Recalling also* its resolution 74/174,",
                                "*Recalling further* its resolution 75/10,", "*Recalling* its resolution 76/181,",
                                "1. *Requests* the Secretary-General to report;",
                                "2. *Also requests* the Secretary-General to assist.")),
            ("bad", resolution("*Noting* its resolution 73/154,", "1. *Also requests* the Secretary-General to report.")),
        ),
    )

    def visit(self, clause: Clause, ctx: Context) -> Iterator[Finding]:
        p = part_of(ctx, clause)
        if p is None:
            return
        yield from self._run(ctx, p.recitals)
        yield from self._run(ctx, p.operatives)

    def _run(self, ctx: Context, clauses: list[Clause]) -> Iterator[Finding]:
        seen: dict[str, tuple[int, Clause]] = {}  # key -> (highest degree, first clause with that key)
        for c in clauses:
            lead = lead_of(c)
            if lead is None or lead.part is None or not lead.key:
                continue
            before = seen.get(lead.key)
            plain = lead.plain
            if lead.degree == 1 and before is None:
                yield Finding(self.meta.code, *_span(c),
                              f"“{lead.phrase}” comes before any plain “{plain}” in this part: "
                              f"use the plain form first, then “also”")
            elif lead.degree == 2 and before is None:
                yield Finding(self.meta.code, *_span(c),
                              f"“{lead.phrase}” comes before any “{plain}” in this part: the order is plain, "
                              f"then “also”, then “further”")
            elif lead.degree == 2 and before is not None and before[0] < 1:
                yield Finding(self.meta.code, *_span(c),
                              f"“{lead.phrase}” follows “{plain}” (line {_line(ctx, before[1])}) with no “also” form "
                              f"between: the usual order is plain, “also”, “further”", severity=Severity.INFO)
            seen[lead.key] = (max(lead.degree, before[0] if before else 0), before[1] if before else c)


# Prepositions that follow a lead outside the italics in every adopted text of the corpus
# (“*Taking note* of”, “*Mindful* of”, “*Guided* by”); “for” and “upon” belong to “Calls for/upon”.
_TRAILING_PREPOSITIONS = ("of", "by", "that", "to", "at", "about", "in", "on")


@dataclass(frozen=True)
class LeadItalics:
    """In Markdown the whole lead phrase is in italics, and only the lead phrase."""

    meta: RuleMeta = RuleMeta(
        code="ST112", name="lead-italics", category="structure", severity=Severity.WARNING,
        summary="A lead phrase only partly in italics (`*Noting* with concern`) or not at all",
        description=(
            "Resolutions set the whole lead phrase of each paragraph in italics: *Noting with concern*,\n"
            "*Calls upon*, *Bearing in mind*, *Taking note*. In the adopted resolutions of the corpus no\n"
            "lead is split (“*Noting* with concern” never occurs), so a split lead is a warning, as is a\n"
            "plain lead in a document whose other leads are italic. A preposition that follows the lead\n"
            "stays outside the italics (*Taking note* of, *Mindful* of, *Guided* by): putting it inside is\n"
            "reported as info. The fix moves or adds the asterisks. Texts without italics (plain-text\n"
            "Security Council resolutions) are not checked."
        ),
        scope=frozenset({"preambular", "operative"}), fixable=True, needs_structure=True, source=_SOURCE,
        examples=examples(
            ("bad", resolution("*Noting* with concern the growing threat,", "1. *Decides* to remain seized of the matter.")),
            ("fixed", resolution("*Noting with concern* the growing threat,", "1. *Decides* to remain seized of the matter.")),
            ("good", resolution("*Noting with concern* the growing threat,", "*Taking note* of the report,",
                                "1. *Calls upon* Member States to act;", "2. *Encourages* further efforts.")),
            ("bad", resolution("*Recalling* its resolution 73/154,", "Recalling also its resolution 74/174,",
                               "1. *Decides* to remain seized of the matter.")),
            ("fixed", resolution("*Recalling* its resolution 73/154,", "*Recalling also* its resolution 74/174,",
                                 "1. *Decides* to remain seized of the matter.")),
        ),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        clauses = [c for p in parts_of(ctx) for c in (*p.recitals, *p.operatives) if c.lead_start >= 0]
        italic = sum(c.lead_italic for c in clauses)
        if italic * 2 < len(clauses) or not italic:
            return
        text = ctx.text
        for c in clauses:
            lead = lead_of(c)
            if lead is None or lead.part is None:
                continue
            if not c.lead_italic:
                yield from self._plain(ctx, c, lead.head)
                continue
            close = c.lead_end
            if text[close:close + 1] != "*":
                continue
            best = _continuation(text[close + 1:close + 60], lead.head, c.kind == "preambular")
            if best:
                new_end = close + 1 + 1 + len(best)
                fix = Fix((Edit(close, close + 1, ""), Edit(new_end, new_end, "*")))
                yield Finding(self.meta.code, c.lead_start, new_end,
                              f"“{best}” belongs to the lead: italicise the whole “{c.lead} {best}”", fix=fix)
                continue
            last = lead.words[-1] if lead.words else ""
            if last in _TRAILING_PREPOSITIONS and len(lead.words) > 1 and c.lead.endswith(last):
                cut = c.lead_end - len(last)
                while cut > c.lead_start and text[cut - 1] in " \t":
                    cut -= 1
                fix = Fix((Edit(cut, cut, "*"), Edit(close, close + 1, "")))
                yield Finding(self.meta.code, c.lead_start, c.lead_end,
                              f"“{last}” follows the lead and stays outside the italics: "
                              f"*{text[c.lead_start:cut]}*{text[cut:c.lead_end]}",
                              severity=Severity.INFO, fix=fix)

    def _plain(self, ctx: Context, c: Clause, head: str) -> Iterator[Finding]:
        """A plain lead in an italic document: wrap the words up to and including the head's phrase."""
        text = ctx.text
        start = c.lead_start
        if start < 0 or text[start - 1:start] in ("*", "_"):
            return
        import regex

        words = list(regex.finditer(r"[\p{L}-]+", text[start:c.lead_end]))
        head_i = next((i for i, w in enumerate(words) if fold(w.group()) == head), None)
        if head_i is None:
            return
        end = start + words[head_i].end()
        best = _continuation(text[end:end + 60], head, c.kind == "preambular")
        if best:
            end += 1 + len(best)
        fix = Fix((Edit(start, start, "*"), Edit(end, end, "*")))
        yield Finding(self.meta.code, start, end,
                      f"lead “{text[start:end]}” is not in italics, unlike the other leads: *{text[start:end]}*",
                      fix=fix)


def _continuation(after: str, head: str, preambular: bool) -> str:
    """The longest (the first of the longest) listed continuation of the lead that `after` starts
    with after one space, as whole words and ignoring case; "" when none."""
    lower = after.lower()
    best = ""
    for phrase, spaced, lowered in _phrases(head, preambular).get(lower[1:2], ()):
        if lower.startswith(lowered) and len(phrase) > len(best):
            nxt = after[len(spaced):len(spaced) + 1]
            if not (nxt.isalnum() or nxt == "-"):
                best = phrase
    return best


@lru_cache(maxsize=2048)
def _phrases(head: str, preambular: bool) -> dict[str, tuple[tuple[str, str, str], ...]]:
    """The continuations that may follow a lead with this head: (phrase, " phrase", its lower
    case), in list order, grouped by the first character of the lower case after the space (the
    character `after` must have there). Read once per head, not per paragraph."""
    lists = leads()
    phrases = [*lists.continuations.get("*", ()), *lists.continuations.get(head, ())]
    if preambular:
        phrases += lists.continuations.get("*preambular", ())
    grouped: dict[str, list[tuple[str, str, str]]] = {}
    for phrase in phrases:
        lowered = (" " + phrase).lower()
        grouped.setdefault(lowered[1:2], []).append((phrase, " " + phrase, lowered))
    return {first: tuple(group) for first, group in grouped.items()}


@dataclass(frozen=True)
class LeadKnown(ByClause):
    """ST113: a lead phrase outside termlint's lists."""
    kinds = RESOLUTIONS  # the engine hands it each resolution, read into its parts
    meta: RuleMeta = RuleMeta(
        code="ST113", name="lead-unlisted", category="structure", severity=Severity.INFO,
        summary="A lead phrase outside termlint's lists of preambular and operative leads",
        description=(
            "The lists (rules/lists/leads.toml) hold the participles and adjectives that open recitals and\n"
            "the present-tense verbs that open operative paragraphs in adopted resolutions. A lead outside\n"
            "them may be fine; it may also be a paragraph that lost its lead or a verb in the wrong form\n"
            "(“Welcome” for “Welcomes”). Info only."
        ),
        scope=frozenset({"preambular", "operative"}), needs_structure=True, source=_SOURCE,
        examples=examples(
            ("bad", resolution("*Recalling* its resolution 73/154,", "1. *Welcome* the report of the Secretary-General.")),
            ("good", resolution("*Recalling* its resolution 73/154,", "1. *Welcomes* the report of the Secretary-General.")),
        ),
    )

    def visit(self, clause: Clause, ctx: Context) -> Iterator[Finding]:
        p = part_of(ctx, clause)
        if p is None:
            return
        for c in (*p.recitals, *p.operatives):
            lead = lead_of(c)
            if lead is not None and lead.head and lead.part is None:
                yield Finding(self.meta.code, *_span(c),
                              f"“{lead.phrase}” is not in termlint's lists of {'operative' if c.kind == 'operative' else 'preambular'} leads")


@dataclass(frozen=True)
class LeadPart(ByClause):
    """ST114: a recital led by an operative verb, or an operative paragraph by a participle."""
    kinds = RESOLUTIONS  # the engine hands it each resolution, read into its parts
    meta: RuleMeta = RuleMeta(
        code="ST114", name="lead-wrong-part", category="structure", severity=Severity.WARNING,
        summary="A recital that opens with an operative verb, or an operative paragraph with a participle",
        description=(
            "Preambular paragraphs open with a participle or an adjective (*Recalling*, *Deeply\n"
            "concerned*); operative paragraphs with a verb in the present tense (*Decides*, *Calls upon*).\n"
            "A recital with an operative verb is an operative paragraph left in the preamble (number it and\n"
            "move it), or a verb in the wrong form."
        ),
        scope=frozenset({"preambular", "operative"}), needs_structure=True, source=_SOURCE,
        examples=examples(
            ("bad", resolution("*Recalling* its resolution 73/154,", "*Welcomes* the report of the Secretary-General,",
                               "1. *Decides* to remain seized of the matter.")),
            ("good", resolution("*Recalling* its resolution 73/154,", "*Welcoming* the report of the Secretary-General,",
                                "1. *Decides* to remain seized of the matter.")),
            ("bad", resolution("*Recalling* its resolution 73/154,", "1. *Noting* the report of the Secretary-General.")),
        ),
    )

    def visit(self, clause: Clause, ctx: Context) -> Iterator[Finding]:
        p = part_of(ctx, clause)
        if p is None:
            return
        numbered = any(c.kind == "operative" for c in p.operatives)
        for c in p.recitals:
            lead = lead_of(c)
            if lead is not None and lead.part == "operative" and not _introduces_text(p, c):
                hint = "number it and move it to the operative part" if numbered else "use a participle"
                yield Finding(self.meta.code, *_span(c),
                              f"preambular paragraph opens with the operative verb “{lead.phrase}”: {hint}")
        for c in p.operatives:
            lead = lead_of(c)
            if c.kind == "operative" and lead is not None and lead.part == "preambular" and not _verb_follows(c):
                yield Finding(self.meta.code, *_span(c),
                              f"operative paragraph {c.label} opens with “{lead.phrase}”, a preambular lead: "
                              "operative paragraphs open with a verb in the present tense")


def _introduces_text(p: Parts, c: Clause) -> bool:
    """“*Adopts* the following declaration:”, “*Resolves* that:” with no recital after it: the
    resolution's one unnumbered operative paragraph, introducing the text or list that follows
    (numbered sentences of a declaration, the paragraphs of a Working Capital Fund resolution)."""
    if terminal(c).mark != ":":
        return False
    later = p.recitals[p.recitals.index(c) + 1:] if c in p.recitals else []
    return not any((lead := lead_of(r)) is not None and lead.part == "preambular" for r in later)


def _verb_follows(clause: Clause) -> bool:
    """"10. Acting under Chapter VII of the Charter, authorizes ...": the participial phrase comes
    first and the operative verb after the comma (Security Council usage)."""
    import regex

    operative = leads().operative
    return any(fold(m.group(1)) in operative for m in regex.finditer(r",\s+(?:and\s+)?(\p{Ll}+)", clause.text[:400]))


@dataclass(frozen=True)
class UnnumberedOperative(ByClause):
    """ST115: operative paragraphs without numbers."""
    kinds = RESOLUTIONS  # the engine hands it each resolution, read into its parts
    meta: RuleMeta = RuleMeta(
        code="ST115", name="unnumbered-operative", category="structure", severity=Severity.WARNING,
        summary="Operative paragraphs without numbers",
        description=(
            "Operative paragraphs are numbered 1, 2, 3. Only a resolution with a single operative paragraph\n"
            "leaves it unnumbered (“*Adopts* the political declaration ... annexed to the present\n"
            "resolution.”). Several unnumbered paragraphs opening with operative verbs after the preamble\n"
            "need numbers."
        ),
        scope=frozenset({"preambular"}), needs_structure=True, source=_SOURCE,
        examples=examples(
            ("bad", resolution("*Recalling* its resolution 73/154,", "*Decides* to expel the representatives;",
                               "*Decides* that this resolution shall not have retroactive effect.")),
            ("good", resolution("*Adopts* the political declaration annexed to the present resolution.",
                                organ="*The General Assembly*")),
        ),
    )

    def visit(self, clause: Clause, ctx: Context) -> Iterator[Finding]:
        p = part_of(ctx, clause)
        if p is None:
            return
        for i, c in enumerate(p.unnumbered, 1):
            yield Finding(self.meta.code, c.start, c.lead_end if c.lead_end > c.start else c.start + 1,
                          f"operative paragraph without a number (it would be paragraph {i}): "
                          "operative paragraphs are numbered when there is more than one")


RULES = (LeadSequence(), LeadItalics(), LeadKnown(), LeadPart(), UnnumberedOperative())
