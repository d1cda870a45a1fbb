"""Footnotes present, paired and in order (FN001-FN003; "Ibid." in the first footnote is CI041).

Two styles: `<sup>1</sup>` markers with `<sup>1</sup> text` blocks (a PDF or Word conversion),
and Markdown `[^1]` with `[^1]: text`. A conversion also writes `\\*` for the asterisk note on a
symbol or agenda item ("Item 8 of the provisional agenda\\*" / "\\* E/CN.15/2022/1."). What a
footnote says (Treaty Series shape, what Ibid. refers to) is for the CI rules; these rules own
presence, pairing and numbering.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from termlint.core.model import Finding, RuleMeta, Severity
from termlint.parse.build import find_markers
from termlint.parse.tree import Clause
from termlint.rules.context import Context
from termlint.rules.structure.parts import examples

_SOURCE = "United Nations Editorial Manual, “Footnotes”"
_MARKER = regex.compile(r"<sup>(\d{1,3}|[*†‡])</sup>|\[\^([^\]\s]{1,20})\](?!:)|\\(\*)")


@dataclass(frozen=True, slots=True)
class Marker:
    """A footnote marker in the text (`<sup>3</sup>`, `[^3]`)."""
    label: str
    start: int
    end: int


@dataclass(frozen=True)
class Notes:
    """The footnote markers and footnote texts of one document."""
    markers: list[Marker]
    bodies: list[Clause]  # footnote blocks with a label, in document order


def notes(ctx: Context) -> Notes:
    """Markers in the text and footnote blocks, in document order (read once per document:
    the three FN rules ask for them)."""
    return ctx.shared("footnotes.notes", lambda: _notes(ctx))


def _notes(ctx: Context) -> Notes:
    bodies = [c for c in ctx.tree.children if c.kind == "footnote" and c.label
              and (c.label != "*" or ctx.text.startswith("\\*", c.start))]  # "* item" is a Markdown bullet
    starts = {c.start for c in bodies}
    skip = ctx.protected
    markers = []
    for m in find_markers(_MARKER, ctx.text):  # = _MARKER.finditer(ctx.text), tried only where a marker may open
        if m.start() in starts or skip.code.overlaps(*m.span()) or skip.comments.overlaps(*m.span()):
            continue
        markers.append(Marker(next(g for g in m.groups() if g), m.start(), m.end()))
    return Notes(markers, bodies)


def _label_span(c: Clause) -> tuple[int, int]:
    m = regex.match(r"<sup>[^<>]+</sup>|\[\^[^\]\s]+\]:|\\?\*", c.text)
    return c.start, c.start + (m.end() if m else 1)


def _numeric(label: str) -> int | None:
    return int(label) if label.isdigit() else None


_GOOD = ("The General Assembly,\n\n*Recalling* the Convention on the Rights of the Child,[^1]\n\n"
         "1. *Urges* States parties to implement it.\n\n---\n\n[^1]: United Nations, *Treaty Series*, vol. 1577, No. 27531.\n")


@dataclass(frozen=True)
class MarkerWithoutNote:
    """FN001: a footnote marker with no footnote text."""
    meta: RuleMeta = RuleMeta(
        code="FN001", name="marker-without-footnote", category="citation", severity=Severity.WARNING,
        summary="A footnote marker with no footnote text",
        description=(
            "A marker (`<sup>3</sup>`, `[^3]`) whose footnote is missing: the source it should cite was\n"
            "lost in editing or conversion. Applies only when the document has footnotes at all, so a text\n"
            "whose footnotes were stripped as a whole is not flagged marker by marker."
        ),
        source=_SOURCE,
        examples=examples(
            ("bad", "The General Assembly,\n\n*Recalling* the Convention,[^1] and the Protocol,[^2]\n\n"
                    "1. *Urges* States to act.\n\n---\n\n[^1]: United Nations, *Treaty Series*, vol. 1577, No. 27531.\n"),
            ("good", _GOOD),
        ),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        n = notes(ctx)
        if not n.bodies:
            return
        labels = {c.label for c in n.bodies}
        for m in n.markers:
            if m.label not in labels:
                yield Finding(self.meta.code, m.start, m.end, f"footnote marker {m.label} has no footnote")


@dataclass(frozen=True)
class NoteWithoutMarker:
    """FN002: a footnote that no marker refers to."""
    meta: RuleMeta = RuleMeta(
        code="FN002", name="footnote-without-marker", category="citation", severity=Severity.WARNING,
        summary="A footnote that no marker in the text refers to",
        description="A footnote whose marker was deleted with the words it annotated: delete the footnote, or restore the marker.",
        source=_SOURCE,
        examples=examples(
            ("bad", "The General Assembly,\n\n*Recalling* the Convention,\n\n1. *Urges* States to act.\n\n---\n\n"
                    "[^1]: United Nations, *Treaty Series*, vol. 1577, No. 27531.\n"),
            ("good", _GOOD),
        ),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        n = notes(ctx)
        used = {m.label for m in n.markers}
        for c in n.bodies:
            if c.label not in used:
                yield Finding(self.meta.code, *_label_span(c), f"no marker in the text refers to footnote {c.label}")


@dataclass(frozen=True)
class NoteOrder:
    """FN003: footnotes numbered out of order, with a gap, or twice."""
    meta: RuleMeta = RuleMeta(
        code="FN003", name="footnote-order", category="citation", severity=Severity.WARNING,
        summary="Footnotes numbered out of order, with a gap, or twice",
        description=(
            "Footnotes are numbered 1, 2, 3 in the order their markers appear, and each number has one\n"
            "footnote. Reported: a marker that introduces a number lower than one already used, or skips\n"
            "one; a footnote text numbered twice or out of sequence. A document (or an extract) whose\n"
            "first footnote is not 1 is reported as info: an extract from a longer document may go on\n"
            "with that document's numbering. A marker that refers again to an earlier footnote is fine."
        ),
        source=_SOURCE,
        examples=examples(
            ("bad", "The General Assembly,\n\n*Recalling* the Convention,[^2] and the Protocol,[^1]\n\n"
                    "1. *Urges* States to act.\n\n---\n\n[^1]: Ibid., vol. 2171, No. 27531.\n\n"
                    "[^2]: United Nations, *Treaty Series*, vol. 1577, No. 27531.\n"),
            ("good", _GOOD),
            ("bad", "*Recalling* the Convention<sup>1</sup> and the Protocol<sup>2</sup>\n\n"
                    "<sup>1</sup> United Nations, *Treaty Series*, vol. 1577, No. 27531.\n\n"
                    "<sup>1</sup> Ibid., vol. 2171, No. 27531.\n"),
        ),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        n = notes(ctx)
        if not n.bodies and not any(m.label.isdigit() and m.label == "1" for m in n.markers):
            return  # plain text whose footnotes were not recognized: nothing to compare
        yield from self._markers(n.markers)
        yield from self._bodies(n.bodies)

    def _markers(self, markers: list[Marker]) -> Iterator[Finding]:
        highest = 0
        seen: set[str] = set()
        for m in markers:
            v = _numeric(m.label)
            if v is None or m.label in seen:
                continue
            seen.add(m.label)
            if highest == 0 and v != 1:
                yield Finding(self.meta.code, m.start, m.end,
                              f"the first footnote marker is {v}: footnotes are numbered from 1", severity=Severity.INFO)
            elif highest and v < highest:
                yield Finding(self.meta.code, m.start, m.end,
                              f"footnote marker {v} first appears after marker {highest}: number footnotes in the order of their markers")
            elif highest and v > highest + 1:
                yield Finding(self.meta.code, m.start, m.end,
                              f"footnote marker {v} follows {highest}: {_missing(highest, v)} missing")
            highest = max(highest, v)

    def _bodies(self, bodies: list[Clause]) -> Iterator[Finding]:
        previous = 0
        seen: set[str] = set()
        for c in bodies:
            if c.label in seen:
                yield Finding(self.meta.code, *_label_span(c), f"footnote {c.label} is defined twice")
                continue
            seen.add(c.label)
            v = _numeric(c.label)
            if v is None:
                continue
            if previous and v < previous:
                yield Finding(self.meta.code, *_label_span(c), f"footnote {v} comes after footnote {previous}")
            previous = max(previous, v)


def _missing(low: int, high: int) -> str:
    return f"number {low + 1} is" if high == low + 2 else f"numbers {low + 1} to {high - 1} are"


RULES = (MarkerWithoutNote(), NoteWithoutMarker(), NoteOrder())
