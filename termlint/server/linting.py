"""One open document linted as `termlint check` would lint the file at its path.

The configuration is found the same way (termlint.toml or pyproject.toml in the file's folder
and upward: runner.config_for, runner.settings_for); the editor's select/ignore act as
--select/--ignore and its packs are added to the configuration's. The text is the editor's
buffer, not the file on disk, and goes to the same I/O-free core, `lint_text`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urlparse

import regex

from termlint.core.errors import SetupError
from termlint.engine.lint import LintResult, Settings, lint_text
from termlint.run import runner
from termlint.run.runner import MAX_BYTES, Overrides, config_for, settings_for
from termlint.server.options import ServerOptions
from termlint.text.document import Document

_WHERE = regex.compile(r"^(?P<file>[^\n]+?\.toml):(?P<line>\d+):")  # "path/termlint.toml:7: key: problem"


@dataclass
class Outcome:
    """What the server publishes for one version of a document."""

    document: Document
    result: LintResult | None = None  # None when the text could not be linted (see problem)
    settings: Settings | None = None
    problem: str | None = None  # one clear message: too large, binary, broken configuration
    config_file: str | None = None  # the configuration file the problem is in, if it is one
    config_line: int = 1
    errors: list[str] = field(default_factory=list)  # rule errors: logged, the other rules still report


def path_of(uri: str, root: Path | None = None) -> Path:
    """The file a document URI names; an unsaved buffer ("untitled:Untitled-1") is taken to be in
    the workspace root, so the project's configuration still governs it."""
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        path = unquote(parsed.path)
        if os.name == "nt" and regex.match(r"^/[A-Za-z]:", path):  # file:///C:/...
            path = path[1:]
        return Path(path)
    name = unquote(parsed.path).rsplit("/", 1)[-1] or "untitled"
    return (root or Path.cwd()) / name


def lint_document(uri: str, text: str, options: ServerOptions, root: Path | None = None) -> Outcome:
    """Lint the editor's text of one document. Never raises for any text or configuration."""
    path = path_of(uri, root)
    document = Document.from_text(text, str(path))
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        return Outcome(document, problem=f"{path.name} is too large to lint ({size // (1024 * 1024)} MB; "
                                         f"the limit is {MAX_BYTES // (1024 * 1024)} MB, as for `termlint check`)")
    nul = text.find("\0")
    if nul >= 0:
        line, column = document.position(nul)
        return Outcome(document, problem=f"{path.name} is not a text draft (a NUL character at line {line}, "
                                         f"column {column}: binary content); termlint does not lint it")
    try:
        settings = _settings(path, options)
    except SetupError as exc:
        message = str(exc)
        where = _WHERE.match(message)
        return Outcome(document, problem=f"termlint configuration error: {message}",
                       config_file=where["file"] if where else None,
                       config_line=int(where["line"]) if where else 1)
    if settings is None:  # excluded by the configuration: nothing to report, as `termlint check` skips it
        return Outcome(document, result=LintResult(document), settings=None)
    result = lint_text(document, settings, str(path))
    return Outcome(document, result=result, settings=settings, errors=list(result.errors))


def _settings(path: Path, options: ServerOptions) -> Settings | None:
    overrides = Overrides(select=options.select, ignore=options.ignore)
    config = config_for(path, overrides)
    if config.excludes(path):
        return None
    if options.packs:
        config = replace(config, packs=config.packs + options.packs)
    return settings_for(config, overrides.select, overrides.ignore, config.ignored_for(path))


def forget_configuration() -> None:
    """Drop what was read from configuration and pack files, after one of them changed."""
    runner.forget_configuration()


def config_stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """The size and modification time of every termlint.toml and pyproject.toml from `folder` up:
    a change in any of them may change which configuration governs the folder."""
    stamp = []
    for parent in (folder, *folder.parents):
        for name in ("termlint.toml", "pyproject.toml"):
            try:
                info = os.stat(parent / name)
            except OSError:
                continue
            stamp.append((str(parent / name), info.st_mtime_ns, info.st_size))
    return tuple(stamp)
