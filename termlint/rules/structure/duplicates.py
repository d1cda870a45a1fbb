"""Repeated paragraphs: the same text twice (ST101), nearly the same (ST102), and two recitals that
cite the same resolution with the same lead (ST103). Each finding points at the later paragraph
and names the earlier one by its line.
"""

from __future__ import annotations

import math
import re
from array import array
from collections import defaultdict, deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

import regex

from termlint.core.model import Finding, RuleMeta, Severity
from termlint.parse.tree import Clause
from termlint.rules.context import ByClause, Context
from termlint.rules.structure.parts import RESOLUTIONS, Parts, examples, fold, lead_of, part_of, resolution

_SOURCE = "editorial practice: a text says each thing once"

# What does not make two paragraphs different: the label, emphasis, footnote markers, quotation
# mark styles, case, spacing and the final mark. Stdlib `re` (about twice as fast as `regex` on
# these); `_WS` is `regex`'s \s spelt out, since stdlib \s also takes \x1c-\x1f.
_WS = "[\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
_LABEL = re.compile(_WS + r"*(?:\d{1,3}(?:" + _WS + r"?(?:bis|ter|quater))?\.|\((?:[a-z]{1,3}|[ivxlc]+)\))" + _WS + "+")
_MARKUP = re.compile(r"<sup>[^<>]{1,12}</sup>|\[\^[^\]" + _WS[1:-1] + r"]{1,12}\]|\\\*|[*_]")
# A word: letters and figures, with single / . - inside ("A/RES/74/174"). [^\W_] is [\p{L}\p{N}] for every
# character of Python's Unicode database (regex's own may know a few newer ones).
_WORD = re.compile(r"[^\W_]+(?:[/.\-][^\W_]+)*")
# The same words, read with C string methods: in the lower-cased text every character that is not a
# letter or figure becomes a space (a non-ASCII one here, an ASCII one by `_BYTE_SPACES`) but for a
# single / . - between two of them, and the UTF-8 bytes are split at the spaces. The words come out
# as bytes, which compare as their text does (they are only compared, never shown).
_NON_ASCII_SPACE = re.compile(r"[^\x00-\x7f\w]")  # above ASCII, \w is a letter or a figure (ASCII first: faster)
_LOOSE_JOINER = re.compile(rb"[/.\-](?:(?![A-Za-z0-9\x80-\xff])|(?<![A-Za-z0-9\x80-\xff][/.\-]))")
_BYTE_SPACES = bytes(b if b >= 0x80 or chr(b).isalnum() or chr(b) in "/.-\x00" else 0x20 for b in range(256))
_BREAK = "\n\x00\n"  # between two paragraphs: no word, emphasis or marker can span it

MIN_WORDS = 6  # shorter items ("(b) Organizational matters;") may repeat in lists
SIMILAR = 0.8  # Jaccard index of word trigrams at or above which two paragraphs are near-repeats
# The prefix index keeps, for each trigram, the most recent paragraphs that open with it. A
# draft never has this many; a list of thousands of near-identical entries (a converted table)
# would otherwise compare every entry with every earlier one.
RECENT = 100
_MANY = 100_000  # words above which the trigram hashes are kept in an array (see _near)
_PIECE = 1 << 16  # bytes of a large text's words split at once (see _split)


def _tokens(units: list[Clause]) -> tuple[list[bytes], list[tuple[int, int]]]:
    """The words of all the paragraphs in lower case (UTF-8), label and markup aside, and the span
    of each paragraph's words in that list. Read in one pass over the joined paragraphs: per
    paragraph, the calls would cost more than the reading. tests/rules/structure/test_structure_duplicates.py
    holds this to the plain definition (a regex over each paragraph)."""
    texts = []
    for c in units:
        text = c.text
        label = _LABEL.match(text)
        if label:
            text = text[label.end():]
        if "<" in text or "[" in text or "\\" in text:
            text = _MARKUP.sub("", text)  # else the emphasis marks, removed below, are all it can hold
        texts.append(text)
    joined = _BREAK.join(texts).replace("*", "").replace("_", "").lower()
    if joined.count("\x00") != len(texts) - 1:  # a NUL in the text: read each paragraph alone
        tokens: list[bytes] = []
        spans: list[tuple[int, int]] = []
        for text in texts:
            words = [w.encode("utf-8", "surrogatepass") for w in _WORD.findall(text.replace("*", "").replace("_", "").lower())]
            spans.append((len(tokens), len(tokens) + len(words)))
            tokens.extend(words)
        return tokens, spans
    if not joined.isascii():
        joined = _NON_ASCII_SPACE.sub(" ", joined)
    tokens = _split(_LOOSE_JOINER.sub(b" ", joined.encode("utf-8", "surrogatepass")).translate(_BYTE_SPACES))
    spans, start = [], 0
    for _ in range(len(texts) - 1):
        end = tokens.index(b"\x00", start)
        spans.append((start, end))
        start = end + 1
    spans.append((start, len(tokens)))
    return tokens, spans


def _split(words: bytes) -> list[bytes]:
    """words.split(); in a large text one object per distinct word, read a piece at a time (each
    cut at a space, which no word holds): a list of 1.5 million words, each its own object, is
    60 MB where the same words shared are a tenth of that."""
    if len(words) <= _PIECE:
        return words.split()
    shared: dict[bytes, bytes] = {}
    tokens: list[bytes] = []
    at = 0
    while at < len(words):
        cut = words.find(b" ", at + _PIECE) + 1 or len(words)
        tokens.extend([shared.setdefault(w, w) for w in words[at:cut].split()])
        at = cut
    return tokens


_COMPARED = frozenset({"preambular", "operative", "subparagraph"})


def _units(ctx: Context, p: Parts) -> Iterator[list[Clause]]:
    """The paragraphs of each part of a resolution: the recitals, then the operative paragraphs,
    each with their sub-paragraphs. Parts are compared apart: “*Having considered* the report ...”
    and “1. *Welcomes* the report ...” share their words by design."""
    # the paragraphs of each Option of a negotiation text apart: alternatives are alike by design
    groups: dict[int, list[Clause]] = {}
    for c in p.operatives:
        groups.setdefault(p.option_of.get(id(c), 0), []).append(c)
    for part in (p.recitals, *groups.values()):
        # each paragraph, then what is under it (the engine's walk, read in its order)
        yield [x for c in part for x in ([c] if c.kind in _COMPARED else []) + ctx.under(c, _COMPARED)]


def _trigrams(words: list[bytes]) -> frozenset[tuple[bytes, ...]]:
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
    tokens, spans = _tokens(units)
    exact: list[tuple[Clause, Clause]] = []
    first: dict[tuple[bytes, ...], int] = {}
    repeated: set[int] = set()
    for i, (a, b) in enumerate(spans):
        if b - a < MIN_WORDS:
            continue
        key = tuple(tokens[a:b])
        if key in first:
            exact.append((units[first[key]], units[i]))
            repeated.add(i)
        else:
            first[key] = i
    near = [(units[j], units[i], score) for j, i, score in _near(tokens, spans, repeated)]
    return exact, near


def _near(tokens: list[bytes], spans: list[tuple[int, int]], skip: set[int]) -> list[tuple[int, int, float]]:
    """Pairs (earlier, later, Jaccard) at or above SIMILAR, by prefix filtering (Bayardo et al.,
    "Scaling up all pairs similarity search", 2007): with trigrams in one fixed order, two sets
    whose Jaccard index is at least t share a trigram among the first |A| - ceil(t|A|) + 1 of
    each, so only those are indexed and only pairs sharing one are compared exactly.

    Most paragraphs have no near repeat, and a cheaper test shows it first (see below); the
    prefix index is built only when a paragraph passes it."""
    # The hash of every trigram of the joined word list: the words tokens[a:b] of a paragraph
    # have theirs at hashed[a:b - 2].
    trigrams_of = zip(tokens, islice(tokens, 1, None), islice(tokens, 2, None))
    # In a large text, machine integers in an array: 8 bytes a trigram instead of 40 (a list is
    # faster to build, and a draft's is small).
    hashed: Sequence[int] = (array("q", map(hash, trigrams_of)) if len(tokens) > _MANY
                             else list(map(hash, trigrams_of)))
    seen: set[int] = set()  # the hashes of the trigrams of the paragraphs so far
    grams: dict[int, frozenset[tuple[bytes, ...]]] = {}
    sizes: dict[int, int] = {}  # number of distinct trigrams
    index: dict[int, deque[int]] = defaultdict(lambda: deque(maxlen=RECENT))
    indexed = 0  # the paragraphs before this one are in the prefix index
    found: list[tuple[int, int, float]] = []

    def trigrams(k: int) -> frozenset[tuple[bytes, ...]]:
        if k not in grams:
            a, b = spans[k]
            grams[k] = _trigrams(tokens[a:b])
        return grams[k]

    def prefix(k: int) -> list[int]:
        """The hashes of the first trigrams of paragraph k, in the order of their hashes (any fixed
        order keeps the guarantee; two trigrams with one hash share an entry: a candidate more,
        which the exact comparison drops)."""
        a, b = spans[k]
        ordered = sorted(set(hashed[a:b - 2]))
        if len(ordered) < b - a - 2:  # a trigram twice, or two with one hash: count the trigrams
            ordered = sorted(map(hash, trigrams(k)))
        size = sizes[k] = len(ordered)
        return ordered[: size - math.ceil(SIMILAR * size) + 1]

    for i, (a, b) in enumerate(spans):
        if b - a < MIN_WORDS + 2:
            continue
        positions = b - a - 2
        before = len(seen)
        seen.update(hashed[a:b - 2])
        # The test: in a pair scoring SIMILAR, the later paragraph has at least SIMILAR * |A| of
        # its trigrams in the earlier one, so at most (1 - SIMILAR) * |A| that no paragraph
        # before has. A hash not seen before is at least one such trigram, and (|A| - new) / |A|
        # only grows when |A| is replaced by the number of positions, which bounds it: below
        # SIMILAR (the same float division as the score), no earlier paragraph can pair.
        if i in skip or (positions - (len(seen) - before)) / positions < SIMILAR:
            continue
        for k in range(indexed, i):
            if spans[k][1] - spans[k][0] >= MIN_WORDS + 2:
                for t in prefix(k):
                    index[t].append(k)
        indexed = i
        candidates: set[int] = set()
        for t in prefix(i):
            candidates.update(index[t])
        size = sizes[i]
        best: tuple[int, float] | None = None
        for j in sorted(candidates):
            if not SIMILAR * size <= sizes[j] <= size / SIMILAR:
                continue
            g, h = trigrams(i), trigrams(j)
            score = len(g & h) / len(g | h)
            if score >= SIMILAR and (best is None or score > best[1]):
                best = (j, score)
        if best is not None:
            found.append((best[0], i, best[1]))
    return found


_Pairs = tuple[list[tuple[Clause, Clause]], list[tuple[Clause, Clause, float]]]


def repeats(ctx: Context, p: Parts) -> list[_Pairs]:
    """`pairs` of every part of one resolution, computed once for ST101-ST103."""
    return ctx.shared(("structure.repeats", id(p.resolution)), lambda: [pairs(units) for units in _units(ctx, p)])


@dataclass(frozen=True)
class DuplicateParagraph(ByClause):
    """ST101: the same paragraph twice in one resolution."""
    kinds = RESOLUTIONS  # the engine hands it each resolution, read into its parts
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

    def visit(self, clause: Clause, ctx: Context) -> Iterator[Finding]:
        p = part_of(ctx, clause)
        for exact, _ in repeats(ctx, p) if p is not None else ():
            for earlier, later in exact:
                yield Finding(self.meta.code, later.start, later.end,
                              f"this {_what(later)} repeats the {_what(earlier)} at line {_line(ctx, earlier)}")


@dataclass(frozen=True)
class SimilarParagraph(ByClause):
    """ST102: two paragraphs of one resolution that are nearly the same."""
    kinds = RESOLUTIONS  # the engine hands it each resolution, read into its parts
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

    def visit(self, clause: Clause, ctx: Context) -> Iterator[Finding]:
        p = part_of(ctx, clause)
        for _, near in repeats(ctx, p) if p is not None else ():
            for earlier, later, score in near:
                yield Finding(self.meta.code, later.start, later.end,
                              f"this {_what(later)} is nearly the same as the {_what(earlier)} at line "
                              f"{_line(ctx, earlier)} ({round(score * 100)}% of word sequences shared): keep one")


_CITED = regex.compile(
    r"\bresolutions?\s+((?:S-|ES-)?\d{1,4}/\d{1,4}(?:\s[A-Z]\b)?|\d{1,4}\s*\((?:[IVXLC]+|\d{4})\))")


_OBJECT = regex.compile(  # what may stand between the lead and the resolution it recalls
    r"[\s*]*(?:of\s+)?(?:its\s+|the\s+)?(?:(?:General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council"
    r"|Human\s+Rights\s+Council|Commission\s+on\s+[\w\s]{3,60}?)\s+)?")


_LEAD_WORD = regex.compile(r"[\p{L}-]+")
_SPACES = regex.compile(r"\s+")


def _first_citation(clause: Clause, lead_words: int) -> str | None:
    """The resolution a recital recalls when it is the lead's object (“*Recalling* its resolution
    74/174”), not one cited in passing (“*Recalling* that the Assembly, in its resolution ...”)."""
    if lead_words < 1 or "resolution" not in clause.text:  # a lead of no word (noise between asterisks)
        return None
    after = -1
    for n, word in enumerate(_LEAD_WORD.finditer(clause.text), 1):
        if n == lead_words:
            after = word.end()
            break
    if after < 0:
        return None
    m = _OBJECT.match(clause.text, after)
    cited = _CITED.match(clause.text, m.end()) if m else None
    return _SPACES.sub(" ", cited.group(1)) if cited else None


@dataclass(frozen=True)
class SameCitation(ByClause):
    """ST103: two recitals with the same lead that recall the same resolution."""
    kinds = RESOLUTIONS  # the engine hands it each resolution, read into its parts
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

    def visit(self, clause: Clause, ctx: Context) -> Iterator[Finding]:
        p = part_of(ctx, clause)
        if p is None:
            return
        # repeats never pair paragraphs of two resolutions: this resolution's pairs are all there are
        paired = {(id(a), id(b)) for exact, near in repeats(ctx, p)
                  for a, b in [*exact, *((x, y) for x, y, _ in near)]}
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
