"""The JSON contract: one array, one object per finding (documented in the README; stable)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from termlint.core.model import Diagnostic
from termlint.formats.report import Writer as BaseWriter


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


class Writer(BaseWriter):
    """One JSON array, written element by element exactly as `json.dumps(..., indent=2)` writes it."""

    def item(self, d: Diagnostic, sources: Mapping[str, str]) -> str:
        body = json.dumps(as_dict(d), ensure_ascii=False, indent=2).replace("\n", "\n  ")
        return ("[\n  " if self.count == 0 else ",\n  ") + body

    def end(self, files_checked: int, errors: Sequence[tuple[str, str]]) -> str:
        return "\n]\n" if self.count else "[]\n"
