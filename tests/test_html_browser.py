"""The HTML report in a real browser: headless Chromium reads the page, runs its script, shows it.

`--dump-dom` prints the DOM after the page's script has run (the summary moved to the top):
every finding's message must be there, on a mark holding exactly the words the finding
concerns. `--screenshot` must draw the page. .ci/run installs Debian's `chromium`; these
tests skip only where they cannot install it (not root) and it is missing.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from conftest import SEED
from test_html import Page, assert_anchored, html_of, json_of

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.geteuid() == 0 or os.environ.get("CI"):
            pytest.fail("chromium is missing: .ci/run installs it (apt-get install -y chromium)")
        pytest.skip("chromium is not installed and this user cannot install it (apt-get install -y chromium)")
    return found


def browse(chromium: str, page: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    out = subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
                         capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr[-2000:]
    return out


def test_the_browser_shows_every_finding_on_its_words(chromium, tmp_path):
    page_file = tmp_path / "report.html"
    page_file.write_text(html_of(SEED), encoding="utf-8")
    dom = browse(chromium, page_file, tmp_path, "--dump-dom").stdout
    page = Page(dom)
    assert not page.problems
    findings = json_of(SEED)
    assert findings
    for f in findings:
        assert " ".join(f["message"].split()) in " ".join(page.notes.values())
    assert_anchored(page, findings, {str(SEED): SEED.read_text(encoding="utf-8")})
    # The script ran: the summary now comes before the drafts.
    assert dom.index('id="summary"') < dom.index('id="files"')


def test_the_browser_shows_a_script_in_a_draft_as_text(chromium, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("The General Assembly,\n\n<script>document.title = 'owned'</script> Recalling <img src=x "
                     "onerror=alert(1)> the recieved text,\n", encoding="utf-8")
    page_file = tmp_path / "report.html"
    page_file.write_text(html_of(draft), encoding="utf-8")
    dom = browse(chromium, page_file, tmp_path, "--dump-dom").stdout
    page = Page(dom)
    assert page.scripts == 1 and "<img" not in dom and "<title>termlint report</title>" in dom
    assert "".join(row for _, row in page.rows) == draft.read_text(encoding="utf-8")


def test_the_browser_draws_the_page(chromium, tmp_path):
    page_file = tmp_path / "report.html"
    page_file.write_text(html_of(SEED), encoding="utf-8")
    shot = tmp_path / "report.png"
    browse(chromium, page_file, tmp_path, f"--screenshot={shot}", "--window-size=1280,1600", "--hide-scrollbars")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 1600)
    assert len(data) > 50_000  # a page of text and colour, not a blank image
