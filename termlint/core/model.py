"""Value types shared by every part of termlint: severities, edits, fixes, findings, rule metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Literal

CATEGORIES = ("terminology", "consistency", "spelling", "citation", "structure", "punctuation")
Category = Literal["terminology", "consistency", "spelling", "citation", "structure", "punctuation"]


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (expected error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[start:end] (character offsets in the decoded text) with `replacement`."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    """A set of non-overlapping edits that together repair one finding.

    `safe` fixes are applied by `--fix`; unsafe ones only with `--unsafe-fixes`.
    """

    edits: tuple[Edit, ...]
    safe: bool = True
    description: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule reports: a span of the document's text and a message.

    `severity` None means the rule's default severity.
    """

    code: str
    start: int
    end: int
    message: str
    severity: Severity | None = None
    fix: Fix | None = None


@dataclass(frozen=True)
class Example:
    """A documented case of a rule, run by the test suite and shown by `termlint explain`.

    kind "bad" must raise the rule at least once, "good" must not raise it, and "fixed"
    (paired with the preceding bad example) is what `--fix` must turn the bad text into.
    """

    kind: Literal["good", "bad", "fixed"]
    text: str


@dataclass(frozen=True)
class Option:
    """A per-rule option a user may set in `[tool.termlint.options.<CODE>]`, with its type."""

    name: str
    value_type: type  # str, bool, int or list
    help: str
    item: type | None = None  # for a list: the type of its items

    def problem(self, value: object) -> str | None:
        """Why `value` is not a valid setting of this option, or None (a list may arrive as a tuple)."""
        expected = (list, tuple) if self.value_type is list else self.value_type
        if not isinstance(value, expected) or (self.value_type is int and isinstance(value, bool)):
            return f"must be {_TYPE_NAMES.get(self.value_type, self.value_type.__name__)} (got {type(value).__name__})"
        if self.item is not None and isinstance(value, (list, tuple)):
            if not all(isinstance(v, self.item) for v in value):
                return f"must be a list of {_ITEM_NAMES.get(self.item, self.item.__name__)}"
        return None


_TYPE_NAMES = {str: "a string", bool: "true or false", int: "a whole number", list: "a list"}
_ITEM_NAMES = {str: "strings", int: "whole numbers"}


@dataclass(frozen=True)
class RuleMeta:
    """What a rule is, for users and reports: its code, name, category, severity and documentation."""
    code: str
    name: str
    category: Category
    severity: Severity
    summary: str
    description: str = ""
    scope: frozenset[str] | None = None  # clause kinds the rule reads; None: the whole text
    fixable: bool = False
    needs_structure: bool = False  # True: runs only on texts that parse as a resolution
    source: str = ""  # where the convention or term comes from (a pack's source, a manual)
    pack: str = ""  # the pack the rule comes from ("" for built-in Python rules)
    examples: tuple[Example, ...] = field(default_factory=tuple)
    options: tuple[Option, ...] = ()  # what `[tool.termlint.options.<CODE>]` may set


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding placed in its file: what every output format prints."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    category: str
    severity: Severity
    message: str
    fix: Fix | None
    start: int  # character offsets in the decoded text, for fixes
    end: int
    edit_positions: tuple[tuple[int, int, int, int], ...] = ()  # (line, col, end_line, end_col) per fix edit
    place: str = ""  # where a user finds it when line:column is not how the file looks ("paragraph 12 (operative 3)")
