"""termlint in editors: the concise format read by the real Vim quickfix and Emacs compilation
mode, the VS Code problem matcher the README documents, and linting an unsaved buffer from
standard input with --stdin-filename (configuration found from that name's directory)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

TERMLINT = str(Path(sys.executable).with_name("termlint"))
# Line 3 holds non-ASCII characters before its finding (“Côte d’Ivoire”): a byte column (%c)
# would put Vim's cursor past the word; the character column (%v) lands on it.
DRAFT = ("*Recalling* its resolution 74/174 of 18 December 2019;;\n\n"
         "1. *Requests* the United Nations Office in Côte d’Ivoire to assist Member States , upon request;\n")
EXPECTED = [(1, 54, "warning", "PU001 doubled punctuation “;;”: keep one mark"),
            (3, 81, "warning", "PU002 space before “,”: remove it")]


def termlint(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([TERMLINT, "check", "--no-cache", *args], cwd=cwd, input=stdin, capture_output=True,
                          timeout=120)


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    (tmp_path / "termlint.toml").write_text('select = ["PU"]\n', encoding="utf-8")
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_concise_lines_are_file_line_column_message(draft: Path):
    out = termlint("--format", "concise", "draft.md", cwd=draft.parent).stdout.decode("utf-8")
    assert out.splitlines() == [f"draft.md:{line}:{col}: {level}: {text}" for line, col, level, text in EXPECTED]


def _readme_block(language: str, marker: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(rf"```{language}\n(.*?)```", readme, flags=re.S)
    found = [b for b in blocks if marker in b]
    assert found, f"README.md has no ```{language} block with {marker!r}"
    return found[0]


@pytest.mark.skipif(shutil.which("vim") is None, reason="Vim is not installed")
def test_vim_quickfix_reads_the_readme_makeprg_and_errorformat(draft: Path):
    settings = _readme_block("vim", "errorformat")
    script = draft.parent / "check.vim"
    ours = TERMLINT.replace(" ", "\\ ") + "\\ check\\ --no-cache\\ "
    script.write_text(
        "set nocompatible\n" + settings.replace("makeprg=termlint\\ check\\ ", f"makeprg={ours}")
        + "silent make!\n"
        "set encoding=utf-8\n"
        "call writefile(map(getqflist(), {_, e -> join([e.valid, bufname(e.bufnr), e.lnum, e.col, e.vcol, e.type,"
        " e.text], '|')}), 'quickfix.txt')\n"
        "let s:at = []\n"  # jump to each finding as :cc does and read the text under the cursor
        "for s:n in range(1, len(getqflist()))\n"
        "  execute 'silent cc ' . s:n\n"
        "  call add(s:at, strcharpart(getline('.'), charcol('.') - 1, 2))\n"
        "endfor\n"
        "call writefile(s:at, 'cursor.txt')\nqa!\n", encoding="utf-8")
    subprocess.run(["vim", "-Nu", "NONE", "-i", "NONE", "-es", "-S", "check.vim", "draft.md"], cwd=draft.parent,
                   capture_output=True, timeout=120, check=False)
    rows = (draft.parent / "quickfix.txt").read_text(encoding="utf-8").splitlines()
    assert rows == [f"1|draft.md|{line}|{col}|1|{level[0]}|{text}" for line, col, level, text in EXPECTED]
    # the cursor lands on the finding: the doubled “;;” and the “ ,” before “upon”
    assert (draft.parent / "cursor.txt").read_text(encoding="utf-8").splitlines() == [";;", " ,"]


@pytest.mark.skipif(shutil.which("emacs") is None, reason="Emacs is not installed")
def test_emacs_compilation_mode_finds_each_finding(draft: Path):
    command = _readme_block("elisp", "compile-command").split('"')[1]  # the README's compile command
    assert command.startswith("termlint check --format concise")
    lisp = f"""
(progn
  (require 'compile)
  (with-current-buffer (get-buffer-create "*termlint*")
    (call-process-shell-command {json.dumps(f"{TERMLINT} check --no-cache{command[len('termlint check'):]}draft.md")}
                                nil t)
    (compilation-mode)
    (let ((inhibit-read-only t)) (font-lock-ensure))
    (compilation--ensure-parse (point-max))
    (goto-char (point-min))
    (while (not (eobp))
      (let ((msg (get-text-property (point) 'compilation-message)))
        (when msg
          (let ((loc (compilation--message->loc msg)))
            (princ (format "%s|%d|%d\\n" (caar (compilation--loc->file-struct loc))
                           (compilation--loc->line loc) (compilation--loc->col loc))))))
      (forward-line 1))))
"""
    result = subprocess.run(["emacs", "--batch", "-Q", "--eval", lisp], cwd=draft.parent, capture_output=True,
                            timeout=120)
    rows = result.stdout.decode("utf-8").splitlines()
    assert rows == [f"draft.md|{line}|{col}" for line, col, _, _ in EXPECTED], result.stderr.decode("utf-8")


def test_vscode_problem_matcher_in_the_readme_reads_the_concise_format(draft: Path):
    tasks = json.loads(_readme_block("json", "problemMatcher"))
    matcher = tasks["tasks"][0]["problemMatcher"]
    pattern = matcher["pattern"]
    regexp = re.compile(pattern["regexp"])
    assert "--format concise" in tasks["tasks"][0]["command"]
    out = termlint("--format", "concise", str(draft), cwd=draft.parent).stdout.decode("utf-8")
    parsed = []
    for line in out.splitlines():
        m = regexp.match(line)
        assert m, line
        parsed.append((m.group(pattern["file"]), int(m.group(pattern["line"])), int(m.group(pattern["column"])),
                       m.group(pattern["severity"]), m.group(pattern["code"]), m.group(pattern["message"])))
    assert "severity" not in matcher or matcher["severity"] == "info"  # only a fallback; never hard-coded
    assert parsed == [(str(draft), line, col, level, text[:5], text[6:]) for line, col, level, text in EXPECTED]
    levels = {m.group(pattern["severity"]) for m in map(regexp.match, termlint(
        "--format", "concise", "--fail-on", "info", *map(str, sorted((ROOT / "examples").glob("*.[mt][dx]*"))), cwd=ROOT).stdout.decode("utf-8").splitlines())}
    assert levels <= {"error", "warning", "info"} and "info" in levels  # VS Code's own severity names


def test_stdin_buffer_is_reported_under_its_name_with_its_directory_configuration(tmp_path: Path):
    drafts = tmp_path / "delegation" / "drafts"
    drafts.mkdir(parents=True)
    (drafts.parent / "termlint.toml").write_text('select = ["PU"]\nignore = ["PU002"]\nfail-on = "error"\n',
                                                 encoding="utf-8")
    elsewhere = tmp_path / "editor-cwd"
    elsewhere.mkdir()
    name = str(drafts / "unsaved.md")  # not on disk yet: an editor's new buffer
    result = termlint("--format", "concise", "--stdin-filename", name, "-", cwd=elsewhere, stdin=DRAFT.encode("utf-8"))
    assert result.stdout.decode("utf-8").splitlines() == [f"{name}:1:54: warning: {EXPECTED[0][3]}"]  # PU002 ignored there
    assert result.returncode == 0, "fail-on = error in that directory's configuration: warnings do not fail"

    plain = termlint("--format", "concise", "-", cwd=elsewhere, stdin=DRAFT.encode("utf-8"))
    assert [line.split(": ")[0] for line in plain.stdout.decode("utf-8").splitlines()][:1] == ["<stdin>:1:54"]


def test_stdin_with_a_relative_name_finds_the_configuration_from_the_working_directory(draft: Path):
    (draft.parent / "termlint.toml").write_text('select = ["PU002"]\n', encoding="utf-8")
    result = termlint("--format", "concise", "--stdin-filename", "draft.md", "-", cwd=draft.parent,
                      stdin=draft.read_bytes())
    assert result.stdout.decode("utf-8").splitlines() == [f"draft.md:3:81: warning: {EXPECTED[1][3]}"]
    assert result.returncode == 1
