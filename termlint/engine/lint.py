"""The I/O-free core: lint one text with a set of rules.

`lint_text` is what the CLI, the tests, the benchmark and editor integrations call. It
parses, runs each selected rule over the clauses in its scope, turns offsets into
lines and columns once, applies severity overrides and in-text suppressions, and
returns sorted, de-duplicated diagnostics.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from termlint.core.model import Diagnostic, Finding, RuleMeta, Severity
from termlint.engine.suppress import Suppressions
from termlint.parse.parser import parse
from termlint.parse.tree import paragraph_labels
from termlint.rules.context import ClauseRule, Context, Rule, clause_kinds
from termlint.rules.own import PARSE_RULE
from termlint.text.document import Document
from termlint.text.markdown import prose_text
from termlint.text.protect import SpanSet


@dataclass
class LintResult:
    """What linting one document gives: its findings, the errors that make the exit status 2, unused directives."""
    document: Document
    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # problems that make the exit status 2
    unused_directives: list[Diagnostic] = field(default_factory=list)
    rules: dict[str, RuleMeta] = field(default_factory=dict)  # metadata of every rule that ran
    # (offset, "PP3"/"OP2 (a)") of each numbered paragraph, for the HTML report's margin; None when
    # the result was not linted in this run (the cache keeps findings only).
    labels: tuple[tuple[int, str], ...] | None = None


@dataclass(frozen=True)
class Settings:
    """What the engine needs from the configuration for one file."""

    rules: Sequence[Rule]
    severities: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    words: frozenset[str] = frozenset()  # the user's extra spelling words
    parse_rule_enabled: bool = True
    packs: tuple[Any, ...] = ()  # the user's extra packs (their [[titles]] protect official titles)
    # Every rule code there is, selected or not (the registry's, set by the runner): a suppression
    # naming none of them is a slip. None (settings made by hand): such directives are not judged.
    known_codes: frozenset[str] | None = None

    @cached_property
    def metas(self) -> dict[str, RuleMeta]:
        """The metadata of every rule these settings run (ST000 included), by code: what a result reports."""
        return {PARSE_RULE.code: PARSE_RULE, **{rule.meta.code: rule.meta for rule in self.rules}}


def lint_text(text: str | Document, settings: Settings, path: str = "<text>") -> LintResult:
    """Lint one text. Never raises for any input text; rule failures become errors."""
    document = text if isinstance(text, Document) else Document.from_text(text, path)
    parsed, markdown = prose_text(document.text, document.path)  # code, tables, front matter: no clauses
    tree, problems = parse(parsed)
    ctx = Context(document, tree, settings.options, settings.words, tuple(settings.packs))
    metas = settings.metas
    findings: list[Finding] = []
    result = LintResult(document, labels=paragraph_labels(tree))
    if settings.parse_rule_enabled:
        findings.extend(Finding(PARSE_RULE.code, p.start, p.end, p.message) for p in problems)
    found = _crawl(ctx, settings)
    for i, rule in enumerate(settings.rules):
        meta = rule.meta
        if meta.needs_structure and not ctx.is_resolution:
            continue
        got: list[Finding] = []
        try:
            if i in found:  # handed its clauses in the walk below
                got, failure = found[i]
                if failure is not None:
                    raise failure
            else:
                got.extend(rule.check(ctx))  # what a rule found before it failed is kept
        except TimeoutError as exc:  # a kind that runs user patterns says which pack and rule
            result.errors.append(str(exc) if str(exc) and str(exc) != "regex timed out" else
                                 f"rule {meta.code} ({meta.pack or 'built-in'}) took too long on this text: "
                                 "its pattern backtracks catastrophically; fix or remove the pattern")
        except Exception as exc:  # a rule's bug must not stop the other rules or files
            result.errors.append(f"internal error in rule {meta.code}: {type(exc).__name__}: {exc}")
        if got:  # most rules find nothing in most documents: no scope to build for them
            findings.extend(got if meta.scope is None else ctx.within(meta.scope, got))
    comments = ctx.protected.comments
    ctx.release()
    hidden, quoted = SpanSet.of(list(markdown.hidden)), SpanSet.of(list(markdown.quoted))
    suppressions = Suppressions.of(document)
    seen: set[tuple[str, int, int, str]] = set()
    for f in sorted(findings, key=lambda f: (f.start, f.end, f.code)):
        key = (f.code, f.start, f.end, f.message)
        if (key in seen or comments.overlaps(f.start, max(f.end, f.start + 1))
                or hidden.overlaps(f.start, max(f.end, f.start + 1))):
            continue
        seen.add(key)
        line, column = document.position(f.start)
        if suppressions.suppresses(f.code, line, f.start, f.end):
            continue
        end_line, end_column = document.position(f.end)
        meta = metas[f.code]
        severity = settings.severities.get(f.code, f.severity or meta.severity)
        if f.severity is not None and f.code in settings.severities:
            severity = min(f.severity, settings.severities[f.code])  # an exemption stays at most its level
        if quoted.covering(f.start, max(f.end, f.start + 1)):
            severity = min(severity, Severity.INFO)  # a `> quotation` is someone else's words
        result.diagnostics.append(Diagnostic(
            document.path, line, column, end_line, end_column, f.code, meta.name, meta.category,
            severity, f.message, f.fix, f.start, f.end,
            tuple(document.position(e.start) + document.position(e.end) for e in f.fix.edits) if f.fix else (),
        ))
    result.diagnostics = _without_subsumed(result.diagnostics, document.text)
    places = document.places(tree, [d.start for d in result.diagnostics])
    if places is not None:
        result.diagnostics = [replace(d, place=p) for d, p in zip(result.diagnostics, places)]
    result.unused_directives = suppressions.unused(document.path, metas, settings.known_codes)
    result.rules = metas
    return result


def _crawl(ctx: Context, settings: Settings) -> dict[int, tuple[list[Finding], Exception | None]]:
    """Walk the clause tree once and hand each clause to the rules that declared its kind.

    Returns, by the rule's index in `settings.rules`, its findings in document order and the
    exception that stopped it (a rule that fails is handed no further clause, as a `check` that
    raises stops). Adding a clause rule adds no walk: one pass over `ctx.walk` serves them all.
    """
    plan: dict[str, list[tuple[int, ClauseRule]]] = {}
    out: dict[int, tuple[list[Finding], Exception | None]] = {}
    for i, rule in enumerate(settings.rules):
        kinds = clause_kinds(rule)
        if kinds is None or (rule.meta.needs_structure and not ctx.is_resolution):
            continue
        out[i] = ([], None)
        for kind in kinds:
            plan.setdefault(kind, []).append((i, rule))  # type: ignore[arg-type]
    if not plan:
        return out
    for clause in ctx.walk.clauses:
        for i, rule in plan.get(clause.kind, ()):
            got, failure = out[i]
            if failure is not None:
                continue
            try:
                got.extend(rule.visit(clause, ctx))
            except Exception as exc:  # reported in the rule's turn, as if its check had raised
                out[i] = (got, exc)
    return out


_REACH = 300  # the widest span a fix that holds another is looked for in (official names are shorter)


def _without_subsumed(diagnostics: list[Diagnostic], text: str) -> list[Diagnostic]:
    """Drop a finding whose fix a wider finding's fix already makes, at the same place.

    "UN Office on Drugs and Crime" is one slip: HS303 rewrites the name, and AC004's "UN" ->
    "United Nations" is part of that rewrite, so only HS303 is reported. A narrower finding stays
    when its fix differs, when its severity is higher, or when the wider one was suppressed
    (suppressed findings never reach this list).
    """
    single = sorted((d for d in diagnostics if d.fix is not None and len(d.fix.edits) == 1),
                    key=lambda d: (d.start, -d.end))
    dropped: set[int] = set()
    for i, narrow in enumerate(single):
        (edit,) = narrow.fix.edits  # type: ignore[union-attr]
        j = i - 1
        while j >= 0 and single[j].start >= narrow.start - _REACH:
            wide = single[j]
            j -= 1
            (whole,) = wide.fix.edits  # type: ignore[union-attr]
            if (wide.code == narrow.code or not (whole.start <= edit.start and edit.end <= whole.end)
                    or (whole.start, whole.end) == (edit.start, edit.end) or narrow.severity > wide.severity):
                continue
            inside = text[whole.start:edit.start] + edit.replacement + text[edit.end:whole.end]
            if inside == whole.replacement:
                dropped.add(id(narrow))
                break
    return [d for d in diagnostics if id(d) not in dropped] if dropped else diagnostics


def with_path(result: LintResult, path: str) -> LintResult:
    """The same result reported under another path (for --stdin-filename)."""
    result.diagnostics = [replace(d, path=path) for d in result.diagnostics]
    return result
