"""`--format html`: one self-contained page showing each draft marked up like an editor's proof.

The page is written as the files are checked (a `Writer`): its head first, then one
section per file as soon as that file is done, then the summary, the file index and the
documentation of the rules that were found, which only the end of the run knows (a little
script moves the summary to the top; without script it is one link away). Memory holds one
file's page at a time, and the page grows in proportion to the drafts and findings.

The page comes from a Jinja2 template with autoescaping (templates/report.html.j2): every
piece of a draft, every message and every path is escaped there or, for the marked text,
in html_marks. Jinja2 is an optional dependency (`pip install 'termlint[html]'`), imported
only when this format is chosen (formats.writer imports this module by name).

The margin numbers (PP1, OP3, OP3 (a)) come from the clause tree, which the engine reads as
it lints and hands on as `LintResult.labels`. A result served by the cache has no labels
(the cache keeps findings only), and only then is the text parsed once more here: about
0.07 s per MB, against 0.5 s per MB for linting it (measured on the adopted corpus).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import jinja2

from termlint import __version__
from termlint.core.model import CATEGORIES, Diagnostic, RuleMeta
from termlint.formats import report
from termlint.formats.html_marks import Mark, marked
from termlint.formats.report import Labels, ReportOptions
from termlint.parse.parser import parse
from termlint.parse.tree import paragraph_labels

SEVERITIES = ("error", "warning", "info")  # most severe first, as the summary lists them
ICONS = {"error": "✖", "warning": "▲", "info": "●"}  # with the word: colour is never the only signal
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
CHART_WIDTH = 320  # pixels of the longest bar in the summary chart


def _template() -> Any:
    env = jinja2.Environment(loader=jinja2.PackageLoader("termlint.formats", "templates"),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined)
    return env.get_template("report.html.j2").module


def rows(text: str, labels: Sequence[tuple[int, str]]) -> list[tuple[int, int, str]]:
    """(start, stop, margin label) of each row of the page: a paragraph, or a labelled clause."""
    starts = {0, *(m.end() for m in _PARAGRAPH_BREAK.finditer(text)), *(s for s, _ in labels)}
    bounds = sorted(s for s in starts if s < len(text)) or [0]
    named: dict[int, list[str]] = {}
    for offset, label in labels:
        named.setdefault(bounds[max(0, bisect.bisect_right(bounds, offset) - 1)], []).append(label)
    stops = [*bounds[1:], len(text)]
    return [(a, b, " ".join(named.get(a, ()))) for a, b in zip(bounds, stops)]


@dataclass
class Tally:
    """What the summary needs, counted file by file: nothing else is kept."""

    unsafe_fixes: bool = False
    by_category: Counter[tuple[str, str]] = field(default_factory=Counter)  # (category, severity)
    fixable: int = 0
    files: list[dict[str, Any]] = field(default_factory=list)
    rules: dict[str, RuleMeta] = field(default_factory=dict)  # every rule with a finding on the page

    def add(self, diagnostics: Sequence[Diagnostic], metas: Mapping[str, RuleMeta]) -> None:
        for d in diagnostics:
            self.by_category[(d.category, str(d.severity))] += 1
            if d.fix is not None and (d.fix.safe or self.unsafe_fixes):
                self.fixable += 1
            if d.code in metas:
                self.rules.setdefault(d.code, metas[d.code])


class Writer(report.Writer):
    """The page, written file by file: its head with the first file, the summary at the end."""

    needs_text = True

    def __init__(self, options: ReportOptions) -> None:
        super().__init__(options)  # self.count: findings on the page so far, the next is number count + 1
        self.page = _template()
        self.tally = Tally(options.unsafe_fixes)
        self.started = False

    def _head(self) -> str:
        """The head of the page (styles, title, the keys), once, before whatever comes first."""
        if self.started:
            return ""
        self.started = True
        return str(self.page.head(version=__version__))

    def pieces(self, diagnostics: Sequence[Diagnostic], rules: Mapping[str, RuleMeta],
               sources: Mapping[str, str], labels: Mapping[str, Labels] | None = None) -> Iterator[str]:
        """A section per file of `sources` (one when called as each file is done): its text in rows,
        the findings marked on it, a note for each."""
        by_path: dict[str, list[Diagnostic]] = {}
        for d in diagnostics:
            by_path.setdefault(d.path, []).append(d)
        yield self._head()
        for path, text in sources.items():
            yield self._section(path, text, by_path.pop(path, []), rules, (labels or {}).get(path))
        for path, found in by_path.items():  # findings of a file whose text is not at hand
            yield self._section(path, "", found, rules, None)

    def _section(self, path: str, text: str, found: list[Diagnostic], rules: Mapping[str, RuleMeta],
                 labels: Labels | None) -> str:
        number = len(self.tally.files) + 1
        self.tally.add(found, rules)
        severities = Counter(str(d.severity) for d in found)
        counts = [(s, severities[s]) for s in SEVERITIES]
        self.tally.files.append({"number": number, "path": path, "total": len(found), "counts": counts})
        view = {"number": number, "path": path, "total": len(found), "counts": counts,
                "rows": self._rows(text, found, labels)}
        self.count += len(found)
        return str(self.page.file(view))

    def _rows(self, text: str, found: list[Diagnostic],
              labels: Labels | None) -> list[tuple[str, Any, list[dict[str, Any]]]]:
        """(margin label, marked text, notes) per row; one sweep over the rows and the findings."""
        numbered = sorted(zip(range(self.count + 1, self.count + len(found) + 1), found),
                          key=lambda nd: nd[1].start)
        marks = [Mark(n, min(d.start, len(text)), min(d.end, len(text)), str(d.severity), d.category, d.code,
                      f"{d.code}: {d.message}") for n, d in numbered]
        opened: set[int] = set()
        active: list[Mark] = []  # marks begun before this row that may reach into it
        out = []
        i = 0
        if labels is None:
            labels = paragraph_labels(parse(text)[0]) if text else ()
        for a, b, label in rows(text, labels):
            last = b == len(text)
            first = i
            while i < len(marks) and (marks[i].start < b or last):
                i += 1
            active.extend(marks[first:i])
            touching = [m for m in active if m.end > a or m.start >= a]
            active = [m for m in touching if m.end > b]
            notes = [_note(n, d, text, self.tally.unsafe_fixes) for n, d in numbered[first:i]]
            out.append((label, marked(text, a, b, touching, opened), notes))
        return out

    def end(self, files_checked: int, errors: Sequence[tuple[str, str]]) -> str:
        """The summary, the file index and the rules' documentation, which only the end of the run knows."""
        summary_view = summary(self.tally, files_checked, errors, self.options.fixed)
        return self._head() + str(self.page.tail(summary=summary_view))


def _note(number: int, d: Diagnostic, text: str, unsafe_fixes: bool) -> dict[str, Any]:
    """What the margin note of one finding shows."""
    edits = []
    if d.fix is not None:
        edits = [(text[e.start:e.end], e.replacement) for e in d.fix.edits]
    return {"number": number, "code": d.code, "name": d.name, "category": d.category,
            "severity": str(d.severity), "icon": ICONS.get(str(d.severity), ""), "message": d.message,
            "line": d.line, "column": d.column, "edits": edits,
            "fix": None if d.fix is None else {"safe": d.fix.safe, "description": d.fix.description,
                                                "applies": d.fix.safe or unsafe_fixes}}


def summary(tally: Tally, files_checked: int, errors: Sequence[tuple[str, str]], fixed: int | None) -> dict[str, Any]:
    """The numbers and the bar chart at the top of the page."""
    seen = {c for c, _ in tally.by_category}
    categories = [*(c for c in CATEGORIES if c in seen), *sorted(seen - set(CATEGORIES))]
    totals = {c: sum(tally.by_category[(c, s)] for s in SEVERITIES) for c in categories}
    by_severity = Counter({s: sum(tally.by_category[(c, s)] for c in categories) for s in SEVERITIES})
    scale = CHART_WIDTH / max([*totals.values(), *by_severity.values(), 1])
    bars = []
    for c in categories:
        x, parts = 0.0, []
        for s in SEVERITIES:
            n = tally.by_category[(c, s)]
            if n:
                parts.append({"severity": s, "count": n, "x": round(x, 1), "width": round(max(n * scale, 2), 1)})
                x += max(n * scale, 2)
        bars.append({"label": c, "total": totals[c], "parts": parts, "end": round(x, 1)})
    severity_bars = [{"label": s, "total": by_severity[s], "end": round(by_severity[s] * scale, 1),
                      "parts": [{"severity": s, "count": by_severity[s], "x": 0,
                                 "width": round(max(by_severity[s] * scale, 2), 1)}] if by_severity[s] else []}
                     for s in SEVERITIES]
    return {"total": sum(totals.values()), "fixable": tally.fixable, "fixed": fixed,
            "files_checked": files_checked, "files": tally.files, "errors": list(errors),
            "categories": categories, "severities": SEVERITIES, "icons": ICONS,
            "bars": bars, "severity_bars": severity_bars, "chart_width": CHART_WIDTH,
            "rules": [tally.rules[c] for c in sorted(tally.rules)]}
