"""Build termlint's clause tree from the blocks the grammar placed (see parse.py)."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Any

import regex

from termlint.parse.tree import Clause, Segment
from termlint.text.protect import matches_at, positions

_FIELD_KINDS = {
    "SYMBOL": "symbol", "DISTR": "distribution", "DATE": "date", "SESSION": "session",
    "AGENDA": "agenda", "SPONSORS": "sponsors", "REPORT": "report", "COVER": "cover",
}
_OP_LABEL = regex.compile(r"\[?\s*(\d{1,3}(?:\s?(?:bis|ter|quater|quinquies|sexies))?)(?:\.\s+|[ \t]+(?=[*_]{0,2}\p{Lu}))")
# Stdlib `re` is faster per call than `regex`; [^\S\x1c-\x1f] is regex's \s in `re`. Its \d lacks
# the digits of the newest Unicode scripts: when it fails, _OP_LABEL has the last word.
_SPACE = r"[^\S\x1c-\x1f]"
_OP_LABEL_FAST = re.compile(rf"(\d{{1,3}}(?:{_SPACE}?(?:bis|ter|quater))?)\.{_SPACE}+")
# "(a)", "(a)ter", "[(b)" in a bracketed negotiation text, and the US layout's "a." and "a)"
_SUB_LABEL = re.compile(rf"\[?(\(([a-z]{{1,3}}|[ivxlc]+)\)(?:{_SPACE}?(?:bis|ter|quater))?|([a-z]{{1,2}}|[ivxlc]+)[.)]){_SPACE}+")
_ARTICLE_NUMBER = regex.compile(r"(?:#{1,6}\s+)?[*_]*\s*(?:Article|ARTICLE|Art\.)\s+(\d{1,3}(?:\s?(?:bis|ter|quater))?|[IVXLC]+)")
_OPTION_LABEL = regex.compile(r"[^\w]*(?:Option|Alternative|Alt\.)\s+(\w+)", regex.IGNORECASE)
_SUB_NAME = re.compile(r"\[?\(?([a-z]{1,3}|[ivxlc]+)[).]")


def sub_name(label: str) -> str:
    """The letter or numeral of a sub-paragraph label: "b" for "(b)", "b." and "b)"; "a" for "(a)ter"."""
    m = _SUB_NAME.match(label)
    return m.group(1) if m else ""


def sub_suffix(label: str) -> str:
    """"ter" for "(a)ter", "" for "(a)"."""
    return label[label.find(")") + 1:].strip() if label.startswith("(") else ""
_FOOTNOTE_LABEL = regex.compile(r"(?:<sup>(\w+)</sup>|\[\^([^\]\s]+)\]:|\\?(\*))\s*")
_ITALIC_LEAD = re.compile(rf"\*(?!{_SPACE})([^*\n]+)\*")  # greedy = lazy here: the run cannot hold a "*"
_PLAIN_LEAD = regex.compile(
    r"(?:(?:Also|Further|Again|Once\s+again|\p{Lu}\p{Ll}+ly)\s+)?\p{Lu}[\p{L}-]*"
    r"(?:\s+(?:also|further|again|upon|on|with|in|mind|note|of|deep|grave|serious|concern|"
    r"appreciation|satisfaction|regret|alarm|particular))*"
)
_ROMAN = regex.compile(r"[ivxlc]+")


def build_tree(text: str, shape: Any, aside: list[Any]) -> Clause:
    """`shape` is parse.Node("start", ...); `aside` holds footnote, page-break and artefact blocks."""
    builder = _Builder(text)
    root = Clause("document", 0, len(text), (Segment(0, len(text)),), text=text)
    front, *resolutions = shape.parts
    root.children.extend(builder.front(front, has_resolution=bool(resolutions)))
    root.children.extend(builder.resolution(node) for node in resolutions)
    for block in aside:
        if block.kind == "FOOTNOTE":
            root.children.append(builder.footnote(block))
        else:
            root.children.append(builder.clause("pagebreak" if block.kind == "PAGEBREAK" else "artefact", block))
    root.children.sort(key=lambda c: c.start)
    _attach_footnotes(root)
    return root


_MARKER = regex.compile(r"<sup>(\w+)</sup>|\[\^([^\]\s]+)\](?!:)|\\(\*)")
_MARKER_OPENINGS = ("<sup>", "[^", "\\*")  # every footnote marker pattern starts with one of these


@lru_cache(maxsize=2)
def marker_candidates(text: str) -> tuple[int, ...]:
    """Where a footnote marker may start: each "<sup>", "[^" and "\\*" of the text, in order,
    found by one-character scans; the tree builder and the FN rules (checks/footnotes.py) read them."""
    return tuple(i for i in positions(text, "<[\\") if text.startswith(_MARKER_OPENINGS, i))


def find_markers(pattern: Any, text: str) -> list[Any]:
    """pattern.finditer(text), for a pattern whose every match starts at a marker candidate."""
    return matches_at(pattern, text, marker_candidates(text))


def _attach_footnotes(root: Clause) -> None:
    """Link each footnote to the innermost clause that holds its first marker.

    The markers are found in the whole text at once: a marker holds no white space, so it
    never spans the space that joins a clause's segments, and the markers inside a segment are
    those a scan of the clause's own text finds.
    """
    notes = {c.label: c for c in root.children if c.kind == "footnote"}
    if not notes:
        return
    found = [(m.start(), m.end(), next(g for g in m.groups() if g)) for m in find_markers(_MARKER, root.text)]
    if not found:
        return
    starts = [start for start, _, _ in found]
    for clause in root.walk():
        if clause.kind in ("document", "resolution", "header", "annex", "footnote"):
            continue  # containers: their text is their children's
        for seg in clause.segments:
            i = bisect.bisect_left(starts, seg.start)
            while i < len(found) and found[i][0] < seg.end:
                if found[i][1] <= seg.end:
                    note = notes.pop(found[i][2], None)
                    if note is not None:
                        clause.footnotes.append(note)
                        if not notes:
                            return
                i += 1


# The clause whose text was sliced last, and that text: a rule that reads one clause's text once
# per match (a paragraph citing thousands of resolutions) slices it once, not once per match.
_last_sliced: tuple[Clause | None, str] = (None, "")


class _Sliced(Clause):
    """A clause of one segment whose text is the document's there, sliced when asked instead of
    kept: a copy in every clause would hold a large file's text a second time over (for a 9 MB
    file, 15 MB of paragraphs and 18 MB for the resolution that spans them). Rules read a
    clause's text a few times at most; slicing it anew costs less than keeping it."""

    def slice_of(self, source: str) -> None:
        """From now on the clause's text is `source` over its one segment."""
        self.__dict__["_source"] = source  # the key __init__ made: every clause keeps one compact dict

    @property  # type: ignore[override]
    def text(self) -> str:
        global _last_sliced
        source = self.__dict__["_source"]
        if source is None:
            return self.__dict__["_text"]  # type: ignore[no-any-return]
        clause, text = _last_sliced
        if clause is not self:
            (segment,) = self.segments
            text = source[segment.start:segment.end]
            _last_sliced = (self, text)
        return text  # type: ignore[no-any-return]

    @text.setter
    def text(self, value: str) -> None:  # the dataclass's __init__, or a caller's own text
        self.__dict__["_text"] = value
        self.__dict__["_source"] = None


class _Builder:
    def __init__(self, text: str) -> None:
        self.text = text

    def clause(self, kind: str, block: Any) -> Clause:
        segments = tuple(block.segments)
        if len(segments) == 1:
            clause = _Sliced(kind, block.start, block.end, segments)
            clause.slice_of(self.text)
            return clause
        joined = " ".join(self.text[s.start:s.end] for s in segments)
        return Clause(kind, block.start, block.end, segments, text=joined)

    def front(self, node: Any, has_resolution: bool) -> list[Clause]:
        header = Clause("header", 0, 0)
        out: list[Clause] = []
        last_heading: Clause | None = None
        for part in node.parts:
            if hasattr(part, "rule"):  # a header field
                header.children.append(self.clause(_FIELD_KINDS[part.parts[0].kind], part.parts[0]))
            elif part.kind == "DATE" and has_resolution:
                header.children.append(self.clause("date", part))
            elif part.kind == "HEADING":
                last_heading = self.clause("heading", part)
                out.append(last_heading)
            else:
                out.append(self.paragraph(part))
        if has_resolution and last_heading is not None:
            last_heading.kind = "title"
        if header.children:
            header.start, header.end = header.children[0].start, header.children[-1].end
            header.segments = (Segment(header.start, header.end),)
            out.insert(0, header)
        return out

    def paragraph(self, block: Any) -> Clause:
        kind = {"HEADING": "heading", "CLOSING": "closing", "OPTION": "option"}.get(block.kind, "paragraph")
        return self.clause(kind, block)

    def resolution(self, node: Any) -> Clause:
        chapeau_block, *rest = node.parts
        chapeau = self.clause("chapeau", chapeau_block)
        # an empty chapeau: a text that opens with its recitals (layouts.implicit_start)
        res = _Sliced("resolution", chapeau.start, chapeau.end,
                     children=[chapeau] if chapeau.end > chapeau.start else [], layout=chapeau_block.layout or "un")
        for part in rest:
            if part.rule == "preamble":
                for item in part.parts:
                    res.children.append(self.headed("preambular", item) if hasattr(item, "rule")
                                        else self.marker(item))
            elif part.rule == "operative_part":
                for item in part.parts:
                    if not hasattr(item, "rule"):
                        res.children.append(self.marker(item))
                    else:
                        res.children.append(self.headed("operative" if item.rule == "operative" else "paragraph", item))
            elif part.rule == "closing":
                res.children.extend(self.closing(part))
        if res.children:
            res.start, res.end = res.children[0].start, res.children[-1].end
        res.segments = (Segment(res.start, res.end),)
        res.slice_of(self.text)  # no rule reads it whole (they read its parts)
        return res

    def marker(self, block: Any) -> Clause:
        """A heading among the paragraphs: a plain heading, the operative part's opening line, an
        article's number, an option's number."""
        kind = {"OPENER": "opener", "ARTICLE": "article", "OPTION": "option"}.get(block.kind, "heading")
        clause = self.clause(kind, block)
        text = clause.text
        m = _ARTICLE_NUMBER.match(text) if kind == "article" else (_OPTION_LABEL.match(text) if kind == "option" else None)
        if m:
            clause.label = m.group(1)
        return clause

    def headed(self, kind: str, node: Any) -> Clause:
        """A recital or operative paragraph with its lead phrase and sub-paragraphs."""
        first, *subs = node.parts
        clause = self.clause(kind, first)
        text = clause.text  # sliced anew on each reading (_Sliced): read once here
        offset = 0
        if kind == "operative":
            m = _OP_LABEL_FAST.match(text) or _OP_LABEL.match(text)
            if m:
                clause.label, offset = m.group(1), m.end()
        if text[offset:offset + 1] == "[":  # "5bis. [*Invites* ...]": a bracketed paragraph
            offset += 1
        if kind in ("preambular", "operative"):
            self._set_lead(clause, text, offset)
        self._nest(clause, [self.sub(b) for b in subs])
        return clause

    def sub(self, block: Any) -> Clause:
        clause = self.clause("subparagraph", block)
        text = clause.text
        m = _SUB_LABEL.match(text)
        if m:
            clause.label = m.group(1)
        elif text[:1] in "-•–":
            clause.label = "•"  # a bulleted item
        return clause

    @staticmethod
    def _nest(parent: Clause, subs: list[Clause]) -> None:
        """(a), (b) under the paragraph; (i), (ii) under the lettered item they follow.

        "(i)" after "(h)" is the ninth letter; "(c)" after "(b)" is a letter unless "(b)"
        already holds roman items up to "(xcix)".
        """
        letter: Clause | None = None
        names = [sub_name(sub.label) for sub in subs[:2]]
        numerals = names[:1] == ["i"] and names[1:2] == ["i"]  # "(i)", "(i)": a list of numerals, one repeated
        for sub in subs:
            name = sub_name(sub.label)
            if letter is not None and not numerals and _is_next_roman(name, letter):
                letter.children.append(sub)
                letter.end = max(letter.end, sub.end)
            else:
                parent.children.append(sub)
                letter = sub
        if parent.children:
            parent.end = max(parent.end, parent.children[-1].end)

    def _set_lead(self, clause: Clause, text: str, offset: int) -> None:
        m = _ITALIC_LEAD.match(text, offset)  # at `offset`, not on a copy of the rest
        if m:
            lead = m.group(1).rstrip(" ,")
            start = offset + 1 + (len(m.group(1)) - len(m.group(1).lstrip()))
            clause.lead_italic = True
        else:
            m = _PLAIN_LEAD.match(text, offset)
            if not m:
                return
            lead, start = m.group(0), offset
        clause.lead = lead.strip()
        clause.lead_start = clause.offset_of(start)
        clause.lead_end = clause.offset_of(start + len(clause.lead))

    def closing(self, node: Any) -> list[Clause]:
        first, *rest = node.parts
        closing = self.clause("closing", first)
        out = [closing]
        annex: _Sliced | None = None
        for block in rest:
            if block.kind == "DATE" and annex is None and len(closing.children) == 0:
                closing.children.append(self.clause("date", block))
                closing.end = block.end
                continue
            if annex is None:
                annex = _Sliced("annex", block.start, block.end)
                out.append(annex)
            annex.children.append(self.paragraph(block) if block.kind != "PARA_SUB" else self.sub(block))
            annex.end = block.end
        if annex is not None:
            annex.segments = (Segment(annex.start, annex.end),)
            annex.slice_of(self.text)
        return out

    def footnote(self, block: Any) -> Clause:
        clause = self.clause("footnote", block)
        m = _FOOTNOTE_LABEL.match(clause.text)
        if m:
            clause.label = next(g for g in m.groups() if g)
        return clause


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def roman_value(numeral: str) -> int | None:
    """The value of a lower-case roman numeral, None when it is not one."""
    if not numeral or not _ROMAN.fullmatch(numeral):
        return None
    total = 0
    for i, ch in enumerate(numeral):
        value = _ROMAN_VALUES[ch]
        total += -value if i + 1 < len(numeral) and _ROMAN_VALUES[numeral[i + 1]] > value else value
    return total


def _is_next_roman(name: str, letter: Clause) -> bool:
    value = roman_value(name)
    if value is None:
        return False
    if not letter.children:
        return value == 1 and sub_name(letter.label) != "h"
    return value == (roman_value(sub_name(letter.children[-1].label)) or 0) + 1
