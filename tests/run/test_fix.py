"""`check --fix`, `--unsafe-fixes` and `--diff` on real files: what is fixed, what is kept byte for
byte (encoding, BOM, line breaks, permissions), and that a failed write loses nothing."""

from __future__ import annotations

import codecs
import difflib
import json
import os
import stat
from pathlib import Path

import pytest

from termlint.run import write
from termlint.cli.main import main
from termlint.text.document import Document
from termlint.engine.fix import encode_fixed

from conftest import SEED

HOUSE_PACK = """[pack]
name = "house"
source = "the tests' own house style"

[[rules]]
code = "HX901"
name = "whilst"
kind = "pattern"
category = "terminology"
severity = "warning"
summary = "whilst: use while"
message = "use “while”"
pattern = '\\bwhilst\\b'
replace = 'while'
fix_safe = false
examples = [{ bad = "whilst noting", fixed = "while noting" }, { good = "while noting" }]
"""
SLIPS = "*Recalling* its resolution 74/174;;\n\n1. *Notes* whilst noting the the report , in particular;\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", "--no-cache", *args])
    out, err = capsys.readouterr()
    return code, out, err


def findings(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> list[dict]:
    return json.loads(run(capsys, "--format", "json", *args, str(path))[1])


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    target = tmp_path / "draft-2022-child-protection.txt"
    target.write_bytes(SEED.read_bytes())
    return target


def _safe_fix_lines(found: list[dict]) -> set[int]:
    return {line for f in found if f["fix"] and f["fix"]["safe"]
            for e in f["fix"]["edits"] for line in range(e["line"], e["end_line"] + 1)}


def test_fix_on_the_seed_removes_every_safe_fix_and_moves_nothing_else(capsys, seed_copy):
    before = seed_copy.read_bytes()
    found = findings(capsys, seed_copy)
    fix_lines = _safe_fix_lines(found)
    assert fix_lines, "the seed has a safely fixable slip (line 136: “, ,”)"

    code, out, _ = run(capsys, "--fix", str(seed_copy))
    assert "Fixed " in out and "Fixed 0 problems" not in out
    after = seed_copy.read_bytes()
    remaining = findings(capsys, seed_copy)
    assert not [f for f in remaining if f["fix"] and f["fix"]["safe"]]
    assert code == (1 if [f for f in remaining if f["severity"] != "info"] else 0)

    # byte comparison: every line that changed carried a safe fix; all others are the same bytes in order
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    for tag, i1, i2, _j1, _j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag != "equal":
            assert set(range(i1 + 1, i2 + 1)) <= fix_lines, (tag, i1, i2)
    assert b"exploitation, in order to protect children" in after

    code, out, _ = run(capsys, "--fix", str(seed_copy))
    assert "Fixed 0 problems." in out
    assert seed_copy.read_bytes() == after, "fixing twice changes nothing the second time"


def test_diff_prints_the_fix_and_writes_nothing(capsys, seed_copy):
    before = seed_copy.read_bytes()
    code, out, err = run(capsys, "--diff", "--select", "PU001", str(seed_copy))
    assert code == 1
    assert seed_copy.read_bytes() == before
    assert out.startswith(f"--- {seed_copy}\n+++ {seed_copy}\n@@ ")
    assert "\n-20. *Encourages*" in out and "\n+20. *Encourages*" in out
    assert "exploitation, , in order" in out.split("\n+20.")[0]
    assert "Would fix 1 problem." in err

    seed_copy.write_bytes(before.replace(b", , in order", b", in order"))
    code, out, _ = run(capsys, "--diff", "--select", "PU001", str(seed_copy))
    assert (code, out) == (0, "")


def test_unsafe_fixes_need_their_own_flag(capsys, tmp_path):
    (tmp_path / "house.toml").write_text(HOUSE_PACK, encoding="utf-8")
    (tmp_path / "termlint.toml").write_text('packs = ["house.toml"]\nselect = ["PU", "HX"]\n', encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text(SLIPS, encoding="utf-8")

    code, out, _ = run(capsys, str(draft))
    assert "1 more with `--unsafe-fixes`" in out and "HX901 warning: use “while”\n" in out  # no [*]

    code, out, _ = run(capsys, "--fix", str(draft))
    assert draft.read_text(encoding="utf-8") == (
        "*Recalling* its resolution 74/174;\n\n1. *Notes* whilst noting the report, in particular;\n")
    assert "Fixed 3 problems." in out and "HX901" in out and code == 1

    code, out, _ = run(capsys, "--fix", "--unsafe-fixes", str(draft))
    assert "while noting the report" in draft.read_text(encoding="utf-8")
    assert "Fixed 1 problem." in out and "All checks passed" in out and code == 0


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
])
@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"])
def test_fix_keeps_encoding_bom_and_line_breaks(capsys, tmp_path, encoding, bom, newline):
    draft = tmp_path / "draft.txt"
    draft.write_bytes(bom + SLIPS.replace("\n", newline).encode(encoding))
    run(capsys, "--fix", "--select", "PU", str(draft))
    expected = "*Recalling* its resolution 74/174;\n\n1. *Notes* whilst noting the report, in particular;\n"
    assert draft.read_bytes() == bom + expected.replace("\n", newline).encode(encoding)


def test_a_fix_that_joins_lines_keeps_each_other_line_break():
    # mixed CRLF and LF: a fix that removes a line break leaves the other lines' breaks alone
    raw = b"Recalling its resolution\r\nthe the\nreport;\r\nNotes\r\n"
    document = Document.from_bytes(raw, "mixed.txt")
    fixed = document.text.replace("resolution\nthe the", "resolution the")
    assert encode_fixed(document, fixed) == b"Recalling its resolution the\nreport;\r\nNotes\r\n"
    inserted = document.text.replace("report;\n", "report;\nnew line\n")  # new lines take the dominant break
    assert encode_fixed(document, inserted) == b"Recalling its resolution\r\nthe the\nreport;\r\nnew line\r\nNotes\r\n"


def test_fix_keeps_permissions_and_writes_through_a_symbolic_link(capsys, tmp_path):
    real = tmp_path / "real.md"
    real.write_text(SLIPS, encoding="utf-8")
    os.chmod(real, 0o640)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    run(capsys, "--fix", "--select", "PU001", str(link))
    assert link.is_symlink()
    assert ";;" not in real.read_text(encoding="utf-8")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


@pytest.mark.parametrize("failing", ["replace", "fsync", "chmod"])
def test_a_failed_write_leaves_the_original_byte_for_byte(capsys, tmp_path, monkeypatch, failing):
    draft = tmp_path / "draft.md"
    draft.write_text(SLIPS, encoding="utf-8")
    before = draft.read_bytes()

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(write.os, failing, broken)
    code, _, err = run(capsys, "--fix", "--select", "PU", str(draft))
    monkeypatch.undo()
    assert code == 2
    assert "No space left on device" in err
    assert draft.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.md"], "no temporary file is left behind"


def test_a_file_changed_while_fixing_is_not_overwritten(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_bytes(b"edited by the user meanwhile\n")
    with pytest.raises(write.WriteError, match="changed while"):
        write.atomic_write(draft, b"the fixed text\n", expected=b"what termlint read\n")
    assert draft.read_bytes() == b"edited by the user meanwhile\n"


def test_fix_reads_standard_input_and_writes_the_fixed_text(capsys, tmp_path, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\xef\xbb\xbf" + SLIPS.encode("utf-8"))))
    stdout = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(stdout, encoding="utf-8"))
    code = main(["check", "--fix", "--select", "PU", "--stdin-filename", str(tmp_path / "draft.md"), "-"])
    sys.stdout.flush()
    assert stdout.getvalue() == b"\xef\xbb\xbf" + SLIPS.replace(";;", ";").replace("the the", "the").replace(
        " ,", ",").encode("utf-8")
    err = capsys.readouterr().err
    assert "Fixed 3 problems." in err
    assert code == 0
