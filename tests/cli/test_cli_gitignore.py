"""Issue 19 item 11: .gitignore is respected in a folder walk; `exclude` and `per-file-ignores`
are gitignore patterns (pathspec), where `*` no longer crosses `/`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

SLIP = "1. *Urges* States to act;;\n"


def check(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "termlint", "check", "--no-cache", "--format", "concise",
                           "--select", "PU", *args], capture_output=True, text=True, cwd=cwd, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def files_reported(out: subprocess.CompletedProcess[str]) -> list[str]:
    return sorted({line.split(":")[0] for line in out.stdout.splitlines()})


def write(root: Path, *names: str) -> None:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(SLIP, encoding="utf-8")


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_gitignored_files_and_folders_are_not_walked(tmp_path: Path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / ".gitignore").write_text("build/\n*.bak.md\n!keep.bak.md\n", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / ".gitignore").write_text("private.md\n", encoding="utf-8")
    write(tmp_path, "build/out.md", "a.bak.md", "keep.bak.md", "drafts/ok.md", "drafts/private.md",
          "drafts/sub/private.md", "drafts/sub/fine.md")
    # what git itself ignores, checked against the walk
    ignored = subprocess.run(["git", "status", "--porcelain", "--ignored", "-uall"], cwd=tmp_path, capture_output=True,
                             text=True, check=True).stdout
    assert "!! build/" in ignored and "!! drafts/sub/private.md" in ignored
    assert files_reported(check(tmp_path, ".")) == ["drafts/ok.md", "drafts/sub/fine.md", "keep.bak.md"]
    # from inside the repository, the top's .gitignore still governs
    assert files_reported(check(tmp_path / "drafts", ".")) == ["ok.md", "sub/fine.md"]
    (tmp_path / "termlint.toml").write_text("respect-gitignore = false\n", encoding="utf-8")
    assert len(files_reported(check(tmp_path, "."))) == 7


def test_exclude_is_a_gitignore_pattern(tmp_path: Path):
    (tmp_path / "termlint.toml").write_text('exclude = ["legacy/", "drafts/*.md"]\n', encoding="utf-8")
    write(tmp_path, "legacy/old.md", "legacy/deep/older.md", "drafts/top.md", "drafts/annex/a.md", "x/legacy/y.md")
    # fnmatch's `*` crossed `/` (drafts/annex/a.md was excluded) and `legacy/` matched nothing
    assert files_reported(check(tmp_path, ".")) == ["drafts/annex/a.md"]


def test_per_file_ignores_are_gitignore_patterns(tmp_path: Path):
    (tmp_path / "termlint.toml").write_text('[per-file-ignores]\n"archive/*.md" = ["PU001"]\n', encoding="utf-8")
    write(tmp_path, "archive/a.md", "archive/2019/b.md")
    assert files_reported(check(tmp_path, ".")) == ["archive/2019/b.md"]


def test_a_malformed_pattern_is_a_configuration_error_naming_the_key(tmp_path: Path):
    (tmp_path / "termlint.toml").write_text('exclude = ["[z-a].md"]\n', encoding="utf-8")
    write(tmp_path, "a.md")
    out = check(tmp_path, "a.md")
    assert out.returncode == 2
    assert "termlint.toml:1: exclude: invalid pattern" in out.stderr, out.stderr
