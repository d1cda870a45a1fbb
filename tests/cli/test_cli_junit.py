"""Issue 19 item 8: JUnit agrees with the exit status and the fail level; names survive moved lines."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import ROOT, SEED


def junit(*args: str) -> tuple[int, ET.Element]:
    out = subprocess.run([sys.executable, "-m", "termlint", "check", "--no-cache", "--format", "junit", *args],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    return out.returncode, ET.fromstring(out.stdout.encode("utf-8"))


def _failures(root: ET.Element) -> list[ET.Element]:
    return root.findall(".//testcase/failure")


def test_fail_on_error_reports_no_failures_when_the_run_passes():
    code, root = junit("--fail-on", "error", str(SEED))
    assert code == 0
    assert root.get("failures") == "0" and not _failures(root)
    # the findings are still listed, as passing test cases with their text
    assert any("PU001" in (o.text or "") for o in root.iter("system-out"))


def test_failures_are_the_findings_at_or_above_the_fail_level_and_info_never_fails():
    code, root = junit(str(SEED))
    assert code == 1
    failing = _failures(root)
    assert failing and all("[info]" not in (f.text or "") for f in failing)
    assert int(root.get("failures")) == len(failing)
    code_info, root_info = junit("--fail-on", "info", str(SEED))
    assert code_info == 1 and len(_failures(root_info)) > len(failing)


def test_test_names_are_rule_and_fingerprint_and_survive_an_inserted_paragraph(tmp_path: Path):
    text = SEED.read_text(encoding="utf-8")
    before, after = tmp_path / "before", tmp_path / "after"
    before.mkdir(), after.mkdir()
    (before / "draft.txt").write_text(text, encoding="utf-8")
    head, _, tail = text.partition("\n\n")
    (after / "draft.txt").write_text(head + "\n\nA new line of prose here.\n\n" + tail, encoding="utf-8")
    names_before = {c.get("name") for c in junit("--select", "PU", str(before))[1].iter("testcase")}
    names_after = {c.get("name") for c in junit("--select", "PU", str(after))[1].iter("testcase")}
    assert any(n.startswith("PU001 ") for n in names_before)
    assert names_before == names_after
