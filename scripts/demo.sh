#!/usr/bin/env bash
# Set everything up, then run the kiosk on the bundled sample data in a window.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  echo "No display: running on a virtual X screen (xvfb-run)."
  exec xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/kiosk --demo --windowed "$@"
fi
exec .venv/bin/kiosk --demo --windowed "$@"
