"""Where the time of `termlint check` goes: parsing, protected spans, and each rule, in-process.

    .venv/bin/python benchmarks/profile_rules.py [--all] [FOLDER_OR_FILE ...]   (default: the 1 MB corpus)

Every default rule runs over every file the way the engine runs it; the table lists the
CPU time of each step (process time: other programs on the machine do not inflate it) in
seconds and as MB/s of text, the slowest first. Lazy loading (a
spelling dictionary, a compiled term list) is charged to the rule that triggers it, and
shown separately as its first-file cost. The table shows the 40 slowest steps; `--all` shows
every step.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def profile(target: Path, top: int | None = 40) -> None:
    from termlint.engine.lint import lint_text
    from termlint.parse.parser import parse
    from termlint.rules.context import Context
    from termlint.run.runner import Overrides, discover, file_settings, read_document

    spent: dict[str, float] = defaultdict(float)
    first: dict[str, float] = {}
    findings: dict[str, int] = defaultdict(int)
    total_chars = 0
    paths = [p for p, problem in discover([str(target)], Overrides()) if problem is None]
    for path in paths:
        _, _, settings = file_settings(path, Overrides())
        document = read_document(path)
        total_chars += len(document.text.encode("utf-8"))
        t0 = time.process_time()
        tree, _ = parse(document.text)
        t1 = time.process_time()
        ctx = Context(document, tree, settings.options, settings.words)
        ctx.protected  # noqa: B018 - computed once per document, charged on its own line
        t2 = time.process_time()
        spent["(parse)"] += t1 - t0
        spent["(protected spans)"] += t2 - t1
        for rule in settings.rules:
            code = rule.meta.code
            if rule.meta.needs_structure and not ctx.is_resolution:
                continue
            start = time.process_time()
            try:
                found = list(rule.check(ctx))
            except Exception:  # the engine reports these; a profile only times
                found = []
            took = time.process_time() - start
            first.setdefault(code, took)
            spent[code] += took
            findings[code] += len(found)
        start = time.process_time()
        lint_text(document, settings)
        spent["(whole lint_text, for comparison)"] += time.process_time() - start
    mb = total_chars / 1e6
    steps = sum(v for k, v in spent.items() if not k.startswith("(whole"))
    print(f"\nPer-rule profile: {len(paths)} files, {mb:.1f} MB, in-process, CPU seconds (no start-up)")
    print(f"  {'step':36s} {'seconds':>8s} {'share':>6s} {'MB/s':>9s} {'1st file':>9s} {'findings':>8s}")
    for name, secs in sorted(spent.items(), key=lambda kv: -kv[1])[:top]:
        share = f"{100 * secs / steps:5.1f}%" if not name.startswith("(whole") else ""
        speed = f"{mb / secs:9.1f}" if secs > 0 else "      inf"
        one = f"{first[name]:9.3f}" if name in first else ""
        print(f"  {name:36s} {secs:8.3f} {share:>6s} {speed} {one:>9s} {findings.get(name, 0) or '':>8}")


if __name__ == "__main__":
    from corpus import ROOT, generate

    args = sys.argv[1:]
    every = "--all" in args
    targets = [Path(a) for a in args if a != "--all"] or [generate(ROOT / "bench-corpus", 1)]
    for t in targets:
        profile(t, None if every else 40)
