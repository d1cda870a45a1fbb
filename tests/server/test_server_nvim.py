"""A real editor drives `termlint server`: headless Neovim opens the example draft with the README's
configuration and reads the diagnostics back (positions converted by Neovim itself from UTF-16)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEED

NVIM = shutil.which("nvim")
# CI installs Neovim (.ci/run, as root with apt-get); elsewhere the test may skip, saying why
pytestmark = pytest.mark.skipif(NVIM is None and os.geteuid() != 0,
                                reason="Neovim is not installed (apt-get install neovim; .ci/run installs it)")

# Neovim before 0.8 (Debian 12 ships 0.7) has no vim.lsp.start: the same call in older terms.
POLYFILL = """
if not vim.lsp.start then
  vim.lsp.start = function(config)
    local id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(0, id)
    return id
  end
end
"""
REPORT = """
local function report()
  local ok = vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 50)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(out, {lnum = d.lnum, col = d.col, end_col = d.end_col, code = code, message = d.message,
                       severity = d.severity, source = d.source})
  end
  vim.fn.writefile({vim.fn.json_encode({waited = ok, diagnostics = out})}, "diagnostics.json")
  vim.cmd("qa!")
end
report()
"""


def _readme_lua() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```lua\n(.*?)```", readme, flags=re.S) if "vim.lsp.start(" in b]
    assert blocks, "README.md has no ```lua block with vim.lsp.start("
    return blocks[0]


def test_neovim_shows_the_drafts_diagnostics(tmp_path: Path) -> None:
    assert NVIM is not None, "Neovim is missing although this machine could install it: run .ci/run as root"
    draft = tmp_path / "draft-2022-child-protection.txt"
    shutil.copyfile(SEED, draft)
    config = _readme_lua()
    assert '{ "termlint", "server" }' in config
    ours = "{ " + ", ".join(json.dumps(a) for a in (sys.executable, "-m", "termlint", "server")) + " }"
    (tmp_path / "init.lua").write_text(POLYFILL + config.replace('{ "termlint", "server" }', ours), encoding="utf-8")
    (tmp_path / "report.lua").write_text(REPORT, encoding="utf-8")
    proc = subprocess.run([NVIM, "--headless", "-n", "-i", "NONE", "-u", "init.lua", "-c", "luafile report.lua",
                           draft.name], cwd=tmp_path, capture_output=True, text=True, timeout=180,
                          env={**os.environ, "XDG_STATE_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)})
    out = json.loads((tmp_path / "diagnostics.json").read_text(encoding="utf-8"))
    assert out["waited"], proc.stderr
    found = out["diagnostics"]
    pu = [d for d in found if d["code"] == "PU001"]
    assert len(pu) == 1
    line = SEED.read_text(encoding="utf-8").split("\n")[135]
    # Neovim counts bytes: it converted the server's UTF-16 columns into the line's UTF-8 bytes
    assert (pu[0]["lnum"], pu[0]["col"]) == (135, len(line[:176].encode("utf-8")))
    assert pu[0]["source"] == "termlint" and pu[0]["message"] == "doubled punctuation “, ,”: keep one mark"
    # every finding of `termlint check`, each at the same place (its character column in bytes)
    cli = json.loads(subprocess.run([sys.executable, "-m", "termlint", "check", "--format", "json", "--no-cache",
                                     draft.name], cwd=tmp_path, capture_output=True, text=True).stdout)
    lines = SEED.read_text(encoding="utf-8").split("\n")
    expected = sorted((f["line"] - 1, len(lines[f["line"] - 1][: f["column"] - 1].encode("utf-8")), f["code"])
                      for f in cli)
    assert sorted((d["lnum"], d["col"], d["code"]) for d in found) == expected
    assert any(len(lines[f["line"] - 1][: f["column"] - 1].encode("utf-8")) != f["column"] - 1 for f in cli)
