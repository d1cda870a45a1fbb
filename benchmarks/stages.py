"""Where the CPU time of one `termlint check --jobs 1` goes: start-up, reading, parsing, each rule, output.

    .venv/bin/python benchmarks/stages.py [--json FILE] [--output FILE] -- check [OPTIONS] PATH ...

It runs termlint's own command line in this process (so it must be a fresh process: start-up is
part of the figure) with a CPU clock (process time) around each stage, read by wrapping the
functions that do it; the clock is exclusive, so a stage's time leaves out what the stages it
calls took, and the stages add up to the process's CPU time:

| stage | what it times |
|---|---|
| start-up: interpreter | Python itself, before this script runs |
| start-up: imports | importing termlint's command line |
| settings | finding each file's configuration, building the rules (the first file pays) |
| discovery | walking the folders |
| reading, decoding | the bytes of each file; bytes to a Document |
| cache | result-cache keys, look-ups and writes (none with --no-cache) |
| lint: markdown, lint: parse | `lint_text`'s layout of a Markdown file; the clause tree |
| lint: view NAME | a view of the document that several rules share (Context.shared, protected spans) |
| lint: rules | the rules themselves (each in `rules`) |
| lint: engine | the rest of `lint_text`: sorting, positions, suppressions |
| formatting | the writer turning findings into the report |
| writing | writing the report (to --output, default /dev/null) |
| other | the rest: argument parsing, the loop over files, exit |

`lint_text` is the sum of the `lint:` stages; "outside lint_text" is everything else. The
wrappers cost a little (a clock read on each entry and exit: well under 1% of a run).
The JSON holds the stages, each rule's seconds and raw findings, the files and bytes checked.
"""

from __future__ import annotations

import time

_T0 = time.process_time()  # the interpreter's own start-up, before any import of this script's

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
from collections import defaultdict  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

OUTSIDE = ("start-up: interpreter", "start-up: imports", "settings", "discovery", "reading", "decoding", "cache",
           "formatting", "writing", "other")


class Clock:
    """Exclusive CPU time per stage: a stage entered inside another is taken off the outer one."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self._stack: list[list[Any]] = []

    def enter(self, name: str) -> None:
        self._stack.append([name, time.process_time(), 0.0])

    def leave(self) -> None:
        name, start, inner = self._stack.pop()
        took = time.process_time() - start
        self.spent[name] += took - inner
        self.calls[name] += 1
        if self._stack:
            self._stack[-1][2] += took

    def wrap(self, name: str | Callable[..., str], fn: Callable[..., Any]) -> Callable[..., Any]:
        """`fn`, timed as stage `name` (or as name(*args) when `name` is a function)."""
        def timed(*args: Any, **kwargs: Any) -> Any:
            self.enter(name(*args) if callable(name) else name)
            try:
                return fn(*args, **kwargs)
            finally:
                self.leave()
        return timed

    def wrap_iter(self, name: str, items: Iterator[Any]) -> Iterator[Any]:
        while True:
            self.enter(name)
            try:
                item = next(items)
            except StopIteration:
                return
            finally:
                self.leave()
            yield item


class _Sink:
    """Standard output, timed: the report is written to a file instead of the terminal."""

    def __init__(self, clock: Clock, handle: Any) -> None:
        self.clock, self.handle = clock, handle
        self.written = 0

    def write(self, text: str) -> int:
        self.clock.enter("writing")
        try:
            self.written += len(text)
            return int(self.handle.write(text))
        finally:
            self.clock.leave()

    def flush(self) -> None:
        self.handle.flush()

    def isatty(self) -> bool:
        return False


def instrument(clock: Clock, found: dict[str, int], files: list[int]) -> None:
    """Wrap the functions of each stage (termlint is imported here)."""
    import termlint.cli.check as check
    import termlint.engine.lint as lint
    import termlint.run.parallel as parallel
    from termlint.rules.context import Context
    from termlint.rules.registry import all_rules
    from termlint.run.cache import Cache

    def reading(path: str) -> bytes:
        data = original_read(path)
        files.append(len(data))
        return data

    original_read = parallel.read_bytes
    parallel.read_bytes = clock.wrap("reading", reading)
    parallel.decode = clock.wrap("decoding", parallel.decode)
    parallel.file_settings = clock.wrap("settings", parallel.file_settings)
    parallel.settings_in = clock.wrap("settings", parallel.settings_in)
    for method in ("key_of", "get", "put"):
        setattr(Cache, method, clock.wrap("cache", getattr(Cache, method)))
    Cache.hasher = staticmethod(clock.wrap("cache", Cache.hasher))  # type: ignore[method-assign]
    discover = check.discover
    check.discover = lambda *a, **k: clock.wrap_iter("discovery", discover(*a, **k))
    lint.prose_text = clock.wrap("lint: markdown", lint.prose_text)
    lint.parse = clock.wrap("lint: parse", lint.parse)
    original_lint = lint.lint_text
    parallel.lint_text = clock.wrap("lint: engine", original_lint)

    shared = Context.shared

    def view(self: Context, key: Any, compute: Callable[[], Any]) -> Any:
        name = key if isinstance(key, str) else str(key[0])
        return shared(self, key, clock.wrap(f"lint: view {name}", compute))

    Context.shared = view  # type: ignore[method-assign]
    protected = Context.__dict__["protected"]  # a cached_property: time the function it calls once
    protected.func = clock.wrap("lint: view protected spans", protected.func)

    def checked(original: Callable[..., Any]) -> Callable[..., Any]:
        def check_rule(rule: Any, ctx: Any) -> list[Any]:
            code = rule.meta.code
            clock.enter(f"rule {code}")
            try:
                result = list(original(rule, ctx))  # a rule may yield lazily: time the whole of it
            finally:
                clock.leave()
            found[code] += len(result)
            return result
        return check_rule

    for cls in {type(rule) for rule in all_rules(())}:
        cls.check = checked(cls.check)  # type: ignore[method-assign]

    make_writer = check.writer

    def writer(*args: Any) -> Any:
        out = make_writer(*args)
        pieces = out.pieces
        out.pieces = lambda *a: clock.wrap_iter("formatting", pieces(*a))  # type: ignore[method-assign]
        out.end = clock.wrap("formatting", out.end)  # type: ignore[method-assign]
        return out

    check.writer = writer  # type: ignore[assignment]


def run(argv: list[str], output: Path) -> dict[str, Any]:
    """Run `termlint ARGV` (one process: --jobs 1 is added) and return the figures."""
    clock = Clock()
    clock.spent["start-up: interpreter"] = _T0
    clock.enter("start-up: imports")
    from termlint.cli.main import main

    clock.leave()
    found: dict[str, int] = defaultdict(int)
    files: list[int] = []
    clock.enter("settings")  # the rule classes are listed by building the rules once
    instrument(clock, found, files)
    clock.leave()
    if argv and argv[0] == "check":
        argv = [*argv, "--jobs", "1"]
    with open(output, "w", encoding="utf-8") as handle:
        sink = _Sink(clock, handle)
        stdout, sys.stdout = sys.stdout, sink  # type: ignore[assignment]
        clock.enter("other")
        try:
            code = main(argv)
        finally:
            clock.leave()
            sys.stdout = stdout
    total = time.process_time()
    rules = {name[5:]: secs for name, secs in clock.spent.items() if name.startswith("rule ")}
    stages = {name: secs for name, secs in clock.spent.items() if not name.startswith("rule ")}
    stages["lint: rules"] = sum(rules.values())
    return {"argv": argv, "exit": code, "cpu": total, "files": len(files), "bytes": sum(files),
            "output_chars": sink.written, "stages": stages, "rules": rules, "findings": dict(found)}


def outside(figures: dict[str, Any]) -> float:
    """CPU seconds outside `lint_text`."""
    return sum(secs for name, secs in figures["stages"].items() if not name.startswith("lint:"))


def print_stages(figures: dict[str, Any]) -> None:
    total, mb = figures["cpu"], figures["bytes"] / 1e6
    print(f"\n  CPU by stage, one process ({figures['files']} files, {mb:.1f} MB, {total:.2f} s CPU)")
    for name, secs in sorted(figures["stages"].items(), key=lambda kv: -kv[1]):
        if secs >= 0.0005 and not name.startswith("lint: view "):
            print(f"    {name:34s} {secs:8.3f} s {100 * secs / total:5.1f}%")
    views = sum(s for n, s in figures["stages"].items() if n.startswith("lint: view "))
    print(f"    {'lint: shared views (see rules)':34s} {views:8.3f} s {100 * views / total:5.1f}%")
    away = outside(figures)
    print(f"    {'outside lint_text':34s} {away:8.3f} s {100 * away / total:5.1f}%   target under 20%"
          f"{'  ok' if away < total / 5 else '  MISSED'}")


def print_rules(figures: dict[str, Any], top: int | None = 40) -> None:
    """The slowest rules and shared views, in CPU seconds and MB per CPU second."""
    mb = figures["bytes"] / 1e6
    steps = {**{name[6:]: s for name, s in figures["stages"].items() if name.startswith("lint: view ")},
             **figures["rules"], "(parse)": figures["stages"].get("lint: parse", 0.0),
             "(markdown)": figures["stages"].get("lint: markdown", 0.0)}
    whole = sum(steps.values())
    print(f"\n  CPU by rule, one process ({mb:.1f} MB; a view several rules share is its own line)")
    print(f"    {'step':34s} {'seconds':>8s} {'share':>6s} {'MB/s':>8s} {'findings':>8s}")
    for name, secs in sorted(steps.items(), key=lambda kv: -kv[1])[:top]:
        speed = f"{mb / secs:8.1f}" if secs > 0 else "     inf"
        print(f"    {name:34s} {secs:8.3f} {100 * secs / whole:5.1f}% {speed} {figures['findings'].get(name, '') or '':>8}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="write the figures here as JSON")
    parser.add_argument("--output", type=Path, default=Path("/dev/null"), help="where termlint's report goes")
    parser.add_argument("--rules", action="store_true", help="print the per-rule table too")
    parser.add_argument("termlint", nargs=argparse.REMAINDER, help="termlint's arguments, after --")
    ns = parser.parse_args(argv)
    args = ns.termlint[1:] if ns.termlint[:1] == ["--"] else ns.termlint
    figures = run(args, ns.output)
    if ns.json:
        ns.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    else:
        print_stages(figures)
        if ns.rules:
            print_rules(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
