"""Issue 15: Word drafts through the CLI: `check` (folders, formats, bad files), `parse`,
`annotate` (comments) and `check --fix` / `--diff` (tracked changes), on real .docx files built
from the example draft (tests/docx_fixtures.py)."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from docx_fixtures import EVERYTHING, SEED, W, accept_all, count, part_xml, seed_docx
from termlint.cli.main import main
from termlint.docx.read import read_docx

DATE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "termlint", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


run_cli = run  # a name that a test's local variable called `run` does not shadow


@pytest.fixture()
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.docx"
    path.write_bytes(seed_docx(EVERYTHING))
    return path


def json_findings(path: Path) -> list[dict]:
    done = run("check", "--format", "json", "--no-cache", path.name, cwd=path.parent)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def test_check_a_folder_picks_up_word_drafts_and_says_where(draft: Path) -> None:
    (draft.parent / "seed.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    done = run("check", "--format", "concise", "--no-cache", ".", cwd=draft.parent)
    lines = done.stdout.splitlines()
    word = [line for line in lines if line.startswith("draft.docx: ")]
    assert len(word) == 55 and len(lines) == 110, done.stdout
    assert "draft.docx: paragraph 68 (operative 20), character 171: warning: PU001 doubled punctuation “, ,”: keep one mark" \
        in word
    assert "has 2 tracked changes: checked as it reads with them accepted" in done.stderr
    text = run("check", "--format", "text", "--no-cache", "--show-source", "draft.docx", cwd=draft.parent).stdout
    assert "paragraph 68 (operative 20), character 171: PU001 warning" in text
    assert "   68 | Encourages Member States to promote the proactive sharing" in text  # Word's text, no markers


def test_json_keeps_its_contract_line_is_the_paragraph(draft: Path) -> None:
    found = json_findings(draft)
    assert len(found) == 55
    assert set(found[0]) == {"path", "line", "column", "end_line", "end_column", "code", "name", "category",
                             "severity", "message", "fix"}
    pu001 = next(f for f in found if f["code"] == "PU001")
    paragraph = docx.Document(str(draft)).paragraphs[pu001["line"] - 1].text
    assert paragraph[pu001["column"] - 1:pu001["end_column"] - 1] == ", ,"


def test_parse_shows_the_tree_of_a_word_draft(draft: Path) -> None:
    done = run("parse", "draft.docx", cwd=draft.parent)
    assert done.returncode == 0
    assert done.stdout.count("\n    preambular  paragraphs ") == 31
    assert done.stdout.count("\n    operative ") == 22
    assert "    operative 22  paragraphs 70  “Invites”" in done.stdout


@pytest.mark.parametrize("name, data, words", [
    ("corrupt.docx", b"PK\x03\x04 this zip was cut short", "corrupt .docx"),
    ("renamed.docx", None, "not a Word document"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "not supported: convert to .docx"),
    ("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"), "password"),
    ("draft.pdf", b"%PDF-1.4\n", "not supported: convert to .docx"),
    ("draft.odt", None, "OpenDocument"),
])
def test_bad_word_files_one_line_exit_2_others_checked(tmp_path: Path, name: str, data: bytes | None,
                                                       words: str) -> None:
    import zipfile

    if data is None:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            if name.endswith(".odt"):
                archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
            archive.writestr("notes.txt", "not Word")
        data = out.getvalue()
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.docx").write_bytes(seed_docx())
    done = run("check", "--format", "concise", "--no-cache", name, "good.docx", cwd=tmp_path)
    errors = [line for line in done.stderr.splitlines() if line.startswith("termlint: error:")]
    assert done.returncode == 2 and len(errors) == 1, done.stderr
    assert name in errors[0] and words in errors[0]
    assert "Traceback" not in done.stderr
    assert done.stdout.count("good.docx: ") == 55


def _comments(data: bytes) -> list[tuple[str, str, str]]:
    """(author, text, the text the comment covers) of every comment in a .docx."""
    document = docx.Document(io.BytesIO(data))
    texts = {str(c.comment_id): (c.author, c.text) for c in document.comments}
    covered: dict[str, str] = {cid: "" for cid in texts}
    open_ids: set[str] = set()
    for el in document.element.body.iter(f"{{{W}}}commentRangeStart", f"{{{W}}}commentRangeEnd", f"{{{W}}}t"):
        cid = el.get(f"{{{W}}}id")
        if el.tag.endswith("commentRangeStart"):
            open_ids.add(cid)
        elif el.tag.endswith("commentRangeEnd"):
            open_ids.discard(cid)
        else:
            for c in open_ids:
                covered[c] += el.text or ""
    return [(*texts[cid], covered[cid]) for cid in texts]


def test_annotate_writes_one_comment_per_finding_on_its_words(draft: Path) -> None:
    before = draft.read_bytes()
    done = run("annotate", "draft.docx", cwd=draft.parent)
    assert done.returncode == 1, done.stderr
    assert "draft.docx: 55 comments written to draft.termlint.docx" in done.stderr
    assert draft.read_bytes() == before  # never the original
    comments = _comments((draft.parent / "draft.termlint.docx").read_bytes())
    assert len(comments) == 55 and {author for author, _, _ in comments} == {"termlint"}
    by_text = {text: covered for _, text, covered in comments}
    assert by_text["PU001 doubled punctuation “, ,”: keep one mark. Fix: replace “, ,” with “,”."] == ", ,"
    assert ("HS101 “anonymising”: write “anonymizing”. UN house style follows the Oxford -ize spelling (where -ise "
            "is not part of the root, as in advise or comprise). Fix: write “anonymizing”.") in by_text
    assert by_text[next(t for t in by_text if t.startswith("In footnote 2: CI041"))] == ""  # the mark (no w:t)
    # the annotated copy reads as the draft did: same findings
    assert json_findings(draft.parent / "draft.termlint.docx") == [
        {**f, "path": "draft.termlint.docx"} for f in json_findings(draft)]
    again = run("annotate", "draft.termlint.docx", "-o", "again.docx", cwd=draft.parent)
    assert "0 comments written to again.docx (55 already there)" in again.stderr
    assert len(_comments((draft.parent / "again.docx").read_bytes())) == 55


def test_annotate_refuses_what_it_cannot_do(draft: Path) -> None:
    (draft.parent / "seed.md").write_text("*Noting* the report,\n", encoding="utf-8")
    for args, words in ((("draft.docx", "-o", "draft.docx"), "overwrite the draft"),
                        (("seed.md",), "not a Word document"),
                        (("draft.docx", "seed.md", "-o", "x.docx"), "one draft")):
        done = run("annotate", *args, cwd=draft.parent)
        assert done.returncode == 2 and words in done.stderr and "Traceback" not in done.stderr
    assert draft.read_bytes() == seed_docx(EVERYTHING)


def test_fix_writes_tracked_changes_that_keep_formatting(draft: Path) -> None:
    from conftest import settings
    from termlint.engine.fix import fix_text
    from termlint.text.document import Document

    expected = fix_text(Document.from_text(read_docx(draft.read_bytes(), "d").text), settings()).text
    done = run("check", "--fix", "--no-cache", "--format", "concise", "draft.docx", cwd=draft.parent)
    assert done.returncode == 1 and "Fixed 37 problems." in done.stderr, done.stderr
    data = draft.read_bytes()
    assert count(data, "word/document.xml", "ins", "termlint") == 36
    assert count(data, "word/document.xml", "del", "termlint") == 37
    # italics moved: "*Noting* with concern" (twice), "*Taking note of*"; in a footnote, "*Ibid.*" set in roman
    assert count(data, "word/document.xml", "rPrChange", "termlint") == 3
    assert count(data, "word/footnotes.xml", "rPrChange", "termlint") == 1
    assert count(data, "word/document.xml", "ins", "Delegation") == 1  # the delegation's change is kept
    root = part_xml(data, "word/document.xml")
    dates = {el.get(f"{{{W}}}date") for el in root.iter(f"{{{W}}}ins") if el.get(f"{{{W}}}author") == "termlint"}
    assert dates and all(DATE.fullmatch(d) for d in dates)
    inserted = [el for el in root.iter(f"{{{W}}}ins") if "".join(el.itertext()) == "Recognizing"]
    assert inserted and all(el.find(f".//{{{W}}}rPr/{{{W}}}i") is not None for el in inserted)  # italic lead
    assert read_docx(data, "d").text == expected  # read with the changes accepted: the fixed text
    accepted = draft.parent / "accepted.docx"
    accepted.write_bytes(accept_all(data))
    assert read_docx(accepted.read_bytes(), "d").text == expected
    assert not [f for f in json_findings(accepted) if f["fix"] and f["fix"]["safe"]]
    again = run("check", "--fix", "--no-cache", "draft.docx", cwd=draft.parent)
    assert "Fixed 0 problems." in again.stdout + again.stderr and draft.read_bytes() == data


def test_diff_shows_the_fixes_and_writes_nothing(draft: Path) -> None:
    before = draft.read_bytes()
    done = run("check", "--diff", "draft.docx", cwd=draft.parent)
    assert done.returncode == 1
    assert "-*Recognising also* the important roles of the Conference of Parties" in done.stdout
    assert "+*Recognizing also* the important roles of the Conference of the Parties" in done.stdout
    assert "-*Noting* with concern the growing" in done.stdout and "+*Noting with concern* the growing" in done.stdout
    assert draft.read_bytes() == before


def test_fix_that_cannot_be_written_leaves_the_original(draft: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    before = draft.read_bytes()
    monkeypatch.chdir(draft.parent)

    def refuse(*_: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    assert main(["check", "--fix", "--no-cache", "--jobs", "1", "draft.docx"]) == 2
    assert "draft.docx: cannot write: Permission denied" in capsys.readouterr().err
    assert draft.read_bytes() == before
    assert [p.name for p in draft.parent.iterdir()] == ["draft.docx"]  # no temporary file left
    monkeypatch.undo()
    (draft.parent / "~$aft.docx").write_bytes(b"owner")  # Word has it open
    done = run("check", "--fix", "--no-cache", "draft.docx", cwd=draft.parent)
    assert done.returncode == 2 and "Word has the file open" in done.stderr
    assert draft.read_bytes() == before


def test_the_bundled_example_is_the_script_s_output_and_is_checked() -> None:
    root = SEED.parent.parent
    done = subprocess.run([sys.executable, "scripts/make_example_docx.py", "--check"], cwd=root,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout
    checked = run("check", "--format", "concise", "--no-cache", "examples/", cwd=root)
    assert checked.stdout.count("examples/draft-2022-child-protection.docx: ") == 55
    assert checked.stdout.count("examples/draft-2022-child-protection.txt:") == 55


def test_diff_base_on_a_word_draft_is_by_paragraph(draft: Path) -> None:
    """Only the paragraph edited since the commit is reported, and with --fix only it is fixed."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "D", "GIT_AUTHOR_EMAIL": "d@example.org",
           "GIT_COMMITTER_NAME": "D", "GIT_COMMITTER_EMAIL": "d@example.org"}
    for args in (["init", "-q"], ["add", "draft.docx"], ["commit", "-q", "-m", "draft"]):
        subprocess.run(["git", *args], cwd=draft.parent, env=env, check=True, capture_output=True)
    document = docx.Document(str(draft))
    edited = next(i for i, p in enumerate(document.paragraphs) if p.text.startswith("Recognising that Member"))
    run = document.paragraphs[edited].runs[-1]
    run.text = run.text.replace("take action", "take actions, recognising,")
    document.save(str(draft))
    done = run_cli("check", "--format", "json", "--no-cache", "--diff-base", "HEAD", "draft.docx", cwd=draft.parent)
    found = json.loads(done.stdout)
    assert found and {f["line"] for f in found} == {edited + 1}
    fixed = run_cli("check", "--fix", "--no-cache", "--diff-base", "HEAD", "draft.docx", cwd=draft.parent)
    assert fixed.returncode == 0 and "All checks passed" in fixed.stdout  # what remains there: nothing
    before = [p.text for p in docx.Document(io.BytesIO(accept_all(seed_docx(EVERYTHING)))).paragraphs]
    after = [p.text for p in docx.Document(io.BytesIO(accept_all(draft.read_bytes()))).paragraphs]
    assert [i for i, (a, b) in enumerate(zip(before, after)) if a != b] == [edited]
    assert "recognizing" in after[edited] and "Recognizing" in after[edited]
