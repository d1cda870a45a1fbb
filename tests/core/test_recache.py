"""Patterns of the standard `re` module kept between runs (core/recache.py): rebuilt from the cache
exactly as Python compiles them, and never compiled again in the next run."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from re import _compiler  # type: ignore[attr-defined]

import _sre
import pytest

from termlint.core import recache
from tests.conftest import ROOT, SEED

ON_A_CHECKED_PYTHON = sys.version_info[:2] in recache.CHECKED


def termlint_patterns() -> list[tuple[str, int]]:
    """Every `re` pattern a check of the example draft compiles (termlint's, tomllib's, argparse's)."""
    seen: list[tuple[str, int]] = []
    script = ("import re, sys\nfrom re import _compiler\noriginal = _compiler.compile\n"
              "def spy(p, flags=0):\n    seen.append((p, int(flags)))\n    return original(p, flags)\n"
              "seen = []\n_compiler.compile = spy\n"
              "from termlint.core import recache\nrecache.install = lambda path=None: False\n"  # every pattern compiled
              "from termlint.cli.main import main\n"
              f"main(['check', '--no-cache', '--exit-zero', '--output-file', '/dev/null', {str(SEED)!r}])\n"
              "print(repr([s for s in seen if isinstance(s[0], str)]))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    seen = eval(done.stdout.strip().splitlines()[-1])  # noqa: S307 - our own child's repr of a list
    return seen


def test_every_pattern_a_run_compiles_is_rebuilt_exactly_as_python_compiles_it() -> None:
    if not ON_A_CHECKED_PYTHON:  # another Python is left alone
        assert not recache.install(Path("/nonexistent/re.marshal"))
        return
    patterns = termlint_patterns()
    assert len(patterns) > 50
    for pattern, flags in patterns:
        rebuilt = _sre.compile(*recache.parts(pattern, flags))
        assert rebuilt == _compiler.compile(pattern, flags), pattern  # equality compares the code too
        assert rebuilt.groupindex == re.compile(pattern, flags).groupindex


def test_a_pattern_compiled_once_is_read_back_in_the_next_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    recache.uninstall()
    store = tmp_path / "re.marshal"
    if not recache.install(store):
        assert not ON_A_CHECKED_PYTHON
        return
    pattern = r"(?P<symbol>[AES]/RES/\d+/\d+)\s+of\s+(?P<day>\d{1,2})"
    try:
        re.purge()
        first = re.compile(pattern, re.IGNORECASE)
        recache.save()
        recache.uninstall()
        assert store.is_file()

        compiled: list[str] = []
        monkeypatch.setattr(recache, "parts", lambda p, f: compiled.append(p))  # a new run must not compile
        assert recache.install(store)
        re.purge()
        again = re.compile(pattern, re.IGNORECASE)
        assert compiled == [] and again == first and again is not first
        match = again.search("see a/res/77/201 of 15 December")
        assert match and match.group("symbol", "day") == ("a/res/77/201", "15")
    finally:
        recache.uninstall()
        re.purge()


def test_a_damaged_cache_file_is_ignored_and_errors_are_the_compilers(tmp_path: Path) -> None:
    recache.uninstall()
    store = tmp_path / "re.marshal"
    store.write_bytes(b"\x00not marshal")
    try:
        if not recache.install(store):
            return
        re.purge()
        assert re.compile(r"a+b").fullmatch("aab")
        with pytest.raises(re.error, match="missing \\)"):
            re.compile(r"(unclosed")
    finally:
        recache.uninstall()
        re.purge()


def test_a_check_in_a_new_process_reads_the_file_the_first_one_wrote(tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path), "PATH": ""}
    args = [sys.executable, "-m", "termlint", "check", "--no-cache", "--format", "json", str(SEED)]
    first = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    files = list((tmp_path / "termlint").glob("re-*.marshal"))
    assert len(files) == (1 if ON_A_CHECKED_PYTHON else 0)
    second = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert first.returncode == second.returncode == 1 and first.stdout == second.stdout and '"code"' in first.stdout


def test_a_second_run_adds_no_pattern_whatever_its_hash_seed(tmp_path: Path) -> None:
    """Every pattern is spelt the same in every process: one built from a set in its iteration
    order (which the hash seed changes) was a new entry on every run, 2,466 of one file's 3,117."""
    if not ON_A_CHECKED_PYTHON:
        return
    import marshal

    def run(seed: str) -> set[tuple[str, int]]:
        env = {"XDG_CACHE_HOME": str(tmp_path), "PATH": "", "PYTHONHASHSEED": seed}
        args = [sys.executable, "-m", "termlint", "check", "--no-cache", str(SEED), str(ROOT / "examples")]
        subprocess.run(args, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
        (stored,) = (tmp_path / "termlint").glob("re-*.marshal")
        return set(marshal.loads(stored.read_bytes()))

    run("1")  # builds the rule set; the next run reads it from its pickle, which compiles its patterns anew
    second = run("2")
    assert len(second) > 50
    assert run("3") == second and run("4") == second


def test_a_pattern_made_from_a_documents_words_stays_out_of_the_file(tmp_path: Path) -> None:
    recache.uninstall()
    if not recache.install(tmp_path / "re.marshal"):
        return
    try:
        pattern = recache.compile_apart(r"fuelling(?![^\W\d_])")
        assert pattern.findall("fuelling, fuellings") == ["fuelling"]
        assert recache._swap.cache is not None and recache._swap.cache.new == {}
        assert re.compile(r"fuel+ing") and len(recache._swap.cache.new) == 1  # a pattern of the code is kept
    finally:
        recache.uninstall()
        re.purge()
