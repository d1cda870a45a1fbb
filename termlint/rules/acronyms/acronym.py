"""Kind `acronym`: acronyms used before their definition, never defined, defined twice,
or (for a few, such as "UN") not to be used at all in a formal text.

    [[rules]]
    code = "AC001"
    kind = "acronym"
    check = "undefined"          # undefined | before-definition | defined-twice | spell-out
    allow = ["HIV", "AIDS"]      # undefined: acronyms a resolution may use bare
    [rules.expansions]           # undefined: full names to suggest, one a line
    UNODC = "United Nations Office on Drugs and Crime"

    [[rules]]
    code = "AC004"
    kind = "acronym"
    check = "spell-out"
    [rules.spell_out]            # spell-out: acronym -> what to write instead (the fix)
    UN = "United Nations"

Users extend `allow` for one project with `[tool.termlint.options.AC001] allow = ["XYZ"]`.
Where and how acronyms are read is in termlint/rules/acronyms/units.py.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from termlint.core.model import Edit, Finding, Fix, Option, RuleMeta
from termlint.rules.acronyms.units import hidden_spans, units
from termlint.rules.context import Context
from termlint.rules.packfiles import PackError
from termlint.rules.packs import get
from termlint.text.protect import SpanSet
from termlint.text.wordlist import english

KEYS = frozenset({"check", "allow", "expansions", "spell_out", "names"})
FIXABLE = True
OPTIONS = (Option("allow", list, "acronyms this project may use without defining them", item=str),)
CHECKS = ("undefined", "before-definition", "defined-twice", "spell-out")
_COMMON = 1000  # frequency in pyspellchecker's English list above which a word in capitals is a word


@dataclass(frozen=True)
class AcronymRule:
    meta: RuleMeta
    check_name: str
    allow: frozenset[str]
    expansions: Mapping[str, str]
    spell_out: Mapping[str, str]
    names: tuple[str, ...] = ()

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        if self.check_name == "spell-out":
            yield from self._spell_out(ctx)
            return
        allowed = self.allow | frozenset(str(a) for a in ctx.options_for(self.meta.code).get("allow", ()))
        in_name = _name_spans(text, self.names)
        for unit in units(ctx):
            seen: dict[Any, Any] = {}
            for occ in unit.occurrences:
                acronym = occ.acronym
                if self.check_name == "defined-twice":
                    # The preamble and the operative part each define (adopted texts do so).
                    key = (acronym, occ.part)
                    if occ.definition and not occ.quoted:
                        if key in seen:
                            yield self._twice(text, occ, seen[key])
                        else:
                            seen[key] = occ
                    continue
                if acronym in seen or in_name.overlaps(occ.start, occ.end):
                    continue
                seen[acronym] = occ
                first_def = unit.first_definition(acronym)
                if self.check_name == "undefined":
                    if first_def is None and acronym not in allowed and not self._word_in_capitals(acronym):
                        yield self._undefined(text, unit, occ, hidden_spans(ctx))
                elif first_def is not None and occ.start < first_def.start:
                    yield Finding(self.meta.code, occ.start, occ.end,
                                  f"“{acronym}” is used before its definition at line {_line(text, first_def.start)}: "
                                  "define it here, at its first use, and use it alone after that")

    def _word_in_capitals(self, acronym: str) -> bool:
        """YES, NOTE, RADAR: a common English word set in capitals (forms, tables), not an acronym."""
        if acronym in self.expansions or not acronym.isalpha():
            return False
        return english().frequency(acronym.lower()) >= _COMMON

    def _undefined(self, text: str, unit: Any, occ: Any, hidden: Any) -> Finding:
        acronym = occ.acronym
        full = self.expansions.get(acronym)
        span = None
        if full:
            at = unit.find(text, full)
            span = (at, at + len(full)) if at >= 0 and not hidden.overlaps(at, at + len(full)) else None
        if span is None:
            # in a comment a definition would not count: the fix would come back forever
            span = next((found for found in unit.spelled_out(text, acronym) if not hidden.overlaps(*found)), None)
        if span is not None:
            named = text[span[0]:span[1]]
            where = _line(text, span[0])
            if span[1] <= occ.start:
                return Finding(
                    self.meta.code, occ.start, occ.end,
                    f"“{acronym}” is not defined: line {where} has “{named}” in full; "
                    f"write “{named} ({acronym})” there, or the full name here",
                    fix=Fix((Edit(span[1], span[1], f" ({acronym})"),), safe=False,
                            description=f"define {acronym} at line {where}"))
            full = full or named
        if full:
            message = f"“{acronym}” is not defined: write “{full} ({acronym})” at its first use, or the full name alone"
        else:
            message = (f"“{acronym}” is used but never defined: spell it out at its first use, "
                       f"followed by “({acronym})”; the Editorial Manual avoids unexplained acronyms")
        return Finding(self.meta.code, occ.start, occ.end, message)

    def _twice(self, text: str, occ: Any, first: Any) -> Finding:
        # The definition is "Full Name (ACR)": removing " (ACR)" keeps the full name, always correct.
        open_at = text.rfind("(", 0, occ.start)
        close_at = text.find(")", occ.end)
        fix = None
        if open_at >= 0 and close_at >= 0:
            start = open_at - 1 if open_at > 0 and text[open_at - 1] == " " else open_at
            fix = Fix((Edit(start, close_at + 1, ""),), safe=False, description=f"drop “({occ.acronym})”")
        return Finding(self.meta.code, occ.start, occ.end,
                       f"“{occ.acronym}” is already defined at line {_line(text, first.start)}: "
                       "drop the parenthesis here, or use the acronym alone", fix=fix)

    def _spell_out(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for unit in units(ctx):
            for occ in unit.occurrences:
                full = self.spell_out.get(occ.acronym)
                if full is None:
                    continue
                possessive = text[occ.end:occ.end + 2] in ("’s", "'s")
                fix = None if possessive else Fix((Edit(occ.start, occ.end, full),), description=f"write “{full}”")
                yield Finding(self.meta.code, occ.start, occ.end,
                              f"“{occ.acronym}”: write “{full}” in full; formal texts avoid this abbreviation",
                              fix=fix)


def _name_spans(text: str, names: tuple[str, ...]) -> Any:
    """Where the text writes an official name that holds an acronym (International Girls in ICT Day)."""
    spans = []
    for name in names:
        at = text.find(name)
        while at >= 0:
            spans.append((at, at + len(name)))
            at = text.find(name, at + len(name))
    return SpanSet.of(spans)


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _table(entry: Mapping[str, Any], key: str, where: str) -> dict[str, str]:
    table = get(entry, key, dict, where, {})
    if not all(isinstance(k, str) and isinstance(v, str) and v for k, v in table.items()):
        raise PackError(f"{where}: `{key}` must map each acronym to a non-empty string")
    return dict(table)


def build(entry: dict[str, Any], meta: RuleMeta, where: str) -> AcronymRule:
    check_name = get(entry, "check", str, where)
    if check_name not in CHECKS:
        raise PackError(f"{where}: `check` must be one of {', '.join(CHECKS)} (got {check_name!r})")
    allow = get(entry, "allow", list, where, [])
    if not all(isinstance(a, str) and a for a in allow):
        raise PackError(f"{where}: `allow` must be a list of acronyms")
    spell_out = _table(entry, "spell_out", where)
    if check_name == "spell-out" and not spell_out:
        raise PackError(f"{where}: a `spell-out` rule needs a [rules.spell_out] table")
    names = get(entry, "names", list, where, [])
    if not all(isinstance(n, str) and n for n in names):
        raise PackError(f"{where}: `names` must be a list of names")
    return AcronymRule(meta, check_name, frozenset(allow), _table(entry, "expansions", where), spell_out,
                       tuple(n.replace("‑", "-") for n in names))
