"""core/heap: with the mmap threshold fixed, large blocks freed after a larger one go back to the system."""

from __future__ import annotations

import subprocess
import sys

import pytest

# In a fresh process: a 20 MB block freed (glibc then serves everything below 20 MB from its heap),
# eight 5 MB blocks each followed by a 100 KB one that stays, the 5 MB blocks freed: how much of
# them is still resident.
_CHILD = """
import sys
if sys.argv[1] == "fixed":
    from termlint.core.heap import keep_large_blocks_apart
    assert keep_large_blocks_apart() and keep_large_blocks_apart()
def rss():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024
big = b"x" * (20 << 20)
del big
base = rss()
blocks, kept = [], []
for _ in range(8):
    blocks.append(b"y" * (5 << 20))
    kept.append(b"z" * (100 << 10))
del blocks
print(rss() - base)
"""


def resident_after(mode: str) -> float:
    done = subprocess.run([sys.executable, "-c", _CHILD, mode], capture_output=True, text=True, check=True)
    return float(done.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc (Linux) only")
def test_freed_large_blocks_leave_the_process_once_the_threshold_is_fixed() -> None:
    assert resident_after("moving") > 30  # glibc's own behaviour: the freed 40 MB stay
    assert resident_after("fixed") < 5  # only the 0.8 MB of blocks kept
