"""The wheel carries the packs and the grammar: install it into a fresh environment and run it elsewhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SEED


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True, timeout=600)
    (built,) = out.glob("termlint-*.whl")
    return built


def test_wheel_contains_packs_and_grammar(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "termlint/_data/grammar/resolution.lark" in names
    packs = [n for n in names if n.startswith("termlint/_data/rules/") and n.endswith(".toml")]
    assert "termlint/_data/rules/punctuation.toml" in packs
    assert len(packs) == len(list((ROOT / "rules").rglob("*.toml")))  # packs and the data lists under rules/lists/
    templates = {n.rsplit("/", 1)[1] for n in names if n.startswith("termlint/formats/templates/")}
    assert templates == {p.name for p in (ROOT / "termlint" / "formats" / "templates").iterdir()}


def test_installed_wheel_runs_from_another_directory(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", f"{wheel}[html]"], check=True, timeout=600,
                   capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    draft = elsewhere / "draft.txt"
    draft.write_bytes(SEED.read_bytes())
    termlint = env_dir / "bin" / "termlint"
    out = subprocess.run([str(termlint), "check", "--format", "json", "draft.txt"], cwd=elsewhere,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 1, out.stderr
    findings = json.loads(out.stdout)
    assert any(f["code"] == "PU001" and (f["line"], f["column"]) == (136, 177) for f in findings)
    # The HTML page's template comes from the installed package.
    page = subprocess.run([str(termlint), "check", "--format", "html", "-o", "report.html", "draft.txt"], cwd=elsewhere,
                          capture_output=True, text=True, timeout=120)
    assert page.returncode == 1, page.stderr
    assert "<style>" in (elsewhere / "report.html").read_text(encoding="utf-8")
    # It runs the installed copy, not this checkout.
    where = subprocess.run([str(python), "-c", "import termlint, sys; print(termlint.__file__)"], cwd=elsewhere,
                           capture_output=True, text=True).stdout
    assert str(env_dir) in where
    assert subprocess.run([str(termlint), "--version"], capture_output=True, text=True).stdout.startswith("termlint ")
