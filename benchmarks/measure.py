"""Running a command to the end and measuring it (wall and CPU time, peak memory); printing a figure."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float  # user + system seconds of the process and its workers
    peak_kb: int  # the largest resident set of any one process of the run
    total_peak_kb: int  # the largest sum over the process tree, sampled
    code: int
    output: bytes


def run(cmd: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    """Run a command to the end; wall time, peak memory (from wait4, and sampled over its tree)."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd)
        total_peak = 0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            total_peak = max(total_peak, _tree_rss_kb(proc.pid))
            time.sleep(0.02)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, max(total_peak, usage.ru_maxrss), proc.returncode, out.read())


def _tree_rss_kb(pid: int) -> int:
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/statm") as handle:
                total += int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
            with open(f"/proc/{current}/task/{current}/children") as handle:
                pending.extend(int(c) for c in handle.read().split())
        except (OSError, ValueError):
            continue
    return total


def tail(result: Run, lines: int = 3) -> str:
    """The last lines of a run's output, on one line (to say why it failed)."""
    return " | ".join(result.output.decode("utf-8", "replace").strip().splitlines()[-lines:])


def line(label: str, value: str, target: str = "", ok: bool | None = None) -> None:
    mark = "" if ok is None else ("  ok" if ok else "  MISSED")
    print(f"  {label:38s} {value:>22s}   {target}{mark}")
