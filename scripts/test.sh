#!/usr/bin/env bash
# Set everything up, then run the checks and the whole test suite (offscreen Qt).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
echo "== import contracts (the core never imports Qt or the UI)"
.venv/bin/lint-imports
echo "== ruff"
.venv/bin/ruff check kiosk ui tests scripts
echo "== pytest"
.venv/bin/python -m pytest "$@"
