"""The parser tables Lark keeps in the user's cache: used when present, rebuilt when not or broken."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT, SEED

SCRIPT = ("import sys; from termlint.parse.parser import parse; "
          "tree, _ = parse(open(sys.argv[1], encoding='utf-8').read()); "
          "print(sum(1 for c in tree.walk() if c.kind == 'operative'))")


def operatives(cache_home) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", SCRIPT, str(SEED)], capture_output=True, text=True,
                          cwd=ROOT, env={"XDG_CACHE_HOME": str(cache_home), "PATH": ""}, timeout=120)


@pytest.mark.parametrize("damage", [None, b"", b"not a pickle\n", b"0" * 64 + b"\n\x80\x04trunc"])
def test_the_cached_parser_parses_as_a_fresh_one(tmp_path, damage):
    fresh = operatives(tmp_path)
    cached = list((tmp_path / "termlint").glob("lark-*.pickle"))
    assert len(cached) == 1 and not list((tmp_path / "termlint").glob(".*tmp"))
    if damage is not None:
        cached[0].write_bytes(damage)
    again = operatives(tmp_path)
    assert fresh.returncode == again.returncode == 0 and again.stderr == ""
    assert again.stdout == fresh.stdout and int(fresh.stdout) > 20


def test_an_unwritable_cache_directory_still_parses(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    out = operatives(blocked)
    assert out.returncode == 0 and out.stderr == "" and int(out.stdout) > 20
