"""--jobs: several processes give exactly the output of one, in the same order."""

from __future__ import annotations

import io
import os
import pickle
import shutil
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from termlint.run import parallel
from termlint.cli.main import main
from termlint.engine.lint import lint_text
from termlint.run.parallel import Job, default_jobs, lint_files
from termlint.run.runner import Overrides, discover
from termlint.text import words

from conftest import DATA, SEED, settings

# Slips a drafter leaves, put into copies of real texts so every file has findings.
SLIPS = ((", ", ", , "), (" the ", " the the "), ("; ", " ; "))


@pytest.fixture()
def drafts(tmp_path: Path) -> Path:
    """A folder of drafts: the seed, the corpus texts, variants with slips, and two unreadable files."""
    folder = tmp_path / "drafts"
    (folder / "b").mkdir(parents=True)
    shutil.copy(SEED, folder / "seed.txt")
    for i, source in enumerate(sorted((DATA / "corpus").iterdir())):
        text = source.read_text(encoding="utf-8")
        (folder / source.name).write_text(text, encoding="utf-8")
        old, new = SLIPS[i % len(SLIPS)]
        (folder / "b" / f"slipped-{source.name}").write_text(text.replace(old, new, 3), encoding="utf-8")
    (folder / "b" / "binary.txt").write_bytes(b"\x00\x01 not a draft")
    (folder / "latin1.md").write_bytes("r\xe9solution".encode("latin-1"))
    return folder


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture()
def always_parallel(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Use worker processes even for a small folder; record how many were asked for."""
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    used: list[int] = []
    real = parallel._in_workers

    def spy(paths, job, jobs):  # type: ignore[no-untyped-def]
        used.append(jobs)
        return real(paths, job, jobs)

    monkeypatch.setattr(parallel, "_in_workers", spy)
    return used


@pytest.mark.parametrize("fmt", ["text", "json", "concise"])
def test_two_jobs_print_exactly_what_one_prints(drafts: Path, always_parallel: list[int], fmt: str):
    one = run_cli("check", "--no-cache", "--jobs", "1", "--format", fmt, str(drafts))
    assert always_parallel == []
    two = run_cli("check", "--no-cache", "--jobs", "2", "--format", fmt, str(drafts))
    assert always_parallel == [2]
    assert one == two
    code, out, err = one
    assert code == 2  # the binary and Latin-1 files cannot be checked
    assert "binary.txt: binary file" in err and "latin1.md: invalid UTF-8" in err
    if fmt == "concise":
        paths = [line.split(":")[0] for line in out.splitlines()]
        assert paths == sorted(paths)  # discovery order, whichever process linted each file
        assert any("slipped-" in p for p in paths) and any(p.endswith("seed.txt") for p in paths)


@pytest.mark.parametrize("option", ["--show-source", "--statistics"])
def test_show_source_and_statistics_survive_the_workers(drafts: Path, always_parallel: list[int], option: str):
    one = run_cli("check", "--no-cache", "--jobs", "1", option, str(drafts))
    two = run_cli("check", "--no-cache", "--jobs", "2", option, str(drafts))
    assert always_parallel == [2]
    assert one == two
    if option == "--show-source":
        assert " | " in one[1]  # the source lines are there, so the text came back from the workers
    else:
        assert "PU003" in one[1]


def test_workers_return_the_results_of_the_engine(drafts: Path, always_parallel: list[int]):
    found = list(discover([str(drafts)], Overrides()))
    here = [o for o in lint_files(found, Job(Overrides()), jobs=1)]
    there = [o for o in lint_files(found, Job(Overrides()), jobs=2)]
    assert always_parallel == [2]
    assert [o.path for o in here] == [o.path for o in there] == [p for p, _ in found]
    assert [o.problem for o in here] == [o.problem for o in there]
    for a, b in zip(here, there):
        if a.result is None:
            continue
        assert a.result.diagnostics == b.result.diagnostics
        assert a.result.unused_directives == b.result.unused_directives
        assert a.result.rules == b.result.rules and "PU001" in a.result.rules
        direct = lint_text(SEED.read_text(encoding="utf-8"), settings(), a.path) if a.path.endswith("seed.txt") else None
        if direct is not None:
            assert [(d.code, d.line, d.column) for d in a.result.diagnostics] == \
                   [(d.code, d.line, d.column) for d in direct.diagnostics]


def test_results_keep_no_text_unless_asked(drafts: Path):
    found = [(str(drafts / "seed.txt"), None)]
    (lean,) = lint_files(found, Job(Overrides()), jobs=1)
    (full,) = lint_files(found, Job(Overrides(), keep_text=True), jobs=1)
    assert lean.result.document.text == "" and lean.result.document.path == str(drafts / "seed.txt")
    assert full.result.document.text == SEED.read_text(encoding="utf-8")
    assert lean.result.diagnostics == full.result.diagnostics


def test_a_checked_text_leaves_no_word_view_behind(drafts: Path):
    (full,) = lint_files([(str(drafts / "seed.txt"), None)], Job(Overrides(), keep_text=True), jobs=1)
    text = full.result.document.text
    assert text and full.result.diagnostics
    assert all(view.text is not text for view in words._RECENT)  # its lowered text and offsets went with it


def test_results_pickle_whole():
    result = lint_text(SEED.read_text(encoding="utf-8"), settings(), "seed.txt")
    fixed = [d for d in result.diagnostics if d.fix is not None]
    assert fixed, "the seed's doubled comma carries a fix"
    back = pickle.loads(pickle.dumps(result))
    assert back.diagnostics == result.diagnostics and back.document == result.document
    assert back.diagnostics[result.diagnostics.index(fixed[0])].fix == fixed[0].fix


def test_one_small_file_stays_in_this_process(drafts: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(parallel, "_in_workers", lambda *a: pytest.fail("started workers for one draft"))
    code, out, _ = run_cli("check", "--no-cache", "--jobs", "2", str(drafts / "seed.txt"))
    assert code == 1 and "PU001" in out


def test_standard_input_is_read_here(drafts: Path, monkeypatch: pytest.MonkeyPatch, always_parallel: list[int]):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Welcomes , , the report.\n")))
    code, out, _ = run_cli("check", "--no-cache", "--jobs", "2", "--format", "concise", "-", str(drafts / "seed.txt"))
    assert always_parallel == []
    assert out.splitlines()[0].startswith("<stdin>:1:")


def test_jobs_must_be_a_positive_number():
    assert run_cli("check", "--jobs", "0", str(SEED))[0] == 2
    assert run_cli("check", "--jobs", "many", str(SEED))[0] == 2
    assert default_jobs() >= 1
    assert default_jobs() <= (os.cpu_count() or 1)
