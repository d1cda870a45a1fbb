"""Configuration found upward from each file; bad configuration is a clear exit-2 error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "termlint", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


DRAFT = "Member States , in accordance with domestic law, to protect the the rights\n"


def test_pyproject_table_is_found_upward(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.termlint]\nselect = ["PU"]\nignore = ["PU002"]\n')
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.md").write_text(DRAFT)
    out = run("check", "--format", "concise", "drafts", cwd=tmp_path)
    assert "PU003" in out.stdout and "PU002" not in out.stdout


def test_termlint_toml_wins_and_sets_severity_and_fail_on(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.termlint]\nselect = ["PU002"]\n')
    (tmp_path / "termlint.toml").write_text('select = ["PU"]\nseverity = { PU003 = "info" }\nfail-on = "error"\n')
    (tmp_path / "a.md").write_text(DRAFT)
    out = run("check", "a.md", cwd=tmp_path)
    assert "PU003 info" in out.stdout and "PU002 warning" in out.stdout
    assert out.returncode == 0  # nothing at error level


def test_per_file_ignores(tmp_path):
    (tmp_path / "termlint.toml").write_text('select = ["PU"]\nper-file-ignores = { "old/*.md" = ["PU003"] }\n')
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "a.md").write_text(DRAFT)
    (tmp_path / "b.md").write_text(DRAFT)
    out = run("check", "--format", "concise", ".", cwd=tmp_path)
    assert "old/a.md:1:14: warning: PU002" in out.stdout  # only PU003 is ignored there
    assert [line.split(":")[0] for line in out.stdout.splitlines() if "PU003" in line] == ["b.md"]


def test_user_pack_adds_a_rule(tmp_path):
    (tmp_path / "style").mkdir()
    (tmp_path / "style" / "ours.toml").write_text(
        '[pack]\nname = "ours"\n\n[[rules]]\ncode = "OH001"\nname = "double-space-after-stop"\nkind = "pattern"\n'
        'category = "punctuation"\nmessage = "two spaces after a full stop"\npattern = \'\\.  (?=\\p{Lu})\'\n'
        "replace = '. '\n")
    (tmp_path / "termlint.toml").write_text('packs = ["style/ours.toml"]\nselect = ["OH"]\n')
    (tmp_path / "a.md").write_text("It acts.  It decides.\n")
    out = run("check", "--format", "concise", "a.md", cwd=tmp_path)
    assert out.stdout == "a.md:1:8: warning: OH001 two spaces after a full stop\n"
    assert "OH001" in run("explain", "OH001", "--config", "termlint.toml", cwd=tmp_path).stdout


def test_invalid_toml_names_file_and_line(tmp_path):
    (tmp_path / "termlint.toml").write_text('select = ["PU"]\nignore = [\n')
    (tmp_path / "a.md").write_text(DRAFT)
    out = run("check", "a.md", cwd=tmp_path)
    assert out.returncode == 2
    assert f"termlint: error: {tmp_path / 'termlint.toml'}:3: invalid TOML" in out.stderr
    assert out.stderr.count("invalid TOML") == 1


def test_unknown_key_names_file_key_and_line(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.termlint]\nselect = ["PU"]\nslect = ["PU"]\n')
    (tmp_path / "a.md").write_text(DRAFT)
    out = run("check", "a.md", cwd=tmp_path)
    assert out.returncode == 2
    assert "pyproject.toml:6: tool.termlint.slect: unknown key" in out.stderr


def test_wrong_type_is_reported(tmp_path):
    (tmp_path / "termlint.toml").write_text('select = "PU"\n')
    (tmp_path / "a.md").write_text(DRAFT)
    out = run("check", "a.md", cwd=tmp_path)
    assert out.returncode == 2
    assert "termlint.toml:1: select: must be a list, not str" in out.stderr


def test_unknown_code_in_config_select(tmp_path):
    (tmp_path / "termlint.toml").write_text('select = ["QQ"]\n')
    (tmp_path / "a.md").write_text(DRAFT)
    out = run("check", "a.md", cwd=tmp_path)
    assert out.returncode == 2 and "unknown rule code or prefix 'QQ'" in out.stderr


def test_a_bad_config_in_one_folder_does_not_stop_the_others(tmp_path):
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "termlint.toml").write_text("select = [\n")
    (tmp_path / "bad" / "a.md").write_text(DRAFT)
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "b.md").write_text(DRAFT)
    out = run("check", "--format", "concise", "--select", "PU", ".", cwd=tmp_path)
    assert out.returncode == 2
    assert "bad/termlint.toml" in out.stderr
    assert "good/b.md:1:14: warning: PU002" in out.stdout


def test_repository_config_is_not_required():
    assert (ROOT / "pyproject.toml").exists()


def test_real_path_is_path_resolve_across_folders_links_and_working_directories(tmp_path, monkeypatch):
    from termlint.run.config import real_path

    (tmp_path / "a" / "drafts").mkdir(parents=True)
    (tmp_path / "b").mkdir()
    draft = tmp_path / "a" / "drafts" / "draft.md"
    draft.write_text("x", encoding="utf-8")
    (tmp_path / "b" / "linked.md").symlink_to(draft)  # a linked file: resolved to its target
    (tmp_path / "via").symlink_to(tmp_path / "a")  # a linked folder on the way
    for path in (draft, tmp_path / "b" / "linked.md", tmp_path / "via" / "drafts" / "draft.md",
                 tmp_path / "a" / "drafts" / ".." / "drafts" / "draft.md"):
        assert real_path(path) == path.resolve()
    # The same relative path names different files from different working directories.
    monkeypatch.chdir(tmp_path / "a")
    assert real_path(Path("drafts/draft.md")) == draft.resolve()
    monkeypatch.chdir(tmp_path / "b")
    assert real_path(Path("drafts/draft.md")) == (tmp_path / "b" / "drafts" / "draft.md").resolve()
