"""False-alarm rate on a corpus of edited texts: warnings + errors per 1,000 words, by rule family.

    .venv/bin/python scripts/noise.py /work/shared/corpus/real
    .venv/bin/python scripts/noise.py DIR --select TM,HS,CO --show 20 --budget TM+HS+CO=0.25
    .venv/bin/python scripts/noise.py --gate ../shared/corpus/adopted     # the regression gate

Adopted resolutions are edited texts: every warning there is a false alarm until shown
otherwise. The report lists, per family (the two-letter prefix of a code) and per rule, the
findings at warning or error, and their rate per 1,000 words of the whole corpus; `--show N`
prints the first N findings of each rule so that a reader can judge them; `--budget
NAMES=RATE` (repeatable) makes the exit status 1 when those names together exceed RATE, a
name being a family (SP), a rule (SP001) or `all`. `--gate` applies the budgets of GATE
(issue 13: at most 0.15 warnings+errors per 1,000 words in all, spelling at most 0.05) and
prints the rules that carry the most findings when a budget is exceeded.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from termlint.engine.lint import Settings, lint_text  # noqa: E402
from termlint.core.model import Severity  # noqa: E402
from termlint.rules.registry import all_rules, select  # noqa: E402

_WORD = regex.compile(r"\p{L}[\p{L}\p{N}'’\-]*")
NOT_TEXTS = frozenset({"SOURCES.md", "README.md"})  # a corpus folder's provenance notes are not drafts
GATE = ("all=0.15", "SP=0.05")  # per 1,000 words, on adopted resolutions (issue 13)


def words(text: str) -> int:
    return len(_WORD.findall(text))


def measure(paths: list[Path], codes: tuple[str, ...]) -> tuple[int, dict[str, list[tuple[str, int, str, str]]]]:
    """(total words, rule code -> [(file, line, severity, message)]) for warnings and errors."""
    settings = Settings(rules=tuple(select(all_rules(), codes, ())))
    total = 0
    found: dict[str, list[tuple[str, int, str, str]]] = defaultdict(list)
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        total += words(text)
        result = lint_text(text, settings, str(path))
        for d in result.diagnostics:
            if d.severity >= Severity.WARNING:
                found[d.code].append((path.name, d.line, str(d.severity), d.message))
    return total, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--select", default="", help="code prefixes, comma-separated (default: every rule)")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print the first N findings of each rule")
    parser.add_argument("--budget", action="append", default=[], metavar="NAMES=RATE",
                        help="e.g. TM+HS+CO=0.25, SP001=0.05, all=0.15: exit 1 when these families, "
                             "rules or all findings exceed RATE per 1,000 words")
    parser.add_argument("--gate", action="store_true",
                        help="the regression gate: --budget " + " --budget ".join(GATE))
    ns = parser.parse_args(argv)
    budgets = list(ns.budget) + (list(GATE) if ns.gate else [])
    for budget in budgets:
        names, sep, rate = budget.partition("=")
        try:
            float(rate)
        except ValueError:
            sep = ""
        if not sep or not names.strip():
            print(f"--budget {budget!r}: write NAMES=RATE, as SP=0.05 or TM+HS=0.25", file=sys.stderr)
            return 2
    if not ns.directory.is_dir():
        print(f"{ns.directory}: not a folder", file=sys.stderr)
        return 2
    paths = sorted(p for p in ns.directory.rglob("*") if p.suffix in (".md", ".txt") and p.is_file()
                   and p.name not in NOT_TEXTS)
    if not paths:
        print(f"no .md or .txt files under {ns.directory}", file=sys.stderr)
        return 2
    codes = tuple(c.strip() for c in ns.select.split(",") if c.strip())
    total, found = measure(paths, codes)
    per_k = lambda n: 1000 * n / max(total, 1)  # noqa: E731
    families: Counter[str] = Counter()
    for code, items in found.items():
        families[code[:2]] += len(items)
    print(f"{len(paths)} files, {total:,} words")
    print(f"{'family':<8}{'findings':>10}{'per 1,000 words':>18}")
    for family in sorted(families):
        print(f"{family:<8}{families[family]:>10}{per_k(families[family]):>18.3f}")
    print(f"{'all':<8}{sum(families.values()):>10}{per_k(sum(families.values())):>18.3f}")
    print()
    for code in sorted(found):
        items = found[code]
        print(f"{code}: {len(items)} ({per_k(len(items)):.3f} per 1,000 words)")
        for name, line, severity, message in items[:ns.show]:
            print(f"    {name}:{line}: {severity}: {message[:160]}")
    status = 0
    for budget in budgets:
        names, _, rate = budget.partition("=")
        chosen = [f.strip().upper() for f in names.split("+") if f.strip()]
        value = per_k(sum(_count(name, found, families) for name in chosen))
        verdict = "within" if value <= float(rate) else "OVER"
        print(f"budget {'+'.join(chosen)}: {value:.3f} per 1,000 words ({verdict} {rate})")
        if value > float(rate):
            status = 1
            worst = sorted(((len(v), c) for c, v in found.items() if _in_budget(c, chosen)), reverse=True)[:5]
            print("    most findings: " + ", ".join(f"{c} {n}" for n, c in worst))
    return status


def _count(name: str, found: dict[str, list[tuple[str, int, str, str]]], families: Counter[str]) -> int:
    """Findings of `name`: ALL, a family (SP) or a rule (SP001)."""
    if name == "ALL":
        return sum(families.values())
    if len(name) == 2:
        return families[name]
    return len(found.get(name, ()))


def _in_budget(code: str, chosen: list[str]) -> bool:
    return any(name == "ALL" or code == name or code[:2] == name for name in chosen)


if __name__ == "__main__":
    sys.exit(main())
