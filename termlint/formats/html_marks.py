"""The text of a draft as HTML with every finding marked on its words, overlaps split cleanly.

Findings may overlap without nesting (a spelling finding inside a longer terminology one
that ends midway through a third). HTML elements must nest, so a mark that would cross
the end of another is closed and reopened around it: the result is always well formed, and
the text inside all the pieces of one finding (its `data-f` number) is exactly the text it
concerns. A finding that crosses a row of the page (a paragraph break) is split the same way.
The first piece of a finding is its anchor (id, tab stop, link to its note); its code is
shown after its last piece by CSS (`::after`), so that it never enters the text itself.

Every character of the draft goes through markupsafe's `escape`; the only markup added is
built here from escaped values, which is why this one place may return `Markup`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    """One finding to mark: its number on the page, its span of the text, and its classes."""

    number: int
    start: int
    end: int
    severity: str
    category: str
    code: str
    title: str  # shown on hover: code and message


def _open(mark: Mark, first: bool) -> str:
    classes = f"m s-{escape(mark.severity)} c-{escape(mark.category)}"
    if not first:
        return f'<mark class="{classes}" data-f="{mark.number}">'
    return (f'<mark class="{classes}" data-f="{mark.number}" id="f{mark.number}" tabindex="0" '
            f'aria-describedby="n{mark.number}" title="{escape(mark.title)}">')


def _close(mark: Mark, last: bool) -> str:
    if not last:
        return "</mark>"
    return f'</mark><sup class="tag" data-c="{escape(mark.code)}"></sup>'


def marked(text: str, start: int, stop: int, marks: Sequence[Mark], opened: set[int]) -> Markup:
    """text[start:stop] as HTML with `marks` (those touching the row) marked on it.

    `opened` holds the numbers of the findings whose anchor is already on the page (a
    finding begun in an earlier row); it is updated. A zero-width finding at `stop` belongs
    to this row only when `stop` is the end of the text.
    """
    end_of_text = stop == len(text)
    spans: list[tuple[int, int, Mark]] = []
    for m in marks:
        s, e = max(m.start, start), min(m.end, stop)
        if s < e or (m.start == m.end and start <= m.start and (m.start < stop or end_of_text)):
            spans.append((s, e, m))
    if not spans:
        return Markup(escape(text[start:stop]))
    points = sorted({start, stop, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    starting: dict[int, list[tuple[int, int, Mark]]] = {}
    for span in spans:
        starting.setdefault(span[0], []).append(span)
    out: list[str] = []
    stack: list[tuple[int, int, Mark]] = []  # open marks, outermost first
    pos = start
    for p in points:
        if p > pos:
            out.append(escape(text[pos:p]))
            pos = p
        _close_ending(stack, p, out, opened)
        # Longer marks open first, so they enclose the shorter ones that start with them.
        for s, e, m in sorted(starting.get(p, ()), key=lambda sp: (-sp[1], sp[2].number)):
            out.append(_open(m, m.number not in opened))
            opened.add(m.number)
            if e == s:  # a zero-width finding (a missing mark): an empty element, shown by CSS
                out.append(_close(m, True))
            else:
                stack.append((s, e, m))
    while stack:  # marks that go on into the next row
        out.append(_close(stack.pop()[2], False))
    return Markup("".join(out))


def _close_ending(stack: list[tuple[int, int, Mark]], p: int, out: list[str], opened: set[int]) -> None:
    """Close the marks that end at `p`, reopening (as continuations) those opened inside them."""
    lowest = next((i for i, (_, e, _) in enumerate(stack) if e == p), None)
    if lowest is None:
        return
    popped = stack[lowest:]
    del stack[lowest:]
    for s, e, m in reversed(popped):
        out.append(_close(m, e == p and m.end == p))
    for s, e, m in popped:
        if e != p:
            out.append(_open(m, False))
            stack.append((s, e, m))
