"""Kind `pattern`: a regular expression with a message and an optional replacement.

    [[rules]]
    code = "PU001"
    kind = "pattern"
    pattern = '([,;:])\\s*\\1'
    message = "Doubled punctuation “{match}”"
    replace = '\\1'          # optional: the fix, with \\1 or \\g<name> group references
    fix_safe = true          # optional (default true)
    skip_quotes = false      # optional: ignore matches inside quotations
    ignore_case = false
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from termlint.model import Edit, Finding, Fix, RuleMeta
from termlint.packs import PackError, get
from termlint.rule import Context

KEYS = frozenset({"pattern", "replace", "fix_safe", "skip_quotes", "ignore_case"})
FIXABLE = True
TIMEOUT = 1.0  # seconds one pattern may spend on one document


@dataclass(frozen=True)
class PatternRule:
    meta: RuleMeta
    pattern: Any
    message: str
    replace: str | None
    fix_safe: bool
    skip_quotes: bool

    def check(self, ctx: Context) -> Iterator[Finding]:
        quotes = ctx.protected.quotes if self.skip_quotes else None
        for clause in ctx.clauses(self.meta.scope):
            for seg in clause.segments:
                for m in self.pattern.finditer(ctx.text, seg.start, seg.end, timeout=TIMEOUT):
                    if m.end() == m.start() or (quotes and quotes.overlaps(*m.span())):
                        continue
                    fix = None
                    if self.replace is not None:
                        replacement = m.expand(self.replace)
                        fix = Fix((Edit(m.start(), m.end(), replacement),), self.fix_safe,
                                  f"replace “{m.group()}” with “{replacement}”" if replacement else f"delete “{m.group()}”")
                    yield Finding(self.meta.code, m.start(), m.end(), _render(self.message, m), fix=fix)


def _render(message: str, m: Any) -> str:
    groups = {f"g{i}": (g or "") for i, g in enumerate(m.groups(), 1)}
    return message.format(match=m.group(), **groups)


def build(entry: dict[str, Any], meta: RuleMeta, where: str) -> PatternRule:
    flags = regex.V1 | (regex.IGNORECASE if get(entry, "ignore_case", bool, where, False) else 0)
    source = get(entry, "pattern", str, where)
    try:
        compiled = regex.compile(source, flags)
    except regex.error as exc:
        raise PackError(f"{where}: `pattern` does not compile: {exc}") from None
    replace = get(entry, "replace", str, where, None) if "replace" in entry else None
    message = get(entry, "message", str, where)
    try:
        message.format(match="", **{f"g{i}": "" for i in range(1, compiled.groups + 1)})
    except (KeyError, IndexError, ValueError) as exc:
        raise PackError(f"{where}: `message` uses an unknown placeholder {exc} (use {{match}}, {{g1}}, ...)") from None
    meta = meta if replace is not None else _unfixable(meta)
    return PatternRule(meta, compiled, message, replace,
                       get(entry, "fix_safe", bool, where, True), get(entry, "skip_quotes", bool, where, False))


def _unfixable(meta: RuleMeta) -> RuleMeta:
    from dataclasses import replace

    return replace(meta, fixable=False)
