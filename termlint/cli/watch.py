"""`termlint check --watch`: check, then check again whenever a draft or a configuration changes.

Polls the files the paths name (and the configuration files governing the working directory)
twice a second: no dependency, and it works on every file system, network shares included.
Ctrl-C ends it with exit status 0.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from termlint.core.errors import EXIT_CLEAN
from termlint.run.options import CheckOptions
from termlint.run.runner import discover, forget_configuration

INTERVAL = 0.5  # seconds between two looks at the files


def _state(options: CheckOptions) -> frozenset[tuple[str, int, int]]:
    """(path, mtime, size) of every file to check and of the configuration files around."""
    found: set[tuple[str, int, int]] = set()
    names = [p for p, _ in discover(options.paths, options.overrides) if p != "-"]
    folder = Path.cwd()
    for parent in (folder, *folder.parents):
        names.extend(str(parent / n) for n in ("termlint.toml", "pyproject.toml"))
    if options.overrides.config:
        names.append(str(options.overrides.config))
    for name in names:
        try:
            info = os.stat(name)
        except OSError:
            continue
        found.add((name, info.st_mtime_ns, info.st_size))
    return frozenset(found)


def watch(options: CheckOptions, check: Callable[[CheckOptions], int]) -> int:
    """Run `check` now and after every change, until interrupted."""
    try:
        seen = _state(options)
        check(options)
        while True:
            sys.stdout.flush()
            time.sleep(INTERVAL)
            now = _state(options)
            if now == seen:
                continue
            seen = now
            forget_configuration()  # a configuration or a pack may have changed
            print(f"\n[termlint] {time.strftime('%H:%M:%S')} change detected: checking again", file=sys.stderr)
            check(options)
    except KeyboardInterrupt:
        sys.stdout.flush()
        return EXIT_CLEAN
