"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Every rule that ran is described once (id, name, descriptions, help text, default level);
each result points at its region (1-based lines; columns count Unicode code points, as the
run declares) and carries a stable partial fingerprint and, where the rule has one, its fix.
No helpUri: termlint's documentation is `termlint explain CODE`, offline.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from termlint import __version__
from termlint.core.model import Diagnostic, RuleMeta, Severity
from termlint.formats.fingerprint import fingerprints
from termlint.formats.report import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "termlint/v1"


def render(report: Report) -> str:
    return json.dumps(document(report), ensure_ascii=False, indent=2) + "\n"


def document(report: Report) -> dict[str, Any]:
    metas = sorted(report.rules.values(), key=lambda m: m.code)
    index = {m.code: i for i, m in enumerate(metas)}
    prints = fingerprints(report.diagnostics, report.sources)
    results = [_result(d, index.get(d.code), fp) for d, fp in zip(report.diagnostics, prints)]
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "termlint", "version": __version__, "semanticVersion": __version__,
                            "rules": [_rule(m) for m in metas]}},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [_invocation(report)],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def uri(path: str) -> str:
    """A URI reference for a path: relative paths stay relative (code scanning wants that)."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(p.as_posix(), safe="/")


def _rule(meta: RuleMeta) -> dict[str, Any]:
    full = " ".join(meta.description.split()) or meta.summary
    help_text = meta.description.strip() or meta.summary
    if meta.examples:
        help_text += "\n\nExamples:\n" + "\n".join(f"  {e.kind}: {e.text}" for e in meta.examples)
    if meta.source:
        help_text += f"\n\nSource: {meta.source}"
    rule: dict[str, Any] = {
        "id": meta.code,
        "name": meta.name,
        "shortDescription": {"text": meta.summary},
        "fullDescription": {"text": full},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVELS[meta.severity]},
        "properties": {"tags": sorted({meta.category, *([meta.pack] if meta.pack else [])}),
                       "category": meta.category, "fixable": meta.fixable},
    }
    return rule


def _region(line: int, column: int, end_line: int, end_column: int) -> dict[str, int]:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _result(d: Diagnostic, rule_index: int | None, fingerprint: str) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": d.code,
        "level": LEVELS[d.severity],
        "message": {"text": d.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": uri(d.path)},
            "region": _region(d.line, d.column, d.end_line, d.end_column),
        }}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if rule_index is not None:
        result["ruleIndex"] = rule_index
    if d.fix is not None and d.edit_positions:
        result["fixes"] = [{
            "description": {"text": (d.fix.description or "apply the suggested edit")
                            + ("" if d.fix.safe else " (unsafe: review it)")},
            "artifactChanges": [{
                "artifactLocation": {"uri": uri(d.path)},
                "replacements": [{"deletedRegion": _region(*pos), "insertedContent": {"text": e.replacement}}
                                 for e, pos in zip(d.fix.edits, d.edit_positions)],
            }],
        }]
    return result


def _invocation(report: Report) -> dict[str, Any]:
    invocation: dict[str, Any] = {"executionSuccessful": not report.errors}
    if report.errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": problem},
             **({"locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(path)}}}]} if path else {})}
            for path, problem in report.errors  # path "" = a configuration error (its message names the file)
        ]
    return invocation
