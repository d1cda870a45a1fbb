"""The scratch file atomic writes go through: new, owner-only, never an existing file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from termlint.core.scratch import keep_newest, scratch_file


def test_a_new_private_file_in_the_folder(tmp_path: Path) -> None:
    fd, path = scratch_file(tmp_path, prefix=".draft.md.", suffix=".termlint-tmp")
    os.write(fd, b"text")
    os.close(fd)
    made = Path(path)
    assert made.parent == tmp_path and made.name.startswith(".draft.md.") and made.name.endswith(".termlint-tmp")
    assert made.read_bytes() == b"text"
    assert stat.S_IMODE(made.stat().st_mode) == 0o600


def test_names_differ_and_never_reuse_a_file(tmp_path: Path) -> None:
    made = {scratch_file(tmp_path)[1] for _ in range(50)}
    assert len(made) == 50


def test_a_missing_folder_is_an_oserror(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        scratch_file(tmp_path / "absent")


def test_keep_newest_deletes_the_older_files_of_one_kind_only(tmp_path: Path) -> None:
    for i in range(12):
        path = tmp_path / f"rules-{i:02d}.pickle"
        path.write_bytes(b"x")
        os.utime(path, ns=(i * 10**9, i * 10**9))  # rules-11 is the newest
    (tmp_path / "terms-00.pickle").write_bytes(b"x")
    keep_newest(tmp_path, "rules-*.pickle", 8)
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"rules-{i:02d}.pickle" for i in range(4, 12)] + ["terms-00.pickle"]
    keep_newest(tmp_path / "missing", "rules-*.pickle", 8)  # no folder: nothing to do, no error
