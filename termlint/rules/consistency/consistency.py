"""Kind `consistency`: one document, one form of each word and term.

    [[rules]]
    code = "CO101"
    kind = "consistency"
    detect = "spelling"        # spelling | hyphenation | capitalisation | terms
    families = [ { forms = ["child sexual abuse material", "child sexual abuse materials"],
                   house = "child sexual abuse material" } ]   # capitalisation and terms
    house_forms = ["cybercrime", "well-being"]                 # hyphenation: the UN forms

- spelling: any word the document spells two ways (recognising / recognizing,
  fueling / fuelling, offenses / offences, labor / labour ...), found without a list
  (termlint/rules/consistency/variants.py); the form kept is the UN one.
- hyphenation: a word both hyphenated and closed up (cyber-crime / cybercrime); open
  compounds are left alone (capacity building / capacity-building may be noun / adjective).
- capitalisation: declared words written with two capitals (internet / Internet); a
  capital opening a sentence, and headings and titles, say nothing and are skipped.
- terms: declared variants of one term of art (word order, number).

The message names every form with its count and the form to keep: the house form when the
pack or the option `prefer` names one, else the more frequent (the first on a tie).
Each use of another form is reported; the fix (toward the house form, case preserved) is
safe only when the form kept is the house form and the family allows it (`fix_safe`).
Quotations, official titles, code and capitalised words inside a sentence (names such as
"Organisation for the Prohibition of Chemical Weapons") are not counted.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import Any

from termlint.core.model import Edit, Finding, Fix, Option, RuleMeta
from termlint.parse.tree import PROSE_KINDS
from termlint.rules.consistency.variants import hyphen_key, rule_name, spelling_variant
from termlint.rules.context import Context
from termlint.rules.packfiles import PackError
from termlint.rules.packs import get
from termlint.rules.terms import TermSource, matches
from termlint.text.phrases import (
    key,
    match_case,
    starts_sentence,
)
from termlint.text.protect import SpanSet

KEYS = frozenset({"detect", "families", "house_forms", "house_from", "fix_safe"})
FIXABLE = True
OPTIONS = (Option("prefer", str, "the variant to keep, or \"majority\" for the more frequent one"),)
DETECT = ("spelling", "hyphenation", "capitalisation", "terms")

@dataclass(frozen=True)
class Family:
    """The forms of one term that must not be mixed in a document, and the house form."""
    forms: tuple[str, ...]
    house: str | None
    fix_safe: bool

    @cached_property
    def source(self) -> TermSource:
        """The forms as one term list of the shared matcher (rules/terms.py)."""
        return TermSource.of({key(f) for f in self.forms}, False)


@dataclass(frozen=True)
class Use:
    """One use of a family's form in a text."""
    start: int
    end: int
    text: str  # as written
    form: str  # the form it counts as (lower case, or exact for capitalisation)


@dataclass(frozen=True)
class Group:
    """The uses of one word or term, by form, and the reason a form is the house form."""

    uses: tuple[Use, ...]
    house: str | None
    why_house: str
    fix_safe: bool


@dataclass(frozen=True)
class ConsistencyRule:
    """CO rules: variants of one word or term mixed in one document."""
    meta: RuleMeta
    detect: str
    families: tuple[Family, ...]
    house_forms: frozenset[str]
    house_from: str
    fix_safe: bool

    def term_sources(self) -> tuple[TermSource, ...]:
        """The families' term lists: they join the shared matcher (rules/terms.py)."""
        return tuple(family.source for family in self.families)

    def check(self, ctx: Context) -> Iterator[Finding]:
        prefer = self._prefer(ctx)
        for group in self._groups(ctx):
            yield from self._report(group, prefer)

    # -- collecting uses -------------------------------------------------------------------

    def _prefer(self, ctx: Context) -> str | None:
        for code in (self.meta.code, self.house_from):
            value = ctx.options_for(code).get("prefer") if code else None
            if isinstance(value, str):
                return value
        return None

    def _spans(self, ctx: Context) -> SpanSet:
        """The text this rule reads: the clauses in scope, overlaps merged (once per document and scope)."""
        scope = self.meta.scope
        return ctx.shared(("consistency.spans", scope), lambda: SpanSet.of(
            [(s.start, s.end) for c in ctx.clauses(scope) for s in c.segments]))

    def _excluded(self, ctx: Context, start: int, end: int) -> bool:
        p = ctx.protected
        return (p.quotes.overlaps(start, end) or p.code.overlaps(start, end)
                or ctx.titles.covering(start, end) is not None)

    def _matches(self, ctx: Context, source: TermSource) -> Iterator[Any]:
        for m in matches(ctx, source, list(self._spans(ctx))):  # merged spans: sorted and disjoint
            if not self._excluded(ctx, m.start(), m.end()):
                yield m

    def _groups(self, ctx: Context) -> list[Group]:
        if self.detect == "spelling":
            return self._spelling(ctx)
        if self.detect == "hyphenation":
            return self._hyphenation(ctx)
        return self._families(ctx)

    def _spelling(self, ctx: Context) -> list[Group]:
        """Variants among the document's distinct words first (cheap), then their uses."""
        text = ctx.text
        view = ctx.word_view
        by_key: dict[str, list[tuple[str, Any]]] = {}
        for word, variant in view.words_meaning("consistency.variant", _variant).items():
            by_key.setdefault(variant.key, []).append((word, variant))
        groups = []
        spans = None
        # the words of each key, and the keys, in the order the text first writes them
        first = view.positions
        keys = sorted((sorted(words, key=lambda wv: first(wv[0])[0]) for words in by_key.values() if len(words) > 1),
                      key=lambda words: first(words[0][0])[0])
        for words in keys:
            spans = spans if spans is not None else self._spans(ctx)
            uses, house, why = [], None, ""
            for word, variant in words:
                why = f"UN house style: {rule_name(variant.rule)}"
                for start in view.positions(word):
                    end = start + len(word)
                    written = text[start:end]
                    if (spans.covering(start, end) and not _name_like(text, start, written)
                            and not self._excluded(ctx, start, end)):
                        uses.append(Use(start, end, written, word))
                        house = word if variant.house else house
            if len({u.form for u in uses}) > 1:
                groups.append(Group(tuple(sorted(uses, key=lambda u: u.start)), house, why, self.fix_safe))
        return groups

    def _hyphenation(self, ctx: Context) -> list[Group]:
        text = ctx.text
        view = ctx.word_view
        # First the forms each closed-up word could take in this text, cheaply: a word with one
        # possible form (most hyphenated words) cannot be inconsistent, so the checks below (scope,
        # quotations, names) run only for the few words with two.
        found: list[tuple[int, int, str, str, str]] = []  # start, end, word, closed-up key, form
        keys: dict[str, str | None] = {}  # word -> closed-up key, per distinct word
        forms_of: dict[str, set[str]] = {}
        for start, end in view.compounds:
            word = text[start:end]
            if word in keys:
                closed = keys[word]
            else:
                closed = keys[word] = hyphen_key(word.lower())
            if closed:
                # a no-break hyphen is typography, not spelling: count it as a hyphen
                form = word.lower().replace("\u2010", "-").replace("\u2011", "-")
                found.append((start, end, word, closed, form))
                forms_of.setdefault(closed, set()).add(form)
        if not found:
            return []
        live = {closed for closed, forms in forms_of.items() if len(forms) > 1 or closed in view.words}
        if not live:
            return []
        compounds: dict[str, list[Use]] = {}
        spans = self._spans(ctx)
        for start, end, word, closed, form in found:
            if (closed in live and spans.covering(start, end) and not self._excluded(ctx, start, end)
                    and not _name_like(text, start, word)):
                compounds.setdefault(closed, []).append(Use(start, end, word, form))
        if not compounds:
            return []
        for closed, uses in compounds.items():
            for start in view.positions(closed):
                end = start + len(closed)
                written = text[start:end]
                if (not _hyphen_at(text, start - 1) and not _hyphen_at(text, end)  # a part of a compound
                        and spans.covering(start, end) and not _name_like(text, start, written)
                        and not self._excluded(ctx, start, end)):
                    uses.append(Use(start, end, written, closed))
        groups = []
        for closed, uses in compounds.items():
            forms = {u.form for u in uses}
            if len(forms) > 1:
                house = next((f for f in sorted(forms) if f in self.house_forms), None)  # sorted: not the hash seed
                groups.append(Group(tuple(sorted(uses, key=lambda u: u.start)), house, "UN usage", self.fix_safe))
        return groups

    def _families(self, ctx: Context) -> list[Group]:
        text = ctx.text
        groups = []
        capitals = self.detect == "capitalisation"
        for family in self.families:
            uses = []
            for m in self._matches(ctx, family.source):
                written = m.group()
                if capitals:
                    if starts_sentence(text, m.start()) or written.isupper():
                        continue  # a capital there says nothing about the word
                    form = " ".join(written.split())
                else:
                    form = key(written)
                uses.append(Use(m.start(), m.end(), written, form))
            if len({u.form for u in uses}) > 1:
                house = family.house if capitals else (key(family.house) if family.house else None)
                groups.append(Group(tuple(uses), house, "UN house style" if family.house else "", family.fix_safe))
        return groups

    # -- reporting -------------------------------------------------------------------------

    def _report(self, group: Group, prefer: str | None) -> Iterator[Finding]:
        counts: dict[str, int] = {}
        for use in group.uses:
            counts[use.form] = counts.get(use.form, 0) + 1
        keep, why, safe = self._keep(group, counts, prefer)
        listed = ", ".join(f"“{f}” ({n}×)" for f, n in sorted(counts.items(), key=lambda kv: (kv[0] != keep, -kv[1])))
        what = {"spelling": "spells this word", "hyphenation": "hyphenates this word",
                "capitalisation": "capitalises this word", "terms": "writes this term"}[self.detect]
        for use in group.uses:
            if use.form == keep:
                continue
            replacement = keep if self.detect == "capitalisation" else match_case(use.text, keep)
            fix = Fix((Edit(use.start, use.end, replacement),), safe, f"write “{replacement}”")
            message = f"“{' '.join(use.text.split())}”: this document {what} in {len(counts)} ways — {listed}; keep “{keep}” ({why})"
            yield Finding(self.meta.code, use.start, use.end, message, fix=fix)

    def _keep(self, group: Group, counts: Mapping[str, int], prefer: str | None) -> tuple[str, str, bool]:
        """The form to keep, why, and whether fixing toward it is safe."""
        if prefer and prefer != "majority":
            wanted = prefer if self.detect == "capitalisation" else key(prefer)
            if wanted in counts or (group.house is not None and _same_word(wanted, group.house)):
                return wanted, "your configured preference", group.fix_safe
        if group.house is not None and prefer != "majority":
            return group.house, group.why_house or "UN house style", group.fix_safe
        first: dict[str, int] = {}
        for use in group.uses:
            first.setdefault(use.form, use.start)
        keep = max(counts, key=lambda f: (counts[f], -first[f]))
        return keep, "the more frequent form" if len(set(counts.values())) > 1 else "the form used first", False


def _hyphen_at(text: str, i: int) -> bool:
    return 0 <= i < len(text) and text[i] in "-\u2010\u2011"


def _same_word(a: str, b: str) -> bool:
    return a.lower() == b.lower()


@lru_cache(maxsize=65536)
def _variant(word: str) -> Any:
    return spelling_variant(word)


def _name_like(text: str, start: int, word: str) -> bool:
    """Capitalised inside a sentence, or in capitals: a name or an abbreviation, not a spelling choice."""
    if word.isupper() and len(word) > 1:
        return True
    if any(c.isupper() for c in word[1:]):
        return True  # eTrade, iPhone, UNICEF-supported: a name
    return word[:1].isupper() and not starts_sentence(text, start)


def _families_of(entry: dict[str, Any], where: str, detect: str) -> tuple[Family, ...]:
    raw = get(entry, "families", list, where, [])
    if detect in ("capitalisation", "terms") and not raw:
        raise PackError(f"{where}: detect = {detect!r} needs `families` (lists of forms)")
    families = []
    for i, item in enumerate(raw, 1):
        if not isinstance(item, dict) or not set(item) <= {"forms", "house", "fix_safe"}:
            raise PackError(f"{where}: family {i}: a table with `forms` and optional `house`, `fix_safe`")
        forms = item.get("forms")
        if not (isinstance(forms, list) and len(forms) >= 2 and all(isinstance(f, str) and f.strip() for f in forms)):
            raise PackError(f"{where}: family {i}: `forms` must list at least two strings")
        house = item.get("house")
        if house is not None and house not in forms:
            raise PackError(f"{where}: family {i}: `house` ({house!r}) must be one of its `forms`")
        fix_safe = item.get("fix_safe", True)
        if not isinstance(fix_safe, bool):
            raise PackError(f"{where}: family {i}: `fix_safe` must be true or false")
        families.append(Family(tuple(forms), house, fix_safe))
    return tuple(families)


def build(entry: dict[str, Any], meta: RuleMeta, where: str) -> ConsistencyRule:
    detect = get(entry, "detect", str, where)
    if detect not in DETECT:
        raise PackError(f"{where}: `detect` must be one of {', '.join(DETECT)} (got {detect!r})")
    house_forms = get(entry, "house_forms", list, where, [])
    if not all(isinstance(f, str) for f in house_forms):
        raise PackError(f"{where}: `house_forms` must be a list of strings")
    if meta.scope is None:
        kinds = PROSE_KINDS - {"title"} if detect == "capitalisation" else PROSE_KINDS
        meta = replace(meta, scope=frozenset(kinds))
    return ConsistencyRule(
        meta=meta, detect=detect, families=_families_of(entry, where, detect),
        house_forms=frozenset(f.lower() for f in house_forms),
        house_from=get(entry, "house_from", str, where, ""), fix_safe=get(entry, "fix_safe", bool, where, True),
    )
