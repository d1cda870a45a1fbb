"""`--force-exclude`: apply the configuration's `exclude` to files named on the command line.

A directory walk already skips excluded files; a file named explicitly is checked anyway,
unless this option is given. pre-commit names every staged file, so its hooks pass it
(as ruff's hooks do) to honour the user's `exclude` list.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from termlint.core.errors import SetupError
from termlint.run.runner import Overrides, config_for


def drop_excluded(paths: Sequence[str], overrides: Overrides) -> list[str]:
    """The paths not excluded by their own configuration (directories and "-" are kept)."""

    kept: list[str] = []
    for raw in paths:
        path = Path(raw)
        if raw == "-" or not path.is_file():
            kept.append(raw)
            continue
        try:
            excluded = config_for(path.resolve(), overrides).excludes(path)
        except SetupError:
            excluded = False  # checking it reports the configuration error
        if not excluded:
            kept.append(raw)
    return kept
