"""`termlint check`: the options value built from the command line, and the run that reports it."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from termlint.core.errors import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, SetupError
from termlint.core.model import Severity
from termlint.formats import AUTO, FORMATS, ReportOptions, resolve, writer
from termlint.rules.own import UNUSED_CODE, UNUSED_META
from termlint.run.cache import default_dir
from termlint.run.config import Config
from termlint.run.options import CheckOptions
from termlint.run.parallel import Job, Outcome, default_jobs, lint_files
from termlint.run.runner import Overrides, config_for, discover
from termlint.run.write import AtomicOutput, WriteError


def format_names() -> list[str]:
    return [AUTO, *FORMATS]


def add_check_options(check: argparse.ArgumentParser) -> None:
    check.add_argument("--report-unused-directives", action="store_true",
                       help="report suppression comments that suppress nothing")
    check.add_argument("--fix", action="store_true", help="apply safe fixes, then report what remains")
    check.add_argument("--unsafe-fixes", action="store_true",
                       help="with --fix or --diff, apply unsafe fixes too; otherwise count them as fixable")
    check.add_argument("--diff", action="store_true",
                       help="print the fixes as a unified diff instead of writing them (exit 1 if any)")
    check.add_argument("--diff-base", metavar="REV",
                       help="report only findings on lines changed since git revision REV")
    check.add_argument("--force-exclude", action="store_true",
                       help="apply the configuration's exclude list to files named on the command line too")
    check.add_argument("-j", "--jobs", type=_jobs, default=0,
                       help="check files in N processes (default: one per core; 1: in this process)")
    check.add_argument("--no-cache", action="store_true",
                       help="do not read or write the result cache (.termlint_cache/ in the project root)")
    check.add_argument("--extend-select", type=_codes, default=(), metavar="CODES",
                       help="add these rule codes or prefixes to the selection (configuration's or --select's)")
    check.add_argument("--exclude", type=_patterns, metavar="PATTERNS",
                       help="gitignore patterns (comma-separated) that replace the configuration's exclude")
    check.add_argument("--extend-exclude", type=_patterns, default=(), metavar="PATTERNS",
                       help="gitignore patterns (comma-separated) excluded on top of the configuration's")
    check.add_argument("-q", "--quiet", action="store_true", help="print the findings only, no summary")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour in text output (auto: on a terminal, unless NO_COLOR is set)")
    check.add_argument("--baseline", type=Path, metavar="FILE",
                       help="report only findings this baseline does not hold (legacy drafts)")
    check.add_argument("--write-baseline", type=Path, metavar="FILE",
                       help="record every finding of this run in FILE as accepted, and exit 0")
    check.add_argument("-w", "--watch", action="store_true",
                       help="check again whenever a file or the configuration changes (Ctrl-C stops)")
    check.add_argument("--show-settings", action="store_true",
                       help="print the settings that govern the first file (configuration, rules), check nothing")
    check.add_argument("-o", "--output-file", metavar="PATH",
                       help="write the report to PATH (replaced atomically when complete) instead of standard output")


def _codes(value: str) -> tuple[str, ...]:
    return tuple(c.strip().upper() for c in value.split(",") if c.strip())


def _patterns(value: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in value.split(",") if p.strip())


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes of at least 1, got {value!r}")
    return int(value)


def options_from(ns: argparse.Namespace) -> CheckOptions:
    """The one value the rest of termlint reads: argparse stops here."""
    overrides = Overrides(config=ns.config, select=ns.select, ignore=tuple(ns.ignore),
                          extend_select=tuple(ns.extend_select), exclude=ns.exclude,
                          extend_exclude=tuple(ns.extend_exclude))
    never = ns.no_color or ns.color == "never"
    output_format, color = resolve(ns.format, os.environ, sys.stdout.isatty() and not never and not ns.output_file)
    if ns.color == "always":
        color = output_format == "text"
    named = _paths(ns)
    if ns.force_exclude:
        from termlint.run.exclude import drop_excluded
        named = drop_excluded(named, overrides)
    paths = tuple(named)
    return CheckOptions(
        paths=paths, overrides=overrides, output_format=output_format, color=color,
        stdin_filename=ns.stdin_filename, fix=ns.fix, unsafe_fixes=ns.unsafe_fixes, diff=ns.diff,
        diff_base=ns.diff_base, force_exclude=ns.force_exclude,
        fail_on=Severity.parse(ns.fail_on) if ns.fail_on else None, exit_zero=ns.exit_zero,
        show_source=ns.show_source, statistics=ns.statistics,
        report_unused_directives=ns.report_unused_directives, jobs=ns.jobs or default_jobs(),
        cache_dir=None if ns.no_cache else default_dir(ns.config), quiet=ns.quiet,
        show_settings=ns.show_settings, baseline=ns.baseline, write_baseline=ns.write_baseline,
        output_file=ns.output_file,
    )


def _paths(ns: argparse.Namespace) -> list[str]:
    """The paths to check: `.` when none is named; standard input alone with --stdin-filename (as ruff)."""
    if ns.stdin_filename is None:
        return ns.paths or ["."]
    for path in ns.paths:
        if path != "-":
            print(f"termlint: warning: ignoring {path} in favour of standard input (--stdin-filename)", file=sys.stderr)
    return ["-"]


def check(ns: argparse.Namespace) -> int:
    options = options_from(ns)
    if ns.watch:
        from termlint.cli.watch import watch
        return watch(options, run_check)
    return run_check(options)


def run_check(options: CheckOptions) -> int:
    """Check (and with --fix, first fix) every file, write the report, return the exit status.

    The report goes to standard output or, complete or not at all, to --output-file.
    """
    if options.output_format == "html" and not options.statistics and not _html_available():
        _error("--format html needs Jinja2, which is not installed: pip install 'termlint[html]'")
        return EXIT_ERROR
    if options.output_file is None:
        return _run(options, sys.stdout)
    if options.diff or (options.fix and "-" in options.paths):
        _error("--output-file takes the report of findings; --diff and --fix of standard input "
               "print to standard output")
        return EXIT_ERROR
    try:
        sink = AtomicOutput(options.output_file)
    except WriteError as exc:
        _error(f"{options.output_file}: {exc}")
        return EXIT_ERROR
    try:
        code = _run(options, sink)
        sink.commit()
    except WriteError as exc:
        _error(f"{options.output_file}: {exc}")
        return EXIT_ERROR
    except BaseException:
        sink.discard()
        raise
    return code


def _html_available() -> bool:
    try:
        import jinja2  # noqa: F401  (only to ask whether it is there: formats/html.py imports it for use)
    except ImportError:
        return False
    return True


def _error(message: str) -> None:
    print(f"termlint: error: {message}", file=sys.stderr)


class Output(Protocol):
    """Where the report goes: standard output or an AtomicOutput."""

    def write(self, text: str, /) -> int: ...


def _run(options: CheckOptions, output: Output) -> int:
    # What only some runs need (--show-settings, baselines, --fix, --diff-base) is imported by those
    # runs: a plain check, the pre-commit hook's, does not pay for it.
    if options.show_settings:
        from termlint.cli.show import show_settings
        return show_settings(options)
    if not options.paths:  # --force-exclude excluded every file named: the user's choice, not a failure
        print("termlint: every file named is excluded by the configuration; nothing to check", file=sys.stderr)
        return EXIT_CLEAN
    # The objects a run keeps (modules, rules, compiled patterns) are many and its garbage cycles
    # few: collections that walked them all again and again took ~3% of a 10 MB run. Frozen, they
    # are walked no more. (Collecting less often as well saved no measurable time, and let a
    # 100 MB run's garbage reach a peak 4 MB higher.)
    gc.freeze()
    accepted = None
    if options.baseline or options.write_baseline:
        from termlint.cli import baseline
        try:
            accepted = baseline.read(options.baseline) if options.baseline else None
        except baseline.BaselineError as exc:
            print(f"termlint: error: {exc}", file=sys.stderr)
            return EXIT_ERROR
    recorded: dict[str, list[str]] | None = {} if options.write_baseline else None
    errors: list[tuple[str, str]] = []
    fixed: int | None = None
    outcomes: Iterable[Outcome]
    fail_on = options.fail_on or _run_config_fail_on(options)
    report = ReportOptions(options.show_source, options.statistics, options.color, None, options.unsafe_fixes,
                           fail_on)
    if options.fixing:
        from termlint.run.fixfiles import fix_files
        fix_run = fix_files(options)
        if fix_run.exit_code is not None:  # --diff and standard input are complete there
            return fix_run.exit_code
        fixed, outcomes = fix_run.applied, fix_run.outcomes
        errors.extend(fix_run.errors)
        report = ReportOptions(options.show_source, options.statistics, options.color, fixed, options.unsafe_fixes,
                               fail_on)
    out = writer(options.output_format, report)
    if not options.fixing:
        job = Job(options.overrides, options.stdin_filename, options.cache_dir,
                  keep_text=options.show_source or out.needs_text or bool(options.baseline or options.write_baseline))
        outcomes = lint_files(discover(options.paths, options.overrides), job, options.jobs)
    checked, failing = 0, False
    for outcome in outcomes:
        path, result = outcome.path, outcome.result
        if result is None:  # a setup error's message names the configuration or pack file
            errors.append(("" if outcome.setup_error else path, outcome.problem or "cannot be checked"))
            continue
        checked += 1
        if options.report_unused_directives:
            result.diagnostics.extend(result.unused_directives)
            result.rules = {**result.rules, UNUSED_CODE: UNUSED_META}
            result.diagnostics.sort(key=lambda d: (d.line, d.column, d.code))
        if options.diff_base:
            from termlint.run.diffbase import keep_changed
            gate_problem = keep_changed(result, options.diff_base, path)
            if gate_problem:
                errors.append(gate_problem)
        if accepted is not None and options.baseline:
            result.diagnostics = baseline.drop_accepted(result.diagnostics, result.document.text, accepted,
                                                        options.baseline)
        if recorded is not None:
            recorded[result.document.path] = baseline.keyed(result.diagnostics, result.document.text)
            continue  # a run that writes the baseline reports nothing else
        errors.extend((result.document.path, e) for e in result.errors)
        for note in result.document.notes():  # a Word draft's tracked changes: read as accepted
            print(f"termlint: note: {result.document.path}: {note}", file=sys.stderr)
        sources = {result.document.path: result.document.shown_text}
        labels = {result.document.path: result.labels} if result.labels is not None else None
        for piece in out.pieces(result.diagnostics, result.rules, sources, labels):
            output.write(piece)
        level = options.fail_on or outcome.fail_on
        failing = failing or any(d.severity >= level for d in result.diagnostics)
    errors = _dedupe(errors)
    if recorded is not None and options.write_baseline:
        return _write_baseline(options.write_baseline, recorded, errors)
    for path, problem in errors:
        print(f"termlint: error: {path}: {problem}" if path else f"termlint: error: {problem}", file=sys.stderr)
    tail = out.end(checked, errors)
    if not (options.quiet and options.output_format == "text" and not options.statistics):
        output.write(tail)  # --quiet drops the text summary; other formats are documents
    if fixed is not None and not options.quiet and (options.output_format != "text" or options.statistics):
        print(f"Fixed {fixed} problem{'s' if fixed != 1 else ''}.", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    if not checked:  # a CI gate must not go green on nothing
        where = ", ".join(options.paths)
        print(f"termlint: error: no files checked in {where} (termlint reads {_extensions(options)} files)",
              file=sys.stderr)
        return EXIT_ERROR
    return EXIT_FINDINGS if failing and not options.exit_zero else EXIT_CLEAN


def _write_baseline(path: Path, recorded: dict[str, list[str]], errors: list[tuple[str, str]]) -> int:
    for where, problem in errors:
        print(f"termlint: error: {where}: {problem}" if where else f"termlint: error: {problem}", file=sys.stderr)
    from termlint.cli import baseline
    try:
        n = baseline.write(path, recorded)
    except baseline.BaselineError as exc:
        print(f"termlint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    print(f"Wrote {n} finding{'s' if n != 1 else ''} of {len(recorded)} file{'s' if len(recorded) != 1 else ''} "
          f"to {path}.", file=sys.stderr)
    return EXIT_ERROR if errors else EXIT_CLEAN


def _run_config(options: CheckOptions) -> Config | None:
    """The configuration of the working directory (or --config): what the run as a whole follows."""
    try:
        return config_for(Path.cwd() / "-", options.overrides)
    except SetupError:
        return None  # reported when a file is checked


def _run_config_fail_on(options: CheckOptions) -> Severity:
    config = _run_config(options)
    return config.fail_on if config else Severity.WARNING


def _extensions(options: CheckOptions) -> str:
    """The extensions a folder walk takes, as configured for the working directory."""
    config = _run_config(options)
    return "/".join(sorted(config.extensions)) if config else "draft"


def _dedupe(errors: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: set[tuple[str, str]] = set()
    return [e for e in errors if not (e in seen or seen.add(e))]  # type: ignore[func-returns-value]
