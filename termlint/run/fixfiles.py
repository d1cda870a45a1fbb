"""`check --fix`, `--unsafe-fixes` and `--diff`: fixing files on disk (or standard input).

commands.check calls `run_fixes` before it lints: files are fixed and written atomically
first, and the ordinary check that follows reports what remains. `--diff` and standard
input are finished here (they print the diff or the fixed text instead of findings).
"""

from __future__ import annotations

import argparse
import difflib
import sys
from dataclasses import dataclass, field
from pathlib import Path

from termlint.core.errors import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, SetupError
from termlint.core.model import Severity
from termlint.engine.fix import encode_fixed, fix_text
from termlint.engine.linegate import LineGate
from termlint.engine.lint import Settings, lint_text
from termlint.run.config import Config
from termlint.run.diffbase import DiffBaseError, gate_for
from termlint.run.runner import (
    FileProblem,
    Overrides,
    config_for,
    discover,
    read_document,
    settings_for,
)
from termlint.run.write import WriteError, atomic_write
from termlint.text.document import DecodeError, Document


@dataclass(frozen=True)
class FileFix:
    path: str
    document: Document
    before: bytes
    after: bytes
    applied: int
    converged: bool

    @property
    def changed(self) -> bool:
        return self.after != self.before


@dataclass
class FixRun:
    applied: int = 0  # findings fixed in all files
    errors: list[tuple[str, str]] = field(default_factory=list)
    exit_code: int | None = None  # set when the run is complete here (--diff, standard input)


def settings_of(path: str, overrides: Overrides, stdin_name: str | None = None) -> tuple[Config, Settings]:
    """The configuration and settings `check` uses for this file (with its per-file ignores)."""
    anchor = Path(stdin_name if path == "-" and stdin_name else path)
    config = config_for(anchor if anchor.is_absolute() else Path.cwd() / anchor, overrides)
    return config, settings_for(config, overrides.select, overrides.ignore, config.ignored_for(anchor))


def fix_document(document: Document, before: bytes, settings: Settings, unsafe: bool,
                 gate: LineGate | None = None) -> FileFix:
    outcome = fix_text(document, settings, unsafe, gate)
    after = before if outcome.text == document.text else encode_fixed(document, outcome.text)
    return FileFix(document.path, document, before, after, outcome.applied, outcome.converged)


def run_fixes(ns: argparse.Namespace, overrides: Overrides) -> FixRun:
    run = FixRun()
    paths = list(ns.paths)
    if "-" in paths:
        if len(paths) > 1:
            run.errors.append(("-", "--fix and --diff read standard input only when it is the one path"))
            run.exit_code = EXIT_ERROR
            return run
        return _fix_stdin(ns, overrides, run)
    diffs: list[str] = []
    for path, problem in discover(paths, overrides):
        if problem is not None:
            continue  # the check that follows reports it
        try:
            gate = gate_for(path, ns.diff_base) if getattr(ns, "diff_base", None) else None
            before = _read_bytes(path)
            document = read_document(path)
            result = fix_document(document, before, settings_of(path, overrides)[1], ns.unsafe_fixes, gate)
        except (FileProblem, DiffBaseError) as exc:
            run.errors.append((path, str(exc)))
            continue
        except SetupError:
            continue  # the check that follows reports the configuration error
        if not result.converged:
            run.errors.append((path, "fixes did not settle after 10 rounds; the last text was kept "
                                     "(two rules undo each other: please report this)"))
        if not result.changed:
            continue
        if ns.diff:
            diffs.append(unified_diff(result))
            run.applied += result.applied
            continue
        try:
            atomic_write(path, result.after, expected=before)
        except WriteError as exc:
            run.errors.append((path, str(exc)))
            continue
        run.applied += result.applied
    if ns.diff:
        for path, problem in run.errors:
            print(f"termlint: error: {path}: {problem}", file=sys.stderr)
        sys.stdout.write("".join(diffs))
        n = run.applied
        print(f"Would fix {n} problem{'s' if n != 1 else ''}." if n else "No fixes available.", file=sys.stderr)
        run.exit_code = EXIT_ERROR if run.errors else EXIT_FINDINGS if diffs else EXIT_CLEAN
    return run


def unified_diff(fix: FileFix) -> str:
    """A unified diff of the fix (decoded text, "\\n" line breaks), as `ruff --diff` prints it."""
    fixed = Document.from_bytes(fix.after, fix.path).text
    lines = difflib.unified_diff(fix.document.text.splitlines(keepends=True), fixed.splitlines(keepends=True),
                                 fromfile=fix.path, tofile=fix.path)
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _read_bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise FileProblem(exc.strerror or str(exc)) from None


def _fix_stdin(ns: argparse.Namespace, overrides: Overrides, run: FixRun) -> FixRun:
    """Standard input: the fixed text goes to standard output (for an editor), findings to stderr."""
    name = ns.stdin_filename or "<stdin>"
    try:
        before = sys.stdin.buffer.read()
        document = Document.from_bytes(before, name)
        config, settings = settings_of("-", overrides, ns.stdin_filename)
    except (DecodeError, SetupError) as exc:
        print(f"termlint: error: {name}: {exc}", file=sys.stderr)
        run.exit_code = EXIT_ERROR
        return run
    result = fix_document(document, before, settings, ns.unsafe_fixes)
    if ns.diff:
        sys.stdout.write(unified_diff(result) if result.changed else "")
        run.exit_code = EXIT_FINDINGS if result.changed else EXIT_CLEAN
        return run
    sys.stdout.buffer.write(result.after)
    sys.stdout.flush()
    remaining = lint_text(Document.from_bytes(result.after, name), settings, name).diagnostics
    for d in remaining:
        print(f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}", file=sys.stderr)
    n = result.applied
    print(f"Fixed {n} problem{'s' if n != 1 else ''}.", file=sys.stderr)
    fail = Severity.parse(ns.fail_on) if ns.fail_on else config.fail_on
    failing = any(d.severity >= fail for d in remaining)
    run.exit_code = EXIT_FINDINGS if failing and not ns.exit_zero else EXIT_CLEAN
    return run
