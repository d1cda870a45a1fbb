"""The HTML report in a real browser: headless Chromium reads the page, runs its script, shows it.

`--dump-dom` prints the DOM after the page's script has run (the summary moved to the top):
every finding's message must be there, on a mark holding exactly the words the finding
concerns. `--screenshot` must draw the page. .ci/run installs Debian's `chromium`; these
tests skip only where they cannot install it (not root) and it is missing.
"""

from __future__ import annotations

import os
import re
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


PROBE = """<script>
(function () {
  var log = [];
  function key(k) { document.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true })); }
  key("j"); log.push(document.activeElement.id);
  key("j"); log.push(document.activeElement.id);
  key("k"); log.push(document.activeElement.id);
  log.push(document.querySelectorAll(".note.cur").length);
  var box = document.querySelector('input[data-filter="s-warning"]');
  box.checked = false; box.dispatchEvent(new Event("change"));
  log.push(document.querySelectorAll("mark.m[id]:not(.off)").length);
  log.push(document.querySelectorAll("li.note:not(.off)").length);
  key("n"); log.push(document.activeElement.id);
  var probe = document.createElement("pre"); probe.id = "probe"; probe.textContent = log.join(" ");
  document.body.appendChild(probe);
})();
</script>"""


def test_keys_move_between_findings_and_filters_hide_them(chromium, tmp_path):
    markup = html_of(SEED)
    page_file = tmp_path / "report.html"
    page_file.write_text(markup.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = browse(chromium, page_file, tmp_path, "--dump-dom").stdout
    log = dom.split('<pre id="probe">')[1].split("</pre>")[0].split(" ")
    findings = json_of(SEED)
    not_warnings = [i + 1 for i, f in enumerate(findings) if f["severity"] != "warning"]
    # j, j, k: the first finding, the second, the first again; its note is highlighted.
    assert log[:4] == ["f1", "f2", "f1", "1"]
    # Warnings hidden: their marks leave the tab order and their notes the page; n skips them.
    assert int(log[4]) == int(log[5]) == len(not_warnings)
    assert log[6] == f"f{min(n for n in not_warnings if n > 1)}"


def test_the_page_prints(chromium, tmp_path):
    page_file = tmp_path / "report.html"
    page_file.write_text(html_of(SEED), encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    browse(chromium, page_file, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) > 10  # the whole draft with its notes, page after page
