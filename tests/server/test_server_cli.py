"""`termlint server` from the command line: --help, the missing extra, and `check` not paying for it."""

from __future__ import annotations

import subprocess
import sys

from conftest import SEED

from termlint.rules.explain import explain_text


def test_server_help_and_the_missing_extra() -> None:
    helped = subprocess.run([sys.executable, "-m", "termlint", "server", "--help"], capture_output=True, text=True)
    assert helped.returncode == 0 and "language server" in helped.stdout
    code = ("import sys; sys.modules['pygls'] = None; sys.modules['pygls.lsp'] = None\n"
            "from termlint.cli.main import main; sys.exit(main(['server']))")
    missing = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert missing.returncode == 2 and "install termlint[server]" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_termlint_check_does_not_import_the_server() -> None:
    code = ("import sys; from termlint.cli.main import main; main(['check', '--format', 'json', sys.argv[1]]);"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol') or m.startswith('termlint.server')), file=sys.stderr)")
    run = subprocess.run([sys.executable, "-c", code, str(SEED)], capture_output=True, text=True)
    assert run.stderr.strip().splitlines()[-1] == "[]"


def test_hover_text_is_the_explain_text() -> None:
    # the hover reuses explain_text; `termlint explain` prints exactly it
    from termlint.rules.registry import all_rules

    meta = {r.meta.code: r.meta for r in all_rules()}["PU001"]
    out = subprocess.run([sys.executable, "-m", "termlint", "explain", "PU001"], capture_output=True, text=True).stdout
    assert out == explain_text(meta)


def test_docs_links_follow_the_setting_the_environment_or_the_rule_reference(tmp_path, monkeypatch) -> None:
    from termlint.rules import explain

    monkeypatch.delenv("TERMLINT_DOCS_URL", raising=False)
    reference = tmp_path / "docs" / "rules.md"
    monkeypatch.setattr(explain, "RULES_DOC", reference)
    assert explain.docs_url("PU001") is None  # no reference, no setting: no link
    reference.parent.mkdir()
    reference.write_text("# Rules\n", encoding="utf-8")
    assert explain.docs_url("PU001") == reference.as_uri() + "#pu001"
    monkeypatch.setenv("TERMLINT_DOCS_URL", "https://example.org/rules/")
    assert explain.docs_url("PU001") == "https://example.org/rules/PU001"
    assert explain.docs_url("PU001", "https://x.org/r.html#{code_lower}") == "https://x.org/r.html#pu001"
