"""`path:line:col: severity: CODE message`: the line editors' error parsers read.

The GNU shape (`file:line:col: warning: ...`, as compilers print it): Vim's errorformat reads
the severity as the quickfix type (`%t`), Emacs's compilation mode colours warnings and infos by
it with no setup, and a VS Code problem matcher takes it as the problem's severity. The column
counts characters, not bytes (Vim's `%v`).
"""

from __future__ import annotations

from collections.abc import Mapping

from termlint.core.model import Diagnostic
from termlint.formats.report import Writer as BaseWriter


class Writer(BaseWriter):
    def item(self, d: Diagnostic, sources: Mapping[str, str]) -> str:
        return f"{d.path}:{d.line}:{d.column}: {d.severity}: {d.code} {d.message}\n"
