"""The cost of `--format html` against `--format json` on the same files (issue 16).

Runs `termlint check --no-cache` with each format in turn, alternating (json, html, json,
html, ...) so that a machine whose speed drifts treats both alike, writes each report with
--output-file, and prints the median wall and CPU time of each, their ratio (target: html
within 1.2x of json) and the size of each report (target for one draft: under 400 KB).

    .venv/bin/python benchmarks/html_report.py ../shared/corpus/adopted --repeat 3
    .venv/bin/python benchmarks/html_report.py examples/draft-2022-child-protection.txt
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from measure import Run, line, run, tail

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", default="0", help="termlint --jobs (0: one per core)")
    ns = parser.parse_args()
    termlint = str(Path(sys.executable).parent / "termlint")
    runs: dict[str, list[Run]] = {"json": [], "html": []}
    sizes: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(ns.repeat):
            for fmt in runs:
                out = Path(tmp) / f"report.{fmt}"
                jobs = [] if ns.jobs == "0" else ["--jobs", ns.jobs]
                result = run([termlint, "check", "--no-cache", "--exit-zero", *jobs, "--format", fmt,
                              "--output-file", str(out), *ns.paths], cwd=ROOT)
                if result.code != 0:
                    print(f"termlint --format {fmt} failed ({result.code}): {tail(result)}", file=sys.stderr)
                    return 2
                runs[fmt].append(result)
                sizes[fmt] = out.stat().st_size
    wall = {fmt: statistics.median(r.wall for r in rs) for fmt, rs in runs.items()}
    cpu = {fmt: statistics.median(r.cpu for r in rs) for fmt, rs in runs.items()}
    print(f"{', '.join(ns.paths)}: median of {ns.repeat} runs each, alternating")
    for fmt in runs:
        walls = " ".join(f"{r.wall:.2f}" for r in runs[fmt])
        line(f"{fmt}: wall (runs: {walls})", f"{wall[fmt]:.2f} s")
        line(f"{fmt}: CPU", f"{cpu[fmt]:.2f} s")
        line(f"{fmt}: report size", f"{sizes[fmt] / 1024:.0f} KB")
    ratio = wall["html"] / wall["json"]
    line("html / json, wall", f"{ratio:.2f}x", "target <= 1.20x", ratio <= 1.2)
    line("html / json, CPU", f"{cpu['html'] / cpu['json']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
