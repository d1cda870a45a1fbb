"""Issue 8, item 2: files that cannot be checked. Each gives one clear line on standard error
naming the file, the exit status is 2, and every other file is still checked. Tested through
the installed CLI in a subprocess and in-process through termlint.cli.main.main.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from termlint.cli import check as check_command
from termlint.cli import main as cli
from termlint.run import runner

# A real recital of the seed with a doubled word (PU003) typed into it: proof the file was checked.
GOOD = ("*Recalling* the Convention on the Rights of the the Child, the Optional Protocol to the Convention "
        "on the Rights of the Child on the Sale of Children,\n")
GOOD_FINDING = "good.md:1:45: warning: PU003"
ARGS = ("check", "--format", "concise", "--no-cache", "--jobs", "1", "--select", "PU003")


def run_cli(*paths: str | Path, cwd: Path) -> tuple[int, str, str]:
    """The real command line, in a subprocess (with a timeout: a hang fails the test)."""
    proc = subprocess.run([sys.executable, "-m", "termlint", *ARGS, *map(str, paths)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


def run_main(capsys: pytest.CaptureFixture[str], *paths: str | Path) -> tuple[int, str, str]:
    """The same, in this process (where os and open can be monkeypatched)."""
    code = cli.main([*ARGS, *map(str, paths)])
    out, err = capsys.readouterr()
    return code, out, err


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("termlint: error:")]


def assert_one_error(code: int, out: str, err: str, name: str, *words: str) -> None:
    lines = error_lines(err)
    assert code == 2, (out, err)
    assert len(lines) == 1, err
    assert name in lines[0] and all(w in lines[0] for w in words), lines[0]
    assert "Traceback" not in err
    assert GOOD_FINDING in out, "the good file beside the bad one was not checked"


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_good_file_alone_is_checked(folder: Path) -> None:
    code, out, err = run_cli("good.md", cwd=folder)
    assert (code, error_lines(err)) == (1, [])
    assert GOOD_FINDING in out


# --- one bad file beside a good one ---------------------------------------------------------

def test_binary_file_with_nul_bytes(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "scan.md").write_bytes(b"GIF89a\n\x00\x01\x02 binary")
    assert_one_error(*run_cli("scan.md", "good.md", cwd=folder), "scan.md", "binary", "offset 7")
    assert_one_error(*run_main(capsys, "scan.md", "good.md"), "scan.md", "binary", "offset 7")


def test_a_pdf_is_named_as_one(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # issue 15: known document formats are recognised by their content and named
    (folder / "scan.md").write_bytes(b"%PDF-1.7\n\x00\x01\x02 binary")
    assert_one_error(*run_cli("scan.md", "good.md", cwd=folder), "scan.md", "PDF", "convert to .docx")


def test_invalid_utf8_names_the_byte_offset(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Latin-1 "é" (0xE9) in an otherwise UTF-8 draft: a file saved in the wrong encoding.
    (folder / "latin1.md").write_bytes("*Recalling* the réport".encode("utf-8").replace(b"\xc3\xa9", b"\xe9"))
    assert_one_error(*run_cli("latin1.md", "good.md", cwd=folder), "latin1.md", "UTF-8", "byte offset 17")
    assert_one_error(*run_main(capsys, "latin1.md", "good.md"), "latin1.md", "UTF-8", "byte offset 17")


def test_a_windows_1252_draft_is_named_with_its_line_column_and_how_to_convert(folder: Path) -> None:
    # issue 19, item 9: a draft saved from Word as "Text (Windows)" on the third line
    (folder / "cp.md").write_bytes("The General Assembly,\n\n*Recalling* the café résolution,\n".encode("cp1252"))
    assert_one_error(*run_cli("cp.md", "good.md", cwd=folder), "cp.md", "line 3, column 20",
                     "Windows-1252", "iconv -f cp1252 -t utf-8")


def test_invalid_utf16_after_a_bom_names_the_byte_offset(folder: Path) -> None:
    (folder / "word.md").write_bytes(b"\xff\xfeA\x00\x00\xd8")  # a lone high surrogate at the end
    assert_one_error(*run_cli("word.md", "good.md", cwd=folder), "word.md", "UTF-16", "byte offset 4")


def test_empty_file_is_checked_like_any_other(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # An empty file is not an error (a placeholder in a drafts folder must not fail every
    # commit): it is checked, has nothing to report, and the run goes on.
    (folder / "empty.md").write_bytes(b"")
    for code, out, err in (run_cli("empty.md", "good.md", cwd=folder), run_main(capsys, "empty.md", "good.md")):
        assert (code, error_lines(err)) == (1, []), err
        assert GOOD_FINDING in out and "empty.md" not in out
    code, out, err = run_cli("empty.md", cwd=folder)
    assert (code, error_lines(err)) == (0, [])


def test_file_of_50_mb_is_refused_without_reading_it(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open(folder / "dump.md", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written to the test machine's disk
    assert_one_error(*run_cli("dump.md", "good.md", cwd=folder), "dump.md", "too large", "50 MB")
    assert_one_error(*run_main(capsys, "dump.md", "good.md"), "dump.md", "too large", "50 MB")


def test_folder_that_loops_through_symlinks_ends(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    drafts = folder / "drafts"
    (drafts / "sub").mkdir(parents=True)
    (drafts / "sub" / "draft.md").write_text(GOOD, encoding="utf-8")
    (drafts / "sub" / "up").symlink_to("..")        # drafts/sub/up/sub/up/... forever
    (drafts / "self").symlink_to(".", target_is_directory=True)
    (drafts / "a.md").symlink_to("b.md")             # a.md -> b.md -> a.md
    (drafts / "b.md").symlink_to("a.md")
    code, out, err = run_cli("drafts", "good.md", cwd=folder)
    assert code == 2 and "Traceback" not in err
    lines = error_lines(err)
    assert sorted(lines) == ["termlint: error: drafts/a.md: symbolic link loop",
                             "termlint: error: drafts/b.md: symbolic link loop"], err
    # the real draft is checked once, not once per trip round the loop
    assert out.count("draft.md:1:45: warning: PU003") == 1 and GOOD_FINDING in out
    assert_one_error(*run_main(capsys, "drafts/a.md", "good.md"), "drafts/a.md", "symbolic link loop")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_named_pipe_in_a_folder_does_not_hang(folder: Path) -> None:
    # Reading a pipe blocks until something writes to it: walking a folder must not open one.
    drafts = folder / "drafts"
    drafts.mkdir()
    os.mkfifo(drafts / "pipe.md")
    (drafts / "draft.md").write_text(GOOD, encoding="utf-8")
    code, out, err = run_cli("drafts", cwd=folder)  # run_cli's timeout fails a hang
    assert (code, error_lines(err)) == (1, []), err
    assert "draft.md:1:45: warning: PU003" in out and "pipe.md" not in out


def test_path_that_does_not_exist(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert_one_error(*run_cli("missing.md", "good.md", cwd=folder), "missing.md", "no such file")
    assert_one_error(*run_main(capsys, "missing.md", "good.md"), "missing.md", "no such file")
    (folder / "dangling.md").symlink_to("gone.md")
    assert_one_error(*run_cli("dangling.md", "good.md", cwd=folder), "dangling.md", "broken symbolic link")


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                    reason="root reads a file whatever its mode; the in-process test below covers the code path")
def test_file_without_read_permission_real(folder: Path) -> None:
    locked = folder / "locked.md"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    assert_one_error(*run_cli("locked.md", "good.md", cwd=folder), "locked.md", "permission denied")


def test_file_without_read_permission(folder: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    (folder / "locked.md").write_text(GOOD, encoding="utf-8")
    real_open = open

    def guarded_open(file: object, *args: object, **kwargs: object) -> object:
        if str(file).endswith("locked.md"):
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(runner, "open", guarded_open, raising=False)
    assert_one_error(*run_main(capsys, "locked.md", "good.md"), "locked.md", "permission denied")


def test_folder_that_cannot_be_listed(folder: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    (folder / "private").mkdir()
    (folder / "private" / "draft.md").write_text(GOOD, encoding="utf-8")
    real_scandir = os.scandir

    def guarded_scandir(path: object = ".") -> object:
        if str(path).endswith("private"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", guarded_scandir)
    code, out, err = run_main(capsys, "private", "good.md")
    assert_one_error(code, out, err, "private", "cannot list folder", "Permission denied")


# --- all of them at once ------------------------------------------------------------------

def test_every_bad_file_in_one_run_and_the_good_ones_still_checked(folder: Path) -> None:
    (folder / "scan.md").write_bytes(b"\x00\x00")
    (folder / "latin1.txt").write_bytes(b"r\xe9solution")
    (folder / "empty.md").write_bytes(b"")
    with open(folder / "dump.md", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    (folder / "loop.md").symlink_to("loop.md")
    (folder / "zz-good.md").write_text(GOOD, encoding="utf-8")  # after the bad ones in walking order
    code, out, err = run_cli(".", "missing.md", cwd=folder)
    assert code == 2 and "Traceback" not in err
    named = sorted(line.split(":")[2].strip() for line in error_lines(err))
    assert named == ["dump.md", "latin1.txt", "loop.md", "missing.md", "scan.md"], err
    assert "good.md:1:45: warning: PU003" in out and "zz-good.md:1:45: warning: PU003" in out


def test_unexpected_failure_is_one_line_not_a_traceback(folder: Path, capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(check_command, "discover", broken)
    code = cli.main([*ARGS, "good.md"])
    out, err = capsys.readouterr()
    assert code == 2
    assert "Traceback" not in err
    assert error_lines(err) == ["termlint: error: internal error: RuntimeError: simulated bug "
                                "(please report it; TERMLINT_DEBUG=1 shows where)"]
