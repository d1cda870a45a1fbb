"""`path:line:col: CODE message`: the line editors' error parsers read (Vim, Emacs, VS Code)."""

from __future__ import annotations

from collections.abc import Mapping

from termlint.core.model import Diagnostic
from termlint.formats.report import Writer as BaseWriter


class Writer(BaseWriter):
    def item(self, d: Diagnostic, sources: Mapping[str, str]) -> str:
        return f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}\n"
