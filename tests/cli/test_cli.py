"""The command line as users run it: formats, exit codes, selection, errors that name the file."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from termlint.cli.main import main

from conftest import DATA, ROOT, SEED

COMMA = ("PU001", 136, 177)  # the draft's “, ,” in operative paragraph 20


def run(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "termlint", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, input=stdin, timeout=120)


def test_seed_comma_in_concise_format():
    out = run("check", "--format", "concise", "--select", "PU", str(SEED))
    assert out.returncode == 1
    assert f"{SEED}:136:177: warning: PU001 doubled punctuation “, ,”: keep one mark" in out.stdout.splitlines()


def test_seed_comma_in_text_format():
    out = run("check", "--select", "PU001", "--show-source", str(SEED))
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    assert lines[0] == f"{SEED}:136:177: PU001 warning: doubled punctuation “, ,”: keep one mark [*]"
    assert lines[1].startswith("  136 | 20. *Encourages* Member States")
    assert lines[2].index("^^^") == lines[1].index(", ,")
    assert lines[-1].startswith("Found 1 problem (1 warning) in 1 file. 1 fixable")


def test_seed_comma_in_json_format():
    out = run("check", "--format", "json", "--select", "PU001", str(SEED))
    (finding,) = json.loads(out.stdout)
    assert (finding["code"], finding["line"], finding["column"]) == COMMA
    assert (finding["end_line"], finding["end_column"]) == (136, 180)
    assert finding["category"] == "punctuation" and finding["severity"] == "warning"
    assert set(finding) == {"path", "line", "column", "end_line", "end_column", "code", "name", "category",
                            "severity", "message", "fix"}
    (edit,) = finding["fix"]["edits"]
    text = SEED.read_text(encoding="utf-8")
    assert text[edit["start_offset"]:edit["end_offset"]] == ", ," and edit["replacement"] == ","


def test_every_json_finding_has_the_contract_fields_on_the_seed():
    out = run("check", "--format", "json", str(SEED))
    findings = json.loads(out.stdout)
    assert findings
    for f in findings:
        assert f["category"] in {"terminology", "consistency", "spelling", "citation", "structure", "punctuation"}
        assert f["severity"] in {"error", "warning", "info"}
        assert 1 <= f["line"] <= f["end_line"] and f["column"] >= 1
        assert f["fix"] is None or isinstance(f["fix"]["edits"], list)


@pytest.mark.parametrize("name", ["000_3b9afe8c290620bc.txt", "001_6f4f386dcc030b4a.txt",
                                  "002_98a032f16a588644.txt", "003_63c4b16e48d01ea8.txt"])
def test_web_pages_lint_without_error(name):
    path = DATA / "webpages" / name
    out = run("check", "--format", "json", str(path))
    assert out.returncode in (0, 1), out.stderr
    assert out.stderr == ""
    json.loads(out.stdout)


def test_clean_adopted_resolution_passes_punctuation_rules():
    assert run("check", "--select", "PU", str(ROOT / "examples" / "A_RES_75_10.md")).returncode == 0


def test_exit_zero_and_fail_on():
    assert run("check", "--select", "PU001", "--exit-zero", str(SEED)).returncode == 0
    assert run("check", "--select", "PU001", "--fail-on", "error", str(SEED)).returncode == 0
    assert run("check", "--select", "PU001", "--fail-on", "info", str(SEED)).returncode == 1


def test_select_and_ignore_by_prefix():
    out = run("check", "--format", "concise", "--select", "PU", "--ignore", "PU001", str(SEED))
    assert "PU001" not in out.stdout


def test_unknown_select_code_is_a_usage_error():
    out = run("check", "--select", "XX999", str(SEED))
    assert out.returncode == 2
    assert "unknown rule code or prefix 'XX999'" in out.stderr


def test_missing_file_is_reported_and_other_files_still_checked(tmp_path):
    good = tmp_path / "draft.md"
    good.write_text("Member States , in accordance with domestic law\n", encoding="utf-8")
    out = run("check", "--format", "concise", "--select", "PU", str(tmp_path / "nope.md"), str(good))
    assert out.returncode == 2
    assert f"{tmp_path / 'nope.md'}: no such file or directory" in out.stderr
    assert f"{good}:1:14: warning: PU002" in out.stdout


def test_directory_walk_takes_markdown_and_text_only(tmp_path):
    (tmp_path / "a.md").write_text("the the\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("a , b\n", encoding="utf-8")
    (tmp_path / "c.py").write_text("x , y\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "d.md").write_text("the the\n", encoding="utf-8")
    out = run("check", "--format", "concise", "--select", "PU", str(tmp_path))
    files = sorted({line.split(":")[0] for line in out.stdout.splitlines()})
    assert files == [str(tmp_path / "a.md"), str(tmp_path / "b.txt")]


def test_stdin_with_a_filename():
    out = run("check", "--format", "concise", "--select", "PU", "-", "--stdin-filename", "drafts/x.md",
              stdin="to protect the the rights\n")
    assert out.stdout.startswith("drafts/x.md:1:12: warning: PU003 doubled word “the”")


def test_version_and_help():
    from termlint import __version__

    assert run("--version").stdout.strip() == f"termlint {__version__}"
    assert run("--help").returncode == 0


def test_rules_and_explain():
    listing = run("rules").stdout
    assert "PU001" in listing and "doubled-punctuation" in listing
    explained = run("explain", "pu001")
    assert explained.returncode == 0
    assert "Examples:" in explained.stdout and "bad" in explained.stdout
    assert run("explain", "XX1").returncode == 2


def test_parse_command_shows_the_clause_tree():
    out = run("parse", str(SEED))
    assert "operative 22  lines 140  “Invites”" in out.stdout
    tree = json.loads(run("parse", "--format", "json", str(SEED)).stdout)
    assert tree["kind"] == "document" and tree["problems"] == []


def test_in_process_main_returns_exit_codes(capsys):
    assert main(["check", "--select", "PU001", str(SEED)]) == 1
    assert main(["check", "--bogus-option"]) == 2
    capsys.readouterr()


def test_module_and_console_script_agree():
    script = shutil.which("termlint", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("console script not installed in this environment")
    a = subprocess.run([script, "check", "--format", "concise", str(SEED)], capture_output=True, text=True)
    b = run("check", "--format", "concise", str(SEED))
    assert a.stdout == b.stdout and a.returncode == b.returncode
