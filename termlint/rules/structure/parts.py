"""What the clause-structure rules share: the roles of a resolution's paragraphs and their lead phrases.

Not a rule module (no RULES). The parser places blocks; this module reads a resolution the
way an editor does:

- the *operative part proper* is the run of numbered paragraphs from 1; a restart at 1 after a
  heading or unnumbered text is an annex or a second part (a Security Council text with its
  annexes, a declaration appended without a closing line), and a restart right after a
  paragraph ending with a colon is a numbered list quoted in that paragraph (a provisional
  agenda), not operative paragraphs;
- a resolution with no numbered paragraph may still have one operative paragraph, unnumbered
  ("*Adopts* the political declaration ... annexed to the present resolution."): the last
  paragraph, when its lead is an operative verb. Several such paragraphs are a defect
  (operative paragraphs are numbered), reported by ST115.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from termlint.core.model import Example
from termlint.core.resources import data_dir
from termlint.core.tomlfile import loads
from termlint.parse.tree import Clause


@dataclass(frozen=True)
class Leads:
    """The lead phrases of recitals and operative paragraphs, and the adverbs that continue them."""
    adverbs: frozenset[str]
    preambular: frozenset[str]
    operative: frozenset[str]
    continuations: dict[str, tuple[str, ...]] = field(hash=False)


@lru_cache(maxsize=1)
def leads() -> Leads:
    """The bundled lists of lead phrases (rules/lists/leads.toml), kept between runs like the rule set."""
    from termlint.rules.ruleset_cache import cached

    return cached("leads", (), _read_leads, Leads)


def _read_leads() -> Leads:
    data = loads((data_dir("rules") / "lists" / "leads.toml").read_text(encoding="utf-8"))
    return Leads(
        adverbs=frozenset(data["adverbs"]["words"]),
        preambular=frozenset(data["preambular"]["heads"]),
        operative=frozenset(data["operative"]["heads"]),
        continuations={k: tuple(v) for k, v in data["continuations"].items()},
    )


_BRITISH_Z = regex.compile(r"(?<=\p{L}{2})is(ing|ed|es|e)$")


def fold(word: str) -> str:
    """A lead word in the form the lists use: lower case, and a British -is- spelling folded to the
    -iz- form when that is a listed head (Recognising -> recognizing; Praising stays praising)."""
    lower = word.lower()
    lists = leads()
    if lower in lists.preambular or lower in lists.operative:
        return lower
    folded = _BRITISH_Z.sub(r"iz\1", lower)
    return folded if folded in lists.preambular or folded in lists.operative else lower


@dataclass(frozen=True)
class Lead:
    """A lead phrase read word by word: `Recalling further` -> head recalling, degree 2."""

    words: tuple[str, ...]  # folded
    head: str  # the first word after the adverbs ("" when there is none)
    head_index: int
    degree: int  # 0 plain, 1 with "also", 2 with "further" (as the sequence adverb)
    key: str  # what a repeat is compared on: the head, and for light verbs the next word
    phrase: str = ""  # the lead as written (words only)
    plain: str = ""  # the phrase without its "also" or "further"

    @property
    def part(self) -> str | None:
        """"preambular" or "operative" when the head is in the lists, else None."""
        lists = leads()
        if self.head in lists.preambular:
            return "preambular"
        if self.head in lists.operative:
            return "operative"
        return None


# Heads whose next word makes a different lead ("Taking note" and "Taking into account"): a repeat
# is compared on both words. Other heads compare on the head alone ("Expressing concern also" may
# follow "Expressing deep concern").
_LIGHT = frozenset({"taking", "takes", "having", "has", "bearing", "keeping", "pays", "paying", "draws", "drawing"})
_AFTER_FURTHER = frozenset({"with", "of", "that", "in", "by", "to", "its", "the"})


_LEAD_WORD = regex.compile(r"[\p{L}-]+")


@lru_cache(maxsize=4096)  # leads repeat across rules and documents ("Recalling", "Requests")
def read_lead(lead: str, loose: bool = False) -> Lead:
    """Read a lead phrase. `loose`: the words are the start of a paragraph in a text without
    italics, where the lead's end is unknown; the lead is then taken to end at the head (with
    the next word for light verbs such as "Taking note", and an adjacent "also" or "further")."""
    tokens = _LEAD_WORD.findall(lead)
    words = tuple(fold(w) for w in tokens)
    adverbs = leads().adverbs
    i = 0
    while i < len(words) - 1 and (words[i] in adverbs or (words[i].endswith("ly") and len(words[i]) > 3)):
        i += 1
    head = words[i] if i < len(words) else ""
    if loose:
        end = i + (2 if head in _LIGHT else 1)
        if end < len(words) and words[end] in ("also", "further"):
            end += 1
        tokens, words = tokens[:end], words[:end]
    degree = 0
    drop = -1
    if "also" in words:
        degree, drop = 1, words.index("also")
    elif "further" in words:
        j = words.index("further")
        # "Expressing further concern": "further" qualifies a noun, it is not the sequence adverb.
        if j < i or j == len(words) - 1 or words[j + 1] in _AFTER_FURTHER:
            degree, drop = 2, j
    rest = [w for k, w in enumerate(words) if k >= i and k != drop]
    key = " ".join(rest[:2]) if rest and rest[0] in _LIGHT else (rest[0] if rest else "")
    plain = [t for k, t in enumerate(tokens) if k != drop]
    if plain and drop == 0:
        plain[0] = plain[0][:1].upper() + plain[0][1:]
    return Lead(words, head, i, degree, key, " ".join(tokens), " ".join(plain))


_NUMBER = regex.compile(r"(\d+)\s*(bis|ter|quater|quinquies)?")
SUFFIX_ORDER = {"": 0, "bis": 1, "ter": 2, "quater": 3, "quinquies": 4}


@lru_cache(maxsize=1024)  # labels repeat: "1", "2", "(a)" in every resolution
def number(label: str) -> tuple[int, str] | None:
    """(12, "bis") for the label "12 bis", None when the label has no number."""
    m = _NUMBER.fullmatch(label.strip())
    return (int(m.group(1)), m.group(2) or "") if m else None


# The mark that ends a paragraph: trailing footnote markers, closing quotes and emphasis are not it.
# A bare number after the mark is a footnote marker in retyped plain text ("... Protocol, 28").
# Invisible format characters (a left-to-right mark after the comma, U+200E, in converted texts) are not it either.
_TRAIL_MARKER = regex.compile(r"(?:<sup>[^<>\n]{1,12}</sup>|\[\^[^\]\s]{1,12}\]|\\\*|(?<=[.,;:])[ \t]+\d{1,3}"
                              r"|[ \t\u00a0\u200b\u200e\u200f\u2060\ufeff])+$")
_TRAIL_CLOSE = regex.compile(r"[\"”’»*_\]\s]+$")
MARKS = ".,;:!?…"


@dataclass(frozen=True, slots=True)
class Terminal:
    """Where a clause ends: the mark (or "" when missing), its index in clause.text, and where
    to insert one when it is missing. `wrapped`: the mark sits inside a closing quote or bracket."""

    mark: str
    index: int  # index of the mark in clause.text (-1 when missing)
    insert_at: int  # index in clause.text where a missing mark goes
    wrapped: bool
    conjunction: bool = False  # "...; and" / "...; or": the mark is before a trailing conjunction


_TRAIL_CONJ = regex.compile(r"([;,])\s+(?:and|or)\s*$")


def _may_end(text: str, end: int, last_chars: str) -> bool:
    """Whether a pattern anchored at the end can match text[:end]: its last character (or a
    space, which `$` may stand before) must be one the pattern ends with. Searching for such
    a pattern tries every position of the paragraph; this test spares most of those searches."""
    last = text[end - 1:end]
    return not last or last in last_chars or last.isspace() or last.isdigit()


def terminal(clause: Clause) -> Terminal:
    text = clause.text
    end = len(text)
    m = _TRAIL_MARKER.search(text, 0, end) if _may_end(text, end, ">]*\u200b\u200e\u200f\u2060\ufeff") else None
    if m:
        end = m.start()
    stripped = text[:end].rstrip(" \t\n\r\f\v\u00a0")  # "; and" ends with its conjunction
    c = _TRAIL_CONJ.search(text, 0, end) if _may_end(stripped, len(stripped), "dr") else None
    if c:
        return Terminal(c.group(1), c.start(1), end, False, True)
    insert_at = end
    m = _TRAIL_CLOSE.search(text, 0, end) if _may_end(text, end, "\"”’»*_]") else None
    close_start = m.start() if m else end
    body = text[:end]
    # An ellipsis is no final mark; an ellipsis then a full stop ("....", "….") ends with that
    # stop (else the fix that adds the stop would be offered again after every run).
    if (body.endswith("...") and not body.endswith("....")) or body.endswith("…"):
        return Terminal("", -1, insert_at, False)
    if close_start > 0 and text[close_start - 1] in MARKS:
        return Terminal(text[close_start - 1], close_start - 1, insert_at, close_start < end)
    return Terminal("", -1, insert_at, False)


@dataclass
class Parts:
    """One resolution read as preamble and operative part."""

    resolution: Clause
    recitals: list[Clause]
    operatives: list[Clause]  # the operative part proper, in order (numbered, or unnumbered ones)
    unnumbered: list[Clause]  # operative paragraphs without a number (parsed as recitals)
    embedded: set[int]  # id() of numbered paragraphs quoted inside a paragraph (a list after a colon)
    following: dict[int, Clause | None]  # id(clause) -> the next sibling in the resolution
    then_resolution: bool  # another resolution follows this one (an ECOSOC text recommending a draft)
    layout: str = "un"  # the layout the parser recognised (parse/layouts.py)
    # treaty layout: each article heading with its numbered paragraphs (numbered anew in each)
    articles: list[tuple[Clause, list[Clause]]] = field(default_factory=list)
    # id(first operative paragraph of Option 2, 3 ...) -> the number before Option 1: the
    # options of a negotiation text are alternatives, numbered in parallel
    restarts: dict[int, tuple[int, str] | None] = field(default_factory=dict)
    option_of: dict[int, int] = field(default_factory=dict)  # id(operative) -> the option it belongs to (1, 2, ...)
    _ends: dict[int, Terminal] = field(default_factory=dict, repr=False)  # id(clause) -> terminal(clause)

    def end_of(self, clause: Clause) -> Terminal:
        """`terminal(clause)`, read once per paragraph of this resolution (ST121-ST123 and the
        ST122 count of full stops all ask for the same paragraphs)."""
        found = self._ends.get(id(clause))
        if found is None:
            found = self._ends[id(clause)] = terminal(clause)
        return found


def parts_of(ctx: Any) -> list[Parts]:
    """`parts(ctx.tree)`, computed once per document."""
    return ctx.shared("structure.parts", lambda: parts(ctx.tree))  # type: ignore[no-any-return]


# What the structure rules declare (their `kinds`): the engine hands them each resolution.
RESOLUTIONS = frozenset({"resolution"})


def part_of(ctx: Any, resolution: Clause) -> Parts | None:
    """The parts of one resolution the engine handed a rule; None for a resolution that `parts`
    does not read (one nested in another block), as `parts_of` leaves it out."""
    by_resolution: dict[int, Parts] = ctx.shared(
        "structure.parts_by_resolution", lambda: {id(p.resolution): p for p in parts_of(ctx)})
    return by_resolution.get(id(resolution))


def parts(tree: Clause) -> list[Parts]:
    """Every resolution in the document, read into its parts."""
    top = tree.children
    out = []
    for i, res in enumerate(top):
        if res.kind != "resolution":
            continue
        j = i + 1  # the next block that is not a footnote or a page artefact
        while j < len(top) and top[j].kind in ("footnote", "pagebreak", "artefact"):
            j += 1
        out.append(_read(res, j < len(top) and top[j].kind == "resolution"))
    return out


def _articles(kids: list[Clause]) -> list[tuple[Clause, list[Clause]]]:
    """A treaty's articles, each with its numbered paragraphs."""
    articles: list[tuple[Clause, list[Clause]]] = []
    for c in kids:
        if c.kind in ("closing", "annex"):
            break
        if c.kind == "article":
            articles.append((c, []))
        elif c.kind == "operative" and articles:
            articles[-1][1].append(c)
    return articles


def _read(res: Clause, then_resolution: bool) -> Parts:
    kids = res.children
    following = {id(c): (kids[j + 1] if j + 1 < len(kids) else None) for j, c in enumerate(kids)}
    recitals = [c for c in kids if c.kind == "preambular"]
    layout = res.layout or "un"
    if layout.startswith("treaty"):
        articles = _articles(kids)
        if articles:  # provisions, not operative paragraphs: no leads, each a sentence of its own
            return Parts(res, recitals, [], [], set(), following, then_resolution, layout, articles)
    ops: list[Clause] = []
    embedded: set[int] = set()
    gap = False  # a heading or unnumbered block since the last operative paragraph
    quoting = False  # inside a numbered list quoted after a colon
    restarts: dict[int, tuple[int, str] | None] = {}
    before_options: tuple[int, str] | None = None  # the number before Option 1
    restart_next = False
    seen_option = False
    option = 0  # the option being read (0: none)
    option_of: dict[int, int] = {}
    for c in kids:
        if c.kind in ("closing", "annex"):
            break
        if c.kind == "option":
            if c.label.lower() in ("1", "a", "i") or not seen_option:  # a new set of alternatives
                before_options = number(ops[-1].label) if ops else None
                restart_next = False
            else:
                restart_next = True
            seen_option = True
            option += 1
            continue
        if c.kind in ("heading", "paragraph", "opener"):
            gap = gap or bool(ops)
            if c.kind == "heading":
                option = 0  # a heading ends the alternatives
            continue
        if c.kind != "operative":
            continue
        n = number(c.label)
        prev = number(ops[-1].label) if ops else None
        if quoting:
            if n and prev and n[0] == prev[0] + 1:
                quoting = False
            else:
                embedded.add(id(c))
                continue
        if n and prev and n[0] == 1 and prev[0] >= 1 and not n[1] and not gap and terminal(ops[-1]).mark == ":":
            quoting = True
            embedded.add(id(c))
            continue
        if restart_next:
            restarts[id(c)] = before_options
            restart_next = False
        elif gap and n and prev and (n[0] <= prev[0] or terminal(ops[-1]).mark == "."):
            break  # an annex or a second part numbered anew, after the last paragraph's full stop
        ops.append(c)
        if option:
            option_of[id(c)] = option
        gap = False
    unnumbered: list[Clause] = []
    if not ops and recitals:
        # Trailing recitals that open with an operative verb are the operative part, unnumbered.
        tail = []
        for c in reversed(recitals):
            lead = lead_of(c)
            if lead is not None and lead.part == "operative":
                tail.append(c)
            else:
                break
        tail.reverse()
        if tail:
            recitals = recitals[: len(recitals) - len(tail)]
            ops = tail
            if len(tail) > 1:
                unnumbered = tail
    return Parts(res, recitals, ops, unnumbered, embedded, following, then_resolution, layout, [], restarts, option_of)


# "12. ", "[12. " (bracketed in negotiation), "12 " (its full stop forgotten)
_FIRST_WORDS = regex.compile(
    r"\[?(?:\d{1,3}(?:\s?(?:bis|ter|quater|quinquies|sexies))?\.?\s+\[?)?([\p{L}-]+(?:[ \t\n]+[\p{L}-]+){0,2})")


def lead_of(clause: Clause) -> Lead | None:
    """The lead of a recital or operative paragraph: the italic phrase, or in a text without
    italics its first words (the parser's guess at a plain lead can run on or stop short)."""
    if clause.lead_italic:
        return read_lead(clause.lead)
    m = _FIRST_WORDS.match(clause.text)
    if not m or not m.group(1)[:1].isupper():
        return None
    return read_lead(m.group(1), loose=True)


def examples(*cases: tuple[str, str]) -> tuple[Example, ...]:
    """Rule examples from (kind, text) pairs: kind is "good", "bad" or "fixed"."""
    return tuple(Example(kind, text) for kind, text in cases)  # type: ignore[arg-type]


def resolution(*paragraphs: str, organ: str = "The General Assembly,") -> str:
    """A small resolution for a rule's examples: the organ, then paragraphs separated by blank lines."""
    return "\n\n".join((organ, *paragraphs)) + "\n"
