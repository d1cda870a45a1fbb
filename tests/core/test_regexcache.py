"""Compiled patterns kept between runs: the same matches, compiled once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import regex
from regex import _main

from termlint.core import regexcache

from conftest import ROOT, SEED

PATTERN = r"(?<![\p{L}\p{N}_])child(?:[ \t\u00a0]++|\n)(?:pornography|prostitution)(?![\p{L}\p{N}_])"


@pytest.fixture()
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The patterns regex really compiles (not served from a cache)."""
    regexcache.uninstall()  # a command run earlier in this process may have installed it
    seen: list[str] = []
    real = _main._compile

    def counting(pattern, flags, *rest):  # type: ignore[no-untyped-def]
        seen.append(pattern)
        return real(pattern, flags, *rest)

    monkeypatch.setattr(_main, "_compile", counting)
    yield seen
    regexcache.uninstall()


def test_a_pattern_compiled_once_is_read_back_in_the_next_run(tmp_path: Path, compiles: list[str]):
    store = tmp_path / "regex.pickle"
    text = SEED.read_text(encoding="utf-8")
    assert regexcache.install(store)
    first = regex.compile(PATTERN, regex.IGNORECASE | regex.V1)
    assert compiles == [PATTERN]
    regexcache.save()
    assert store.is_file()
    regexcache.uninstall()

    compiles.clear()
    assert regexcache.install(store)  # a new run
    again = regex.compile(PATTERN, regex.IGNORECASE | regex.V1)
    assert compiles == []  # unpickled, not compiled
    assert again.pattern == first.pattern and again.flags == first.flags
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in first.finditer(text)]
    assert [m.span() for m in again.finditer(text)], "the seed speaks of child pornography"
    assert regex.compile(PATTERN, regex.IGNORECASE | regex.V1) is again  # and kept for the run
    other = regex.compile(PATTERN, regex.V1)  # other flags: another pattern
    assert compiles == [PATTERN] and other.flags != again.flags


def test_a_corrupt_cache_file_is_ignored_and_replaced(tmp_path: Path, compiles: list[str]):
    store = tmp_path / "regex.pickle"
    store.write_bytes(b"\x80\x05 torn")
    assert regexcache.install(store)
    assert regex.compile(PATTERN).search("a child  pornography case")
    regexcache.save()
    assert PATTERN in {key[0] for key in regexcache._read(store)}


def test_named_lists_and_bytes_are_left_to_regex(tmp_path: Path, compiles: list[str]):
    assert regexcache.install(tmp_path / "regex.pickle")
    assert regex.compile(r"\L<w>", w=["a", "b"]).match("b")
    assert regex.compile(rb"\d+").match(b"42")
    regexcache.save()
    assert not (tmp_path / "regex.pickle").exists()  # nothing cacheable was compiled


def test_the_command_line_fills_and_uses_the_cache(tmp_path: Path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "termlint", "check", "--no-cache", "--format", "concise", str(SEED)]
    first = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    stores = list((tmp_path / "termlint").glob("regex-*.pickle"))
    assert len(stores) == 1 and len(regexcache._read(stores[0])) > 50
    second = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert (second.returncode, second.stdout, second.stderr) == (first.returncode, first.stdout, first.stderr)
    assert "PU001" in first.stdout
