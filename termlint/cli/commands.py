"""`termlint parse`, `rules` and `explain` (`check` is check.py). main.py parses the arguments."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from termlint.core.errors import EXIT_CLEAN, EXIT_ERROR, SetupError
from termlint.core.model import RuleMeta
from termlint.parse.parser import parse as parse_text
from termlint.rules import reference
from termlint.rules.explain import explain_text
from termlint.rules.own import PARSE_RULE_ENTRY, UNUSED_META, MetaOnly
from termlint.rules.registry import all_rules
from termlint.run.config import find_config, load_config
from termlint.run.runner import FileProblem, read_document
from termlint.text.markdown import prose_text


def _error(message: str) -> None:
    print(f"termlint: error: {message}", file=sys.stderr)


def parse(ns: argparse.Namespace) -> int:
    try:
        document = read_document(ns.path)
    except FileProblem as exc:
        _error(f"{ns.path}: {exc}")
        return EXIT_ERROR
    tree, problems = parse_text(prose_text(document.text, document.path)[0])  # as `check` parses it

    def node(clause: Any) -> dict[str, Any]:
        first, last = document.position(clause.start)[0], document.position(max(clause.start, clause.end - 1))[0]
        out: dict[str, Any] = {"kind": clause.kind, "label": clause.label, "lead": clause.lead,
                               "lines": [first, last]}
        if clause.layout:
            out["layout"] = clause.layout
        if clause.footnotes:
            out["footnotes"] = [n.label for n in clause.footnotes]
        if len(clause.segments) > 1:
            out["segments"] = [[document.position(s.start)[0], document.position(max(s.start, s.end - 1))[0]]
                               for s in clause.segments]
        if clause.children:
            out["children"] = [node(c) for c in clause.children]
        return out

    root = node(tree)
    if ns.format == "json":
        root["problems"] = [{"line": document.position(p.start)[0], "message": p.message} for p in problems]
        print(json.dumps(root, ensure_ascii=False, indent=2))
        return EXIT_CLEAN

    def show(item: dict[str, Any], depth: int) -> None:
        lines = item["lines"]
        span = f"{lines[0]}" if lines[0] == lines[1] else f"{lines[0]}-{lines[1]}"
        label = f" {item['label']}" if item["label"] else ""
        lead = f"  “{item['lead']}”" if item["lead"] else ""
        joined = "  (joined across " + ", ".join(f"{a}-{b}" for a, b in item["segments"]) + ")" if "segments" in item else ""
        notes = "  footnotes " + ", ".join(item["footnotes"]) if "footnotes" in item else ""
        layout = f"  layout {item['layout']}" if "layout" in item else ""
        print(f"{'  ' * depth}{item['kind']}{label}  {unit}s {span}{layout}{lead}{joined}{notes}")
        for child in item.get("children", []):
            show(child, depth + 1)

    unit = document.unit  # a Word draft's positions are paragraphs
    show(root, 0)
    for p in problems:
        print(f"problem at {unit} {document.position(p.start)[0]}: {p.message}")
    return EXIT_CLEAN


def _rules_or_error(ns: argparse.Namespace) -> tuple[Any, ...] | None:
    """Every rule, the packs of the project's configuration included: --config, else the one that
    governs the working directory (found upward, as `check` finds it)."""
    try:
        packs = (load_config(ns.config) if ns.config else find_config(Path.cwd())).packs
        return (PARSE_RULE_ENTRY, MetaOnly(UNUSED_META), *all_rules(packs))
    except SetupError as exc:
        _error(str(exc))
        return None


def rules(ns: argparse.Namespace) -> int:
    found = _rules_or_error(ns)
    if found is None:
        return EXIT_ERROR
    metas = sorted((r.meta for r in found), key=lambda m: m.code)
    if ns.format in reference.FORMATS:  # every metadata field (json), or the rule reference (markdown)
        sys.stdout.write(reference.render(metas, ns.format))
        return EXIT_CLEAN
    for m in metas:
        fix = "fix" if m.fixable else "   "
        print(f"{m.code:7s} {str(m.severity):8s} {fix}  {m.category:12s} {m.name:34s} {m.summary}")
    return EXIT_CLEAN


def server(ns: argparse.Namespace) -> int:
    """`termlint server`: the language server. pygls is imported here only, so that the other
    commands never pay for it (and work without it)."""
    try:
        import lsprotocol.types  # noqa: F401
        import pygls.lsp.server  # noqa: F401  (pygls 2: 1.x has no pygls.lsp.server)
    except ImportError as exc:
        _error(f"`termlint server` needs pygls 2 and lsprotocol ({exc}): install termlint[server], "
               "e.g. pip install 'termlint[server]'")
        return EXIT_ERROR
    from termlint.server.app import serve

    return serve()


def explain(ns: argparse.Namespace) -> int:
    found = _rules_or_error(ns)
    if found is None:
        return EXIT_ERROR
    metas = _matching(ns.code, sorted((r.meta for r in found), key=lambda m: m.code))
    if not metas:
        _error(f"unknown rule code, name or prefix {ns.code!r} (see `termlint rules`)")
        return EXIT_ERROR
    sys.stdout.write("\n".join(explain_text(m) for m in metas))
    return EXIT_CLEAN


def _matching(wanted: str, metas: list[RuleMeta]) -> list[RuleMeta]:
    """The rules `wanted` names: a code (PU001), a name (doubled-punctuation) or a code prefix (PU)."""
    code = wanted.upper()
    exact = [m for m in metas if m.code == code or m.name == wanted.lower()]
    return exact or [m for m in metas if m.code.startswith(code)]
