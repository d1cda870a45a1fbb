"""A pytest-lsp client that drives the real `termlint server` over stdio, for tests/server/test_server*.py.

The client records every publishDiagnostics (with its version), every window/showMessage and
window/logMessage, and every client/registerCapability, so a test can wait for the one it expects
and check that nothing stale was published.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

SERVER = [sys.executable, "-m", "termlint", "server"]
TIMEOUT = 60.0  # seconds; a cold start on a busy 2-core machine takes a few


class Recorder(LanguageClient):
    published: list[types.PublishDiagnosticsParams]
    registrations: list[types.Registration]


def _client() -> Recorder:
    client = Recorder(converter_factory=default_converter)
    client.published = []
    client.registrations = []
    features = dict(DEFAULT_CLIENT_FEATURES)

    def publish(client: Recorder, params: types.PublishDiagnosticsParams) -> None:
        client.published.append(params)
        client.diagnostics[params.uri] = params.diagnostics

    def register(client: Recorder, params: types.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)

    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = publish
    features[types.CLIENT_REGISTER_CAPABILITY] = register
    register_lsp_features(client, features)
    return client


@contextlib.asynccontextmanager
async def running(root: Path, options: Any = None, encodings: list[str] | None = None,
                  env: dict[str, str] | None = None) -> AsyncIterator[Recorder]:
    """A started and initialised server with `root` as its workspace; shut down and exited after."""
    config = ClientServerConfig(server_command=SERVER, client_factory=_client,
                                server_env={**os.environ, **(env or {})})
    client = await config.start()
    assert isinstance(client, Recorder)
    capabilities = client_capabilities("visual-studio-code")
    if encodings is not None:
        capabilities.general = types.GeneralClientCapabilities(position_encodings=encodings)
    await client.initialize_session(types.InitializeParams(
        capabilities=capabilities, root_uri=root.as_uri(), initialization_options=options))
    try:
        yield client
    finally:
        await client.shutdown_session()
        await client.stop()


async def until(condition: Callable[[], Any], what: str, timeout: float = TIMEOUT) -> Any:
    """Poll until condition() is truthy; return its value."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        value = condition()
        if value:
            return value
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


async def diagnostics(client: Recorder, uri: str, version: int | None = None,
                      after: int = 0) -> list[types.Diagnostic]:
    """The first diagnostics published for `uri` (at `version`) among publications number `after` on."""
    def found() -> list[types.Diagnostic] | None:
        for p in client.published[after:]:
            if p.uri == uri and (version is None or p.version == version):
                return list(p.diagnostics) or [types.Diagnostic(range=types.Range(types.Position(0, 0), types.Position(0, 0)), message="<none>", code="none")]
        return None

    got = await until(found, f"diagnostics for {uri} version {version}")
    return [d for d in got if d.code != "none"]


def open_doc(client: LanguageClient, uri: str, text: str, version: int = 1, language: str = "plaintext") -> None:
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, language, version, text)))


def change_doc(client: LanguageClient, uri: str, text: str, version: int) -> None:
    """Replace the whole text (a full-content change, which every server must accept)."""
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(version=version, uri=uri),
        [types.TextDocumentContentChangeWholeDocument(text=text)]))


def offset(text: str, position: types.Position) -> int:
    """An LSP position (UTF-16 code units) as an index into `text`, computed independently of the server."""
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: position.line])
    line = lines[position.line] if position.line < len(lines) else ""
    units = 0
    for i, ch in enumerate(line):
        if units >= position.character:
            return start + i
        units += 2 if ord(ch) > 0xFFFF else 1
    return start + len(line)


def apply(text: str, edit: types.WorkspaceEdit, uri: str) -> str:
    """The text after a workspace edit (as a client applies it), for one document."""
    if edit.document_changes:
        edits = [e for change in edit.document_changes if isinstance(change, types.TextDocumentEdit)
                 and change.text_document.uri == uri for e in change.edits]
    else:
        edits = list((edit.changes or {}).get(uri, []))
    spans = sorted(((offset(text, e.range.start), offset(text, e.range.end), e.new_text) for e in edits), reverse=True)
    for start, end, new in spans:  # right to left, so earlier offsets stay valid
        text = text[:start] + new + text[end:]
    return text
