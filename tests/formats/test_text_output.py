"""The text format's options: --statistics (only the counts, as ruff) and --show-source (the line
with carets under the finding, aligned however the line is written)."""

from __future__ import annotations

import json

from termlint.cli.main import main
from termlint.core.model import Diagnostic
from termlint.formats.text import source_lines
from termlint.core.model import Severity

from conftest import SEED

SLIPS = ("*Recalling* its resolution 74/174;;\n\n"
         "1. *Encourages* Member States , in accordance with domestic law , to share practices, , "
         "in order to protect the the children;\n")


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(["check", "--no-cache", *args])
    return code, capsys.readouterr().out


def test_statistics_prints_only_the_count_per_code(tmp_path, capsys):
    draft = tmp_path / "draft.md"
    draft.write_text(SLIPS, encoding="utf-8")
    code, out = run(capsys, "--select", "PU", "--statistics", str(draft))
    assert code == 1
    assert out.splitlines() == [
        "2\tPU001  \t[*] doubled-punctuation",
        "2\tPU002  \t[*] space-before-punctuation",
        "1\tPU003  \t[*] doubled-word",
    ]


def test_statistics_as_json_and_when_clean(tmp_path, capsys):
    draft = tmp_path / "draft.md"
    draft.write_text(SLIPS, encoding="utf-8")
    _, out = run(capsys, "--select", "PU001", "--statistics", "--format", "json", str(draft))
    assert json.loads(out) == [{"code": "PU001", "name": "doubled-punctuation", "count": 2, "fixable": 2}]
    draft.write_text("*Recalling* its resolution 74/174,\n", encoding="utf-8")
    assert run(capsys, "--select", "PU", "--statistics", str(draft)) == (0, "")


def test_statistics_on_the_seed_add_up_to_the_findings(capsys):
    _, listing = run(capsys, "--format", "json", str(SEED))
    _, table = run(capsys, "--statistics", str(SEED))
    counts = {line.split("\t")[1].strip(): int(line.split("\t")[0]) for line in table.splitlines()}
    found = json.loads(listing)
    assert sum(counts.values()) == len(found)
    assert counts["PU001"] == sum(1 for f in found if f["code"] == "PU001")


def test_show_source_puts_carets_under_the_seed_finding(capsys):
    _, out = run(capsys, "--select", "PU001", "--show-source", str(SEED))
    lines = out.splitlines()
    i = next(i for i, line in enumerate(lines) if ":136:177: PU001" in line)
    source, carets = lines[i + 1], lines[i + 2]
    assert source.startswith("  136 | 20. *Encourages*")
    start = carets.index("^")
    assert carets[start:].rstrip() == "^^^"
    assert source[start:start + 3] == ", ,"


def _diagnostic(line: int, column: int, end_line: int, end_column: int) -> Diagnostic:
    return Diagnostic("d.md", line, column, end_line, end_column, "PU001", "doubled-punctuation", "punctuation",
                      Severity.WARNING, "m", None, 0, 0)


def plain(code: str, s: str) -> str:
    return s


def test_show_source_expands_tabs_and_counts_wide_characters():
    text = "\tRecalling\u3000“決議”;; and more"
    shown, carets = source_lines(text, _diagnostic(1, 16, 1, 18), plain)
    assert "\t" not in shown
    start = carets.index("^")
    body = shown[len("    1 | "):]
    # display columns: tab = 4, each wide character = 2, so the carets land under ";;"
    assert start - len("    1 | ") == 4 + len("Recalling") + 2 + 1 + 2 * 2 + 1
    assert carets.strip() == "^^"
    assert body.endswith(";; and more")


def test_show_source_makes_invisible_characters_visible_and_spans_to_the_line_end():
    text = "Member\u00adStates\x0c, in accordance\nnext line"
    shown, carets = source_lines(text, _diagnostic(1, 7, 2, 3), plain)
    assert shown == "    1 | Member□States□, in accordance"
    assert carets == " " * len("    1 | Member") + "^" * len("□States□, in accordance")
