"""`termlint check`: the options value built from the command line, and the run that reports it."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable

from termlint.core.errors import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from termlint.core.model import Severity
from termlint.formats import AUTO, FORMATS, ReportOptions, resolve, writer
from termlint.rules.own import UNUSED_CODE, UNUSED_META
from termlint.run.cache import default_dir
from termlint.run.diffbase import keep_changed
from termlint.run.exclude import drop_excluded
from termlint.run.fixfiles import fix_files
from termlint.run.options import CheckOptions
from termlint.run.parallel import Job, Outcome, default_jobs, lint_files
from termlint.run.runner import Overrides, discover


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


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes of at least 1, got {value!r}")
    return int(value)


def options_from(ns: argparse.Namespace) -> CheckOptions:
    """The one value the rest of termlint reads: argparse stops here."""
    overrides = Overrides(config=ns.config, select=ns.select, ignore=tuple(ns.ignore))
    output_format, color = resolve(ns.format, os.environ, sys.stdout.isatty() and not ns.no_color)
    paths = tuple(drop_excluded(ns.paths, overrides) if ns.force_exclude else ns.paths)
    return CheckOptions(
        paths=paths, overrides=overrides, output_format=output_format, color=color,
        stdin_filename=ns.stdin_filename, fix=ns.fix, unsafe_fixes=ns.unsafe_fixes, diff=ns.diff,
        diff_base=ns.diff_base, force_exclude=ns.force_exclude,
        fail_on=Severity.parse(ns.fail_on) if ns.fail_on else None, exit_zero=ns.exit_zero,
        show_source=ns.show_source, statistics=ns.statistics,
        report_unused_directives=ns.report_unused_directives, jobs=ns.jobs or default_jobs(),
        cache_dir=None if ns.no_cache else default_dir(ns.config),
    )


def check(ns: argparse.Namespace) -> int:
    return run_check(options_from(ns))


def run_check(options: CheckOptions) -> int:
    """Check (and with --fix, first fix) every file, write the report, return the exit status."""
    errors: list[tuple[str, str]] = []
    fixed: int | None = None
    outcomes: Iterable[Outcome]
    report = ReportOptions(options.show_source, options.statistics, options.color, None, options.unsafe_fixes)
    if options.fixing:
        fix_run = fix_files(options)
        if fix_run.exit_code is not None:  # --diff and standard input are complete there
            return fix_run.exit_code
        fixed, outcomes = fix_run.applied, fix_run.outcomes
        errors.extend(fix_run.errors)
        report = ReportOptions(options.show_source, options.statistics, options.color, fixed, options.unsafe_fixes)
    out = writer(options.output_format, report)
    if not options.fixing:
        job = Job(options.overrides, options.stdin_filename, options.cache_dir,
                  keep_text=options.show_source or out.needs_text)
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
            gate_problem = keep_changed(result, options.diff_base, path)
            if gate_problem:
                errors.append((path, gate_problem))
        errors.extend((result.document.path, e) for e in result.errors)
        sources = {result.document.path: result.document.text}
        sys.stdout.write(out.file(result.diagnostics, result.rules, sources))
        level = options.fail_on or outcome.fail_on
        failing = failing or any(d.severity >= level for d in result.diagnostics)
    errors = _dedupe(errors)
    for path, problem in errors:
        print(f"termlint: error: {path}: {problem}" if path else f"termlint: error: {problem}", file=sys.stderr)
    sys.stdout.write(out.end(checked, errors))
    if fixed is not None and (options.output_format != "text" or options.statistics):
        print(f"Fixed {fixed} problem{'s' if fixed != 1 else ''}.", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if failing and not options.exit_zero else EXIT_CLEAN


def _dedupe(errors: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: set[tuple[str, str]] = set()
    return [e for e in errors if not (e in seen or seen.add(e))]  # type: ignore[func-returns-value]
