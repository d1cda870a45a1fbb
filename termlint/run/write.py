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
from pathlib import Path

from termlint.core.scratch import scratch_file


class WriteError(Exception):
    """The file could not be written; the original is unchanged. str() is shown to the user."""


def atomic_write(path: str | Path, data: bytes, expected: bytes | None = None) -> None:
    """Replace the contents of `path` with `data` (or create it), atomically.

    `expected`, when given, is what the file held when it was read: if the file changed
    since (an editor saved it while termlint was fixing), nothing is written, so the newer
    text is not overwritten by a fix of the older one.
    """
    target = Path(os.path.realpath(path))  # through a symbolic link: replace the file, keep the link
    info: os.stat_result | None = None
    try:
        if expected is not None or target.exists():
            info = target.stat()
        if expected is not None and target.read_bytes() != expected:
            raise WriteError("the file changed while it was being fixed; not written (run again)")
        fd, tmp = scratch_file(target.parent, prefix=f".{target.name}.", suffix=".termlint-tmp")
    except OSError as exc:
        raise WriteError(f"cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if info is not None:
            os.chmod(tmp, stat.S_IMODE(info.st_mode))
            with contextlib.suppress(OSError):  # only root may give a file away; keeping the group is best effort
                os.chown(tmp, info.st_uid, info.st_gid)
        else:  # a new file (an annotated copy): the permissions a new file gets here
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
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


class AtomicOutput:
    """A report written to `path` as it is produced, appearing there only when complete.

    The text goes to a temporary file beside `path`; `commit()` fsyncs it and renames it
    into place (as ruff's and textlint's --output-file do), `discard()` removes it. A reader
    of `path` (a CI artefact upload, a browser) never sees half a report, and a run that
    fails midway leaves the previous report untouched. A new file gets the usual permissions
    (0666 less the umask), not the private 0600 of a temporary file; a replaced file keeps its own.

    A path that is not a regular file (/dev/null, /dev/stdout, a named pipe another program
    reads) is written to directly: renaming a file onto it would replace the device or the pipe
    itself, and a user running as root in a CI container would lose /dev/null.
    """

    def __init__(self, path: str | Path) -> None:
        self.target = Path(os.path.realpath(path))
        self.tmp: str | None = None
        if self.target.is_dir():  # found now, not after the whole run when the rename fails
            raise WriteError("is a directory")
        try:
            kind = os.stat(self.target).st_mode
        except OSError:
            kind = None
        if kind is not None and not stat.S_ISREG(kind):
            try:
                self.handle = open(self.target, "w", encoding="utf-8", newline="")  # noqa: SIM115
            except OSError as exc:
                raise WriteError(f"cannot write: {exc.strerror or exc}") from None
            return
        try:
            fd, self.tmp = scratch_file(self.target.parent, prefix=f".{self.target.name}.",
                                            suffix=".termlint-tmp")
        except OSError as exc:
            raise WriteError(f"cannot write: {exc.strerror or exc}") from None
        self.handle = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def write(self, text: str) -> int:
        """Append `text` to the report; WriteError when the disk refuses it."""
        try:
            return self.handle.write(text)
        except OSError as exc:
            self.discard()
            raise WriteError(f"cannot write: {exc.strerror or exc}") from None

    def commit(self) -> None:
        """Put the complete report in place."""
        if self.tmp is None:  # a device or a pipe, written to directly
            try:
                self.handle.close()
            except OSError as exc:
                raise WriteError(f"cannot write: {exc.strerror or exc}") from None
            return
        try:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
            try:
                mode = stat.S_IMODE(self.target.stat().st_mode)
            except FileNotFoundError:
                mode = 0o666 & ~_umask()
            os.chmod(self.tmp, mode)
            os.replace(self.tmp, self.target)
        except OSError as exc:
            self.discard()
            raise WriteError(f"cannot write: {exc.strerror or exc}") from None
        _sync_directory(self.target.parent)

    def discard(self) -> None:
        """Drop the partial report; the file at `path`, if any, is left as it was."""
        with contextlib.suppress(OSError):
            self.handle.close()
        if self.tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.tmp)


def _umask() -> int:
    mask = os.umask(0)  # the only portable way to read it is to set it
    os.umask(mask)
    return mask
