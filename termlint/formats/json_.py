"""The JSON contract: one array, one object per finding (documented in the README; stable)."""

from __future__ import annotations

import json
from typing import Any

from termlint.core.model import Diagnostic
from termlint.formats.report import Report


def as_dict(d: Diagnostic) -> dict[str, Any]:
    fix = None
    if d.fix is not None:
        fix = {
            "safe": d.fix.safe,
            "description": d.fix.description,
            "edits": [
                {"line": pos[0], "column": pos[1], "end_line": pos[2], "end_column": pos[3],
                 "start_offset": e.start, "end_offset": e.end, "replacement": e.replacement}
                for e, pos in zip(d.fix.edits, d.edit_positions)
            ],
        }
    return {
        "path": d.path, "line": d.line, "column": d.column, "end_line": d.end_line, "end_column": d.end_column,
        "code": d.code, "name": d.name, "category": d.category, "severity": str(d.severity),
        "message": d.message, "fix": fix,
    }


def render(report: Report) -> str:
    return json.dumps([as_dict(d) for d in report.diagnostics], ensure_ascii=False, indent=2) + "\n"
