"""Issue 8, item 3: bad configuration and bad packs. Every such error is one line on standard
error that names the file (and the key, line or rule code), the exit status is 2, and no
pattern from a pack can make termlint hang: user patterns run with a timeout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from termlint.cli import main as cli

DRAFT = ("The General Assembly,\n\n"
         "*Recalling* its resolution 74/174 of 18 December 2019,\n\n"
         "1. *Urges* Member States to strengthen their efforts to combat child sexual exploitation;\n\n"
         "2. *Decides* to remain seized of the matter.\n")
ARGS = ("check", "--format", "concise", "--no-cache", "--jobs", "1")


def pack(*rules: str, name: str = "ours") -> str:
    return f'[pack]\nname = "{name}"\n' + "".join(f"\n[[rules]]\n{r}\n" for r in rules)


def pattern_rule(pattern: str, code: str = "US001", message: str = "avoid “{match}”", extra: str = "") -> str:
    return (f'code = "{code}"\nname = "ours"\nkind = "pattern"\ncategory = "punctuation"\n'
            f"message = '{message}'\npattern = '{pattern}'\n{extra}")


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main([*ARGS, *args])
    out, err = capsys.readouterr()
    return code, out, err


def one_error(code: int, err: str) -> str:
    """The single error line of a run that must fail with status 2."""
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2, err
    assert "Traceback" not in err and "internal error" not in err, err
    assert len(lines) == 1 and lines[0].startswith("termlint: error: "), err
    return lines[0]


def config_error(project: Path, capsys: pytest.CaptureFixture[str], toml: str, name: str = "termlint.toml") -> str:
    (project / name).write_text(toml, encoding="utf-8")
    code, _, err = run_main(capsys, "draft.md")
    return one_error(code, err)


# --- configuration -----------------------------------------------------------------------

def test_invalid_toml_names_file_and_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = config_error(project, capsys, 'select = ["PU"]\nignore = ["ST"\nwords = []\n')
    assert str(project / "termlint.toml") in line and "invalid TOML" in line and "line 3" in line


def test_invalid_toml_in_pyproject(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = config_error(project, capsys, '[project]\nname = "x"\n[tool.termlint]\nselect = [\n', "pyproject.toml")
    assert str(project / "pyproject.toml") in line and "invalid TOML" in line


def test_unknown_key_names_file_key_and_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = config_error(project, capsys, 'select = ["PU"]\n\ncolour = "red"\n')
    assert f"{project / 'termlint.toml'}:3:" in line and "colour" in line and "unknown key" in line


def test_unknown_key_in_pyproject_table(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = config_error(project, capsys, '[tool.termlint]\nselect = ["PU"]\nfail_on = "error"\n', "pyproject.toml")
    assert f"{project / 'pyproject.toml'}:3:" in line and "tool.termlint.fail_on" in line


@pytest.mark.parametrize(("toml", "key"), [
    ('select = "PU"\n', "select"),
    ('ignore = ["PU", 3]\n', "ignore"),
    ('fail-on = "fatal"\n', "fail-on"),
    ('severity = { PU001 = "loud" }\n', "severity"),
    ('per-file-ignores = { "*.md" = "PU" }\n', "per-file-ignores"),
    ('options = { PU001 = 3 }\n', "options"),
])
def test_wrong_type_names_file_and_key(project: Path, capsys: pytest.CaptureFixture[str], toml: str,
                                             key: str) -> None:
    line = config_error(project, capsys, toml)
    assert str(project / "termlint.toml") in line and key in line


def test_unknown_rule_code_in_select(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = config_error(project, capsys, 'select = ["PU", "XX999"]\n')
    assert str(project / "termlint.toml") in line and "XX999" in line and "unknown rule code" in line


def test_unknown_rule_code_on_the_command_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = one_error(*run_main(capsys, "--select", "PU,ZZ1", "draft.md")[::2])
    assert "--select" in line and "ZZ1" in line


def test_missing_pack_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = config_error(project, capsys, 'packs = ["style/terms.toml"]\n')
    assert str(project / "style" / "terms.toml") in line and "not found" in line


# --- packs -------------------------------------------------------------------------------

def pack_error(project: Path, capsys: pytest.CaptureFixture[str], text: str) -> str:
    (project / "ours.toml").write_text(text, encoding="utf-8")
    (project / "termlint.toml").write_text('packs = ["ours.toml"]\n', encoding="utf-8")
    code, _, err = run_main(capsys, "draft.md")
    line = one_error(code, err)
    assert str(project / "ours.toml") in line, line
    return line


def test_pack_with_invalid_toml_names_pack_and_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = pack_error(project, capsys, '[pack]\nname = "ours"\n\n[[rules]\ncode = "US001"\n')
    assert "invalid TOML" in line and "line 4" in line


def test_pack_rule_with_unknown_key(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = pack_error(project, capsys, pack(pattern_rule("x", extra='colour = "red"\n')))
    assert "US001" in line and "colour" in line


def test_pack_rule_with_wrong_type(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = pack_error(project, capsys, pack(pattern_rule("x", extra="skip_quotes = \"yes\"\n")))
    assert "US001" in line and "skip_quotes" in line and "bool" in line


def test_pattern_that_does_not_compile_names_pack_and_code(project: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    line = pack_error(project, capsys, pack(pattern_rule(r"(Member\s+States", code="US002")))
    assert "rule US002" in line and "`pattern` does not compile" in line


def test_replacement_naming_a_missing_group_is_refused_at_load(project: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    line = pack_error(project, capsys, pack(pattern_rule(r"(Member) States", extra="replace = '\\2'\n")))
    assert "US001" in line and "`replace` refers to group '2'" in line


@pytest.mark.parametrize("message", ["avoid {match.__class__}", "avoid {match:>999999999}", "avoid {0}", "avoid {g3}"])
def test_message_placeholders_are_plain_names(project: Path, capsys: pytest.CaptureFixture[str],
                                                    message: str) -> None:
    line = pack_error(project, capsys, pack(pattern_rule(r"(Member) (States)", message=message)))
    assert "US001" in line and "unknown placeholder" in line


def test_substitution_message_placeholders_are_plain_names(project: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    rule = ('code = "US006"\nname = "ours"\nkind = "substitution"\ncategory = "terminology"\n'
            'deprecated = ["child pornography"]\npreferred = ["child sexual abuse material"]\n'
            'message = "{match.__class__.__mro__} is {preferred}"\n')
    line = pack_error(project, capsys, pack(rule))
    assert "US006" in line and "unknown placeholder {match.__class__.__mro__}" in line


def test_substitution_skip_pattern_that_does_not_compile(project: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    rule = ('code = "US003"\nname = "ours"\nkind = "substitution"\ncategory = "terminology"\n'
            'deprecated = ["child pornography"]\npreferred = ["child sexual abuse material"]\n'
            "skip_if_preceded_by = '[unclosed'\n")
    line = pack_error(project, capsys, pack(rule))
    assert "US003" in line and "skip_if_preceded_by" in line


# A recital whose long run of letters makes (\p{L}|\p{L}\p{L})+\d try every split of it:
# 2^n ways, which never ends without a timeout.
BACKTRACKING_DRAFT = DRAFT.replace("*Recalling* its resolution",
                                   "*Recalling* its " + "resolutionsandthedecisionsofthegeneralassembly" * 3)


def test_catastrophic_pattern_is_an_error_in_bounded_time(project: Path) -> None:
    (project / "draft.md").write_text(BACKTRACKING_DRAFT, encoding="utf-8")
    (project / "ours.toml").write_text(pack(pattern_rule(r"(\p{L}|\p{L}\p{L})+\d", code="US009")), encoding="utf-8")
    (project / "termlint.toml").write_text('packs = ["ours.toml"]\n', encoding="utf-8")
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "termlint", *ARGS, "draft.md"], cwd=project,
                          capture_output=True, text=True, timeout=90)
    elapsed = time.monotonic() - started
    line = one_error(proc.returncode, proc.stderr)
    assert "draft.md" in line and str(project / "ours.toml") in line and "rule US009" in line
    assert "took longer than" in line and "backtracks catastrophically" in line
    assert elapsed < 60, f"a bad pattern cost {elapsed:.0f} s"


def test_catastrophic_skip_pattern_of_a_substitution_is_an_error(project: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    rule = ('code = "US004"\nname = "ours"\nkind = "substitution"\ncategory = "terminology"\n'
            'deprecated = ["Member States"]\npreferred = ["States Members"]\n'
            "skip_if_followed_by = '\\s(\\p{L}|\\p{L}\\p{L})+\\d'\n")
    draft = DRAFT.replace("Member States to", "Member States " + "strengthenalltheireffortsnowandlater" * 3)
    (project / "draft.md").write_text(draft, encoding="utf-8")
    (project / "ours.toml").write_text(pack(rule), encoding="utf-8")
    (project / "termlint.toml").write_text('packs = ["ours.toml"]\n', encoding="utf-8")
    line = one_error(*run_main(capsys, "draft.md")[::2])
    assert str(project / "ours.toml") in line and "rule US004" in line and "took longer than" in line


def test_a_good_user_pattern_still_works(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The checks above must not refuse a sound pack: the same set-up with a good pattern flags."""
    (project / "ours.toml").write_text(pack(pattern_rule(r"(?<=\s)seized(?= of)", code="US005")), encoding="utf-8")
    (project / "termlint.toml").write_text('packs = ["ours.toml"]\nselect = ["US"]\n', encoding="utf-8")
    code, out, err = run_main(capsys, "draft.md")
    assert (code, err) == (1, "")
    assert "draft.md:7:24: warning: US005 avoid “seized”" in out


# --- item 5: packs and caches are data, never code ---------------------------------------

HOSTILE_KINDS = ["os", "..", "../os", "os.path", "__init__", "__import__", "__main__", "builtins", "subprocess",
                 "kinds.pattern", "termlint.rules.punctuation.pattern", "pattern\x00", "", "importlib"]


@pytest.mark.parametrize("kind", HOSTILE_KINDS)
def test_pack_kind_outside_termlint_kinds_is_refused_before_any_import(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    import importlib

    from termlint.rules.packfiles import PackError
    from termlint.rules.packs import known_kinds, load_pack

    path = tmp_path / "evil.toml"
    path.write_text(pack(f'code = "EV001"\nname = "evil"\nkind = {json.dumps(kind)}\n'  # a TOML basic string
                         'category = "punctuation"\nmessage = "x"\npattern = "x"\n'), encoding="utf-8")
    known_kinds()  # the KINDS table, read before the snapshot
    imported: list[str] = []
    real_import = importlib.import_module
    monkeypatch.setattr(importlib, "import_module", lambda name, *a: imported.append(name) or real_import(name, *a))
    before = set(sys.modules)
    with pytest.raises(PackError) as info:
        load_pack(path)
    assert str(path) in str(info.value) and "EV001" in str(info.value) and "unknown kind" in str(info.value)
    assert imported == [] and set(sys.modules) == before


def test_code_in_pack_strings_is_never_run(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    marker = project / "pwned"
    payload = f"__import__('os').mkdir('{marker}')"
    rule = (f'code = "EV002"\nname = "{payload}"\nkind = "pattern"\ncategory = "punctuation"\n'
            f'message = "{payload} {{match}}"\npattern = "Member"\nreplace = "{payload}"\n'
            f'description = "{payload}"\nsource = "{payload}"\n'
            f'examples = [{{ bad = "{payload}" }}]\n')
    (project / "ours.toml").write_text(pack(rule, name=payload), encoding="utf-8")
    (project / "termlint.toml").write_text('packs = ["ours.toml"]\nselect = ["EV"]\n', encoding="utf-8")
    for args in (("draft.md",), ("--fix", "--unsafe-fixes", "draft.md")):
        code, out, err = run_main(capsys, *args)
        assert code in (0, 1) and "Traceback" not in err
    assert not marker.exists()
    # the strings were used as text: the fix wrote the "payload" into the draft, verbatim
    assert payload in (project / "draft.md").read_text(encoding="utf-8")


class _Evil:
    """Unpickling this runs os.mkdir: what a poisoned pickle in a repository would do."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def __reduce__(self) -> tuple[object, ...]:
        return (os.mkdir, (str(self.target),))


def test_a_cache_entry_committed_to_the_project_is_never_run(project: Path) -> None:
    import pickle

    from termlint.run import cache

    marker = project / "pwned"

    def check() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "termlint", "check", "--format", "concise", "--jobs", "1",
                               "draft.md"], cwd=project, capture_output=True, text=True, timeout=120,
                              env={**os.environ, "TERMLINT_CACHE_DIR": str(project / ".termlint_cache")})

    fresh = check()
    entries = [p for p in (project / ".termlint_cache").rglob("*") if p.is_file() and len(p.name) > 30]
    assert entries, "the first run wrote no cache entry"
    for entry in entries:  # an attacker replaces each entry with a pickle that runs code
        entry.write_bytes(cache._MAGIC + pickle.dumps(_Evil(marker)))
    again = check()
    assert not marker.exists()
    assert (again.returncode, again.stdout) == (fresh.returncode, fresh.stdout)
