"""Formats printed while files are checked, so a large run keeps no findings in memory.

`concise`, `json` and `github` print each finding without looking at the others: `check`
writes each file's findings as soon as the file is done and keeps only counts. Their
output is byte for byte what `render` prints for the whole report (tests/test_formats.py,
tests/test_golden.py). `text` (its summary names fixable findings per rule and
`--show-source` reads the texts), `--statistics`, SARIF, GitLab and JUnit need every
finding at once and are rendered at the end as before.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from termlint.engine import Diagnostic


class Stream:
    """The concise format: one line per finding, nothing before or after."""

    def __init__(self) -> None:
        self.count = 0

    def items(self, diagnostics: Iterable[Diagnostic]) -> str:
        parts = []
        for d in diagnostics:
            parts.append(self.item(d))
            self.count += 1
        return "".join(parts)

    def item(self, d: Diagnostic) -> str:
        return f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}\n"

    def end(self, files_checked: int, errors: Sequence[tuple[str, str]]) -> str:
        return ""


class JsonStream(Stream):
    """One JSON array, written element by element exactly as `json.dumps(..., indent=2)` does."""

    def item(self, d: Diagnostic) -> str:
        from termlint.formats.json_ import as_dict

        body = json.dumps(as_dict(d), ensure_ascii=False, indent=2).replace("\n", "\n  ")
        return ("[\n  " if self.count == 0 else ",\n  ") + body

    def end(self, files_checked: int, errors: Sequence[tuple[str, str]]) -> str:
        return "\n]\n" if self.count else "[]\n"


class GitHubStream(Stream):
    """GitHub annotations; the errors and the summary line come last, as `github.render` puts them."""

    def item(self, d: Diagnostic) -> str:
        from termlint.formats.github import command

        return command(d) + "\n"

    def end(self, files_checked: int, errors: Sequence[tuple[str, str]]) -> str:
        from termlint.formats.github import tail

        return "".join(line + "\n" for line in tail(self.count, files_checked, errors))


def streamer(name: str, statistics: bool) -> Stream | None:
    """A streaming writer for format `name`, or None when the format needs the whole report."""
    kinds: dict[str, type[Stream]] = {"concise": Stream, "json": JsonStream, "github": GitHubStream}
    return None if statistics or name not in kinds else kinds[name]()
