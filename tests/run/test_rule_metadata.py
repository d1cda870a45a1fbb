"""The engine applies the metadata rules declare: scope for every kind, options with their types.

An unknown clause kind in a pack's `scope`, an option no rule declares, an option for a rule that
does not exist, and an option of the wrong type each stop the run with exit status 2 and one line
naming the file, the key and its line (before, the first silently disabled a rule and the others
were ignored).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from termlint.cli import main as cli
from termlint.engine.lint import Settings, lint_text
from termlint.rules.packs import load_pack
from termlint.run.config import find_config

from test_bad_config import DRAFT, one_error, pack, pattern_rule, project  # noqa: F401  (fixture)

ARGS = ("check", "--format", "concise", "--no-cache", "--jobs", "1")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main([*ARGS, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_an_unknown_scope_names_the_pack_the_rule_and_the_line(project: Path, capsys) -> None:
    rule = pattern_rule("Urges", extra='scope = ["operativ"]\n')
    (project / "ours.toml").write_text(pack(rule), encoding="utf-8")
    (project / "termlint.toml").write_text('packs = ["ours.toml"]\n', encoding="utf-8")
    line = one_error(*run(capsys, "draft.md")[::2])
    scope_line = pack(rule).split("\n").index('scope = ["operativ"]') + 1
    assert f"ours.toml:{scope_line}: rule US001: `scope` names unknown clause kind(s) 'operativ'" in line


@pytest.mark.parametrize("toml, where, problem", [
    ('[options.TM101]\nprefr = "x"\n', ":2: options.TM101.prefr:", "TM101 has no option 'prefr' (its options: prefer)"),
    ('select = ["PU"]\n\n[options.ZZ101]\nprefer = "x"\n', ":3: options.ZZ101:", "there is no rule ZZ101"),
    ('[options.AC001]\nallow = "UNODC"\n', ":2: options.AC001.allow:", "must be a list (got str)"),
    ('[options.AC001]\nallow = [1, 2]\n', ":2: options.AC001.allow:", "must be a list of strings"),
    ('[options.PU001]\nprefer = "x"\n', ":2: options.PU001.prefer:", "PU001 has no option 'prefer' (it takes no options)"),
])
def test_a_bad_rule_option_names_the_file_the_key_and_the_line(project: Path, capsys, toml: str, where: str,
                                                                problem: str) -> None:
    (project / "termlint.toml").write_text(toml, encoding="utf-8")
    line = one_error(*run(capsys, "draft.md")[::2])
    assert f"termlint.toml{where} {problem}" in line


def test_a_valid_option_is_accepted_and_used(project: Path, capsys) -> None:
    (project / "draft.md").write_text(DRAFT.replace("Member States", "Member States and UNODC"), encoding="utf-8")
    code, out, _ = run(capsys, "--select", "AC001", "draft.md")
    assert "UNODC" in out
    (project / "termlint.toml").write_text('[options.AC001]\nallow = ["UNODC"]\n', encoding="utf-8")
    find_config.cache_clear()  # one process, two runs: the first found no configuration here
    code, out, err = run(capsys, "--select", "AC001", "draft.md")
    assert (code, out, err) == (0, "", "")


def test_the_engine_applies_a_pattern_rules_scope(tmp_path: Path) -> None:
    """A pattern rule scoped to operative paragraphs is not reported in a recital."""
    text = ("The General Assembly,\n\n*Recalling* that States must act,\n\n"
            "1. *Urges* States to act;\n")
    everywhere = tmp_path / "all.toml"
    everywhere.write_text(pack(pattern_rule("States")), encoding="utf-8")
    scoped = tmp_path / "scoped.toml"
    scoped.write_text(pack(pattern_rule("States", extra='scope = ["operative"]\n')), encoding="utf-8")
    found_all = lint_text(text, Settings(rules=load_pack(everywhere))).diagnostics
    found_scoped = lint_text(text, Settings(rules=load_pack(scoped))).diagnostics
    assert [d.line for d in found_all] == [3, 5]
    assert [d.line for d in found_scoped] == [5]
