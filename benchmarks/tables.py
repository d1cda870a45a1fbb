"""The benchmark's tables in README.md and benchmarks/README.md, written from one run of bench.py.

    .venv/bin/python benchmarks/tables.py RESULTS.json            # write them
    .venv/bin/python benchmarks/tables.py RESULTS.json --print    # show them only

Each table sits between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` in a README; what lies
between is replaced, the text around it is left alone. The figures are never typed by hand.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# file -> the tables it holds
PLACES = {ROOT / "README.md": ("summary",), ROOT / "benchmarks" / "README.md": ("run", "corpus", "stages", "rules", "cold")}


def _mb(x: float) -> str:
    return f"{x:.2f}"


def _times(ours: float, theirs: float) -> str:
    return f"{theirs / ours:.1f}x"


def run_line(r: dict[str, Any]) -> str:
    load = "" if r.get("load") is None else f", load average {r['load']:.1f} before and {r['load_after']:.1f} after"
    node = f", node {r['node'].lstrip('v')}" if r.get("node") else ""
    return (f"One run of `benchmarks/bench.py` on {r['date']} at commit `{r['commit']}`: {r['cores']} cores"
            f"{load}; Python {r['python']}{node}. CPU time is user + system of the process and its workers.")


def corpus_table(r: dict[str, Any]) -> str:
    out = []
    for size in r["sizes"]:
        j1 = size["jobs1"]
        out.append(f"{size['label']} ({size['files']} files, {size['mb']:.1f} MB):\n")
        out.append("| | checks | MB per CPU s | MB/s (wall) | peak memory | findings | termlint is, by CPU (by wall) |")
        out.append("|---|---|---:|---:|---:|---:|---|")
        rows = [("termlint `--jobs 1`", j1, ""),
                (f"termlint, default jobs ({r['cores']})", size["default"],
                 f"{j1['wall'] / size['default']['wall']:.2f}x the wall speed of `--jobs 1`; output "
                 f"{'identical' if size['identical'] else 'DIFFERENT'}"),
                ("termlint `--select TM1`", size["tm1"], "")]
        for peer in size["peers"]:
            ratio = f"{peer['vs_every_rule_cpu']:.1f}x faster ({peer['vs_every_rule_wall']:.1f}x)"
            if "vs_same_terms_cpu" in peer:
                ratio += f"; same terms {peer['vs_same_terms_cpu']:.1f}x ({peer['vs_same_terms_wall']:.1f}x)"
            rows.append((peer["name"], peer, ratio))
        for name, row, note in rows:
            peak = row.get("total_peak_mb", row["peak_mb"]) if "default jobs" in name else row["peak_mb"]
            out.append(f"| {name} | {row['checks']} | {_mb(row['mb_per_cpu_s'])} | {_mb(row['mb_per_s'])} | "
                       f"{peak:.0f} MB | {row['findings']:,} | {note} |")
        out.append(f"\nWarm re-run from the result cache: {size['warm_wall']:.2f} s wall, {size['warm_cpu']:.2f} s CPU"
                   f" (output {'identical' if size['warm_identical'] else 'DIFFERENT'}).\n")
    return "\n".join(out).rstrip("\n")


def stages_table(r: dict[str, Any]) -> str:
    sizes = r["sizes"]
    names: list[str] = []
    for size in sizes:
        for name, secs in sorted(size["stages"]["stages"].items(), key=lambda kv: -kv[1]):
            if not name.startswith("lint: view ") and name not in names:
                names.append(name)
    head = "| stage | " + " | ".join(s["label"] for s in sizes) + " |"
    out = [head, "|---|" + "---:|" * len(sizes)]

    def cell(size: dict[str, Any], secs: float) -> str:
        return f"{secs:.2f} s ({100 * secs / size['stages']['cpu']:.0f}%)"

    for name in names:
        out.append(f"| {name} | " + " | ".join(cell(s, s["stages"]["stages"].get(name, 0.0)) for s in sizes) + " |")
    views = [sum(v for k, v in s["stages"]["stages"].items() if k.startswith("lint: view ")) for s in sizes]
    out.append("| lint: shared views | " + " | ".join(cell(s, v) for s, v in zip(sizes, views)) + " |")
    away = [sum(v for k, v in s["stages"]["stages"].items() if not k.startswith("lint:")) for s in sizes]
    out.append("| **outside `lint_text`** (target under 20%) | "
               + " | ".join(f"**{cell(s, a)}**" for s, a in zip(sizes, away)) + " |")
    out.append("| **whole run** | " + " | ".join(f"**{s['stages']['cpu']:.2f} s**" for s in sizes) + " |")
    return "\n".join(out)


def rules_table(r: dict[str, Any], top: int = 25) -> str:
    size = r["sizes"][-1]
    st = size["stages"]
    steps = {**{f"view: {k[11:]}": v for k, v in st["stages"].items() if k.startswith("lint: view ")},
             **st["rules"], "(parse)": st["stages"].get("lint: parse", 0.0),
             "(markdown)": st["stages"].get("lint: markdown", 0.0)}
    whole = sum(steps.values())
    out = [f"{size['label']}, one process; a view of the document that several rules share is its own line, "
           f"the rules' own time beside it ({len(st['rules'])} rules, {whole:.2f} s in all):\n",
           "| step | CPU s | share | MB per CPU s | findings |", "|---|---:|---:|---:|---:|"]
    for name, secs in sorted(steps.items(), key=lambda kv: -kv[1])[:top]:
        speed = f"{size['mb'] / secs:.0f}" if secs > 0 else "-"
        out.append(f"| {name} | {secs:.3f} | {100 * secs / whole:.1f}% | {speed} | {st['findings'].get(name) or ''} |")
    return "\n".join(out)


def cold_table(r: dict[str, Any]) -> str:
    c = r["cold"]
    out = [f"One draft ({c['draft']}, {c['kb']:.0f} KB), a fresh process each time, median of {c['repeat']}:\n",
           "| | CPU time | wall time | termlint is, by CPU |", "|---|---:|---:|---|",
           f"| termlint, every default rule (target 0.15 s CPU) | {c['cpu']:.3f} s | {c['wall']:.3f} s | |"]
    for peer in c["peers"]:
        ratio = peer["cpu"] / c["cpu"]
        out.append(f"| {peer['name']} | {peer['cpu']:.3f} s | {peer['wall']:.3f} s | "
                   + (f"{ratio:.1f}x faster |" if ratio >= 1 else f"{1 / ratio:.1f}x slower |"))
    return "\n".join(out)


def summary_table(r: dict[str, Any]) -> str:
    out = [run_line(r) + " Set-up, what each peer checks and the full tables: benchmarks/README.md.\n",
           "| corpus | termlint `--jobs 1`, MB per CPU s | default jobs, MB/s (wall) | peak memory | "
           "outside `lint_text` | textlint + prh (target: termlint 8x) | proselint |", "|---|---:|---:|---:|---:|---|---|"]
    for size in r["sizes"]:
        j1, st = size["jobs1"], size["stages"]
        away = sum(v for k, v in st["stages"].items() if not k.startswith("lint:")) / st["cpu"]
        peers = {p["name"].split()[0] + (" + prh" if "prh" in p["name"] else ""): p for p in size["peers"]}
        prh = next((p for n, p in peers.items() if "prh" in n), None)
        prose = next((p for n, p in peers.items() if n.startswith("proselint")), None)
        out.append(f"| {size['label']} | {_mb(j1['mb_per_cpu_s'])} | {_mb(size['default']['mb_per_s'])} | "
                   f"{j1['peak_mb']:.0f} MB | {100 * away:.0f}% | "
                   + (f"{_mb(prh['mb_per_cpu_s'])} MB per CPU s: termlint {prh['vs_every_rule_cpu']:.1f}x" if prh else "-")
                   + " | "
                   + (f"{_mb(prose['mb_per_cpu_s'])}: termlint {prose['vs_every_rule_cpu']:.1f}x" if prose else "-")
                   + " |")
    c = r["cold"]
    out.append(f"\nOne ~30 KB draft in a fresh process: {c['cpu']:.3f} s CPU, {c['wall']:.3f} s wall (median of "
               f"{c['repeat']}; target 0.15 s CPU).")
    return "\n".join(out)


RENDER = {"summary": summary_table, "run": run_line, "corpus": corpus_table, "stages": stages_table,
          "rules": rules_table, "cold": cold_table}


def replace(text: str, name: str, table: str) -> str:
    """`text` with what lies between the markers of `name` replaced by `table`."""
    pattern = re.compile(rf"(<!-- bench:{name} -->\n)(?:.*?\n)?(<!-- /bench:{name} -->)", re.DOTALL)
    if not pattern.search(text):
        raise ValueError(f"no <!-- bench:{name} --> ... <!-- /bench:{name} --> markers")
    return pattern.sub(lambda m: m.group(1) + table + "\n" + m.group(2), text, count=1)


def write_all(results: dict[str, Any]) -> list[Path]:
    written = []
    for path, names in PLACES.items():
        text = path.read_text(encoding="utf-8")
        for name in names:
            text = replace(text, name, RENDER[name](results))
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", type=Path, help="a run saved by bench.py (--save)")
    parser.add_argument("--print", action="store_true", help="print the tables instead of writing them")
    ns = parser.parse_args(argv)
    results = json.loads(ns.results.read_text(encoding="utf-8"))
    if ns.print:
        for name, render in RENDER.items():
            print(f"## {name}\n\n{render(results)}\n")
        return 0
    for path in write_all(results):
        print(f"wrote the tables of {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
