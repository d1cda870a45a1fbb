"""The editor's settings for termlint, from initializationOptions or workspace/didChangeConfiguration.

    {"select": ["TM", "PU001"], "ignore": ["SP"], "failOn": "warning",
     "packs": ["/path/to/our-terms.toml"], "docsUrl": "https://example.org/rules/{code}",
     "debounce": 150}

Every key is optional; the settings may also be wrapped as {"termlint": {...}} (what VS Code and
most clients send for a section). select/ignore and packs add to what the termlint.toml or
pyproject.toml governing each document says, exactly as --select/--ignore do on the command line.
failOn is the editor's fail level: findings below it are published as hints (a faint mark, not
a problem); unset, every finding keeps its own severity, as `termlint check` prints them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from termlint.core.model import Severity

DEFAULT_DEBOUNCE_MS = 150  # a pause in typing; the re-lint itself takes ~0.1 s on a 30 KB draft
_KEYS = ("select", "ignore", "failOn", "packs", "docsUrl", "debounce")
_CLIENT_SIDE = ("path", "trace", "enable", "args")  # the editor's own keys in the same section


class OptionsError(ValueError):
    """Settings the server cannot use; the message names the key and the problem."""


@dataclass(frozen=True)
class ServerOptions:
    """The language server's settings, from the client's initialisation options and configuration."""
    select: tuple[str, ...] | None = None  # None: the configuration's select
    ignore: tuple[str, ...] = ()
    fail_on: Severity | None = None
    packs: tuple[Path, ...] = ()
    docs_url: str | None = None
    debounce: float = DEFAULT_DEBOUNCE_MS / 1000


def parse_options(raw: Any, base: Path | None = None) -> ServerOptions:
    """Validate the settings an editor sent. Relative pack paths are taken from `base` (the
    workspace root). Raises OptionsError naming the key."""
    if raw is None:
        return ServerOptions()
    if isinstance(raw, dict) and isinstance(raw.get("termlint"), dict):
        raw = raw["termlint"]
    if not isinstance(raw, dict):
        raise OptionsError(f"termlint settings must be an object, not {type(raw).__name__}")
    unknown = sorted(k for k in raw if k not in _KEYS and k not in _CLIENT_SIDE and k != "termlint")
    if unknown:
        raise OptionsError(f"unknown termlint setting {unknown[0]!r} (known: {', '.join(_KEYS)})")
    select = _codes(raw, "select") if raw.get("select") is not None else None
    fail_on = None
    if raw.get("failOn") is not None:
        try:
            fail_on = Severity.parse(str(raw["failOn"]))
        except ValueError as exc:
            raise OptionsError(f"failOn: {exc}") from None
    packs = tuple(_path(p, base) for p in _strings(raw, "packs"))
    docs_url = raw.get("docsUrl")
    if docs_url is not None and not isinstance(docs_url, str):
        raise OptionsError("docsUrl must be a string (a URL; {code} stands for the rule code)")
    debounce = raw.get("debounce", DEFAULT_DEBOUNCE_MS)
    if not isinstance(debounce, (int, float)) or isinstance(debounce, bool) or not 0 <= debounce <= 10_000:
        raise OptionsError("debounce must be a number of milliseconds from 0 to 10000")
    return ServerOptions(select, _codes(raw, "ignore"), fail_on, packs, docs_url or None, debounce / 1000)


def _strings(raw: dict[str, Any], key: str) -> list[str]:
    value = raw.get(key) or []
    if isinstance(value, str):  # "TM,CO" as on the command line
        value = [v for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise OptionsError(f"{key} must be a list of strings")
    return [v.strip() for v in value]


def _codes(raw: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(c.upper() for c in _strings(raw, key))


def _path(value: str, base: Path | None) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() or base is None else base / path
