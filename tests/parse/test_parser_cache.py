"""The grammar's LALR tables kept in the user's cache (parse/lalr.py): used when present, rebuilt
when not or broken, and a run that finds them does not import Lark."""

from __future__ import annotations

import marshal
import subprocess
import sys

import pytest

from conftest import ROOT, SEED

SCRIPT = ("import sys; from termlint.parse.parser import parse; "
          "tree, _ = parse(open(sys.argv[1], encoding='utf-8').read()); "
          "print(sum(1 for c in tree.walk() if c.kind == 'operative'), 'lark' in sys.modules)")


def operatives(cache_home) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", SCRIPT, str(SEED)], capture_output=True, text=True,
                          cwd=ROOT, env={"XDG_CACHE_HOME": str(cache_home), "PATH": ""}, timeout=120)


@pytest.mark.parametrize("damage", [None, b"", b"not marshal\n", marshal.dumps([1, 2]), marshal.dumps({"states": {}})])
def test_the_cached_tables_parse_as_fresh_ones(tmp_path, damage):
    fresh = operatives(tmp_path)
    cached = list((tmp_path / "termlint").glob("lalr-*.marshal"))
    assert len(cached) == 1 and not list((tmp_path / "termlint").glob(".*tmp"))
    if damage is not None:
        cached[0].write_bytes(damage)
    again = operatives(tmp_path)
    assert fresh.returncode == again.returncode == 0 and again.stderr == ""
    count, fresh_imported_lark = fresh.stdout.split()
    assert int(count) > 20 and fresh_imported_lark == "True"  # the first run builds the tables with Lark
    # the second reads them from the cache without Lark, unless they were damaged
    assert again.stdout.split() == [count, "False" if damage is None else "True"]


def test_an_unwritable_cache_directory_still_parses(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    out = operatives(blocked)
    assert out.returncode == 0 and out.stderr == "" and int(out.stdout.split()[0]) > 20
