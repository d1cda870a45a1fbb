"""Every rule termlint knows: the bundled packs, the Python rules of each family, and user packs;
selection by code prefix."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from termlint.core.errors import SetupError
from termlint.rules.own import OWN_CODES
from termlint.rules.packfiles import PackError, bundled_packs
from termlint.rules.packs import load_pack
from termlint.rules.ruleset_cache import cached_rules


class RegistryError(SetupError):
    pass


# The rule families, each a sub-package of termlint/rules/ holding its rules and their helpers.
FAMILIES = ("acronyms", "citations", "consistency", "footnotes", "punctuation", "spelling", "structure", "terminology")


@lru_cache(maxsize=1)
def python_rules() -> tuple[Any, ...]:
    """Rules written in Python: every module of a family that lists rules in `RULES`."""
    import pkgutil  # only when the rule set is built, not when it comes from the cache

    found: list[Any] = []
    for family in FAMILIES:
        package = importlib.import_module(f"termlint.rules.{family}")
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
            module = importlib.import_module(f"termlint.rules.{family}.{info.name}")
            found.extend(getattr(module, "RULES", ()))
    return tuple(found)


@lru_cache(maxsize=32)
def all_rules(extra_packs: tuple[Path, ...] = ()) -> tuple[Any, ...]:
    """Bundled pack rules, Python rules, then user packs. Codes must be unique.

    Built once per process, and kept between runs while no source changes (ruleset_cache.py)."""
    for path in extra_packs:
        if not path.is_file():
            raise PackError(f"{path}: pack file not found")
    return cached_rules(extra_packs, lambda: _build(extra_packs))


def _build(extra_packs: tuple[Path, ...]) -> tuple[Any, ...]:
    rules: list[Any] = []
    for path in bundled_packs():
        rules.extend(load_pack(path))
    rules.extend(python_rules())
    for path in extra_packs:
        if not path.is_file():
            raise PackError(f"{path}: pack file not found")
        rules.extend(load_pack(path))
    seen: dict[str, str] = {}
    for rule in rules:
        code = rule.meta.code
        if code in seen:
            raise PackError(f"rule code {code} is defined twice ({seen[code]} and {rule.meta.pack or 'built-in'})")
        seen[code] = rule.meta.pack or "built-in"
    return tuple(rules)


def known_code(prefix: str, codes: Iterable[str]) -> bool:
    return prefix == "ALL" or any(c.startswith(prefix) for c in codes)


def select(rules: Sequence[Any], select: Sequence[str], ignore: Sequence[str]) -> list[Any]:
    """Rules whose code starts with a selected prefix (all when none) and no ignored one.

    The longer prefix wins, as in ruff: select=["CO"], ignore=["C"] keeps CO rules.
    """
    def score(code: str, prefixes: Sequence[str]) -> int:
        """Length of the longest prefix matching `code` ("ALL" counts 0); -1 when none does."""
        return max((0 if p == "ALL" else len(p) for p in prefixes if p == "ALL" or code.startswith(p)), default=-1)

    chosen = []
    for rule in rules:
        selected = score(rule.meta.code, select) if select else 0
        if selected >= 0 and selected > score(rule.meta.code, ignore):
            chosen.append(rule)
    return chosen


def check_codes(prefixes: Iterable[str], rules: Sequence[Any], where: str) -> None:
    codes = [r.meta.code for r in rules] + sorted(OWN_CODES)
    for prefix in prefixes:
        if not known_code(prefix, codes):
            raise RegistryError(f"{where}: unknown rule code or prefix {prefix!r} (see `termlint rules`)")
