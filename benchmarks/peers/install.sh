#!/bin/sh
# Install the linters termlint's benchmark compares with, at pinned versions, into
# benchmarks/peers/ (both folders are git-ignored):
#   venv/          proselint (PyPI, requirements.txt)
#   node_modules/  textlint, textlint-rule-prh, textlint-rule-terminology (npm, package-lock.json)
# Needs python3 >= 3.10 (or set PYTHON) and node >= 20.18 with npm. Safe to re-run.
# Then: .venv/bin/python benchmarks/bench.py --sizes 1,10   (see benchmarks/README.md)
set -eu
cd "$(dirname "$0")"

"${PYTHON:-python3}" -m venv venv
venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
# npm ci installs exactly what package-lock.json lists (checked against its hashes)
npm ci --no-audit --no-fund --loglevel=error

echo "installed in $(pwd): $(venv/bin/proselint version 2>&1 | head -n 1)"
npm ls --depth=0 --loglevel=error
