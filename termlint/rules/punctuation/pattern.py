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
    prefilter = '([,;:])'    # optional: a quicker pattern (Python `re` syntax) that matches at
                             # least wherever `pattern` does; `pattern` is then tried only there

`regex` patterns with lookbehinds and Unicode classes are tried at every character; a
prefilter lets the standard library's faster engine find the few places worth trying. It
must be a relaxation of `pattern` (tests/rules/punctuation/test_pattern_prefilter.py checks the bundled ones
against the unfiltered scan on real text): a place the prefilter misses is never reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from termlint.core.model import Edit, Finding, Fix, RuleMeta
from termlint.core.resources import data_dir
from termlint.rules.context import Context
from termlint.rules.packfiles import PackError
from termlint.rules.packs import check_template, get
from termlint.text.protect import SpanSet

KEYS = frozenset({"pattern", "replace", "fix_safe", "skip_quotes", "ignore_case", "prefilter"})
FIXABLE = True
TIMEOUT = 1.0  # seconds one pattern may spend on one document


@dataclass(frozen=True)
class PatternRule:
    """A pack's pattern rule: a regular expression, its message and its fix."""
    meta: RuleMeta
    pattern: Any
    message: str
    replace: str | None
    fix_safe: bool
    skip_quotes: bool
    where: str = ""  # "pack file: rule CODE", for errors
    timeout: float | None = TIMEOUT  # None for termlint's own packs (fuzzed; a timeout costs ~25%)
    prefilter: Any = None  # see the module docstring

    def check(self, ctx: Context) -> Iterator[Finding]:
        try:
            yield from self._check(ctx)
        except TimeoutError:
            raise TimeoutError(f"{self.where or self.meta.code}: `pattern` took longer than {TIMEOUT:g} s on this "
                               "text (it backtracks catastrophically): simplify it or remove the rule") from None

    def _check(self, ctx: Context) -> Iterator[Finding]:
        # A document rule, not handed clauses: one scan of the prefilter over the whole text
        # (most documents: no place at all) spares visiting each clause of the scope.
        where = self._candidates(ctx)
        if where is not None and not where.starts:
            return
        quotes = ctx.protected.quotes if self.skip_quotes else None
        for clause in ctx.clauses(self.meta.scope):
            for seg in clause.segments:
                if where is not None and not where.overlaps(seg.start, max(seg.end, seg.start + 1)):
                    continue  # no place the prefilter finds in this segment: nothing to try
                for m in self.finditer(ctx.text, seg.start, seg.end):
                    if m.end() == m.start() or (quotes and quotes.overlaps(*m.span())):
                        continue
                    fix = None
                    if self.replace is not None:
                        replacement = m.expand(self.replace)
                        fix = Fix((Edit(m.start(), m.end(), replacement),), self.fix_safe,
                                  f"replace “{m.group()}” with “{replacement}”" if replacement else f"delete “{m.group()}”")
                    yield Finding(self.meta.code, m.start(), m.end(), _render(self.message, m), fix=fix)

    def _candidates(self, ctx: Context) -> SpanSet | None:
        """Where the prefilter matches in the whole text (one scan per document, shared by the
        rules with the same prefilter), when that shows which segments can hold a match; None
        when it cannot (no prefilter, a user's (its scans are timed, per segment), or one with
        assertions). A prefilter without lookarounds,
        anchors or word boundaries reads only the characters it matches, so a match inside a
        segment [start, end) is a match of the whole text there; the whole text's matches, taken
        left to right without overlap, then cover its start: a segment that meets none holds none."""
        if not isinstance(self.prefilter, re.Pattern) or _ASSERTION.search(self.prefilter.pattern):
            return None
        prefilter = self.prefilter
        return ctx.shared(("pattern.candidates", prefilter.pattern, prefilter.flags), lambda: SpanSet.of(
            [(m.start(), max(m.end(), m.start() + 1)) for m in prefilter.finditer(ctx.text)]))

    def finditer(self, text: str, start: int, end: int) -> Iterator[Any]:
        """The matches of `pattern` in text[start:end], as `finditer` finds them (non-empty ones)."""
        if self.prefilter is None:
            yield from self.pattern.finditer(text, start, end, timeout=self.timeout)
            return
        pos = start
        while (candidate := self.prefilter.search(text, pos, end)) is not None:
            m = self.pattern.match(text, candidate.start(), end, timeout=self.timeout)
            if m is not None and m.end() > m.start():
                yield m
                pos = m.end()
            else:
                pos = candidate.start() + 1


# What makes a pattern read characters beside its match (or depend on where the text ends):
# lookarounds, anchors, word boundaries (a "^" in a class is caught too: that only costs speed).
_ASSERTION = re.compile(r"\(\?<|\(\?[=!]|[\^$]|\\[bBAZzGK]")


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
    if replace is not None:
        _check_references(replace, compiled, where)
    message = get(entry, "message", str, where)
    check_template(message, ("match", *(f"g{i}" for i in range(1, compiled.groups + 1))), where)
    meta = meta if replace is not None else _unfixable(meta)
    bundled = _bundled(where)
    return PatternRule(meta, compiled, message, replace, get(entry, "fix_safe", bool, where, True),
                       get(entry, "skip_quotes", bool, where, False), where, None if bundled else TIMEOUT,
                       _prefilter(entry, where, bundled, flags & regex.IGNORECASE))


def _prefilter(entry: dict[str, Any], where: str, bundled: bool, ignore_case: int) -> Any:
    """The compiled prefilter: the standard library's engine for our packs; for a user's pack
    `regex` (which reads `re` syntax the same) so that the timeout still guards it."""
    source = get(entry, "prefilter", str, where, None)
    if source is None:
        return None
    try:
        if bundled:
            return re.compile(source, re.IGNORECASE if ignore_case else 0)
        return _TimedPrefilter(regex.compile(source, regex.V0 | (regex.IGNORECASE if ignore_case else 0)))
    except (re.error, regex.error) as exc:
        raise PackError(f"{where}: `prefilter` does not compile: {exc}") from None


@dataclass(frozen=True)
class _TimedPrefilter:
    """A rule's prefilter, searched with the same timeout as the rule's pattern."""
    pattern: Any

    def search(self, text: str, pos: int, end: int) -> Any:
        return self.pattern.search(text, pos, end, timeout=TIMEOUT)


def _bundled(where: str) -> bool:
    """True for a rule of termlint's own packs (`where` starts with the pack's path)."""
    return Path(where.rpartition(": rule ")[0]).parent == data_dir("rules")


_REFERENCE = regex.compile(r"\\(?:(\d+)|g<([^>]*)>)|\\.")


def _check_references(replace: str, compiled: Any, where: str) -> None:
    """Every group `replace` refers to exists (else the first match would fail, not the pack)."""
    for m in _REFERENCE.finditer(replace):
        ref = m.group(1) or m.group(2)
        if ref is None:
            continue
        ok = int(ref) <= compiled.groups if ref.isdigit() else ref in compiled.groupindex
        if not ok:
            raise PackError(f"{where}: `replace` refers to group {ref!r}, which `pattern` does not have")


def _unfixable(meta: RuleMeta) -> RuleMeta:
    from dataclasses import replace

    return replace(meta, fixable=False)
