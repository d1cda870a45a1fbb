"""The methods Python writes for each dataclass, compiled once and kept between runs.

`@dataclass` writes the source of each class's `__init__`, `__repr__`, `__eq__`, `__setattr__`...
and compiles it while the module is imported: for termlint's ~90 dataclasses that compiling
is about a sixth of a cold `termlint check` of one draft, paid again by every pre-commit run.

`install()` (called by the command line first, beside the compiled-pattern cache of
regexcache.py) gives the `dataclasses` module an `exec` that looks the source text up in the
user's cache file (`marshal`led code objects, the format of Python's own `.pyc` files, keyed
by Python's bytecode magic number) and compiles only what no earlier run has; new code is
added to the file when the process exits. The code objects are exactly what `exec` would
compile from the same text, run in the same namespaces: only the compiling is skipped. A
missing, torn or foreign file means compiling as before: the cache only ever saves time.
"""

from __future__ import annotations

import builtins
import marshal
import sys
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType, ModuleType
from typing import Any

from termlint.core.resources import cache_dir
from termlint.core.scratch import FileCache, Swap

MAX_ENTRIES = 2_000  # beyond this the file starts again from the code of one run
FORMAT = 2  # 2: compiled without this module's `from __future__ import annotations` (as exec would)

_swap = Swap()  # while installed: the cache file's entries, and dataclasses' exec


_NAME = "dataclass-code-{}.marshal"  # the cache file's name, its key in the braces


def cache_file() -> Path:
    return cache_dir() / _NAME.format(f"{FORMAT}-{MAGIC_NUMBER.hex()}")


def install(path: Path | None = None) -> bool:
    """Serve dataclass methods from the cache file from now on; False when dataclasses is already
    served (or cannot be, because it no longer compiles with `exec`)."""
    dataclasses = _import_dataclasses()
    if _swap or "exec" in vars(dataclasses):
        return bool(_swap)
    cache = FileCache(cache_file() if path is None else path, _read, marshal.dumps, MAX_ENTRIES, _NAME.format("*"))
    stored, new = cache.stored, cache.new

    def exec_cached(source: Any, globals: Any = None, locals: Any = None, /) -> None:
        if type(source) is str:
            code = stored.get(source)
            if code is None:
                code = new[source] = builtins.compile(source, "<string>", "exec", dont_inherit=True)
            source = code
        builtins.exec(source, globals, locals)

    _swap.swap(dataclasses, "exec", exec_cached, cache)  # found before builtins.exec
    return True


class _InspectOnFirstUse(ModuleType):
    """Stands for `inspect` in dataclasses' namespace: the real module is imported when an
    attribute is first asked for (a class without a docstring)."""

    def __getattr__(self, name: str) -> Any:
        import inspect  # the real one: this stand-in is never left in sys.modules

        return getattr(inspect, name)


def _import_dataclasses() -> ModuleType:
    """dataclasses, imported with a stand-in for `inspect` when neither is loaded yet. (importlib's
    LazyLoader would not do: `import inspect` itself reads the module's __spec__, which loads it.)"""
    if "dataclasses" in sys.modules or "inspect" in sys.modules:
        import dataclasses

        return dataclasses
    stand_in = sys.modules["inspect"] = _InspectOnFirstUse("inspect")
    try:
        import dataclasses
    finally:
        if sys.modules.get("inspect") is stand_in:
            del sys.modules["inspect"]
    return dataclasses


def uninstall() -> None:
    """Give dataclasses back the builtin exec (tests)."""
    _swap.restore()


def compiled_this_run() -> int:
    """How many methods this process compiled (not found in the cache file)."""
    return len(_swap.cache.new) if _swap.cache is not None else 0


def save() -> None:
    """Add the code compiled by this process to the cache file (atomically)."""
    _swap.save()


def _read(path: Path) -> dict[str, CodeType]:
    try:
        data = marshal.loads(path.read_bytes())
    except Exception:  # missing, torn or foreign: start empty
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if type(k) is str and type(v) is CodeType}
