"""The built rule set is kept between runs (rules/ruleset_cache.py) and never goes stale."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from termlint.rules import ruleset_cache

from conftest import ROOT

RULES_OF = ("import sys, json; from termlint.rules.registry import all_rules; "
            "from pathlib import Path; packs = tuple(Path(p) for p in sys.argv[1:]); "
            "print(json.dumps([[r.meta.code, r.meta.summary] for r in all_rules(packs)]))")


def rules_in_new_process(env: dict[str, str], *packs: Path) -> str:
    done = subprocess.run([sys.executable, "-c", RULES_OF, *map(str, packs)], env=env, capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture()
def env(tmp_path: Path) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if k != "TERMLINT_NO_RULE_CACHE"}
    return {**environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}


def test_a_second_run_reads_the_rules_built_by_the_first(env: dict[str, str], tmp_path: Path) -> None:
    built = rules_in_new_process(env)
    (stored,) = (tmp_path / "cache" / "termlint").glob("rules-*.pickle")
    assert rules_in_new_process(env) == built
    fresh = rules_in_new_process({**env, "TERMLINT_NO_RULE_CACHE": "1"})
    assert fresh == built
    assert [r.meta.code for r in pickle.loads(stored.read_bytes())] == [c for c, _ in __import__("json").loads(built)]


def test_a_changed_user_pack_is_read_again(env: dict[str, str], tmp_path: Path) -> None:
    pack = tmp_path / "ours.toml"
    rule = ('[pack]\nname = "ours"\n\n[[rules]]\ncode = "US001"\nname = "x"\nkind = "pattern"\n'
            'category = "punctuation"\nmessage = "{}"\npattern = "x"\n')
    pack.write_text(rule.format("first wording"), encoding="utf-8")
    assert "first wording" in rules_in_new_process(env, pack)
    pack.write_text(rule.format("second wording, longer"), encoding="utf-8")
    assert "second wording, longer" in rules_in_new_process(env, pack)


def test_an_unreadable_cache_file_means_building_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("TERMLINT_NO_RULE_CACHE", raising=False)
    key = ruleset_cache._key(())
    folder = tmp_path / "termlint"
    folder.mkdir()
    (folder / f"rules-{key}.pickle").write_bytes(b"not a pickle")
    built = ruleset_cache.cached_rules((), lambda: ("rule",))
    assert built == ("rule",)
    assert pickle.loads((folder / f"rules-{key}.pickle").read_bytes()) == ("rule",)


def test_a_new_rule_set_leaves_only_the_newest_few_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pack edited many times a day makes a new key each time: the old files do not pile up."""
    folder = tmp_path / "termlint"
    folder.mkdir()
    for i in range(20):
        old = folder / f"rules-old{i:02d}.pickle"
        old.write_bytes(pickle.dumps(("stale",)))
        os.utime(old, ns=(i * 10**9, i * 10**9))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("TERMLINT_NO_RULE_CACHE", raising=False)
    assert ruleset_cache.cached("rules", (), lambda: ("built",), tuple) == ("built",)
    kept = sorted(p.name for p in folder.glob("rules-*.pickle"))
    assert len(kept) == ruleset_cache.KEEP and not any(n.startswith("rules-old0") for n in kept)
    assert [n for n in kept if not n.startswith("rules-old")]  # the new one is among them
