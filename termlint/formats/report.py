"""What every format is given, and the one way each format is written.

A format is a `Writer`: `file()` is called with each checked file's findings as soon as the file
is done, and `end()` once with the counts. Formats that print a finding without looking at the
others (text, concise, json, github) write as they go, and so does html, a file's section at a
time, so a large run keeps no findings in memory; formats that need every finding at once (SARIF, GitLab, JUnit, `--statistics`) collect
them in a `WholeReport` writer and render a `Report` at the end. Either way the output of a run
is the writer run to its end: there is no second code path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from termlint.core.model import Diagnostic, RuleMeta, Severity

_PIECE = 500  # findings formatted at once (`Writer.pieces`)

Labels = tuple[tuple[int, str], ...]  # (offset, "PP3" / "OP2 (a)") of each numbered paragraph of a file


@dataclass(frozen=True)
class ReportOptions:
    """How findings are shown, chosen on the command line."""

    show_source: bool = False
    statistics: bool = False
    color: bool = False
    fixed: int | None = None  # findings fixed by --fix in this run (None: not fixing)
    unsafe_fixes: bool = False  # count unsafe fixes as fixable
    fail_on: Severity = Severity.WARNING  # the lowest severity that fails the run (JUnit's failures)


@dataclass(frozen=True)
class Report:
    """Everything a run found, as the output formats receive it."""
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
    fail_on: Severity = Severity.WARNING  # the lowest severity that fails the run (JUnit's failures)


class Writer:
    """A format, written file by file. `needs_text`: it reads each file's text (not only findings)."""

    needs_text = False

    def __init__(self, options: ReportOptions) -> None:
        self.options = options
        self.count = 0  # findings written so far

    def file(self, diagnostics: Sequence[Diagnostic], rules: Mapping[str, RuleMeta],
             sources: Mapping[str, str], labels: Mapping[str, Labels] | None = None) -> str:
        """The output for one checked file; `sources` maps its path to its text when kept, `labels`
        to the numbers of its paragraphs (LintResult.labels: the HTML page prints them in its margin)."""
        return "".join(self.pieces(diagnostics, rules, sources, labels))

    def pieces(self, diagnostics: Sequence[Diagnostic], rules: Mapping[str, RuleMeta],
               sources: Mapping[str, str], labels: Mapping[str, Labels] | None = None) -> Iterator[str]:
        """`file`'s output in pieces, for a caller that writes each as it comes: a file with tens of
        thousands of findings is never held whole (a 9 MB draft's JSON report is 10 MB)."""
        for at in range(0, len(diagnostics), _PIECE):
            parts = []
            for d in diagnostics[at:at + _PIECE]:
                parts.append(self.item(d, sources))
                self.count += 1
            yield "".join(parts)

    def item(self, d: Diagnostic, sources: Mapping[str, str]) -> str:
        raise NotImplementedError

    def end(self, files_checked: int, errors: Sequence[tuple[str, str]]) -> str:
        """What follows the last file: a summary, the closing of a document."""
        return ""


class WholeReport(Writer):
    """A format rendered from the whole report at the end (`render(report) -> str`)."""

    def __init__(self, options: ReportOptions, render: Callable[[Report], str], needs_text: bool) -> None:
        super().__init__(options)
        self.render, self.needs_text = render, needs_text
        self.diagnostics: list[Diagnostic] = []
        self.rules: dict[str, RuleMeta] = {}
        self.sources: dict[str, str] = {}

    def pieces(self, diagnostics: Sequence[Diagnostic], rules: Mapping[str, RuleMeta],
               sources: Mapping[str, str], labels: Mapping[str, Labels] | None = None) -> Iterator[str]:
        self.diagnostics.extend(diagnostics)
        self.rules.update(rules)
        self.sources.update(sources)
        return iter(())  # all is written at the end

    def end(self, files_checked: int, errors: Sequence[tuple[str, str]]) -> str:
        o = self.options
        return self.render(Report(self.diagnostics, self.rules, errors, files_checked, self.sources,
                                  o.show_source, o.statistics, o.color, o.fixed, o.unsafe_fixes, o.fail_on))
