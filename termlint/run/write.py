"""Writing a fixed file back without ever losing what the user wrote.

The new bytes go to a temporary file in the same directory (so the final rename stays on
one file system), are flushed and fsync'ed, take the original's permission bits, and only
then replace the original with os.replace, which is atomic on POSIX and Windows. If anything
fails before the rename, the original is untouched and the temporary file is removed.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


class WriteError(Exception):
    """The file could not be written; the original is unchanged. str() is shown to the user."""


def atomic_write(path: str | Path, data: bytes, expected: bytes | None = None) -> None:
    """Replace the contents of `path` with `data`, atomically.

    `expected`, when given, is what the file held when it was read: if the file changed
    since (an editor saved it while termlint was fixing), nothing is written, so the newer
    text is not overwritten by a fix of the older one.
    """
    target = Path(os.path.realpath(path))  # through a symbolic link: replace the file, keep the link
    try:
        info = target.stat()
        if expected is not None and target.read_bytes() != expected:
            raise WriteError("the file changed while it was being fixed; not written (run again)")
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".termlint-tmp")
    except OSError as exc:
        raise WriteError(f"cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, stat.S_IMODE(info.st_mode))
        with contextlib.suppress(OSError):  # only root may give a file away; keeping the group is best effort
            os.chown(tmp, info.st_uid, info.st_gid)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise WriteError(f"cannot write: {exc.strerror or exc}") from None
        raise
    _sync_directory(target.parent)


def _sync_directory(folder: Path) -> None:
    """fsync the directory so that the rename itself survives a crash (POSIX only)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
