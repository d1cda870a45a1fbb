"""Recall of the spelling rule: one-letter typos injected into a text, one at a time, and how many SP001 finds.

    .venv/bin/python scripts/typo_recall.py                       # the example draft, 600 tries, seed 7
    .venv/bin/python scripts/typo_recall.py DRAFT --tries 2000 --seed 1

Each try takes a word of four letters or more at random, applies one random edit (delete,
replace, insert or transpose a letter), lints the whole text with SP001 alone and counts the
typo found when a finding covers it. Edits that give back the word are not counted. Run it on
two checkouts to see what a change to the word lists or the recognition rules costs in recall
(README: 544 of 567 on the example draft, the same before and after issue 13's work).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from termlint.engine.lint import Settings, lint_text  # noqa: E402
from termlint.rules.registry import all_rules, select  # noqa: E402

_WORD = re.compile(r"(?<![A-Za-z])[a-z]{4,}(?![A-Za-z])")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def typo(word: str, rng: random.Random) -> str:
    """`word` with one random edit."""
    i = rng.randrange(len(word))
    kind = rng.choice("dris")
    if kind == "d":
        return word[:i] + word[i + 1:]
    if kind == "r":
        return word[:i] + rng.choice(_LETTERS) + word[i + 1:]
    if kind == "i":
        return word[:i] + rng.choice(_LETTERS) + word[i:]
    return word if i + 1 >= len(word) else word[:i] + word[i + 1] + word[i] + word[i + 2:]


def recall(text: str, tries: int, seed: int) -> tuple[int, int]:
    """(found, counted) over `tries` injected typos."""
    settings = Settings(rules=tuple(select(all_rules(), ("SP001",), ())))
    words = list(_WORD.finditer(text))
    rng = random.Random(seed)
    found = counted = 0
    for _ in range(tries):
        m = rng.choice(words)
        wrong = typo(m.group(), rng)
        if wrong == m.group():
            continue
        counted += 1
        changed = text[:m.start()] + wrong + text[m.end():]
        end = m.start() + len(wrong)
        if any(d.start < end and m.start() < d.end for d in lint_text(changed, settings).diagnostics):
            found += 1
    return found, counted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("text", type=Path, nargs="?", default=ROOT / "examples" / "draft-2022-child-protection.txt")
    parser.add_argument("--tries", type=int, default=600)
    parser.add_argument("--seed", type=int, default=7)
    ns = parser.parse_args(argv)
    try:
        text = ns.text.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"{ns.text}: cannot read it: {error}", file=sys.stderr)
        return 2
    if not _WORD.search(text):
        print(f"{ns.text}: no word of four letters or more to change", file=sys.stderr)
        return 2
    found, counted = recall(text, ns.tries, ns.seed)
    print(f"{found}/{counted} injected one-letter typos found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
