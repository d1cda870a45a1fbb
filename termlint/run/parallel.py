"""Lint many files: on every core (`--jobs`), through the result cache, in discovery order.

`lint_files` yields one Outcome per discovered path, in the order discovery gave them, so
the output of `--jobs 4` is byte-for-byte that of `--jobs 1`. Worker processes get chunks of
paths and send back LintResults; a LintResult crosses the process boundary without its
rule metadata (the parent attaches its own copy: pickling every rule's description with
every file would cost more than the text) and, unless the caller needs the text (for
--show-source or fixes), without the document's text: the memory of a run over thousands
of files then does not grow with their size.

A run uses worker processes only when it pays: several files and enough bytes to outweigh
starting them (a pre-commit hook on one draft stays in one process).
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from termlint.core.errors import SetupError
from termlint.core.model import Severity
from termlint.docx.sniff import is_package
from termlint.engine.lint import LintResult, Settings, lint_text
from termlint.run.cache import Cache, Entry
from termlint.run.config import Config
from termlint.run.runner import (
    FileProblem,
    Overrides,
    decode,
    file_settings,
    read_bytes,
    read_document,
    settings_in,
)
from termlint.text.document import Document

MIN_PARALLEL_BYTES = 512 * 1024  # below this, starting worker processes costs more than it saves
MAX_CHUNK = 16
IN_FLIGHT = 4  # chunks submitted ahead per worker process


@dataclass(frozen=True)
class Outcome:
    """One discovered path: its result, or the one-line reason it could not be checked."""

    path: str
    result: LintResult | None = None
    problem: str | None = None
    setup_error: bool = False  # the problem is in a configuration or pack file, not in this file
    fail_on: Severity = Severity.WARNING  # the lowest severity that fails the run, from the file's configuration


@dataclass(frozen=True)
class Job:
    """What every file of a run is checked with (sent once to each worker)."""

    overrides: Overrides
    stdin_name: str | None = None
    cache_dir: Path | None = None
    keep_text: bool = False  # keep each document's text in its result (--show-source, fixes)


def default_jobs() -> int:
    """Every core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def lint_files(found: Iterable[tuple[str, str | None]], job: Job, jobs: int = 1) -> Iterator[Outcome]:
    """Lint every (path, discovery problem) pair; yields Outcomes in the same order."""

    # Each file's configuration is found once, here; a worker builds the rules from it.
    plans: list[tuple[str, Outcome | None, Config | None, Settings | None]] = []
    for path, problem in found:
        config, settings, early = None, None, Outcome(path, problem=problem) if problem is not None else None
        if early is None:
            try:
                _, config, settings = file_settings(path, job.overrides, job.stdin_name)
            except SetupError as exc:
                early = Outcome(path, problem=str(exc), setup_error=True)
        plans.append((path, early, config, settings))
    todo = [(path, config) for path, early, config, _ in plans if early is None and config is not None]
    if jobs > 1 and _worth_parallel([path for path, _ in todo]):
        results = _in_workers(todo, job, jobs)
    else:
        worker = _Worker(job)
        results = (worker.lint(path, config) for path, config in todo)
    for path, early, config, settings in plans:
        if early is not None or config is None or settings is None:
            yield early or Outcome(path, problem="cannot be checked")
            continue
        outcome = next(results)
        if outcome.result is not None:
            outcome.result.rules = settings.metas  # workers send results without it (see _strip)
        yield replace(outcome, fail_on=config.fail_on)


def _worth_parallel(paths: list[str]) -> bool:
    if len(paths) < 2 or "-" in paths:
        return False
    total = 0
    for path in paths:
        try:
            total += os.path.getsize(path)
        except OSError:
            continue
        if total >= MIN_PARALLEL_BYTES:
            return True
    return False


class _Worker:
    """Lints one path at a time, in this process, through the cache."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self.cache = Cache(job.cache_dir) if job.cache_dir is not None else None

    def lint(self, path: str, config: Config) -> Outcome:
        try:
            return Outcome(path, self._lint(path, config))
        except FileProblem as exc:
            return Outcome(path, problem=str(exc))
        except SetupError as exc:
            return Outcome(path, problem=str(exc), setup_error=True)
        except Exception as exc:  # a bug must cost one file, never the run (nor print a traceback)
            return Outcome(path, problem=f"internal error: {type(exc).__name__}: {exc}")

    def _lint(self, path: str, config: Config) -> LintResult:
        shown, settings = settings_in(config, path, self.job.overrides, self.job.stdin_name)
        if path == "-":
            return self._strip(lint_text(read_document(path, self.job.stdin_name), settings, shown))
        data = read_bytes(path)
        if self.cache is None:
            document = decode(data, path)
            del data  # not held while the text is linted (a 10 MB file: 10 MB less at the peak)
            return self._strip(lint_text(document, settings, shown))
        digest = self.cache.hasher(data)
        digest.update(b"\0" + Path(path).suffix.lower().encode())
        key = self.cache.key_of(digest, settings, config.packs)
        entry = self.cache.get(key, path)
        if entry is not None:
            # a Word draft is read again even so: its result says how many tracked changes it has
            document = decode(data, path) if self.job.keep_text or is_package(data) else _stub(path)
            if not self.job.keep_text:
                document = document.stub()
            return LintResult(document, list(entry.diagnostics), [], list(entry.unused_directives))
        document = decode(data, path)
        del data
        result = lint_text(document, settings, shown)
        if not result.errors:  # a rule that failed or timed out may not fail next time
            self.cache.put(key, Entry(tuple(result.diagnostics), tuple(result.unused_directives)))
        return self._strip(result)

    def _strip(self, result: LintResult) -> LintResult:
        result.rules = {}  # the caller attaches the shared metadata (see rules_of)
        if not self.job.keep_text:
            result.document = result.document.stub()
        return result


def _stub(path: str) -> Document:
    """A document that keeps only its path: what a result needs when its text is not shown."""
    return Document(path, "")


# --- worker processes -------------------------------------------------------------------

_WORKER: _Worker | None = None


def _init_worker(job: Job) -> None:
    global _WORKER
    import signal  # a worker process's only use of it

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _WORKER = _Worker(job)


def _lint_in_worker(todo: list[tuple[str, Config]]) -> list[Outcome]:
    assert _WORKER is not None
    return [_WORKER.lint(path, config) for path, config in todo]


def _in_workers(paths: list[tuple[str, Config]], job: Job, jobs: int) -> Iterator[Outcome]:
    """Results for `paths`, in order, from `jobs` worker processes."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    jobs = min(jobs, len(paths))
    chunk = max(1, min(MAX_CHUNK, len(paths) // (jobs * 8)))
    done = 0
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_init_worker, initargs=(job,))
    try:
        # A few chunks per worker in flight, not all of them: results the parent has not
        # printed yet would otherwise pile up in its memory while the workers run ahead.
        pending: deque[Any] = deque()
        for start in range(0, len(paths), chunk):
            pending.append(executor.submit(_lint_in_worker, paths[start:start + chunk]))
            while len(pending) > IN_FLIGHT * jobs or (pending and start + chunk >= len(paths)):
                for outcome in pending.popleft().result():
                    done += 1
                    yield outcome
    except BrokenProcessPool:  # a worker was killed (out of memory?): finish in this process
        worker = _Worker(job)
        for path, config in paths[done:]:
            yield worker.lint(path, config)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _context() -> Any:
    import multiprocessing

    # fork starts a worker in a millisecond with the rules already loaded; elsewhere
    # (macOS, Windows) fork is unsafe or missing and spawn is the default.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()
