"""Repeated paragraphs: the same text twice (ST101), nearly the same (ST102), and two recitals that
cite the same resolution with the same lead (ST103). Each finding points at the later paragraph
and names the earlier one by its line.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from termlint.checks.structure_parts import examples, fold, lead_of, memo, parts_of, resolution
from termlint.model import Finding, RuleMeta, Severity
from termlint.rule import Context
from termlint.tree import Clause

_SOURCE = "editorial practice: a text says each thing once"

# What does not make two paragraphs different: the label, emphasis, footnote markers, quotation
# mark styles, case, spacing and the final mark.
_LABEL = regex.compile(r"^\s*(?:\d{1,3}(?:\s?(?:bis|ter|quater))?\.|\((?:[a-z]{1,3}|[ivxlc]+)\))\s+")
_MARKUP = regex.compile(r"<sup>[^<>]{1,12}</sup>|\[\^[^\]\s]{1,12}\]|\\\*|[*_]")
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:[/.\-][\p{L}\p{N}]+)*")

MIN_WORDS = 6  # shorter items ("(b) Organizational matters;") may repeat in lists
SIMILAR = 0.8  # Jaccard index of word trigrams at or above which two paragraphs are near-repeats


def _words(clause: Clause) -> list[str]:
    return _WORD.findall(_MARKUP.sub("", _LABEL.sub("", clause.text)).lower())


def _units(ctx: Context) -> Iterator[list[Clause]]:
    """The paragraphs of each part of each resolution: the recitals, then the operative paragraphs,
    each with their sub-paragraphs. Parts are compared apart: “*Having considered* the report ...”
    and “1. *Welcomes* the report ...” share their words by design."""
    for p in parts_of(ctx):
        for part in (p.recitals, p.operatives):
            yield [x for c in part for x in c.walk() if x.kind in ("preambular", "operative", "subparagraph")]


def _trigrams(words: list[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(zip(words, words[1:], words[2:]))


def _line(ctx: Context, clause: Clause) -> int:
    return ctx.document.position(clause.start)[0]


def _what(clause: Clause) -> str:
    if clause.kind == "preambular":
        return "recital"
    if clause.kind == "operative":
        return f"operative paragraph {clause.label}".rstrip()
    return f"sub-paragraph {clause.label}".rstrip()


def pairs(units: list[Clause]) -> tuple[list[tuple[Clause, Clause]], list[tuple[Clause, Clause, float]]]:
    """(exact repeats, near repeats with their similarity), each as (earlier, later)."""
    words = [_words(c) for c in units]
    exact: list[tuple[Clause, Clause]] = []
    first: dict[tuple[str, ...], int] = {}
    repeated: set[int] = set()
    for i, w in enumerate(words):
        if len(w) < MIN_WORDS:
            continue
        key = tuple(w)
        if key in first:
            exact.append((units[first[key]], units[i]))
            repeated.add(i)
        else:
            first[key] = i
    near = [(units[j], units[i], score) for j, i, score in _near(words, repeated)]
    return exact, near


def _near(words: list[list[str]], skip: set[int]) -> list[tuple[int, int, float]]:
    """Pairs (earlier, later, Jaccard) at or above SIMILAR, by prefix filtering (Bayardo et al.,
    "Scaling up all pairs similarity search", 2007): with trigrams in one fixed order, two sets
    whose Jaccard index is at least t share a trigram among the first |A| - ceil(t|A|) + 1 of
    each, so only those are indexed and only pairs sharing one are compared exactly."""
    grams = [_trigrams(w) if len(w) >= MIN_WORDS + 2 else frozenset() for w in words]
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    found: list[tuple[int, int, float]] = []
    for i, g in enumerate(grams):
        if not g:
            continue
        # Any fixed order of trigrams keeps the guarantee; the hash is the cheapest one. (Rarest
        # first would give fewer candidates, but costs more than it saves on drafts this size.)
        prefix = sorted(g, key=hash)[: len(g) - math.ceil(SIMILAR * len(g)) + 1]
        candidates: set[int] = set()
        for t in prefix:
            candidates.update(index[t])
            index[t].append(i)
        if i in skip:
            continue
        best: tuple[int, float] | None = None
        for j in sorted(candidates):
            h = grams[j]
            if not SIMILAR * len(g) <= len(h) <= len(g) / SIMILAR:
                continue
            score = len(g & h) / len(g | h)
            if score >= SIMILAR and (best is None or score > best[1]):
                best = (j, score)
        if best is not None:
            found.append((best[0], i, best[1]))
    return found


def repeats(ctx: Context) -> list[tuple[list[tuple[Clause, Clause]], list[tuple[Clause, Clause, float]]]]:
    """`pairs` of every part of every resolution, computed once for ST101-ST103."""
    return memo(ctx, "repeats", lambda: [pairs(units) for units in _units(ctx)])  # type: ignore[no-any-return]


@dataclass(frozen=True)
class DuplicateParagraph:
    meta: RuleMeta = RuleMeta(
        code="ST101", name="duplicate-paragraph", category="structure", severity=Severity.WARNING,
        summary="The same paragraph twice in one resolution",
        description=(
            "Two recitals, operative paragraphs or sub-paragraphs with the same words (case, spacing,\n"
            "emphasis, quotation marks, footnote markers and the final mark aside). Often left when\n"
            "paragraphs from two drafts are merged. The finding is on the later one and names the line\n"
            f"of the earlier. Items of fewer than {MIN_WORDS} words are not compared."
        ),
        scope=frozenset({"preambular", "operative", "subparagraph"}), needs_structure=True, source=_SOURCE,
        examples=examples(
            ("bad", resolution("*Recalling* its resolution 74/174 of 18 December 2019 on countering child sexual abuse,",
                               "*Noting* the report,",
                               "*Recalling* its resolution 74/174 of 18 December 2019 on countering child sexual abuse,",
                               "1. *Decides* to remain seized of the matter.")),
            ("good", resolution("*Recalling* its resolution 74/174 of 18 December 2019 on countering child sexual abuse,",
                                "*Recalling also* its resolution 73/154 of 17 December 2018 on protecting children from bullying,",
                                "1. *Decides* to remain seized of the matter.")),
        ),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        for exact, _ in repeats(ctx):
            for earlier, later in exact:
                yield Finding(self.meta.code, later.start, later.end,
                              f"this {_what(later)} repeats the {_what(earlier)} at line {_line(ctx, earlier)}")


@dataclass(frozen=True)
class SimilarParagraph:
    meta: RuleMeta = RuleMeta(
        code="ST102", name="similar-paragraph", category="structure", severity=Severity.WARNING,
        summary="Two paragraphs of one resolution that are nearly the same",
        description=(
            "Two paragraphs that share most of their wording: the Jaccard index of their sets of word\n"
            f"trigrams is {SIMILAR} or more (a few words changed, added or removed in a long paragraph).\n"
            "Usually an older and a newer version of the same paragraph, both left in the draft. Pairs\n"
            "are found by prefix filtering on the rarest trigrams, so the check stays near-linear."
        ),
        scope=frozenset({"preambular", "operative", "subparagraph"}), needs_structure=True, source=_SOURCE,
        examples=examples(
            ("bad", resolution(
                "*Recognizing* that Member States have a responsibility to take action to keep children safe from all forms of sexual exploitation and abuse,",
                "*Recognizing* that Member States have a responsibility to take action to keep children safe from all forms of sexual exploitation,",
                "1. *Decides* to remain seized of the matter.")),
            ("good", resolution(
                "*Recognizing* that Member States have a responsibility to take action to keep children safe from all forms of sexual exploitation and abuse,",
                "*Recognizing also* that effective efforts to prevent and tackle child sexual exploitation depend on partnerships,",
                "1. *Decides* to remain seized of the matter.")),
        ),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        for _, near in repeats(ctx):
            for earlier, later, score in near:
                yield Finding(self.meta.code, later.start, later.end,
                              f"this {_what(later)} is nearly the same as the {_what(earlier)} at line "
                              f"{_line(ctx, earlier)} ({round(score * 100)}% of word sequences shared): keep one")


_CITED = regex.compile(
    r"\bresolutions?\s+((?:S-|ES-)?\d{1,4}/\d{1,4}(?:\s[A-Z]\b)?|\d{1,4}\s*\((?:[IVXLC]+|\d{4})\))")


_OBJECT = regex.compile(  # what may stand between the lead and the resolution it recalls
    r"[\s*]*(?:of\s+)?(?:its\s+|the\s+)?(?:(?:General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council"
    r"|Human\s+Rights\s+Council|Commission\s+on\s+[\w\s]{3,60}?)\s+)?")


def _first_citation(clause: Clause, lead_words: int) -> str | None:
    """The resolution a recital recalls when it is the lead's object (“*Recalling* its resolution
    74/174”), not one cited in passing (“*Recalling* that the Assembly, in its resolution ...”)."""
    words = list(regex.finditer(r"[\p{L}-]+", clause.text))
    if lead_words < 1 or len(words) < lead_words:  # a lead of no word (noise between asterisks)
        return None
    after = words[lead_words - 1].end()
    m = _OBJECT.match(clause.text, after)
    cited = _CITED.match(clause.text, m.end()) if m else None
    return regex.sub(r"\s+", " ", cited.group(1)) if cited else None


@dataclass(frozen=True)
class SameCitation:
    meta: RuleMeta = RuleMeta(
        code="ST103", name="repeated-citation", category="structure", severity=Severity.WARNING,
        summary="Two recitals with the same lead that recall the same resolution",
        description=(
            "Two recitals that open with the same lead and cite the same resolution first (“*Recalling\n"
            "further* its resolution 74/174 of 18 December 2019 ...” twice) say two things about one\n"
            "resolution in two places: merge them into one recital, or give the second its own lead\n"
            "(*Recalling also*)."
        ),
        scope=frozenset({"preambular"}), needs_structure=True, source=_SOURCE,
        examples=examples(
            ("bad", resolution("*Recalling further* its resolution 74/174 of 18 December 2019, in which it urged Member States to act,",
                               "*Recalling further* its resolution 74/174 of 18 December 2019, which noted the many forms of abuse,",
                               "1. *Decides* to remain seized of the matter.")),
            ("good", resolution("*Recalling* its resolution 74/174 of 18 December 2019, in which it urged Member States to act,",
                                "*Recalling also* its resolution 74/174 of 18 December 2019, which noted the many forms of abuse,",
                                "1. *Decides* to remain seized of the matter.")),
        ),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        paired = {(id(a), id(b)) for exact, near in repeats(ctx)
                  for a, b in [*exact, *((x, y) for x, y, _ in near)]}
        for p in parts_of(ctx):
            seen: dict[tuple[str, str], Clause] = {}
            for c in p.recitals:
                lead = lead_of(c)
                cited = _first_citation(c, len(lead.words)) if lead is not None else None
                if lead is None or not cited:
                    continue
                key = (" ".join(fold(w) for w in lead.words), cited)
                earlier = seen.get(key)
                if earlier is None:
                    seen[key] = c
                elif (id(earlier), id(c)) not in paired:
                    yield Finding(self.meta.code, *_span(c),
                                  f"this recital recalls resolution {cited} with the same lead “{lead.phrase}” as the "
                                  f"recital at line {_line(ctx, earlier)}: merge them or vary the lead")


def _span(clause: Clause) -> tuple[int, int]:
    if clause.lead_start >= 0:
        return clause.lead_start, clause.lead_end
    return clause.start, clause.start + 1


RULES = (DuplicateParagraph(), SimilarParagraph(), SameCitation())
