"""GitLab Code Quality report (a JSON array in the Code Climate subset GitLab reads).

Each issue has description, check_name, fingerprint (unique in the report, stable across
edits that do not touch the finding's line), severity (info, minor, major, critical or
blocker) and location (path, positions with begin/end line and column).
"""

from __future__ import annotations

import json
from typing import Any

from termlint.core.model import Diagnostic, Severity
from termlint.formats.fingerprint import fingerprints
from termlint.formats.report import Report

# A drafting slip never breaks a build the way a crash does: error is "major", not "blocker".
SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
CATEGORIES = {"terminology": "Style", "consistency": "Style", "spelling": "Style", "citation": "Bug Risk",
              "structure": "Clarity", "punctuation": "Style"}


def issue(d: Diagnostic, fingerprint: str) -> dict[str, Any]:
    return {
        "type": "issue",
        "check_name": d.code,
        "description": f"{d.code} {d.message}",
        "categories": [CATEGORIES.get(d.category, "Style")],
        "fingerprint": fingerprint,
        "severity": SEVERITIES[d.severity],
        "location": {
            "path": d.path,
            "positions": {"begin": {"line": d.line, "column": d.column},
                          "end": {"line": d.end_line, "column": d.end_column}},
        },
    }


def render(report: Report) -> str:
    prints = fingerprints(report.diagnostics, report.sources, with_path=True)
    issues = [issue(d, fp) for d, fp in zip(report.diagnostics, prints)]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
