"""`path:line:col: severity: CODE message`: the line editors' error parsers read.

The GNU shape (`file:line:col: warning: ...`, as compilers print it): Vim's errorformat reads
the severity as the quickfix type (`%t`), Emacs's compilation mode colours warnings and infos by
it with no setup, and a VS Code problem matcher takes it as the problem's severity. The column
counts characters, not bytes (Vim's `%v`).

A Word draft has no lines to jump to: its findings say
`path: paragraph 12 (operative 3), character 40: warning: CODE message`.
"""

from __future__ import annotations

from collections.abc import Mapping

from termlint.core.model import Diagnostic
from termlint.formats.report import Writer as BaseWriter
from termlint.formats.text import location


class Writer(BaseWriter):
    def item(self, d: Diagnostic, sources: Mapping[str, str]) -> str:
        return f"{location(d)} {d.severity}: {d.code} {d.message}\n"
