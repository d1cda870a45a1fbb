#!/usr/bin/env bash
# Snapshot what termlint reports, to show a refactor changes nothing:
#   scripts/compare_findings.sh OUT_DIR        (run before and after, then `diff -r BEFORE AFTER`)
# JSON findings of examples/, ../shared/corpus/real and ../shared/corpus/adopted (when present),
# the clause trees of examples/, and a checksum of the JSON trees of every corpus text.
# FAST=1 stops after the findings (no trees). BENCH=/path/to/bench-corpus/10MB adds the generated benchmark corpus (benchmarks/corpus.py).
set -u
out=$1; mkdir -p "$out"
cd "$(dirname "$0")/.."
T=${TERMLINT:-.venv/bin/termlint}
$T check --no-cache --format json examples/ > "$out/examples.json" 2>"$out/examples.err"
for corpus in real adopted; do
  dir=../shared/corpus/$corpus
  [ -d "$dir" ] || continue
  $T check --no-cache --format json "$dir" > "$out/$corpus.json" 2>"$out/$corpus.err"
done
if [ -n "${BENCH:-}" ]; then
  $T check --no-cache --format json "$BENCH" > "$out/bench.json" 2>"$out/bench.err"
fi
[ -n "${FAST:-}" ] && { md5sum "$out"/*.json; exit 0; }   # FAST=1: findings only, no trees
for f in examples/*; do $T parse "$f"; done > "$out/parse-examples.txt" 2>&1
for f in ../shared/corpus/real/*.md ../shared/corpus/adopted/*.md; do
  [ -f "$f" ] && $T parse --format json "$f"
done | md5sum > "$out/parse-corpus.md5"
md5sum "$out"/*.json "$out"/parse-corpus.md5
