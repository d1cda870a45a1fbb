"""The built rule set kept between runs, so a pre-commit hook does not build it again.

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
import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from termlint import __version__
from termlint.core.resources import cache_dir, data_dir
from termlint.core.scratch import replace_file

PACKAGE = Path(__file__).resolve().parents[1]


def cached_rules(extra_packs: tuple[Path, ...], build: Callable[[], tuple[Any, ...]]) -> tuple[Any, ...]:
    """The rule set for `extra_packs`: from the cache when its sources are unchanged, else built."""
    if os.environ.get("TERMLINT_NO_RULE_CACHE"):
        return build()
    try:
        path = cache_dir() / f"rules-{_key(extra_packs)}.pickle"
    except OSError:
        return build()
    with contextlib.suppress(Exception):  # a stale or foreign pickle: build instead
        with open(path, "rb") as handle:
            rules = pickle.load(handle)
        if isinstance(rules, tuple):
            return rules
    rules = build()
    _store(path, rules)
    return rules


def _key(extra_packs: tuple[Path, ...]) -> str:
    import regex

    digest = hashlib.sha256(f"{__version__}|{sys.version}|{regex.__version__}".encode())
    sources = [*sorted(PACKAGE.rglob("*.py")), *sorted(p for p in data_dir("rules").rglob("*") if p.is_file()),
               *(Path(p).resolve() for p in extra_packs)]
    for source in sources:
        info = source.stat()
        digest.update(f"|{source}|{info.st_size}|{info.st_mtime_ns}".encode())
    return digest.hexdigest()[:24]


def _store(path: Path, rules: tuple[Any, ...]) -> None:
    with contextlib.suppress(Exception):  # an unwritable cache or an unpicklable rule costs nothing
        replace_file(path, pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL))
        for stale in path.parent.glob("rules-*.pickle"):  # keep the few newest rule sets
            if stale != path and stale.stat().st_mtime < path.stat().st_mtime - 7 * 86400:
                stale.unlink()
