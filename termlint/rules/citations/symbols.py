"""CI010: United Nations document symbols typed wrongly (`A/RES/74 /174`, `A/RES74/174`, `Rev 1`).

A symbol is one unbroken string of capitals, figures, full stops and slashes:
A/RES/74/174, A/C.3/77/L.12/Rev.1, E/CN.15/2022/L.5, S/RES/2467 (2019), A/HRC/RES/34/16.
A line break inside a symbol is left alone (texts converted from PDF wrap lines anywhere);
spaces typed inside one are not.
"""

from __future__ import annotations

import re as stdlib_re
from collections.abc import Iterator

import regex as re

from termlint.core.model import Edit, Example, Finding, Fix, RuleMeta, Severity
from termlint.rules.citations.citations import citations_of
from termlint.rules.context import Context

_PREFIX = r"(?:A|E|S|ST|A/HRC|A/C\.\d|A/CONF\.\d+|A/AC\.\d+|E/CN\.\d{1,2}|E/C\.\d{1,2}|E/ICEF|DP|TD|UNEP|FCCC|CRC|CEDAW|CCPR|CERD|CAT|CRPD|CMW|CED|HRI)"
_SEG = r"[A-Z0-9][A-Za-z0-9.\-]*"
_SP = r"[ \t\u00a0]"
# a slash with spaces typed around it, inside something that starts like a symbol
_SPACED = re.compile(r"(?<![\w/.\-])" + _PREFIX + r"(?:/" + _SEG + r")*(?:" + _SP + r"+/" + _SP + r"*|/" + _SP + r"+)" + _SEG
                     + r"(?:" + _SP + r"*/" + _SP + r"*" + _SEG + r")*")
_NO_SLASH = re.compile(r"(?<![\w/.\-])(?P<head>(?:A|E|S|A/HRC)/RES)(?P<num>\d)")
_SUFFIX = re.compile(r"(?<=[A-Z0-9.]/)(?P<word>[Rr]ev|[Aa]dd|[Cc]orr|REV|ADD|CORR)(?P<sep>\.?" + _SP + r"*)(?P<n>\d{1,2})(?![\d.])")
_DOTTED = re.compile(r"(?<=[A-Z0-9]/)(?P<seg>L|CRP|WP|INF)\." + _SP + r"+(?P<n>\d{1,3})\b")
# What every match of each pattern holds, found with a cheap search (stdlib `re`, plain characters):
# a text without it (most paragraphs) is not searched with the slow pattern.
_SPACED_NEEDS = stdlib_re.compile(_SP + "/|/" + _SP)
_SUFFIX_NEEDS = stdlib_re.compile(r"/(?:[Rr]ev|[Aa]dd|[Cc]orr|REV|ADD|CORR)")
_DOTTED_NEEDS = stdlib_re.compile(r"/(?:L|CRP|WP|INF)\." + _SP)


class MalformedSymbol:
    meta = RuleMeta(
        code="CI010", name="malformed-symbol", category="citation", severity=Severity.ERROR,
        summary="A document symbol with a space or a missing slash (`A/RES/74 /174`, `A/RES74/174`)",
        description="""
United Nations document symbols are written without spaces: `A/RES/74/174`,
`A/C.3/77/L.12/Rev.1`, `E/CN.15/2022/L.5`. termlint flags a space typed next to a slash, a
missing slash after RES (`A/RES74/174`), revisions, addenda and corrigenda not written
`Rev.1`, `Add.1`, `Corr.1`, and a space after `L.` (`L. 12`). The fix closes the gap. A line
break inside a symbol (a PDF wrap) is not reported.
""".strip(),
        fixable=True,
        source="United Nations Editorial Manual, \"Document symbols\"; ST/LIB/SER.B/5/Rev.5 (United Nations Document Series Symbols)",
        examples=tuple(Example(k, t) for k, t in (  # type: ignore[arg-type]
            ("bad", "as contained in A/RES/74 /174 and A/75/427, para. 7"),
            ("fixed", "as contained in A/RES/74/174 and A/75/427, para. 7"),
            ("bad", "see A/RES74/174"),
            ("fixed", "see A/RES/74/174"),
            ("bad", "draft resolution A/C.3/77/L.12/rev. 1"),
            ("fixed", "draft resolution A/C.3/77/L.12/Rev.1"),
            ("bad", "draft resolution A/C.3/77/L. 12"),
            ("fixed", "draft resolution A/C.3/77/L.12"),
            ("good", "as contained in A/RES/74/174, E/CN.15/2022/L.5, S/RES/2467 (2019) and A/HRC/RES/34/16"),
            ("good", "documents A/C.3/77/L.12/Rev.1 and A/75/427/Add.1, para. 7, and/or E/2022/30"),
            ("good", "the report (S/2002/\n1005) of the Secretary-General"),
        )),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if "/" not in ctx.text:
            return  # every symbol has a slash
        code = ctx.protected.code
        for unit in citations_of(ctx).units:
            text, clause = unit.text, unit.clause
            for finding in self._scan(text, clause):
                if not code.overlaps(finding.start, finding.end):
                    yield finding

    def _scan(self, text: str, clause: object) -> Iterator[Finding]:
        if "/" not in text:
            return  # every symbol has a slash
        at = clause.offset_of  # type: ignore[attr-defined]
        for m in _SPACED.finditer(text) if _SPACED_NEEDS.search(text) else ():
            found = m.group()
            right = re.sub(_SP + r"*/" + _SP + r"*", "/", found)
            if not re.search(r"\d", right) or at(m.end()) - at(m.start()) != len(found):
                continue
            yield self._finding(at(m.start()), at(m.end()), found, right, "no spaces inside a document symbol")
        for m in _NO_SLASH.finditer(text) if "/RES" in text else ():
            right = f"{m.group('head')}/{m.group('num')}"
            yield self._finding(at(m.start()), at(m.end()), m.group(), right, "a slash follows RES")
        for m in _SUFFIX.finditer(text) if _SUFFIX_NEEDS.search(text) else ():
            right = f"{m.group('word').capitalize()}.{m.group('n')}"
            if m.group() != right:
                yield self._finding(at(m.start()), at(m.end()), m.group(), right, "revisions, addenda and corrigenda are written Rev.1, Add.1, Corr.1")
        for m in _DOTTED.finditer(text) if _DOTTED_NEEDS.search(text) else ():
            right = f"{m.group('seg')}.{m.group('n')}"
            yield self._finding(at(m.start()), at(m.end()), m.group(), right, "no space inside a document symbol")

    def _finding(self, start: int, end: int, found: str, right: str, why: str) -> Finding:
        return Finding(self.meta.code, start, end, f"“{found}”: {why}; write “{right}”",
                       fix=Fix((Edit(start, end, right),), True, f"write “{right}”"))


_RES_SYMBOL = re.compile(r"(?P<noun>\b[Rr]esolutions?" + _SP + r"+)?(?<![\w/.\-])(?P<organ>A/HRC|A|E|S)/RES/(?P<number>(?:(?:ES|S)-)?\d{1,4}/\d{1,4}|\d{1,4}"
                         + _SP + r"*\((?:19|20)\d\d\))(?![\w/])")
_ORGAN_NAME = {"A": "", "E": "Economic and Social Council ", "S": "Security Council ", "A/HRC": "Human Rights Council "}


class SymbolInText:
    meta = RuleMeta(
        code="CI011", name="resolution-symbol-in-text", category="citation", severity=Severity.INFO,
        summary="A resolution cited by its symbol (`A/RES/74/174`) rather than its number",
        description="""
Resolutions cite earlier resolutions by number, not by document symbol: "resolution 74/174",
"Security Council resolution 2467 (2019)", not "A/RES/74/174" or "S/RES/2467 (2019)". After
the word "resolution" the fix keeps the number; elsewhere it writes "resolution 74/174"
(offered with --unsafe-fixes, since the sentence may need rewording).
""".strip(),
        fixable=True, needs_structure=True,
        source="United Nations Editorial Manual, \"Resolutions and decisions\" (references to resolutions)",
        examples=tuple(Example(k, t) for k, t in (  # type: ignore[arg-type]
            ("bad", "The General Assembly,\n\nRecalling its resolution A/RES/74/174,"),
            ("fixed", "The General Assembly,\n\nRecalling its resolution 74/174,"),
            ("bad", "The General Assembly,\n\nRecalling S/RES/2467 (2019),"),
            ("good", "The General Assembly,\n\nRecalling its resolution 74/174 and Security Council resolution 2467 (2019),"),
        )),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        if "/RES/" not in ctx.text:
            return  # what every finding holds
        code = ctx.protected.code
        for unit in citations_of(ctx).units:
            if unit.clause.kind not in ("preambular", "operative", "subparagraph", "footnote"):
                continue  # not the cover, nor a page's running head ("S/RES/1454 (2002)")
            at = unit.clause.offset_of
            for m in _RES_SYMBOL.finditer(unit.text) if "/RES/" in unit.text else ():
                start, end = at(m.start("organ")), at(m.end())
                line_start = ctx.text.rfind("\n", 0, start) + 1
                line_end = ctx.text.find("\n", end)
                line = ctx.text[line_start:line_end if line_end >= 0 else len(ctx.text)]
                if code.overlaps(start, end) or line.strip(" \t\f\u00a0") == ctx.text[start:end]:
                    continue  # a symbol alone on its line is a page's running head
                number = " ".join(m.group("number").split())
                if m.group("noun"):
                    right, safe = number, True
                else:
                    right, safe = f"{_ORGAN_NAME[m.group('organ')]}resolution {number}", False
                yield Finding(self.meta.code, start, end,
                              f"cite the resolution by its number (“{right}”), not by its symbol",
                              fix=Fix((Edit(start, end, right),), safe, f"write “{right}”"))


RULES = (MalformedSymbol(), SymbolInText())
