"""`--format html`: the page is well formed, escapes everything, marks each finding on its words.

The real-browser checks (headless Chromium reading the page) are in test_html_browser.py;
they use `Page`, the reading of a page's DOM defined here.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import stat
import subprocess
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from termlint.cli.main import main
from termlint.formats.html_marks import Mark, marked
from termlint.text.document import Document

from conftest import ROOT, SEED

VOID = {"meta", "input", "br", "hr", "img", "link", "source", "wbr"}  # elements without an end tag


class Page(HTMLParser):
    """A page as a browser's DOM holds it: well-formedness, ids, each finding's marked text and note."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.problems: list[str] = []
        self.ids: list[str] = []
        self.marked: dict[str, str] = {}  # data-f -> the text inside all its mark pieces
        self.anchors: dict[str, dict[str, str]] = {}  # data-f -> attributes of its first piece
        self.notes: dict[str, str] = {}  # note id -> its text
        self.rows: list[tuple[str, str]] = []  # (margin label, the draft's text in that row)
        self._label = ""
        self.scripts = 0
        self.links: list[str] = []
        self._text: dict[int, list[str]] = {}  # open element index -> text collected inside it
        self.feed(markup)
        self.close()
        if self.stack:
            self.problems.append(f"unclosed at the end: {[t for t, _ in self.stack]}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "script":
            self.scripts += 1
        if tag == "a" and a.get("href", "").startswith("#"):
            self.links.append(a["href"][1:])
        if tag == "mark" and "data-f" in a and "id" in a:
            self.anchors[a["data-f"]] = a
        if tag in VOID:
            return
        self.stack.append((tag, a))
        self._text[len(self.stack) - 1] = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        depth = len(self.stack) - 1
        name, a = self.stack.pop()
        text = "".join(self._text.pop(depth))
        if name == "mark" and "data-f" in a:
            self.marked[a["data-f"]] = self.marked.get(a["data-f"], "") + text
        elif name == "li" and a.get("id", "").startswith("n"):
            self.notes[a["id"]] = " ".join(text.split())
        elif name == "div" and a.get("class") == "num":
            self._label = text
        elif name == "div" and a.get("class") == "txt":
            self.rows.append((self._label, text))
        if self._text:  # the text belongs to the enclosing elements too
            self._text[depth - 1].append(text)

    def handle_data(self, data: str) -> None:
        if self.stack:
            self._text[len(self.stack) - 1].append(data)


def run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, out.getvalue(), err.getvalue()


def html_of(*paths: str | Path, options: tuple[str, ...] = ()) -> str:
    code, out, err = run(["check", "--no-cache", "--jobs", "1", "--format", "html", *options, *map(str, paths)])
    assert code in (0, 1), err
    return out


def json_of(*paths: str | Path) -> list[dict]:
    return json.loads(run(["check", "--no-cache", "--jobs", "1", "--format", "json", *map(str, paths)])[1])


def assert_anchored(page: Page, findings: list[dict], texts: dict[str, str]) -> None:
    """Every finding has a note with its code, place and message, on a mark holding exactly its words."""
    assert len(page.anchors) == len(findings) == len(page.notes)
    by_note: dict[tuple[str, str], list[str]] = {}
    for note_id, text in page.notes.items():
        by_note.setdefault((text.split(" ")[1], text.split(" ")[3]), []).append(note_id)
    for f in findings:
        candidates = by_note[(f["code"], f"{f['line']}:{f['column']}")]
        note_id = next(n for n in candidates if " ".join(f["message"].split()) in page.notes[n])
        number = note_id[1:]
        assert page.anchors[number]["aria-describedby"] == note_id
        document = Document.from_text(texts[f["path"]])
        start = document.offset(f["line"], f["column"])
        end = document.offset(f["end_line"], f["end_column"])
        assert page.marked[number] == document.text[start:end], f


def test_every_finding_of_the_example_is_marked_on_its_words():
    page = Page(html_of(SEED))
    assert not page.problems
    assert_anchored(page, json_of(SEED), {str(SEED): SEED.read_text(encoding="utf-8")})


def test_page_structure_of_the_example(seed_text):
    markup = html_of(SEED)
    assert len(markup.encode()) < 400 * 1024
    page = Page(markup)
    assert not page.problems
    assert len(page.ids) == len(set(page.ids))  # ids unique
    assert set(page.links) <= set(page.ids)  # every in-page link (notes -> rule docs, index -> files) lands
    assert page.scripts == 1
    # Self-contained: nothing that would fetch (a URL in a rule's source is printed as text, not linked).
    assert not re.search(r"\ssrc=|<link|@import|url\(|@font-face|href=\"(?!#)", markup)
    assert "<svg" in markup and "<style>" in markup
    findings = json_of(SEED)
    assert f"<strong>{len(findings)}</strong> findings" in markup
    fixable = sum(1 for f in findings if f["fix"] and f["fix"]["safe"])
    assert f"<strong>{fixable}</strong> fixable" in markup
    assert {f"rule-{f['code']}" for f in findings} <= set(page.ids)
    # The margin numbers the paragraphs as editors do: PP1.., OP1.., and sub-paragraphs under their paragraph.
    labels = {label: row for label, row in page.rows if label}
    assert labels["PP1"].startswith("*Stressing* that rights of the child")
    assert labels["OP1"].startswith("1.") and labels["OP2"].startswith("2.")
    pps = [int(label[2:]) for label in labels if label.startswith("PP")]
    assert pps == list(range(1, len(pps) + 1)) and len(pps) > 20
    # The draft's text is all there, in order, between the tags, and nothing else is in its rows.
    assert "".join(row for _, row in page.rows) == Document.read(SEED).text


def test_sub_paragraphs_are_numbered_under_their_paragraph(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("The General Assembly,\n\nRecalling its resolution 70/1,\n\nNoting with concern the situation,\n\n"
                     "1. Requests the Secretary-General:\n\n(a) To report to it;\n\n(b) To consult Member States:\n\n"
                     "(i) In writing;\n\n2. Decides to remain seized of the matter.\n", encoding="utf-8")
    page = Page(html_of(draft))
    assert [(label, row.split(" ")[0]) for label, row in page.rows if label] == [
        ("PP1", "Recalling"), ("PP2", "Noting"), ("OP1", "1."), ("OP1 (a)", "(a)"), ("OP1 (b)", "(b)"),
        ("OP1 (b) (i)", "(i)"), ("OP2", "2.")]


def test_the_page_escapes_the_draft_messages_and_paths(tmp_path):
    draft = tmp_path / "a<b>&c.txt"
    draft.write_text("The General Assembly,\n\n<script>alert(1)</script> Recalling the <b>Convention</b>"
                     " & the recieved text,\n\n1. Requests the Secretary-General to report.\n", encoding="utf-8")
    markup = html_of(draft)
    assert "<script>alert" not in markup and "<b>Convention" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup and "a&lt;b&gt;&amp;c.txt" in markup
    page = Page(markup)
    assert not page.problems and page.scripts == 1
    findings = json_of(draft)
    assert findings and any(f["code"].startswith("SP") for f in findings)
    assert_anchored(page, findings, {str(draft): draft.read_text(encoding="utf-8")})


def test_a_message_and_a_fix_with_markup_are_text():
    from termlint.core.model import Diagnostic, Edit, Fix, Severity
    from termlint.formats.html import Writer
    from termlint.formats.report import ReportOptions

    text = "Recalling <i>its</i> resolution 1 < 2,\n"
    fix = Fix((Edit(10, 13, "<em>"),), safe=True, description="use <em>")
    d = Diagnostic("x.txt", 1, 11, 1, 14, "XX001", "n<ame", "spelling", Severity.ERROR,
                   'write "<em>" & not <i>', fix, 10, 13)
    page = Writer(ReportOptions())
    markup = page.file([d], {}, {"x.txt": text}) + page.end(1, [("y<z>.txt", "bad <bytes>")])
    assert "<i>" not in markup and "<em>" not in markup and "<bytes>" not in markup
    assert "write &#34;&lt;em&gt;&#34; &amp; not &lt;i&gt;" in markup
    assert "<del>&lt;i&gt;</del> → <ins>&lt;em&gt;</ins>" in markup
    parsed = Page(markup)
    assert not parsed.problems and parsed.marked["1"] == "<i>"


def test_the_page_written_file_by_file_is_the_rendered_report():
    # Written: one file() per file, with the margin numbers the engine found (LintResult.labels).
    # Rendered: one file() for the whole report, which has no labels, so each text is parsed again.
    from goldens import GOLDEN_FILES as FILES
    from test_stream import whole_report

    from termlint.formats import render

    paths = list(FILES[:3])
    code, written, _ = run(["check", "--no-cache", "--jobs", "1", "--format", "html", *paths])
    assert code == 1 and written.count('class="file"') == 3
    assert written == render("html", whole_report(paths))
    code, written, err = run(["check", "--no-cache", "--jobs", "1", "--format", "html", FILES[1], "no-such-file.md"])
    assert code == 2 and "no-such-file.md" in err
    assert '<span class="path">no-such-file.md</span>: no such file or directory' in written


def test_several_files_one_index_and_linear_size(tmp_path):
    copies = []
    for i in range(4):
        copies.append(tmp_path / f"draft{i}.txt")
        copies[-1].write_bytes(SEED.read_bytes())
    sizes = [len(html_of(*copies[:k]).encode()) for k in (1, 2, 4)]
    per_file = sizes[1] - sizes[0]
    assert abs((sizes[2] - sizes[0]) - 3 * per_file) < 0.005 * sizes[2]  # each file adds the same bytes (ids grow a digit)
    page = Page(html_of(*copies))
    assert {f"file-{i}" for i in range(1, 5)} <= set(page.ids)
    assert len(page.anchors) == 4 * len(json_of(SEED))


def test_empty_run_and_clean_file(tmp_path):
    clean = tmp_path / "note.txt"
    clean.write_text("Thank you.\n", encoding="utf-8")
    page = Page(html_of(clean))
    assert not page.problems and not page.anchors and "<strong>0</strong> findings" in html_of(clean)


@pytest.mark.parametrize("fmt", ["json", "text", "html", "sarif"])
def test_output_file_holds_what_stdout_would(fmt, tmp_path):
    target = tmp_path / f"report.{fmt}"
    code, out, _ = run(["check", "--no-cache", "--jobs", "1", "--format", fmt, "-o", str(target), str(SEED)])
    assert code == 1 and out == ""
    assert target.read_text(encoding="utf-8") == run(["check", "--no-cache", "--jobs", "1", "--format", fmt,
                                                      str(SEED)])[1]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".termlint-tmp")]
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_output_file_keeps_an_existing_files_mode_and_reports_a_bad_folder(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    assert run(["check", "--no-cache", "--format", "json", "-o", str(target), str(SEED)])[0] == 1
    assert json.loads(target.read_text(encoding="utf-8")) and stat.S_IMODE(target.stat().st_mode) == 0o640
    code, out, err = run(["check", "--format", "json", "-o", str(tmp_path / "missing" / "r.json"), str(SEED)])
    assert code == 2 and out == "" and "missing/r.json: cannot write" in err and "Traceback" not in err
    code, out, err = run(["check", "--format", "json", "-o", str(tmp_path), str(SEED)])
    assert code == 2 and out == "" and err.strip() == f"termlint: error: {tmp_path}: is a directory"
    code, _, err = run(["check", "--diff", "-o", str(target), str(SEED)])
    assert code == 2 and "--output-file" in err and json.loads(target.read_text(encoding="utf-8"))


def test_output_file_that_is_a_pipe_is_written_into_not_replaced(tmp_path):
    """A named pipe (as /dev/null or /dev/stdout) is written to directly: renaming the finished
    report onto it would replace the pipe, or the device, itself."""
    pipe = tmp_path / "report.pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")))
    reader.start()
    code, out, err = run(["check", "--no-cache", "--jobs", "1", "--format", "json", "-o", str(pipe), str(SEED)])
    reader.join(timeout=60)
    assert code == 1 and out == "" and err == ""
    assert received and len(json.loads(received[0])) == 55
    assert stat.S_ISFIFO(pipe.stat().st_mode) and [p.name for p in tmp_path.iterdir()] == ["report.pipe"]


def test_an_interrupted_run_leaves_the_old_report(tmp_path, monkeypatch):
    target = tmp_path / "report.html"
    target.write_text("old report", encoding="utf-8")
    import termlint.formats.html as html

    def broken(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(html.Writer, "pieces", broken)
    assert run(["check", "--no-cache", "--format", "html", "-o", str(target), str(SEED)])[0] == 130
    assert target.read_text(encoding="utf-8") == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_without_jinja2_a_clear_error_and_the_plain_cli_never_loads_it():
    code = ("import sys; sys.modules['jinja2'] = None; from termlint.cli.main import main; "
            f"sys.exit(main(['check', '--no-cache', '--format', 'html', {str(SEED)!r}]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.strip() == ("termlint: error: --format html needs Jinja2, which is not installed: "
                                  "pip install 'termlint[html]'")
    code = ("import sys; from termlint.cli.main import main; main(['check', '--no-cache', '--format', 'json', "
            f"{str(SEED)!r}]); print('jinja2' in sys.modules, 'markupsafe' in sys.modules, file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stderr.strip().endswith("False False")


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_colours_meet_wcag_aa():
    css = (ROOT / "termlint" / "formats" / "templates" / "report.css").read_text(encoding="utf-8")
    var = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6})", css))
    backgrounds = [var["bg"], "#f7f7f7", "#efe6f7"]  # the page, a note, the current note
    for text in ("fg", "muted", "link", "error", "warning", "info", "focus"):
        for bg in backgrounds:
            assert contrast(var[text], bg) >= 4.5, (text, bg)
    for tint in ("error-bg", "warning-bg", "info-bg"):  # marked words and deleted text keep the text colour
        assert contrast(var["fg"], var[tint]) >= 4.5, tint
        assert contrast(var[tint.removesuffix("-bg")], var[tint]) >= 3  # the underline against its tint
    assert contrast(var["fg"], "#e4f4e4") >= 4.5  # inserted text


# --- overlapping findings: well formed, each finding's pieces hold exactly its words -----------

def _page_of(text: str, spans: list[tuple[int, int]], cuts: list[int]) -> Page:
    marks = [Mark(i + 1, s, e, "warning", "spelling", "XX001", "x") for i, (s, e) in enumerate(spans)]
    bounds = sorted({0, *cuts, len(text)})
    opened: set[int] = set()
    body = "".join(f'<div class="txt">{marked(text, a, b, marks, opened)}</div>'
                   for a, b in zip(bounds, bounds[1:])) if text else str(marked(text, 0, 0, marks, opened))
    return Page(f"<main>{body}</main>")


def test_overlaps_nest_or_split():
    text = "Recalling also the Convention on the Rights of the Child"
    page = _page_of(text, [(0, 14), (10, 28), (10, 14), (19, 29), (15, 15), (40, 56)], [30])
    assert not page.problems
    assert page.marked == {"1": text[0:14], "2": text[10:28], "3": text[10:14], "4": text[19:29],
                           "5": "", "6": text[40:56]}
    assert sorted(page.anchors) == ["1", "2", "3", "4", "5", "6"]  # one anchor each, however many pieces


@given(st.text(alphabet="ab <&>\n", max_size=40).flatmap(lambda t: st.tuples(
    st.just(t),
    st.lists(st.tuples(st.integers(0, len(t)), st.integers(0, len(t))).map(sorted), max_size=8),
    st.lists(st.integers(1, max(1, len(t))), max_size=3))))
def test_any_overlaps_stay_well_formed(case):
    text, spans, cuts = case
    page = _page_of(text, [tuple(s) for s in spans], [c for c in cuts if c < len(text)])
    assert not page.problems
    for i, (s, e) in enumerate(spans):
        assert page.marked.get(str(i + 1), "") == text[s:e]
        assert str(i + 1) in page.anchors


def test_a_page_from_the_result_cache_is_the_same_page(tmp_path, monkeypatch):
    # A cached result holds findings only: the margin numbers then come from parsing the text again.
    monkeypatch.setenv("TERMLINT_CACHE_DIR", str(tmp_path / "cache"))
    args = ["check", "--jobs", "1", "--format", "html", str(SEED)]
    first, second = run(args), run(args)
    assert any((tmp_path / "cache").iterdir())
    assert first == second and "PP1" in first[1]
