#!/usr/bin/env bash
# Sets up (if needed) and runs every check: lint, format, types, the import
# contracts of the layering, the test suite offscreen, then the real-window
# tests under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
export PATH="$PWD/.venv/bin:$PATH"

echo "== ruff"; ruff check . && ruff format --check .
echo "== mypy"; mypy
echo "== import-linter"; lint-imports
echo "== pytest (offscreen)"
QT_QPA_PLATFORM=offscreen pytest -m "not xvfb" "$@"
echo "== pytest (real window under Xvfb)"
xvfb-run -a -s "-screen 0 1920x1200x24" env QT_QPA_PLATFORM=xcb pytest -m xvfb "$@"
