"""What a plain `termlint check` of one draft imports: not what it does not use. A pre-commit hook
runs on every commit, and each of these cost milliseconds there (benchmarks/README.md)."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from termlint.cli.main import _parser
from tests.conftest import ROOT, SEED

NOT_NEEDED = (
    "lark",  # the grammar's tables are read from the cache (parse/lalr.py)
    "shutil", "zlib", "bz2", "lzma",  # argparse's own terminal width (cli/main._Formatter)
    "tempfile", "importlib.resources", "calendar", "pkgutil", "signal", "subprocess", "zipfile",
    "termlint.cli.annotate", "termlint.cli.commands", "termlint.cli.baseline", "termlint.engine.fix",
    "termlint.docx.read", "docx", "spellchecker", "jinja2",
    "inspect", "ast", "dis",  # dataclasses asks inspect only for classes without a docstring (core/codecache.py)
    "hashlib", "_hashlib",  # OpenSSL's start-up: cache keys are hashed by CPython's own code (core/digest.py)
)

SCRIPT = """
import json, os, sys
from termlint.cli.main import main
main(["check", "--no-cache", "--output-file", os.devnull, sys.argv[1]])
print(json.dumps(sorted(sys.modules)))
"""


def test_a_plain_check_of_a_draft_imports_nothing_it_does_not_use(tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path), "PATH": ""}
    run = [sys.executable, "-c", SCRIPT, str(SEED)]
    subprocess.run(run, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120, check=True)  # fills the caches
    done = subprocess.run(run, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120, check=True)
    imported = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert "termlint.rules.spelling.spelling" in imported  # the check did run every rule
    assert sorted(imported.intersection(NOT_NEEDED)) == []


def test_a_check_with_no_configuration_file_parses_no_toml(tmp_path: Path) -> None:
    # the bundled lists (lead phrases, calendars, house words) come from the start-up caches too
    draft = tmp_path / "drafts" / "draft.txt"
    draft.parent.mkdir()
    draft.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "PATH": "", "HOME": str(tmp_path)}
    run = [sys.executable, "-c", SCRIPT, str(draft)]
    subprocess.run(run, capture_output=True, text=True, cwd=draft.parent, env=env, timeout=120, check=True)
    done = subprocess.run(run, capture_output=True, text=True, cwd=draft.parent, env=env, timeout=120, check=True)
    imported = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert "termlint.rules.structure.parts" in imported and "termlint.rules.citations.calendars" in imported
    assert sorted(imported.intersection({"tomllib", "tomli"})) == []


def test_help_is_laid_out_as_argparse_lays_it_out_at_the_width_of_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    for columns in ("50", "120", "0", "wide"):  # 0 and nonsense: the terminal's width, else 80
        monkeypatch.setenv("COLUMNS", columns)
        parser, commands = _parser()
        for command in (parser, commands["check"], commands["server"]):
            ours = command.format_help()
            command.formatter_class = argparse.HelpFormatter  # asks shutil for the width
            assert ours == command.format_help() and "--help" in ours
