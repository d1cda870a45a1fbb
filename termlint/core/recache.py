"""Patterns of the standard `re` module, compiled once and kept between runs (as core/regexcache.py
does for `regex`).

Python compiles an `re` pattern in Python too (parse, then code generation), and termlint, its
TOML reader and argparse compile about ninety at start-up: ~6 ms of a ~150 ms pre-commit run.
A compiled `re` pattern cannot be stored (pickling one stores its source and compiles it again),
but what the compiler hands the C engine can: the pattern's final flags, its code (a list of
integers), its group count and names. `install()` wraps `re._compiler.compile` so that a pattern
seen before is rebuilt from those by `_sre.compile`, as the compiler itself ends; new ones are
added to the cache file at exit. Python versions whose compiler this has not been checked
against are left alone (the tests compare every pattern's rebuilt form with a fresh compile: a
compiled pattern's equality includes its code).
"""

from __future__ import annotations

import marshal
import sys
from pathlib import Path
from typing import Any

from termlint.core.resources import cache_dir
from termlint.core.scratch import FileCache, Swap

MAX_ENTRIES = 1_000  # a run compiles ~150; beyond this the file starts again from one run's (a read costs ~5 µs an entry)
CHECKED = {(3, 11), (3, 12), (3, 13)}  # Pythons whose re._compiler.compile ends as `_parts` assumes

_swap = Swap()  # while installed: the cache file's entries, and the compiler it replaces


_NAME = "re-{}.marshal"  # the cache file's name, its key in the braces


def cache_file() -> Path:
    return cache_dir() / _NAME.format(f"{sys.hexversion:x}")


def parts(pattern: str, flags: int) -> tuple[Any, ...]:
    """What `re._compiler.compile(pattern, flags)` hands `_sre.compile`, computed as it does."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = parsed.state.groupdict
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    # the code's opcodes are int subclasses (named constants), which marshal does not store
    return (pattern, int(flags | parsed.state.flags), list(map(int, code)), parsed.state.groups - 1,
            dict(groupindex), tuple(indexgroup))


def install(path: Path | None = None) -> bool:
    """Serve `re` patterns from the cache file from now on; False on a Python not checked."""
    if _swap:
        return True
    if sys.version_info[:2] not in CHECKED:
        return False
    import _sre
    from re import _compiler  # type: ignore[attr-defined]

    original = _compiler.compile
    cache = FileCache(cache_file() if path is None else path, _read, marshal.dumps, MAX_ENTRIES, _NAME.format("*"))
    stored, new = cache.stored, cache.new
    debug = _compiler.SRE_FLAG_DEBUG

    def compile_cached(pattern: Any, flags: int = 0) -> Any:
        if type(pattern) is not str or type(flags) is not int or flags & debug:
            return original(pattern, flags)
        key = (pattern, flags)
        args = stored.get(key)
        if args is None:
            try:
                args = new[key] = parts(pattern, flags)
            except Exception:  # a syntax error: let the compiler report it as it does
                return original(pattern, flags)
        try:
            return _sre.compile(*args)
        except Exception:  # a damaged entry: compile afresh
            return original(pattern, flags)

    _swap.swap(_compiler, "compile", compile_cached, cache)
    return True


def compile_apart(pattern: str, flags: int = 0) -> Any:
    """`re.compile(pattern, flags)`, kept out of the cache file: for a pattern made from a
    document's own words, which the next document will not ask for (kept, they would fill the
    file that every run reads at start-up)."""
    from re import _compiler  # type: ignore[attr-defined]

    return (_swap.original() or _compiler.compile)(pattern, flags)


def uninstall() -> None:
    """Put `re` back as it was (tests)."""
    _swap.restore()


def save() -> None:
    """Add the patterns compiled by this process to the cache file (atomically)."""
    _swap.save()


def _read(path: Path) -> dict[tuple[str, int], tuple[Any, ...]]:
    try:
        data = marshal.loads(path.read_bytes())
    except Exception:  # missing, torn or foreign: start empty
        return {}
    return data if isinstance(data, dict) else {}
