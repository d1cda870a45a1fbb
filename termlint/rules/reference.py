"""The rule reference, made from the rules' own metadata: one JSON record per rule
(`termlint rules --format json`) and the Markdown page docs/rules.md (`--format markdown`,
written by scripts/gen_docs.py). Nothing here is typed by hand, so it cannot drift from the code."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Sequence
from enum import Enum
from pathlib import Path
from typing import Any, cast

from termlint.core.model import CATEGORIES, RuleMeta
from termlint.rules.own import OWN_RULES
from termlint.rules.registry import all_rules

FORMATS = ("json", "markdown")

# What each category holds, for the section headings of the Markdown page.
_CATEGORY_TITLES = {
    "terminology": "Terminology and house style",
    "consistency": "Consistency within a document",
    "spelling": "Spelling and acronyms",
    "citation": "Citations",
    "structure": "Clause structure and footnotes",
    "punctuation": "Punctuation and typing",
}
_FIXED_NOTE = "what `--fix` makes of the bad example above"


def rule_metas(packs: tuple[Path, ...] = ()) -> list[RuleMeta]:
    """Every rule's metadata, sorted by code: the engine's own rules, the bundled ones and those of `packs`."""
    return sorted((r.meta for r in (*OWN_RULES, *all_rules(packs))), key=lambda m: m.code)


def _plain(value: Any) -> Any:
    # JSON-ready copy of a metadata value; a field added to RuleMeta later is carried without a change here.
    if isinstance(value, Enum):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (frozenset, set)):
        return sorted(_plain(v) for v in value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, type):
        return value.__name__
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def record(meta: RuleMeta) -> dict[str, Any]:
    """One rule as a JSON object: every field of RuleMeta, examples included."""
    return cast("dict[str, Any]", _plain(meta))


def to_json(metas: Iterable[RuleMeta]) -> str:
    """`termlint rules --format json`: an array of records, with a final newline."""
    return json.dumps([record(m) for m in metas], ensure_ascii=False, indent=2) + "\n"


def _fence(text: str) -> str:
    # A code fence longer than any run of backticks in the example, so that the example cannot close it.
    longest, run = 0, 0
    for ch in text:
        run = run + 1 if ch == "`" else 0
        longest = max(longest, run)
    return "`" * max(3, longest + 1)


def _facts(meta: RuleMeta) -> str:
    facts = [f"`{meta.name}`", f"severity **{meta.severity}**", "fixable" if meta.fixable else "not fixable"]
    facts.append(f"runs on: {', '.join(sorted(meta.scope))}" if meta.scope else "runs on the whole text")
    if meta.needs_structure:
        facts.append("only in texts read as a resolution")
    facts.append(f"pack `{meta.pack}`" if meta.pack else "built in")
    return " · ".join(facts)


def _section(meta: RuleMeta) -> list[str]:
    lines = [f"### {meta.code}", "", _facts(meta), "", meta.summary, ""]
    if meta.description:
        lines += [meta.description.strip(), ""]
    if meta.options:
        lines += [f"Options (`[tool.termlint.options.{meta.code}]`):", ""]
        for option in meta.options:
            kind = option.value_type.__name__ + (f" of {option.item.__name__}" if option.item else "")
            lines.append(f"- `{option.name}` ({kind}): {option.help}")
        lines.append("")
    if meta.examples:
        lines += ["Examples:", ""]
        for example in meta.examples:
            label = _FIXED_NOTE if example.kind == "fixed" else example.kind
            fence = _fence(example.text)
            lines += [f"- {label}:", "", f"  {fence}text"]
            lines += [f"  {line}" if line else "" for line in example.text.rstrip("\n").split("\n")]
            lines += [f"  {fence}", ""]
    if meta.source:
        lines += [f"Source: {meta.source}", ""]
    return lines


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(metas: Sequence[RuleMeta]) -> str:
    """`termlint rules --format markdown`: the rule reference, an index then one section per category."""
    lines = ["# Rule reference", "",
             "Generated from the rules' metadata by `python scripts/gen_docs.py` (the same text as",
             "`termlint rules --format markdown`); do not edit it by hand. A test fails when it is stale.",
             "`termlint explain CODE` prints one rule's entry.", "",
             "| code | name | category | severity | fix | summary |", "| --- | --- | --- | --- | --- | --- |"]
    for m in metas:
        lines.append(f"| [{m.code}](#{m.code.lower()}) | {m.name} | {m.category} | {m.severity} | "
                     f"{'yes' if m.fixable else '–'} | {_cell(m.summary)} |")
    lines.append("")
    categories = [c for c in CATEGORIES if any(m.category == c for m in metas)]
    categories += sorted({m.category for m in metas} - set(categories))
    for category in categories:
        lines += [f"## {_CATEGORY_TITLES.get(category, category.capitalize())}", ""]
        for m in metas:
            if m.category == category:
                lines += _section(m)
    return "\n".join(lines).rstrip("\n") + "\n"


def render(metas: Sequence[RuleMeta], fmt: str) -> str:
    """The reference in one of FORMATS."""
    return to_json(metas) if fmt == "json" else to_markdown(metas)
