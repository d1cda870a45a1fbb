"""Regenerate every golden file in tests/golden after an intended change, and say which changed.

    .venv/bin/python scripts/regen_golden.py

Writes the parse trees of every draft in examples/ and tests/data (tests/golden/trees/), the
concise findings on the examples and tests/data/corpus and the JSON findings on
tests/data/corpus-sample (tests/golden/findings/), and removes trees whose text is gone. Read
the diff (`git diff tests/golden`) before committing it: each changed line is a changed result.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import goldens  # noqa: E402  (tests/goldens.py: the one definition of what is frozen, shared with the tests)
from termlint.run.write import atomic_write  # noqa: E402


def write(path: Path, text: str) -> bool:
    """Write `text` to `path` atomically (termlint's own writer); True when the content changed."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()  # atomic_write replaces an existing file and keeps its mode
    atomic_write(path, text.encode("utf-8"))
    return True


def main() -> int:
    changed: list[Path] = []
    wanted = set()
    for text in goldens.tree_texts():
        golden = goldens.tree_golden(text)
        wanted.add(golden)
        if write(golden, goldens.render_tree(text)):
            changed.append(golden)
    removed = [p for p in goldens.TREES.rglob("*.json") if p not in wanted]
    for path in removed:
        path.unlink()
    if write(goldens.CONCISE, goldens.render_concise()):
        changed.append(goldens.CONCISE)
    if write(goldens.SAMPLE, goldens.render_sample()):
        changed.append(goldens.SAMPLE)
    for path in changed:
        print(f"changed {path.relative_to(ROOT)}")
    for path in removed:
        print(f"removed {path.relative_to(ROOT)}")
    print(f"{len(wanted)} trees, 2 findings files; {len(changed)} changed, {len(removed)} removed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
