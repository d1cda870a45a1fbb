"""termlint's benchmark: throughput, memory and start-up of `termlint check`, as a user runs it.

    .venv/bin/python benchmarks/bench.py                       # 1, 10 and 100 MB, with the peers (long)
    .venv/bin/python benchmarks/bench.py --sizes 1,10          # a quick run
    .venv/bin/python benchmarks/bench.py --corpus /work/bench-corpus/10MB --no-peers
    .venv/bin/python benchmarks/bench.py --write-tables        # ... and put its tables in the READMEs
    .venv/bin/python benchmarks/tables.py RESULTS.json         # the tables again from a saved run

It generates a deterministic corpus of ~30 KB drafts per size (corpus.py) outside the repository
(default: $TERMLINT_BENCH_CORPUS, else termlint-bench-corpus/ in the temporary folder; a corpus
inside the repository is passed file by file, since termlint skips what .gitignore names), or
takes existing folders (--corpus). For each corpus, in one run:

- where the CPU time goes, by stage and by rule (stages.py: one in-process `--jobs 1` run);
- `termlint check` with every default rule, `--jobs 1` and default jobs (every core), as a
  subprocess: wall and CPU time, MB/s, peak memory, findings (the two outputs must be identical);
- a cached run and its warm re-run;
- `termlint --select TM1` and, when installed (peers/install.sh), textlint + prh,
  textlint + terminology and proselint on the same files (peerbench.py);

and the cold time of one ~30 KB draft (median of fresh processes), termlint's and the peers'.
Each figure is printed beside its target; the whole run is saved as JSON (--save), from which
tables.py writes the tables of README.md and benchmarks/README.md (--write-tables).
Performance is measured here, never asserted by a timed unit test.
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import ROOT, corpus_files, generate  # noqa: E402
from measure import Run, line, run, tail  # noqa: E402
from peerbench import (  # noqa: E402
    TERMLINT_FINDING,
    Peer,
    Row,
    compare_cold,
    compare_corpus,
    count,
    describe,
    find_peers,
    row_figures,
)
from stages import outside, print_rules, print_stages  # noqa: E402

CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
DEFAULT_OUT = Path(os.environ.get("TERMLINT_BENCH_CORPUS") or Path(tempfile.gettempdir()) / "termlint-bench-corpus")


def termlint_command() -> list[str]:
    script = Path(sys.executable).parent / "termlint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "termlint"]


def targets(folder: Path) -> list[str]:
    """What to name on the command line: the folder, or inside the repository (whose .gitignore
    names bench-corpus/, so a walk would skip it) its drafts one by one."""
    resolved = folder.resolve()
    if resolved == ROOT or ROOT in resolved.parents:
        return [str(p) for p in corpus_files(folder)]
    return [str(folder)]


def check(paths: list[str], *options: str, cache_dir: Path | None = None) -> Run:
    env = dict(os.environ)
    env.pop("TERMLINT_CACHE_DIR", None)
    if cache_dir is not None:
        env["TERMLINT_CACHE_DIR"] = str(cache_dir)
    cmd = [*termlint_command(), "check", "--exit-zero", "--format", "concise", *options, *paths]
    result = run(cmd, env=env)
    if result.code not in (0, 1):
        print(f"  ! termlint exited {result.code}: {tail(result)}")
    return result


def stage_profile(paths: list[str]) -> dict[str, Any]:
    """stages.py in a fresh process: CPU by stage and by rule of one `--jobs 1` run."""
    with tempfile.TemporaryDirectory(prefix="termlint-bench-") as tmp:
        out = Path(tmp) / "stages.json"
        cmd = [sys.executable, str(HERE / "stages.py"), "--json", str(out), "--",
               "check", "--no-cache", "--exit-zero", "--format", "concise", *paths]
        subprocess.run(cmd, check=True)
        return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def bench_size(folder: Path, label: str, peers: list[Peer]) -> dict[str, Any]:
    files = corpus_files(folder)
    nbytes, nfiles = sum(p.stat().st_size for p in files), len(files)
    mb = nbytes / 1e6
    paths = targets(folder)
    print(f"\n{label} corpus: {nfiles} files, {mb:.1f} MB  ({folder})")
    figures: dict[str, Any] = {"label": label, "folder": str(folder), "files": nfiles, "mb": mb}
    # First the in-process profile (it also warms the page cache and Python's bytecode).
    stages = figures["stages"] = stage_profile(paths)
    print_stages(stages)
    print_rules(stages, top=25)
    away = outside(stages)
    line("outside lint_text, share of CPU", f"{100 * away / stages['cpu']:7.1f} %", "target < 20%",
         away < stages["cpu"] / 5)
    runs: dict[str, Run] = {}
    for name, options in (("jobs1", ["--jobs", "1"]), ("default", [])):
        r = runs[name] = check(paths, "--no-cache", *options)
        row = figures[name] = row_figures(Row("", "every default rule", r, count(TERMLINT_FINDING, r)), mb)
        row["total_peak_mb"] = r.total_peak_kb / 1024
        shown = "--jobs 1" if name == "jobs1" else f"default jobs ({CORES})"
        line(f"{shown}: MB/s, MB per CPU s", f"{mb / r.wall:7.2f} {mb / r.cpu:7.2f}")
        line(f"{shown}: wall time, CPU time", f"{r.wall:8.2f} s {r.cpu:8.2f} s")
        line(f"{shown}: peak memory, one process", f"{r.peak_kb / 1024:8.1f} MB", "target <= 150 MB",
             r.peak_kb / 1024 <= 150)
        if name == "default":
            line(f"{shown}: peak memory, all processes", f"{r.total_peak_kb / 1024:8.1f} MB")
        line(f"{shown}: findings", f"{row['findings']:8d}")
    figures["identical"] = runs["default"].output == runs["jobs1"].output
    figures["speedup"] = runs["jobs1"].wall / runs["default"].wall
    line("default jobs vs --jobs 1, by wall", f"{figures['speedup']:8.2f}x")
    line("default jobs output identical to --jobs 1", "yes" if figures["identical"] else "NO")
    with tempfile.TemporaryDirectory(prefix="termlint-bench-cache-") as cache:
        fill = check(paths, cache_dir=Path(cache))
        warm = check(paths, cache_dir=Path(cache))
        figures["cache_fill_wall"], figures["warm_wall"], figures["warm_cpu"] = fill.wall, warm.wall, warm.cpu
        line("cache: first run (fills it)", f"{fill.wall:8.2f} s")
        line("cache: warm re-run, wall and CPU", f"{warm.wall:8.2f} s {warm.cpu:6.2f} s")
        figures["warm_identical"] = warm.output == runs["default"].output
        line("cache: warm output identical", "yes" if figures["warm_identical"] else "NO")
    same = check(paths, "--jobs", "1", "--no-cache", "--select", "TM1")
    figures["tm1"] = row_figures(Row("", "Luxembourg terms", same, count(TERMLINT_FINDING, same)), mb)
    figures["peers"] = compare_corpus(
        peers, files, mb, Row("termlint --jobs 1", "every default rule", runs["jobs1"], figures["jobs1"]["findings"]),
        Row("termlint --select TM1", "Luxembourg terms", same, figures["tm1"]["findings"])) if peers else []
    return figures


def cold_draft(folder: Path, repeat: int, peers: list[Peer]) -> dict[str, Any]:
    draft = min(corpus_files(folder), key=lambda p: abs(p.stat().st_size - 30_000))
    check([str(draft)], "--no-cache")
    runs = [check([str(draft)], "--no-cache") for _ in range(repeat)]
    wall, cpu = statistics.median(r.wall for r in runs), statistics.median(r.cpu for r in runs)
    print(f"\nOne draft, cold process ({draft.name}, {draft.stat().st_size / 1000:.0f} KB, {repeat} runs)")
    line("median CPU time (user + system)", f"{cpu:8.3f} s", "target <= 0.15 s", cpu <= 0.15)
    line("median wall time", f"{wall:8.3f} s")
    return {"draft": draft.name, "kb": draft.stat().st_size / 1000, "repeat": repeat, "cpu": cpu, "wall": wall,
            "peers": compare_cold(peers, draft, repeat, runs)}


def scaling(sizes: list[dict[str, Any]]) -> None:
    if len(sizes) < 2:
        return
    small, large = sizes[0], sizes[-1]
    print(f"\nScaling, {small['label']} to {large['label']}")
    ratio = (large["jobs1"]["cpu"] / large["mb"]) / (small["jobs1"]["cpu"] / small["mb"])
    line("CPU per MB, --jobs 1", f"{ratio:8.2f}x", "no growth (<= 1.1)", ratio <= 1.1)
    growth = large["jobs1"]["peak_mb"] / small["jobs1"]["peak_mb"]
    line("peak memory, --jobs 1", f"{growth:8.2f}x", "flat (<= 1.25)", growth <= 1.25)


def git_commit() -> str:
    try:
        out = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
        return out.stdout.strip() + ("+" if dirty else "")
    except OSError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,10,100", help="corpus sizes in MB to generate, comma-separated")
    parser.add_argument("--corpus", type=Path, action="append", default=[],
                        help="an existing folder of drafts to measure instead (repeatable)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the corpora are generated")
    parser.add_argument("--repeat", type=int, default=11, help="fresh processes for the cold-start figure")
    parser.add_argument("--no-peers", action="store_true", help="do not run proselint and textlint")
    parser.add_argument("--save", type=Path, help="where to save the run as JSON (default: OUT/results.json)")
    parser.add_argument("--write-tables", action="store_true",
                        help="write this run's tables into README.md and benchmarks/README.md (tables.py)")
    parser.add_argument("--user-cache", action="store_true",
                        help="run with your own start-up caches (default: a fresh folder, as on a new install)")
    ns = parser.parse_args(argv)
    import termlint  # the installed package this interpreter runs (termlint_command's)

    # the cold figure is for an install as pip leaves it: with the modules' .pyc files
    compileall.compile_dir(Path(termlint.__file__).parent, quiet=1)
    if not ns.user_cache:
        # termlint's start-up caches (rules, patterns, grammar: core/resources.cache_dir) begin empty
        # and are filled by this run, as a new user's are; a developer's own hold what their tests compiled
        os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="termlint-bench-cache-")
    print(f"termlint benchmark: {CORES} cores, Python {sys.version.split()[0]}, {' '.join(termlint_command())}")
    peers = [] if ns.no_peers else find_peers()
    print(f"peers: {describe(peers)}")
    if ns.corpus:
        folders = [(folder, folder.name) for folder in ns.corpus]
    else:
        folders = [(generate(ns.out, int(s)), f"{int(s)} MB") for s in ns.sizes.split(",") if s.strip()]
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip() if peers else ""
    results: dict[str, Any] = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": git_commit(), "cores": CORES, "python": platform.python_version(), "node": node,
        "load": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
    }
    results["cold"] = cold_draft(folders[0][0], ns.repeat, peers)
    results["sizes"] = [bench_size(folder, label, peers) for folder, label in folders]
    scaling(results["sizes"])
    results["load_after"] = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    save = ns.save or ns.out / "results.json"
    save.parent.mkdir(parents=True, exist_ok=True)
    save.write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(f"\nSaved to {save}")
    if ns.write_tables:
        from tables import write_all

        for path in write_all(results):
            print(f"Wrote the tables of {path}")
    if not ns.user_cache:
        shutil.rmtree(os.environ["XDG_CACHE_HOME"], ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
