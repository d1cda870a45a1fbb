"""Configuration: `[tool.termlint]` in pyproject.toml or a termlint.toml, found upward from each file.

    [tool.termlint]                      # in termlint.toml: top level, no table header
    select = ["TM", "CO", "PU001"]       # code prefixes; default: every rule
    ignore = ["SP"]
    per-file-ignores = { "archive/*.md" = ["ST"] }
    severity = { CO101 = "error" }
    packs = ["style/our-terms.toml"]     # extra packs, relative to this file
    words = ["Kyoto", "INTERPOL"]        # extra words for the spelling check
    fail-on = "warning"                  # error | warning | info
    exclude = ["drafts/old/"]            # gitignore patterns, relative to this file
    respect-gitignore = true             # skip what .gitignore files name in a folder walk
    extensions = [".md", ".txt"]

    extend = "../termlint.toml"          # start from another configuration file (its keys, then these)

    [tool.termlint.options.HS200]        # per-rule options
    prefer = "internet"
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from termlint.core.errors import SetupError
from termlint.core.model import RuleMeta, Severity
from termlint.core.tomlfile import TomlError, loads, toml_error_line
from termlint.run.patterns import PatternError, matches, spec


class ConfigError(SetupError):
    """A configuration that cannot be used: names the file, key and line."""


_KEYS: dict[str, type | tuple[type, ...]] = {
    "select": list, "ignore": list, "extend-ignore": list, "per-file-ignores": dict, "severity": dict,
    "packs": list, "words": list, "fail-on": str, "exclude": list, "extensions": list, "options": dict,
    "respect-gitignore": bool, "extend": str,
}


@dataclass(frozen=True)
class Config:
    """The settings of `[tool.termlint]` or termlint.toml, as read from one file."""
    path: str | None = None  # the file it was read from
    root: Path = field(default_factory=Path.cwd)
    select: tuple[str, ...] = ()  # () = every rule
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    packs: tuple[Path, ...] = ()
    words: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    exclude: tuple[str, ...] = ()
    extensions: tuple[str, ...] = (".md", ".markdown", ".txt", ".docx")
    options: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()
    respect_gitignore: bool = True

    def ignored_for(self, path: Path) -> tuple[str, ...]:
        """Codes ignored for this file: `ignore` plus matching `per-file-ignores` (gitignore patterns)."""
        if not self.per_file_ignores:
            return self.ignore
        rel = _relative(path, self.root)
        extra = tuple(c for pattern, codes in self.per_file_ignores if matches((pattern,), rel) for c in codes)
        return self.ignore + extra

    def excludes(self, path: Path) -> bool:
        """True when an `exclude` pattern (gitignore semantics, relative to this file) names the file."""
        return bool(self.exclude) and matches(self.exclude, _relative(path, self.root))

    def options_dict(self) -> dict[str, dict[str, Any]]:
        return {code: dict(opts) for code, opts in self.options}


def real_path(path: Path) -> Path:
    """`path.resolve()`, remembered: a run over a tree asks for the same few thousand files several
    times (discovery, settings, exit status), and resolving costs a system call per component."""
    return _real_path(os.fspath(path), os.getcwd())  # the cwd is part of the key: tests change it


@lru_cache(maxsize=4096)
def _real_path(path: str, cwd: str) -> Path:
    absolute = Path(cwd, path)
    if absolute.name in ("", ".", "..") or os.path.islink(absolute):
        return absolute.resolve()
    return _real_folder(absolute.parent) / absolute.name


@lru_cache(maxsize=1024)
def _real_folder(folder: Path) -> Path:
    return folder.resolve()


def _relative(path: Path, root: Path) -> str:
    try:
        return real_path(path).relative_to(real_path(root)).as_posix()
    except (ValueError, OSError, RuntimeError):  # outside the root, or a symbolic link loop
        return path.as_posix()


@lru_cache(maxsize=256)
def find_config(directory: Path) -> Config:
    """The configuration that governs files in `directory` (the nearest one upward)."""
    for folder in (directory, *directory.parents):
        own = folder / "termlint.toml"
        if own.is_file():
            return load_config(own)
        project = folder / "pyproject.toml"
        if project.is_file():
            data = _read_toml(project)
            table = data.get("tool", {}).get("termlint")
            if table is not None:
                return from_table(table, project, "tool.termlint.")
    return Config()


def load_config(path: Path) -> Config:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        return from_table(data.get("tool", {}).get("termlint", {}), path, "tool.termlint.")
    return from_table(data, path, "")


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    try:
        return loads(text)
    except TomlError as exc:
        raise ConfigError(f"{path}:{toml_error_line(exc, text)}: invalid TOML: {exc}") from None


def _table_of(path: Path) -> tuple[dict[str, Any], str]:
    """The termlint table of a configuration file, and the prefix its keys are named with."""
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("termlint", {}), "tool.termlint."
    return data, ""


def _extended(table: dict[str, Any], path: Path, prefix: str, seen: tuple[Path, ...] = ()) -> dict[str, Any]:
    """`table` on top of the file its `extend` names (recursively): the base's keys, then this
    file's. Packs keep naming files relative to the configuration that lists them."""
    target = table["extend"]
    if not isinstance(target, str):
        raise ConfigError(f"{path}:{_line_of(path, 'extend')}: {prefix}extend: must be a path to a configuration file")
    base_path = (path.parent / target).resolve()
    if base_path in seen or base_path == path.resolve():
        chain = " -> ".join(str(p) for p in (*seen, path.resolve(), base_path))
        raise ConfigError(f"{path}:{_line_of(path, 'extend')}: {prefix}extend: a cycle ({chain})")
    if not base_path.is_file():
        raise ConfigError(f"{path}:{_line_of(path, 'extend')}: {prefix}extend: no such file {base_path}")
    base, base_prefix = _table_of(base_path)
    if "extend" in base:
        base = _extended(base, base_path, base_prefix, (*seen, path.resolve()))
    from_table({k: v for k, v in base.items() if k != "extend"}, base_path, base_prefix)  # its own errors, its lines
    if "packs" in base and "packs" not in table:
        base = {**base, "packs": [str((base_path.parent / p)) for p in base["packs"]]}
    return {**base, **{k: v for k, v in table.items() if k != "extend"}}


def from_table(table: Any, path: Path, prefix: str) -> Config:
    """Validate a configuration table; every error names the file, the key and its line."""
    if isinstance(table, dict) and "extend" in table:
        table = _extended(table, path, prefix)
    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{path}:{_line_of(path, key)}: {prefix}{key}: {problem}")

    if not isinstance(table, dict):
        raise ConfigError(f"{path}: {prefix.rstrip('.') or 'configuration'} must be a table")
    for key, value in table.items():
        if key not in _KEYS:
            raise fail(key, f"unknown key (known: {', '.join(sorted(_KEYS))})")
        if not isinstance(value, _KEYS[key]):
            raise fail(key, f"must be a {_KEYS[key].__name__}, not {type(value).__name__}")  # type: ignore[union-attr]
    for key in ("select", "ignore", "extend-ignore", "packs", "words", "exclude", "extensions"):
        if not all(isinstance(v, str) for v in table.get(key, [])):
            raise fail(key, "must be a list of strings")
    severity: list[tuple[str, Severity]] = []
    for code, level in table.get("severity", {}).items():
        try:
            severity.append((code.upper(), Severity.parse(str(level))))
        except ValueError as exc:
            raise fail("severity", str(exc)) from None
    pfi: list[tuple[str, tuple[str, ...]]] = []
    for pattern, codes in table.get("per-file-ignores", {}).items():
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise fail("per-file-ignores", f"{pattern!r} must map to a list of codes")
        pfi.append((pattern, tuple(c.upper() for c in codes)))
    options: list[tuple[str, tuple[tuple[str, Any], ...]]] = []
    for code, opts in table.get("options", {}).items():
        if not isinstance(opts, dict):
            raise fail("options", f"options.{code} must be a table")
        options.append((code.upper(), tuple(sorted((k, _frozen(v)) for k, v in opts.items()))))
    try:
        fail_on = Severity.parse(table.get("fail-on", "warning"))
    except ValueError as exc:
        raise fail("fail-on", str(exc)) from None
    for key, patterns in (("exclude", table.get("exclude", [])), ("per-file-ignores", [p for p, _ in pfi])):
        try:
            if patterns:  # pathspec is imported only when there are patterns
                spec(tuple(patterns))
        except PatternError as exc:
            raise fail(key, str(exc)) from None
    root = path.parent
    return Config(
        path=str(path), root=root,
        select=tuple(c.upper() for c in table.get("select", [])),
        ignore=tuple(c.upper() for c in table.get("ignore", []) + table.get("extend-ignore", [])),
        per_file_ignores=tuple(pfi), severity=tuple(severity),
        packs=tuple((root / p) for p in table.get("packs", [])),
        words=tuple(table.get("words", [])), fail_on=fail_on,
        exclude=tuple(table.get("exclude", [])),
        extensions=tuple(table.get("extensions", [".md", ".markdown", ".txt", ".docx"])),
        options=tuple(options), respect_gitignore=table.get("respect-gitignore", True),
    )


def _frozen(value: Any) -> Any:
    """Lists become tuples so that a Config can key a cache."""
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    return value


def check_options(config: Config, rules: Mapping[str, RuleMeta]) -> None:
    """Every `[tool.termlint.options.<CODE>]` names a rule that runs and options it declares, with
    values of their type; else a ConfigError naming the file, the key and its line."""
    where = Path(config.path) if config.path else None
    for code, opts in config.options:
        meta = rules.get(code)
        if meta is None:
            raise _option_error(where, code, None, f"there is no rule {code} (see `termlint rules`)")
        declared = {o.name: o for o in meta.options}
        for name, value in opts:
            option = declared.get(name)
            if option is None:
                known = f"its options: {', '.join(sorted(declared))}" if declared else "it takes no options"
                raise _option_error(where, code, name, f"{code} has no option {name!r} ({known})")
            problem = option.problem(value)
            if problem:
                raise _option_error(where, code, name, problem)


def _option_error(path: Path | None, code: str, name: str | None, problem: str) -> ConfigError:
    key = f"options.{code}" + (f".{name}" if name else "")
    if path is None:
        return ConfigError(f"{key}: {problem}")
    return ConfigError(f"{path}:{_option_line(path, code, name)}: {key}: {problem}")


def _option_line(path: Path, code: str, name: str | None) -> int:
    """The line of option `name` in the options table of `code` (its header when name is None)."""
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return 1
    header = regex.compile(rf"^\s*\[[^\]]*\boptions\.\"?{regex.escape(code)}\"?\s*\]", regex.IGNORECASE)
    start = next((i for i, line in enumerate(lines) if header.match(line)), None)
    if start is None:
        return _line_of(path, name or code)
    if name is not None:
        key = regex.compile(rf"^\s*\"?{regex.escape(name)}\"?\s*=")
        for i in range(start + 1, len(lines)):
            if lines[i].lstrip().startswith("["):
                break
            if key.match(lines[i]):
                return i + 1
    return start + 1


def _line_of(path: Path, key: str) -> int:
    """The line where `key` is set (tomllib does not report positions)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return 1
    m = regex.search(rf"(?m)^[ \t]*\"?{regex.escape(key)}\"?[ \t]*=|^[ \t]*\[[^\]\n]*\b{regex.escape(key)}\b", text)
    return text.count("\n", 0, m.start()) + 1 if m else 1
