"""Issue 15: the annotated copy and the fixed copy of a Word draft open in LibreOffice.

LibreOffice (Debian's libreoffice-writer-nogui, installed by .ci/run) converts each to PDF, and
saves each again as .docx: the comments and revisions it kept are counted in its own XML, so
they are what LibreOffice read, not what termlint wrote. The test skips only where it cannot
install LibreOffice (not root) and it is missing; in CI it always runs.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from docx_fixtures import EVERYTHING, accept_all, count, seed_docx

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
if SOFFICE is None:
    if os.geteuid() == 0 or os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) is missing: .ci/run installs libreoffice-writer-nogui", pytrace=False)
    pytest.skip("LibreOffice (soffice) is not installed and this user cannot install it "
                "(apt-get install libreoffice-writer-nogui)", allow_module_level=True)

PARTS = ("word/document.xml", "word/footnotes.xml")


def soffice(folder: Path, target: str, *files: Path) -> Path:
    """Convert `files` with LibreOffice into folder/out (its own profile: runs never share one)."""
    out = folder / "out"
    profile = (folder / "profile").as_uri()
    done = subprocess.run([str(SOFFICE), f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
                           "--outdir", str(out), *map(str, files)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "termlint", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def tally(data: bytes, tag: str) -> int:
    return sum(count(data, part, tag) for part in PARTS)


def test_annotated_and_fixed_copies_open_in_libreoffice(tmp_path: Path) -> None:
    (tmp_path / "draft.docx").write_bytes(seed_docx(EVERYTHING))
    assert run("annotate", "draft.docx", cwd=tmp_path).returncode == 1
    (tmp_path / "fixed.docx").write_bytes(seed_docx(EVERYTHING))
    assert run("check", "--fix", "--no-cache", "fixed.docx", cwd=tmp_path).returncode == 1
    annotated, fixed = tmp_path / "draft.termlint.docx", tmp_path / "fixed.docx"
    written = {"comments": count(annotated.read_bytes(), "word/comments.xml", "comment"),
               "ins": tally(fixed.read_bytes(), "ins"), "del": tally(fixed.read_bytes(), "del"),
               "rPrChange": tally(fixed.read_bytes(), "rPrChange")}
    assert written == {"comments": 55, "ins": 37, "del": 38, "rPrChange": 4}  # the Delegation's 2 + termlint's

    pdfs = soffice(tmp_path, "pdf", annotated, fixed)
    for name in ("draft.termlint.pdf", "fixed.pdf"):
        pdf = (pdfs / name).read_bytes()
        assert pdf.startswith(b"%PDF") and len(pdf) > 20_000

    resaved = soffice(tmp_path / "again", "docx:MS Word 2007 XML", annotated, fixed)
    assert count((resaved / "draft.termlint.docx").read_bytes(), "word/comments.xml", "comment") == 55
    kept = (resaved / "fixed.docx").read_bytes()
    assert {"ins": tally(kept, "ins"), "del": tally(kept, "del"), "rPrChange": tally(kept, "rPrChange")} == \
        {k: v for k, v in written.items() if k != "comments"}

    accepted = tmp_path / "accepted.docx"  # every revision accepted (in the XML LibreOffice wrote)
    accepted.write_bytes(accept_all(kept))
    done = run("check", "--format", "json", "--no-cache", "accepted.docx", cwd=tmp_path)
    remaining = json.loads(done.stdout)
    assert remaining and not [f for f in remaining if f["fix"] and f["fix"]["safe"]]
