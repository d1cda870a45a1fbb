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


def test_a_run_leaves_at_most_three_versions_of_each_start_up_cache(tmp_path: Path) -> None:
    # what upgrades of Python, regex, pyspellchecker or termlint's formats left behind
    import subprocess
    import sys

    from conftest import ROOT, SEED

    folder = tmp_path / "termlint"
    folder.mkdir()
    families = ("re-*.marshal", "regex-*.pickle", "dataclass-code-*.marshal", "english-words-*.txt")
    for family in families:
        for old in range(4):
            stale = folder / family.replace("*", f"old{old}")
            stale.write_bytes(b"from another version")
            os.utime(stale, (1_000_000 + old, 1_000_000 + old))
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "termlint", "check", "--no-cache", "--exit-zero", str(SEED)],
                   capture_output=True, env=env, timeout=300, check=True)
    for family in families:
        kept = sorted(p.name for p in folder.glob(family))
        assert len(kept) == 3, kept
        assert family.replace("*", "old3") in kept and family.replace("*", "old0") not in kept  # the newest stale stay
        assert any("old" not in name for name in kept), kept  # this run's own file
