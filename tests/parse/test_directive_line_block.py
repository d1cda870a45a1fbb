"""Issue 19 item 3: a directive on the line above a paragraph is its own block, not the paragraph's start."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from termlint.parse.parser import parse

from conftest import ROOT

DRAFT = ("The General Assembly,\n\n"
         "<!-- termlint: disable-next-line=PU001 -->\n"
         "*Recalling* its resolution 74/174 of 18 December 2019,,\n\n"
         "*Recalling also* its resolution 75/1 of 21 September 2020,\n\n"
         "1. *Decides* to remain seized of the matter.\n")


def _preambular(text: str) -> list[tuple[str | None, int, int]]:
    tree, _ = parse(text)
    found = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if node.kind == "preambular":
            found.append((node.lead, text.count("\n", 0, node.start) + 1, text.count("\n", 0, node.end) + 1))
        stack.extend(node.children)
    return sorted(found, key=lambda f: f[1])


def test_the_paragraph_under_a_directive_keeps_its_lead_and_its_own_lines():
    assert _preambular(DRAFT) == [("Recalling", 4, 4), ("Recalling also", 6, 6)]


def test_a_directive_inside_a_run_of_lines_splits_it_too():
    text = DRAFT.replace(",,\n\n*Recalling also*", ",,\n<!-- a note to the drafters -->\n*Recalling also*")
    assert [lead for lead, _, _ in _preambular(text)] == ["Recalling", "Recalling also"]


def test_the_readme_way_of_writing_a_directive_gives_no_false_lead_sequence_finding(tmp_path: Path):
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "termlint", "check", "--no-cache", "--format", "concise",
                          "--select", "ST,PU", str(draft)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.stdout == "" and out.returncode == 0, out.stdout  # the ,, on line 4 is suppressed; no ST111
