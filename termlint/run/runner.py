"""From paths on disk to lint results: file discovery, per-file configuration, reading, linting."""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from termlint.core.heap import LARGE, keep_large_blocks_apart
from termlint.docx.sniff import NotWord, is_package, unsupported
from termlint.engine.lint import LintResult, Settings, lint_text
from termlint.rules.own import OWN_CODES, PARSE_RULE_ENTRY
from termlint.rules.registry import all_rules, check_codes, select
from termlint.run.config import Config, check_options, find_config, load_config, real_path
from termlint.run.patterns import GitIgnores, matches
from termlint.text.document import DecodeError, Document

SKIP_DIRS = frozenset({".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".termlint_cache"})
# The longest UN reports run to 2 MB of text; checking costs about 0.5 s of CPU per MB, so a
# larger file is almost surely not a draft (a log, a dump) and would stall a pre-commit hook.
MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Overrides:
    """Command-line choices that take precedence over the configuration files."""

    config: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()  # added to the configuration's (or --select's) selection
    exclude: tuple[str, ...] | None = None  # replaces the configuration's exclude (relative to the cwd)
    extend_exclude: tuple[str, ...] = ()  # added to it (relative to the cwd)

    def excludes(self, path: Path, config: Config) -> bool:
        """True when the configuration's `exclude` (unless --exclude replaces it), --exclude or
        --extend-exclude names the file; command-line patterns are relative to the working directory."""
        if self.exclude is None and config.excludes(path):
            return True
        patterns = (*(self.exclude or ()), *self.extend_exclude)
        if not patterns:
            return False
        relative = os.path.relpath(os.path.abspath(path))
        return matches(patterns, Path(relative).as_posix() if not relative.startswith("..") else path.as_posix())


class FileProblem(Exception):
    """A file that cannot be checked; str() is the one line shown to the user."""


def discover(paths: Sequence[str], overrides: Overrides) -> Iterator[tuple[str, str | None]]:
    """Yield (path, problem) for every file to check; problem is None when it can be read."""
    for raw in paths:
        path = Path(raw)
        if raw == "-":
            yield raw, None
        elif path.is_dir():
            yield from _walk(path, overrides)
        elif path.exists() or path.is_symlink():
            yield raw, None if path.exists() else _link_problem(path)
        else:
            yield raw, "no such file or directory"


def _link_problem(path: Path) -> str:
    """Why a symbolic link cannot be read: it loops, or its target is missing."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
    return "broken symbolic link"


def _special(path: Path) -> bool:
    """True for what is not a regular file (through links); False for a broken or looping link."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False  # reported as a problem when the file is read


def _walk(top: Path, overrides: Overrides) -> Iterator[tuple[str, str | None]]:
    found: list[str] = []
    unreadable: list[tuple[str, str | None]] = []

    def walk_error(exc: OSError) -> None:  # os.walk would skip an unreadable folder silently
        unreadable.append((str(exc.filename or top), f"cannot list folder: {exc.strerror or exc}"))

    gitignores = GitIgnores(top)
    absolute_top = Path(os.path.abspath(top))
    chains = {absolute_top: gitignores.enter(gitignores.above, absolute_top)}
    for folder, dirs, files in os.walk(top, followlinks=False, onerror=walk_error):
        here = Path(os.path.abspath(folder))
        chain = chains.pop(here, [])
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        if chain:  # folders a .gitignore names are not entered (when the configuration respects it)
            dirs[:] = [d for d in dirs if not (_respects_gitignore(here / d, overrides)
                                               and gitignores.ignored(chain, here / d, is_dir=True))]
        for d in dirs:
            chains[here / d] = gitignores.enter(chain, here / d)
        for name in files:
            path = Path(folder) / name
            if _special(path):
                continue  # a pipe, socket or device: reading it could block forever
            try:
                config = config_for(path, overrides)
            except Exception:
                found.append(str(path))  # the config error is reported when the file is checked
                continue
            if path.suffix.lower() not in config.extensions or overrides.excludes(path, config):
                continue
            if chain and config.respect_gitignore and gitignores.ignored(chain, here / name, is_dir=False):
                continue
            found.append(str(path))
    for name in sorted(found):
        yield name, None
    yield from unreadable


def _respects_gitignore(folder: Path, overrides: Overrides) -> bool:
    try:
        return config_for(folder / "-", overrides).respect_gitignore
    except Exception:
        return True  # the config error is reported when a file is checked


def config_for(path: Path, overrides: Overrides) -> Config:
    if overrides.config is not None:
        return _explicit_config(overrides.config)
    try:
        resolved = real_path(path)
    except (OSError, RuntimeError):  # a symbolic link loop (RuntimeError before Python 3.13)
        resolved = Path(os.path.abspath(path))
    return find_config(resolved.parent)


@lru_cache(maxsize=8)
def _explicit_config(path: Path) -> Config:
    return load_config(path)


@lru_cache(maxsize=64)
def settings_for(config: Config, select_override: tuple[str, ...] | None, extra_ignore: tuple[str, ...],
                 path_ignores: tuple[str, ...], extend_select: tuple[str, ...] = ()) -> Settings:
    rules = all_rules(config.packs)
    chosen_select = select_override if select_override is not None else config.select
    where = "--select" if select_override is not None else (config.path or "configuration")
    check_codes(chosen_select, rules, where)
    check_codes(extend_select, rules, "--extend-select")
    if chosen_select and extend_select:  # an empty selection is every rule already
        chosen_select = (*chosen_select, *extend_select)
    check_codes(config.ignore + extra_ignore, rules, "--ignore/ignore")
    ignore = path_ignores + extra_ignore
    selected = select(rules, chosen_select, ignore)
    check_options(config, {rule.meta.code: rule.meta for rule in rules})
    parse_selected = bool(select([PARSE_RULE_ENTRY], chosen_select, ignore))
    return Settings(
        rules=tuple(selected), severities=dict(config.severity), options=config.options_dict(),
        words=frozenset(config.words), parse_rule_enabled=parse_selected, packs=tuple(config.packs),
        known_codes=frozenset(rule.meta.code for rule in rules) | OWN_CODES,
    )


def read_document(path: str, stdin_name: str | None = None) -> Document:
    """Read a file (or stdin for "-") as a Document; FileProblem with a clear reason otherwise."""
    return decode(read_bytes(path), (stdin_name or "<stdin>") if path == "-" else path)


def read_bytes(path: str) -> bytes:
    """A file's bytes (stdin's for "-"); FileProblem with a clear reason otherwise."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                raise FileProblem(f"standard input is too large (the limit is {MAX_BYTES // (1024 * 1024)} MB)")
            if len(data) >= LARGE:
                keep_large_blocks_apart()
            return data
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise FileProblem(f"file is too large ({size // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB)")
        if size >= LARGE:
            keep_large_blocks_apart()  # its whole-text copies go back to the system when freed
        with open(path, "rb") as handle:
            return handle.read()
    except IsADirectoryError:
        raise FileProblem("is a directory") from None
    except PermissionError:
        raise FileProblem("permission denied") from None
    except FileNotFoundError:
        raise FileProblem("no such file or directory") from None
    except OSError as exc:
        raise FileProblem("symbolic link loop" if exc.errno == errno.ELOOP else exc.strerror or str(exc)) from None


def decode(data: bytes, path: str) -> Document:
    """The Document of a file's bytes: a Word draft when they are a .docx (whatever the file's
    name), else decoded text; FileProblem with the reason for other binary formats."""
    if is_package(data) or unsupported(data):
        from termlint.docx.read import read_docx  # python-docx is imported only for a Word file

        try:
            return read_docx(data, path)
        except NotWord as exc:
            raise FileProblem(str(exc)) from None
    try:
        return Document.from_bytes(data, path)
    except DecodeError as exc:
        raise FileProblem(str(exc)) from None


def file_settings(path: str, overrides: Overrides, stdin_name: str | None = None) -> tuple[str, Config, Settings]:
    """(the path to report, the configuration, the settings) for one file. Raises a configuration error."""
    anchor = _anchor(path, stdin_name)
    config = config_for(anchor if anchor.is_absolute() else Path.cwd() / anchor, overrides)
    shown, settings = settings_in(config, path, overrides, stdin_name)
    return shown, config, settings


def settings_in(config: Config, path: str, overrides: Overrides, stdin_name: str | None = None) -> tuple[str, Settings]:
    """(the path to report, the settings) for one file whose configuration is already known."""
    anchor = _anchor(path, stdin_name)
    shown = stdin_name if path == "-" and stdin_name else path
    return shown, settings_for(config, overrides.select, overrides.ignore, config.ignored_for(anchor),
                               overrides.extend_select)


def _anchor(path: str, stdin_name: str | None) -> Path:
    """The path a file is configured by: its own, or for standard input the name given for it."""
    return Path(stdin_name if path == "-" and stdin_name else path)


def lint_path(path: str, overrides: Overrides, stdin_name: str | None = None) -> LintResult:
    """Lint one file with its own configuration. Raises FileProblem or a configuration error."""
    shown, _, settings = file_settings(path, overrides, stdin_name)
    document = read_document(path, stdin_name)
    return lint_text(document, settings, shown)


def forget_configuration() -> None:
    """Drop what this process memoised from configuration and pack files (the configurations,
    the rule sets, the term matcher, the sources' stamps), as a new run would, after one of
    them changed: `--watch` and the language server call it."""
    from termlint.rules import ruleset_cache
    from termlint.rules.terms import term_index

    for memo in (find_config, _explicit_config, settings_for, all_rules, term_index):
        memo.cache_clear()
    ruleset_cache.forget()
