"""Issue 19 item 11, the smaller edges: a closed pipe, a mistyped `check` option."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_a_pipe_closed_by_the_reader_exits_0_quietly():
    for args in (["rules"], ["rules", "--format", "json"], ["explain", "PU"]):
        proc = subprocess.Popen([sys.executable, "-m", "termlint", *args], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, cwd=ROOT)
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # `| head` that has read enough: every write now meets a closed pipe
        err = proc.stderr.read().decode("utf-8")
        assert proc.wait(timeout=120) == 0, (args, err)
        assert err == "", err


def test_a_mistyped_check_option_prints_checks_usage():
    for args in (["check", "--selct", "PU", "examples"], ["--selct", "PU", "examples"]):
        out = subprocess.run([sys.executable, "-m", "termlint", *args], capture_output=True, text=True, cwd=ROOT,
                             timeout=120)
        assert out.returncode == 2
        assert out.stderr.startswith("usage: termlint check "), out.stderr
        assert "unrecognized arguments: --selct" in out.stderr
