"""`termlint parse`, `rules` and `explain` (`check` is check.py). main.py parses the arguments."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from termlint.core.errors import EXIT_CLEAN, EXIT_ERROR, SetupError
from termlint.parse.parser import parse as parse_text
from termlint.rules import reference
from termlint.rules.own import PARSE_RULE_ENTRY, UNUSED_META, MetaOnly
from termlint.rules.registry import all_rules
from termlint.run.config import load_config
from termlint.run.runner import FileProblem, read_document


def _error(message: str) -> None:
    print(f"termlint: error: {message}", file=sys.stderr)


def parse(ns: argparse.Namespace) -> int:
    try:
        document = read_document(ns.path)
    except FileProblem as exc:
        _error(f"{ns.path}: {exc}")
        return EXIT_ERROR
    tree, problems = parse_text(document.text)

    def node(clause: Any) -> dict[str, Any]:
        first, last = document.position(clause.start)[0], document.position(max(clause.start, clause.end - 1))[0]
        out: dict[str, Any] = {"kind": clause.kind, "label": clause.label, "lead": clause.lead,
                               "lines": [first, last]}
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
        print(f"{'  ' * depth}{item['kind']}{label}  lines {span}{lead}{joined}{notes}")
        for child in item.get("children", []):
            show(child, depth + 1)

    show(root, 0)
    for p in problems:
        print(f"problem at line {document.position(p.start)[0]}: {p.message}")
    return EXIT_CLEAN


def _rules_or_error(ns: argparse.Namespace) -> tuple[Any, ...] | None:
    try:
        packs = load_config(ns.config).packs if ns.config else ()
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


def explain(ns: argparse.Namespace) -> int:
    found = _rules_or_error(ns)
    if found is None:
        return EXIT_ERROR
    by_code = {r.meta.code: r.meta for r in found}
    meta = by_code.get(ns.code.upper())
    if meta is None:
        _error(f"unknown rule code {ns.code!r} (see `termlint rules`)")
        return EXIT_ERROR
    print(f"{meta.code} {meta.name}")
    print(f"  category: {meta.category}    default severity: {meta.severity}    "
          f"fix: {'yes' if meta.fixable else 'no'}    pack: {meta.pack or 'built-in'}")
    if meta.scope:
        print(f"  runs on: {', '.join(sorted(meta.scope))}")
    for option in meta.options:
        print(f"  option `{option.name}` ({option.value_type.__name__}): {option.help}")
    print(f"\n{meta.summary}\n")
    if meta.description:
        print(meta.description.strip() + "\n")
    if meta.examples:
        print("Examples:")
        for ex in meta.examples:
            print(f"  {ex.kind:5s}  {ex.text}")
        print()
    if meta.source:
        print(f"Source: {meta.source}")
    return EXIT_CLEAN
