#!/usr/bin/env python3
"""Long fuzz run: generate documents, lint them (and fix them), stop on the first failure.

    .venv/bin/python scripts/fuzz.py --count 100000            # lint every document
    .venv/bin/python scripts/fuzz.py --count 20000 --fix-every 1 --seed 7

Each document is built by tests/fuzzing.py from realistic fragments of drafts and noise.
Every document is linted with every bundled rule and checked against the invariants of
tests/engine/test_properties.py (no exception, no rule crash, findings inside the text, messages
quote the covered text); every --fix-every'th document is also fixed until stable and
checked (no change outside the edits, convergence). A document that takes more than
--timeout seconds of CPU time counts as a hang. On the first failure the input is saved to
--out (default fuzz-failures/) and the exit status is 1.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))


class Hang(BaseException):  # not an Exception: the engine must not swallow it as a rule error
    pass


def _alarm(signum: int, frame: object) -> None:
    raise Hang("document took longer than the --timeout")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--count", type=int, default=10_000, help="documents to generate (default 10000)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: from the clock)")
    parser.add_argument("--fix-every", type=int, default=10, help="also fix every Nth document (0: never)")
    parser.add_argument("--timeout", type=float, default=20.0,
                        help="CPU seconds one document may take (CPU time: a busy machine does not count)")
    parser.add_argument("--select", default="", help="only these rule codes or prefixes (comma-separated)")
    parser.add_argument("--ignore", default="", help="skip these rule codes or prefixes (comma-separated)")
    parser.add_argument("--out", type=Path, default=Path("fuzz-failures"), help="where a failing input is saved")
    args = parser.parse_args(argv)

    from fuzzing import Violation, check_fix, check_lint, random_document

    from termlint.engine.lint import Settings
    from termlint.rules.registry import all_rules, select

    seed = args.seed if args.seed is not None else int(time.time())
    rules = tuple(select(all_rules(), _codes(args.select), _codes(args.ignore)))
    settings = Settings(rules=rules)
    print(f"fuzz: seed {seed}, {len(rules)} rules, {args.count} documents", file=sys.stderr)
    signal.signal(signal.SIGPROF, _alarm)
    started = time.monotonic()
    chars = findings = 0
    slowest = (0.0, -1)
    for i in range(args.count):
        rng = random.Random(f"{seed}:{i}")  # each document reproducible on its own
        text = random_document(rng)
        t0 = time.monotonic()
        signal.setitimer(signal.ITIMER_PROF, args.timeout)
        try:
            result = check_lint(text, settings)
            if args.fix_every and i % args.fix_every == 0:
                check_fix(text, settings, unsafe=rng.random() < 0.5)
        except (Exception, Hang) as exc:
            signal.setitimer(signal.ITIMER_PROF, 0)
            return _failed(args.out, seed, i, text, exc)
        signal.setitimer(signal.ITIMER_PROF, 0)
        spent = time.monotonic() - t0
        slowest = max(slowest, (spent, i))
        chars += len(text)
        findings += len(result.diagnostics)
        if i % 500 == 0 or i == args.count - 1:
            rate = (i + 1) / max(time.monotonic() - started, 1e-9)
            print(f"\rfuzz: {i + 1}/{args.count} documents, {chars:,} characters, {findings:,} findings, "
                  f"{rate:.0f} docs/s, slowest {slowest[0]:.2f}s (#{slowest[1]})", end="", file=sys.stderr)
    print(f"\nfuzz: {args.count} documents, no failure ({time.monotonic() - started:.0f}s)", file=sys.stderr)
    return 0


def _codes(value: str) -> tuple[str, ...]:
    return tuple(c.strip().upper() for c in value.split(",") if c.strip())


def _failed(out: Path, seed: int, index: int, text: str, exc: BaseException) -> int:
    out.mkdir(parents=True, exist_ok=True)
    saved = out / f"seed{seed}-doc{index}.txt"
    # surrogatepass: a generated document may hold lone surrogates that UTF-8 cannot encode.
    saved.write_bytes(text.encode("utf-8", "surrogatepass"))
    print(f"\nfuzz: document #{index} of seed {seed} failed: {type(exc).__name__}: {exc}", file=sys.stderr)
    traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
    print(f"fuzz: input saved to {saved} (read it back with "
          f"open(path, 'rb').read().decode('utf-8', 'surrogatepass'))", file=sys.stderr)
    return 1


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
