"""Command line: `termlint check|parse|rules|explain|server|annotate`.

Exit status: 0 clean, 1 findings at or above the fail level, 2 usage, configuration or file errors.
"""

from __future__ import annotations

import argparse
import atexit
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from termlint import __version__
from termlint.cli import check as check_command
from termlint.cli.completion import SHELLS
from termlint.core.errors import EXIT_CLEAN, EXIT_ERROR

COMMANDS = ("check", "parse", "rules", "explain", "server", "annotate", "completion")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or (args[0] not in COMMANDS and args[0] not in ("-h", "--help", "--version")):
        args.insert(0, "check")  # `termlint FILE` means `termlint check FILE`, as in ruff
    parser, commands_parsers = _parser()
    try:
        ns, extra = parser.parse_known_args(args)
        if extra:  # said by the subcommand's parser, so the usage shown is that command's options
            commands_parsers.get(ns.command, parser).error(f"unrecognized arguments: {' '.join(extra)}")
    except SystemExit as exc:
        return EXIT_ERROR if exc.code not in (0, None) else EXIT_CLEAN
    try:
        return int(ns.run(ns))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader stopped reading (`termlint rules | head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        # a listing has nothing more to say; a check cut short has not reported every file
        return EXIT_ERROR if ns.command == "check" else EXIT_CLEAN
    except Exception as exc:  # a bug: one line for the user (in CI, in a hook), never a traceback
        if os.environ.get("TERMLINT_DEBUG"):
            raise
        print(f"termlint: error: internal error: {type(exc).__name__}: {exc} "
              "(please report it; TERMLINT_DEBUG=1 shows where)", file=sys.stderr)
        return EXIT_ERROR


def run() -> None:
    """The `termlint` command (and `python -m termlint`): `main`, then a quick exit.

    Python's own exit frees every object the run made, one by one: 15-20 ms of a ~150 ms
    pre-commit run on one draft, for memory the operating system takes back at once anyway.
    So, as mypy does, the command flushes its output, runs the exit handlers (the caches save
    what they learnt), and leaves. `main` itself returns normally: tests and callers that embed
    termlint are not cut short."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # the reader has gone (`| head`), or the stream was closed
            pass
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_exit_handlers is None:  # another Python: leave the usual way
        raise SystemExit(code)
    run_exit_handlers()
    os._exit(code)


# The other commands' modules are imported when they run: a `check` from a pre-commit hook, which
# is most runs, does not pay for the Word writer, the rule reference or the completion scripts.
def _annotate(ns: argparse.Namespace) -> int:
    from termlint.cli.annotate import annotate
    return annotate(ns)


def _command(name: str) -> Callable[[argparse.Namespace], int]:
    def run(ns: argparse.Namespace) -> int:
        from termlint.cli import commands
        return int(getattr(commands, name)(ns))
    return run


def _completion(ns: argparse.Namespace, parsers: dict[str, argparse.ArgumentParser]) -> int:
    from termlint.cli.completion import script
    print(script(ns.shell, parsers), end="")
    return EXIT_CLEAN


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, told the terminal's width: asking for it itself, it imports shutil
    (and with it zlib, bz2 and lzma) in every run, help or not (argparse checks each option's
    metavar with a formatter)."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_columns() - 2)  # argparse leaves two columns free


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


def _columns() -> int:
    """The terminal's width as shutil.get_terminal_size reads it: $COLUMNS, the terminal, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def _parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The top-level parser, and each subcommand's parser by name."""
    parser = _Parser(
        prog="termlint",
        description="Lint draft resolutions and declarations the way a UN editor reads them.",
    )
    parser.add_argument("--version", action="version", version=f"termlint {__version__}")
    sub = parser.add_subparsers(dest="command")  # each command's parser is a _Parser too

    check = sub.add_parser("check", help="check files (the default command)")
    check.add_argument("paths", nargs="*", help="files or directories (default: .); - reads stdin")
    check.add_argument("--format", "--output-format", dest="format", default="auto",
                       choices=check_command.format_names(),
                       help="output format (default: auto = github under GitHub Actions, else text)")
    check.add_argument("--select", type=_codes, help="only these rule codes or prefixes (comma-separated)")
    check.add_argument("--ignore", type=_codes, default=(), help="skip these rule codes or prefixes")
    check.add_argument("--fail-on", choices=("error", "warning", "info"),
                       help="lowest severity that fails the run (default: warning, or the config's fail-on)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found")
    check.add_argument("--config", type=Path, help="use this termlint.toml or pyproject.toml")
    check.add_argument("--stdin-filename", help="read standard input, reported (and configured) under this name")
    check.add_argument("--show-source", action="store_true", help="show the line with a caret under each finding")
    check.add_argument("--statistics", action="store_true", help="count findings per rule")
    check.add_argument("--no-color", action="store_true", help="no colour in text output")
    check_command.add_check_options(check)
    check.set_defaults(run=check_command.check)

    parse = sub.add_parser("parse", help="show the clause structure termlint reads in a file")
    parse.add_argument("path")
    parse.add_argument("--format", choices=("tree", "json"), default="tree")
    parse.set_defaults(run=_command("parse"))

    annotate = sub.add_parser("annotate", help="write a copy of a Word draft with a comment per finding")
    annotate.add_argument("paths", nargs="+", metavar="DRAFT.docx")
    annotate.add_argument("-o", "--output", type=Path,
                          help="the annotated copy (default: DRAFT.termlint.docx beside the draft; never the draft)")
    annotate.add_argument("--select", type=_codes, help="only these rule codes or prefixes (comma-separated)")
    annotate.add_argument("--ignore", type=_codes, default=(), help="skip these rule codes or prefixes")
    annotate.add_argument("--config", type=Path, help="use this termlint.toml or pyproject.toml")
    annotate.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found")
    annotate.set_defaults(run=_annotate)

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    rules.add_argument("--config", type=Path, help="use this configuration's packs (default: the one found upward)")
    rules.set_defaults(run=_command("rules"))

    explain = sub.add_parser("explain", help="document a rule (by code or name) or every rule of a prefix")
    explain.add_argument("code", help="a rule code (PU001), name (doubled-punctuation) or code prefix (PU)")
    explain.add_argument("--config", type=Path, help="use this configuration's packs (default: the one found upward)")
    explain.set_defaults(run=_command("explain"))

    server = sub.add_parser("server", help="run the language server for editors (LSP over stdio; needs termlint[server])",
                            description="Run termlint as a language server on standard input and output, for "
                                        "VS Code, Neovim, Helix, Emacs (eglot), Sublime Text and other LSP clients. "
                                        "Needs the extra: pip install 'termlint[server]'.")
    server.add_argument("--stdio", action="store_true", help="talk over standard input and output (the default)")
    server.set_defaults(run=_command("server"))

    parsers: dict[str, argparse.ArgumentParser] = {"check": check, "parse": parse, "rules": rules, "explain": explain,
                                                   "server": server}
    completion_parser = sub.add_parser("completion",
                                       help="print a shell completion script (bash, zsh or fish)")
    completion_parser.add_argument("shell", choices=SHELLS)
    completion_parser.set_defaults(run=lambda ns: _completion(ns, parsers))
    return parser, {**parsers, "completion": completion_parser}


def _codes(value: str) -> tuple[str, ...]:
    return tuple(c.strip().upper() for c in value.split(",") if c.strip())
