"""Issue 19 item 6: `--stdin-filename NAME` without `-` reads standard input, as ruff does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

SLIP = "1. *Encourages* Member States to share best practices;;\n"


def run(*args: str, cwd: Path, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "termlint", "check", "--no-cache", "--format", "concise", *args],
                          capture_output=True, text=True, cwd=cwd, input=stdin, timeout=120,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def test_stdin_filename_alone_reads_standard_input_not_the_folder(tmp_path: Path):
    (tmp_path / "on-disk.md").write_text("1. *Urges* States to act , now.\n", encoding="utf-8")
    out = run("--select", "PU", "--stdin-filename", "drafts/x.md", cwd=tmp_path, stdin=SLIP)
    assert out.stdout.splitlines() == ["drafts/x.md:1:54: warning: PU001 doubled punctuation “;;”: keep one mark"]
    assert out.returncode == 1


def test_stdin_filename_with_other_paths_reads_stdin_and_says_the_paths_are_ignored(tmp_path: Path):
    (tmp_path / "on-disk.md").write_text("1. *Urges* States to act , now.\n", encoding="utf-8")
    out = run("--select", "PU", "--stdin-filename", "x.md", "on-disk.md", cwd=tmp_path, stdin=SLIP)
    assert out.stdout.splitlines() == ["x.md:1:54: warning: PU001 doubled punctuation “;;”: keep one mark"]
    assert "ignoring on-disk.md in favour of standard input" in out.stderr
