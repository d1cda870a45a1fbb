"""`check --fix` on a Word draft: the fixes written as tracked changes the drafter accepts or rejects.

The fixes are made on termlint's text of the draft as for any file (fix.fix_text); the fixed
text is then compared with the original, paragraph by paragraph and word by word. A changed
word becomes a deletion (`w:del`) of the runs that held it and an insertion (`w:ins`) with their
formatting; a change of italics or bold alone (a lead italicised, "*Ibid.*" set in roman)
becomes a formatting change (`w:rPrChange`). Every revision is authored "termlint" and dated.
A change that touches text Word does not hold as characters (an automatic number, a footnote
mark) is not written, and counted as such.
"""

from __future__ import annotations

import copy
import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement

from termlint.docx.read import SEPARATOR, Loaded, load, reload, save
from termlint.docx.runs import PieceIndex, cut_all, run_proxy

AUTHOR = "termlint"
_UNIT = re.compile(r"\\\*|</?sup>|\*\*|\*|.", re.DOTALL)
_WORD = re.compile(r"\w+|\s+|.", re.DOTALL)
_MARKS = {"**": "b", "*": "i"}


@dataclass(frozen=True)
class Unit:
    """One character of the termlint text with the formatting it has in the Word file."""
    char: str
    flags: frozenset[str]
    offset: int  # in the termlint text


@dataclass
class Change:
    """One edit of the fixes, as a tracked change will write it: a stretch replaced, text inserted."""
    start: int  # the original text's stretch it replaces (start == end: an insertion point)
    end: int
    insert: list[tuple[str, frozenset[str]]] = field(default_factory=list)  # new text, by formatting
    old_flags: frozenset[str] = frozenset()
    new_flags: frozenset[str] | None = None  # set: a formatting change of [start, end)


@dataclass(frozen=True)
class Revised:
    """A Word file with the fixes written as tracked changes, and how many were written or skipped."""
    data: bytes
    written: int  # revisions written (a replaced word counts once)
    skipped: int  # changes that could not be written as tracked changes


def units(chunk: str, base: int) -> list[Unit]:
    """The characters of a stretch of termlint text with the formatting its markers give them."""
    flags: set[str] = set()
    out = []
    for m in _UNIT.finditer(chunk):
        token = m.group()
        if token in _MARKS:
            flags ^= {_MARKS[token]}
        elif token in ("<sup>", "</sup>"):
            (flags.add if token == "<sup>" else flags.discard)("sup")
        else:
            out.append(Unit("*" if token == "\\*" else token, frozenset(flags), base + m.start()))
    return out


def plan(old: str, new: str) -> tuple[list[Change], int]:
    """The changes that turn `old` into `new`, in text order, and how many could not be placed."""
    old_chunks, new_chunks = old.split(SEPARATOR), new.split(SEPARATOR)
    starts, at = [], 0
    for chunk in old_chunks:
        starts.append(at)
        at += len(chunk) + len(SEPARATOR)
    changes: list[Change] = []
    skipped = 0
    matcher = difflib.SequenceMatcher(None, old_chunks, new_chunks, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag != "replace" or i2 - i1 != j2 - j1:
            skipped += 1  # a paragraph added, removed, split or joined: not a word-level change
            continue
        for k in range(i2 - i1):
            changes.extend(_chunk_changes(units(old_chunks[i1 + k], starts[i1 + k]), units(new_chunks[j1 + k], 0)))
    return changes, skipped


def _words(found: list[Unit]) -> list[tuple[str, int, int]]:
    """(word, first unit, end unit): words, runs of spaces and single signs; a change of
    formatting also ends a word (a footnote mark "2" right after "Pornography" is not part of it)."""
    text = "".join(u.char for u in found)
    out = []
    for m in _WORD.finditer(text):
        start = m.start()
        for i in range(m.start() + 1, m.end()):
            if found[i].flags != found[i - 1].flags:
                out.append((text[start:i], start, i))
                start = i
        out.append((text[start:m.end()], start, m.end()))
    return out


def _chunk_changes(old: list[Unit], new: list[Unit]) -> Iterator[Change]:
    old_words, new_words = _words(old), _words(new)
    matcher = difflib.SequenceMatcher(None, [w[0] for w in old_words], [w[0] for w in new_words], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            yield from _format_changes(old[old_words[i1][1]:old_words[i2 - 1][2]] if i2 > i1 else [],
                                       new[new_words[j1][1]:new_words[j2 - 1][2]] if j2 > j1 else [])
            continue
        a = old_words[i1][1] if i1 < len(old_words) else len(old)
        b = old_words[i2 - 1][2] if i2 > i1 else a
        c = new_words[j1][1] if j1 < len(new_words) else len(new)
        d = new_words[j2 - 1][2] if j2 > j1 else c
        if a < b:
            start, end = old[a].offset, old[b - 1].offset + 1
        else:  # an insertion: after the character before it
            start = end = old[a - 1].offset + 1 if a > 0 else (old[0].offset if old else 0)
        inserted: list[tuple[str, frozenset[str]]] = []
        for u in new[c:d]:
            if inserted and inserted[-1][1] == u.flags:
                inserted[-1] = (inserted[-1][0] + u.char, u.flags)
            else:
                inserted.append((u.char, u.flags))
        yield Change(start, end, inserted, old[a].flags if a < len(old) else frozenset())


def _format_changes(old: list[Unit], new: list[Unit]) -> Iterator[Change]:
    """Stretches of the same characters whose italics, bold or superscript changed."""
    i = 0
    while i < len(old):
        if old[i].flags == new[i].flags:
            i += 1
            continue
        j = i
        while j < len(old) and old[j].flags == old[i].flags and new[j].flags == new[i].flags \
                and old[j].offset == old[i].offset + (j - i):
            j += 1
        yield Change(old[i].offset, old[j - 1].offset + 1, [], old[i].flags, new[i].flags)
        i = j


def revise(data: bytes, fixed_text: str, when: datetime | None = None) -> Revised:
    """The .docx bytes with `fixed_text` (termlint's text of this file, fixed) as tracked changes."""
    loaded = load(data)
    original = loaded.text
    changes, skipped = plan(original, fixed_text)
    index = PieceIndex(loaded)
    writable = [c for c in changes if _writable(index, c)]
    skipped += len(changes) - len(writable)
    cut_all(index, [edge for c in writable for edge in (c.start, c.end)])
    loaded = reload(loaded)
    if loaded.text != original:  # splitting runs must not change the text: a bug, never write then
        raise RuntimeError("splitting runs changed the document's text")
    index = PieceIndex(loaded)
    stamp = Stamp(_next_id(loaded), (when or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ"))
    written = 0
    for change in reversed(writable):  # from the end: earlier offsets stay valid
        written += _apply(index, change, stamp)
    return Revised(save(loaded) if written else data, written, skipped)


def _writable(index: PieceIndex, change: Change) -> bool:
    """Every character the change covers is Word text (not a number, mark or marker termlint wrote)."""
    if change.start == change.end:
        return index.run_before(change.start) is not None or bool(index.runs(change.start, change.start + 1))
    for at, piece, _ in index.covering(change.start, change.end):
        if piece.kind in ("text", "space") and piece.exact:
            continue
        if piece.run is None and piece.kind == "markup" and not piece.text.strip("*<>/sup"):
            continue  # a formatting marker between the characters
        return False
    return True


@dataclass
class Stamp:
    """The id, author and date of each tracked change written."""
    next_id: int
    date: str

    def attrs(self) -> dict[str, str]:
        self.next_id += 1
        return {qn("w:id"): str(self.next_id), qn("w:author"): AUTHOR, qn("w:date"): self.date}


def _apply(index: PieceIndex, change: Change, stamp: Stamp) -> int:
    if change.new_flags is not None:
        for run in index.runs(change.start, change.end):
            _format(run, change.old_flags, change.new_flags, stamp)
        return 1
    runs = index.runs(change.start, change.end) if change.start < change.end else []
    before = index.run_before(change.start)
    base = runs[0] if runs else before if before is not None else index.runs(change.start, change.start + 1)[0]
    anchor = None
    for run in runs:
        wrapper = OxmlElement("w:del", attrs=stamp.attrs())
        run.addprevious(wrapper)
        wrapper.append(run)
        for t in run.findall(qn("w:t")):
            t.tag = qn("w:delText")
        anchor = wrapper
    if change.insert:
        inserted = OxmlElement("w:ins", attrs=stamp.attrs())
        for text, flags in change.insert:
            inserted.append(_new_run(base, text, change.old_flags, flags))
        if anchor is not None:
            anchor.addnext(inserted)
        elif base is before:
            base.addnext(inserted)
        else:
            base.addprevious(inserted)
    return 1


def _new_run(base: Any, text: str, base_flags: frozenset[str], flags: frozenset[str]) -> Any:
    """A run holding `text` with the formatting of `base`, italics/bold/superscript as `flags` says."""
    run = OxmlElement("w:r")
    rpr = base.find(qn("w:rPr"))
    if rpr is not None:
        new_rpr = copy.deepcopy(rpr)
        for old_change in new_rpr.findall(qn("w:rPrChange")):
            new_rpr.remove(old_change)
        run.append(new_rpr)
    t = OxmlElement("w:t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(t)
    _set_flags(run, base_flags, flags)
    return run


def _set_flags(run: Any, old: frozenset[str], new: frozenset[str]) -> None:
    font = run_proxy(run).font
    if ("i" in old) != ("i" in new):
        font.italic = "i" in new
    if ("b" in old) != ("b" in new):
        font.bold = "b" in new
    if ("sup" in old) != ("sup" in new):
        font.superscript = "sup" in new


def _format(run: Any, old: frozenset[str], new: frozenset[str], stamp: Stamp) -> None:
    """Change a run's italics/bold as a tracked formatting change (w:rPrChange keeps the old rPr)."""
    rpr = run.get_or_add_rPr()
    before = copy.deepcopy(rpr)
    for old_change in before.findall(qn("w:rPrChange")):
        before.remove(old_change)
    for old_change in rpr.findall(qn("w:rPrChange")):
        rpr.remove(old_change)
    _set_flags(run, old, new)
    record = OxmlElement("w:rPrChange", attrs=stamp.attrs())
    previous = OxmlElement("w:rPr")
    for child in before:
        previous.append(child)
    record.append(previous)
    rpr.append(record)  # last: the schema puts it after every property


def _next_id(loaded: Loaded) -> int:
    """Above every w:id in the document (revisions, comments and bookmarks share the space in Word)."""
    roots = [loaded.docx.element] + [root for _, root in loaded.notes.values()]
    top = 0
    for root in roots:
        for el in root.iter():
            value = el.get(qn("w:id")) if isinstance(el.tag, str) else None
            if value is not None and value.lstrip("-").isdigit():
                top = max(top, int(value))
    return max(top, 1000)
