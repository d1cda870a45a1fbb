"""`check --fix`, `--unsafe-fixes` and `--diff`: fixing files on disk (or standard input).

`fix_files` reads each file once, fixes it until nothing fixable is left, writes it atomically,
and hands back the lint of the fixed text, which `check` reports as what remains (no second
lint). `--diff` and standard input are finished here: they print the diff or the fixed text
instead of findings, and return the exit status.
"""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, field

from termlint.core.errors import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, SetupError
from termlint.docx.sniff import NotWord, is_package, word_lock
from termlint.engine.fix import encode_fixed, fix_text
from termlint.engine.linegate import LineGate
from termlint.engine.lint import LintResult, Settings, lint_text
from termlint.run.diffbase import DiffBaseError, forget, gate_for
from termlint.run.options import CheckOptions
from termlint.run.parallel import Outcome
from termlint.run.runner import FileProblem, decode, discover, file_settings, read_bytes
from termlint.run.write import WriteError, atomic_write
from termlint.text.document import DecodeError, Document


@dataclass(frozen=True)
class FileFix:
    """One file fixed: its bytes before and after, and what remains to report."""
    path: str
    document: Document
    before: bytes
    after: bytes
    applied: int
    converged: bool
    result: LintResult  # the lint of the fixed text
    fixed_text: str | None = None  # the fixed text, when `after` is not text (a Word draft)
    skipped: int = 0  # fixes a Word draft cannot hold as tracked changes (see docx/revise.py)

    @property
    def changed(self) -> bool:
        return self.after != self.before


@dataclass
class FixRun:
    """What `--fix` did to every file, and the exit status when it is settled here."""
    applied: int = 0  # findings fixed in all files
    outcomes: list[Outcome] = field(default_factory=list)  # per file: what remains after fixing
    errors: list[tuple[str, str]] = field(default_factory=list)  # problems besides the outcomes'
    exit_code: int | None = None  # set when the run is complete here (--diff, standard input)


def fix_document(document: Document, before: bytes, settings: Settings, unsafe: bool,
                 gate: LineGate | None = None) -> FileFix:
    outcome = fix_text(document, settings, unsafe, gate)
    after = before if outcome.text == document.text else encode_fixed(document, outcome.text)
    return FileFix(document.path, document, before, after, outcome.applied, outcome.converged, outcome.result)


def is_word(document: Document) -> bool:
    """A Word draft (docx/document.py's WordDocument, whose lines are paragraphs); told by its unit so
    that a run over text files never imports the Word modules."""
    return document.unit == "paragraph"


def fix_word(document: Document, before: bytes, settings: Settings, unsafe: bool,
             gate: LineGate | None = None) -> FileFix:
    """A Word draft fixed with tracked changes: the fixes are made on its text, then written into
    a copy of the .docx as revisions authored "termlint" (docx/revise.py)."""
    from termlint.docx.read import read_docx  # python-docx: only for a Word draft
    from termlint.docx.revise import revise

    if gate is not None and gate.changed is not None:  # the gate counts paragraphs; the fixes, text lines
        outcome = fix_text(Document.from_text(document.text, document.path), settings, unsafe,
                           _text_lines(document, gate))
    else:
        outcome = fix_text(document, settings, unsafe, gate)
    if outcome.text == document.text:
        result = outcome.result if is_word(outcome.result.document) else lint_text(document, settings, document.path)
        return FileFix(document.path, document, before, before, 0, outcome.converged, result, outcome.text)
    try:
        revised = revise(before, outcome.text)
        result = lint_text(read_docx(revised.data, document.path), settings, document.path)
    except NotWord as exc:
        raise FileProblem(str(exc)) from None
    applied = max(0, outcome.applied - revised.skipped)
    return FileFix(document.path, document, before, revised.data, applied, outcome.converged, result,
                   outcome.text, revised.skipped)


def _text_lines(document: Document, gate: LineGate) -> LineGate:
    """A gate on a Word draft's paragraphs as a gate on the lines of its text."""
    starts, text = document.line_starts, document.text
    lines: set[int] = set()
    for paragraph in gate.changed or ():
        if 0 < paragraph <= len(starts):
            # up to the blank line that separates it from the next paragraph (read.SEPARATOR)
            end = starts[paragraph] - 2 if paragraph < len(starts) else len(text)
            first = text.count("\n", 0, starts[paragraph - 1]) + 1
            lines.update(range(first, first + text.count("\n", starts[paragraph - 1], end) + 1))
    return LineGate(frozenset(lines))


def fix_files(options: CheckOptions) -> FixRun:
    run = FixRun()
    if "-" in options.paths:
        if len(options.paths) > 1:
            run.errors.append(("-", "--fix and --diff read standard input only when it is the one path"))
            run.exit_code = EXIT_ERROR
            return run
        return _fix_stdin(options, run)
    diffs: list[str] = []
    for path, problem in discover(options.paths, options.overrides):
        if problem is not None:
            run.outcomes.append(Outcome(path, problem=problem))
            continue
        try:
            shown, config, settings = file_settings(path, options.overrides)
        except SetupError as exc:
            run.outcomes.append(Outcome(path, problem=str(exc), setup_error=True))
            continue
        try:
            gate = gate_for(path, options.diff_base) if options.diff_base else None
            before = read_bytes(path)
            document = decode(before, path)
            if is_word(document):
                fixed = fix_word(document, before, settings, options.unsafe_fixes, gate)
            else:
                fixed = fix_document(document, before, settings, options.unsafe_fixes, gate)
        except DiffBaseError as exc:
            run.outcomes.append(Outcome("" if exc.repository_wide else path, problem=str(exc)))
            continue
        except FileProblem as exc:
            run.outcomes.append(Outcome(path, problem=str(exc)))
            continue
        if fixed.skipped:
            print(f"termlint: note: {path}: {fixed.skipped} fix{'es' if fixed.skipped != 1 else ''} would "
                  "change an automatic number, a footnote mark or a paragraph break, which a tracked change "
                  "cannot hold: not written", file=sys.stderr)
        if not fixed.converged:
            run.errors.append((path, "fixes did not settle after 10 rounds; the last text was kept "
                                     "(two rules undo each other: please report this)"))
        result = fixed.result
        if fixed.changed and options.diff:
            diffs.append(unified_diff(fixed))
            run.applied += fixed.applied
        elif fixed.changed:
            try:
                lock = word_lock(path) if is_word(fixed.document) else None
                if lock:
                    raise WriteError(f"Word has the file open (its lock file {lock} is there): close it in Word "
                                     "and run again")
                atomic_write(path, fixed.after, expected=before)
                run.applied += fixed.applied
            except WriteError as exc:
                run.errors.append((path, str(exc)))
                try:  # not written: report what the file holds now (another writer's text, perhaps)
                    result = lint_text(decode(read_bytes(path), path), settings, shown)
                except FileProblem as unreadable:
                    run.outcomes.append(Outcome(path, problem=str(unreadable)))
                    continue
        run.outcomes.append(Outcome(path, result, fail_on=config.fail_on))
    if run.applied and not options.diff:
        forget()  # files were written: --diff-base asks git again for what changed
    if options.diff:
        said = dict.fromkeys([*run.errors, *((o.path, o.problem) for o in run.outcomes if o.problem)])
        for path, problem in said:  # a repository's problem (no path) is said once
            print(f"termlint: error: {path}: {problem}" if path else f"termlint: error: {problem}", file=sys.stderr)
        sys.stdout.write("".join(diffs))
        n = run.applied
        print(f"Would fix {n} problem{'s' if n != 1 else ''}." if n else "No fixes available.", file=sys.stderr)
        failed = run.errors or any(o.problem for o in run.outcomes)
        run.exit_code = EXIT_ERROR if failed else EXIT_FINDINGS if diffs else EXIT_CLEAN
    return run


def unified_diff(fix: FileFix) -> str:
    """A unified diff of the fix (decoded text, "\\n" line breaks), as `ruff --diff` prints it."""
    fixed = fix.fixed_text if fix.fixed_text is not None else Document.from_bytes(fix.after, fix.path).text
    lines = difflib.unified_diff(fix.document.text.splitlines(keepends=True), fixed.splitlines(keepends=True),
                                 fromfile=fix.path, tofile=fix.path)
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _fix_stdin(options: CheckOptions, run: FixRun) -> FixRun:
    """Standard input: the fixed text goes to standard output (for an editor), findings to stderr."""
    name = options.stdin_filename or "<stdin>"
    try:
        before = sys.stdin.buffer.read()
        if is_package(before):
            raise DecodeError("a Word document on standard input: --fix and --diff need the .docx file on disk")
        document = Document.from_bytes(before, name)
        _, config, settings = file_settings("-", options.overrides, options.stdin_filename)
    except (DecodeError, SetupError) as exc:
        print(f"termlint: error: {name}: {exc}", file=sys.stderr)
        run.exit_code = EXIT_ERROR
        return run
    fixed = fix_document(document, before, settings, options.unsafe_fixes)
    if options.diff:
        sys.stdout.write(unified_diff(fixed) if fixed.changed else "")
        run.exit_code = EXIT_FINDINGS if fixed.changed else EXIT_CLEAN
        return run
    sys.stdout.buffer.write(fixed.after)
    sys.stdout.flush()
    remaining = fixed.result.diagnostics
    for d in remaining:
        print(f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}", file=sys.stderr)
    n = fixed.applied
    print(f"Fixed {n} problem{'s' if n != 1 else ''}.", file=sys.stderr)
    fail = options.fail_on or config.fail_on
    failing = any(d.severity >= fail for d in remaining)
    run.exit_code = EXIT_FINDINGS if failing and not options.exit_zero else EXIT_CLEAN
    return run


