"""`termlint server` end to end: pytest-lsp drives the real server process over stdio."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED
from lsp_harness import apply, change_doc, diagnostics, offset, open_doc, running, until
from lsprotocol import types

from termlint.engine.lint import lint_text
from termlint.run.runner import Overrides, file_settings
from termlint.text.document import Document

pytestmark = pytest.mark.asyncio


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    """A copy of the example draft in a folder of its own (no configuration above it but none)."""
    copy = tmp_path / "draft.txt"
    shutil.copyfile(SEED, copy)
    return copy


def _at(ds: list[types.Diagnostic], code: str) -> list[types.Diagnostic]:
    return [d for d in ds if d.code == code]


async def test_open_publishes_the_drafts_findings_as_the_cli_reports_them(draft: Path) -> None:
    text = draft.read_text(encoding="utf-8")
    async with running(draft.parent) as client:
        open_doc(client, draft.as_uri(), text)
        got = await diagnostics(client, draft.as_uri(), 1)
    pu = _at(got, "PU001")
    assert len(pu) == 1
    assert (pu[0].range.start.line, pu[0].range.start.character) == (135, 176)  # the CLI's 136:177
    assert (pu[0].range.end.line, pu[0].range.end.character) == (135, 179)
    assert pu[0].severity == types.DiagnosticSeverity.Warning
    assert pu[0].source == "termlint"
    assert pu[0].message == "doubled punctuation “, ,”: keep one mark"
    # the same findings as the CLI, in number and code
    cli = subprocess.run([sys.executable, "-m", "termlint", "check", "--format", "concise", "--no-cache", str(draft)],
                         capture_output=True, text=True, cwd=draft.parent)
    cli_codes = sorted(line.split(": ", 2)[2].split()[0] for line in cli.stdout.splitlines() if ": " in line)
    assert sorted(d.code for d in got) == cli_codes
    # info findings stay information; related information points at the line a message names
    assert any(d.severity == types.DiagnosticSeverity.Information for d in got)
    unodc = [d for d in _at(got, "AC001") if "UNODC" in d.message][0]
    assert unodc.related_information and unodc.related_information[0].location.range.start.line == 133
    assert unodc.related_information[0].message.startswith("line 134: 19. *Requests* the United Nations Office")


async def test_code_description_links_to_the_rule_docs(draft: Path) -> None:
    async with running(draft.parent, {"docsUrl": "https://docs.example.org/rules/{code}"}) as client:
        open_doc(client, draft.as_uri(), draft.read_text(encoding="utf-8"))
        got = await diagnostics(client, draft.as_uri(), 1)
    pu = _at(got, "PU001")[0]
    assert pu.code_description is not None and pu.code_description.href == "https://docs.example.org/rules/PU001"


async def test_quick_fix_turns_the_doubled_comma_into_one(draft: Path) -> None:
    text = draft.read_text(encoding="utf-8")
    uri = draft.as_uri()
    async with running(draft.parent) as client:
        open_doc(client, uri, text)
        pu = _at(await diagnostics(client, uri, 1), "PU001")[0]
        actions = await client.text_document_code_action_async(types.CodeActionParams(
            types.TextDocumentIdentifier(uri), pu.range, types.CodeActionContext(diagnostics=[pu])))
        fixes = [a for a in actions or [] if a.title.startswith("Fix PU001")]
        assert len(fixes) == 1 and fixes[0].kind == types.CodeActionKind.QuickFix and fixes[0].is_preferred
        fixed = apply(text, fixes[0].edit, uri)
        line = fixed.split("\n")[135]
        assert "exploitation, , in order" in text.split("\n")[135]
        assert "exploitation, in order" in line and ", ," not in line
        assert fixed.replace("exploitation, in order", "exploitation, , in order") == text  # nothing else moved
        assert {d.code for a in actions or [] for d in a.diagnostics or []} == {"PU001"}  # only what is selected
        # a cursor between CO104's term and the commas: both findings' actions; the unsafe fix is
        # offered, marked and never preferred
        cursor = types.Range(pu.range.start, pu.range.start)
        both = await client.text_document_code_action_async(types.CodeActionParams(
            types.TextDocumentIdentifier(uri), cursor, types.CodeActionContext(diagnostics=[])))
        unsafe = [a for a in both or [] if a.title.startswith("Fix CO104")]
        assert len(unsafe) == 1 and "unsafe" in unsafe[0].title and not unsafe[0].is_preferred
        assert [a for a in both or [] if a.title.startswith("Fix PU001")]
        # the change that removes the defect removes its diagnostic, and only that one
        after = len(client.published)
        change_doc(client, uri, fixed, 2)
        now = await diagnostics(client, uri, 2, after)
    assert not _at(now, "PU001")
    assert sorted(d.code for d in now) == sorted(d.code for d in await _codes_without(text, "PU001"))


async def _codes_without(text: str, code: str) -> list[types.Diagnostic]:
    return [types.Diagnostic(range=types.Range(types.Position(0, 0), types.Position(0, 0)), message="", code=c)
            for c in _cli_codes(text) if c != code]


def _cli_codes(text: str) -> list[str]:
    _, _, settings = file_settings(str(SEED), Overrides())
    return [d.code for d in lint_text(Document.from_text(text), settings).diagnostics]


async def test_fix_all_gives_the_text_of_termlint_check_fix(draft: Path, tmp_path: Path) -> None:
    text = draft.read_text(encoding="utf-8")
    uri = draft.as_uri()
    async with running(draft.parent) as client:
        open_doc(client, uri, text)
        await diagnostics(client, uri, 1)
        actions = await client.text_document_code_action_async(types.CodeActionParams(
            types.TextDocumentIdentifier(uri), types.Range(types.Position(0, 0), types.Position(0, 0)),
            types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll])))
    fix_all = [a for a in actions or [] if a.kind == "source.fixAll.termlint"]
    assert len(fix_all) == 1 and fix_all[0].title == "Fix all termlint problems"
    fixed = apply(text, fix_all[0].edit, uri)
    cli_copy = tmp_path / "cli" / "draft.txt"
    cli_copy.parent.mkdir()
    shutil.copyfile(SEED, cli_copy)
    subprocess.run([sys.executable, "-m", "termlint", "check", "--fix", "--no-cache", str(cli_copy)],
                   capture_output=True, cwd=cli_copy.parent)
    assert fixed != text
    assert fixed == cli_copy.read_text(encoding="utf-8")


async def test_hover_shows_the_rules_explain_text(draft: Path) -> None:
    uri = draft.as_uri()
    async with running(draft.parent) as client:
        open_doc(client, uri, draft.read_text(encoding="utf-8"))
        await diagnostics(client, uri, 1)
        hover = await client.text_document_hover_async(types.HoverParams(
            types.TextDocumentIdentifier(uri), types.Position(135, 177)))
        nothing = await client.text_document_hover_async(types.HoverParams(
            types.TextDocumentIdentifier(uri), types.Position(2, 0)))
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    explain = subprocess.run([sys.executable, "-m", "termlint", "explain", "PU001"], capture_output=True, text=True)
    assert explain.stdout.strip() and explain.stdout.strip() in hover.contents.value
    assert "doubled punctuation “, ,”: keep one mark" in hover.contents.value
    assert nothing is None


async def test_suppress_inserts_a_directive_termlint_honours(draft: Path) -> None:
    text = draft.read_text(encoding="utf-8")
    uri = draft.as_uri()
    async with running(draft.parent) as client:
        open_doc(client, uri, text)
        before = await diagnostics(client, uri, 1)
        pu = _at(before, "PU001")[0]
        actions = await client.text_document_code_action_async(types.CodeActionParams(
            types.TextDocumentIdentifier(uri), pu.range, types.CodeActionContext(diagnostics=[pu])))
        suppress = [a for a in actions or [] if a.title == "Suppress PU001 on this line"]
        assert len(suppress) == 1
        suppressed = apply(text, suppress[0].edit, uri)
        assert suppressed.split("\n")[135] == "<!-- termlint: disable-next-line=PU001 -->"
        mark = len(client.published)
        change_doc(client, uri, suppressed, 2)
        after = await diagnostics(client, uri, 2, mark)
    assert not _at(after, "PU001")
    assert sorted(d.code for d in after) == sorted(d.code for d in before if d.code != "PU001")


async def test_settings_select_ignore_and_fail_level(draft: Path) -> None:
    uri = draft.as_uri()
    async with running(draft.parent, {"ignore": ["PU"]}) as client:
        open_doc(client, uri, draft.read_text(encoding="utf-8"))
        first = await diagnostics(client, uri, 1)
        assert first and not any(d.code.startswith("PU") for d in first)
        mark = len(client.published)
        client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
            settings={"termlint": {"select": ["PU001", "TM"], "failOn": "warning"}}))
        second = await diagnostics(client, uri, 1, mark)
        # a setting the server cannot use: one message naming it, and the settings in force stay
        client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
            settings={"termlint": {"failOn": "loud", "path": "/usr/bin/termlint"}}))
        refused = await until(lambda: [m for m in client.messages if "failOn" in m.message], "the refusal")
        mark = len(client.published)
        change_doc(client, uri, draft.read_text(encoding="utf-8") + "\n", 2)
        third = await diagnostics(client, uri, 2, mark)
    assert {d.code for d in second} == {"PU001", "TM101", "TM104"}
    assert len(refused) == 1 and "unknown severity 'loud'" in refused[0].message
    assert {d.code for d in third} == {"PU001", "TM101", "TM104"}
    # below the fail level a finding is a hint: TM101/TM104 inside an official title are info
    assert {d.severity for d in second if d.code.startswith("TM")} == {types.DiagnosticSeverity.Hint}
    assert _at(second, "PU001")[0].severity == types.DiagnosticSeverity.Warning


async def test_a_changed_termlint_toml_relints_open_documents(draft: Path) -> None:
    uri = draft.as_uri()
    config = draft.parent / "termlint.toml"
    config.write_text('ignore = ["PU001"]\n', encoding="utf-8")
    async with running(draft.parent) as client:
        assert any(r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES for r in await until(
            lambda: client.registrations, "the file watcher registration"))
        open_doc(client, uri, draft.read_text(encoding="utf-8"))
        assert not _at(await diagnostics(client, uri, 1), "PU001")
        config.write_text('ignore = ["CO"]\n', encoding="utf-8")
        mark = len(client.published)
        client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
            [types.FileEvent(config.as_uri(), types.FileChangeType.Changed)]))
        after = await diagnostics(client, uri, 1, mark)
    assert _at(after, "PU001") and not any(d.code.startswith("CO") for d in after)


async def test_a_broken_configuration_is_one_clear_message_and_the_server_goes_on(draft: Path) -> None:
    uri = draft.as_uri()
    config = draft.parent / "termlint.toml"
    config.write_text('select = ["PU"]\n\nfail-on = "warning"\ncolour = "blue"\n', encoding="utf-8")
    async with running(draft.parent) as client:
        open_doc(client, uri, draft.read_text(encoding="utf-8"))
        got = await diagnostics(client, uri, 1)
        assert len(got) == 1
        assert f"{config}:4:" in got[0].message and "colour" in got[0].message
        assert got[0].severity == types.DiagnosticSeverity.Error
        assert got[0].related_information and got[0].related_information[0].location.range.start.line == 3
        assert sum(f"{config}:4:" in m.message for m in client.messages) == 1
        config.write_text('select = ["PU"]\n', encoding="utf-8")  # mended: linting resumes
        mark = len(client.published)
        client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
            [types.FileEvent(config.as_uri(), types.FileChangeType.Changed)]))
        after = await diagnostics(client, uri, 1, mark)
    assert after and all(d.code.startswith("PU") for d in after) and _at(after, "PU001")


async def test_positions_count_utf16_code_units(tmp_path: Path) -> None:
    text = "Noting 😀😀 the need , , to act.\n"  # two characters outside the BMP before the defect
    uri = (tmp_path / "emoji.md").as_uri()
    async with running(tmp_path) as client:
        open_doc(client, uri, text, language="markdown")
        pu = _at(await diagnostics(client, uri, 1), "PU001")[0]
        actions = await client.text_document_code_action_async(types.CodeActionParams(
            types.TextDocumentIdentifier(uri), pu.range, types.CodeActionContext(diagnostics=[pu])))
    column = text.index(", ,")  # 19 characters (code points) before it
    assert (pu.range.start.character, pu.range.end.character) == (column + 2, column + 5)  # each emoji is 2 units
    assert text[offset(text, pu.range.start):offset(text, pu.range.end)] == ", ,"
    fix = [a for a in actions or [] if a.title.startswith("Fix PU001")][0]
    assert apply(text, fix.edit, uri) == "Noting 😀😀 the need , to act.\n"


async def test_a_client_that_counts_code_points_gets_code_points(tmp_path: Path) -> None:
    text = "Noting 😀😀 the need , , to act.\n"
    uri = (tmp_path / "emoji.md").as_uri()
    async with running(tmp_path, encodings=["utf-32"]) as client:
        open_doc(client, uri, text, language="markdown")
        pu = _at(await diagnostics(client, uri, 1), "PU001")[0]
    assert pu.range.start.character == text.index(", ,")


async def test_only_the_latest_version_is_published(draft: Path) -> None:
    text = draft.read_text(encoding="utf-8")
    uri = draft.as_uri()
    async with running(draft.parent) as client:
        open_doc(client, uri, text)
        await diagnostics(client, uri, 1)
        mark = len(client.published)
        for version in range(2, 8):  # typing: each version removes or restores the defect
            change_doc(client, uri, text if version % 2 else text.replace(", , in order", ", in order"), version)
        final = await diagnostics(client, uri, 7, mark)
        await asyncio.sleep(0.5)  # time for a stale publication to arrive, if there were one
    assert [p.version for p in client.published[mark:]] == [7]  # the pause in typing: one lint
    assert _at(final, "PU001")  # version 7 (odd) has the defect back


async def test_a_result_is_published_only_for_the_version_it_was_linted_from(draft: Path) -> None:
    text = draft.read_text(encoding="utf-8")
    uri = draft.as_uri()
    async with running(draft.parent, {"debounce": 0}) as client:  # every change linted at once
        open_doc(client, uri, text)
        await diagnostics(client, uri, 1)
        mark = len(client.published)
        for version in range(2, 12):  # changes arrive while earlier versions are being linted
            change_doc(client, uri, text if version % 2 else text.replace(", , in order", ", in order"), version)
            await asyncio.sleep(0.03)
        await diagnostics(client, uri, 11, mark)
        await asyncio.sleep(0.5)
    versions = [p.version for p in client.published[mark:]]
    assert versions[-1] == 11 and versions == sorted(set(versions))  # never an older version after a newer
    for p in client.published[mark:]:  # each publication matches the text of its own version
        assert bool(_at(list(p.diagnostics), "PU001")) == bool(p.version % 2), p.version


async def test_documents_that_cannot_be_linted_get_one_message(tmp_path: Path) -> None:
    big = "Recalling its resolution 74/174.\n" * 340_000  # ~11 MB, over the 10 MB limit of termlint check
    async with running(tmp_path) as client:
        open_doc(client, (tmp_path / "big.md").as_uri(), big)
        open_doc(client, (tmp_path / "nul.txt").as_uri(), "text\0with a NUL")
        huge = await diagnostics(client, (tmp_path / "big.md").as_uri(), 1)
        binary = await diagnostics(client, (tmp_path / "nul.txt").as_uri(), 1)
        # the server is still there
        open_doc(client, (tmp_path / "ok.md").as_uri(), "Noting , , that.\n")
        ok = await diagnostics(client, (tmp_path / "ok.md").as_uri(), 1)
    assert len(huge) == 1 and "too large" in huge[0].message and "10 MB" in huge[0].message
    assert len(binary) == 1 and "NUL character at line 1, column 5" in binary[0].message
    assert _at(ok, "PU001")


async def test_a_failing_rule_is_logged_and_the_other_rules_still_report(tmp_path: Path) -> None:
    pack = tmp_path / "slow.toml"
    pack.write_text(
        '[pack]\nname = "slow"\n\n[[rules]]\ncode = "ZZ001"\nname = "backtracks"\nkind = "pattern"\n'
        'category = "punctuation"\nseverity = "warning"\nsummary = "catastrophic"\nmessage = "never"\n'
        "pattern = '(\\p{L}|\\p{L}\\p{L})+\\d'\n", encoding="utf-8")
    uri = (tmp_path / "slow.md").as_uri()
    async with running(tmp_path, {"packs": [str(pack)]}) as client:
        open_doc(client, uri, "Noting , , that " + "resolutionsandthedecisionsofthegeneralassembly" * 3 + ".\n")
        got = await diagnostics(client, uri, 1)
        logged = await until(lambda: [m for m in client.log_messages if "ZZ001" in m.message], "the rule's error")
    assert _at(got, "PU001")
    assert logged[0].type == types.MessageType.Error and "took longer than" in logged[0].message


async def test_shutdown_and_exit_end_the_process_cleanly(tmp_path: Path) -> None:
    async with running(tmp_path) as client:
        open_doc(client, (tmp_path / "a.md").as_uri(), "Noting , , that.\n")
        await diagnostics(client, (tmp_path / "a.md").as_uri(), 1)
        process = client._server
    assert process is not None and process.returncode == 0


async def test_saving_a_termlint_toml_in_the_editor_relints_and_saving_a_draft_publishes(draft: Path) -> None:
    uri = draft.as_uri()
    config = draft.parent / "termlint.toml"
    config.write_text('select = ["PU001"]\n', encoding="utf-8")
    async with running(draft.parent) as client:
        open_doc(client, uri, draft.read_text(encoding="utf-8"))
        assert {d.code for d in await diagnostics(client, uri, 1)} == {"PU001"}
        config.write_text('select = ["ST122"]\n', encoding="utf-8")
        mark = len(client.published)
        client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(config.as_uri())))
        assert {d.code for d in await diagnostics(client, uri, 1, mark)} == {"ST122"}
        mark = len(client.published)
        client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri)))
        assert {d.code for d in await diagnostics(client, uri, 1, mark)} == {"ST122"}
