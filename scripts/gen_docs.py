"""Write docs/rules.md, the rule reference, from the rules' metadata (code, name, severity, fix,
scope, options, summary, description, examples, source); `--check` only says whether it is up to date.

    .venv/bin/python scripts/gen_docs.py           # after changing a rule or a pack
    .venv/bin/python scripts/gen_docs.py --check   # exit 1 when docs/rules.md is stale

tests/rules/test_reference.py fails while docs/rules.md differs from what this writes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from termlint.rules.reference import rule_metas, to_markdown  # noqa: E402
from termlint.run.write import atomic_write  # noqa: E402

DOC = ROOT / "docs" / "rules.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 when docs/rules.md is stale")
    args = parser.parse_args(argv)
    text = to_markdown(rule_metas())
    current = DOC.read_text(encoding="utf-8") if DOC.exists() else None
    if args.check:
        if current != text:
            print(f"{DOC.relative_to(ROOT)} is stale: run python scripts/gen_docs.py", file=sys.stderr)
            return 1
        return 0
    if current == text:
        print(f"{DOC.relative_to(ROOT)} is up to date")
        return 0
    DOC.touch()  # atomic_write replaces an existing file and keeps its mode
    atomic_write(DOC, text.encode("utf-8"))
    print(f"wrote {DOC.relative_to(ROOT)} ({len(rule_metas())} rules)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
