"""Issue 19 item 2: Markdown read as Markdown (markdown-it-py): front matter, code blocks, tables,
link targets and reference definitions are not linted nor fixed; a blockquote's findings are info."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from termlint.text.markdown import MarkdownLayout, _has_blocks, _read_blocks, layout

from conftest import DATA, ROOT

DRAFT = DATA / "markdown" / "draft-with-markdown.md"


def check(path: Path, *args: str) -> list[tuple[int, str, str]]:
    out = subprocess.run([sys.executable, "-m", "termlint", "check", "--no-cache", "--format", "concise", *args,
                          str(path)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    found = []
    for line in out.stdout.splitlines():
        where, level, rest = line.split(": ", 2)
        found.append((int(where.split(":")[-2]), level, rest.split()[0]))
    return found


def test_only_prose_is_linted_and_a_quotation_is_at_most_info():
    # before: 18 findings in front matter (2-3), the table (14-15), the fenced (18-19) and indented (22)
    # code, a link target (24) and a reference definition (28), and TM101/PU002 warnings in the quotation
    assert check(DRAFT) == [(10, "info", "TM101"), (10, "info", "PU002")]


def test_the_same_text_as_plain_text_is_still_linted_throughout(tmp_path: Path):
    plain = tmp_path / "draft.txt"
    plain.write_text(DRAFT.read_text(encoding="utf-8"), encoding="utf-8")
    lines = {line for line, _, _ in check(plain)}
    assert {2, 3, 14, 18, 22, 24} <= lines


def test_fix_leaves_front_matter_code_tables_and_links_byte_for_byte(tmp_path: Path):
    copy = tmp_path / "draft.md"
    shutil.copy(DRAFT, copy)
    subprocess.run([sys.executable, "-m", "termlint", "check", "--no-cache", "--fix", "--unsafe-fixes", str(copy)],
                   capture_output=True, cwd=ROOT, timeout=120)
    before = DRAFT.read_text(encoding="utf-8").splitlines()
    after = copy.read_text(encoding="utf-8").splitlines()
    assert len(before) == len(after)
    changed = [i + 1 for i, (a, b) in enumerate(zip(before, after)) if a != b]
    assert set(changed) <= {10}, changed  # only the quotation's prose (info findings may carry fixes)


def test_the_clause_parser_does_not_see_code_or_front_matter():
    tree = subprocess.run([sys.executable, "-m", "termlint", "parse", str(DRAFT)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120).stdout
    assert "operative 1  lines 24" in tree and "operative 2  lines 26" in tree
    assert "lines 18" not in tree and "lines 2-" not in tree


def test_layout_spans_are_the_markdown_blocks():
    text = DRAFT.read_text(encoding="utf-8")
    spans = layout(text)
    hidden = [text[s:e] for s, e in spans.hidden]
    assert hidden[0].startswith("---\ntitle:") and hidden[0].endswith("---")
    assert any(h.startswith("| avoid | write |") for h in hidden)
    assert any(h.startswith("```\ntermlint check") for h in hidden)
    assert any(h.strip().startswith("indented code") for h in hidden)
    assert "https://example.org/UN_report;;/child-pornography" in hidden
    assert [text[s:e] for s, e in spans.quoted] == ["> *Deeply concerned* that child pornography , remains widespread,"]
    assert layout("The General Assembly,\n\n1. *Decides* to act.\n").hidden == ()


# --- a plain Markdown draft is read without markdown-it (issue 17) ---------------------------------

_PIECES = ["-", "|", ":", " ", "    ", "\t", ">", "`", "```", "~~~", "1.", "2)", "*", "+", "#", "a", "Decides",
           "\n", "\n", "\n\n", "[", "]", "](", "]:", "[^1]:", "(", ")", "<sup>1</sup>", "---", "==="]


def _blocks_by_parser(text: str) -> MarkdownLayout:
    masked: list[tuple[int, int]] = []
    quoted: list[tuple[int, int]] = []
    _read_blocks(text, masked, quoted)
    return MarkdownLayout(tuple(masked), tuple(masked), tuple(quoted))


@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
@hsettings(max_examples=3000, deadline=None)
def test_a_text_read_without_the_parser_has_no_block_the_parser_would_find(text: str):
    if not _has_blocks(text):
        assert _blocks_by_parser(text) == MarkdownLayout()


def test_each_kind_of_block_sends_the_text_to_the_parser():
    blocks = {
        "front matter": "---\ntitle: x\n---\nText.\n",
        "fence": "Text.\n\n~~~\ncode\n~~~\n",
        "indented code": "Text.\n\n    code\n",
        "code in a list item": "1.      code\n",
        "a tab": "Text.\n\n\tcode\n",
        "table": "| a | b |\n|---|---|\n| 1 | 2 |\n",
        "table in a list item, spaced": "- a | b\n  :-- | --:\n  1 | 2\n",
        "blockquote": "Text.\n\n> quoted\n",
        "blockquote in a list item": "Text.\n\n- > quoted\n",
    }
    for name, text in blocks.items():
        assert _has_blocks(text), name
        assert _blocks_by_parser(text) != MarkdownLayout(), name  # each is a block indeed


def test_plain_drafts_are_read_without_the_parser_and_keep_their_layout():
    plain = ROOT / "examples" / "A_RES_75_10.md"  # headings, emphasis, lists, a footnote: no block
    text = plain.read_text(encoding="utf-8")
    assert not _has_blocks(text)
    assert layout(text) == MarkdownLayout((), (), ())
    links = "Text [here](https://example.org) and\n[ref]: https://example.org/x\n[^1]: A footnote.\n"
    assert not _has_blocks(links)
    found = layout(links)
    assert [links[s:e] for s, e in found.hidden] == ["https://example.org", "[ref]: https://example.org/x"]
    assert [links[s:e] for s, e in found.masked] == ["[ref]: https://example.org/x"]
    assert not _has_blocks(links + "| a column | in a sentence\n--- a dash\n")


def test_a_plain_markdown_draft_does_not_import_markdown_it():
    code = ("import sys; from termlint.text.markdown import prose_text; "
            "text = open(sys.argv[1], encoding='utf-8').read(); prose_text(text, 'draft.md'); "
            "print('markdown_it' in sys.modules); prose_text(text + '\\n> quoted\\n', 'draft.md'); "
            "print('markdown_it' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(ROOT / "examples" / "A_RES_75_10.md")],
                         capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.stdout.split() == ["False", "True"], out.stderr
