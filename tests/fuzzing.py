"""Hostile and resolution-like documents, and the invariants every lint of them must keep.

Shared by tests/engine/test_properties.py (hypothesis strategies, a bounded run in CI) and
scripts/fuzz.py (a plain random generator for long runs). Documents are built from
realistic fragments (header lines, chapeaux, `1. *Urges*`, `(a)`, `<sup>1</sup>`, `[^1]:`,
`---`, quotations, suppression comments, lines of the real seed and corpus texts) mixed
with noise: control characters, lone surrogates, line separators that are not "\\n",
very long lines, deep brackets, thousands of page breaks or footnote markers.
"""

from __future__ import annotations

import random
from pathlib import Path

import regex

from termlint.text.document import DecodeError, Document
from termlint.core.model import Diagnostic
from termlint.engine.lint import lint_text, LintResult, Settings
from termlint.engine.fix import apply_edits, fix_text, fixable

ROOT = Path(__file__).resolve().parent.parent

# Lines as they occur in drafts, adopted texts and PDF/Word conversions.
FRAGMENTS: tuple[str, ...] = (
    "United Nations A/C.3/77/L.12", "A/RES/75/10", "S/RES/1454 (2002)", "E/CN.15/2022/L.4",
    "Distr.: Limited", "Distr.: General", "Original: English", "7 October 2022", "... December 2022",
    "Seventy-seventh session", "Thirty-first session", "Agenda item 68 (a)", "Item 8 of the provisional agenda\\*",
    "Germany and France: draft resolution", "Albania, Brazil and Peru: revised draft resolution",
    "[on the report of the Third Committee (A/77/463)]", "[without reference to a Main Committee (A/75/L.4)]",
    "Rights of the child", "# Rights of the child", "## Annex", "### **World crime trends**", "Annex", "I.", "A",
    "**Bold heading**", "The General Assembly,", "*The General Assembly*,", "*The Security Council*,",
    "The Economic and Social Council,", "The Commission on Crime Prevention and Criminal Justice,",
    "*Recalling* its resolution 74/174 of 18 December 2019,", "_Reaffirming_ the Charter of the United Nations,",
    "*Recalling also* the Convention on the Rights of the Child,<sup>1</sup>",
    "*Noting* with concern the growing threat posed by “self-generated” material,",
    "Recognizing that the the rights of the child are human rights ,",
    "1. *Urges* Member States to criminalize all forms of abuse;", "2. *Decides* to remain seized of the matter.",
    "2 bis. *Requests* the Secretary-General to submit a report;", "12. Calls upon all States to to act;",
    "3. *Encourages* Member States, , in accordance with domestic law:", "999. *Invites* all;;",
    "(a) To protect children online;", "(b) To support victims,", "(ii) by legislation;", "(xiv) and",
    "- a bullet point", "• another bullet", "– a dash bullet",
    "<sup>1</sup> United Nations, *Treaty Series*, vol. 1577, No. 27531.", "<sup>2</sup> *Ibid.*",
    "[^1]: See A/77/463.", "[^note]: A footnote", "text with a marker[^1] inside", "\\* E/CN.15/2022/1.",
    "<sup>12</sup>", "[^1]:", "---", "___", "* * *", "\f", "22-12345 (E)", "3/12", "Page 3 of 12",
    "58th plenary meeting", "...th plenary meeting", "Adopted unanimously at the 4500th meeting",
    "“quoted text", "”", "“a “nested” quotation”", "\"straight quotes\"", "‘single’", "'apostrophe'",
    "<!-- termlint: disable=PU001 -->", "<!-- termlint: enable=PU001 -->", "<!-- termlint: disable -->",
    "<!-- termlint: disable-next-line=PU -->", "<!-- termlint: disable-file=ST -->", "termlint: disable",
    "<!-- unterminated comment", "-->", "a word [sic]", "`code span`", "https://example.org/a_(b)",
    "www.un.org/en/", "UNICEF", "United Nations Children's Fund (UNICEF)", "Member States ,", "e.g.", "i.e.,",
    "resolution 76/181 of 16 December 2021", "paras. 1-3", "vol. 2171, No. 27531", "*", "**", "_", "(", ")",
    "[", "]", ":", ";", ",", ".", "..", "...", "…", "-", "—", "\u00a0", "\t", " ", "\u200b", "\ufeff",
)

# Characters that break naive text handling: controls, line separators other than "\n",
# lone surrogates, combining marks, bidi controls, wide and astral characters.
HOSTILE: tuple[str, ...] = (
    "\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u2028", "\u2029",
    "\r", "\r\n", "\n", "\ud800", "\udfff", "\udc80", "\u0301", "\u202e", "\u200f", "\ufffd", "\uffff",
    "\U0001f600", "\U0010ffff", "İ", "ß", "ﬁ", "Σ", "ǅ", "٣", "五", "\u3000",
)

JOINERS: tuple[str, ...] = ("\n", "\n\n", "\n\n", " ", "", "\r\n", "\r\n\r\n", "\r", "  \n", "\n\n\n\n")


def real_lines() -> tuple[str, ...]:
    """Non-empty lines of the seed draft and the sample corpus (skipped when absent)."""
    lines: list[str] = []
    for folder in (ROOT / "examples", ROOT / "tests" / "data" / "corpus"):
        for path in sorted(folder.glob("*")) if folder.is_dir() else ():
            if path.suffix in (".txt", ".md"):
                lines.extend(ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip())
    return tuple(lines)


REAL_LINES = real_lines()


def _noise(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        pick = rng.random()
        if pick < 0.4:
            out.append(rng.choice(HOSTILE))
        elif pick < 0.7:
            out.append(chr(rng.randrange(0x20, 0x7F)))
        else:
            out.append(chr(rng.randrange(0, 0x110000)))
    return "".join(out)


def _mutate(rng: random.Random, s: str) -> str:
    """Insert, delete or replace a few characters of a fragment."""
    chars = list(s)
    for _ in range(rng.randrange(1, 4)):
        at = rng.randrange(len(chars) + 1)
        op = rng.random()
        if op < 0.4:
            chars.insert(at, _noise(rng, 1))
        elif chars and op < 0.7:
            del chars[min(at, len(chars) - 1)]
        elif chars:
            chars[min(at, len(chars) - 1)] = rng.choice(FRAGMENTS)[:3]
    return "".join(chars)


def _extreme(rng: random.Random) -> str:
    """One of the shapes that find quadratic or recursive code."""
    n = rng.choice((100, 1000, 5000))
    return rng.choice((
        lambda: "a" * (n * 50),
        lambda: "(" * n + "x" + ")" * rng.randrange(n + 1),
        lambda: "[" * n + "^1]" * rng.randrange(3),
        lambda: "---\n" * n,
        lambda: "[^1]: x\n" * n,
        lambda: "<sup>1</sup>" * n,
        lambda: "\n" * n,
        lambda: "*" * n,
        lambda: "“" * n + "”" * rng.randrange(n + 1),
        lambda: "1. " * n,
        lambda: "(a) x;\n" * n,
        lambda: "<!--" * n,
        lambda: ", " * n,
        lambda: "the " * n,
        lambda: "\r" * n,
    ))()


def random_document(rng: random.Random) -> str:
    """A document of realistic fragments and noise, sometimes with an extreme part."""
    parts: list[str] = []
    for _ in range(rng.randrange(0, 40)):
        pick = rng.random()
        if pick < 0.45:
            part = rng.choice(FRAGMENTS)
        elif pick < 0.7 and REAL_LINES:
            part = rng.choice(REAL_LINES)
        elif pick < 0.85:
            part = _mutate(rng, rng.choice(FRAGMENTS))
        else:
            part = _noise(rng, rng.randrange(1, 20))
        parts.append(part)
        parts.append(rng.choice(JOINERS))
    if rng.random() < 0.03:
        parts.insert(rng.randrange(len(parts) + 1), _extreme(rng))
    return "".join(parts)


# --- invariants -------------------------------------------------------------------------

class Violation(AssertionError):
    """An invariant that a lint or a fix broke; the message says which and where."""


def check_lint(text: str, settings: Settings) -> LintResult:
    """lint_text must not raise, must not hide a rule crash, and must place findings inside the text."""
    result = lint_text(text, settings)
    doc = result.document
    if result.errors:  # a crash, or a bundled pattern that timed out: both are bugs
        raise Violation(f"a rule crashed or timed out: {result.errors[0]}")
    size = len(doc.text)
    rules = {r.meta.code: r for r in settings.rules}
    for d in result.diagnostics:
        if not 0 <= d.start <= d.end <= size:
            raise Violation(f"{d.code} span {d.start}:{d.end} outside the text (length {size})")
        if (d.line, d.column) != doc.position(d.start) or (d.end_line, d.end_column) != doc.position(d.end):
            raise Violation(f"{d.code} line/column do not match its offsets")
        if d.fix is not None:
            edits = sorted(d.fix.edits, key=lambda e: (e.start, e.end))
            for e in edits:
                if not 0 <= e.start <= e.end <= size:
                    raise Violation(f"{d.code} fix edit {e.start}:{e.end} outside the text (length {size})")
            for a, b in zip(edits, edits[1:]):
                if b.start < a.end:
                    raise Violation(f"{d.code} fix has overlapping edits {a} and {b}")
        check_quoted(d.code, d.message, doc.text[d.start:d.end], rules.get(d.code))
    return result


_PLACEHOLDER = regex.compile(r"\{(\w+)\}")


def check_quoted(code: str, message: str, span: str, rule: object) -> None:
    """Where a data rule's message quotes the match ({match}, {g1}...), it quotes the covered text.

    The rule's message template is turned into a pattern; {match} must be exactly the text
    the finding covers and each {gN} a part of it.
    """
    template = getattr(rule, "message", None)
    if not isinstance(template, str) or not regex.search(r"\{(?:match|g\d+)\}", template):
        return
    pieces, names = [], []
    cursor = 0
    for m in _PLACEHOLDER.finditer(template):
        pieces.append(regex.escape(template[cursor:m.start()].replace("{{", "{").replace("}}", "}")))
        pieces.append(f"(?P<p{len(names)}>.*?)")
        names.append(m.group(1))
        cursor = m.end()
    pieces.append(regex.escape(template[cursor:].replace("{{", "{").replace("}}", "}")))
    shape = regex.fullmatch("".join(pieces), message, regex.DOTALL)
    if shape is None:
        if type(rule).__module__ == "termlint.rules.punctuation.pattern":
            raise Violation(f"{code}: message {message!r} is not its template {template!r}")
        return
    strict = type(rule).__module__ == "termlint.rules.punctuation.pattern"
    flat_span = _flat(span)
    for i, name in enumerate(names):
        value = shape.group(f"p{i}")
        if name == "match":
            # A pattern rule quotes exactly its match; other kinds may narrow the span to the
            # part that changes (“States Parties”, caret on “Parties”) or flatten line breaks.
            if value != span if strict else not (flat_span in _flat(value) or _flat(value) in flat_span):
                raise Violation(f"{code}: message quotes {value!r} but the finding covers {span!r}")
        if name.startswith("g") and name[1:].isdigit() and value not in span:
            raise Violation(f"{code}: message quotes {value!r}, which is not in the covered text {span!r}")


def _flat(text: str) -> str:
    return " ".join(text.split())


def check_fix(text: str, settings: Settings, unsafe: bool = False) -> str:
    """Fixes change nothing outside their edits; fixing converges within fix.py's limit."""
    document = Document.from_text(text)
    pending = fixable(lint_text(document, settings).diagnostics, unsafe)
    for d in pending:
        alone, _ = apply_edits(document.text, [d])
        check_outside_edits(document.text, alone, [d], exact=True)
    fixed, _ = apply_edits(document.text, pending)
    check_outside_edits(document.text, fixed, pending)
    outcome = fix_text(document, settings, unsafe)
    if not outcome.converged:
        raise Violation(f"fixes did not converge within {outcome.rounds} rounds")
    again = fixable(lint_text(Document.from_text(outcome.text), settings).diagnostics, unsafe)
    if again:
        raise Violation(f"after fixing, {again[0].code} is still fixable at {again[0].start}: {again[0].message}")
    return outcome.text


def check_outside_edits(before: str, after: str, diagnostics: list[Diagnostic], exact: bool = False) -> None:
    """Every stretch of `before` outside all the edits survives in `after`, in order.

    With `exact` (the edits of one fix, all applied) `after` must be `before` with exactly
    those replacements.
    """
    edits = sorted((e for d in diagnostics if d.fix for e in d.fix.edits), key=lambda e: (e.start, e.end))
    if exact:
        pieces, cursor = [], 0
        for e in edits:
            pieces += [before[cursor:e.start], e.replacement]
            cursor = e.end
        if "".join(pieces) + before[cursor:] != after:
            raise Violation(f"{diagnostics[0].code}: applying its fix changed text outside its edits")
        return
    stretches, cursor = [], 0
    for e in edits:
        if e.start > cursor:
            stretches.append((cursor, before[cursor:e.start]))
        cursor = max(cursor, e.end)
    stretches.append((cursor, before[cursor:]))
    position = 0
    for offset, stretch in stretches:
        found = after.find(stretch, position)
        if found < 0:
            raise Violation(f"text outside the fix edits changed near offset {offset}: {stretch[:40]!r}")
        position = found + len(stretch)


def check_roundtrip(data: bytes) -> None:
    """Decoding and re-encoding an unedited file gives back its bytes exactly."""
    try:
        doc = Document.from_bytes(data, "<bytes>")
    except DecodeError:
        return
    if doc.encode() != data:
        raise Violation("re-encoding an unedited document changed its bytes")

