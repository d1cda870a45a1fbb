"""The JSON writer writes each finding itself (json.dumps with an indent is slow): byte for byte what
json.dumps(..., ensure_ascii=False, indent=2) writes, for any text a finding can hold."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from termlint.formats import ReportOptions, render, writer
from termlint.formats.json_ import _object, as_dict
from termlint.formats.report import Report
from termlint.run.runner import Overrides, lint_path

ROOT = Path(__file__).resolve().parents[2]
scalars = st.one_of(st.text(), st.integers(), st.booleans(), st.none())
edits = st.lists(st.dictionaries(st.text(), scalars, max_size=4), max_size=3)


@given(st.dictionaries(st.text(), st.one_of(scalars, edits, st.dictionaries(st.text(), st.one_of(scalars, edits)))))
def test_object_is_what_json_dumps_writes(data: dict[str, object]) -> None:
    expected = json.dumps(data, ensure_ascii=False, indent=2).replace("\n", "\n  ")
    assert _object(data, "  ") == expected


def test_the_drafts_report_is_json_dumps_of_its_findings() -> None:
    result = lint_path(str(ROOT / "examples" / "draft-2022-child-protection.txt"), Overrides())
    assert any(d.fix is not None for d in result.diagnostics) and any(d.fix is None for d in result.diagnostics)
    report = render("json", Report(result.diagnostics, result.rules))
    assert report == json.dumps([as_dict(d) for d in result.diagnostics], ensure_ascii=False, indent=2) + "\n"
    assert writer("json", ReportOptions()).end(0, []) == "[]\n"
