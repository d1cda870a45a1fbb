"""The `termlint` command leaves without tearing the interpreter down (cli/main.run): its whole
report still reaches the reader, its exit status is main's, and the caches are still saved."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from termlint.core import recache
from tests.conftest import ROOT, SEED


def termlint(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "termlint", *args], capture_output=True, text=True, cwd=ROOT,
                          env={"XDG_CACHE_HOME": str(cache), "PATH": ""}, timeout=120)


def test_the_whole_report_is_written_and_the_status_is_mains(tmp_path: Path) -> None:
    done = termlint("check", "--no-cache", "--format", "json", str(SEED), str(SEED.with_suffix(".docx")), cache=tmp_path)
    findings = json.loads(done.stdout)  # every byte of a ~90 KB report, flushed before the exit
    assert done.returncode == 1 and len(findings) == 110 and done.stderr == ""
    clean = tmp_path / "clean.md"
    clean.write_text("The General Assembly,\n\n1. *Decides* to remain seized of the matter.\n", encoding="utf-8")
    assert termlint("check", "--no-cache", str(clean), cache=tmp_path).returncode == 0
    missing = termlint("check", str(tmp_path / "no-such-draft.txt"), cache=tmp_path)
    assert missing.returncode == 2 and "no-such-draft.txt" in missing.stderr


def test_the_exit_handlers_still_save_the_caches(tmp_path: Path) -> None:
    termlint("check", "--no-cache", str(SEED), cache=tmp_path)
    saved = {path.name.split("-")[0] for path in (tmp_path / "termlint").iterdir()}
    expected = {"regex", "dataclass"} | ({"re"} if sys.version_info[:2] in recache.CHECKED else set())
    assert expected <= saved  # written by atexit handlers, not by the run itself
