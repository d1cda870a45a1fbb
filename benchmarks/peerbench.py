"""proselint and textlint on the same files as termlint, when installed (see benchmarks/README.md).

A peer is found in benchmarks/peers/ (where peers/install.sh puts pinned versions) or on the
PATH. textlint runs twice, with textlint-rule-prh and with textlint-rule-terminology, each
configured with the Luxembourg pack's terms (peers/term_lists.py writes them), so its row
compares with `termlint --select TM1`; proselint has no user term list and runs its own
default checks. A peer that exits 1 has found problems: that is a successful run.

Ratios are termlint's speed over the peer's (above 1: termlint is faster): first by CPU time
(user + system, which other programs on a shared machine do not inflate), then by wall time in
brackets. node runs its garbage collector on helper threads, so textlint's CPU time exceeds its
wall time on an idle machine; the wall ratio is the kinder one to it.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from measure import Run, line, run, tail

PEERS = Path(__file__).resolve().parent / "peers"
TERMLINT_FINDING = r"^.+:\d+:\d+: (?:error|warning|info): [A-Z]{2}\d{3} "  # a line of `termlint check --format concise`


@dataclass(frozen=True)
class Peer:
    name: str
    version: str
    checks: str  # what it checks here, printed beside its figures
    command: tuple[str, ...]  # the files to check are appended
    finding: str  # matches one finding in its output (a line of its compact format)
    same_terms: bool  # checks the Luxembourg terms, as `termlint --select TM1` does

    def check(self, files: Sequence[Path]) -> Run | None:
        """Run on `files`; None (and a note) when it failed rather than found problems."""
        result = run([*self.command, *(str(f.resolve()) for f in files)], cwd=PEERS)
        if result.code not in (0, 1):  # both peers exit 1 when they report a problem
            print(f"  ! {self.name} exited {result.code}: {tail(result)}")
            return None
        return result

    def findings(self, result: Run) -> int:
        return count(self.finding, result)


@dataclass(frozen=True)
class Row:
    """One tool's run over the corpus, as the comparison prints it."""

    name: str
    checks: str
    result: Run
    findings: int


def count(finding: str, result: Run) -> int:
    return len(re.findall(finding, result.output.decode("utf-8", "replace"), re.MULTILINE))


def find_peers() -> list[Peer]:
    peers = []
    textlint = _find_tool("textlint")
    if textlint:
        version = _version([textlint, "--version"])
        for rule, config in (("prh", ".textlintrc.json"), ("terminology", ".textlintrc.terminology.json")):
            # cwd is peers/, so textlint loads the rules from peers/node_modules
            command = (textlint, "--config", str(PEERS / config), "--format", "compact")
            peers.append(Peer(f"textlint + {rule}", version, "Luxembourg terms", command,
                              r"^.+: line \d+, col \d+, ", same_terms=True))
    proselint = _find_tool("proselint")
    if proselint:
        has_check = " check" in _version([proselint, "--help"], first_line=False)  # 0.14 and later
        command = (proselint, "check", "-o", "compact") if has_check else (proselint, "--compact")
        version = _version([proselint, "version"] if has_check else [proselint, "--version"])
        peers.append(Peer("proselint", version, "its default checks", command, r"^.+:\d+:\d+: ", same_terms=False))
    return peers


def _find_tool(name: str) -> str | None:
    for local in (PEERS / "node_modules" / ".bin" / name, PEERS / "venv" / "bin" / name):
        if local.exists():
            return str(local)
    return shutil.which(name)


def _version(cmd: list[str], first_line: bool = True) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, cwd=PEERS, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    text = (out.stdout + out.stderr).strip()
    return text.splitlines()[0] if first_line and text else text


def describe(peers: Sequence[Peer]) -> str:
    return ", ".join(f"{p.name} ({p.version})" for p in peers) or "none (see benchmarks/README.md)"


def compare_corpus(peers: Sequence[Peer], files: Sequence[Path], mb: float, ours: Row, same_terms: Row | None) -> list[dict[str, Any]]:
    """Each peer once over the corpus, in one process, beside termlint's runs; the rows, as printed."""
    print(f"\n  Peers on the same {len(files)} files, one process each")
    print(f"  {'':24s} {'checks':20s} {'MB/s':>7s} {'MB/CPU s':>9s} {'peak MB':>8s} {'findings':>9s}   "
          "termlint/peer speed, by CPU (by wall)")
    rows = [ours] + ([same_terms] if same_terms else [])
    for row in rows:
        _row(row, mb, "")
    out = []
    for peer in peers:
        result = peer.check(files)
        if result is None:
            continue
        ratio = _ratio(ours.result, result)
        figures = row_figures(Row(f"{peer.name} ({_short(peer.version)})", peer.checks, result, peer.findings(result)), mb)
        figures["vs_every_rule_cpu"] = result.cpu / ours.result.cpu
        figures["vs_every_rule_wall"] = result.wall / ours.result.wall
        if peer.same_terms and same_terms is not None:
            ratio += f"; same terms: {_ratio(same_terms.result, result)}"
            figures["vs_same_terms_cpu"] = result.cpu / same_terms.result.cpu
            figures["vs_same_terms_wall"] = result.wall / same_terms.result.wall
        _row(Row(peer.name, peer.checks, result, peer.findings(result)), mb, ratio)
        out.append(figures)
    return out


def _short(version: str) -> str:
    """"v15.8.0" and "Proselint 0.16.0" as "15.8.0" and "0.16.0"."""
    return version.split()[-1].lstrip("v") if version.strip() else "?"


def row_figures(row: Row, mb: float) -> dict[str, Any]:
    """One row's figures, as the results file keeps them."""
    r = row.result
    return {"name": row.name, "checks": row.checks, "cpu": r.cpu, "wall": r.wall, "mb_per_cpu_s": mb / r.cpu,
            "mb_per_s": mb / r.wall, "peak_mb": r.peak_kb / 1024, "findings": row.findings}


def _row(row: Row, mb: float, ratio: str) -> None:
    r = row.result
    print(f"  {row.name:24s} {row.checks:20s} {mb / r.wall:7.2f} {mb / r.cpu:9.2f} {r.peak_kb / 1024:8.0f} "
          f"{row.findings:9d}   {ratio}")


def _ratio(ours: Run, theirs: Run) -> str:
    return f"{theirs.cpu / ours.cpu:.1f}x ({theirs.wall / ours.wall:.1f}x)"


def compare_cold(peers: Sequence[Peer], draft: Path, repeat: int, ours: Sequence[Run]) -> list[dict[str, Any]]:
    """Each peer on one draft, `repeat` fresh processes (after one to warm the disk cache): medians."""
    wall, cpu = statistics.median(r.wall for r in ours), statistics.median(r.cpu for r in ours)
    out = []
    for peer in peers:
        if peer.check([draft]) is None:
            continue
        runs = [r for r in (peer.check([draft]) for _ in range(repeat)) if r is not None]
        if runs:
            peer_wall, peer_cpu = statistics.median(r.wall for r in runs), statistics.median(r.cpu for r in runs)
            line(f"{peer.name}: median wall, CPU", f"{peer_wall:6.3f} s {peer_cpu:6.3f} s",
                 f"termlint/peer speed {peer_cpu / cpu:.1f}x by CPU ({peer_wall / wall:.1f}x by wall)")
            out.append({"name": f"{peer.name} ({_short(peer.version)})", "cpu": peer_cpu, "wall": peer_wall})
    return out
