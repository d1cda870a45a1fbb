"""Kind `official-name`: the exact names of bodies, funds, programmes and instruments, and near-misses.

    [[rules]]
    code = "HS310"
    kind = "official-name"
    equivalents = { "United Nations" = ["UN", "U.N."] }   # written for a leading word group
    [[rules.names]]
    name = "United Nations Development Programme"          # the official form, exactly
    also = ["UNDP"]                                         # other forms that are right (optional)
    near = ["United Nations Development Program"]           # known wrong forms (optional)
    source = "..."                                          # where the official form is found

The matcher is generic: a name's words are matched loosely, each in any case and with its
ending changed (`Developmental` for `Development`, `Missions` for `Mission`, `program` for
`Programme`: one word the beginning of the other, within five letters), a leading word group
also in its listed equivalents (`UN` for `United Nations`). What matches loosely but is not
the name exactly (nor an `also` form) is a near-miss: `UN Convention Against Corruption`,
`Global Environmental Facility`, `the United Nation`. A `near` form is matched the same loose
way and is always a near-miss (a name with words missing: `United Nations Mission in Kosovo`).
Text in capitals throughout (a heading typed in capitals), quotations and headings are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import regex

from termlint.core.model import Edit, Finding, Fix, RuleMeta
from termlint.rules.context import Context
from termlint.rules.packfiles import PackError
from termlint.rules.packs import get

KEYS = frozenset({"names", "equivalents"})
FIXABLE = True
NAME_KEYS = frozenset({"name", "also", "near", "source"})
SCOPE = ("preambular", "operative", "subparagraph", "paragraph", "footnote", "annex")
_WORD = regex.compile(r"[\p{L}\p{N}'’-]+")
_SLACK = 5  # letters a word's ending may differ by


@dataclass(frozen=True)
class Name:
    official: str
    right: frozenset[str]  # the official form and the `also` forms, spaces normalised
    skeleton: str  # the words matched loosely (the official form, or a `near` form)
    always: bool  # a `near` form: any match is a near-miss
    source: str


def _loose(word: str) -> str:
    if len(word) <= 4 or not word.isalpha():
        return regex.escape(word).replace("'", "['’]")
    return regex.escape(word[:max(4, len(word) - _SLACK)]) + r"\p{L}{0,%d}" % (2 * _SLACK)


def _close(written: str, wanted: str) -> bool:
    """One word for another: the same in any case, or one the beginning of the other within _SLACK letters."""
    a, b = written.lower(), wanted.lower()
    return a == b or (abs(len(a) - len(b)) <= _SLACK and (a.startswith(b) or b.startswith(a)))


def _space(text: str) -> str:
    """Spaces and line breaks as one space; a curly apostrophe as a straight one."""
    return " ".join(text.replace("’", "'").split())


@dataclass(frozen=True)
class OfficialNames:
    meta: RuleMeta
    names: tuple[Name, ...]
    equivalents: Mapping[str, tuple[str, ...]]

    @cached_property
    def _patterns(self) -> tuple[tuple[Name, Any, str, tuple[str, ...], tuple[str, ...]], ...]:
        """(name, pattern, a word the text must hold for the name to be tried, the skeleton's
        words, the equivalents written for its leading group)."""
        out = []
        for name in self.names:
            words = tuple(_WORD.findall(name.skeleton))
            body = r",?[\s\u00a0]+".join(_loose(w) for w in words)  # "Economic, Social": the comma is checked as written
            alternatives: tuple[str, ...] = ()
            for group, others in self.equivalents.items():
                if name.skeleton.startswith(group + " "):
                    alternatives = others
                    rest = r",?[\s\u00a0]+".join(_loose(w) for w in _WORD.findall(name.skeleton[len(group) + 1:]))
                    body = "|".join([body] + [rf"{regex.escape(o)}[\s\u00a0]+{rest}" for o in others])
                    break
            pattern = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{body})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE)
            rare = max(words, key=len)[:4].lower() if words else ""
            out.append((name, pattern, rare, words, alternatives))
        return tuple(out)

    def check(self, ctx: Context) -> Iterator[Finding]:
        quotes = ctx.protected.quotes
        for clause in ctx.clauses(SCOPE):
            if clause.kind == "annex":
                continue  # its paragraphs are checked themselves
            text = clause.text
            lower = text.lower()
            taken: list[tuple[int, int]] = []
            for name, pattern, rare, words, alternatives in self._patterns:
                if rare and rare not in lower:
                    continue
                for m in pattern.finditer(text):
                    written = _space(m.group())
                    if any(a < m.end() and m.start() < b for a, b in taken):
                        continue
                    if not name.always and (written in name.right or not _fits(written, words, alternatives)):
                        if written in name.right:
                            taken.append(m.span())
                        continue
                    if written.isupper() and len(written) > 3:
                        continue  # a heading typed in capitals
                    start, end = clause.offset_of(m.start()), clause.offset_of(m.end())
                    if quotes.overlaps(start, end):
                        continue
                    taken.append(m.span())
                    fix = Fix((Edit(start, end, name.official),), safe=False,
                              description=f"write “{name.official}”")
                    yield Finding(self.meta.code, start, end,
                                  f"“{written}”: the official name is “{name.official}” ({name.source})", fix=fix)

def _fits(written: str, words: tuple[str, ...], alternatives: tuple[str, ...]) -> bool:
    """Each word written close to the word of the name it stands for (the loose pattern lets
    through "National" for "Nations": neither is the beginning of the other). A leading
    equivalent ("UN") stands for its group."""
    got = _WORD.findall(written)
    for other in alternatives:
        if written.startswith(other + " "):
            got = _WORD.findall(written[len(other) + 1:])
            words = words[len(words) - len(got):] if len(got) <= len(words) else words
            break
    return len(got) == len(words) and all(_close(a, b) for a, b in zip(got, words))


def _names(entry: dict[str, Any], where: str) -> tuple[Name, ...]:
    raw = entry.get("names")
    if not isinstance(raw, list) or not raw:
        raise PackError(f"{where}: `names` must be a non-empty list of tables ([[rules.names]])")
    out: list[Name] = []
    for i, item in enumerate(raw, 1):
        here = f"{where}, name {i}"
        if not isinstance(item, dict):
            raise PackError(f"{here}: each entry of `names` must be a table")
        unknown = set(item) - NAME_KEYS
        if unknown:
            raise PackError(f"{here}: unknown key(s) {', '.join(sorted(unknown))}")
        official = get(item, "name", str, here)
        source = get(item, "source", str, here)
        also = get(item, "also", list, here, [])
        near = get(item, "near", list, here, [])
        if not all(isinstance(x, str) and x.strip() for x in (*also, *near)):
            raise PackError(f"{here}: `also` and `near` must be lists of non-empty strings")
        right = frozenset(_space(x) for x in (official, *also))
        out.append(Name(official, right, official, False, source))
        out.extend(Name(official, right, form, True, source) for form in near)
    return tuple(out)


def build(entry: dict[str, Any], meta: RuleMeta, where: str) -> OfficialNames:
    """The rule of one `official-name` entry of a pack."""
    raw = get(entry, "equivalents", dict, where, {})
    equivalents: dict[str, tuple[str, ...]] = {}
    for group, others in raw.items():
        if not isinstance(others, list) or not all(isinstance(o, str) and o for o in others):
            raise PackError(f"{where}: `equivalents.{group}` must be a list of strings")
        equivalents[group] = tuple(others)
    return OfficialNames(meta, _names(entry, where), equivalents)
