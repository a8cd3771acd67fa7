#!/usr/bin/env bash
# Sets up everything Meridian Map needs on a Debian machine: the system
# libraries Qt loads (offscreen and under X), the test tools (Xvfb, poppler),
# a CJK font, the desktop-entry and AppStream validators, xdotool and xprop (to
# inspect and quit real windows in tests), and a virtual environment in .venv
# with the package installed.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libglib2.0-0 libxkbcommon0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-shm0 libxcb-sync1
  libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1
  xvfb xauth poppler-utils fonts-dejavu-core
  desktop-file-utils appstream xdotool x11-utils
)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
fi
if ((${#missing[@]})); then
  echo "setup: installing ${#missing[@]} system packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[dev,photo]"
echo "setup: ready ($(.venv/bin/python --version), $(.venv/bin/python -c 'import PySide6; print("PySide6", PySide6.__version__)'))"
