"""Build rules/words/un-vocabulary.txt: the words of adopted UN resolutions that the English list lacks.

    .venv/bin/python scripts/build_vocabulary.py ../shared/corpus/real ../shared/corpus/adopted
    .venv/bin/python scripts/build_vocabulary.py DIR... --min-docs 4 --holdout   # measure, write nothing

A word enters the list when the spelling rule (SP001, with every other house list and every
rule of recognition: compounds, names, foreign spans) reports it in at least `--min-docs`
distinct documents. A misspelling recurs in one document, or in one resolution re-adopted
year after year, but seldom in several unrelated ones; `--min-docs` also counts a word only
once per *family* of documents (the same title re-adopted each session), so that a slip
copied from one year's text to the next cannot enter on repetition alone. Every word kept is
printed with its counts for review; words that are one edit from a common English word and
seen in fewer than twice `--min-docs` families, and two known words run together
(confidencebuilding), are left out as possible slips.

`--holdout` splits the documents in two halves (by the parity of a hash of the file name),
builds the list from one half and reports SP001 on the other half with and without it: how
much of the list's gain carries over to texts it was not built from.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import re
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from termlint.engine.lint import Settings, lint_text  # noqa: E402
from termlint.rules.spelling.spelling import edits  # noqa: E402
from termlint.rules.registry import all_rules, select  # noqa: E402
from termlint.text.wordlist import english  # noqa: E402

OUTPUT = ROOT / "rules" / "words" / "un-vocabulary.txt"
NOT_TEXTS = frozenset({"SOURCES.md", "README.md"})
_TITLE = re.compile(r"^#+\s*\d+/\d+\s*[A-Z]?\.\s*(.+)$", re.M)


def documents(folders: list[Path]) -> list[Path]:
    return sorted(p for folder in folders for p in folder.rglob("*")
                  if p.suffix in (".md", ".txt") and p.is_file() and p.name not in NOT_TEXTS)


def family(text: str, path: Path) -> str:
    """The resolution's title without its number (a resolution re-adopted each session keeps
    its title: "75/115. Question of New Caledonia"), else the file name."""
    m = _TITLE.search(text[:5000])
    return re.sub(r"\W+", " ", m.group(1).lower()).strip() if m else path.stem


def spelling_rule(word_folder: Path) -> object:
    """SP001 reading its house lists from `word_folder` instead of the bundled rules/words."""
    (rule,) = select(all_rules(), ("SP001",), ())
    return dataclasses.replace(rule, word_lists=str(word_folder))


def house_folder(extra: list[str] | None) -> Path:
    """A temporary copy of rules/words without the vocabulary (plus `extra` words when given)."""
    folder = Path(tempfile.mkdtemp(prefix="termlint-words-"))
    for path in (ROOT / "rules" / "words").glob("*.txt"):
        if path.name != OUTPUT.name:
            shutil.copy(path, folder / path.name)
    if extra is not None:
        (folder / OUTPUT.name).write_text("\n".join(extra) + "\n", encoding="utf-8")
    return folder


def flagged(paths: list[Path], word_folder: Path) -> dict[str, dict[str, set[str]]]:
    """word (lower case) -> family -> documents where SP001 reports it."""
    settings = Settings(rules=(spelling_rule(word_folder),))
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        fam = family(text, path)
        for d in lint_text(text, settings, str(path)).diagnostics:
            word = text_of(text, d).lower().replace("’", "'")
            found[word][fam].add(path.name)
    return found


def text_of(text: str, d: object) -> str:
    m = re.search(r"unknown word “([^”]+)”", d.message)  # type: ignore[attr-defined]
    return m.group(1) if m else ""


def choose(found: dict[str, dict[str, set[str]]], min_docs: int) -> list[tuple[str, int, int]]:
    """(word, documents, families) of the words seen in at least `min_docs` families."""
    words = english()
    kept = []
    for word, families in found.items():
        docs = sum(len(d) for d in families.values())
        if not word or len(families) < min_docs:
            continue
        near, far = edits(word)
        common_neighbour = any(words.frequency(w) > 50_000 for w in words.members(near | far))
        if common_neighbour and len(families) < 2 * min_docs:
            continue  # perhaps a recurring slip of a common word: review it by hand
        if run_together(word, words):
            continue  # confidencebuilding, largescale: a missing hyphen or space, not a word
        kept.append((word, docs, len(families)))
    return sorted(kept)


def run_together(word: str, words: object) -> bool:
    """Whether `word` is two known words of four letters or more written as one."""
    return any(word[:i] in words and word[i:] in words  # type: ignore[operator]
               for i in range(4, len(word) - 3))


def write(kept: list[tuple[str, int, int]], folders: list[Path], count: int, min_docs: int) -> None:
    header = [
        "# United Nations vocabulary that pyspellchecker's English list lacks, generated by",
        "# scripts/build_vocabulary.py (do not edit by hand: rerun it). Provenance: the words that",
        f"# SP001 reported in at least {min_docs} distinct resolution families (a title re-adopted each",
        f"# session counts once) among {count} adopted GA/ECOSOC resolutions converted from the UN's",
        "# AKN4UN XML (" + ", ".join(f.name for f in folders) + "; see their SOURCES.md); words one edit",
        f"# from a common English word need {2 * min_docs} families. Each line: word, then # documents/families.",
    ]
    body = [f"{w}  # {d}/{f}" for w, d, f in kept]
    tmp = OUTPUT.with_suffix(".tmp")
    tmp.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    tmp.replace(OUTPUT)  # atomic


def holdout(paths: list[Path], min_docs: int) -> None:
    def half(p: Path) -> int:
        return hashlib.sha1(p.name.encode()).digest()[0] % 2

    train = [p for p in paths if half(p) == 0]
    test = [p for p in paths if half(p) == 1]
    bare = house_folder(None)
    kept = [w for w, _, _ in choose(flagged(train, bare), min_docs)]
    with_list = house_folder(kept)
    before = sum(len(d) for fams in flagged(test, bare).values() for d in fams.values())
    after_found = flagged(test, with_list)
    after = sum(len(d) for fams in after_found.values() for d in fams.values())
    print(f"held out: list built from {len(train)} documents ({len(kept)} words, >= {min_docs} families);"
          f" on the other {len(test)}: SP001 in {before} (word, document) pairs without it, {after} with it")
    for folder in (bare, with_list):
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--min-docs", type=int, default=2, help="distinct resolution families a word needs")
    parser.add_argument("--holdout", action="store_true", help="measure on a held-out half; write nothing")
    ns = parser.parse_args(argv)
    paths = documents(ns.folders)
    if not paths:
        print("no .md or .txt documents in " + ", ".join(map(str, ns.folders)), file=sys.stderr)
        return 2
    if ns.holdout:
        holdout(paths, ns.min_docs)
        return 0
    folder = house_folder(None)
    try:
        kept = choose(flagged(paths, folder), ns.min_docs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    write(kept, ns.folders, len(paths), ns.min_docs)
    for w, d, f in kept:
        print(f"{w:<30}{d:>5} documents {f:>4} families")
    print(f"{len(kept)} words written to {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
