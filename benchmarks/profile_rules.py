"""Where the time of `termlint check` goes: parsing, the views rules share, and each rule.

    .venv/bin/python benchmarks/profile_rules.py [--all] [FOLDER_OR_FILE ...]   (default: the 1 MB corpus)

Every default rule runs over every file the way the engine runs it, in one `--jobs 1` run of
the command line in a fresh process (stages.py, which also prints the CPU time by stage); the
table lists the CPU time of each step (process time: other programs on the machine do not
inflate it) in seconds and as MB per CPU second, the slowest first. A view of the document
that several rules read (the word index, the acronym units, the protected spans) is its own
line, not charged to the first rule that asks for it; lazy loading (a spelling dictionary, a
compiled term list) is charged to the rule that triggers it. The table shows the 40 slowest
steps; `--all` shows every step.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def profile(target: Path, top: int | None = 40) -> None:
    from stages import print_rules, print_stages

    with tempfile.TemporaryDirectory(prefix="termlint-profile-") as tmp:
        out = Path(tmp) / "stages.json"
        subprocess.run([sys.executable, str(HERE / "stages.py"), "--json", str(out), "--",
                        "check", "--no-cache", "--exit-zero", "--format", "concise", str(target)], check=True)
        figures = json.loads(out.read_text(encoding="utf-8"))
    print_stages(figures)
    print_rules(figures, top)


if __name__ == "__main__":
    from bench import DEFAULT_OUT
    from corpus import generate

    args = sys.argv[1:]
    every = "--all" in args
    targets = [Path(a) for a in args if a != "--all"] or [generate(DEFAULT_OUT, 1)]
    for t in targets:
        profile(t, None if every else 40)
