"""A baseline of accepted findings, for legacy drafts: `--write-baseline FILE` records every
finding of the run, `--baseline FILE` then reports only findings not in it.

A finding is keyed by its file (relative to the baseline's folder) and its fingerprint (rule
code, the text of its line, its rank among equal ones: see formats/fingerprint.py), not its line
number, so editing a draft above an accepted finding keeps it accepted, while a new slip, even
of the same rule, is reported.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from termlint.core.model import Diagnostic
from termlint.formats.fingerprint import fingerprints
from termlint.run.write import WriteError, atomic_write

VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read or written; str() names it and the problem."""


def _key(path: str, baseline: Path) -> str:
    if path == "-" or path.startswith("<"):
        return path
    return Path(os.path.relpath(os.path.abspath(path), baseline.resolve().parent)).as_posix()


def read(baseline: Path) -> dict[str, frozenset[str]]:
    """The accepted fingerprints by file key; BaselineError for a missing or malformed file."""
    try:
        data = json.loads(baseline.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{baseline}: cannot read the baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{baseline}:{exc.lineno}: the baseline is not valid JSON ({exc.msg})") from None
    findings = data.get("findings") if isinstance(data, dict) else None
    if data.get("version") != VERSION or not isinstance(findings, dict) or not all(
            isinstance(v, list) and all(isinstance(f, str) for f in v) for v in findings.values()):
        raise BaselineError(f"{baseline}: not a termlint baseline (version {VERSION}, "
                            '{"findings": {"file": ["fingerprint", ...]}}); write one with --write-baseline')
    return {path: frozenset(prints) for path, prints in findings.items()}


def keyed(diagnostics: Sequence[Diagnostic], text: str) -> list[str]:
    """One key per diagnostic of one file: its rule code and fingerprint."""
    return [f"{d.code}:{fp}" for d, fp in zip(diagnostics, fingerprints(diagnostics, {d.path: text for d in diagnostics}))]


def drop_accepted(diagnostics: list[Diagnostic], text: str, accepted: Mapping[str, frozenset[str]],
                  baseline: Path) -> list[Diagnostic]:
    """The diagnostics of one file that the baseline does not accept."""
    if not diagnostics:
        return diagnostics
    known = accepted.get(_key(diagnostics[0].path, baseline), frozenset())
    return [d for d, key in zip(diagnostics, keyed(diagnostics, text)) if key not in known]


def write(baseline: Path, found: Mapping[str, list[str]]) -> int:
    """Write every file's finding keys; returns how many findings were recorded."""
    findings = {_key(path, baseline): sorted(keys) for path, keys in sorted(found.items()) if keys}
    data = json.dumps({"version": VERSION, "findings": findings}, indent=1, ensure_ascii=False) + "\n"
    try:
        if not baseline.exists():
            baseline.touch(mode=0o644)  # atomic_write replaces a file, keeping its mode: give it one
        atomic_write(baseline, data.encode("utf-8"))
    except (WriteError, OSError) as exc:
        raise BaselineError(f"{baseline}: cannot write the baseline: {exc}") from None
    return sum(len(keys) for keys in findings.values())
