"""Giving memory that a large file's check frees back to the system (glibc only).

glibc's malloc serves a block of 128 KB or more with its own `mmap`, returned to the system when
the block is freed, and then *raises* that threshold to the freed block's size (up to 32 MB):
after the first large text is freed, every later block below its size comes from the heap, and
freed heap memory in the middle of it stays with the process. Checking a 9 MB draft makes dozens
of whole-text copies for a moment (its lowered text, the term scan's flat text, the joined
paragraphs of the duplicate check); with the moving threshold they pile up in the heap, some
30 MB of a 240 MB peak. `keep_large_blocks_apart` fixes the threshold at 4 MB, so each such copy
goes back to the system when it is freed (the pieces a long text is read in, ~128 KB, stay on the
heap: at glibc's own 128 KB each would be mapped and faulted in anew, ~20% more page faults).

A process that never reads a large file never calls it (it costs importing ctypes, ~5 ms); other
C libraries (musl, macOS) lack `mallopt` and are left as they are.
"""

from __future__ import annotations

import sys

LARGE = 2 << 20  # bytes of a file from which its check pays for fixing the threshold
_M_MMAP_THRESHOLD = -3  # glibc's malloc.h
_THRESHOLD = 4 << 20  # a whole-text copy of a 2 MB file (two bytes a character) and more
_DONE = [False]


def keep_large_blocks_apart() -> bool:
    """Fix glibc's mmap threshold at 4 MB (once per process); False where there is no glibc (or it
    refuses)."""
    if _DONE[0]:
        return True
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        done = bool(libc.mallopt(_M_MMAP_THRESHOLD, _THRESHOLD))
    except (OSError, AttributeError):  # no mallopt in this C library (musl)
        return False
    _DONE[0] = done
    return done
