"""The clause tree: pinned on the real 2022 draft, and checked on every real text kept in tests/data."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from termlint.text.document import Document
from termlint.parse.parser import parse
from termlint.parse.tree import Clause

from conftest import DATA, SEED, real_texts


def _tree(path: Path) -> tuple[Document, Clause, list]:
    doc = Document.read(path)
    root, problems = parse(doc.text)
    return doc, root, problems


def _lines(doc: Document, clause: Clause) -> tuple[int, int]:
    return doc.position(clause.start)[0], doc.position(clause.end - 1)[0]


def test_seed_header_title_and_chapeau():
    doc, root, problems = _tree(SEED)
    assert problems == []
    header = root.find("header")[0]
    kinds = [c.kind for c in header.children]
    assert kinds == ["distribution", "date", "distribution", "agenda", "sponsors"]
    (title,) = root.find("title")
    assert _lines(doc, title) == (24, 24) and "Strengthening national" in title.text
    (res,) = root.find("resolution")
    assert res.children[0].kind == "chapeau" and _lines(doc, res.children[0]) == (26, 26)


def test_seed_preambular_paragraphs_with_the_split_ones_joined():
    doc, root, _ = _tree(SEED)
    pre = root.find("preambular")
    assert len(pre) == 31
    assert [p.lead for p in pre[:6]] == ["Stressing", "Recalling", "Recalling", "Recognising also",
                                          "Recalling also", "Taking note"]
    assert all(p.lead_italic for p in pre)
    # The Kyoto recital runs over a page break with its running footnotes between.
    kyoto = pre[2]
    assert [doc.position(s.start)[0] for s in kyoto.segments] == [32, 42]
    assert "in the context of smuggling of migrants" in kyoto.text
    # "... child sexual abuse" / "material to better reflect ..." lost its page break in conversion.
    term = next(p for p in pre if "the term “child pornography”" in p.text)
    assert [doc.position(s.start)[0] for s in term.segments] == [86, 88]
    assert term.text.endswith("in this context,")
    # Offsets map back into the file exactly, across the join.
    i = kyoto.text.index("of smuggling")
    assert doc.text[kyoto.offset_of(i):].startswith("of smuggling")


def test_seed_operative_paragraphs_and_footnotes():
    doc, root, _ = _tree(SEED)
    ops = root.find("operative")
    assert [o.label for o in ops] == [str(n) for n in range(1, 23)]
    assert ops[10].lead == "Also calls upon" and ops[12].lead == "Further calls upon"
    assert [doc.position(s.start)[0] for s in ops[12].segments] == [120, 122]  # paragraph 13 is split
    assert ops[12].text.endswith("both online and offline;")
    assert _lines(doc, ops[3]) == (111, 111)  # 4. follows 3. without a blank line
    notes = root.find("footnote")
    assert [(n.label, doc.position(n.start)[0]) for n in notes] == [("*", 36), ("1", 38), ("2", 40), ("3", 60)]
    # Each footnote is attached to the clause that holds its marker.
    holders = {n.label: c for c in root.walk() for n in c.footnotes}
    assert holders["*"].kind == "agenda"
    assert doc.position(holders["1"].start)[0] == doc.position(holders["2"].start)[0] == 30
    assert holders["3"].lead == "Taking note"
    assert [doc.position(p.start)[0] for p in root.find("pagebreak")] == [8, 34, 58]


def test_a_text_that_is_not_a_resolution_becomes_plain_paragraphs():
    _, root, problems = _tree(DATA / "webpages" / "000_3b9afe8c290620bc.txt")
    assert problems == []
    assert not root.is_resolution
    assert {c.kind for c in root.children} <= {"paragraph", "heading", "pagebreak", "header", "artefact", "footnote"}
    paragraphs = root.find("paragraph")
    assert len(paragraphs) >= 8
    assert paragraphs[1].text.startswith("16 May 2022 - Within its 2022 edition")  # its own paragraph


def test_subparagraphs_nest_letters_then_roman_numerals():
    text = ("*The General Assembly*,\n\n*Recalling* its resolutions,\n\n"
            "1. *Decides*:\n\n(a) to act;\n\n(b) to report on:\n\n(i) the first;\n\n(ii) the second;\n\n"
            "(c) to meet;\n\n(d) x;\n\n(e) x;\n\n(f) x;\n\n(g) x;\n\n(h) x;\n\n(i) the ninth letter;\n\n"
            "2. *Requests* the Secretary-General to report.\n")
    root, problems = parse(text)
    assert problems == []
    first = root.find("operative")[0]
    assert [c.label for c in first.children] == ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)", "(h)", "(i)"]
    assert [c.label for c in first.children[1].children] == ["(i)", "(ii)"]


def test_plain_text_security_council_resolution():
    doc, root, problems = _tree(DATA / "corpus" / "S_RES_1454_2002.txt")
    assert problems == []
    pre = root.find("preambular")
    assert [p.lead for p in pre][:3] == ["Recalling", "Convinced of", "Reaffirming"]
    assert not pre[0].lead_italic
    assert root.find("operative")[0].lead == "Approves"


def test_a_block_the_grammar_cannot_place_is_a_problem_not_an_exception():
    root, problems = parse("*The General Assembly*,\n\n45th plenary meeting\n\n*The General Assembly*,\n\n1. *Decides*;\n")
    assert root.is_resolution
    assert isinstance(problems, list)


@pytest.mark.parametrize("text", ["", "\n\n\n", "---\n---\n", "(a) lone\n", "1.\n", "*\n", "<sup>1</sup>", "[^1]:"])
def test_degenerate_inputs_parse(text):
    root, _ = parse(text)
    assert root.kind == "document"


# Counts made without the grammar: a line-based reading of the same conventions.
_CHAPEAU_LINE = re.compile(r"^\*?The (General Assembly|Security Council|Economic and Social Council)\*?,?\*?\s*$")


def independent_counts(text: str) -> tuple[int, int]:
    """Recitals and numbered paragraphs between the chapeau and the closing line, read line by line:
    a recital is an italic lead in Markdown; in plain text a capitalised line opening a block, or
    following a line that ends a recital with a comma (footnote numbers after the comma aside)."""
    preambular = operative = 0
    state = "before"
    previous = ""
    for raw in text.splitlines():
        line = raw.strip()
        if _CHAPEAU_LINE.match(line):
            state = "preamble"
        elif state in ("before", "done") or not line:
            pass
        elif re.match(r"^(\d+|\.\.\.)(st|nd|rd|th) (plenary )?meeting|^Adopted at the", line) or line == "---":
            state = "done"
        elif re.match(r"^\d+\.\s", line):
            operative += 1
            state = "operative"
        elif state == "preamble":
            ended = re.sub(r"\s+\d+$", "", previous)
            if line.startswith("*"):
                preambular += bool(re.match(r"^\*[A-Z][^*]*\*", line))
            elif re.match(r"^([A-Z][a-z]+ly [a-z]+|[A-Z][a-z]+(ing|ed)|Mindful|Aware|Conscious|Convinced) [a-z]", line) and (
                    not previous or ended.endswith(",")):
                preambular += 1
        previous = line
    return preambular, operative


def corpus_texts() -> list[Path]:
    """The real texts kept in tests/data, and on demand every text of the folders named in TERMLINT_CORPUS
    (`TERMLINT_CORPUS=../shared/corpus/real pytest tests/parse/test_parse.py`: the whole corpus, 153 texts)."""
    extra = [Path(f) for f in os.environ.get("TERMLINT_CORPUS", "").split(os.pathsep) if f]
    for folder in extra:
        if not folder.is_dir():
            raise NotADirectoryError(f"TERMLINT_CORPUS names {folder}, which is not a folder")
    found = [p for f in extra for p in sorted(f.glob("*.*")) if p.name != "SOURCES.md"]
    return real_texts() + found


@pytest.mark.parametrize("path", corpus_texts(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_parses_cleanly_with_the_right_counts(path):
    doc, root, problems = _tree(path)
    assert problems == []
    resolutions = root.find("resolution")
    assert resolutions, "a resolution must be recognised"
    pre = sum(1 for r in resolutions for c in r.children if c.kind == "preambular")
    ops = sum(1 for r in resolutions for c in r.children if c.kind == "operative")
    if path.name.startswith("USERDRAFT"):  # its unnumbered "Decides" paragraphs are recitals by form
        return
    assert (pre, ops) == independent_counts(doc.text)
