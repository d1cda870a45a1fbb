"""CI012, CI024-CI026: citations written in a form an editor corrects, whatever their date.

- a decision symbol of a Conference of the Parties with a space in it (`decision 1/CP. 17`);
- `paragraph 7-9`: a range of paragraphs takes the plural;
- a Security Council resolution cited without its year (`Security Council resolution 2427`);
- a General Assembly resolution of the first thirty sessions cited without its session
  numeral (`General Assembly resolution 2029`: it is `2029 (XX)`).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from termlint.core.model import Edit, Finding, Fix, Severity
from termlint.parse.tree import Clause
from termlint.rules.citations.citations import rule_meta
from termlint.rules.context import ByClause, Context

_SOURCE = "United Nations Editorial Manual, “Citation of United Nations documents”; UNFCCC decision symbols"
_SCOPE = frozenset({"preambular", "operative", "subparagraph", "paragraph", "footnote"})
_S = r"[ \t\u00a0]"
_DECISION = regex.compile(
    r"(?<![\w/])(?P<n>\d{1,2})(?P<a>" + _S + r"*)/(?P<b>" + _S + r"*)(?P<body>CP|CMP|CMA|COP|MOP)"
    r"(?P<sep>" + _S + r"*\." + _S + r"+|" + _S + r"+\." + _S + r"*|" + _S + r"+)(?P<s>\d{1,2})(?![\d/])"
    r"|(?<![\w/])(?P<n2>\d{1,2})" + _S + r"+/" + _S + r"*(?P<body2>CP|CMP|CMA|COP|MOP)\.(?P<s2>\d{1,2})(?![\d/])"
)
_RANGE = regex.compile(r"\b(?P<noun>[Pp]aragraph|[Pp]ara\.)" + _S + r"+\d{1,3}(?:" + _S + r"?(?:bis|ter|quater))?"
                       + _S + r"*(?:[-–\u2010\u2011]|" + _S + r"to" + _S + r")" + _S + r"*\d{1,3}\b")
_COUNCIL = regex.compile(r"\bSecurity" + _S + r"+Council" + _S + r"+resolutions?" + _S + r"+")
_COUNCIL_ITEM = regex.compile(r"(?P<n>\d{3,4})(?![\d/])(?P<year>" + _S + r"*\((?:19[4-9]\d|20\d\d)\))?")
_COUNCIL_SEP = regex.compile(r"(?:,|" + _S + r"+and|,?" + _S + r"+and)" + _S + r"+(?=\d{3,4}\b)")
_ASSEMBLY = regex.compile(r"\bGeneral" + _S + r"+Assembly" + _S + r"+resolution" + _S + r"+(?P<n>\d{1,4})(?![\d/])"
                          r"(?!" + _S + r"*\(|" + _S + r"+[A-H]\b)")
_LAST_NUMBERED_BY_SESSION = 3536  # resolution 3536 (XXX) of 17 December 1975; from 1976 on: 31/1


class DecisionSymbol(ByClause):
    kinds = _SCOPE  # the engine hands it each clause of these kinds
    meta = rule_meta(
        "CI012", "decision-symbol-form", Severity.ERROR,
        "A decision symbol of a Conference of the Parties with a space in it (`decision 1/CP. 17`)",
        """
Decisions of the Conferences of the Parties are numbered `1/CP.17` (decision 1 of the
seventeenth session of the COP), `2/CMA.3`, `5/CMP.1`: no space around the slash or after
the full stop, and the full stop always there. The fix closes the symbol up.
""",
        [("bad", "Recalling decision 1/CP. 17 and decision 2/CMA 3,"),
         ("fixed", "Recalling decision 1/CP.17 and decision 2/CMA.3,"),
         ("good", "Recalling decisions 1/CP.16, 1/CMA.1 and 10/CP.7,")],
        source=_SOURCE, fixable=True)

    def visit(self, clause: Clause, ctx: Context) -> Iterator[Finding]:
        text = clause.text
        if "/" not in text:
            return
        for m in _DECISION.finditer(text):
            if m.group("n"):
                fixed = f"{m.group('n')}/{m.group('body')}.{m.group('s')}"
            else:
                fixed = f"{m.group('n2')}/{m.group('body2')}.{m.group('s2')}"
            start, end = clause.offset_of(m.start()), clause.offset_of(m.end())
            yield Finding(self.meta.code, start, end, f"decision symbol “{m.group()}”: write “{fixed}”",
                          fix=Fix((Edit(start, end, fixed),), description=f"write {fixed}"))


class ParagraphRange(ByClause):
    kinds = _SCOPE  # the engine hands it each clause of these kinds
    meta = rule_meta(
        "CI024", "paragraph-range-singular", Severity.WARNING,
        "A range of paragraphs after the singular (`paragraph 7-9`)",
        """
A range cites several paragraphs: `paragraphs 7–9`, `paras. 7–9`. The fix adds the plural.
(The dash of the range is PU009's business for years; for paragraphs the Editorial Manual
also uses an en dash.)
""",
        [("bad", "the indicators referred to in paragraph 7-9 below;"),
         ("fixed", "the indicators referred to in paragraphs 7-9 below;"),
         ("good", "the indicators referred to in paragraphs 7 to 9 and paragraph 12 below;")],
        source="United Nations Editorial Manual, “References to paragraphs”", fixable=True)

    def visit(self, clause: Clause, ctx: Context) -> Iterator[Finding]:
        text = clause.text
        if "ara" not in text:
            return
        for m in _RANGE.finditer(text):
            noun = m.group("noun")
            plural = "paras." if noun.lower() == "para." else noun + "s"
            if noun[0].isupper():
                plural = plural[0].upper() + plural[1:]
            start = clause.offset_of(m.start("noun"))
            end = clause.offset_of(m.end("noun"))
            yield Finding(self.meta.code, start, end, f"“{m.group()}” cites several paragraphs: write “{plural}”",
                          fix=Fix((Edit(start, end, plural),), description=f"write {plural}"))


class CouncilWithoutYear(ByClause):
    kinds = _SCOPE  # the engine hands it each clause of these kinds
    meta = rule_meta(
        "CI025", "council-resolution-without-year", Severity.WARNING,
        "A Security Council resolution cited without its year (`Security Council resolution 2427`)",
        """
Security Council resolutions are cited with the year of adoption in brackets:
`Security Council resolution 2427 (2018)`. Each number of a list takes its year.
""",
        [("bad", "Recalling Security Council resolutions 1325 (2000) and 2427,"),
         ("good", "Recalling Security Council resolutions 1325 (2000) and 2427 (2018),")],
        source=_SOURCE)

    def visit(self, clause: Clause, ctx: Context) -> Iterator[Finding]:
        text = clause.text
        if "Security" not in text:
            return
        for m in _COUNCIL.finditer(text):
            pos = m.end()
            while True:
                item = _COUNCIL_ITEM.match(text, pos)
                if not item:
                    break
                if not item.group("year"):
                    start, end = clause.offset_of(item.start()), clause.offset_of(item.end())
                    yield Finding(self.meta.code, start, end,
                                  f"Security Council resolution {item.group('n')} is cited without its year: "
                                  f"write “{item.group('n')} (year)”")
                sep = _COUNCIL_SEP.match(text, item.end())
                if not sep:
                    break
                pos = sep.end()


class AssemblyWithoutSession(ByClause):
    kinds = _SCOPE  # the engine hands it each clause of these kinds
    meta = rule_meta(
        "CI026", "assembly-resolution-without-session", Severity.WARNING,
        "A General Assembly resolution of 1946-1975 cited without its session numeral (`resolution 2029`)",
        """
Until its thirtieth session (1975) the General Assembly numbered its resolutions in one
series and added the session in roman numerals: `resolution 2029 (XX)`, `3314 (XXIX)`. Cited
without the numeral, the number is incomplete. (From 1976 on: `31/1`.)
""",
        [("bad", "Recalling General Assembly resolution 2029, by which it established the Programme,"),
         ("good", "Recalling General Assembly resolution 2029 (XX) of 22 November 1965,")],
        source=_SOURCE)

    def visit(self, clause: Clause, ctx: Context) -> Iterator[Finding]:
        text = clause.text
        if "Assembly" not in text:
            return
        for m in _ASSEMBLY.finditer(text):
            if int(m.group("n")) > _LAST_NUMBERED_BY_SESSION:
                continue
            start, end = clause.offset_of(m.start("n")), clause.offset_of(m.end("n"))
            yield Finding(self.meta.code, start, end,
                          f"General Assembly resolution {m.group('n')} is cited without its session numeral: "
                          f"write “{m.group('n')} (session in roman numerals)”")


RULES = (DecisionSymbol(), ParagraphRange(), CouncilWithoutYear(), AssemblyWithoutSession())
