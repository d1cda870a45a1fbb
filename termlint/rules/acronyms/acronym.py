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
    """AC rules: acronyms used before they are defined, defined twice, or never used."""
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
                    # The preamble and the operative part each define (adopted texts do so); a
                    # title or footnote, a table row (each row repeats its abbreviations), a
                    # designation that goes on after the parenthesis and a fixed formula of
                    # `names` tell the reader without being a second definition.
                    # Each Option of a negotiation text defines its own (part "operative:2"), but
                    # not again what the text defines outside the alternatives.
                    key = (acronym, occ.part)
                    if occ.definition and not (occ.quoted or occ.aside or occ.table or occ.named
                                               or in_name.overlaps(occ.start, occ.end)):
                        earlier = seen.get(key) or seen.get((acronym, occ.part.partition(":")[0]))
                        if earlier is not None:
                            yield self._twice(text, occ, earlier, ctx.document)
                        else:
                            seen[key] = occ
                    continue
                option = occ.option
                if acronym in seen or (acronym, option) in seen or in_name.overlaps(occ.start, occ.end) \
                        or occ.aside or occ.table:
                    continue  # a definition in a title or footnote is no use; a table cell no paragraph
                seen[(acronym, option) if option else acronym] = occ
                # an Option sees the definitions outside the alternatives and its own only
                first_def = _definition_for(unit, acronym, option) if option else unit.first_definition(acronym)
                if self.check_name == "undefined":
                    if first_def is None and acronym not in allowed and not self._word_in_capitals(acronym, text, unit) \
                            and not _named_compound(acronym, unit) and not _variant_defined(acronym, unit, option):
                        # COP and COP15, UHC2030 and UHC, FS-6 and FS-7: one acronym with or without
                        # its number, one decision for the drafter, one finding (at the first)
                        bare = ("bare", acronym.rstrip("0123456789").rstrip("-"), option)
                        if bare not in seen:
                            seen[bare] = occ
                            yield self._undefined(text, unit, occ, hidden_spans(ctx), ctx.document)
                elif first_def is not None and not first_def.aside and occ.start < first_def.start:
                    # a title or footnote that defines it has told the reader already
                    yield Finding(self.meta.code, occ.start, occ.end,
                                  f"“{acronym}” is used before its definition at line {_line(ctx.document, first_def.start)}: "
                                  "define it here, at its first use, and use it alone after that")

    def _word_in_capitals(self, acronym: str, text: str, unit: Any) -> bool:
        """YES, NOTE, RADAR: a common English word set in capitals (forms, tables), not an acronym.
        Not one written with a plural s in lower case (NAPs, GAPs): only an acronym is."""
        if acronym in self.expansions or not acronym.isalpha():
            return False
        if english().frequency(acronym.lower()) < _COMMON:
            return False
        return not any(o.acronym == acronym and text[o.end - 1:o.end] == "s" and o.end - o.start == len(acronym) + 1
                       for o in unit.occurrences)

    def _undefined(self, text: str, unit: Any, occ: Any, hidden: Any, document: Any) -> Finding:
        acronym = occ.acronym
        full = self.expansions.get(acronym)
        span = None
        option = occ.option
        written = acronym  # "national adaptation plans (NAPs)": a plural name takes the plural acronym
        if full:
            at = unit.find(text, full)
            span = (at, at + len(full)) if at >= 0 and not hidden.overlaps(at, at + len(full)) \
                and _option_at(unit, at) in (0, option) else None
            after = text[span[1]:span[1] + 2] if span else ""
            if span and after[:1] == "s" and not after[1:].isalpha():
                span, written = (span[0], span[1] + 1), acronym + "s"
            elif after[:1].isalpha():
                span = None  # the name inside a longer word: no place to define it
        if span is None:
            # in a comment a definition would not count: the fix would come back forever; in
            # another Option of a negotiation text it would not be read with this one
            span = next((found for found in unit.spelled_out(text, acronym) if not hidden.overlaps(*found)
                         and (not option or _option_at(unit, found[0]) in (0, option))), None)
        if span is not None:
            named = text[span[0]:span[1]]
            where = _line(document, span[0])
            if span[1] <= occ.start:
                return Finding(
                    self.meta.code, occ.start, occ.end,
                    f"“{acronym}” is not defined: line {where} has “{named}” in full; "
                    f"write “{named} ({written})” there, or the full name here",
                    fix=Fix((Edit(span[1], span[1], f" ({written})"),), safe=False,
                            description=f"define {acronym} at line {where}"))
            full = full or named
        elsewhere = unit.first_definition(acronym) if option else None
        if full:
            message = f"“{acronym}” is not defined: write “{full} ({acronym})” at its first use, or the full name alone"
        elif elsewhere is not None:
            message = (f"“{acronym}” is defined only in another option, at line {_line(document, elsewhere.start)}: "
                       "either option may be the one kept, so define it in this one too")
        else:
            message = (f"“{acronym}” is used but never defined: spell it out at its first use, "
                       f"followed by “({acronym})”; the Editorial Manual avoids unexplained acronyms")
        return Finding(self.meta.code, occ.start, occ.end, message)

    def _twice(self, text: str, occ: Any, first: Any, document: Any) -> Finding:
        # The definition is "Full Name (ACR)": removing " (ACR)" keeps the full name, always correct.
        open_at = text.rfind("(", 0, occ.start)
        close_at = text.find(")", occ.end)
        fix = None
        if open_at >= 0 and close_at >= 0:
            start = open_at - 1 if open_at > 0 and text[open_at - 1] == " " else open_at
            fix = Fix((Edit(start, close_at + 1, ""),), safe=False, description=f"drop “({occ.acronym})”")
        return Finding(self.meta.code, occ.start, occ.end,
                       f"“{occ.acronym}” is already defined at line {_line(document, first.start)}: "
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


def _option_at(unit: Any, offset: int) -> int:
    """The Option (negotiation texts) of the unit's span holding `offset`, 0 if none."""
    for (start, end), option in zip(unit.spans, unit.options):
        if start <= offset < end:
            return int(option)
    return 0


def _definition_for(unit: Any, acronym: str, option: int) -> Any:
    """The first definition of `acronym` that a reader of Option `option` sees: one outside
    the alternatives or in that option (another option may be the one deleted)."""
    if unit.first_definition(acronym) is None:
        return None
    return next((o for o in unit.occurrences
                 if o.definition and o.acronym == acronym and o.option in (0, option)), None)


def _variant_defined(acronym: str, unit: Any, option: int = 0) -> bool:
    """COVID (post-COVID) when COVID-19 is defined, UHC2030 when UHC is: the same acronym
    with or without its number (in an Option of a negotiation text: defined where it sees)."""
    bare = acronym.rstrip("0123456789").rstrip("-")
    if bare != acronym:
        return (_definition_for(unit, bare, option) if option else unit.first_definition(bare)) is not None
    return any(o.definition and o.acronym.startswith(acronym) and not o.acronym[len(acronym):].strip("-0123456789")
               and (not option or o.option in (0, option)) for o in unit.occurrences)


def _named_compound(acronym: str, unit: Any) -> bool:
    """UN-Water, UN-Energy (a name of the system, written so), ISIL-Khorasan when ISIL is
    defined: capitals, a hyphen, then a capitalised word."""
    head, _, rest = acronym.partition("-")
    if not rest or not rest[:1].isupper() or rest.isupper() or any(c.isdigit() for c in rest):
        return False
    return head == "UN" or unit.first_definition(head) is not None


def _name_spans(text: str, names: tuple[str, ...]) -> Any:
    """Where the text writes an official name that holds an acronym (International Girls in ICT Day)."""
    spans = []
    plain = text.replace("\u2011", "-").replace("\u2010", "-")  # same length: offsets hold
    for name in names:
        at = plain.find(name)
        while at >= 0:
            spans.append((at, at + len(name)))
            at = plain.find(name, at + len(name))
    return SpanSet.of(spans)


def _line(document: Any, offset: int) -> int:
    """The line a message names: the document's own (a Word draft's lines are its paragraphs)."""
    return int(document.position(offset)[0])


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
                       tuple(n.replace("\u2011", "-").replace("\u2010", "-") for n in names))
