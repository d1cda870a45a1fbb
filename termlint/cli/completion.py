"""`termlint completion bash|zsh|fish`: a shell completion script, generated from the parser, so
that it always knows every subcommand, option and choice of this version."""

from __future__ import annotations

import argparse

SHELLS = ("bash", "zsh", "fish")


def _options(parser: argparse.ArgumentParser) -> tuple[list[str], dict[str, list[str]]]:
    """(every option string, the choices of each option that takes some)."""
    flags: list[str] = []
    choices: dict[str, list[str]] = {}
    for action in parser._actions:  # argparse has no public way to list them
        flags.extend(action.option_strings)
        if action.option_strings and action.choices:
            for flag in action.option_strings:
                choices[flag] = [str(c) for c in action.choices]
    return flags, choices


def script(shell: str, parsers: dict[str, argparse.ArgumentParser]) -> str:
    """The completion script for `shell`."""
    return _fish(parsers) if shell == "fish" else _bash(parsers, zsh=shell == "zsh")


def _bash(parsers: dict[str, argparse.ArgumentParser], zsh: bool) -> str:
    commands = " ".join(parsers)
    values_after, flags_of = [], []
    for name, parser in parsers.items():
        flags, choices = _options(parser)
        for flag, values in choices.items():
            values_after.append(f'    {name}:{flag}) COMPREPLY=($(compgen -W {_quote(" ".join(values))} -- "$cur")); return;;')
        flags_of.append(f'    {name}:-*) COMPREPLY=($(compgen -W {_quote(" ".join(flags))} -- "$cur")); return;;')
    head = "autoload -U +X bashcompinit && bashcompinit\n" if zsh else ""
    return f"""# termlint completion ({'zsh' if zsh else 'bash'}): eval "$(termlint completion {'zsh' if zsh else 'bash'})"
{head}_termlint() {{
  local cur="${{COMP_WORDS[COMP_CWORD]}}" prev="${{COMP_WORDS[COMP_CWORD-1]}}" cmd=check word
  for word in "${{COMP_WORDS[@]:1:COMP_CWORD-1}}"; do
    case "$word" in {'|'.join(parsers)}) cmd="$word"; break;; esac
  done
  case "$cmd:$prev" in
{chr(10).join(values_after)}
  esac
  case "$cmd:$cur" in
{chr(10).join(flags_of)}
  esac
  if [ "$COMP_CWORD" = 1 ]; then
    COMPREPLY=($(compgen -W "{commands}" -- "$cur") $(compgen -f -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}}
complete -o filenames -F _termlint termlint
"""


def _fish(parsers: dict[str, argparse.ArgumentParser]) -> str:
    lines = ["# termlint completion (fish): termlint completion fish | source",
             f"complete -c termlint -n __fish_use_subcommand -a {_quote(' '.join(parsers))}"]
    for name, parser in parsers.items():
        flags, choices = _options(parser)
        for flag in flags:
            if not flag.startswith("--"):
                continue
            values = f" -r -a {_quote(' '.join(choices[flag]))}" if flag in choices else ""
            lines.append(f"complete -c termlint -n '__fish_seen_subcommand_from {name}' -l {flag[2:]}{values}")
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    import shlex  # only when a script is written (not on every run of the command line)

    return shlex.quote(text)
