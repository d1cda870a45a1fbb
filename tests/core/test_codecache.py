"""Dataclass methods served from the code cache: the same classes, without compiling them again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROBE = r'''
import dataclasses, sys
from termlint.core import codecache
codecache.install()

@dataclasses.dataclass(frozen=True)
class Span:
    start: int
    end: int = 0
    tags: tuple[str, ...] = ()

@dataclasses.dataclass(order=True)
class Mark:
    at: int
    note: str = dataclasses.field(default="", compare=False)

span = Span(3, 5, ("a",))
assert span == Span(3, 5, ("a",)) and span != Span(3, 6) and hash(span) == hash(Span(3, 5, ("a",)))
assert repr(span) == "Span(start=3, end=5, tags=('a',))"
try:
    span.start = 4
except dataclasses.FrozenInstanceError:
    pass
else:
    raise AssertionError("a frozen dataclass took an assignment")
assert sorted([Mark(2, "b"), Mark(1, "a")]) == [Mark(1), Mark(2)]
import termlint.cli.main, termlint.run.runner, termlint.engine.lint  # the command line's own classes
print(codecache.compiled_this_run())
'''


def _probe(cache: Path) -> int:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, check=True)
    return int(done.stdout.strip())


def test_a_second_run_compiles_nothing_and_its_classes_behave_the_same(tmp_path: Path) -> None:
    first = _probe(tmp_path)
    assert first > 100  # termlint's dataclasses and the probe's: each method compiled once
    assert list((tmp_path / "termlint").glob("dataclass-code-*.marshal"))
    assert _probe(tmp_path) == 0  # every method found in the file; the asserts above ran again


def test_a_torn_cache_file_means_compiling_as_before(tmp_path: Path) -> None:
    _probe(tmp_path)
    (cache_file,) = (tmp_path / "termlint").glob("dataclass-code-*.marshal")
    cache_file.write_bytes(cache_file.read_bytes()[:100])
    assert _probe(tmp_path) > 100
    assert _probe(tmp_path) == 0  # and the file is whole again


STAND_IN = r'''
import sys, types
from termlint.core import codecache
codecache.install()
import dataclasses
assert "inspect" not in sys.modules  # dataclasses has a stand-in

@dataclasses.dataclass
class Undocumented:
    size: int
    name: str = ""

# the stand-in imported the real inspect to write the docstring, as dataclasses does without us
assert Undocumented.__doc__ == "Undocumented(size: int, name: str = '')", Undocumented.__doc__
assert type(sys.modules["inspect"]) is types.ModuleType and sys.modules["inspect"].signature
# the methods' annotations are the types, as exec gives them (not this module's future strings)
assert Undocumented.__init__.__annotations__ == {"size": int, "name": str, "return": None}
print("ok")
'''


def test_inspect_is_imported_only_when_a_class_without_a_docstring_needs_one(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    for _ in range(2):  # compiled, then from the cache file
        done = subprocess.run([sys.executable, "-c", STAND_IN], capture_output=True, text=True, env=env)
        assert done.stdout.strip() == "ok", done.stderr


def test_every_termlint_dataclass_has_a_docstring() -> None:
    """Else dataclasses writes one with inspect.signature, and a check imports inspect for it."""
    import ast

    from tests.conftest import ROOT

    missing = []
    for path in sorted((ROOT / "termlint").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                    "dataclass" in ast.unparse(d) for d in node.decorator_list) and ast.get_docstring(node) is None:
                missing.append(f"{path.relative_to(ROOT)}: {node.name}")
    assert missing == []
