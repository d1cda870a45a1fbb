"""Fingerprints that identify a finding across edits, for CI systems that track findings.

A fingerprint hashes the rule code, the text of the finding's line (whitespace collapsed)
and the finding's rank among findings with that code on identical lines of the file. No line
number goes in, so inserting a paragraph above a finding keeps its fingerprint.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from termlint.core.digest import sha256
from termlint.core.model import Diagnostic


def fingerprints(diagnostics: Sequence[Diagnostic], sources: Mapping[str, str], with_path: bool = False) -> list[str]:
    """One hex fingerprint per diagnostic, in order; `with_path` makes them unique across files."""
    lines_of: dict[str, list[str]] = {}
    seen: dict[tuple[str, str, str], int] = defaultdict(int)
    out: list[str] = []
    for d in diagnostics:
        if d.path not in lines_of:
            lines_of[d.path] = sources.get(d.path, "").split("\n")
        lines = lines_of[d.path]
        text = " ".join(lines[d.line - 1].split()) if d.line <= len(lines) else ""
        key = (d.path, d.code, text)
        index = seen[key]
        seen[key] += 1
        material = "\0".join((d.path if with_path else "", d.code, text, str(index)))
        out.append(sha256(material.encode("utf-8")).hexdigest()[:32])
    return out
