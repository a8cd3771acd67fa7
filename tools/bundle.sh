#!/usr/bin/env bash
# Builds the self-contained bundle with PyInstaller (packaging/meridian-map.spec):
# the folder dist/bundle/meridian-map and its archive
# dist/meridian-map-VERSION-linux-ARCH.tar.gz, which runs on a machine with
# no Python. Run after tools/setup.sh; one build, nothing cached outside the
# checkout (PyInstaller's work folder is build/pyinstaller).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
version=$(.venv/bin/python -c "import meridian_map; print(meridian_map.__version__)")
archive="dist/meridian-map-$version-linux-$(uname -m).tar.gz"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
export PYINSTALLER_CONFIG_DIR="$PWD/build/pyinstaller-config"
if ! .venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist/bundle --workpath build/pyinstaller packaging/meridian-map.spec >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
rm -f "$archive"
tar -C dist/bundle -czf "$archive" meridian-map
echo "bundle: dist/bundle/meridian-map ($(du -sm dist/bundle/meridian-map | cut -f1) MiB)," \
  "$archive ($(du -m "$archive" | cut -f1) MiB) in $((SECONDS - started)) s"
