"""Issue 19 item 1: the README's CI examples install termlint from its repository (the name
`termlint` on PyPI is someone else's), and that install line works in a fresh environment."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from conftest import ROOT


def test_no_ci_example_installs_the_pypi_package_of_that_name():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:yaml|sh)\n(.*?)```", readme, flags=re.S)
    installs = [line for block in blocks for line in block.splitlines() if "pip install" in line]
    assert not [line for line in installs if re.search(r"pip install (?:-\S+ )*termlint(?:\s|$)", line)]
    ci = [line for line in installs if "TERMLINT_SOURCE" in line]
    assert len(ci) >= 3 and all(re.search(r'"termlint(\[\w+\])? @ \$TERMLINT_SOURCE"', line) for line in ci)


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(),
                    reason="needs git and a git checkout of termlint (the install is from a commit)")
def test_the_readme_ci_install_line_works_in_a_fresh_venv():
    out = subprocess.run(["bash", str(ROOT / "scripts" / "check_ci_install.sh"), str(ROOT)], capture_output=True,
                         text=True, timeout=900)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "check_ci_install: 3 install lines work" in out.stdout
    assert out.stdout.count("PU001 doubled punctuation") == 3  # each installed copy finds the draft's , ,
