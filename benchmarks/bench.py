"""termlint's benchmark: throughput, memory and start-up of `termlint check`, as a user runs it.

    .venv/bin/python benchmarks/bench.py                  # 1, 10 and 100 MB (a few minutes)
    .venv/bin/python benchmarks/bench.py --sizes 1,10     # a quick run
    .venv/bin/python benchmarks/bench.py --sizes 1 --profile-rules

It generates a deterministic corpus of ~30 KB drafts under bench-corpus/ (git-ignored; see
corpus.py), runs `termlint check` with every default rule over it as a subprocess, and
prints MB/s, files/s, wall time and peak memory for one process and for every core, the
time of a warm cached re-run, and the cold time of one draft (median of fresh processes).
Each figure is printed beside its target. When proselint or textlint are installed (by
benchmarks/peers/install.sh, or on the PATH), they run on the same corpus and the same draft
and the ratio is printed (peerbench.py; --no-peers skips them).
Performance is measured here, never asserted by a timed unit test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import ROOT, corpus_size, generate  # noqa: E402
from measure import Run, line, run, tail  # noqa: E402
from peerbench import TERMLINT_FINDING, Peer, Row, compare_cold, compare_corpus, count, describe, find_peers  # noqa: E402

CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def termlint_command() -> list[str]:
    script = Path(sys.executable).parent / "termlint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "termlint"]


def check(target: Path, *options: str, cache_dir: Path | None = None) -> Run:
    env = dict(os.environ)
    env.pop("TERMLINT_CACHE_DIR", None)
    if cache_dir is not None:
        env["TERMLINT_CACHE_DIR"] = str(cache_dir)
    cmd = [*termlint_command(), "check", "--exit-zero", "--format", "concise", *options, str(target)]
    result = run(cmd, env=env)
    if result.code not in (0, 1):
        print(f"  ! termlint exited {result.code}: {tail(result)}")
    return result


def bench_size(folder: Path, size_mb: int, jobs: list[int], figures: dict[str, float], peers: list[Peer]) -> None:
    nbytes, nfiles = corpus_size(folder)
    mb = nbytes / 1e6
    print(f"\n{size_mb} MB corpus: {nfiles} files, {mb:.1f} MB  ({folder.relative_to(ROOT)})")
    check(folder, "--jobs", "1", "--no-cache")  # warm the page cache and Python's bytecode
    outputs: dict[int, bytes] = {}
    runs: dict[int, Run] = {}
    for n in jobs:
        r = check(folder, "--jobs", str(n), "--no-cache")
        outputs[n], runs[n] = r.output, r
        figures[f"{size_mb}:jobs{n}:wall"] = r.wall
        figures[f"{size_mb}:jobs{n}:mbs"] = mb / r.wall
        figures[f"{size_mb}:jobs{n}:peak"] = r.peak_kb / 1024
        findings = count(TERMLINT_FINDING, r)  # concise output: one line per finding, no summary
        line(f"--jobs {n}: throughput", f"{mb / r.wall:6.2f} MB/s {nfiles / r.wall:7.1f} files/s",
             "target >= 5 MB/s (10 MB, --jobs 1)" if n == 1 and size_mb == 10 else "",
             mb / r.wall >= 5 if n == 1 and size_mb == 10 else None)
        line(f"--jobs {n}: wall time, CPU time", f"{r.wall:8.2f} s {r.cpu:8.2f} s")
        line(f"--jobs {n}: MB per CPU second", f"{mb / r.cpu:8.2f}")
        line(f"--jobs {n}: peak memory (one process)", f"{r.peak_kb / 1024:8.1f} MB",
             "target <= 150 MB (100 MB)" if size_mb == 100 else "",
             r.peak_kb / 1024 <= 150 if size_mb == 100 else None)
        if n > 1:
            line(f"--jobs {n}: peak memory (all processes)", f"{r.total_peak_kb / 1024:8.1f} MB")
        line(f"--jobs {n}: findings", f"{findings:8d}")
    if 1 in outputs:
        for n in jobs:
            if n != 1:
                speedup = figures[f"{size_mb}:jobs{n}:mbs"] / figures[f"{size_mb}:jobs1:mbs"]
                line(f"--jobs {n} vs --jobs 1", f"{speedup:8.2f}x",
                     "target >= 1.7x (--jobs 2, 10 MB)" if n == 2 and size_mb == 10 else "",
                     speedup >= 1.7 if n == 2 and size_mb == 10 else None)
                line(f"--jobs {n} output identical to --jobs 1", "yes" if outputs[n] == outputs[1] else "NO")
    with tempfile.TemporaryDirectory(prefix="termlint-bench-cache-") as cache:
        fill = check(folder, "--jobs", str(max(jobs)), cache_dir=Path(cache))
        warm = check(folder, "--jobs", str(max(jobs)), cache_dir=Path(cache))
        figures[f"{size_mb}:warm"] = warm.wall
        line("cache: first run (fills it)", f"{fill.wall:8.2f} s")
        line("cache: warm re-run", f"{warm.wall:8.2f} s", "target < 2 s (100 MB)" if size_mb == 100 else "",
             warm.wall < 2 if size_mb == 100 else None)
        line("cache: warm output identical", "yes" if warm.output == outputs.get(max(jobs), warm.output) else "NO")
    if peers:
        peers_on_corpus(peers, folder, mb, runs.get(1) or check(folder, "--jobs", "1", "--no-cache"))


def peers_on_corpus(peers: list[Peer], folder: Path, mb: float, ours: Run) -> None:
    """The peers over the same files, beside termlint with every rule and with the Luxembourg terms only."""
    same = check(folder, "--jobs", "1", "--no-cache", "--select", "TM1")
    files = sorted(p for p in folder.rglob("draft-*") if p.is_file())
    compare_corpus(peers, files, mb, Row("termlint --jobs 1", "every default rule", ours, count(TERMLINT_FINDING, ours)),
                   Row("termlint --select TM1", "Luxembourg terms", same, count(TERMLINT_FINDING, same)))


def cold_draft(folder: Path, repeat: int, figures: dict[str, float], peers: list[Peer]) -> None:
    drafts = sorted(folder.rglob("draft-*"), key=lambda p: abs(p.stat().st_size - 30_000))
    draft = drafts[0]
    check(draft, "--no-cache")
    runs = [check(draft, "--no-cache") for _ in range(repeat)]
    times = sorted(r.wall for r in runs)
    median = statistics.median(times)
    figures["cold"] = median
    print(f"\nOne draft, cold process ({draft.name}, {draft.stat().st_size / 1000:.0f} KB, {repeat} runs)")
    line("median wall time", f"{median:8.3f} s", "target <= 0.25 s", median <= 0.25)
    line("fastest / slowest", f"{times[0]:.3f} / {times[-1]:.3f} s")
    # CPU time does not grow when other programs load the machine; wall time does.
    line("median CPU time (user + system)", f"{statistics.median(r.cpu for r in runs):8.3f} s")
    seed = ROOT / "examples" / "draft-2022-child-protection.txt"
    seed_times = sorted(check(seed, "--no-cache").wall for _ in range(repeat))
    line("median wall time, the seed draft", f"{statistics.median(seed_times):8.3f} s")
    compare_cold(peers, draft, repeat, runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,10,100", help="corpus sizes in MB, comma-separated")
    parser.add_argument("--jobs", default=f"1,{CORES}", help="--jobs values to measure (default: 1 and every core)")
    parser.add_argument("--repeat", type=int, default=11, help="fresh processes for the cold-start figure")
    parser.add_argument("--profile-rules", action="store_true", help="time each rule in-process (profile_rules.py)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-corpus", help="where the corpus is generated")
    parser.add_argument("--no-peers", action="store_true", help="do not run proselint and textlint")
    ns = parser.parse_args(argv)
    sizes = [int(s) for s in ns.sizes.split(",") if s.strip()]
    jobs = sorted({int(j) for j in ns.jobs.split(",") if j.strip()})
    print(f"termlint benchmark: {CORES} cores, Python {sys.version.split()[0]}, {' '.join(termlint_command())}")
    peers = [] if ns.no_peers else find_peers()
    print(f"peers: {describe(peers)}")
    figures: dict[str, float] = {}
    folders = {size: generate(ns.out, size) for size in sizes}
    cold_draft(folders[min(sizes)], ns.repeat, figures, peers)
    for size in sizes:
        bench_size(folders[size], size, jobs, figures, peers)
    if 10 in sizes and 100 in sizes:
        ratio = figures["100:jobs1:wall"] / figures["10:jobs1:wall"]
        print("\nScaling")
        line("time(100 MB) / time(10 MB), --jobs 1", f"{ratio:8.2f}", "target <= 11", ratio <= 11)
        growth = figures["100:jobs1:peak"] / figures["10:jobs1:peak"]
        line("peak memory(100 MB) / (10 MB)", f"{growth:8.2f}", "no growth (<= 1.25)", growth <= 1.25)
    if ns.profile_rules:
        from profile_rules import profile

        profile(folders[min(sizes)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
