"""`path:line:col: CODE message`: the line editors' error parsers read (Vim, Emacs, VS Code).

A Word draft has no lines to jump to: its findings say `path: paragraph 12 (operative 3), character 40:`."""

from __future__ import annotations

from collections.abc import Mapping

from termlint.core.model import Diagnostic
from termlint.formats.report import Writer as BaseWriter
from termlint.formats.text import location


class Writer(BaseWriter):
    def item(self, d: Diagnostic, sources: Mapping[str, str]) -> str:
        return f"{location(d)} {d.code} {d.message}\n"
