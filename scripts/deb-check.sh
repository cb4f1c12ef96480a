#!/usr/bin/env bash
# The Linux package, end to end (issue 16): build the bundle and the .deb (lintian-checked),
# install it, run the installed kiosk's smoke test as the kiosk account and check its
# watchdog pings, remove it (the data folder stays) and purge it; and the signed apt
# repository (apt refuses a tampered or unsigned one). Changes the machine: it installs
# and removes a package and creates the kiosk account. For CI (.ci/run) and throwaway
# machines; as root. Needs the .venv of scripts/setup.sh (pytest); builds in a venv of its
# own from the lock.
set -euo pipefail
cd "$(dirname "$0")/.."

TOOLS=(lintian apt-utils gnupg)
missing=()
for p in "${TOOLS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing packaging tools: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

started=$(date +%s)
# the bundle is built from the lock (packaging/requirements-bundle.lock, hashes checked),
# in a venv of its own: not from .venv, which has the test tools and whatever is newest
BUILD_VENV=build/venv-bundle
LOCK=packaging/requirements-bundle.lock
if [[ ! -x $BUILD_VENV/bin/python ]] || ! cmp -s "$LOCK" "$BUILD_VENV/lock.txt"; then
  echo "== the build venv from $LOCK"
  rm -rf "$BUILD_VENV"
  "${PYTHON:-python3}" -m venv "$BUILD_VENV"
  "$BUILD_VENV/bin/python" -m pip install -q --require-hashes -r "$LOCK"
  cp "$LOCK" "$BUILD_VENV/lock.txt"
fi
"$BUILD_VENV/bin/python" -m pip install -q --no-deps -e .
echo "== the bundle and the .deb (packaging/build.py --deb)"
"$BUILD_VENV/bin/python" packaging/build.py --deb
built=$(date +%s)
echo "== install, smoke test, watchdog, remove, purge; the signed apt repository"
KIOSK_TEST_DEB=1 QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -p no:xdist -q -rP \
  tests/packaging
ended=$(date +%s)
echo "deb-check: build + lintian $((built - started)) s, install cycle and repository $((ended - built)) s"
