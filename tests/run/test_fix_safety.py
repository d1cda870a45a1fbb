"""Issue 8, item 4: `termlint check --fix` never loses or garbles a user's file.

A failure while writing (read-only folder, file vanished, disk full) leaves the original
byte for byte; permissions, encoding, BOM and each line's break are kept; two processes
fixing one file never leave a mixture, and a reader never sees one. All through the public
command line (termlint/run/fixfiles.py and termlint/run/write.py do the work).
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from termlint.cli import main as cli

# A recital and a paragraph of the seed draft with typing slips that PU001-PU003 fix.
BROKEN = [
    "*Recalling* the Convention on the Rights of the Child , the Optional Protocol to the Convention,,",
    "",
    "1. *Urges* Member States to to strengthen their efforts to combat child sexual exploitation;;",
    "",
    "2. *Decides* to remain seized of the matter.",
]
FIXED = [
    "*Recalling* the Convention on the Rights of the Child, the Optional Protocol to the Convention,",
    "",
    "1. *Urges* Member States to strengthen their efforts to combat child sexual exploitation;",
    "",
    "2. *Decides* to remain seized of the matter.",
]
ARGS = ("check", "--fix", "--select", "PU001,PU002,PU003", "--format", "concise", "--no-cache", "--jobs", "1")


def as_bytes(lines: list[str], newline: str = "\n", bom: bytes = b"", encoding: str = "utf-8") -> bytes:
    return bom + (newline.join(lines) + newline).encode(encoding)


def fix_cli(*paths: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "termlint", *ARGS, *map(str, paths)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def fix_main(capsys: pytest.CaptureFixture[str], *paths: str | Path) -> tuple[int, str, str]:
    code = cli.main([*ARGS, *map(str, paths)])
    out, err = capsys.readouterr()
    return code, out, err


def leftovers(folder: Path) -> list[str]:
    """Temporary files a failed write must not leave behind."""
    return sorted(p.name for p in folder.iterdir() if "termlint-tmp" in p.name)


@pytest.fixture()
def draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "draft.md"
    path.write_bytes(as_bytes(BROKEN))
    monkeypatch.chdir(tmp_path)
    return path


# --- what is kept ------------------------------------------------------------------------

def test_fix_keeps_bom_crlf_and_permissions(draft: Path) -> None:
    draft.write_bytes(as_bytes(BROKEN, "\r\n", codecs.BOM_UTF8))
    draft.chmod(0o640)
    proc = fix_cli(draft.name, cwd=draft.parent)
    assert proc.returncode == 0, proc.stderr
    assert draft.read_bytes() == as_bytes(FIXED, "\r\n", codecs.BOM_UTF8)
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640
    assert leftovers(draft.parent) == []


def test_fix_keeps_utf16_and_classic_mac_breaks(draft: Path) -> None:
    draft.write_bytes(as_bytes(BROKEN, "\r", codecs.BOM_UTF16_LE, "utf-16-le"))
    proc = fix_cli(draft.name, cwd=draft.parent)
    assert proc.returncode == 0, proc.stderr
    assert draft.read_bytes() == as_bytes(FIXED, "\r", codecs.BOM_UTF16_LE, "utf-16-le")


def test_fix_keeps_each_lines_own_break_in_a_mixed_file(draft: Path) -> None:
    breaks = ["\r\n", "\n", "\r\n", "\n", ""]
    draft.write_bytes("".join(a + b for a, b in zip(BROKEN, breaks)).encode())
    assert fix_cli(draft.name, cwd=draft.parent).returncode == 0
    assert draft.read_bytes() == "".join(a + b for a, b in zip(FIXED, breaks)).encode()


def test_fix_through_a_symbolic_link_keeps_the_link(draft: Path) -> None:
    link = draft.parent / "link.md"
    link.symlink_to(draft.name)
    assert fix_cli(link.name, cwd=draft.parent).returncode == 0
    assert link.is_symlink() and draft.read_bytes() == as_bytes(FIXED)


def test_nothing_to_fix_leaves_the_file_untouched(draft: Path) -> None:
    draft.write_bytes(as_bytes(FIXED, "\r\n"))
    before = draft.stat()
    assert fix_cli(draft.name, cwd=draft.parent).returncode == 0
    after = draft.stat()
    assert draft.read_bytes() == as_bytes(FIXED, "\r\n")
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


# --- failures while writing ----------------------------------------------------------------

def assert_failed_cleanly(code: int, err: str, draft: Path, original: bytes, *words: str) -> None:
    lines = [line for line in err.splitlines() if line.startswith("termlint: error:")]
    assert code == 2, err
    assert "Traceback" not in err
    assert len(lines) == 1 and draft.name in lines[0] and all(w in lines[0] for w in words), err
    assert draft.read_bytes() == original, "the original was changed by a failed write"
    assert leftovers(draft.parent) == []


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                    reason="root writes into a read-only folder; the simulated test below covers the code path")
def test_read_only_folder_real(draft: Path) -> None:
    original = draft.read_bytes()
    draft.parent.chmod(0o555)
    try:
        proc = fix_cli(draft.name, cwd=draft.parent)
    finally:
        draft.parent.chmod(0o755)
    assert_failed_cleanly(proc.returncode, proc.stderr, draft, original, "Permission denied")


def test_read_only_folder(draft: Path, capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    from termlint.run import write

    original = draft.read_bytes()

    def refuse(*args: object, **kwargs: object) -> object:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(write, "scratch_file", refuse)
    assert_failed_cleanly(*fix_main(capsys, draft.name)[::2], draft, original, "Permission denied")


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_disk_full_leaves_the_original(draft: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch, failing: str) -> None:
    original = draft.read_bytes()

    def full(*args: object, **kwargs: object) -> object:
        raise OSError(errno.ENOSPC, "No space left on device")

    if failing == "write":  # the bytes go through a file object whose write hits a full disk
        real_fdopen = os.fdopen

        class FullDisk:
            def __init__(self, handle: object) -> None:
                self.handle = handle

            def __enter__(self) -> FullDisk:
                return self

            def __exit__(self, *exc: object) -> None:
                self.handle.close()  # type: ignore[attr-defined]

            def write(self, data: bytes) -> int:
                self.handle.write(data[: len(data) // 2])  # type: ignore[attr-defined]
                self.handle.flush()  # type: ignore[attr-defined]
                raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: FullDisk(real_fdopen(fd, *a, **k)))
    else:
        monkeypatch.setattr(os, failing, full)
    assert_failed_cleanly(*fix_main(capsys, draft.name)[::2], draft, original, "No space left on device")


def test_file_vanished_while_fixing(draft: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from termlint.run import fixfiles

    real_fix = fixfiles.fix_text

    def fix_then_vanish(*args: object, **kwargs: object) -> object:
        outcome = real_fix(*args, **kwargs)
        draft.unlink()  # another program removed the file meanwhile
        return outcome

    monkeypatch.setattr(fixfiles, "fix_text", fix_then_vanish)
    code, _, err = fix_main(capsys, draft.name)
    lines = [line for line in err.splitlines() if line.startswith("termlint: error:")]
    assert code == 2 and "Traceback" not in err
    assert lines and all(draft.name in line for line in lines), err
    assert not draft.exists(), "a vanished file must not be re-created from an old read"
    assert leftovers(draft.parent) == []


def test_file_changed_while_fixing_is_not_overwritten(draft: Path, capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from termlint.run import fixfiles

    real_fix = fixfiles.fix_text
    edited = as_bytes([*BROKEN, "", "3. *Requests* the Secretary-General to report;;"])

    def fix_while_user_saves(*args: object, **kwargs: object) -> object:
        outcome = real_fix(*args, **kwargs)
        draft.write_bytes(edited)  # the user's editor saved a newer text meanwhile
        return outcome

    monkeypatch.setattr(fixfiles, "fix_text", fix_while_user_saves)
    code, _, err = fix_main(capsys, draft.name)
    assert code == 2 and "changed" in err
    assert draft.read_bytes() == edited


def test_a_failed_write_does_not_stop_the_other_files(draft: Path, capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from termlint.run import write

    other = draft.parent / "other.md"
    other.write_bytes(as_bytes(BROKEN))
    real_replace = os.replace

    def replace_all_but_draft(src: str, dst: object) -> None:
        if str(dst).endswith("draft.md"):
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(write.os, "replace", replace_all_but_draft)
    code, _, err = fix_main(capsys, draft.name, other.name)
    assert code == 2 and "draft.md" in err and "Input/output error" in err
    assert draft.read_bytes() == as_bytes(BROKEN)
    assert other.read_bytes() == as_bytes(FIXED)


# --- two processes at once -----------------------------------------------------------------

def test_two_processes_fixing_one_file_never_leave_a_mixture(tmp_path: Path) -> None:
    # A long draft (many paragraphs) so that writing it takes a while.
    long_broken = [line for i in range(400) for line in (BROKEN[0], "", BROKEN[2].replace("1.", f"{i + 1}."), "")]
    long_fixed = [line for i in range(400) for line in (FIXED[0], "", FIXED[2].replace("1.", f"{i + 1}."), "")]
    old, new = as_bytes(long_broken, "\r\n"), as_bytes(long_fixed, "\r\n")
    draft = tmp_path / "draft.md"
    seen: set[bytes] = set()
    for _ in range(3):
        draft.write_bytes(old)
        stop = threading.Event()

        def read_until_stopped() -> None:
            while not stop.is_set():
                seen.add(draft.read_bytes())

        reader = threading.Thread(target=read_until_stopped)
        reader.start()
        procs = [subprocess.Popen([sys.executable, "-m", "termlint", *ARGS, draft.name], cwd=tmp_path,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]  # type: ignore[union-attr]
        stop.set()
        reader.join()
        seen.add(draft.read_bytes())
        assert draft.read_bytes() == new
        for code, err in results:
            assert "Traceback" not in err
            # the slower one finds nothing left to fix, or sees that the file changed under it
            assert code == 0 or (code == 2 and "changed while it was being fixed" in err), err
        assert leftovers(tmp_path) == []
    assert seen <= {old, new}, "a reader saw a file that was neither the old text nor the new one"
