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
echo "== mypy (strict on kiosk/ and central/, the default level on ui/)"
.venv/bin/mypy kiosk central ui
echo "== PostgreSQL for the central server's tests"
if [[ -z "${KIOSK_TEST_PG_URL:-}" ]]; then
  if PG_URL=$(bash scripts/postgres.sh); then
    export KIOSK_TEST_PG_URL="$PG_URL"
  else
    echo "PostgreSQL is not available: its tests skip (and fail when KIOSK_REQUIRE_PG=1)"
  fi
fi
if [[ $# -eq 0 ]]; then
  # no test may depend on the time of day it runs at: the journeys at four fixed times in
  # the hall (Beijing), the wall clock moved by time-machine (tests/conftest.py); before
  # the whole suite, so that the suite's summary is the last line
  for moment in 2026-12-07T00:05:00+08:00 2026-12-07T10:27:00+08:00 \
                2026-12-07T12:00:00+08:00 2026-12-07T23:55:00+08:00; do
    echo "== the journeys at $moment"
    KIOSK_TEST_NOW="$moment" .venv/bin/python -m pytest -q \
      tests/ui/test_booking_journey.py tests/ui/test_appointments_journey.py \
      tests/ui/test_scan_journey.py tests/integration/test_appointments.py
  done
fi
echo "== pytest"
# on every core (pytest-xdist, -n auto: one worker per CPU this process may use), unless
# the arguments choose themselves: -n/--numprocesses, --dist, or -p no:xdist to run serially
parallel=(-n auto)
distribute=(--dist worksteal)
previous=""
for arg in "$@"; do
  case "$arg" in
    -n|-n*|--numprocesses|--numprocesses=*) parallel=() ;;
    --dist|--dist=*|-d) distribute=() ;;
    -pno:xdist) parallel=(); distribute=() ;;
    no:xdist) if [[ "$previous" == -p ]]; then parallel=(); distribute=(); fi ;;
  esac
  previous="$arg"
done
.venv/bin/python -m pytest ${parallel[@]+"${parallel[@]}"} ${distribute[@]+"${distribute[@]}"} "$@"
