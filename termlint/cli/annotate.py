"""`termlint annotate`: a copy of each Word draft with one Word comment per finding (docx/annotate.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from termlint.core.errors import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, SetupError
from termlint.docx.sniff import NotWord
from termlint.run.runner import FileProblem, Overrides, lint_path, read_bytes
from termlint.run.write import WriteError, atomic_write


def _error(message: str) -> None:
    print(f"termlint: error: {message}", file=sys.stderr)


def annotate(ns: argparse.Namespace) -> int:
    """`termlint annotate`: for each Word draft, a copy with one comment per finding."""
    # python-docx, and the Word document class, only for this command (main.py imports this module)
    from termlint.docx.annotate import annotate as add_comments
    from termlint.docx.document import WordDocument

    if ns.output is not None and len(ns.paths) > 1:
        _error("-o names one annotated copy: give one draft with it")
        return EXIT_ERROR
    overrides = Overrides(config=ns.config, select=ns.select, ignore=tuple(ns.ignore))
    failed = found = False
    for path in ns.paths:
        target = ns.output or Path(path).with_name(Path(path).stem + ".termlint.docx")
        try:
            if target.exists() and target.resolve() == Path(path).resolve():
                raise FileProblem("the annotated copy would overwrite the draft itself: choose another -o")
            data = read_bytes(path)
            result = lint_path(path, overrides)
            if not isinstance(result.document, WordDocument):
                raise FileProblem("not a Word document: annotate writes comments into .docx files "
                                  "(use `termlint check` for text drafts)")
            try:
                annotated = add_comments(data, result.diagnostics)
                atomic_write(target, annotated.data)
            except (NotWord, WriteError) as exc:
                raise FileProblem(str(exc)) from None
        except (FileProblem, SetupError) as exc:
            _error(f"{path}: {exc}")
            failed = True
            continue
        found = found or bool(result.diagnostics)
        kept = f" ({annotated.kept} already there)" if annotated.kept else ""
        print(f"{path}: {annotated.added} comment{'s' if annotated.added != 1 else ''} written to {target}{kept}",
              file=sys.stderr)
    if failed:
        return EXIT_ERROR
    return EXIT_FINDINGS if found and not ns.exit_zero else EXIT_CLEAN
