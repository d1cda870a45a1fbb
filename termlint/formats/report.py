"""What every format is given: the findings of a run, the rules that produced them, the files."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from termlint.core.model import Diagnostic, RuleMeta


@dataclass(frozen=True)
class Report:
    diagnostics: Sequence[Diagnostic]
    rules: Mapping[str, RuleMeta]  # metadata of every rule that ran, by code
    errors: Sequence[tuple[str, str]] = ()  # (path, problem) for files that could not be checked
    files_checked: int = 0
    sources: Mapping[str, str] = field(default_factory=dict)  # path -> text of each file checked
    show_source: bool = False
    statistics: bool = False
    color: bool = False
    fixed: int | None = None  # findings fixed by --fix in this run (None: not fixing)
    unsafe_fixes: bool = False  # count unsafe fixes as fixable
