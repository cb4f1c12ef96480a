#!/usr/bin/env bash
# Set up everything the kiosk needs on a Debian/Ubuntu machine:
# system libraries (Qt's xcb/EGL/multimedia/speech, zbar, a CJK font, Xvfb,
# Zinnia and its simplified-Chinese model for the handwriting pad),
# a virtual environment in .venv with the project and its test tools,
# and the translation catalogues (.qm) built from translations/*.ts.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  python3-venv xvfb xauth fonts-noto-cjk libzbar0
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
  libxcb-render-util0 libxcb-image0 libxrender1 libxi6 libsm6 libice6
  libpulse0 libasound2 libspeechd2 libgstreamer1.0-0 libgstreamer-plugins-base1.0-0
  poppler-utils
  libzinnia0 tegaki-zinnia-simplified-chinese
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  echo "Installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

PYTHON="${PYTHON:-python3}"
if [[ ! -x .venv/bin/python ]]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
# the kiosk with its tests, the central server ([central]) the integration tests start,
# OpenCV ([opencv]) for the tests and benchmarks that use it, and PyInstaller ([build])
.venv/bin/python -m pip install -q -e ".[test,central,opencv,build]"
.venv/bin/python scripts/translations.py release >/dev/null
echo "Set up: .venv ready, translations built."
