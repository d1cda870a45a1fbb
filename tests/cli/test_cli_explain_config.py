"""Issue 19 item 10: `rules` and `explain` read the project's configuration; `explain` takes a
rule name or a prefix; the examples keep their indentation under their label."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

PACK = ('[pack]\nname = "our-terms"\n\n[[rules]]\ncode = "OH001"\nname = "no-double-space"\nkind = "pattern"\n'
        'category = "punctuation"\nmessage = "two spaces after a full stop"\npattern = \'\\.  (?=\\p{Lu})\'\n'
        "replace = '. '\n")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "termlint", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "style").mkdir()
    (tmp_path / "style" / "our-terms.toml").write_text(PACK, encoding="utf-8")
    (tmp_path / "termlint.toml").write_text('packs = ["style/our-terms.toml"]\n', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    return tmp_path


def test_explain_and_rules_know_the_projects_own_pack_without_config(project: Path):
    explained = run("explain", "OH001", cwd=project / "drafts")  # found upward, as `check` finds it
    assert explained.returncode == 0, explained.stderr
    assert explained.stdout.startswith("OH001 no-double-space") and "pack: our-terms" in explained.stdout
    listing = run("rules", cwd=project / "drafts").stdout
    assert any(line.startswith("OH001 ") for line in listing.splitlines())


def test_explain_accepts_a_rule_name(project: Path):
    by_name = run("explain", "doubled-punctuation", cwd=project)
    assert by_name.returncode == 0 and by_name.stdout == run("explain", "PU001", cwd=project).stdout


def test_explain_accepts_a_prefix_and_documents_each_rule_under_it(project: Path):
    out = run("explain", "PU", cwd=project)
    assert out.returncode == 0
    heads = [line.split()[0] for line in out.stdout.splitlines() if line[:2] == "PU" and line[2:5].isdigit()]
    listed = [line.split()[0] for line in run("rules", cwd=project).stdout.splitlines() if line.startswith("PU")]
    assert heads == listed and len(heads) > 3


def test_unknown_code_or_name_is_an_error_naming_it(project: Path):
    out = run("explain", "no-such-rule", cwd=project)
    assert out.returncode == 2 and "no-such-rule" in out.stderr


def test_multi_line_examples_stay_indented_under_their_label(project: Path):
    text = run("explain", "ST101", cwd=project).stdout
    examples = text.split("Examples:\n", 1)[1].split("\nSource:", 1)[0]
    lines = [line for line in examples.splitlines() if line.strip()]
    assert lines[0].startswith("  bad    The General Assembly,")
    assert all(line.startswith("  ") for line in lines), lines
    assert "         *Recalling* its resolution 74/174" in examples
