"""The server's state between messages: the settings, each open document's last lint, and the
scheduling of lints.

A change is linted after a pause (`debounce`); a newer change cancels the wait. The lint runs
in one worker thread, so the server keeps reading messages meanwhile, and its result is
published only if the document is still at the version that was linted: a stale result is
dropped, never shown (the newer version's own lint publishes).
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from termlint.core.model import Diagnostic
from termlint.server.convert import problem_diagnostic, to_lsp
from termlint.server.linting import Outcome, config_stamp, forget_configuration, lint_document, path_of
from termlint.server.options import OptionsError, ServerOptions, parse_options

log = logging.getLogger("termlint.server")
CONFIG_NAMES = ("termlint.toml", "pyproject.toml")


class Session:
    """Everything the handlers share; one per server."""

    def __init__(self, server: LanguageServer) -> None:
        self.server = server
        self.options = ServerOptions()
        self.root: Path | None = None
        self.outcomes: dict[str, tuple[int | None, Outcome]] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="termlint-lint")
        self.shown: set[str] = set()  # problems already shown once as a message
        self.flagged_configs: set[str] = set()  # configuration files we published a diagnostic on
        self.stamps: dict[Path, tuple[Any, ...]] = {}

    # -- settings ---------------------------------------------------------------------------

    @property
    def encoding(self) -> str:
        value = self.server.workspace.position_encoding or "utf-16"
        return str(getattr(value, "value", value))

    def set_options(self, raw: Any) -> bool:
        """Take the editor's settings; a bad one is reported once and the old settings stay."""
        try:
            self.options = parse_options(raw, self.root)
        except OptionsError as exc:
            self.message(f"termlint: settings not applied: {exc}", types.MessageType.Error)
            return False
        return True

    def configuration_changed(self) -> None:
        """A termlint.toml, pyproject.toml or pack changed: read them again, re-lint what is open."""
        forget_configuration()
        self.stamps.clear()
        self._clear_config_flags()  # the re-lint flags a configuration file again if it is still broken
        self.relint_all()

    def relint_all(self) -> None:
        """Lint every open document again (the settings or the configuration changed)."""
        self.shown.clear()
        self.outcomes.clear()  # the results of the old settings are not current any more
        for uri in list(self.server.workspace.text_documents):
            self.schedule(uri, 0)

    # -- linting ------------------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Lint `uri` after `delay` seconds, replacing a lint that has not started yet."""
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            outcome = await self.current(uri)
            if outcome is not None:
                self.publish(uri, *outcome)
        except asyncio.CancelledError:
            raise
        except Exception:  # a bug in the server must not end it: log it, keep serving
            log.exception("linting %s failed", uri)
            self.message(f"termlint: internal error while linting {uri} (see the server log)", types.MessageType.Error)
        finally:
            if self.pending.get(uri) is asyncio.current_task():
                del self.pending[uri]

    async def current(self, uri: str) -> tuple[int | None, Outcome] | None:
        """The lint of the document's current version (from the last lint when it is current).
        None when the document closed or changed while it was linted."""
        if uri not in self.server.workspace.text_documents:
            return None
        doc = self.server.workspace.get_text_document(uri)
        version = doc.version
        known = self.outcomes.get(uri)
        if known is not None and known[0] == version and version is not None:
            return known
        self._check_configuration(uri)
        outcome = await asyncio.get_running_loop().run_in_executor(
            self.executor, lint_document, uri, doc.source, self.options, self.root)
        if uri not in self.server.workspace.text_documents or self.server.workspace.get_text_document(uri).version != version:
            return None  # stale: a newer version is on its way
        self.outcomes[uri] = (version, outcome)
        return version, outcome

    def _check_configuration(self, uri: str) -> None:
        """Re-read configuration files whose modification stamp changed since the last lint here,
        for clients that do not report file changes."""
        folder = path_of(uri, self.root).parent
        stamp = config_stamp(folder)
        if self.stamps.get(folder, stamp) != stamp:
            forget_configuration()
            self.stamps.clear()
        self.stamps[folder] = stamp

    def close(self, uri: str) -> None:
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.outcomes.pop(uri, None)
        self.server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    # -- publishing ---------------------------------------------------------------------------

    def lsp(self, uri: str, outcome: Outcome, d: Diagnostic) -> types.Diagnostic:
        return to_lsp(d, outcome.document, uri, self.encoding, self.options.fail_on, self.options.docs_url)

    def publish(self, uri: str, version: int | None, outcome: Outcome) -> None:
        if outcome.problem is not None:
            diagnostics = [self._problem(uri, outcome)]
        else:
            assert outcome.result is not None
            diagnostics = [self.lsp(uri, outcome, d) for d in outcome.result.diagnostics]
        for error in outcome.errors:  # a rule failed: the other rules' findings are still published
            self.server.window_log_message(types.LogMessageParams(
                type=types.MessageType.Error, message=f"termlint: {outcome.document.path}: {error}"))
        self.server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics))

    def _problem(self, uri: str, outcome: Outcome) -> types.Diagnostic:
        """The one diagnostic (and the one message) of a document that could not be linted."""
        assert outcome.problem is not None
        diagnostic = problem_diagnostic(outcome.problem)
        if outcome.config_file:
            config_uri = Path(outcome.config_file).resolve().as_uri()
            at = types.Position(max(outcome.config_line - 1, 0), 0)
            place = types.Location(config_uri, types.Range(at, at))
            diagnostic.related_information = [types.DiagnosticRelatedInformation(place, "the configuration error")]
            if config_uri not in self.flagged_configs:
                self.flagged_configs.add(config_uri)
                self.server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                    uri=config_uri, diagnostics=[problem_diagnostic(outcome.problem, "config")]))
        if outcome.problem not in self.shown:
            self.shown.add(outcome.problem)
            self.message(outcome.problem, types.MessageType.Error)
        return diagnostic

    def _clear_config_flags(self) -> None:
        for config_uri in self.flagged_configs:
            self.server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=config_uri, diagnostics=[]))
        self.flagged_configs.clear()

    def message(self, text: str, kind: types.MessageType) -> None:
        log.warning("%s", text)
        self.server.window_show_message(types.ShowMessageParams(type=kind, message=text))

    def stop(self) -> None:
        for task in self.pending.values():
            task.cancel()
        self.pending.clear()
        self.executor.shutdown(wait=False, cancel_futures=True)
