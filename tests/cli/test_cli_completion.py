"""Issue 19 item 12: shell completion, run in a real bash (and fish's syntax when fish is here)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

TERMLINT = str(Path(sys.executable).with_name("termlint"))


def complete(*words: str) -> list[str]:
    """What bash offers for the last of `words`, with the script `termlint completion bash` prints."""
    line = " ".join(f"'{w}'" for w in words)
    script = (f'eval "$("{TERMLINT}" completion bash)"; COMP_WORDS=(termlint {line}); COMP_CWORD={len(words)}; '
              '_termlint; printf "%s\\n" "${COMPREPLY[@]}"')
    out = subprocess.run(["bash", "-c", script], capture_output=True, text=True, cwd=ROOT / "examples", timeout=60)
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_completes_commands_options_choices_and_files():
    assert complete("ex") == ["explain"]
    assert complete("check", "--diff-b") == ["--diff-base"]
    assert complete("--fail-on", "") == ["error", "warning", "info"]  # `termlint FILE` is check
    assert complete("rules", "--format", "") == ["text", "json", "markdown"]
    assert sorted(complete("check", "draft-2022")) == ["draft-2022-child-protection.docx", "draft-2022-child-protection.txt"]
    assert "--extend-select" in complete("check", "--ext")


def test_zsh_and_fish_scripts_name_every_check_option():
    zsh = subprocess.run([TERMLINT, "completion", "zsh"], capture_output=True, text=True, timeout=60).stdout
    assert zsh.startswith("# termlint completion (zsh)") and "bashcompinit" in zsh and "--diff-base" in zsh
    fish = subprocess.run([TERMLINT, "completion", "fish"], capture_output=True, text=True, timeout=60).stdout
    assert "complete -c termlint -n '__fish_seen_subcommand_from check' -l diff-base" in fish
    if shutil.which("fish"):
        assert subprocess.run(["fish", "--no-execute", "-c", fish], timeout=60).returncode == 0
