"""Suppression in the text itself.

    <!-- termlint: disable=TM101,CO -->   ... <!-- termlint: enable=TM101,CO -->
    <!-- termlint: disable-next-line=SP001 -->
    <!-- termlint: disable-file=CI -->        (anywhere in the file)
    a word [sic]                               (the finding on the word before is dropped)

Codes are prefixes, as in --select, separated by commas or spaces; no codes means every rule.
In plain text the same directives may also stand on a line of their own without the comment
markers (`termlint: disable=PU001`).

`disable` covers its own line and every line after it until an `enable` that names the same
codes, a broader prefix, or no codes. An `enable` narrower than the `disable` re-enables just
that much: after `disable=TM` ... `enable=TM101`, TM101 is reported again and the rest of TM
is still silent. `disable-next-line` covers the next line that holds text other than directives.

With --report-unused-directives, a directive that suppressed nothing is reported as TL001:
a disable whose findings are gone, an enable that closes no disable, a code that is not a
rule code, and a well-formed code or prefix that no rule has (PU999: a typo, or a rule removed). A directive that names only rules that did not run (not selected) is not reported:
this run cannot tell whether it is needed.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

import regex

from termlint.core.model import Diagnostic
from termlint.rules.own import UNUSED_CODE, UNUSED_META
from termlint.text.document import Document

_VERBS = r"disable-next-line|disable-file|disable|enable"
_DIRECTIVE = regex.compile(
    rf"<!--[ \t]*termlint:[ \t]*(?P<verb>{_VERBS})(?:[ \t]*=[ \t]*(?P<codes>[A-Za-z0-9,\s]*?))?\s*-->"
    rf"|^[ \t]*termlint:[ \t]*(?P<verb2>{_VERBS})(?:[ \t]*=[ \t]*(?P<codes2>[A-Za-z0-9, \t]*?))?[ \t]*$",
    regex.MULTILINE,
)
_ONLY_DIRECTIVES = regex.compile(rf"^(?:\s*<!--[ \t]*termlint:[^\n]*?-->)+\s*$|^[ \t]*termlint:[ \t]*(?:{_VERBS})\b.*$")
# [sic], [*sic*] or (sic) after the word, perhaps after closing emphasis or quotation marks.
# The runs are bounded: this is tried after every finding, and an unbounded run would make a
# text of ten thousand quotation marks cost quadratic time.
_SIC = regex.compile(r"[*_”’\"']{0,6}[ \t\u00a0]{0,20}(?:\n[ \t]{0,20})?(?:\[[ \t]*[*_]?sic[*_]?[ \t]*\]|\([ \t]*[*_]?sic[*_]?[ \t]*\))",
                     regex.IGNORECASE)
_CODE = regex.compile(r"[A-Z]{1,2}\d{0,3}")

def _matches(code: str, prefixes: Collection[str]) -> bool:
    return any(code.startswith(p) for p in prefixes)


@dataclass
class _Window:
    """Lines first..last on which `codes` (() = all) minus `excepted` are silent."""

    first: int
    last: int
    codes: tuple[str, ...]
    excepted: tuple[str, ...] = ()

    def covers(self, code: str, line: int) -> bool:
        return (self.first <= line <= self.last and (not self.codes or _matches(code, self.codes))
                and not _matches(code, self.excepted))


@dataclass
class _Directive:
    """One `termlint: disable`/`enable`/`disable-next-line` comment and the text it covers."""
    verb: str
    codes: tuple[str, ...]  # () = every rule
    line: int
    column: int
    windows: list[_Window] = field(default_factory=list)
    used: bool = False

    def covers(self, code: str, line: int) -> bool:
        return any(w.covers(code, line) for w in self.windows)

    def text(self) -> str:
        return f"{self.verb}{'=' + ','.join(self.codes) if self.codes else ''}"


@dataclass
class Suppressions:
    """The suppression comments of one text, and which findings they silence."""
    text: str
    directives: list[_Directive] = field(default_factory=list)
    _by_line: dict[int, list[_Directive]] | None = field(default=None, repr=False)  # see _covering
    _spanning: list[_Directive] = field(default_factory=list, repr=False)

    @classmethod
    def of(cls, document: Document) -> Suppressions:
        found = cls(document.text)
        if "termlint:" not in document.text:
            return found
        end = len(document.line_starts)
        for m in _DIRECTIVE.finditer(document.text):
            verb = m.group("verb") or m.group("verb2")
            raw = m.group("codes") or m.group("codes2") or ""
            codes = tuple(dict.fromkeys(c.upper() for c in regex.split(r"[,\s]+", raw) if c))
            line, column = document.position(m.start())
            directive = _Directive(verb, codes, line, column)
            if verb == "disable-file":
                directive.windows.append(_Window(1, end, codes))
            elif verb == "disable-next-line":
                target = _next_content_line(document, line)
                directive.windows.append(_Window(target, target, codes))
            elif verb == "disable":
                directive.windows.append(_Window(line, end, codes))
            else:
                directive.used = found._enable(codes, line, end)
            found.directives.append(directive)
        return found

    def _enable(self, codes: tuple[str, ...], line: int, end: int) -> bool:
        """Close what `enable=codes` re-enables from `line` on; True if it closed anything."""
        closed = False
        for d in self.directives:
            if d.verb != "disable":
                continue
            for w in list(d.windows):
                if w.last != end or w.first > line:
                    continue  # already closed
                if codes and w.codes and not any(_matches(c, codes) or _matches(e, w.codes) for c in w.codes
                                                 for e in codes):
                    continue  # unrelated codes
                w.last = line
                closed = True
                if not codes:
                    continue
                still = tuple(c for c in w.codes if not _matches(c, codes))
                if still or not w.codes:  # the part the enable does not name stays silent
                    d.windows.append(_Window(line + 1, end, still, w.excepted + codes))
        return closed

    def suppresses(self, code: str, line: int, start: int, end: int) -> bool:
        if code == UNUSED_CODE:
            return False
        hit = False
        for d in self._covering(line):
            if d.covers(code, line):
                d.used = hit = True
        return hit or bool(_SIC.match(self.text, end))

    def _covering(self, line: int) -> list[_Directive]:
        """The directives with a window on `line`. One-line windows (disable-next-line, the
        commonest) are indexed by line, so a draft with thousands of them does not try each
        one for every finding; the few windows over many lines are tried as they are."""
        if self._by_line is None:
            self._by_line = {}
            for d in self.directives:
                if any(w.first != w.last for w in d.windows):
                    self._spanning.append(d)
                    continue
                for w in d.windows:
                    self._by_line.setdefault(w.first, []).append(d)
        single = self._by_line.get(line, [])
        return self._spanning + single if self._spanning else single

    def unused(self, path: str, ran: Collection[str] | None = None,
               known: Collection[str] | None = None) -> list[Diagnostic]:
        """Directives that suppressed nothing, as TL001 diagnostics (for --report-unused-directives).

        `ran`: the codes of the rules that ran; directives naming none of them are not judged.
        `known`: every rule code there is (selected or not); a well-formed code or prefix that
        none of them starts with (PU999, ZZ) is a slip, whatever this run selected.
        """
        out: list[Diagnostic] = []
        for d in self.directives:
            bad = [c for c in d.codes if not _CODE.fullmatch(c)]
            unknown = [c for c in d.codes if known is not None and c not in bad
                       and not any(k.startswith(c) for k in known)]
            judged = ran is None or not d.codes or any(r.startswith(c) for c in d.codes for r in ran)
            if bad:
                problem = f"`{d.text()}` names {', '.join(bad)}, which is not a rule code (see `termlint rules`)"
            elif unknown:
                problem = f"`{d.text()}` names {', '.join(unknown)}, which no rule has (see `termlint rules`)"
            elif d.used or not judged:
                continue
            elif d.verb == "enable":
                problem = f"`{d.text()}` closes no `disable` before it; remove it"
            else:
                problem = f"unused suppression `{d.text()}`: nothing it covers is reported any more; remove it"
            out.append(Diagnostic(path, d.line, d.column, d.line, d.column, UNUSED_CODE, UNUSED_META.name,
                                  UNUSED_META.category, UNUSED_META.severity, problem, None, 0, 0))
        return out


def _next_content_line(document: Document, line: int) -> int:
    """The next line after `line` that holds text other than directives (or the line after)."""
    total = len(document.line_starts)
    for candidate in range(line + 1, total + 1):
        text = document.line_text(candidate)
        if text.strip() and not _ONLY_DIRECTIVES.match(text):
            return candidate
    return line + 1
