#!/usr/bin/env bash
# Set everything up, then run the checks and the whole test suite (offscreen Qt).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
echo "== import contracts (the core never imports Qt or the UI)"
.venv/bin/lint-imports
echo "== ruff"
.venv/bin/ruff check kiosk ui central tests scripts
echo "== PostgreSQL for the central server's tests"
if [[ -z "${KIOSK_TEST_PG_URL:-}" ]]; then
  if PG_URL=$(bash scripts/postgres.sh); then
    export KIOSK_TEST_PG_URL="$PG_URL"
  else
    echo "PostgreSQL is not available: its tests skip (and fail when KIOSK_REQUIRE_PG=1)"
  fi
fi
echo "== pytest"
.venv/bin/python -m pytest "$@"
