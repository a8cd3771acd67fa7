#!/usr/bin/env bash
# Sets up (if needed) and runs every check: lint, format, types, the import
# contracts of the layering, the packages (the wheel installed outside the
# checkout, the bundle untarred and run in an empty environment), the test
# suite offscreen, then the real-window tests under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
export PATH="$PWD/.venv/bin:$PATH"

echo "== ruff"; ruff check . && ruff format --check .
echo "== mypy"; mypy
echo "== import-linter"; lint-imports
echo "== wheel (built, installed in a fresh environment, run)"
bash tools/smoke_wheel.sh
echo "== bundle (built with PyInstaller, untarred, run under Xvfb)"
bash tools/bundle.sh
bash tools/smoke_bundle.sh
echo "== pytest (offscreen, one worker per core; PYTEST_WORKERS=0 runs them in this process)"
QT_QPA_PLATFORM=offscreen pytest -m "not xvfb" -n "${PYTEST_WORKERS:-auto}" "$@"
echo "== pytest (real window under Xvfb)"
xvfb-run -a -s "-screen 0 1920x1200x24" env QT_QPA_PLATFORM=xcb pytest -m xvfb "$@"
