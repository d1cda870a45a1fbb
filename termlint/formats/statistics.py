"""`--statistics`: one line per rule code with its count, as ruff prints them, and nothing else.

The table replaces the list of findings in every format but json, which gets the same
counts as a JSON array (code, name, count, fixable).
"""

from __future__ import annotations

from collections import Counter

from termlint.formats.report import Report


def counts(report: Report) -> list[tuple[str, str, int, int]]:
    """(code, name, count, how many have a fix) per code, most frequent first."""
    n: Counter[tuple[str, str]] = Counter()
    fixable: Counter[str] = Counter()
    for d in report.diagnostics:
        n[(d.code, d.name)] += 1
        if d.fix is not None and (d.fix.safe or report.unsafe_fixes):
            fixable[d.code] += 1
    return [(code, name, k, fixable[code]) for (code, name), k in sorted(n.items(), key=lambda kv: (-kv[1], kv[0]))]


def render(report: Report, as_json: bool = False) -> str:
    rows = counts(report)
    if as_json:
        import json

        return json.dumps([{"code": c, "name": name, "count": k, "fixable": f} for c, name, k, f in rows],
                          ensure_ascii=False, indent=2) + "\n"
    width = max((len(str(k)) for _, _, k, _ in rows), default=1)
    lines = [f"{k:>{width}}\t{code:<7}\t{'[*]' if f == k else '[-]' if f else '   '} {name}" for code, name, k, f in rows]
    return "\n".join(lines) + ("\n" if lines else "")
