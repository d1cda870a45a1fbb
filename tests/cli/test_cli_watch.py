"""Issue 19 item 12: `termlint check --watch` checks again when a draft changes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT


def _read_until(proc: subprocess.Popen[str], marker: str, timeout: float = 60) -> list[str]:
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line.rstrip("\n"))
        if marker in line:
            return lines
    raise AssertionError(f"no {marker!r} in {lines}")


def test_watch_checks_again_after_a_change_and_stops_on_ctrl_c(tmp_path: Path):
    draft = tmp_path / "draft.md"
    draft.write_text("1. *Urges* States to act;;\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "termlint", "check", "--no-cache", "--watch", "--select", "PU",
                             "draft.md"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        first = _read_until(proc, "Found 1 problem")
        assert any("PU001" in line for line in first)
        time.sleep(1)  # a later modification time
        draft.write_text("1. *Urges* States to act;\n", encoding="utf-8")
        assert _read_until(proc, "All checks passed")[-1] == "All checks passed (1 file)."
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0
        assert "change detected" in proc.stderr.read()  # type: ignore[union-attr]
    finally:
        if proc.poll() is None:
            proc.kill()
