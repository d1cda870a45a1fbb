"""The result cache: a hit prints what a fresh check prints; any change that matters is a miss."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from conftest import DATA, ROOT, SEED, settings

from termlint.cli.main import main
from termlint.run import cache as cache_module
from termlint.run import parallel
from termlint.run.cache import Cache, default_dir

FILES = 1 + len(list((DATA / "corpus").iterdir()))  # the seed and the corpus copies


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with drafts, its own cache folder, and the current directory inside it."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    shutil.copy(SEED, drafts / "seed.txt")
    for source in sorted((DATA / "corpus").iterdir()):
        shutil.copy(source, drafts / source.name)
    monkeypatch.setenv("TERMLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def fresh_process() -> None:
    """Forget what this process memoised (configurations, packs), as a new `termlint` run would."""
    from termlint.run import runner

    runner.forget_configuration()
    cache_module._packs_stamp.cache_clear()


def check(*args: str) -> tuple[int, str, str]:
    fresh_process()
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["check", "--jobs", "1", "--format", "concise", *args])
    return code, out.getvalue(), err.getvalue()


@pytest.fixture()
def engine_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count the files the engine really lints (a hit does not call it)."""
    calls: list[str] = []
    real = parallel.lint_text

    def counting(document, settings, path="<text>"):  # type: ignore[no-untyped-def]
        calls.append(document.path)
        return real(document, settings, path)

    monkeypatch.setattr(parallel, "lint_text", counting)
    return calls


def entries(project: Path) -> list[Path]:
    return [p for p in (project / "cache").rglob("*") if p.is_file() and p.parent.name != "cache"
            and not p.name.startswith(".tmp-")]


def test_a_hit_prints_exactly_what_a_fresh_check_prints(project: Path, engine_calls: list[str]):
    fresh = check("--no-cache", "drafts")
    assert len(engine_calls) == FILES and not (project / "cache").exists()
    engine_calls.clear()
    first = check("drafts")
    assert len(engine_calls) == FILES and len(entries(project)) == FILES
    engine_calls.clear()
    again = check("drafts")
    assert engine_calls == []  # every file was a hit
    assert fresh == first == again
    assert fresh[0] == 1 and "seed.txt:136:177: warning: PU001" in fresh[1]
    assert (project / "cache" / "CACHEDIR.TAG").is_file() and (project / "cache" / ".gitignore").is_file()


def test_show_source_and_json_from_the_cache(project: Path, engine_calls: list[str]):
    for option in ("--show-source", "--statistics"):
        fresh = check("--no-cache", "--format", "text", option, "drafts")
        check("drafts")
        engine_calls.clear()
        assert check("--format", "text", option, "drafts") == fresh
        assert engine_calls == []


def test_a_changed_file_is_checked_again(project: Path, engine_calls: list[str]):
    check("drafts")
    seed = project / "drafts" / "seed.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace(", ,", ","), encoding="utf-8")
    engine_calls.clear()
    code, out, _ = check("drafts")
    assert engine_calls == ["drafts/seed.txt"]
    assert "seed.txt:136:177: warning: PU001" not in out
    assert (code, out) == check("--no-cache", "drafts")[:2]


def test_a_renamed_file_is_a_hit_reported_under_its_new_name(project: Path, engine_calls: list[str]):
    check("drafts")
    (project / "drafts" / "seed.txt").rename(project / "drafts" / "renamed.txt")
    engine_calls.clear()
    code, out, _ = check("drafts")
    assert engine_calls == []
    assert "drafts/renamed.txt:136:177: warning: PU001" in out and "seed.txt" not in out


def test_a_configuration_change_is_a_miss(project: Path, engine_calls: list[str]):
    check("drafts")
    engine_calls.clear()
    config = project / "drafts" / "termlint.toml"
    config.write_text('ignore = ["PU001"]\n', encoding="utf-8")
    _, out, _ = check("drafts")
    assert len(engine_calls) == FILES and "PU001" not in out
    engine_calls.clear()
    config.write_text('severity = { PU001 = "error" }\n', encoding="utf-8")
    _, out, _ = check("drafts")
    assert len(engine_calls) == FILES and "PU001" in out
    assert check("--no-cache", "--format", "json", "drafts") == check("--format", "json", "drafts")
    assert '"severity": "error"' in check("--format", "json", "drafts")[1]


def test_a_changed_user_pack_is_a_miss(project: Path, engine_calls: list[str]):
    pack = project / "drafts" / "house.toml"
    rule = ('[pack]\nname = "house"\n[[rules]]\ncode = "HS901"\nname = "no-kyoto"\nkind = "pattern"\n'
            'category = "terminology"\nmessage = "say where"\npattern = \'{word}\'\n')
    pack.write_text(rule.format(word="Kyoto"), encoding="utf-8")
    (project / "drafts" / "termlint.toml").write_text('packs = ["house.toml"]\n', encoding="utf-8")
    assert "HS901" in check("drafts")[1]
    pack.write_text(rule.format(word="Nowhere-at-all"), encoding="utf-8")
    engine_calls.clear()
    assert "HS901" not in check("drafts")[1]
    assert len(engine_calls) == FILES


def test_another_termlint_version_is_a_miss(project: Path, engine_calls: list[str], monkeypatch: pytest.MonkeyPatch):
    check("drafts")
    monkeypatch.setattr(cache_module, "__version__", "99.0.0")
    engine_calls.clear()
    assert check("drafts")[1] == check("--no-cache", "drafts")[1]
    assert len(engine_calls) == 2 * FILES
    assert (project / "cache" / "99.0.0").is_dir()


def test_key_depends_on_bytes_settings_and_code():
    store = Cache(Path("unused"))
    data = SEED.read_bytes()
    every, some = settings(), settings(("PU001",))
    assert store.key(data, every) == store.key(data, every)
    assert store.key(data, every) != store.key(data + b" ", every)
    assert store.key(data, every) != store.key(data, some)
    assert store.key(data, every) != store.key(data, settings(PU001={"x": 1}))


@pytest.mark.parametrize("garbage", [b"", b"termlint-cache-1\n\x80\x04trunc", b"not a cache entry at all"])
def test_a_corrupt_entry_is_ignored_and_replaced(project: Path, engine_calls: list[str], garbage: bytes):
    fresh = check("drafts")
    for entry in entries(project):
        entry.write_bytes(garbage)
    engine_calls.clear()
    assert check("drafts") == fresh
    assert len(engine_calls) == FILES
    engine_calls.clear()
    assert check("drafts") == fresh and engine_calls == []  # rewritten whole


def test_an_entry_swapped_for_another_files_is_ignored(project: Path, engine_calls: list[str]):
    fresh = check("drafts")
    first, *others = sorted(entries(project))
    for other in others:
        shutil.copy(first, other)  # a valid entry, but stored under another key
    engine_calls.clear()
    assert check("drafts") == fresh
    assert len(engine_calls) == FILES - 1


def test_an_unwritable_cache_is_skipped(project: Path, monkeypatch: pytest.MonkeyPatch):
    blocker = project / "blocker"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("TERMLINT_CACHE_DIR", str(blocker / "cache"))
    assert check("drafts") == check("--no-cache", "drafts")


def test_two_runs_at_once_share_the_cache(project: Path):
    env = {**os.environ, "TERMLINT_CACHE_DIR": str(project / "cache"), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "termlint", "check", "--format", "concise", "--jobs", "1", "drafts"]
    fresh = subprocess.run([*command, "--no-cache"], capture_output=True, text=True, cwd=project, env=env)
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=project, env=env)
            for _ in range(3)]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert all(out == (fresh.stdout, fresh.stderr) for out in outputs)
    assert [run.returncode for run in runs] == [fresh.returncode] * 3
    again = subprocess.run(command, capture_output=True, text=True, cwd=project, env=env)
    assert (again.stdout, again.returncode) == (fresh.stdout, fresh.returncode)
    assert not [p for p in (project / "cache").rglob(".tmp-*")]  # no temporary file left behind


def test_parallel_runs_fill_and_read_the_cache(project: Path, engine_calls: list[str], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    fresh = check("--no-cache", "drafts")
    fresh_process()
    assert main(["check", "--jobs", "2", "--format", "concise", "drafts"]) == fresh[0]
    assert len(entries(project)) == FILES  # written by the workers
    engine_calls.clear()
    assert check("drafts") == fresh and engine_calls == []


def test_standard_input_is_not_cached(project: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Welcomes , , the report.\n")))
    assert check("-")[0] == 1
    assert not (project / "cache").exists()


def test_the_cache_lives_in_the_project_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("TERMLINT_CACHE_DIR", raising=False)
    (tmp_path / "pyproject.toml").write_text("[tool.termlint]\nselect = [\"PU\"]\n", encoding="utf-8")
    inner = tmp_path / "drafts" / "2024"
    inner.mkdir(parents=True)
    monkeypatch.chdir(inner)
    assert default_dir() == tmp_path.resolve() / ".termlint_cache"
    assert default_dir(tmp_path / "other" / "termlint.toml") == tmp_path.resolve() / "other" / ".termlint_cache"
    monkeypatch.setenv("TERMLINT_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert default_dir() == tmp_path / "elsewhere"


def test_the_code_stamp_covers_every_rule_module_and_the_dictionary():
    # after the layout move cache.py sits in termlint/run/: the stamp must still read the whole
    # package (an edited rule in termlint/rules/... changes findings) and the gzipped SCOWL words
    import os

    import termlint.rules.spelling.recognise as recognise
    from termlint.core.resources import data_dir
    from termlint.run.cache import code_stamp

    for path in (Path(recognise.__file__), data_dir("rules") / "dictionary" / "scowl-supplement.txt.gz"):
        info = os.stat(path)
        code_stamp.cache_clear()
        before = code_stamp()
        try:
            os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
            code_stamp.cache_clear()
            assert code_stamp() != before, path
        finally:
            os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
            code_stamp.cache_clear()
