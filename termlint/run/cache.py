"""A cache of lint results, so that a file that has not changed costs only a hash.

An entry is keyed by the file's bytes, the effective settings (selected rule codes,
severities, options, spelling words, the bytes of every pack that defines rules) and
termlint itself (its version and a stamp of its source files, so an edited rule in a
checkout never serves a stale result). The path is not part of the key: a renamed or
copied file is still a hit, and the diagnostics are re-labelled with the new path.

Where it lives, as with ruff: `TERMLINT_CACHE_DIR` when set, otherwise `.termlint_cache/`
in the project root (the folder of the configuration file governing the current
directory, or the current directory when there is none). One file per entry; writes go
to a temporary file renamed into place, so two runs sharing the cache never see half an
entry, and an entry that cannot be read (corrupt, truncated, from another termlint) is a
miss. A cache that cannot be written is silently skipped: it is only ever an optimisation.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from termlint import __version__
from termlint.core.digest import blake2b
from termlint.core.model import Diagnostic, Edit, Fix, Severity
from termlint.core.resources import data_dir
from termlint.core.scratch import scratch_file
from termlint.engine.lint import Settings
from termlint.run.config import ConfigError, find_config

ENV_VAR = "TERMLINT_CACHE_DIR"
DIR_NAME = ".termlint_cache"
# Entries are JSON, never pickle: the cache folder sits in the project, where anyone who can
# commit to a draft repository can put files, and unpickling a file runs code (SECURITY.md).
_MAGIC = b"termlint-cache-3\n"
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This directory holds termlint's result cache.\n"


@dataclass(frozen=True)
class Entry:
    """What a cache entry holds: everything of a LintResult but the document and rule metadata."""

    diagnostics: tuple[Diagnostic, ...]
    unused_directives: tuple[Diagnostic, ...]


def default_dir(config_file: str | Path | None = None) -> Path:
    """The cache folder: $TERMLINT_CACHE_DIR, else .termlint_cache beside the project's configuration.

    `config_file` is the configuration given with --config; without it, the one that governs
    the current directory (found upward), as ruff places .ruff_cache in the project root.
    """
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    if config_file is None:
        try:
            config_file = find_config(Path.cwd()).path
        except ConfigError:
            config_file = None  # reported when the files are checked
    root = Path(config_file).resolve().parent if config_file else Path.cwd()
    return root / DIR_NAME


# A diagnostic is stored as the list of its fields but the path (an entry serves any path that
# has these bytes): positional lists decode several times faster than one object per diagnostic.
_FIELDS = tuple(f.name for f in fields(Diagnostic) if f.name != "path")
_FIX, _SEVERITY, _EDITS = _FIELDS.index("fix"), _FIELDS.index("severity"), _FIELDS.index("edit_positions")


def _encode(key: str, entry: Entry) -> bytes:
    return json.dumps({"key": key, "fields": _FIELDS, "diagnostics": [_diagnostic_data(d) for d in entry.diagnostics],
                       "unused": [_diagnostic_data(d) for d in entry.unused_directives]},
                      separators=(",", ":")).encode("ascii")


def _decode(raw: bytes, path: str) -> tuple[str, Entry]:
    data = json.loads(raw)
    if tuple(data["fields"]) != _FIELDS:
        raise ValueError("an entry written by another version of termlint")
    return str(data["key"]), Entry(tuple(_diagnostic(d, path) for d in data["diagnostics"]),
                                   tuple(_diagnostic(d, path) for d in data["unused"]))


def _diagnostic_data(d: Diagnostic) -> list[Any]:
    values: list[Any] = [getattr(d, name) for name in _FIELDS]
    fix = values[_FIX]
    if fix is not None:
        values[_FIX] = [[[e.start, e.end, e.replacement] for e in fix.edits], fix.safe, fix.description]
    values[_SEVERITY] = int(values[_SEVERITY])
    return values


def _diagnostic(values: list[Any], path: str) -> Diagnostic:
    fix = values[_FIX]
    if fix is not None:
        edits, safe, description = fix
        values[_FIX] = Fix(tuple(Edit(int(a), int(b), str(r)) for a, b, r in edits), bool(safe), str(description))
    values[_SEVERITY] = Severity(values[_SEVERITY])
    values[_EDITS] = tuple(tuple(p) for p in values[_EDITS])
    return Diagnostic(path, *values)


class Cache:
    """Result entries in one folder, one file per entry under <version>/<2 hex>/."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._base = self.folder / __version__
        self._writable = True
        self._fingerprints: dict[int, tuple[Settings, bytes]] = {}

    def key(self, data: bytes, settings: Settings, packs: tuple[Path, ...] = ()) -> str:
        """The entry name for a file's bytes checked with `settings` (and the user packs it uses)."""
        return self.key_of(self.hasher(data), settings, packs)

    @staticmethod
    def hasher(data: bytes) -> Any:
        """The hash of a file's bytes, to which more may be added before `key_of` (a file's bytes
        and its suffix are hashed in turn: `data + suffix` would copy a large file once more)."""
        return blake2b(data, digest_size=20)

    def key_of(self, digest: Any, settings: Settings, packs: tuple[Path, ...] = ()) -> str:
        """The entry name: `digest` (from `hasher`) with the settings and packs added."""
        digest.update(self._fingerprint(settings, packs))
        return str(digest.hexdigest())

    def get(self, key: str, path: str) -> Entry | None:
        """The entry stored under `key`, its diagnostics placed in `path`; None on a miss."""
        try:
            raw = (self._base / key[:2] / key[2:]).read_bytes()
        except OSError:
            return None
        if not raw.startswith(_MAGIC):
            return None
        try:
            stored_key, entry = _decode(raw[len(_MAGIC):], path)
        except Exception:  # a torn or foreign entry is a miss, never an error
            return None
        return entry if stored_key == key else None

    def put(self, key: str, entry: Entry) -> None:
        if not self._writable:
            return
        folder = self._base / key[:2]
        try:
            if not folder.is_dir():
                self._prepare()
                folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = scratch_file(folder, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(_MAGIC + _encode(key, entry))
                os.replace(tmp, folder / key[2:])  # atomic: a reader sees the old entry or the new one
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            self._writable = False  # read-only checkout, full disk: lint on without the cache

    def _prepare(self) -> None:
        """Mark the folder as a cache (backup tools skip it, git ignores it), as ruff does."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", "# Created by termlint.\n*\n")):
            target = self.folder / name
            if not target.exists():
                with contextlib.suppress(OSError):
                    target.write_text(text, encoding="utf-8")

    def _fingerprint(self, settings: Settings, packs: tuple[Path, ...]) -> bytes:
        known = self._fingerprints.get(id(settings))
        if known is not None and known[0] is settings:
            return known[1] + _packs_stamp(packs)
        stamp = settings_stamp(settings)
        self._fingerprints[id(settings)] = (settings, stamp)  # holding `settings` keeps its id unique
        return stamp + _packs_stamp(packs)


def settings_stamp(settings: Settings) -> bytes:
    """What, besides the file's bytes, decides the findings: rules, severities, options, words, termlint."""
    parts: list[Any] = [
        __version__, sys.version_info[:2], code_stamp(),
        tuple(rule.meta.code for rule in settings.rules),
        sorted((code, int(level)) for code, level in settings.severities.items()),
        sorted((code, repr(sorted(opts.items()))) for code, opts in settings.options.items()),
        sorted(settings.words), settings.parse_rule_enabled,
    ]
    return blake2b(repr(parts).encode("utf-8"), digest_size=20).digest()


@lru_cache(maxsize=64)
def _packs_stamp(packs: tuple[Path, ...]) -> bytes:
    """The bytes of the user's packs (bundled packs are covered by `code_stamp`)."""
    digest = blake2b(digest_size=20)
    for path in packs:
        digest.update(str(path).encode("utf-8", "surrogateescape"))
        with contextlib.suppress(OSError):
            digest.update(blake2b(Path(path).read_bytes()).digest())
    return digest.digest()


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """Size and modification time of termlint's code and bundled data: changes when a rule does."""
    package = Path(__file__).resolve().parent.parent  # the whole package, not only run/ (this file's folder)
    entries: list[str] = []
    for top in (package, data_dir("rules"), data_dir("grammar")):
        for folder, dirs, files in os.walk(top):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".py", ".toml", ".lark", ".txt", ".json", ".gz")):
                    with contextlib.suppress(OSError):
                        info = os.stat(os.path.join(folder, name))
                        entries.append(f"{folder}/{name}:{info.st_size}:{info.st_mtime_ns}")
    return blake2b("\n".join(entries).encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
