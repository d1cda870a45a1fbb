"""Suppression in the text itself.

    <!-- termlint: disable=TM101,CO -->   ... <!-- termlint: enable=TM101,CO -->
    <!-- termlint: disable-next-line=SP001 -->
    <!-- termlint: disable-file=CI -->        (anywhere in the file)
    a word [sic]                               (the finding on the word before is dropped)

Codes are prefixes, as in --select; no codes means every rule. In plain text the same
directives stand on a line of their own, with or without the comment markers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from termlint.document import Document
from termlint.model import Severity

_DIRECTIVE = regex.compile(
    r"<!--\s*termlint:\s*(?P<verb>disable-next-line|disable-file|disable|enable)"
    r"(?:\s*=\s*(?P<codes>[A-Za-z0-9,\s]*?))?\s*-->"
    r"|^[ \t]*termlint:\s*(?P<verb2>disable-next-line|disable-file|disable|enable)"
    r"(?:\s*=\s*(?P<codes2>[A-Za-z0-9, \t]*?))?[ \t]*$",
    regex.MULTILINE,
)
_SIC = regex.compile(r"\s*\[sic\]", regex.IGNORECASE)

UNUSED_CODE = "TL001"


@dataclass
class _Directive:
    verb: str
    codes: tuple[str, ...]  # () = every rule
    line: int
    column: int
    first_line: int  # lines this directive covers
    last_line: int
    used: bool = False

    def covers(self, code: str, line: int) -> bool:
        return self.first_line <= line <= self.last_line and (
            not self.codes or any(code.startswith(c) for c in self.codes))


@dataclass
class Suppressions:
    text: str
    directives: list[_Directive] = field(default_factory=list)

    @classmethod
    def of(cls, document: Document) -> Suppressions:
        found = cls(document.text)
        if "termlint:" not in document.text:
            return found
        last_line = len(document.line_starts)
        open_disables: list[_Directive] = []
        for m in _DIRECTIVE.finditer(document.text):
            verb = m.group("verb") or m.group("verb2")
            raw = m.group("codes") or m.group("codes2") or ""
            codes = tuple(c.strip().upper() for c in raw.split(",") if c.strip())
            line, column = document.position(m.start())
            if verb == "disable-file":
                found.directives.append(_Directive(verb, codes, line, column, 1, last_line))
            elif verb == "disable-next-line":
                target = _next_content_line(document, line)
                found.directives.append(_Directive(verb, codes, line, column, target, target))
            elif verb == "disable":
                d = _Directive(verb, codes, line, column, line, last_line)
                open_disables.append(d)
                found.directives.append(d)
            else:  # enable: closes the matching disables
                for d in open_disables:
                    if d.last_line == last_line and (not codes or set(d.codes) & set(codes) or not d.codes):
                        d.last_line = line
        return found

    def suppresses(self, code: str, line: int, start: int, end: int) -> bool:
        if code == UNUSED_CODE:
            return False
        hit = False
        for d in self.directives:
            if d.covers(code, line):
                d.used = hit = True
        return hit or bool(_SIC.match(self.text, end))

    def unused(self, path: str) -> list[object]:
        """Directives that suppressed nothing, as diagnostics (for --report-unused-directives)."""
        from termlint.engine import Diagnostic

        return [
            Diagnostic(path, d.line, d.column, d.line, d.column, UNUSED_CODE, "unused-directive", "structure",
                       Severity.WARNING, f"unused suppression `{d.verb}{'=' + ','.join(d.codes) if d.codes else ''}`:"
                       " nothing it covers is reported any more; remove it", None, 0, 0)
            for d in self.directives if not d.used
        ]


def _next_content_line(document: Document, line: int) -> int:
    total = len(document.line_starts)
    for candidate in range(line + 1, total + 1):
        if document.line_text(candidate).strip():
            return candidate
    return line + 1
