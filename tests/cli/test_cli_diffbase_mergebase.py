"""Issue 19 item 4: --diff-base compares with the merge base, asks git once per repository, and a
shallow clone without the base fails with one message that says how to fetch it."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

SLIP = "1. *Encourages* Member States to share best practices;;\n"
CLEAN = "1. *Encourages* Member States to share best practices;\n"
ENV = {"GIT_AUTHOR_NAME": "Drafter", "GIT_AUTHOR_EMAIL": "d@example.org", "GIT_COMMITTER_NAME": "Drafter",
       "GIT_COMMITTER_EMAIL": "d@example.org", "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, env={**os.environ, **ENV}, capture_output=True, text=True,
                          check=True).stdout


def termlint(repo: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "termlint", "check", "--no-cache", "--format", "concise", *args],
                          cwd=repo, capture_output=True, text=True, timeout=120,
                          env={**os.environ, **ENV, "PYTHONPATH": str(ROOT), **(env or {})})


@pytest.fixture
def moved_on(tmp_path: Path) -> Path:
    """A branch `edit` that changed draft.md, made from a `main` that later fixed other.md."""
    repo = tmp_path / "drafts"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    (repo / "termlint.toml").write_text('select = ["PU"]\n', encoding="utf-8")
    (repo / "draft.md").write_text(CLEAN, encoding="utf-8")
    (repo / "other.md").write_text(SLIP, encoding="utf-8")
    (repo / "third.md").write_text(CLEAN, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "checkout", "-q", "-b", "edit")
    (repo / "draft.md").write_text(CLEAN + "\n2. *Requests* a report , soon.\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "edit the draft")
    git(repo, "checkout", "-q", "main")
    (repo / "other.md").write_text(CLEAN, encoding="utf-8")  # main moves on: fixes other.md
    git(repo, "commit", "-q", "-am", "main fixes other.md")
    git(repo, "checkout", "-q", "edit")
    return repo


def test_files_the_branch_never_touched_report_nothing(moved_on: Path):
    out = termlint(moved_on, "--diff-base", "main", ".")
    assert out.stdout.splitlines() == ["draft.md:3:23: warning: PU002 space before “,”: remove it"], out.stderr
    assert out.returncode == 1


def test_git_diff_runs_once_per_repository_not_per_file(moved_on: Path, tmp_path: Path):
    log = tmp_path / "git.log"
    shim = tmp_path / "bin"
    shim.mkdir()
    real = shutil.which("git")
    (shim / "git").write_text(f'#!/bin/sh\necho "$@" >> "{log}"\nexec "{real}" "$@"\n', encoding="utf-8")
    (shim / "git").chmod(stat.S_IRWXU)
    out = termlint(moved_on, "--diff-base", "main", "-j", "1", "draft.md", "other.md", "third.md",
                   env={"PATH": f"{shim}{os.pathsep}{os.environ['PATH']}"})
    assert out.returncode == 1, out.stderr
    calls = log.read_text(encoding="utf-8").splitlines()
    assert sum(" diff " in f" {c} " for c in calls) == 1, calls
    assert len(calls) <= 5, calls  # a fixed handful per repository, whatever the number of files


def test_a_shallow_clone_without_the_base_fails_once_saying_how_to_fetch(moved_on: Path, tmp_path: Path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", "--no-single-branch", "-b", "edit",
                    f"file://{moved_on}", str(clone)], check=True, capture_output=True, env={**os.environ, **ENV})
    out = termlint(clone, "--diff-base", "origin/main", ".")
    assert out.returncode == 2
    assert "passed" not in out.stdout
    problems = [line for line in out.stderr.splitlines() if "shallow" in line]
    assert len(problems) == 1, out.stderr
    assert "git fetch --unshallow" in problems[0] and "fetch-depth: 0" in problems[0]
