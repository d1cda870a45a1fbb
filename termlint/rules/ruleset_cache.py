"""The built rule set kept between runs, so a pre-commit hook does not build it again (and, the
same way, the bundled lists the rules read: lead phrases, calendars, house words).

Building every rule from the packs (term tables, inflections, patterns) costs more CPU than
checking one short draft; unpickling the result costs about 2 ms. The pickle lives in the
user's cache folder beside the compiled patterns (see core/regexcache.py; SECURITY.md says
why that folder is trusted as much as $HOME) and is keyed by everything a rule set is built
from: termlint's version, Python's and regex's, and the size and modification time of every
source file of the package, every bundled data file and every user pack. A key that does not
match, or a file that cannot be read, means building the rules as before: the cache only
ever saves time. TERMLINT_NO_RULE_CACHE=1 turns it off.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from termlint import __version__
from termlint.core.digest import sha256
from termlint.core.resources import cache_dir, data_dir, installed_stamp
from termlint.core.scratch import keep_newest, replace_file

PACKAGE = Path(__file__).resolve().parents[1]
KEEP = 8  # rule sets kept of each kind: a few projects' packs, or versions side by side
T = TypeVar("T")


def cached_rules(extra_packs: tuple[Path, ...], build: Callable[[], tuple[Any, ...]]) -> tuple[Any, ...]:
    """The rule set for `extra_packs`: from the cache when its sources are unchanged, else built."""
    return cached("rules", extra_packs, build, tuple)


def cached(kind: str, extra_packs: tuple[Path, ...], build: Callable[[], T], expected: type[T]) -> T:
    """What `build` makes from the packs (the rule set, the term matcher: `kind` names it), from
    the cache when its sources are unchanged, else built and stored."""
    if os.environ.get("TERMLINT_NO_RULE_CACHE"):
        return build()
    try:
        path = cache_dir() / f"{kind}-{_key(extra_packs)}.pickle"
    except OSError:
        return build()
    with contextlib.suppress(Exception):  # a stale or foreign pickle: build instead
        with open(path, "rb") as handle:
            value = pickle.load(handle)
        if isinstance(value, expected):
            return value
    value = build()
    _store(path, value, kind)
    return value


def forget() -> None:
    """Read the sources' sizes and times again (after a pack file changed, in a long-lived server)."""
    _key.cache_clear()


@lru_cache(maxsize=16)
def _key(extra_packs: tuple[Path, ...]) -> str:
    import regex

    digest = sha256(f"{__version__}|{sys.version}|{regex.__version__}|{installed_stamp('ahocorasick')}".encode())
    sources = [*_files(str(PACKAGE), ".py"), *_files(str(data_dir("rules")), ""),
               *(str(Path(p).resolve()) for p in extra_packs)]
    for source in sources:
        info = os.stat(source)
        digest.update(f"|{source}|{info.st_size}|{info.st_mtime_ns}".encode())
    return digest.hexdigest()[:24]


def _files(folder: str, suffix: str) -> list[str]:
    """Every file under `folder` whose name ends with `suffix`, in a fixed order (os.walk with plain
    strings: pathlib's rglob and sorting took two thirds of the key's time on every run)."""
    found: list[str] = []
    for parent, folders, names in os.walk(folder):
        folders.sort()
        found.extend(os.path.join(parent, name) for name in sorted(names) if name.endswith(suffix))
    return found


def _store(path: Path, rules: Any, kind: str = "rules") -> None:
    with contextlib.suppress(Exception):  # an unwritable cache or an unpicklable rule costs nothing
        replace_file(path, pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL))
        keep_newest(path.parent, f"{kind}-*.pickle", KEEP)
