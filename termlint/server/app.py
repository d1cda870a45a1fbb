"""The language server: its capabilities and handlers. `serve()` runs it over stdio."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from termlint import __version__
from termlint.rules.explain import explain_text
from termlint.server import actions
from termlint.server.linting import path_of
from termlint.server.positions import to_offset
from termlint.server.session import CONFIG_NAMES, Session

WATCHED = ("**/termlint.toml", "**/pyproject.toml")


def build_server() -> LanguageServer:
    """A termlint language server with every handler registered (not started)."""
    server = LanguageServer("termlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
    session = Session(server)

    @server.feature(types.INITIALIZE)
    def initialize(params: types.InitializeParams) -> None:
        if params.root_uri:
            session.root = path_of(params.root_uri)
        elif params.root_path:
            session.root = Path(params.root_path)
        session.set_options(params.initialization_options)

    @server.feature(types.INITIALIZED)
    def initialized(params: types.InitializedParams) -> None:
        caps = server.client_capabilities.workspace
        watched = caps.did_change_watched_files if caps else None
        if watched is not None and watched.dynamic_registration:
            registration = types.Registration(
                id="termlint-config-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(
                    watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED]))
            server.client_register_capability(types.RegistrationParams(registrations=[registration]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(params: types.DidOpenTextDocumentParams) -> None:
        session.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(params: types.DidChangeTextDocumentParams) -> None:
        session.schedule(params.text_document.uri, session.options.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri.rsplit("/", 1)[-1] in CONFIG_NAMES or path_of(uri) in session.options.packs:
            session.configuration_changed()
        else:
            session.schedule(uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(params: types.DidCloseTextDocumentParams) -> None:
        session.close(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(params: types.DidChangeConfigurationParams) -> None:
        raw = params.settings
        if raw is None or raw == {}:  # the client wants to be asked (the pull model)
            raw = await _pull_settings(server)
        if session.set_options(raw):
            session.relint_all()

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def did_change_watched_files(params: types.DidChangeWatchedFilesParams) -> None:
        if any(c.uri.endswith(".toml") for c in params.changes):
            session.configuration_changed()

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(params: types.HoverParams) -> types.Hover | None:
        found = await session.current(params.text_document.uri)
        if found is None or found[1].result is None:
            return None
        outcome = found[1]
        assert outcome.result is not None
        document = outcome.document
        at = to_offset(document, params.position.line, params.position.character, session.encoding)
        here = [d for d in outcome.result.diagnostics if d.start <= at <= max(d.end, d.start + 1)]
        if not here:
            return None
        parts, seen = [], set()
        for d in here:
            meta = outcome.result.rules.get(d.code)
            if meta is None or d.code in seen:
                continue
            seen.add(d.code)
            parts.append(f"{d.code}: {d.message}\n\n```text\n{explain_text(meta)}```")
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
                           range=session.lsp(params.text_document.uri, outcome, here[0]).range)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll, actions.FIX_ALL]))
    async def code_action(params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        found = await session.current(uri)
        if found is None or found[1].result is None:
            return None
        version, outcome = found
        assert outcome.result is not None
        caps = server.client_capabilities.workspace
        versioned = bool(caps and caps.workspace_edit and caps.workspace_edit.document_changes)
        edit_for = actions.EditMaker(uri, version, session.encoding, versioned)
        only = params.context.only

        def lsp_of(d: Any) -> types.Diagnostic:
            return session.lsp(uri, outcome, d)

        out: list[types.CodeAction] = []
        if actions.wanted(actions.QUICK_FIX, only):
            here = actions.in_range(outcome.result.diagnostics, outcome.document, params.range, session.encoding)
            out += actions.quick_fixes(here, outcome.document, edit_for, lsp_of)
            out += actions.suppressions(here, outcome.document, edit_for, lsp_of)
        # Fix all re-lints until stable, so it is computed only when asked for by kind (on save, or
        # the Source Action menu), not for every cursor move.
        asked = only is not None and actions.wanted(actions.FIX_ALL, only)
        if asked and outcome.settings is not None and any(d.fix and d.fix.safe for d in outcome.result.diagnostics):
            action = actions.fix_all(outcome.document, outcome.settings, edit_for)
            if action is not None:
                out.append(action)
        return out

    @server.feature(types.SHUTDOWN)
    def shutdown(params: Any) -> None:
        session.stop()

    return server


async def _pull_settings(server: LanguageServer) -> Any:
    """The "termlint" section of the client's settings, asked with workspace/configuration."""
    caps = server.client_capabilities.workspace
    if not (caps and caps.configuration):
        return None
    try:
        values = await server.workspace_configuration_async(
            types.ConfigurationParams(items=[types.ConfigurationItem(section="termlint")]))
    except Exception:  # a client that cannot answer: keep the settings we have
        return None
    return values[0] if values else None


def serve() -> int:
    """Run the server on standard input and output until the client says exit."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="termlint server: %(levelname)s: %(message)s")
    build_server().start_io()
    return 0
