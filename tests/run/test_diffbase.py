"""`--diff-base REV`: only findings on lines changed since a git revision, in real git repositories."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from termlint.cli.main import main
from termlint.engine.linegate import LineGate

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

OLD = ("*Recalling* its resolution 74/174 of 18 December 2019;;\n\n"
       "1. *Encourages* Member States to share best practices;\n\n"
       "2. *Requests* the Secretary-General to report to it at its seventy-eighth session.\n")
GIT_ENV = {"GIT_AUTHOR_NAME": "Drafter", "GIT_AUTHOR_EMAIL": "d@example.org", "GIT_COMMITTER_NAME": "Drafter",
           "GIT_COMMITTER_EMAIL": "d@example.org", "GIT_CONFIG_NOSYSTEM": "1"}


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV, "GIT_CONFIG_GLOBAL": os.devnull}
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q")
    (tmp_path / "termlint.toml").write_text('select = ["PU"]\n', encoding="utf-8")
    (tmp_path / "draft.md").write_text(OLD, encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "first draft")
    return tmp_path


def check(capsys, *args: str) -> tuple[int, list[str], str]:
    code = main(["check", "--no-cache", "--format", "concise", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_only_findings_on_changed_lines_are_reported(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo)
    draft = repo / "draft.md"
    draft.write_text(OLD.replace("share best practices;", "share best practices , and experience;"), encoding="utf-8")
    code, lines, _ = check(capsys, "draft.md")
    assert [line.split(": ")[2][:5] for line in lines] == ["PU001", "PU002"]  # the old slip and the new one
    code, lines, _ = check(capsys, "--diff-base", "HEAD", "draft.md")
    assert lines == ["draft.md:3:54: warning: PU002 space before “,”: remove it"]
    assert code == 1


def test_lines_moved_by_an_insertion_above_are_not_changed(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo)
    (repo / "draft.md").write_text("*The General Assembly*,\n\n" + OLD, encoding="utf-8")
    code, lines, _ = check(capsys, "--diff-base", "HEAD", "draft.md")
    assert (code, lines) == (0, [])


def test_an_untracked_file_counts_as_changed_throughout(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo)
    (repo / "new.md").write_text(OLD, encoding="utf-8")
    code, lines, _ = check(capsys, "--diff-base", "HEAD", "new.md", "draft.md")
    assert lines == ["new.md:1:54: warning: PU001 doubled punctuation “;;”: keep one mark"]


def test_a_file_added_after_the_base_counts_as_changed(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo)
    base = git(repo, "rev-parse", "HEAD").strip()
    sub = repo / "annex"
    sub.mkdir()
    (sub / "later.md").write_text(OLD, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "annex")
    code, lines, _ = check(capsys, "--diff-base", base, "annex/later.md")
    assert lines == ["annex/later.md:1:54: warning: PU001 doubled punctuation “;;”: keep one mark"]


def test_outside_a_repository_and_unknown_revisions_are_errors(repo, tmp_path_factory, capsys, monkeypatch):
    monkeypatch.chdir(repo)
    code, lines, err = check(capsys, "--diff-base", "no-such-branch", "draft.md")
    assert code == 2 and lines == []
    assert "unknown revision 'no-such-branch'" in err
    code, _, err = check(capsys, "--diff-base=--output=x", "draft.md")
    assert code == 2 and "is not a revision" in err
    outside = tmp_path_factory.mktemp("not-a-repo")
    (outside / "draft.md").write_text(OLD, encoding="utf-8")
    code, lines, err = check(capsys, "--diff-base", "HEAD", str(outside / "draft.md"))
    assert code == 2 and lines == []
    assert "is not in a git repository" in err


def test_fix_with_diff_base_fixes_only_changed_lines(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo)
    draft = repo / "draft.md"
    draft.write_text(OLD.replace("share best practices;", "share  best practices , and experience;;"),
                     encoding="utf-8")
    code, lines, _ = check(capsys, "--fix", "--diff-base", "HEAD", "draft.md")
    text = draft.read_text(encoding="utf-8")
    assert "December 2019;;" in text, "the slip on an unchanged line is left for its own review"
    assert "share best practices, and experience;" in text
    assert code == 0


def test_the_gate_follows_lines_that_a_fix_joins_or_moves():
    original = "a\nb\nc\nd\n"
    gate = LineGate(frozenset({2}))
    assert gate.follow(original, "a\nb c\nd\n").changed == frozenset({2})  # b and c joined: the fix made line 2
    assert gate.follow(original, "x\na\nb\nc\nd\n").changed == frozenset({1, 3})  # an inserted line and b
    assert LineGate(None).follow(original, "z\n").changed is None
