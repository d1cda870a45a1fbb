"""One output path: what `check` writes file by file is what rendering the whole report writes."""

from __future__ import annotations

import contextlib
import io

import pytest

from termlint.cli.main import main
from termlint.formats import Report, render, writer
from termlint.formats.report import ReportOptions, WholeReport
from termlint.run.runner import Overrides, lint_path

from goldens import GOLDEN_FILES as FILES


def run(args: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(args)
    return code, out.getvalue()


def whole_report(paths: list[str], **options: bool) -> Report:
    results = [lint_path(p, Overrides()) for p in paths]
    return Report([d for r in results for d in r.diagnostics], {c: m for r in results for c, m in r.rules.items()},
                  files_checked=len(results), sources={r.document.path: r.document.text for r in results}, **options)


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "github", "sarif", "gitlab", "junit"])
def test_the_written_output_is_the_rendered_report(fmt: str) -> None:
    paths = list(FILES[:3])
    code, written = run(["check", "--no-cache", "--jobs", "1", "--format", fmt, *paths])
    assert code == 1
    assert written == render(fmt, whole_report(paths))


@pytest.mark.parametrize("options", [{"show_source": True}, {"unsafe_fixes": True}, {"statistics": True}])
def test_text_options_write_what_the_report_renders(options: dict[str, bool]) -> None:
    flags = ["--" + name.replace("_", "-") for name in options]
    code, written = run(["check", "--no-cache", "--jobs", "1", "--format", "text", *flags, *FILES[:3]])
    assert written == render("text", whole_report(list(FILES[:3]), **options))
    assert written.strip()


def test_streamed_formats_write_each_file_as_it_is_done_and_collectors_wait_for_the_end() -> None:
    report = whole_report(list(FILES[:2]))
    first = [d for d in report.diagnostics if d.path == FILES[1]]  # the draft: FILES[0] is clean
    assert first
    for fmt in ("text", "concise", "json", "github"):
        assert writer(fmt, ReportOptions()).file(first, report.rules, {}) != ""
    for fmt in ("sarif", "gitlab", "junit"):
        collecting = writer(fmt, ReportOptions())
        assert isinstance(collecting, WholeReport) and collecting.file(first, report.rules, {}) == ""
    assert isinstance(writer("text", ReportOptions(statistics=True)), WholeReport)
