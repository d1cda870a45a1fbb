"""Check the package's import graph: no circle, and every import points down the layers.

Layers, lowest first: core, text, parse, rules, engine, then formats and run side by side, then
the entry points (cli, server). A module may import its own layer and any layer below it, never
above; no import cycle may exist between modules, even through imports inside functions or
under TYPE_CHECKING. Exit 1 with one line per problem. Run by tests/integration/test_layers.py.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

LAYERS = {"core": 0, "text": 1, "parse": 2, "rules": 3, "engine": 4, "formats": 5, "run": 5, "docx": 5,
          "cli": 7, "server": 7}
PACKAGE = Path(__file__).resolve().parent.parent / "termlint"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, name: str) -> set[str]:
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("termlint"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            if base.startswith("termlint"):
                for a in node.names:  # `from termlint.x import y` may name a module y
                    found.add(f"{base}.{a.name}")
                found.add(base)
    return found


def layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.get(parts[1]) if len(parts) > 1 else None


def problems() -> list[str]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    out: list[str] = []
    for name, path in sorted(modules.items()):
        targets = {t for t in imports_of(path, name) if t in modules and t != name}
        graph[name] = targets
        for t in sorted(targets):
            lo, hi = layer(name), layer(t)
            if lo is not None and hi is not None and hi > lo:
                out.append(f"{name} imports {t}: from layer {name.split('.')[1]} up to {t.split('.')[1]}")
    # cycles between modules, ignoring a package's own __init__ importing its children
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for t in sorted(graph.get(node, ())):
            if node.startswith(t + "."):
                continue  # a module importing its parent package's __init__
            if state.get(t) == 1:
                out.append("import circle: " + " -> ".join(stack[stack.index(t):] + [t]))
            elif t not in state:
                visit(t)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return out


if __name__ == "__main__":
    found = problems()
    for line in found:
        print(line)
    sys.exit(1 if found else 0)
