"""Formats printed while files are checked, so a large run keeps no findings in memory.

`text` (also with `--show-source`: a file's text is at hand while its findings are
printed), `concise`, `json` and `github` print each finding without looking at the others:
`check` writes each file's findings as soon as the file is done and keeps only counts.
Their output is byte for byte what `render` prints for the whole report
(tests/test_stream.py, tests/test_golden.py). `--statistics`, SARIF, GitLab and JUnit need
every finding at once and are rendered at the end as before.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence

from termlint.core.model import Diagnostic
from termlint.formats.github import command, tail
from termlint.formats.json_ import as_dict
from termlint.formats.text import Tally, finding_lines, painter


class Stream:
    """The concise format: one line per finding, nothing before or after."""

    def __init__(self) -> None:
        self.count = 0

    def items(self, diagnostics: Iterable[Diagnostic], sources: Mapping[str, str] | None = None) -> str:
        """The findings of one file; `sources` (path -> text) is that file's, for --show-source."""
        parts = []
        for d in diagnostics:
            parts.append(self.item(d, sources))
            self.count += 1
        return "".join(parts)

    def item(self, d: Diagnostic, sources: Mapping[str, str] | None = None) -> str:
        return f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}\n"

    def end(self, files_checked: int, errors: Sequence[tuple[str, str]]) -> str:
        return ""


class JsonStream(Stream):
    """One JSON array, written element by element exactly as `json.dumps(..., indent=2)` does."""

    def item(self, d: Diagnostic, sources: Mapping[str, str] | None = None) -> str:
        body = json.dumps(as_dict(d), ensure_ascii=False, indent=2).replace("\n", "\n  ")
        return ("[\n  " if self.count == 0 else ",\n  ") + body

    def end(self, files_checked: int, errors: Sequence[tuple[str, str]]) -> str:
        return "\n]\n" if self.count else "[]\n"


class GitHubStream(Stream):
    """GitHub annotations; the errors and the summary line come last, as `github.render` puts them."""

    def item(self, d: Diagnostic, sources: Mapping[str, str] | None = None) -> str:
        return command(d) + "\n"

    def end(self, files_checked: int, errors: Sequence[tuple[str, str]]) -> str:
        return "".join(line + "\n" for line in tail(self.count, files_checked, errors))


class TextStream(Stream):
    """The text format: the finding lines as they come, the summary from counts at the end."""

    def __init__(self, color: bool, unsafe_fixes: bool, show_source: bool, fixed: int | None) -> None:
        super().__init__()
        self.paint, self.unsafe, self.show_source, self.fixed = painter(color), unsafe_fixes, show_source, fixed
        self.tally = Tally(unsafe_fixes)

    def item(self, d: Diagnostic, sources: Mapping[str, str] | None = None) -> str:
        self.tally.add(d)
        shown = (sources or {}) if self.show_source else None
        return "".join(line + "\n" for line in finding_lines(d, self.paint, self.unsafe, shown))

    def end(self, files_checked: int, errors: Sequence[tuple[str, str]]) -> str:
        fixed = [] if self.fixed is None else [f"Fixed {self.fixed} problem{'s' if self.fixed != 1 else ''}."]
        return "".join(line + "\n" for line in [*fixed, self.tally.summary(files_checked, len(errors), self.fixed)])


def streamer(name: str, statistics: bool, color: bool = False, unsafe_fixes: bool = False,
             show_source: bool = False, fixed: int | None = None) -> Stream | None:
    """A streaming writer for format `name`, or None when the format needs the whole report."""
    if statistics:
        return None
    if name == "text":
        return TextStream(color, unsafe_fixes, show_source, fixed)
    kinds: dict[str, type[Stream]] = {"concise": Stream, "json": JsonStream, "github": GitHubStream}
    return kinds[name]() if name in kinds else None
