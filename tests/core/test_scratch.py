"""The scratch file atomic writes go through: new, owner-only, never an existing file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from termlint.core.scratch import scratch_file


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
