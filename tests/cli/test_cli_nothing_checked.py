"""Issue 19 item 7: a run that checked nothing must not pass, nor say "passed" beside a failure."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SEED


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "termlint", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=120)


def test_an_empty_folder_is_no_files_checked_and_exit_2(tmp_path: Path):
    out = run("check", "--no-cache", str(tmp_path))
    assert out.returncode == 2
    assert "passed" not in out.stdout
    assert "no files checked" in out.stderr


def test_a_folder_of_unsupported_files_is_no_files_checked(tmp_path: Path):
    (tmp_path / "draft.pdf").write_bytes(b"%PDF-1.4 not a draft")
    (tmp_path / "notes.doc").write_bytes(b"\xd0\xcf\x11\xe0 an old Word file")  # .docx is read since issue 15
    out = run("check", "--no-cache", "--format", "json", str(tmp_path))
    assert out.returncode == 2
    assert out.stdout.strip() == "[]"
    assert "no files checked" in out.stderr and str(tmp_path) in out.stderr


def test_passed_is_never_printed_beside_could_not_be_checked(tmp_path: Path):
    clean = tmp_path / "clean.md"
    clean.write_text("The General Assembly,\n\n1. *Decides* to remain seized of the matter.\n", encoding="utf-8")
    out = run("check", "--no-cache", str(clean), str(tmp_path / "missing.md"))
    assert out.returncode == 2
    summary = out.stdout.strip().splitlines()[-1]
    assert "passed" not in summary
    assert summary == "No problems found in 1 file. 1 file could not be checked."


def test_force_exclude_of_every_named_file_checks_nothing_and_is_not_an_error(tmp_path: Path):
    # pre-commit names staged files; when the user's exclude list drops them all, the hook passes
    (tmp_path / "termlint.toml").write_text('exclude = ["legacy/**"]\n', encoding="utf-8")
    (tmp_path / "legacy").mkdir()
    old = tmp_path / "legacy" / "old.md"
    old.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    out = run("check", "--no-cache", "--force-exclude", "legacy/old.md", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "passed" not in out.stdout


def test_a_run_with_files_still_passes(tmp_path: Path):
    clean = tmp_path / "clean.md"
    clean.write_text("The General Assembly,\n\n1. *Decides* to remain seized of the matter.\n", encoding="utf-8")
    out = run("check", "--no-cache", str(clean))
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.strip() == "All checks passed (1 file)."
