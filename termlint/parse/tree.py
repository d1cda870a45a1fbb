"""termlint's own clause tree: what a resolution is made of, in character offsets of the text.

Rules read this tree, never the parser's. A clause may be made of several segments when
a PDF or Word conversion split it across a page break (with running footnotes between);
`segments` lists the pieces in order and `text` is their concatenation.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain

# Clause kinds. `document` is the root; `resolution` is one chapeau with its paragraphs
# (a text may hold several, e.g. an ECOSOC resolution recommending a draft to the Assembly).
KINDS = (
    "document", "header", "cover", "symbol", "distribution", "date", "session", "agenda", "sponsors",
    "report", "title", "heading", "resolution", "chapeau", "preambular", "operative",
    "subparagraph", "closing", "annex", "footnote", "pagebreak", "artefact", "paragraph",
    "opener", "article", "option",  # "The delegation of X hereby:"; "Article 4"; "Option 1:" (layouts.py)
)

# Kinds whose text is prose a drafter wrote (rules that read sentences run on these).
PROSE_KINDS = frozenset({"title", "preambular", "operative", "subparagraph", "paragraph", "footnote", "annex"})


@dataclass(frozen=True, slots=True)
class Segment:
    """A span of a clause's text in the document ([start, end)), without the markup between spans."""
    start: int
    end: int


@dataclass
class Clause:
    """One node of the clause tree: a resolution, a part, a paragraph, a sub-paragraph, a footnote..."""
    kind: str
    start: int
    end: int
    segments: tuple[Segment, ...] = ()
    label: str = ""  # "12", "(a)", "(ii)", a footnote's number
    lead_start: int = -1  # span of the lead phrase ("Recalling also"), without markup
    lead_end: int = -1
    lead: str = ""
    text: str = ""  # the clause's text, segments joined by a single space
    children: list[Clause] = field(default_factory=list)
    lead_italic: bool = False  # the lead phrase is set in italics (*Recalling*)
    footnotes: list[Clause] = field(default_factory=list)  # footnotes whose marker this clause holds
    layout: str = ""  # on a resolution: the layout recognised ("un", "us-mun", "treaty", ...; parse/layouts.py)

    def walk(self) -> Iterator[Clause]:
        """This clause and every descendant, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, *kinds: str) -> list[Clause]:
        return [c for c in self.walk() if c.kind in kinds]

    def offset_of(self, index: int) -> int:
        """Map an index into `self.text` back to an offset in the document."""
        consumed = 0
        for seg in self.segments:
            length = seg.end - seg.start
            if index <= consumed + length:
                return seg.start + (index - consumed)
            consumed += length + 1  # the joining space
        return self.end

    @property
    def is_resolution(self) -> bool:
        return any(c.kind == "resolution" for c in self.children)


@dataclass(frozen=True)
class Walk:
    """The clause tree read once, in document order: the one walk the engine makes per document.

    Rules ask it for the clauses of some kinds, or for those under a clause, instead of walking
    the tree again: `clauses[i + 1:ends[i]]` are the descendants of `clauses[i]`.
    """

    clauses: tuple[Clause, ...]
    # indices as machine integers (a large file has tens of thousands of clauses)
    ends: Sequence[int]  # ends[i]: the index after the last descendant of clauses[i]
    by_kind: dict[str, Sequence[int]]  # kind -> the indices of its clauses, ascending
    index: dict[int, int]  # id(clause) -> its index
    _of_kinds: dict[frozenset[str], tuple[Clause, ...]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, tree: Clause) -> Walk:
        """Walk `tree` (pre-order, as Clause.walk does), recording where each subtree ends."""
        clauses: list[Clause] = []
        ends = array("q")
        by_kind: dict[str, array[int]] = {}
        index: dict[int, int] = {}
        # (clause, its index) on the way down; (None, index) closes the subtree of that index
        stack: list[tuple[Clause | None, int]] = [(tree, -1)]
        while stack:
            clause, i = stack.pop()
            if clause is None:
                ends[i] = len(clauses)
                continue
            i = len(clauses)
            clauses.append(clause)
            ends.append(i + 1)
            by_kind.setdefault(clause.kind, array("q")).append(i)
            index[id(clause)] = i
            if clause.children:
                stack.append((None, i))
                stack.extend((child, -1) for child in reversed(clause.children))
        return cls(tuple(clauses), ends, dict(by_kind), index)

    def of_kinds(self, kinds: Iterable[str]) -> tuple[Clause, ...]:
        """The clauses of the given kinds, in document order (kept per set of kinds: several rules
        ask for the same, the prose kinds)."""
        wanted = kinds if isinstance(kinds, frozenset) else frozenset(kinds)
        found = self._of_kinds.get(wanted)
        if found is None:
            at = sorted(chain.from_iterable(self.by_kind.get(k, ()) for k in wanted))
            found = self._of_kinds[wanted] = tuple(map(self.clauses.__getitem__, at))
        return found

    def under(self, clause: Clause, kinds: Iterable[str] | None = None) -> list[Clause]:
        """The descendants of `clause` (of the given kinds), in document order; [] for a clause
        not in this tree."""
        i = self.index.get(id(clause))
        if i is None:
            return []
        end = self.ends[i]
        if end == i + 1:  # no child (most paragraphs)
            return []
        if kinds is None:
            return list(self.clauses[i + 1:end])
        out: list[int] = []
        for k in set(kinds):
            at = self.by_kind.get(k)
            if at:
                out.extend(at[bisect_left(at, i + 1):bisect_left(at, end)])
        return [self.clauses[j] for j in sorted(out)]


def paragraph_labels(tree: Clause) -> tuple[tuple[int, str], ...]:
    """(offset, label) of each paragraph a drafter refers to by number: PP1..PPn, OP1, OP1 (a), OP1 (a) (i).

    Preambular paragraphs are counted within their resolution, as editors number them; operative
    paragraphs and sub-paragraphs take their own labels. The HTML report prints these in its margin.
    """
    labels: list[tuple[int, str]] = []

    def visit(clause: Clause, prefix: str) -> None:
        preambular = 0
        for child in clause.children:
            if child.kind == "resolution":
                visit(child, "")
            elif child.kind == "preambular":
                preambular += 1
                labels.append((child.start, f"PP{preambular}"))
            elif child.kind == "operative":
                label = f"OP{child.label.rstrip('.')}" if child.label else "OP"
                labels.append((child.start, label))
                visit(child, label)
            elif child.kind == "subparagraph" and prefix:
                label = f"{prefix} {child.label}"
                labels.append((child.start, label))
                visit(child, label)

    visit(tree, "")
    return tuple(sorted(labels))


def alternatives(resolution: Clause) -> dict[int, int]:
    """id(child) -> the alternative it belongs to, for the children of a negotiation text's
    resolution that follow an `Option N:` line (each option block numbered 1, 2, ... in order
    through the text; a heading ends the alternatives). Children outside any option are absent.

    The text does not mark where the last option ends, so the paragraphs after it are read as
    part of it, as parts.py reads them for numbering."""
    found: dict[int, int] = {}
    option = 0
    count = 0
    for child in resolution.children:
        if child.kind == "option":
            count += 1
            option = count
        elif child.kind in ("heading", "closing", "annex"):
            option = 0
        elif option:
            found[id(child)] = option
    return found
