"""termlint as a pre-commit hook, run by the real pre-commit (a test dependency), in real git repositories.

pre-commit installs the hook's environment from this checkout with pip (the package's build
backend and dependencies come from PyPI), exactly as it would from the published repository.

The hook repository is a committed snapshot of this checkout's working tree (tracked and
untracked files, minus what .gitignore ignores): `pre-commit try-repo` on the checkout itself
would leave out files not yet added to git, and fail in an sdist, which has no .git at all.
PRE_COMMIT_HOME is one temporary directory per test session: runs start clean, and the
environment `pre-commit install` builds once is reused by the later tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED

PRE_COMMIT = Path(sys.executable).with_name("pre-commit")
TIMEOUT = 900  # building the hook's environment on a new machine downloads its dependencies
GIT_ID = {"GIT_AUTHOR_NAME": "Drafter", "GIT_AUTHOR_EMAIL": "drafter@example.org",
          "GIT_COMMITTER_NAME": "Drafter", "GIT_COMMITTER_EMAIL": "drafter@example.org"}
CLEAN = ("*The General Assembly*,\n\n*Recalling* the Convention on the Rights of the Child,\n\n"
         "1. *Requests* the Secretary-General to report to it at its seventy-ninth session.\n")

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _pre_commit() -> list[str]:
    if PRE_COMMIT.exists():
        return [str(PRE_COMMIT)]
    return [sys.executable, "-m", "pre_commit"]


def _run(args: list[str], cwd: Path, env: dict[str, str], check: bool = False) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    if check and result.returncode != 0:
        raise AssertionError(f"{args} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("pre-commit-home")
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    environ.update(GIT_ID, PRE_COMMIT_HOME=str(home), GIT_CONFIG_NOSYSTEM="1",
                   GIT_CONFIG_GLOBAL=str(home / "gitconfig"))
    environ.pop("GITHUB_ACTIONS", None)  # the hook's output format must not depend on where the tests run
    # pre-commit's own virtualenv must find `git` and a Python; nothing else from the user's PATH matters
    return environ


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> Path:
    """A git repository holding this checkout's working tree in one commit."""
    snapshot = tmp_path_factory.mktemp("termlint-hook-repo")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, timeout=60)
    if listed.returncode == 0:
        files = [f for f in listed.stdout.decode("utf-8").split("\0") if f and (ROOT / f).is_file()]
    else:  # not a git checkout (an unpacked sdist): take the sources
        files = [p.relative_to(ROOT).as_posix() for p in ROOT.rglob("*")
                 if p.is_file() and not {".venv", ".git", "__pycache__", ".pytest_cache"} & set(p.parts)]
    for name in files:
        target = snapshot / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    _run(["git", "init", "-q"], snapshot, env, check=True)
    _run(["git", "add", "-A"], snapshot, env, check=True)
    _run(["git", "commit", "-q", "-m", "snapshot of the termlint checkout"], snapshot, env, check=True)
    return snapshot


def _drafts(tmp_path: Path, env: dict[str, str]) -> Path:
    """A drafts repository whose own configuration selects the punctuation rules, so that these
    tests keep testing the hook (not the rule set) as rules are added."""
    repo = tmp_path / "drafts"
    repo.mkdir()
    _run(["git", "init", "-q"], repo, env, check=True)
    # PU001 only: the seed's other slips (its mixed quotation marks, PU007, and the ST rules) would
    # keep the corrected draft out; these tests are about the hooks, with one known defect.
    (repo / "termlint.toml").write_text('select = ["PU001"]\n', encoding="utf-8")
    return repo


def test_hooks_file_declares_both_hooks_for_markdown_and_plain_text():
    import yaml  # pre-commit depends on PyYAML

    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert set(hooks) == {"termlint", "termlint-fix", "termlint-docx", "termlint-docx-fix"}
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["entry"].startswith("termlint check")
    for name in ("termlint", "termlint-fix"):
        assert hooks[name]["types_or"] == ["markdown", "plain-text"]
    for name in ("termlint-docx", "termlint-docx-fix"):  # issue 15: Word drafts, chosen by name
        assert hooks[name]["files"] == "(?i)\\.docx$"
    for fix, check in (("termlint-fix", "termlint"), ("termlint-docx-fix", "termlint-docx")):
        assert "--fix" in hooks[fix]["entry"] and "--fix" not in hooks[check]["entry"]


def test_identify_tags_drafts_as_the_hooks_expect():
    from identify import identify

    assert "markdown" in identify.tags_from_filename("draft.md")
    assert "plain-text" in identify.tags_from_filename("draft.txt")
    assert not {"markdown", "plain-text"} & identify.tags_from_filename("tool.py")


def test_try_repo_fails_on_a_defect_and_passes_a_clean_draft(tmp_path: Path, hook_repo: Path, env: dict[str, str]):
    repo = _drafts(tmp_path, env)
    shutil.copy(SEED, repo / "draft.txt")
    (repo / "clean.md").write_text(CLEAN, encoding="utf-8")
    (repo / "script.py").write_text("x = 1 ,  2\n", encoding="utf-8")  # not a draft: the hook skips it
    _run(["git", "add", "-A"], repo, env, check=True)

    bad = _run([*_pre_commit(), "try-repo", str(hook_repo), "termlint", "--files", "draft.txt", "script.py"], repo, env)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "draft.txt:136:177: PU001" in bad.stdout
    assert "script.py" not in bad.stdout.split("Using config:")[-1].split("=" * 79)[-1]

    good = _run([*_pre_commit(), "try-repo", str(hook_repo), "termlint", "--files", "clean.md"], repo, env)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout


def _install(repo: Path, hook_repo: Path, env: dict[str, str], hook: str) -> None:
    sha = _run(["git", "rev-parse", "HEAD"], hook_repo, env, check=True).stdout.strip()
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo.as_posix()}\n    rev: {sha}\n    hooks:\n      - id: {hook}\n", encoding="utf-8")
    _run([*_pre_commit(), "install"], repo, env, check=True)


def _commits(repo: Path, env: dict[str, str]) -> int:
    out = _run(["git", "rev-list", "--count", "--all"], repo, env)
    return int(out.stdout.strip() or 0) if out.returncode == 0 else 0


def _staged_seed(tmp_path: Path, hook_repo: Path, env: dict[str, str], hook: str) -> tuple[Path, Path]:
    """A drafts repository with `hook` installed and the seed draft staged: (repository, draft)."""
    repo = _drafts(tmp_path, env)
    _install(repo, hook_repo, env, hook)
    draft = repo / "draft.txt"
    shutil.copy(SEED, draft)
    _run(["git", "add", "draft.txt", "termlint.toml", ".pre-commit-config.yaml"], repo, env, check=True)
    return repo, draft


def test_a_defect_blocks_the_commit_and_the_corrected_draft_goes_in(tmp_path: Path, hook_repo: Path,
                                                                    env: dict[str, str]):
    repo, draft = _staged_seed(tmp_path, hook_repo, env, "termlint")

    blocked = _run(["git", "commit", "-m", "first draft"], repo, env)
    assert blocked.returncode != 0
    assert "PU001" in blocked.stdout + blocked.stderr
    assert _commits(repo, env) == 0

    draft.write_bytes(SEED.read_bytes().replace(b"exploitation, , in order", b"exploitation, in order"))
    _run(["git", "add", "draft.txt"], repo, env, check=True)
    accepted = _run(["git", "commit", "-m", "first draft"], repo, env)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert _commits(repo, env) == 1


def test_the_fix_hook_repairs_the_draft_and_stops_the_commit_for_review(tmp_path: Path, hook_repo: Path,
                                                                       env: dict[str, str]):
    repo, draft = _staged_seed(tmp_path, hook_repo, env, "termlint-fix")

    first = _run(["git", "commit", "-m", "draft"], repo, env)
    assert first.returncode != 0  # pre-commit fails a hook that changed files, so the fix can be reviewed
    assert "files were modified by this hook" in first.stdout + first.stderr
    assert b"exploitation, , in order" not in draft.read_bytes()
    assert draft.read_bytes() == SEED.read_bytes().replace(b"exploitation, , in order", b"exploitation, in order")

    _run(["git", "add", "draft.txt"], repo, env, check=True)
    second = _run(["git", "commit", "-m", "draft"], repo, env)
    assert second.returncode == 0, second.stdout + second.stderr


def test_a_commit_of_excluded_drafts_only_passes_the_hook(tmp_path: Path, hook_repo: Path, env: dict[str, str]):
    # issue 19, item 7: "no files checked" is exit 2, except when --force-exclude (the hook's) drops
    # every file pre-commit names: the user excluded them, and the commit must go through
    repo = _drafts(tmp_path, env)
    (repo / "termlint.toml").write_text('select = ["PU001"]\nexclude = ["legacy/"]\n', encoding="utf-8")
    (repo / "legacy").mkdir()
    shutil.copy(SEED, repo / "legacy" / "old.txt")  # the seed's PU001 would fail the hook if checked
    _run(["git", "add", "-A"], repo, env, check=True)
    result = _run([*_pre_commit(), "try-repo", str(hook_repo), "termlint", "--files", "legacy/old.txt"], repo, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout
    shutil.copy(SEED, repo / "new.txt")
    _run(["git", "add", "-A"], repo, env, check=True)
    both = _run([*_pre_commit(), "try-repo", str(hook_repo), "termlint", "--files", "legacy/old.txt", "new.txt"],
                repo, env)
    assert both.returncode == 1 and "new.txt:136:177: PU001" in both.stdout and "legacy/old.txt" not in both.stdout


def test_the_word_fix_hook_writes_tracked_changes_and_stops_the_commit(tmp_path: Path, hook_repo: Path,
                                                                      env: dict[str, str]):
    """Issue 15: the fix hook on a Word draft writes the fix as a tracked change for review."""
    from docx_fixtures import count, seed_docx

    repo = _drafts(tmp_path, env)
    _install(repo, hook_repo, env, "termlint-docx-fix")
    draft = repo / "draft.docx"
    draft.write_bytes(seed_docx())
    (repo / "notes.md").write_text("a , , note\n", encoding="utf-8")  # not a Word file: this hook skips it
    _run(["git", "add", "-A"], repo, env, check=True)
    first = _run(["git", "commit", "-m", "draft"], repo, env)
    assert first.returncode != 0 and "files were modified by this hook" in first.stdout + first.stderr
    assert count(draft.read_bytes(), "word/document.xml", "del", "termlint") == 1  # “, ,” -> “,”
    assert (repo / "notes.md").read_text(encoding="utf-8") == "a , , note\n"
    _run(["git", "add", "draft.docx"], repo, env, check=True)
    second = _run(["git", "commit", "-m", "draft"], repo, env)
    assert second.returncode == 0, second.stdout + second.stderr
