"""What each subcommand does. cli.py parses arguments; this module runs them."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from termlint.core.errors import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, SetupError
from termlint.core.model import RuleMeta, Severity
from termlint.engine.lint import LintResult
from termlint.formats import AUTO, FORMATS, Report, render, resolve
from termlint.formats.stream import streamer
from termlint.parse.parser import parse as parse_text
from termlint.rules.own import PARSE_RULE_ENTRY, UNUSED_CODE, UNUSED_META, MetaOnly
from termlint.rules import reference
from termlint.rules.registry import all_rules
from termlint.run.cache import default_dir
from termlint.run.config import Config, load_config
from termlint.run.diffbase import keep_changed
from termlint.run.exclude import drop_excluded
from termlint.run.fixfiles import run_fixes
from termlint.run.parallel import Job, default_jobs, lint_files
from termlint.run.runner import FileProblem, Overrides, config_for, discover, read_document

NEEDS_TEXT = ("sarif", "gitlab", "junit")  # formats that read the checked text (fingerprints, file list)


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


def _error(message: str) -> None:
    print(f"termlint: error: {message}", file=sys.stderr)


def check(ns: argparse.Namespace) -> int:
    overrides = Overrides(config=ns.config, select=ns.select, ignore=tuple(ns.ignore))
    results: list[LintResult] = []
    errors: list[tuple[str, str]] = []
    fail_levels: list[Severity] = []
    checked = 0
    fixed: int | None = None
    if ns.force_exclude:
        ns.paths = drop_excluded(ns.paths, overrides)
    if ns.fix or ns.diff:
        fix_run = run_fixes(ns, overrides)
        if fix_run.exit_code is not None:  # --diff and standard input are complete there
            return fix_run.exit_code
        fixed = fix_run.applied
        errors.extend(fix_run.errors)
    out_format, color = resolve(ns.format, os.environ, sys.stdout.isatty() and not ns.no_color)
    job = Job(overrides, ns.stdin_filename, None if ns.no_cache else default_dir(ns.config),
              keep_text=bool(ns.show_source or getattr(ns, "fix", False) or getattr(ns, "diff", False)
                             or out_format in NEEDS_TEXT))
    stream = streamer(out_format, ns.statistics, color, ns.unsafe_fixes, ns.show_source,
                      fixed)  # None: the format renders the whole report at the end
    failing = False
    for outcome in lint_files(discover(ns.paths, overrides), job, ns.jobs or default_jobs()):
        path, result = outcome.path, outcome.result
        if result is None:  # a setup error's message names the configuration or pack file
            errors.append(("" if outcome.setup_error else path, outcome.problem or "cannot be checked"))
            continue
        checked += 1
        if ns.report_unused_directives:
            result.diagnostics.extend(result.unused_directives)
            result.rules = {**result.rules, UNUSED_CODE: UNUSED_META}
            result.diagnostics.sort(key=lambda d: (d.line, d.column, d.code))
        if ns.diff_base:
            gate_problem = keep_changed(result, ns.diff_base, path)
            if gate_problem:
                errors.append((path, gate_problem))
        errors.extend((result.document.path, e) for e in result.errors)
        if stream is None:
            results.append(result)
            fail_levels.append(_fail_level(ns, path))
            continue
        sys.stdout.write(stream.items(result.diagnostics, {result.document.path: result.document.text}))
        level = _fail_level(ns, path)
        failing = failing or any(d.severity >= level for d in result.diagnostics)
    for path, problem in _dedupe(errors):
        _error(f"{path}: {problem}" if path else problem)
    if stream is not None:
        sys.stdout.write(stream.end(checked, errors))
        if fixed is not None and out_format != "text":
            print(f"Fixed {fixed} problem{'s' if fixed != 1 else ''}.", file=sys.stderr)
        return _exit_code(ns, errors, failing)
    diagnostics = [d for r in results for d in r.diagnostics]
    report = Report(
        diagnostics=diagnostics, rules=_metas(results), errors=errors, files_checked=checked,
        sources={r.document.path: r.document.text for r in results},
        show_source=ns.show_source, statistics=ns.statistics, color=color,
        fixed=fixed, unsafe_fixes=ns.unsafe_fixes,
    )
    sys.stdout.write(render(out_format, report))
    if fixed is not None and (out_format != "text" or ns.statistics):
        print(f"Fixed {fixed} problem{'s' if fixed != 1 else ''}.", file=sys.stderr)
    failing = any(d.severity >= level for r, level in zip(results, fail_levels) for d in r.diagnostics)
    return _exit_code(ns, errors, failing)


def _exit_code(ns: argparse.Namespace, errors: list[tuple[str, str]], failing: bool) -> int:
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if failing and not ns.exit_zero else EXIT_CLEAN


def _fail_level(ns: argparse.Namespace, path: str) -> Severity:
    if ns.fail_on:
        return Severity.parse(ns.fail_on)
    try:
        anchor = Path(ns.stdin_filename or "-") if path == "-" else Path(path)
        config: Config = config_for(anchor, Overrides(ns.config))
    except SetupError:
        return Severity.WARNING
    return config.fail_on


def _dedupe(errors: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: set[tuple[str, str]] = set()
    return [e for e in errors if not (e in seen or seen.add(e))]  # type: ignore[func-returns-value]


def _metas(results: list[LintResult]) -> dict[str, RuleMeta]:
    metas: dict[str, RuleMeta] = {}
    for result in results:
        metas.update(result.rules)
    return metas


def parse(ns: argparse.Namespace) -> int:
    try:
        document = read_document(ns.path)
    except FileProblem as exc:
        _error(f"{ns.path}: {exc}")
        return EXIT_ERROR
    tree, problems = parse_text(document.text)

    def node(clause: Any) -> dict[str, Any]:
        first, last = document.position(clause.start)[0], document.position(max(clause.start, clause.end - 1))[0]
        out: dict[str, Any] = {"kind": clause.kind, "label": clause.label, "lead": clause.lead,
                               "lines": [first, last]}
        if clause.footnotes:
            out["footnotes"] = [n.label for n in clause.footnotes]
        if len(clause.segments) > 1:
            out["segments"] = [[document.position(s.start)[0], document.position(max(s.start, s.end - 1))[0]]
                               for s in clause.segments]
        if clause.children:
            out["children"] = [node(c) for c in clause.children]
        return out

    root = node(tree)
    if ns.format == "json":
        root["problems"] = [{"line": document.position(p.start)[0], "message": p.message} for p in problems]
        print(json.dumps(root, ensure_ascii=False, indent=2))
        return EXIT_CLEAN

    def show(item: dict[str, Any], depth: int) -> None:
        lines = item["lines"]
        span = f"{lines[0]}" if lines[0] == lines[1] else f"{lines[0]}-{lines[1]}"
        label = f" {item['label']}" if item["label"] else ""
        lead = f"  “{item['lead']}”" if item["lead"] else ""
        joined = "  (joined across " + ", ".join(f"{a}-{b}" for a, b in item["segments"]) + ")" if "segments" in item else ""
        notes = "  footnotes " + ", ".join(item["footnotes"]) if "footnotes" in item else ""
        print(f"{'  ' * depth}{item['kind']}{label}  lines {span}{lead}{joined}{notes}")
        for child in item.get("children", []):
            show(child, depth + 1)

    show(root, 0)
    for p in problems:
        print(f"problem at line {document.position(p.start)[0]}: {p.message}")
    return EXIT_CLEAN


def _rules_or_error(ns: argparse.Namespace) -> tuple[Any, ...] | None:
    try:
        packs = load_config(ns.config).packs if ns.config else ()
        return (PARSE_RULE_ENTRY, MetaOnly(UNUSED_META), *all_rules(packs))
    except SetupError as exc:
        _error(str(exc))
        return None


def rules(ns: argparse.Namespace) -> int:
    found = _rules_or_error(ns)
    if found is None:
        return EXIT_ERROR
    metas = sorted((r.meta for r in found), key=lambda m: m.code)
    if ns.format in reference.FORMATS:  # every metadata field (json), or the rule reference (markdown)
        sys.stdout.write(reference.render(metas, ns.format))
        return EXIT_CLEAN
    for m in metas:
        fix = "fix" if m.fixable else "   "
        print(f"{m.code:7s} {str(m.severity):8s} {fix}  {m.category:12s} {m.name:34s} {m.summary}")
    return EXIT_CLEAN


def explain(ns: argparse.Namespace) -> int:
    found = _rules_or_error(ns)
    if found is None:
        return EXIT_ERROR
    by_code = {r.meta.code: r.meta for r in found}
    meta = by_code.get(ns.code.upper())
    if meta is None:
        _error(f"unknown rule code {ns.code!r} (see `termlint rules`)")
        return EXIT_ERROR
    print(f"{meta.code} {meta.name}")
    print(f"  category: {meta.category}    default severity: {meta.severity}    "
          f"fix: {'yes' if meta.fixable else 'no'}    pack: {meta.pack or 'built-in'}")
    if meta.scope:
        print(f"  runs on: {', '.join(sorted(meta.scope))}")
    print(f"\n{meta.summary}\n")
    if meta.description:
        print(meta.description.strip() + "\n")
    if meta.examples:
        print("Examples:")
        for ex in meta.examples:
            print(f"  {ex.kind:5s}  {ex.text}")
        print()
    if meta.source:
        print(f"Source: {meta.source}")
    return EXIT_CLEAN
