#!/usr/bin/env bash
# Build termlint-vscode.vsix from this folder (needs node and npm; not part of the Python tests).
set -euo pipefail
cd "$(dirname "$0")"
npm install --no-audit --no-fund
npx vsce package --allow-missing-repository --skip-license -o termlint-vscode.vsix
echo "built $(pwd)/termlint-vscode.vsix: code --install-extension termlint-vscode.vsix"
