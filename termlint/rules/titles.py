"""Official titles and agreed language: spans where a deprecated term must stay as it is.

The *Optional Protocol ... on the sale of children, child prostitution and child
pornography* keeps its title whatever the Luxembourg Guidelines advise, and so do the
Special Rapporteur's mandate titles and the agreed language of adopted resolutions. Any
pack may list such titles in `[[titles]]` tables:

    [[titles]]
    name = "the Optional Protocol to the Convention on the Rights of the Child on the sale of children, ..."
    kind = "instrument"            # instrument | mandate | body | agreed
    forms = ["Optional Protocol to the Convention on the Rights of the Child on the sale of children, ..."]

Forms match in any capitalisation, italic or not, across line breaks and no-break spaces.
The bundled packs' titles always apply; a user's packs (config `packs`) add theirs.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import regex

from termlint.core.tomlfile import TomlError
from termlint.rules.packfiles import bundled_packs, read_pack
from termlint.text.phrases import cached_terms, key

KINDS = ("instrument", "mandate", "body", "agreed")
TITLE_KEYS = frozenset({"name", "kind", "forms", "note"})

# A term mentioned rather than used: `the term child pornography`, `referred to as ...`.
_MENTION = regex.compile(
    r"(?:\b(?:the|a|this|that|such)\s+(?:terms?|expressions?|phrases?|words?|notions?|labels?|concepts?)"
    r"|\bso[-\u2010\u2011\s]called|\b(?:referred\s+to|known|described|designated|defined|labell?ed|termed|called)"
    r"(?:\s+as)?|\b(?:terms?|expressions?)\s+such\s+as)[\s\u00a0]*[“\"‘'*_]*\Z",
    regex.IGNORECASE,
)


@dataclass(frozen=True)
class Title:
    """An official title of an instrument, in which a deprecated term is left alone."""
    name: str
    kind: str
    forms: tuple[str, ...]

    def reason(self) -> str:
        """Why a term inside this title is left alone, for a finding's message."""
        if self.kind == "agreed":
            return f"inside agreed language of adopted resolutions (“{self.name}”): keep it as adopted"
        what = {"instrument": "official title", "mandate": "mandate title", "body": "official name"}[self.kind]
        return f"inside the {what} of {self.name}: keep the title as it is"


@dataclass(frozen=True)
class TitleSpan:
    """Where an official title stands in a text."""
    start: int
    end: int
    title: Title


@dataclass(frozen=True)
class TitleSet:
    """Every known title, matched by one pattern (rules/terms.py matches them with every other
    term of the packs; the pattern is compiled only for a text the shared matcher cannot read)."""

    titles: tuple[Title, ...]
    by_form: Mapping[str, Title]

    @cached_property
    def pattern(self) -> Any:
        return cached_terms(tuple(sorted(self.by_form)))

    @classmethod
    def of(cls, titles: Iterable[Title]) -> TitleSet:
        items = tuple(titles)
        by_form: dict[str, Title] = {}
        for title in items:
            for form in title.forms:
                by_form.setdefault(key(form), title)
        return cls(items, by_form)

    def spans(self, text: str) -> TitleSpans:
        found = [TitleSpan(m.start(), m.end(), self.by_form[key(m.group())]) for m in self.pattern.finditer(text)]
        return TitleSpans(tuple(found))


@dataclass(frozen=True)
class TitleSpans:
    """The official titles of one text, sorted, for 'is this term inside a title?'."""
    spans: tuple[TitleSpan, ...]

    def covering(self, start: int, end: int) -> TitleSpan | None:
        """The title span that contains [start, end), if any (spans are sorted and disjoint)."""
        i = bisect.bisect_right(self.starts, start) - 1
        if i >= 0 and end <= self.spans[i].end:
            return self.spans[i]
        return None

    @cached_property
    def starts(self) -> list[int]:
        return [span.start for span in self.spans]


def mentioned(text: str, start: int) -> bool:
    """True when the term at `start` is mentioned as a term (`the term ...`, `referred to as ...`)."""
    return bool(_MENTION.search(text[max(0, start - 60):start]))


def validate_titles(entries: Any, where: str) -> list[Title]:
    """`[[titles]]` tables -> Titles; ValueError naming the problem for a malformed table."""
    if not isinstance(entries, list):
        raise ValueError(f"{where}: `titles` must be an array of tables ([[titles]])")
    titles = []
    for i, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or set(entry) - TITLE_KEYS:
            raise ValueError(f"{where}: title {i}: a table with `name`, `kind`, `forms` (and optional `note`)")
        name, kind, forms = entry.get("name"), entry.get("kind", "instrument"), entry.get("forms")
        if not isinstance(name, str) or not name:
            raise ValueError(f"{where}: title {i}: `name` must be a non-empty string")
        if kind not in KINDS:
            raise ValueError(f"{where}: title {i} ({name}): `kind` must be one of {', '.join(KINDS)}")
        if not (isinstance(forms, list) and forms and all(isinstance(f, str) and f.strip() for f in forms)):
            raise ValueError(f"{where}: title {i} ({name}): `forms` must be a non-empty list of strings")
        titles.append(Title(name, kind, tuple(forms)))
    return titles


@lru_cache(maxsize=16)
def title_set(extra_packs: tuple[Path, ...] = ()) -> TitleSet:
    """The titles of the bundled packs plus those of `extra_packs`, compiled once."""
    titles: list[Title] = []
    for path in (*bundled_packs(), *extra_packs):
        try:
            data = read_pack(Path(path))
        except (OSError, UnicodeDecodeError, TomlError):
            continue  # load_pack reports unreadable packs; titles simply do without them
        if "titles" in data:
            try:
                titles.extend(validate_titles(data["titles"], str(path)))
            except ValueError:
                continue  # likewise reported by load_pack
    return TitleSet.of(titles)
