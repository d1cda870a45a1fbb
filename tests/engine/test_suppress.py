"""Suppression written in the draft itself, on Markdown and plain text: ranges, next line, whole
file, [sic], prefixes, partial re-enabling, and the report of directives that suppress nothing."""

from __future__ import annotations

import pytest

from termlint.cli.main import main

from conftest import lint

# three real slips of the seed's kind: doubled punctuation (PU001), space before a comma (PU002)
P1 = "1. *Encourages* Member States to promote the sharing of best practices, , in order to protect children;"
P2 = "2. *Requests* the United Nations Office on Drugs and Crime to assist Member States , upon request;"
P3 = "3. *Invites* Member States to provide support in this regard;;"


def found(text: str, *codes: str) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in lint(text, *codes).diagnostics]


def test_without_directives_every_slip_is_reported():
    assert found(f"{P1}\n\n{P2}\n\n{P3}\n", "PU") == [("PU001", 1), ("PU002", 3), ("PU001", 5)]


def test_disable_and_enable_bound_a_range_in_markdown():
    text = f"{P1}\n\n<!-- termlint: disable=PU001 -->\n{P2}\n\n{P3}\n<!-- termlint: enable=PU001 -->\n\n{P1}\n"
    assert found(text, "PU") == [("PU001", 1), ("PU002", 4), ("PU001", 9)]


def test_disable_names_prefixes_and_several_codes():
    text = f"<!-- termlint: disable=PU -->\n{P1}\n{P2}\n"
    assert found(text, "PU") == []
    spaced = f"<!-- termlint: disable = PU001 PU002 -->\n{P1}\n{P2}\n{P3}\n"
    assert found(spaced, "PU") == []
    commas = f"<!-- termlint: disable=pu001, PU002 -->\n{P1}\n{P2}\n"
    assert found(commas, "PU") == []


def test_disable_without_codes_silences_everything_until_enable():
    text = f"<!-- termlint: disable -->\n{P1}\n{P2}\n<!-- termlint: enable -->\n{P3}\n"
    assert found(text, "PU") == [("PU001", 5)]


def test_a_disable_never_closed_runs_to_the_end():
    assert found(f"{P1}\n<!-- termlint: disable=PU001 -->\n{P3}\n\n{P3}\n", "PU") == [("PU001", 1)]


def test_a_narrower_enable_reenables_only_what_it_names():
    text = f"<!-- termlint: disable=PU -->\n{P1}\n{P2}\n<!-- termlint: enable=PU001 -->\n{P1}\n{P2}\n"
    assert found(text, "PU") == [("PU001", 5)]


def test_a_broader_enable_closes_a_narrower_disable():
    text = f"<!-- termlint: disable=PU001 -->\n{P3}\n<!-- termlint: enable=PU -->\n{P3}\n"
    assert found(text, "PU") == [("PU001", 4)]


def test_an_enable_for_other_codes_leaves_the_disable_open():
    text = f"<!-- termlint: disable=PU001 -->\n{P3}\n<!-- termlint: enable=TM -->\n{P3}\n"
    assert found(text, "PU") == []


def test_disable_next_line_skips_blank_lines_and_other_directives():
    text = (f"<!-- termlint: disable-next-line=PU001 -->\n\n<!-- termlint: disable-next-line=PU002 -->\n"
            f"{P1} {P2[3:]}\n{P1}\n")
    assert found(text, "PU") == [("PU001", 5)]


def test_disable_next_line_at_the_end_of_a_line_covers_the_next_line_only():
    text = f"{P3} <!-- termlint: disable-next-line=PU001 -->\n{P3}\n{P3}\n"
    assert found(text, "PU") == [("PU001", 1), ("PU001", 3)]


def test_disable_file_applies_from_anywhere():
    assert found(f"{P1}\n{P2}\n\n<!-- termlint: disable-file=PU001 -->\n", "PU") == [("PU002", 2)]


def test_plain_text_directives_stand_on_a_line_of_their_own():
    text = f"{P1}\ntermlint: disable-next-line=PU001\n{P3}\n  termlint: disable-file = PU002\n{P2}\n"
    assert found(text, "PU") == [("PU001", 1)]


def test_plain_text_mentions_of_termlint_are_not_directives():
    text = f"The secretariat uses termlint: disable is a word in its manual.\n{P3}\n"
    assert found(text, "PU") == [("PU001", 2)]


def test_directives_work_in_a_crlf_plain_text_file(tmp_path, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_bytes(f"termlint: disable=PU001\r\n{P3}\r\ntermlint: enable\r\n{P3}\r\n".encode("utf-8"))
    assert main(["check", "--no-cache", "--select", "PU", "--format", "concise", str(draft)]) == 1
    assert capsys.readouterr().out == f"{draft}:4:61: warning: PU001 doubled punctuation “;;”: keep one mark\n"


@pytest.mark.parametrize("sic", [" [sic]", " [*sic*]", " (sic)", "* [sic]", " [SIC]", "\n[sic]"])
def test_sic_after_the_flagged_words_drops_the_finding(sic):
    quoted = "the Commission called for the the" + sic + " strengthening of national efforts"
    assert found(quoted, "PU003") == []
    assert found(quoted.replace(sic, ""), "PU003") == [("PU003", 1)]


def test_sic_elsewhere_in_the_line_does_not_hide_a_finding():
    assert found("the the report [sic] on the the [sic] agenda , of course", "PU") == [("PU003", 1), ("PU002", 1)]


def _unused(tmp_path, capsys, text: str, *args: str) -> list[str]:
    draft = tmp_path / "draft.md"
    draft.write_text(text, encoding="utf-8")
    main(["check", "--no-cache", "--report-unused-directives", "--format", "concise", *args, str(draft)])
    return [line.split(": ", 2)[2] for line in capsys.readouterr().out.splitlines() if "TL001" in line]


def test_used_directives_are_not_reported(tmp_path, capsys):
    text = f"<!-- termlint: disable-next-line=PU001 -->\n{P3}\n<!-- termlint: disable=PU002 -->\n{P2}\n"
    assert _unused(tmp_path, capsys, text, "--select", "PU") == []


def test_unused_directives_are_reported_at_their_place(tmp_path, capsys):
    text = (f"<!-- termlint: disable-next-line=PU001 -->\n{P2}\n"
            f"<!-- termlint: enable=PU002 -->\n"
            f"<!-- termlint: disable=PU0O1 -->\n{P2}\n")
    reported = _unused(tmp_path, capsys, text, "--select", "PU")
    assert reported == [
        "TL001 unused suppression `disable-next-line=PU001`: nothing it covers is reported any more; remove it",
        "TL001 `enable=PU002` closes no `disable` before it; remove it",
        "TL001 `disable=PU0O1` names PU0O1, which is not a rule code (see `termlint rules`)",
    ]


def test_directives_for_rules_that_did_not_run_are_not_judged(tmp_path, capsys):
    text = f"<!-- termlint: disable-next-line=TM101 -->\n{P3}\n"
    assert _unused(tmp_path, capsys, text, "--select", "PU") == []
    assert _unused(tmp_path, capsys, text, "--select", "PU", "--ignore", "PU001") == []


def test_unused_directive_findings_are_not_suppressed_by_a_disable_all(tmp_path, capsys):
    text = f"<!-- termlint: disable -->\n<!-- termlint: disable-next-line=PU001 -->\nclean text\n"
    reported = _unused(tmp_path, capsys, text, "--select", "PU")
    assert len(reported) == 2


def test_without_the_option_unused_directives_are_silent(tmp_path, capsys):
    draft = tmp_path / "draft.md"
    draft.write_text("<!-- termlint: disable=PU001 -->\nclean text\n", encoding="utf-8")
    assert main(["check", "--no-cache", "--select", "PU", str(draft)]) == 0
    assert "TL001" not in capsys.readouterr().out
