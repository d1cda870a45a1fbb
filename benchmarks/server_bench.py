"""The language server on a warm process: open the ~30 KB example draft, then change it and time
each change until its diagnostics are published (what a drafter waits for after typing).

    .venv/bin/python benchmarks/server_bench.py [--changes 20] [--file examples/draft-2022-child-protection.txt]

Prints the first publication after opening (cold: imports, packs, regex cache), then for the
default debounce (the pause the server waits for more typing) and for debounce 0 (the lint
alone) the median and worst time from sending a change to receiving its version's diagnostics.
Needs termlint[server].
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parent.parent


class Client(LanguageClient):
    def __init__(self) -> None:
        super().__init__("termlint-bench", "1")
        self.arrived: dict[int | None, float] = {}

        @self.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            self.arrived.setdefault(params.version, time.perf_counter())


async def wait_for(client: Client, version: int, timeout: float = 60) -> float:
    deadline = time.perf_counter() + timeout
    while version not in client.arrived:
        if time.perf_counter() > deadline:
            raise TimeoutError(f"no diagnostics for version {version}")
        await asyncio.sleep(0.001)
    return client.arrived[version]


async def session(path: Path, changes: int, debounce: int | None) -> tuple[float, list[float]]:
    client = Client()
    await client.start_io(sys.executable, "-m", "termlint", "server")
    options = None if debounce is None else {"debounce": debounce}
    await client.initialize_async(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri=path.parent.as_uri(), initialization_options=options))
    client.initialized(types.InitializedParams())
    text = path.read_text(encoding="utf-8")
    uri = path.resolve().as_uri()
    sent = time.perf_counter()
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "plaintext", 1, text)))
    first = await wait_for(client, 1) - sent
    times = []
    for version in range(2, changes + 2):
        # one keystroke's worth of change: a space added at the end of a paragraph, or taken away
        new = text if version % 2 else text.replace("in order to protect", "in order to  protect", 1)
        sent = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=version, uri=uri),
            [types.TextDocumentContentChangeWholeDocument(text=new)]))
        times.append(await wait_for(client, version) - sent)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return first, times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--changes", type=int, default=20)
    parser.add_argument("--file", type=Path, default=ROOT / "examples" / "draft-2022-child-protection.txt")
    ns = parser.parse_args()
    size = ns.file.stat().st_size / 1024
    print(f"{ns.file.name}: {size:.0f} KB, {ns.changes} changes per run")
    for label, debounce in (("default debounce (150 ms)", None), ("debounce 0 (the lint alone)", 0)):
        first, times = asyncio.run(session(ns.file, ns.changes, debounce))
        print(f"{label:28s} open -> publish {first:.2f} s; change -> publish median {statistics.median(times):.3f} s, "
              f"worst {max(times):.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
