"""One large file: time per MB does not grow with its size, and its peak memory stays bounded.

The files are one draft of about 1, 3, 9 and 10 MB (benchmarks/corpus.py's `large_draft`: the
example draft's front matter, then its recitals and operative paragraphs and those of the drafts
of its style, drawn again and again with their citations varied, numbered on to the end; the
limit for one file is 10 MB): time is compared at 1, 3 and 9 MB, memory read at 10 MB. Each is checked by `termlint check` in a fresh process, after a small draft
has loaded the rules, dictionaries and patterns, so the CPU time measured is that of the file
itself. Ratios, not seconds: the machine's speed cancels out, and the bound is generous (code
that is quadratic anywhere takes 3x and 9x as long per MB at 3 and 9 MB).
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, SEED

_spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "benchmarks" / "corpus.py")
assert _spec and _spec.loader
corpus = importlib.util.module_from_spec(_spec)
sys.modules["bench_corpus"] = corpus  # dataclasses look their module up there
_spec.loader.exec_module(corpus)

PEAK_LIMIT_MB = 150  # issue 17: one 10 MB file checked in at most 150 MB (~143 MB for this 10.2 MB draft; 151 MB for
# the 9.1 MB one before its views were let go after the rules and its clause, masked and lowered texts stopped
# being kept, 193 MB before that, 357 MB before the word view)
GROWTH_LIMIT = 1.5  # CPU per MB at 3 and 9 MB over that at 1 MB

# Run in the child: the small draft first (start-up and lazy loading), then the large file, timed.
_CHILD = """
import json, os, resource, sys, time
from termlint.cli.main import main
args = ["check", "--no-cache", "--jobs", "1", "--exit-zero", "--format", "json", "--output-file", os.devnull]
main([*args, sys.argv[1]])
start = time.process_time()
main([*args, sys.argv[2]])
cpu = time.process_time() - start
# VmHWM is this process's own peak; ru_maxrss would also count the forking parent's (Linux keeps it
# across exec), and pytest may be larger than the check.
try:
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"cpu": cpu, "peak_mb": peak / 1024}))
"""


def check_in_child(path: Path) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-c", _CHILD, str(SEED), str(path)], capture_output=True, text=True,
                          timeout=600, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[Path, dict[str, Any]]]:
    """Each size's file and what checking it cost (1 MB twice, the cheaper kept: a start-up hiccup
    there would make the larger files look better than they are, never worse)."""
    folder = tmp_path_factory.mktemp("large")
    out = {}
    for mb in (1, 3, 9, 10):
        text, suffix = corpus.large_draft(mb)
        path = folder / f"draft-{mb}MB{suffix}"
        path.write_text(text, encoding="utf-8")
        runs = [check_in_child(path) for _ in range(2 if mb == 1 else 1)]
        out[mb] = path, min(runs, key=lambda r: r["cpu"])
    return out


def test_the_files_are_real_drafts_of_the_sizes_asked(large: dict[int, tuple[Path, dict[str, Any]]]) -> None:
    for mb, (path, _) in large.items():
        size = path.stat().st_size / 1e6
        assert mb <= size < mb * 1.05
        text = path.read_text(encoding="utf-8")
        assert "The Commission on Crime Prevention and Criminal Justice" in text
        assert text.count("\n\n") > mb * 1000  # paragraphs, not one long line
    assert corpus.large_draft(1) == corpus.large_draft(1)  # the same bytes each time


def test_cpu_per_mb_does_not_grow_with_the_size_of_one_file(large: dict[int, tuple[Path, dict[str, Any]]]) -> None:
    per_mb = {mb: figures["cpu"] / (path.stat().st_size / 1e6) for mb, (path, figures) in large.items()}
    assert per_mb[3] <= GROWTH_LIMIT * per_mb[1], per_mb
    assert per_mb[9] <= GROWTH_LIMIT * per_mb[1], per_mb


def test_peak_memory_of_a_10_mb_file(large: dict[int, tuple[Path, dict[str, Any]]]) -> None:
    path, figures = large[10]
    assert path.stat().st_size > 10e6
    assert figures["peak_mb"] <= PEAK_LIMIT_MB, f"{figures['peak_mb']:.0f} MB for {path.stat().st_size / 1e6:.1f} MB"
