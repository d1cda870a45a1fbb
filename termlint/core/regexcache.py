"""Compiled regular expressions kept between runs, so a pre-commit hook does not compile them again.

The `regex` module compiles a pattern in Python (parse, case folding, optimisation): for
termlint's several hundred patterns (pack rules, term lists, the parser's block shapes) that
is ~40% of a cold `termlint check` on one draft. A compiled `regex` pattern pickles as
the arguments of its C constructor (regex registers that with copyreg), and unpickling it
takes a few microseconds where compiling took milliseconds.

`install()` (called by the command line before anything compiles) wraps the module's
compile step: a pattern seen in an earlier run is unpickled from the user's cache
(`$XDG_CACHE_HOME/termlint/`, else `~/.cache/termlint/`), and patterns compiled for the
first time are added to it when the process exits. The file is keyed by the versions of
regex and Python; it is replaced atomically, and one that cannot be read is ignored.
Anything unexpected (another regex release that changed its internals) leaves regex as it
was: the cache only ever saves time.
"""

from __future__ import annotations

import contextlib
import pickle
import sys
from pathlib import Path
from typing import Any

from termlint.core.resources import cache_dir
from termlint.core.scratch import FileCache, Swap

MAX_ENTRIES = 20_000  # beyond this the file starts again from the patterns of one run

_swap = Swap()  # while installed: the cache file's entries, and the compile step it replaces


def cache_file() -> Path:
    import regex

    return cache_dir() / _NAME.format(f"{regex.__version__}-py{sys.version_info[0]}{sys.version_info[1]}")


_NAME = "regex-{}.pickle"  # the cache file's name, its key in the braces


def install(path: Path | None = None) -> bool:
    """Serve compiled patterns from the cache file from now on; False when regex cannot be wrapped."""
    if _swap:
        return True
    try:
        import regex
        from regex import _main
    except ImportError:  # pragma: no cover - regex is a dependency
        return False
    original = getattr(_main, "_compile", None)
    if original is None or not hasattr(regex, "DEFAULT_VERSION"):
        return False
    cache = FileCache(cache_file() if path is None else path, _read,
                      lambda merged: pickle.dumps(merged, protocol=pickle.HIGHEST_PROTOCOL), MAX_ENTRIES,
                      _NAME.format("*"))
    stored, new = cache.stored, cache.new
    memo: dict[tuple[Any, ...], Any] = {}
    skip = getattr(regex, "LOCALE", 0) | getattr(regex, "DEBUG", 0)

    def compile_cached(pattern: Any, flags: Any, *rest: Any, **kw: Any) -> Any:
        kwargs = rest[1] if len(rest) > 1 else kw.get("kwargs")
        if type(pattern) is not str or kwargs or not isinstance(flags, int) or flags & skip:
            return original(pattern, flags, *rest, **kw)
        key = (pattern, flags, regex.DEFAULT_VERSION)
        compiled = memo.get(key)
        if compiled is not None:
            return compiled
        blob = stored.get(key)
        if blob is not None:
            with contextlib.suppress(Exception):
                compiled = pickle.loads(blob)
        if compiled is None:
            compiled = original(pattern, flags, *rest, **kw)
            with contextlib.suppress(Exception):
                new[key] = pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL)
        memo[key] = compiled
        return compiled

    _swap.swap(_main, "_compile", compile_cached, cache)
    return True


def uninstall() -> None:
    """Put regex back as it was (tests)."""
    _swap.restore()


def save() -> None:
    """Add the patterns compiled by this process to the cache file (atomically)."""
    _swap.save()


def _read(path: Path) -> dict[tuple[Any, ...], bytes]:
    try:
        data = pickle.loads(path.read_bytes())
    except Exception:  # missing, torn or foreign: start empty
        return {}
    return data if isinstance(data, dict) else {}
