"""TOML packs -> rules. A pack is data: a `[pack]` table and `[[rules]]` entries, each
interpreted by the kind it names (see KINDS). No code from a pack runs.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from string import Formatter
from typing import Any

from termlint.core.model import CATEGORIES, Example, RuleMeta, Severity
from termlint.core.tomlfile import TomlError, toml_error_line
from termlint.parse.tree import KINDS as CLAUSE_KINDS
from termlint.rules.packfiles import PackError, entry_line, read_pack
from termlint.rules.titles import validate_titles

# Keys every rule entry may carry, whatever its kind; a kind declares its own extra keys.
COMMON_KEYS = frozenset({
    "code", "name", "kind", "category", "severity", "summary", "message", "description",
    "scope", "source", "examples", "needs_structure",
})
EXAMPLE_KEYS = frozenset({"good", "bad", "fixed"})


@dataclass(frozen=True)
class PackInfo:
    """Where a rule pack came from: its name, its file and its source."""
    name: str
    path: str
    source: str = ""


def load_pack(path: Path) -> list[Any]:
    """Read one pack file and build its rules."""
    try:
        data = read_pack(path)
    except TomlError as exc:
        text = path.read_text(encoding="utf-8")
        raise PackError(f"{path}:{toml_error_line(exc, text)}: invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"{path}: cannot read pack: {exc}") from None
    head = data.get("pack", {})
    if not isinstance(head, dict) or not isinstance(head.get("name", ""), str):
        raise PackError(f"{path}: [pack] must be a table with a string `name`")
    unknown = set(data) - {"pack", "rules", "titles"}
    if unknown:
        raise PackError(f"{path}: unknown top-level key(s): {', '.join(sorted(unknown))} (expected [pack], [[rules]], [[titles]])")
    if "titles" in data:  # official titles and agreed language other rules leave alone (termlint/rules/titles.py)
        try:
            validate_titles(data["titles"], str(path))
        except ValueError as exc:
            raise PackError(str(exc)) from None
    info = PackInfo(head.get("name") or path.stem, str(path), str(head.get("source", "")))
    entries = data.get("rules", [])
    if not isinstance(entries, list):
        raise PackError(f"{path}: `rules` must be an array of tables ([[rules]])")
    return [build_rule(entry, info) for entry in entries]


# The kinds a pack's [[rules]] entry may name, and the module that builds each. A kind module
# exports KEYS (the entry keys it reads beyond the common ones), FIXABLE and
# build(entry, meta, where) -> rule. Adding a kind is a module in its family plus a line here.
KINDS: dict[str, str] = {
    "acronym": "termlint.rules.acronyms.acronym",
    "consistency": "termlint.rules.consistency.consistency",
    "official-name": "termlint.rules.names.official",
    "pattern": "termlint.rules.punctuation.pattern",
    "spelling": "termlint.rules.spelling.spelling",
    "substitution": "termlint.rules.terminology.substitution",
}


def known_kinds() -> frozenset[str]:
    return frozenset(KINDS)


def build_rule(entry: Any, pack: PackInfo) -> Any:
    if not isinstance(entry, dict):
        raise PackError(f"{pack.path}: every [[rules]] entry must be a table")
    where = f"{pack.path}: rule {entry.get('code', '?')}"
    kind = entry.get("kind")
    kinds = known_kinds()
    if not isinstance(kind, str) or kind not in kinds:
        # A pack is data: `kind` chooses among the KINDS table and nothing else, so no name
        # in a pack makes Python import a module of its choosing.
        raise PackError(f"{where}: unknown kind {kind!r} (known: {', '.join(sorted(kinds))})")
    module = importlib.import_module(KINDS[kind])
    unknown = set(entry) - COMMON_KEYS - module.KEYS
    if unknown:
        raise PackError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} for kind {kind!r}")
    meta = replace(meta_from(entry, pack, where, module.FIXABLE), options=getattr(module, "OPTIONS", ()))
    return module.build(entry, meta, where)


def meta_from(entry: Mapping[str, Any], pack: PackInfo, where: str, fixable: bool) -> RuleMeta:
    """The metadata common to every data rule, validated."""
    code = get(entry, "code", str, where)
    if not code or not code[:2].isalpha() or not code.isalnum() or not code.isupper():
        raise PackError(f"{where}: `code` must be letters then digits, e.g. TM101 (got {code!r})")
    category = get(entry, "category", str, where)
    if category not in CATEGORIES:
        raise PackError(f"{where}: `category` must be one of {', '.join(CATEGORIES)} (got {category!r})")
    try:
        severity = Severity.parse(get(entry, "severity", str, where, "warning"))
    except ValueError as exc:
        raise PackError(f"{where}: {exc}") from None
    scope = entry.get("scope")
    if scope is not None and not (isinstance(scope, list) and all(isinstance(s, str) for s in scope)):
        raise PackError(f"{where}: `scope` must be a list of clause kinds")
    unknown = sorted(set(scope or ()) - set(CLAUSE_KINDS))
    if unknown:  # else the rule would silently never run
        line = entry_line(Path(pack.path), code, "scope")
        raise PackError(f"{pack.path}:{line}: rule {code}: `scope` names unknown clause kind(s) "
                        f"{', '.join(map(repr, unknown))} (known: {', '.join(CLAUSE_KINDS)})")
    examples: list[Example] = []
    for ex in get(entry, "examples", list, where, []):
        if not isinstance(ex, dict) or not set(ex) <= EXAMPLE_KEYS or not ex:
            raise PackError(f"{where}: each example is a table with `good`, `bad` and optional `fixed`")
        for key in ("good", "bad", "fixed"):
            if key in ex:
                examples.append(Example(key, str(ex[key])))  # type: ignore[arg-type]
    return RuleMeta(
        code=code,
        name=get(entry, "name", str, where),
        category=category,  # type: ignore[arg-type]
        severity=severity,
        summary=get(entry, "summary", str, where, "") or get(entry, "message", str, where, ""),
        description=get(entry, "description", str, where, ""),
        scope=frozenset(scope) if scope else None,
        fixable=fixable,
        needs_structure=get(entry, "needs_structure", bool, where, False),
        source=get(entry, "source", str, where, "") or pack.source,
        pack=pack.name,
        examples=tuple(examples),
    )


def check_template(message: str, allowed: Iterable[str], where: str, key: str = "message") -> None:
    """A message template may use only the plain placeholders its kind fills ({match}, {g1}...):
    no attribute, index, conversion or width (a pack is data; `{match.__class__}` or
    `{match:>999999999}` must not reach str.format)."""
    names = set(allowed)
    try:
        fields = [(name, spec, conv) for _, name, spec, conv in Formatter().parse(message) if name is not None]
    except ValueError as exc:
        raise PackError(f"{where}: `{key}` is not a valid template: {exc}") from None
    for name, spec, conv in fields:
        if name not in names or spec or conv:
            shown = "{" + name + (f"!{conv}" if conv else "") + (f":{spec}" if spec else "") + "}"
            known = ", ".join("{" + n + "}" for n in sorted(names, key=lambda n: (len(n), n)))
            raise PackError(f"{where}: `{key}` uses an unknown placeholder {shown} (use {known})")


_MISSING = object()


def get(entry: Mapping[str, Any], key: str, typ: type, where: str, default: Any = _MISSING) -> Any:
    if key not in entry:
        if default is _MISSING:
            raise PackError(f"{where}: missing required key `{key}`")
        return default
    value = entry[key]
    if not isinstance(value, typ):
        raise PackError(f"{where}: `{key}` must be a {typ.__name__} (got {type(value).__name__})")
    return value
