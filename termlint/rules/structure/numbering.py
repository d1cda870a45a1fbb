"""Numbering: operative paragraphs 1, 2, 3 (ST131); sub-paragraphs (a), (b) and (i), (ii) (ST132)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from termlint.core.model import Finding, RuleMeta, Severity
from termlint.parse.build import roman_value, sub_name, sub_suffix
from termlint.parse.tree import Clause
from termlint.rules.context import ByClause, Context
from termlint.rules.structure.parts import (
    RESOLUTIONS,
    SUFFIX_ORDER,
    examples,
    number,
    part_of,
    resolution,
)

_SOURCE = "United Nations Editorial Manual, “Paragraphs and subparagraphs”; “Resolutions and other formal decisions”, II.D"


def _label_span(c: Clause) -> tuple[int, int]:
    return c.start, c.start + max(1, len(c.label) + (1 if c.kind == "operative" else 0))


@dataclass(frozen=True)
class OperativeNumbering(ByClause):
    """ST131: operative paragraphs not numbered 1, 2, 3 in order."""
    kinds = RESOLUTIONS  # the engine hands it each resolution, read into its parts
    meta: RuleMeta = RuleMeta(
        code="ST131", name="operative-numbering", category="structure", severity=Severity.WARNING,
        summary="Operative paragraphs not numbered 1, 2, 3 in order (a gap, a repeat, a step back)",
        description=(
            "Operative paragraphs are numbered consecutively from 1. A missing number, a number used\n"
            "twice or a number lower than the one before usually means a paragraph was deleted, added or\n"
            "moved in negotiation. Drafts may add paragraphs as `5 bis`, `5 ter` after 5: that is\n"
            "accepted. Numbered lists inside a paragraph (after a colon) and annexes numbered anew are\n"
            "not operative paragraphs and are not checked. No fix: renumbering would break references to\n"
            "paragraphs elsewhere in the text."
        ),
        scope=frozenset({"operative", "article"}), needs_structure=True, source=_SOURCE,
        examples=examples(
            ("bad", resolution("*Recalling* its resolution 74/174,", "1. *Encourages* Member States to act;",
                               "3. *Invites* Member States to provide resources.")),
            ("good", resolution("*Recalling* its resolution 74/174,", "1. *Encourages* Member States to act;",
                                "1 bis. *Also encourages* Member States to report;",
                                "2. *Invites* Member States to provide resources.")),
            ("bad", resolution("*Recalling* its resolution 74/174,", "1. *Encourages* Member States to act;",
                               "2. *Requests* the Secretary-General to report;", "2. *Invites* Member States to act.")),
            ("bad", resolution("*Recalling* its resolution 74/174,", "1. *Encourages* Member States to act;",
                               "3. *Requests* the Secretary-General to report;", "3. *Invites* Member States to act.")),
        ),
    )

    def visit(self, clause: Clause, ctx: Context) -> Iterator[Finding]:
        p = part_of(ctx, clause)
        if p is None:
            return
        yield from self._run(p.operatives, p.restarts)
        yield from self._articles(p.articles)

    def _articles(self, articles: list[tuple[Clause, list[Clause]]]) -> Iterator[Finding]:
        """A treaty: articles 1, 2, 3 in order, and each article's paragraphs numbered from 1."""
        prev: tuple[int, str] | None = None
        prev_label = ""
        for article, paragraphs in articles:
            n = _article_number(article.label)
            if n is not None:
                message = self._problem(prev, prev_label, n, article.label)
                if message:
                    message = message.replace("paragraph number", "article number").replace("paragraph", "article")
                    message = message.replace("the first operative article", "the first article")
                    yield Finding(self.meta.code, article.start, article.end, message)
                prev, prev_label = n, article.label
            yield from self._run(paragraphs, {})

    def _run(self, operatives: list[Clause], restarts: dict[int, tuple[int, str] | None]) -> Iterator[Finding]:
        numbered = [(c, n) for c in operatives if (n := number(c.label)) is not None]
        for c, _ in numbered:
            if not c.text.lstrip("[ \t")[len(c.label):].startswith("."):  # "53 *Recalls*": a reader expects "53."
                yield Finding(self.meta.code, c.start, c.start + len(c.label) + (c.text[:1] == "["),
                              f"paragraph number {c.label} has no full stop after it (write “{c.label}.”)")
        yield from self._sequence(numbered, restarts)

    def _sequence(self, numbered: list[tuple[Clause, tuple[int, str]]],
                  restarts: dict[int, tuple[int, str] | None]) -> Iterator[Finding]:
        prev: tuple[int, str] | None = None
        prev_label = ""
        seen: dict[tuple[int, str], Clause] = {}
        for i, (c, n) in enumerate(numbered):
            if id(c) in restarts:  # Option 2 numbered in parallel with Option 1
                prev = restarts[id(c)]
                prev_label = str(prev[0]) if prev else ""
            message = self._problem(prev, prev_label, n, c.label)
            nxt = numbered[i + 1][1] if i + 1 < len(numbered) else None
            keep = False
            if message and prev and not n[1] and nxt == (prev[0] + 2, ""):
                # One wrong number between two right ones (3, 5, 5): name the one.
                message = f"paragraph {c.label} should be {prev[0] + 1}"
                n = (prev[0] + 1, "")
            elif message and prev and not n[1] and n[0] < prev[0] and nxt == (prev[0] + 1, ""):
                # 46, 47, 36, 48 or 53, 54, 53, 55: one number out of the run; the run goes on after it
                keep = True
                if n in seen:
                    message += f" (number {c.label} is used twice)"
            if message:
                yield Finding(self.meta.code, *_label_span(c), message)
            if keep:
                continue
            seen.setdefault(n, c)
            prev, prev_label = n, c.label if n == number(c.label) else str(n[0])

    @staticmethod
    def _problem(prev: tuple[int, str] | None, prev_label: str, n: tuple[int, str], label: str) -> str:
        if prev is None:
            return "" if n == (1, "") else f"the first operative paragraph is numbered {label}: numbering starts at 1"
        if n[1]:
            if n[0] == prev[0] and SUFFIX_ORDER[n[1]] == SUFFIX_ORDER[prev[1]] + 1:
                return ""
            return f"paragraph {label} follows paragraph {prev_label}"
        if n[0] == prev[0] + 1:
            return ""
        if n[0] == prev[0]:
            return f"paragraph number {label} is used twice (the paragraph before is also {prev_label})"
        if n[0] < prev[0]:
            return f"paragraph {label} comes after paragraph {prev_label}: the numbers go back"
        missing = str(prev[0] + 1) if n[0] == prev[0] + 2 else f"{prev[0] + 1} to {n[0] - 1}"
        return f"paragraph {label} follows paragraph {prev_label}: number {missing} is missing"


def _article_number(label: str) -> tuple[int, str] | None:
    """(4, "") for "4" or "IV"."""
    found = number(label)
    if found is None and label.isupper():
        value = roman_value(label.lower())
        return (value, "") if value else None
    return found


def _letter_value(name: str) -> int | None:
    """a=1 ... z=26, then aa=27, bb=28 (the UN doubles the letter after z)."""
    if len(name) == 1 and "a" <= name <= "z":
        return ord(name) - 96
    if len(name) == 2 and name[0] == name[1] and "a" <= name[0] <= "z":
        return 26 + ord(name[0]) - 96
    return None


def _letter_name(value: int) -> str:
    return chr(96 + value) if value <= 26 else chr(96 + value - 26) * 2


def _roman_name(value: int) -> str:
    out = ""
    for v, s in ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while value >= v:
            out += s
            value -= v
    return out


@dataclass(frozen=True)
class SubparagraphSequence(ByClause):
    """ST132: sub-paragraphs not lettered or numbered in order."""
    kinds = RESOLUTIONS  # the engine hands it each resolution, read into its parts
    meta: RuleMeta = RuleMeta(
        code="ST132", name="subparagraph-sequence", category="structure", severity=Severity.WARNING,
        summary="Sub-paragraphs not lettered (a), (b), (c) or numbered (i), (ii), (iii) in order",
        description=(
            "Sub-paragraphs of the first degree are lettered (a), (b), (c) (after (z): (aa), (bb)); those\n"
            "of the second degree are numbered (i), (ii), (iii). Each list starts at the first letter or\n"
            "numeral and goes on without a gap, a repeat or a step back."
        ),
        scope=frozenset({"subparagraph"}), needs_structure=True, source=_SOURCE,
        examples=examples(
            ("bad", resolution("*Recalling* its resolution 74/174,", "1. *Decides*:", "(a) To act;", "(c) To report;",
                               "2. *Decides* to remain seized of the matter.")),
            ("good", resolution("*Recalling* its resolution 74/174,", "1. *Decides*:", "(a) To act:", "(i) Now;",
                                "(ii) Later;", "(b) To report;", "2. *Decides* to remain seized of the matter.")),
        ),
    )

    def visit(self, clause: Clause, ctx: Context) -> Iterator[Finding]:
        p = part_of(ctx, clause)
        if p is None:
            return
        for c in (*p.recitals, *p.operatives, *(c for _, paragraphs in p.articles for c in paragraphs)):
            yield from self._list(c.children, depth=1)
            for child in c.children:
                yield from self._list(child.children, depth=2)

    def _list(self, items: list[Clause], depth: int) -> Iterator[Finding]:
        labelled = [c for c in items if c.kind == "subparagraph" and sub_name(c.label)]
        if not labelled:
            return
        names = [sub_name(c.label) for c in labelled]
        # (i), (ii) or (i), (i), (i) (a numeral repeated) are numerals, not the letter i
        roman = depth == 2 or (names[0] == "i" and len(names) > 1 and names[1] in ("i", "ii"))
        value = roman_value if roman else _letter_value
        name_of = _roman_name if roman else _letter_name
        prev = 0
        values = [value(name) for name in names]
        for i, (c, v) in enumerate(zip(labelled, values)):
            if v is None or (v == prev and sub_suffix(c.label)):  # "(a)ter" after "(a)" or "(a)bis"
                continue
            if v != prev + 1:
                nxt = values[i + 1] if i + 1 < len(values) else None
                if nxt == prev + 2:
                    # One wrong label between two right ones ("(c)", "(a)", "(e)"): name the one.
                    message = f"sub-paragraph {c.label} should be ({name_of(prev + 1)})"
                    v = prev + 1
                elif prev == 0:
                    message = f"sub-paragraph {c.label} opens the list: it should be ({name_of(1)})"
                elif v == prev:
                    message = f"sub-paragraph {c.label} is used twice"
                elif v < prev:
                    message = f"sub-paragraph {c.label} comes after ({name_of(prev)})"
                else:
                    message = f"sub-paragraph {c.label} follows ({name_of(prev)}): ({name_of(prev + 1)}) is missing"
                yield Finding(self.meta.code, c.start, c.start + len(c.label), message)
            prev = v


RULES = (OperativeNumbering(), SubparagraphSequence())
