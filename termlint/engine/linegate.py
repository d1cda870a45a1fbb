"""The lines of one file that count as changed (from --diff-base), and how they move when fixes
change the text: the engine's fixer and the file runner both filter findings through it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from termlint.core.model import Diagnostic


@dataclass(frozen=True)
class LineGate:
    """The lines of one file that count as changed; `changed` None means every line."""

    changed: frozenset[int] | None

    def keeps(self, d: Diagnostic) -> bool:
        if self.changed is None:
            return True
        last = d.end_line - 1 if d.end_column == 1 and d.end_line > d.line else d.end_line
        return any(line in self.changed for line in range(d.line, last + 1))

    def filter(self, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
        return [d for d in diagnostics if self.keeps(d)]

    def follow(self, original: str, current: str) -> LineGate:
        """The gate for `current`, a fixed version of `original` (the text this gate was made for).

        Fixes move lines; a line of the current text is changed when it comes from a changed
        line, or when a fix made it (fixes only touch changed lines).
        """
        if self.changed is None or original == current:
            return self
        old, new = original.split("\n"), current.split("\n")
        changed: set[int] = set()
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                changed.update(j + 1 for j in range(j1, j2) if (i1 + (j - j1) + 1) in self.changed)
            elif tag in ("replace", "insert"):
                changed.update(range(j1 + 1, j2 + 1))
        return LineGate(frozenset(changed))
