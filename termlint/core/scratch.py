"""A new file of our own beside a target, for writing it atomically (write, then `os.replace`).

`tempfile.mkstemp` does the same, but importing `tempfile` brings in `shutil`, `random`, `bz2` and
`lzma`: a few milliseconds of every run, which a pre-commit hook pays on each commit."""

from __future__ import annotations

import atexit
import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any


def scratch_file(folder: str | Path, prefix: str = ".tmp-", suffix: str = "") -> tuple[int, str]:
    """A new file in `folder`, opened for writing and readable by its owner only: (descriptor, path).
    Raises OSError as `tempfile.mkstemp` does (no folder, no permission)."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        path = os.path.join(folder, f"{prefix}{os.urandom(6).hex()}{suffix}")
        try:
            return os.open(path, flags, 0o600), path
        except FileExistsError:
            continue
    raise FileExistsError(f"no free scratch name in {folder}")


def replace_file(path: Path, data: bytes) -> None:
    """Write `data` as the whole of `path` atomically: a reader sees the old file or the new one,
    never half of one. Makes the folder; raises OSError (the caller decides whether that matters)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = scratch_file(path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


KEEP_VERSIONS = 3  # files kept of one kind of start-up cache whose key is a version (Python, regex, the word list)


def keep_newest(folder: Path, pattern: str, keep: int) -> None:
    """Delete all but the `keep` newest files of `folder` matching `pattern` (one kind of cache file
    whose name holds a key: a new key, after an upgrade or a pack edited, leaves the old file behind)."""
    with contextlib.suppress(OSError):
        found = sorted(((p.stat().st_mtime_ns, p) for p in folder.glob(pattern)), reverse=True)
        for _, stale in found[keep:]:
            with contextlib.suppress(OSError):
                stale.unlink()


def add_to_file_cache(path: Path, new: dict[Any, Any], read: Callable[[Path], dict[Any, Any]],
                      dumps: Callable[[dict[Any, Any]], bytes], max_entries: int) -> None:
    """Add `new` entries to the cache file at `path` (the compiled patterns, the dataclass code):
    read again, since another run may have added entries since this one started; begun afresh
    beyond `max_entries`; replaced atomically. A cache that cannot be written costs nothing."""
    merged = read(path)
    if len(merged) + len(new) > max_entries:
        merged = {}
    merged.update(new)
    with contextlib.suppress(OSError):
        replace_file(path, dumps(merged))


class FileCache:
    """One cache file's entries in this process: those read when it started (`stored`) and those it
    made (`new`), added to the file by `save` (at exit) in the process that read it, never in a
    forked worker. The compiled-pattern and dataclass-code caches each keep one."""

    def __init__(self, path: Path, read: Callable[[Path], dict[Any, Any]],
                 dumps: Callable[[dict[Any, Any]], bytes], max_entries: int, family: str = "") -> None:
        # family: the glob of this kind's files under any key ("re-*.marshal"): those of other
        # Python or regex versions are deleted once a few newer ones exist
        self.path, self._read, self._dumps, self._max_entries = path, read, dumps, max_entries
        self._family = family
        self.stored = read(path)
        self.new: dict[Any, Any] = {}
        self._pid = os.getpid()

    def save(self) -> None:
        if not self.new or self._pid != os.getpid():
            return  # nothing new, or a forked worker: the parent saves
        add_to_file_cache(self.path, self.new, self._read, self._dumps, self._max_entries)
        self.stored.update(self.new)
        self.new.clear()
        if self._family:
            keep_newest(self.path.parent, self._family, KEEP_VERSIONS)


_ABSENT = object()


class Swap:
    """A module's function (a compiler) swapped for one served from a FileCache, as each start-up
    cache does: `swap` puts the new one in place and saves the cache at exit, `restore` puts back
    what was there (tests). True while swapped."""

    def __init__(self) -> None:
        self.cache: FileCache | None = None
        self._place: tuple[Any, str, Any] = (None, "", _ABSENT)

    def __bool__(self) -> bool:
        return self.cache is not None

    def swap(self, owner: Any, name: str, replacement: Any, cache: FileCache) -> None:
        self._place = (owner, name, vars(owner).get(name, _ABSENT))
        setattr(owner, name, replacement)
        self.cache = cache
        atexit.register(self.save)

    def original(self) -> Any:
        """The module's own function the swap replaced (None when nothing is swapped, or when
        what was replaced was found elsewhere, as dataclasses finds builtins' exec)."""
        original = self._place[2]
        return None if self.cache is None or original is _ABSENT else original

    def restore(self) -> None:
        if self.cache is None:
            return
        owner, name, original = self._place
        if original is _ABSENT:  # it was not the module's own: found elsewhere (builtins)
            vars(owner).pop(name, None)
        else:
            setattr(owner, name, original)
        atexit.unregister(self.save)
        self.cache, self._place = None, (None, "", _ABSENT)

    def save(self) -> None:
        """Add what this process compiled to the cache file (atomically)."""
        if self.cache is not None:
            self.cache.save()
