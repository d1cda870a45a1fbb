"""Where a draft uses and defines acronyms: the analysis behind the AC rules.

A text is read in *units*, each of which must define its own acronyms: the body of each
resolution (chapeau to closing lines) and each annex (an annex is a separate text), or
the whole text when it is not a resolution. Headers, titles and footnotes are not read:
a title is a text of its own and footnotes hold citations and symbols.

An acronym is a word of two or more capitals, possibly with digits or hyphenated parts
(INTERPOL, COVID-19, UN-Women, ICTs); it is *defined* where it stands alone in
parentheses after the full name, `United Nations Office on Drugs and Crime (UNODC)`, or
in a `(hereinafter “ACR”)` clause. Not acronyms: roman numerals (XXVI), document symbols
(A/RES/75/10), capitals inside quotations, code or URLs, and lines set in capitals.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from regex import escape as re_escape

from termlint.parse.tree import Clause, alternatives
from termlint.rules.acronyms.places import (
    HYPHENS,
    after_name,
    in_capital_line,
    in_designation,
    in_italic_title,
    in_legend,
    in_table_row,
    name_tail,
    resolution_letters,
    symbol_after,
)
from termlint.rules.context import Context
from termlint.text.prose import compiled, non_prose_spans
from termlint.text.protect import SpanSet
from termlint.text.words import WordView

# Capitals (an ampersand inside: R&D), digits after them, then hyphenated parts.
# Hyphens: U+002D, and U+2010 and U+2011 (the adopted texts write the non-breaking one: UN‑Women).
_TOKEN = r"(?<![\p{L}\p{N}&'’])([A-Z][A-Z&]*[A-Z][A-Z0-9]*(?:[-\u2010\u2011][\p{L}\p{N}]+)*s?)(?![\p{L}\p{N}&])"
_ROMAN = r"M{0,4}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})"
# What may stand between "(" and a defined acronym, and between it and ")".
_DEF_BEFORE = (r"\(\s*(?:(?:hereinafter|hereafter)(?:\s+(?:referred\s+to|called|cited|known))?(?:\s+as)?\s*)?"
               r"(?:the\s+)?[\"“]?$")
# (UNODC), (“ACR”), (the CLOUT system), (SIDS DOCK), (ISIL, also known as Da’esh)
# (UN-SWAP 2.0), (WIPO Green): a version number or one capitalised word may follow
_DEF_AFTER = (r"^(?:\s+[A-Z][A-Z0-9]+)*(?:\s+\d+(?:\.\d+)*|\s+[A-Z][a-z]+)?[\"”]?"
              r"(?:(?:\s+[a-z]+)?\s*\)|,\s+(?:also\s+)?(?:known|referred|called)\b)")
_BODY_KINDS = frozenset({"chapeau", "preambular", "operative", "subparagraph", "paragraph", "closing", "heading"})
_PLAIN_KINDS = frozenset({"paragraph", "heading", "preambular", "operative", "subparagraph", "chapeau", "closing"})


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One use or definition of an acronym in a text."""
    acronym: str  # normalised: plain hyphens, no plural s
    start: int
    end: int
    definition: bool
    part: str = ""  # "preamble" or "operative" in a resolution: each part may define once
    quoted: bool = False  # a definition inside a quoted title: it tells the reader, but is not ours to drop
    table: bool = False  # in a table row: a cell is not a paragraph, a row repeats its abbreviations
    aside: bool = False  # a definition in a title or footnote: it tells the reader, the body may define again
    named: bool = False  # a definition inside a designation: "... (SAMOA) Pathway", "(TRIPS Agreement)"

    @property
    def option(self) -> int:
        """The alternative (Option 1, 2 ...) of a negotiation text the occurrence is in, 0 if none:
        each alternative may be the one kept, so each must define its own acronyms."""
        _, _, option = self.part.partition(":")
        return int(option) if option else 0


@dataclass
class Unit:
    """One text that must define its own acronyms, and the acronyms in it, in order."""

    spans: list[tuple[int, int]] = field(default_factory=list)
    options: list[int] = field(default_factory=list)  # per span: the Option of a negotiation text, 0 if none
    occurrences: list[Occurrence] = field(default_factory=list)
    _initials: dict[str, int] | None = field(default=None, repr=False, compare=False)
    _definitions: dict[tuple[str, bool], Occurrence] | None = field(default=None, repr=False, compare=False)

    def find(self, text: str, phrase: str) -> int:
        """Where `phrase` first occurs within the unit's text, or -1."""
        for start, end in self.spans:
            at = text.find(phrase, start, end)
            if at >= 0:
                return at
        return -1

    def first_definition(self, acronym: str, asides: bool = True) -> Occurrence | None:
        """The first definition of `acronym`; with `asides` false, the first in the body (not
        in a title or footnote)."""
        if self._definitions is None:  # once per unit, not one pass over the occurrences per acronym
            self._definitions = {}
            for o in self.occurrences:
                if o.definition:
                    self._definitions.setdefault((o.acronym, True), o)
                    if not o.aside:
                        self._definitions.setdefault((o.acronym, False), o)
        return self._definitions.get((acronym, asides))

    def spelled_out(self, text: str, acronym: str) -> Iterator[tuple[int, int]]:
        """In span order, each span's first phrase that spells `acronym` (see `spelled_out`).

        Only the spans where every letter of the acronym opens a word can hold one: an index
        of those initials, built once per unit, spares a report with hundreds of acronyms from
        reading every paragraph once per acronym.
        """
        letters = set(_letters(acronym))
        if not letters:
            return
        if self._initials is None:
            self._initials = _initials_index(text, self.spans)
        candidates = -1  # every span
        for letter in letters:
            candidates &= self._initials.get(letter, 0)
            if not candidates:
                return
        for k in _bits(candidates):
            found = spelled_out(text, acronym, *self.spans[k])
            if found is not None:
                yield found


def units(ctx: Context) -> list[Unit]:
    """The units of the document, each with its acronym occurrences (read once per context:
    the four AC rules share them)."""
    return ctx.shared("acronyms.units", lambda: _read_units(ctx))


def _read_units(ctx: Context) -> list[Unit]:
    text = ctx.text
    skipped = hidden_spans(ctx)
    quotes = ctx.protected.quotes
    read = _Reading(ctx.word_view)
    found = []
    for segments, asides in _unit_segments(ctx.tree):
        unit = Unit(spans=[(start, end) for start, end, _ in segments],
                    options=[int(part.partition(":")[2] or 0) for _, _, part in segments])
        for start, end, part in segments:
            unit.occurrences.extend(_occurrences(text, read.tokens(start, end), part, skipped, quotes, read))
        if asides:  # definitions in the unit's title and footnotes count: the reader has been told
            unit.occurrences.extend(replace(o, aside=True) for start, end, part in asides
                                    for o in _occurrences(text, read.tokens(start, end), part, skipped, quotes, read)
                                    if o.definition)
            unit.occurrences.sort(key=lambda o: o.start)
        if unit.occurrences:
            found.append(unit)
    return found


class _Reading:
    """The capitals of the text, read once for every unit and rule: `_TOKEN` over the whole text,
    kept with the word view (a span whose ends touch white space holds the same matches as when
    it is read alone; the others are read alone). The line memos serve every occurrence."""

    def __init__(self, view: WordView) -> None:
        self.view = view
        self.starts, self.found = view.scan(compiled(_TOKEN))
        self.capital_lines: dict[int, bool] = {}
        self.marks: dict[int, Any] = {}

    def tokens(self, start: int, end: int) -> list[tuple[int, str]]:
        """(offset, token) of each match of `_TOKEN` in text[start:end], as finditer finds them there."""
        if not self.view.clean(start, end):
            return [(m.start(), m.group()) for m in compiled(_TOKEN).finditer(self.view.text, start, end)]
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return [(m.start(), m.group()) for m in self.found[lo:hi]]


def hidden_spans(ctx: Context) -> Any:
    """The spans acronyms are not read in (not prose: comments, code, symbols), as a SpanSet,
    once per context (the AC rules ask too, for where a definition would not count)."""
    return ctx.shared("acronyms.hidden", lambda: SpanSet.of(non_prose_spans(ctx.text, ctx.protected)))


_ASIDES = frozenset({"title", "footnote"})


_Segments = list[tuple[int, int, str]]


def _unit_segments(tree: Clause) -> Iterator[tuple[_Segments, _Segments]]:
    """Each unit's segments, and the segments of its title and footnotes (read for definitions)."""
    if not tree.is_resolution:
        yield _segments(tree, _PLAIN_KINDS)
        return
    for clause in tree.walk():
        if clause.kind == "resolution":
            yield _segments(clause, _BODY_KINDS)
        elif clause.kind == "annex":
            yield _segments(clause, _PLAIN_KINDS | {"annex"}, within_annex=True)


_PREAMBLE = frozenset({"chapeau", "preambular"})


def _segments(root: Clause, kinds: frozenset[str], within_annex: bool = False) -> tuple[_Segments, _Segments]:
    """The segments of the clauses of `kinds` under `root`, in order, without nested annexes,
    each with the part of the resolution it belongs to (preamble or operative); and, read in
    the same walk, the segments of its titles and footnotes."""
    found: _Segments = []
    asides: _Segments = []
    # the paragraphs of each Option of a negotiation text: their part is "operative:2" and so on
    options = alternatives(root) if root.kind == "resolution" else {}

    def visit(clause: Clause, part: str, into: _Segments, every: bool, option: int = 0) -> None:
        if clause.kind in _PREAMBLE:
            part = "preamble"
        elif clause.kind in ("operative", "closing"):
            part = "operative"
        if option and ":" not in part:
            part = f"{part}:{option}"
        if every or clause.kind in kinds:
            into.extend((s.start, s.end, part) for s in clause.segments)
        for child in clause.children:
            if (child.kind == "annex" and not within_annex) or child.kind == "header":
                continue
            if child.kind in _ASIDES:
                visit(child, part, asides, True, option)
            else:
                visit(child, part, into, every, options.get(id(child), option))

    visit(root, "", found, False)
    return _merged(found), _merged(asides)


def _merged(found: _Segments) -> _Segments:
    merged: _Segments = []
    for start, end, part in sorted(set(found)):
        if merged and start < merged[-1][1]:  # a parent's span repeats its children's text
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]), merged[-1][2])
        else:
            merged.append((start, end, part))
    return merged


def _occurrences(text: str, tokens: list[tuple[int, str]], part: str, skipped: Any, quotes: Any,
                 read: _Reading) -> Iterator[Occurrence]:
    for token_start, token in tokens:
        token_end = token_start + len(token)
        if skipped.overlaps(token_start, token_end):
            continue
        before = text[token_start - 1] if token_start else " "
        after = text[token_end] if token_end < len(text) else " "
        if (before in "_@#=\\/" or after in "_@#=\\" or symbol_after(text, token_end) or after_name(text, token_start)
                or resolution_letters(text, token_start, token)):
            continue  # MSC.448(99), WHA73.1, .../DEC.3, 53/77 AA, 2252 (ES-V), OC 16/99: symbols
        for acronym, a_start, a_end in _split(token, token_start):
            if not acronym.strip(_ROMAN_LETTERS) and compiled(_ROMAN).fullmatch(acronym):
                continue
            line = read.view.line_start(a_start)
            if in_capital_line(text, a_start, read.capital_lines, line):
                continue
            legend = in_legend(text, a_start, line)
            definition = legend or _is_definition(text, a_start, a_end)
            if not definition and in_italic_title(text, a_start, line, read.marks):
                continue  # *UNEP Frontiers 2016 Report*: a publication's title, mentioned, not used
            quoted = quotes.covering(a_start, a_end)
            if quoted and quoted[1] - quoted[0] <= len(acronym) + 3:
                quoted = None  # (hereinafter “ACR”): the quotation marks are the definition's own
            if quoted and not definition:
                continue  # quoted (a title, another text's words): mentioned, not used
            yield Occurrence(normalise(acronym), a_start, a_end, definition, part, bool(quoted),
                             table=in_table_row(text, a_start, line, read.marks), aside=legend,
                             named=definition and (in_designation(text, a_end)
                                                   or compiled(r"\s+[A-Z][a-z]+").match(text, a_end) is not None))


_ROMAN_LETTERS = "MDCLXVI"  # a token of other letters cannot be a roman numeral: no regex asked


def _split(token: str, offset: int) -> Iterator[tuple[str, int, int]]:
    """The acronyms of a token: ICT-based -> ICT; UNEP-INTERPOL -> UNEP, INTERPOL; COVID-19 whole."""
    if not any(h in token for h in HYPHENS):
        yield token, offset, offset + len(token)
        return
    parts = compiled(r"[-\u2010\u2011]").split(token)
    kept = [parts[0]]
    for part in parts[1:]:
        if part[:1].islower() and not any(c.isdigit() for c in part):  # ICT-based, UN-led, COVID-19-related
            break
        kept.append(part)  # COVID-19, UN-Women, and the slip COVID-l9 shown whole
    # UNEP-INTERPOL is two acronyms; UN-SPIDER, UN-SWAP, EU-LAC one name: a part of two
    # letters is the prefix of a name, not an acronym of its own
    if len(kept) > 1 and all(len(p) >= 3 and p.isupper() and p.isalpha() for p in kept):
        position = offset
        for part in kept:
            yield part, position, position + len(part)
            position += len(part) + 1
        return
    whole = token[: sum(len(p) for p in kept) + len(kept) - 1]
    yield whole, offset, offset + len(whole)


def normalise(acronym: str) -> str:
    """UN‑Women -> UN-Women (any hyphen); ICTs -> ICT (a plural s after capitals)."""
    acronym = acronym.replace("\u2011", "-").replace("\u2010", "-")
    if len(acronym) > 2 and acronym.endswith("s") and acronym[-2].isupper():
        acronym = acronym[:-1]
    return acronym


def _is_definition(text: str, start: int, end: int) -> bool:
    after = text[end:end + 40]
    if ")" not in after[:9] and not compiled(_DEF_AFTER).search(after):
        return False  # the quick test: most capitals are not followed by a parenthesis's end
    if not compiled(_DEF_AFTER).search(after):
        plural = text[end:end + 1] == "s" and compiled(_DEF_AFTER).search(text[end + 1:end + 41])
        if not plural:
            return False
    window = text[max(0, start - 60):start]
    m = compiled(_DEF_BEFORE).search(window)
    if not m:
        return False
    opener = max(0, start - 60) + m.start()
    before = text[max(0, opener - 40):opener].rstrip()
    previous = before[-1:]
    if compiled(r"(?<![\p{L}\p{N}])[A-Z][A-Z0-9]*[A-Z0-9](?:[-\u2010\u2011][A-Z0-9]+)*$").search(before):
        return False  # GS (OL), P-2 (X): a qualifier after an abbreviation, not a name spelled out
    # after a footnote marker too: “Treaty on the Non-Proliferation of Nuclear Weapons[^1] (NPT)”
    return bool(previous) and (previous.isalpha() or previous in ")”’*_]")


_SMALL_WORDS = frozenset({"of", "on", "and", "for", "the", "to", "in", "against", "at", "by", "de", "la",
                          "des", "du", "et", "with", "from"})


def spelled_out(text: str, acronym: str, start: int, stop: int | None = None) -> tuple[int, int] | None:
    """The first phrase in text[start:stop] whose capitalised words' initials spell `acronym`
    (United Nations Office on Drugs and Crime -> UNODC); small words may stand between."""
    letters = _letters(acronym)
    if not letters:
        return None
    stop = len(text) if stop is None else stop
    at = start
    for letter in letters:  # the initials must occur in order, or no phrase can spell them
        at = text.find(letter, at, stop) + 1
        if not at:
            return None
    piece = _piece(text, start, stop)
    word = compiled(_WORD)
    # Only the words with the right initial can open the phrase: they are found in one scan,
    # and the words after each are read one by one (most phrases fail at the first or second).
    for m in compiled(_OPENING.format(re_escape(letters[0]))).finditer(piece):
        w, w_end = m.group(), m.end()
        k, end = 0, 0
        while True:
            if w[0] == letters[k] and not (len(w) > 1 and w.isupper()):  # not another acronym
                k, end = k + 1, w_end
                if k == len(letters):
                    break
            elif not (k > 0 and w in _SMALL_WORDS):  # only lower-case small words may stand between
                break
            following = word.search(piece, w_end)
            if following is None:
                break
            w, w_end = following.group(), following.end()
        phrase = piece[m.start():end]
        if k == len(letters) and not any(c in phrase for c in "\n\"“”()[];") and not name_tail(piece, m.start()):
            return start + m.start(), start + end
    return None



def _letters(acronym: str) -> list[str]:
    """The initials a spelled-out phrase must have (none for an acronym of one or over ten)."""
    letters = [c for c in acronym if c.isalpha() and c.isupper()]
    return letters if 2 <= len(letters) <= 10 else []


# A word of a phrase: letters, then letters, apostrophes and hyphens (Member-State's). A word
# opening with a given letter: one not preceded by a letter and the rest of its word.
_WORD = r"\p{L}[\p{L}'’\-]*"
_OPENING = r"(?<!\p{{L}}[\p{{L}}'’\-]*){}[\p{{L}}'’\-]*"
# The text of each span of one text (every undefined acronym searches the same spans): one text kept.
_PIECES: dict[str, Any] = {"text": None, "spans": {}}


def _initials_index(text: str, spans: list[tuple[int, int]]) -> dict[str, int]:
    """Capital -> the spans where it opens a word, as the bits of an integer (bit k: span k; a
    large file's sets of span numbers took 6 MB, their bits take a few KB): a phrase spelling an
    acronym needs each of its letters so (a word opens after a non-letter; capitals inside a word
    are not counted)."""
    found: dict[str, list[int]] = {}
    opening = compiled(_OPENING_CAPITAL)
    for k, (start, stop) in enumerate(spans):
        # sliced, not kept in _PIECES: the few spans `spelled_out` reads again are kept there; all
        # of them would be a second copy of the whole text (13 MB for a 9 MB file)
        for letter in set(opening.findall(text[start:stop])):
            found.setdefault(letter, []).append(k)
    return {letter: _mask(ks, len(spans)) for letter, ks in found.items()}


def _mask(bits: list[int], size: int) -> int:
    """The integer with the given bits set (of `size`), built in one pass: or-ing them in one by
    one would copy the growing integer each time."""
    digits = bytearray(b"0") * size
    for k in bits:
        digits[size - 1 - k] = 49  # "1"
    return int(digits, 2)


def _bits(mask: int) -> Iterator[int]:
    """The set bits of a non-negative `mask`, lowest first."""
    digits = bin(mask)[:1:-1]  # lowest bit first
    k = digits.find("1")
    while k >= 0:
        yield k
        k = digits.find("1", k + 1)


_OPENING_CAPITAL = r"(?<!\p{L})\p{Lu}"


def _piece(text: str, start: int, stop: int) -> str:
    if _PIECES["text"] is not text:
        _PIECES["text"], _PIECES["spans"] = text, {}
    spans = _PIECES["spans"]
    found = spans.get((start, stop))
    if found is None:
        found = spans[(start, stop)] = text[start:stop]
    return found  # type: ignore[no-any-return]
