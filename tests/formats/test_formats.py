"""The CI formats (SARIF, GitHub annotations, GitLab Code Quality, JUnit) and `--format auto`,
run through the real command line on the seed draft and on small real snippets."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from termlint.cli.main import main
from termlint.rules.explain import docs_url
from termlint.core.model import Diagnostic
from termlint.formats import resolve
from termlint.formats.github import command, escape_data, escape_property
from termlint.core.model import Severity

from conftest import DATA, SEED

SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
SNIPPET = ("*Recalling* its resolution 74/174 of 18 December 2019;;\n\n"
           "1. *Encourages* Member States to promote the sharing of best practices, , in order to protect children;\n")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    target = tmp_path / "draft-2022-child-protection.txt"
    target.write_bytes(SEED.read_bytes())
    return target


def test_sarif_of_the_seed_validates_against_the_official_schema(capsys, monkeypatch):
    monkeypatch.chdir(SEED.parent.parent)
    code, out, _ = run(capsys, "--format", "sarif", "examples/draft-2022-child-protection.txt")
    sarif = json.loads(out)
    jsonschema.validate(sarif, SCHEMA)
    run0 = sarif["runs"][0]
    assert code == 1 and run0["results"], "the seed has findings, and SARIF must carry them"
    rules = run0["tool"]["driver"]["rules"]
    for rule in rules:
        assert {"id", "name", "shortDescription", "fullDescription", "help", "defaultConfiguration"} <= set(rule)
        assert rule.get("helpUri") == docs_url(rule["id"])  # the rule's docs, when known (issue 19, item 12)
    for result in run0["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert {"startLine", "startColumn", "endLine", "endColumn"} <= set(region)
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "examples/draft-2022-child-protection.txt"
        assert result["partialFingerprints"]["termlint/v1"]
    doubled = next(r for r in run0["results"] if r["ruleId"] == "PU001")
    assert doubled["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 136, "startColumn": 177, "endLine": 136, "endColumn": 180}
    replacement = doubled["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == ","


def test_sarif_fingerprints_survive_lines_inserted_above(tmp_path, capsys):
    draft = tmp_path / "draft.md"
    draft.write_text(SNIPPET, encoding="utf-8")
    # PU only: with the chapeau the snippet becomes a resolution, and the structure rules (ST) add
    # findings of their own on its final marks.
    before = json.loads(run(capsys, "--format", "sarif", "--select", "PU", str(draft))[1])["runs"][0]["results"]
    draft.write_text("*The General Assembly*,\n\n" + SNIPPET, encoding="utf-8")
    after = json.loads(run(capsys, "--format", "sarif", "--select", "PU", str(draft))[1])["runs"][0]["results"]
    lines = lambda rs: [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in rs]  # noqa: E731
    prints = lambda rs: [r["partialFingerprints"]["termlint/v1"] for r in rs]  # noqa: E731
    assert [x + 2 for x in lines(before)] == lines(after)
    assert prints(before) == prints(after)
    assert len(set(prints(after))) == len(after)


def test_sarif_with_an_unreadable_file_records_the_failure(tmp_path, capsys):
    bad = tmp_path / "broken.md"
    bad.write_bytes(b"Recalling \xff\xfe the Charter")
    code, out, _ = run(capsys, "--format", "sarif", str(bad))
    sarif = json.loads(out)
    jsonschema.validate(sarif, SCHEMA)
    assert code == 2
    invocation = sarif["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "UTF-8" in invocation["toolExecutionNotifications"][0]["message"]["text"]


# GitHub's workflow command syntax: ::error file={name},line={line},endLine={endLine},title={title}::{message}
WORKFLOW_COMMAND = (r"^::(error|warning|notice) "
                    r"file=(?P<file>[^,:]+),line=\d+(?:,col=\d+)?(?:,endColumn=\d+)?,endLine=\d+,title=(?P<title>[^,:]+)"
                    r"::(?P<message>[^\r\n]*)$")


def test_github_annotations_follow_the_documented_syntax(capsys, monkeypatch):
    import re

    monkeypatch.chdir(SEED.parent.parent)
    code, out, _ = run(capsys, "--format", "github", "examples/draft-2022-child-protection.txt")
    lines = out.splitlines()
    assert code == 1
    annotations = [line for line in lines if line.startswith("::")]
    assert annotations and all(re.match(WORKFLOW_COMMAND, a) for a in annotations), annotations
    assert ("::warning file=examples/draft-2022-child-protection.txt,line=136,col=177,endColumn=180,endLine=136,"
            "title=PU001 doubled-punctuation::doubled punctuation “, ,”: keep one mark") in annotations
    assert lines[-1].startswith("termlint: ")


def test_github_escaping_of_data_and_properties():
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("C:\\drafts\\a,b.md") == "C%3A\\drafts\\a%2Cb.md"
    d = Diagnostic("dir, with comma/a:b.md", 3, 5, 3, 9, "PU001", "doubled-punctuation", "punctuation",
                   Severity.ERROR, "100% sure: line one\nline two", None, 0, 4)
    assert command(d) == ("::error file=dir%2C with comma/a%3Ab.md,line=3,col=5,endColumn=9,endLine=3,"
                          "title=PU001 doubled-punctuation::100%25 sure: line one%0Aline two")


def test_github_multi_line_findings_send_no_columns():
    d = Diagnostic("a.md", 3, 5, 4, 2, "PU003", "doubled-word", "punctuation", Severity.INFO, "doubled word", None, 0, 9)
    assert command(d) == "::notice file=a.md,line=3,endLine=4,title=PU003 doubled-word::doubled word"
    # a span that ends at column 1 of the next line ends on its own line
    d = Diagnostic("a.md", 3, 5, 4, 1, "ST000", "unplaced-block", "structure", Severity.WARNING, "m", None, 0, 9)
    assert command(d) == "::warning file=a.md,line=3,col=5,endLine=3,title=ST000 unplaced-block::m"


def test_gitlab_code_quality_report(tmp_path, capsys):
    draft = tmp_path / "draft.md"
    draft.write_text(SNIPPET, encoding="utf-8")
    code, out, _ = run(capsys, "--format", "gitlab", str(draft))
    issues = json.loads(out)
    assert code == 1 and len(issues) >= 2
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] == str(draft)
        assert issue["location"]["positions"]["begin"]["line"] >= 1
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    first = next(i for i in issues if i["check_name"] == "PU001")
    assert first["location"]["positions"]["begin"] == {"line": 1, "column": 54}


def test_gitlab_fingerprints_differ_between_files_with_the_same_slip(tmp_path, capsys):
    (tmp_path / "a.md").write_text(SNIPPET, encoding="utf-8")
    (tmp_path / "b.md").write_text(SNIPPET, encoding="utf-8")
    issues = json.loads(run(capsys, "--format", "gitlab", str(tmp_path))[1])
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_junit_one_suite_per_file_with_escaped_messages(tmp_path, capsys):
    (tmp_path / "clean.md").write_text("*Recalling* its resolution 74/174 of 18 December 2019,\n", encoding="utf-8")
    (tmp_path / "slips.md").write_text("<b>Member</b> \"States\" & others , in accordance\x0c with law\n",
                                       encoding="utf-8")
    (tmp_path / "broken.md").write_bytes(b"\xff\xfe\x00")
    code, out, _ = run(capsys, "--format", "junit", "--select", "PU", str(tmp_path))
    root = ET.fromstring(out.encode("utf-8"))  # well-formed XML despite <, &, quotes and a form feed
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert code == 2
    assert set(suites) == {str(tmp_path / n) for n in ("clean.md", "slips.md", "broken.md")}
    clean = suites[str(tmp_path / "clean.md")]
    assert clean.get("failures") == "0" and len(clean.findall("testcase")) == 1
    slips = suites[str(tmp_path / "slips.md")]
    failure = slips.find("testcase/failure")
    assert failure is not None and failure.get("type") == "PU002"
    case = slips.find("testcase")  # named by rule and fingerprint (issue 19, item 8), the line kept aside
    assert case.get("name").startswith("PU002 ") and case.get("line") == "1"
    assert failure.text.startswith(f"{tmp_path / 'slips.md'}:1:32: PU002")
    assert suites[str(tmp_path / "broken.md")].find("testcase/error") is not None
    assert root.get("failures") == str(sum(int(s.get("failures")) for s in suites.values()))


@pytest.mark.parametrize("environ, tty, expected", [
    ({"GITHUB_ACTIONS": "true"}, False, ("github", False)),
    ({"GITHUB_ACTIONS": "true"}, True, ("github", False)),
    ({}, True, ("text", True)),
    ({"NO_COLOR": "1"}, True, ("text", False)),
    ({}, False, ("text", False)),
])
def test_auto_format_follows_where_termlint_runs(environ, tty, expected):
    assert resolve("auto", environ, tty) == expected
    assert resolve("concise", environ, tty) == ("concise", False)


def test_auto_is_the_default_and_gives_annotations_under_github_actions(capsys, monkeypatch, seed_copy):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, _ = run(capsys, str(seed_copy))
    assert code == 1 and out.startswith("::") and f"::warning file={seed_copy},line=136,col=177" in out
    monkeypatch.delenv("GITHUB_ACTIONS")
    code, out, _ = run(capsys, str(seed_copy))
    assert code == 1 and f"{seed_copy}:136:177: PU001 warning:" in out and "\033[" not in out


def test_sarif_help_uri_follows_termlint_docs_url(capsys, monkeypatch):
    monkeypatch.setenv("TERMLINT_DOCS_URL", "https://docs.example.org/rules/{code_lower}.html")
    sarif = json.loads(run(capsys, "--format", "sarif", "--select", "PU001", "examples/draft-2022-child-protection.txt")[1])
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["PU001"]["helpUri"] == "https://docs.example.org/rules/pu001.html"
    jsonschema.validate(sarif, SCHEMA)
