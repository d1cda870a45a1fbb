"""Issue 19 item 11, the smaller edges: a closed pipe, a mistyped `check` option."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_a_pipe_closed_by_the_reader_exits_0_quietly():
    for args in (["rules"], ["rules", "--format", "json"], ["explain", "PU"]):
        proc = subprocess.Popen([sys.executable, "-m", "termlint", *args], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, cwd=ROOT)
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # `| head` that has read enough: every write now meets a closed pipe
        err = proc.stderr.read().decode("utf-8")
        assert proc.wait(timeout=120) == 0, (args, err)
        assert err == "", err


def test_a_mistyped_check_option_prints_checks_usage():
    for args in (["check", "--selct", "PU", "examples"], ["--selct", "PU", "examples"]):
        out = subprocess.run([sys.executable, "-m", "termlint", *args], capture_output=True, text=True, cwd=ROOT,
                             timeout=120)
        assert out.returncode == 2
        assert out.stderr.startswith("usage: termlint check "), out.stderr
        assert "unrecognized arguments: --selct" in out.stderr


def test_unknown_well_formed_codes_in_directives_are_reported(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("<!-- termlint: disable-next-line=PU999 -->\n"
                     "1. *Urges* States to act;;\n\n"
                     "<!-- termlint: disable=ZZ001 -->\n"
                     "2. *Decides* to remain seized of the matter.\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "termlint", "check", "--no-cache", "--format", "concise", "--select",
                          "PU", "--report-unused-directives", str(draft)], capture_output=True, text=True, cwd=ROOT,
                         timeout=120)
    tl = [line.split(": ", 2)[2] for line in out.stdout.splitlines() if "TL001" in line]
    assert tl == ["TL001 `disable-next-line=PU999` names PU999, which no rule has (see `termlint rules`)",
                  "TL001 `disable=ZZ001` names ZZ001, which no rule has (see `termlint rules`)"]
    assert f"{draft}:2:25: warning: PU001" in out.stdout  # PU999 suppressed nothing


def _concise(path, *args: str) -> list[str]:
    out = subprocess.run([sys.executable, "-m", "termlint", "check", "--no-cache", "--format", "concise", *args,
                          str(path)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    return [line.split(": ", 2)[2].split()[0] for line in out.stdout.splitlines()]


def test_the_unodc_name_with_un_is_reported_once_not_by_ac004_and_hs303(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("1. *Requests* the UN Office on Drugs and Crime to assist States;\n\n"
                     "2. *Encourages* cooperation with the UN system;\n", encoding="utf-8")
    assert _concise(draft, "--select", "AC004,HS303") == ["HS303", "AC004"]  # line 1 once; line 2's UN stays
    assert _concise(draft, "--select", "AC004,HS303", "--ignore", "HS303") == ["AC004", "AC004"]
    subprocess.run([sys.executable, "-m", "termlint", "check", "--no-cache", "--fix", "--select", "AC004,HS303",
                    str(draft)], capture_output=True, cwd=ROOT, timeout=120)
    assert draft.read_text(encoding="utf-8").startswith(
        "1. *Requests* the United Nations Office on Drugs and Crime to assist States;\n")


def test_a_malformed_word_document_is_refused_in_one_line(tmp_path):
    # Word drafts are read since issue 15; one whose parts python-docx cannot read is named, no traceback
    import zipfile

    docx = tmp_path / "draft.docx"
    with zipfile.ZipFile(docx, "w") as archive:  # a .docx is a zip of XML parts
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document><w:body>The General Assembly,</w:body></w:document>")
    out = subprocess.run([sys.executable, "-m", "termlint", "check", "--no-cache", str(docx)], capture_output=True,
                         text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 2
    assert f"{docx}: corrupt or unsupported .docx" in out.stderr and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
