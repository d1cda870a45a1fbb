"""What `termlint check` was asked to do, as one frozen value built by the CLI.

Nothing below the CLI sees argparse: the runner, the fixer and the writers read this.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from termlint.core.model import Severity
from termlint.run.runner import Overrides


@dataclass(frozen=True)
class CheckOptions:
    """The options of `termlint check`, as the command line gives them."""
    paths: tuple[str, ...]
    overrides: Overrides = Overrides()  # --config, --select, --ignore
    output_format: str = "text"  # a format name, `auto` already resolved
    color: bool = False
    stdin_filename: str | None = None  # the name to report (and configure by) for "-"
    fix: bool = False
    unsafe_fixes: bool = False  # with fix or diff: apply unsafe fixes too; else count them as fixable
    diff: bool = False  # print the fixes as a diff instead of writing them
    diff_base: str | None = None  # report only findings on lines changed since this git revision
    force_exclude: bool = False
    fail_on: Severity | None = None  # None: each file's configuration decides (default warning)
    exit_zero: bool = False
    show_source: bool = False
    statistics: bool = False
    report_unused_directives: bool = False
    jobs: int = 1
    cache_dir: Path | None = None  # None: no result cache
    quiet: bool = False  # findings only: no summary line, no "Fixed N" note
    show_settings: bool = False  # print the settings that govern the first file, check nothing
    baseline: Path | None = None  # report only findings this baseline file does not accept
    write_baseline: Path | None = None  # record every finding of the run in this file, exit 0
    output_file: str | None = None  # write the report there (atomically) instead of standard output

    @property
    def fixing(self) -> bool:
        return self.fix or self.diff
