"""Issue 19 item 12: the command-line habits of ruff: --quiet, --color, --extend-select,
--exclude/--extend-exclude, --show-settings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

SLIPS = "1. *Urges* States to act;;\n\n2. *Requests* the UN system to help , now.\n"


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "termlint", "check", "--no-cache", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    (tmp_path / "termlint.toml").write_text('select = ["PU001"]\nexclude = ["old/"]\n', encoding="utf-8")
    for name in ("a.md", "old/b.md", "annex/c.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(SLIPS, encoding="utf-8")
    return tmp_path


def files(out: subprocess.CompletedProcess[str]) -> list[str]:
    return sorted({line.split(":")[0] for line in out.stdout.splitlines()})


def test_quiet_prints_the_findings_only(drafts: Path):
    loud, quiet = run(drafts, "a.md"), run(drafts, "-q", "a.md")
    assert loud.stdout.splitlines()[-1].startswith("Found 1 problem")
    assert quiet.stdout.splitlines() == loud.stdout.splitlines()[:-1] and quiet.returncode == 1
    assert run(drafts, "--quiet", "--select", "PU003", "a.md").stdout == ""


def test_color_always_never_auto(drafts: Path):
    assert "\033[" in run(drafts, "--color", "always", "a.md").stdout  # even into a pipe
    assert "\033[" not in run(drafts, "--color", "never", "a.md").stdout
    assert "\033[" not in run(drafts, "a.md").stdout  # auto: not a terminal
    assert "\033[" not in run(drafts, "--color", "always", "--format", "json", "a.md").stdout


def test_extend_select_adds_to_the_configurations_selection(drafts: Path):
    codes = lambda out: sorted(line.split()[1] for line in out.stdout.splitlines() if line.startswith("a.md"))
    assert codes(run(drafts, "a.md")) == ["PU001"]
    assert codes(run(drafts, "--extend-select", "PU002,AC004", "a.md")) == ["AC004", "PU001", "PU002"]
    assert run(drafts, "--extend-select", "ZZ9", "a.md").returncode == 2


def test_exclude_replaces_and_extend_exclude_adds(drafts: Path):
    assert files(run(drafts, "--format", "concise", ".")) == ["a.md", "annex/c.md"]
    assert files(run(drafts, "--format", "concise", "--extend-exclude", "annex/", ".")) == ["a.md"]
    assert files(run(drafts, "--format", "concise", "--exclude", "a.md", ".")) == ["annex/c.md", "old/b.md"]
    # pre-commit names the file: --force-exclude applies the command line's patterns too
    assert run(drafts, "--force-exclude", "--extend-exclude", "annex/", "annex/c.md").returncode == 0


def test_show_settings_names_the_configuration_and_the_rules(drafts: Path):
    out = run(drafts, "--show-settings", "--extend-select", "PU002", "a.md")
    assert out.returncode == 0 and "Found" not in out.stdout
    rows = dict(line.split(None, 1) for line in out.stdout.splitlines())
    assert rows["configuration"] == str(drafts / "termlint.toml")
    assert rows["exclude"] == "old/" and rows["extend-select"] == "PU002"
    assert rows["rules"] == "2: PU001 PU002"


def test_a_baseline_accepts_legacy_findings_and_reports_new_ones(tmp_path: Path):
    seed = (ROOT / "examples" / "draft-2022-child-protection.txt").read_text(encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    draft = tmp_path / "drafts" / "legacy.txt"
    draft.write_text(seed, encoding="utf-8")
    wrote = run(tmp_path, "--select", "PU", "--write-baseline", "termlint-baseline.json", "drafts")
    assert wrote.returncode == 0 and wrote.stdout == "", wrote.stderr
    assert "Wrote 4 findings of 1 file to termlint-baseline.json." in wrote.stderr
    assert run(tmp_path, "--select", "PU", "--baseline", "termlint-baseline.json", "drafts").stdout.startswith(
        "All checks passed")
    # a paragraph added above moves every line: the accepted findings stay accepted, the new slip is reported
    draft.write_text("New first line , here.\n\n" + seed, encoding="utf-8")
    out = run(tmp_path, "--select", "PU", "--format", "concise", "--baseline", "termlint-baseline.json", "drafts")
    assert out.stdout.splitlines() == ["drafts/legacy.txt:1:15: warning: PU002 space before “,”: remove it"]
    assert out.returncode == 1
    # from another folder, the baseline's paths still resolve (relative to the baseline file)
    inside = run(tmp_path / "drafts", "--select", "PU", "--quiet", "--baseline", "../termlint-baseline.json", ".")
    assert inside.stdout.splitlines() == ["legacy.txt:1:15: PU002 warning: space before “,”: remove it [*]"]


def test_a_broken_baseline_is_an_error_naming_it(tmp_path: Path):
    (tmp_path / "b.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "a.md").write_text(SLIPS, encoding="utf-8")
    out = run(tmp_path, "--baseline", "b.json", "a.md")
    assert out.returncode == 2 and "b.json:1: the baseline is not valid JSON" in out.stderr


def test_extend_starts_from_another_configuration_file(tmp_path: Path):
    (tmp_path / "style").mkdir()
    (tmp_path / "style" / "ours.toml").write_text(
        '[pack]\nname = "ours"\n\n[[rules]]\ncode = "OH001"\nname = "double-space"\nkind = "pattern"\n'
        'category = "punctuation"\nmessage = "two spaces after a full stop"\npattern = \'\\.  (?=\\p{Lu})\'\n',
        encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.termlint]\nselect = ["PU", "OH"]\nignore = ["PU002"]\npacks = ["style/ours.toml"]\n', encoding="utf-8")
    team = tmp_path / "team"
    team.mkdir()
    (team / "termlint.toml").write_text('extend = "../pyproject.toml"\nfail-on = "error"\n', encoding="utf-8")
    (team / "a.md").write_text("1. *Urges* States to act;; now , here.  It decides.\n", encoding="utf-8")
    out = run(team, "--format", "concise", "a.md")
    codes = [line.split(": ", 2)[2].split()[0] for line in out.stdout.splitlines()]
    assert codes == ["PU001", "OH001"]  # PU002 ignored by the base; its pack found beside the base
    assert out.returncode == 0  # fail-on = "error" from the extending file


def test_extend_errors_name_the_file_and_a_cycle(tmp_path: Path):
    (tmp_path / "a.toml").write_text('extend = "b.toml"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('extend = "a.toml"\n', encoding="utf-8")
    (tmp_path / "termlint.toml").write_text('extend = "a.toml"\n', encoding="utf-8")
    (tmp_path / "x.md").write_text(SLIPS, encoding="utf-8")
    out = run(tmp_path, "x.md")
    assert out.returncode == 2 and "extend: a cycle" in out.stderr
    (tmp_path / "b.toml").write_text('select = "PU"\n', encoding="utf-8")
    out = run(tmp_path, "x.md")
    assert out.returncode == 2 and f"{tmp_path / 'b.toml'}:1: select: must be a list" in out.stderr, out.stderr
