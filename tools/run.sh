#!/usr/bin/env bash
# Sets up (if needed) and starts Meridian Map; arguments go to `meridian-map`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
exec .venv/bin/meridian-map "$@"
