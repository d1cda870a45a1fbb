"""Streamed formats (text, concise, json, github) print exactly what rendering the whole report prints."""

from __future__ import annotations

import contextlib
import io

import pytest

import termlint.formats.stream as stream
from termlint.cli.main import main

from goldens import GOLDEN_FILES as FILES


def run(args: list[str], whole_report: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    with monkeypatch.context() as m:
        if whole_report:
            m.setattr(stream, "streamer", lambda *a: None)
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = main(args)
    return code, out.getvalue()


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "github"])
@pytest.mark.parametrize("paths", [list(FILES[:3]), [FILES[1], "no-such-file.md"], ["--select", "PU001", FILES[1]]])
def test_streamed_output_is_the_rendered_output(fmt, paths, monkeypatch):
    args = ["check", "--no-cache", "--jobs", "1", "--format", fmt, *paths]
    streamed = run(args, False, monkeypatch)
    assert streamed == run(args, True, monkeypatch)
    assert streamed[1]  # every case prints something (findings, an error line or "[]")


@pytest.mark.parametrize("options", [["--show-source"], ["--unsafe-fixes"], ["--show-source", "--unsafe-fixes"],
                                     ["--select", "XX999"]])
def test_streamed_text_with_source_and_fix_counts(options, monkeypatch):
    args = ["check", "--no-cache", "--jobs", "1", "--format", "text", *options, *FILES[:3]]
    streamed = run(args, False, monkeypatch)
    assert streamed == run(args, True, monkeypatch)
    assert streamed[1].rstrip().split("\n")[-1].startswith(("Found", "All checks passed"))


def test_statistics_and_whole_report_formats_are_not_streamed():
    assert stream.streamer("concise", statistics=True) is None
    assert stream.streamer("text", statistics=True) is None
    assert stream.streamer("sarif", statistics=False) is None
    assert stream.streamer("junit", statistics=False) is None
