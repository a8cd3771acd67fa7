#!/usr/bin/env bash
# Builds the sdist and the wheel (dist/), installs the wheel into a fresh
# virtual environment outside the checkout and runs it there as a user
# would: --version, check, --screenshot (English and Chinese), sheet, study status, deck,
# install-desktop and uninstall-desktop. A file missing from the wheel fails here, not at a
# user's desk. Run after tools/setup.sh (tools/test.sh does both).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
started=$SECONDS

fail() { echo "smoke_wheel: $*" >&2; exit 1; }

rm -f dist/meridian_map-*.whl dist/meridian_map-*.tar.gz
# Building the wheel from the sdist, as build does by default, proves the sdist complete too.
log=$(mktemp)
if ! .venv/bin/python -m build --outdir dist . >"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  fail "the build failed"
fi
rm -f "$log"
wheel=$(ls dist/meridian_map-*-py3-none-any.whl)
ls dist/meridian_map-*.tar.gz >/dev/null
echo "smoke_wheel: built $(basename "$wheel") ($(du -k "$wheel" | cut -f1) KiB) and the sdist in $((SECONDS - started)) s"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q "$repo/$wheel" 2>&1 | grep -v "^WARNING: Location" || true
"$work/venv/bin/python" -c "import meridian_map" || fail "the wheel did not install"
bin="$work/venv/bin/meridian-map"

cd "$work"
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache"
export QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME"

version=$("$work/venv/bin/python" -c "import meridian_map; print(meridian_map.__version__)")
[ "$("$bin" --version)" = "meridian-map $version" ] || fail "--version does not say $version"

# Every file under assets/ in the checkout is in the installed package, and the package reads its own copy.
"$work/venv/bin/python" - "$repo/assets" <<'EOF'
import sys
from pathlib import Path

from meridian_map.core.assets import shipped_assets

installed = Path(str(shipped_assets()))
assert "site-packages" in installed.parts, f"assets read from {installed}, not from the installed package"
source = Path(sys.argv[1])
wanted = {p.relative_to(source) for p in source.rglob("*") if p.is_file()}
missing = sorted(str(p) for p in wanted if not (installed / p).is_file())
assert not missing, f"missing from the wheel: {missing}"
print(f"smoke_wheel: {len(wanted)} asset files installed")
EOF

"$bin" check >check.txt
grep -q "^ok: " check.txt || fail "check did not pass"
"$bin" --screenshot shot.png --size 1024x700
[ "$(head -c 4 shot.png | tail -c 3)" = "PNG" ] || fail "--screenshot wrote no PNG"
"$bin" --lang zh --screenshot shot-zh.png --size 1024x700 2>zh.txt
[ "$(head -c 4 shot-zh.png | tail -c 3)" = "PNG" ] || fail "--lang zh --screenshot wrote no PNG"
! grep -q "translations not found" zh.txt || fail "the Chinese window misses translations: $(cat zh.txt)"
"$bin" sheet -o sheet.pdf >/dev/null
[ "$(head -c 5 sheet.pdf)" = "%PDF-" ] || fail "sheet wrote no PDF"
pdffonts sheet.pdf >fonts.txt
grep -q "NotoSansCJK" fonts.txt || fail "the sheet does not embed the shipped CJK font"
"$bin" study status >status.txt
grep -q "^all " status.txt || fail "study status lists no decks"
"$bin" deck -o deck.apkg >/dev/null
[ "$(head -c 2 deck.apkg)" = "PK" ] || fail "deck wrote no Anki package"

# The base wheel is lean: photo mode's extra is not installed, and the command says how to enable it.
"$work/venv/bin/python" -c "import importlib.util as u; assert u.find_spec('mediapipe') is None" \
  || fail "the base wheel pulled in mediapipe"
if "$bin" photo shot.png --export json >photo.txt 2>&1; then fail "photo worked without its extra"; fi
grep -q "pip install 'meridian-map\[photo\]'" photo.txt || fail "photo does not say how to enable it"

mkdir -p "$XDG_DATA_HOME"
before=$(cd "$XDG_DATA_HOME" && find . -printf '%y %m %s %p\n' | sort)
"$bin" install-desktop >/dev/null
entry="$XDG_DATA_HOME/applications/org.meridianmap.MeridianMap.desktop"
desktop-file-validate "$entry"
grep -qx "Exec=$bin" "$entry" || fail "the menu entry does not run $bin"
appstreamcli validate --no-net --pedantic "$XDG_DATA_HOME/metainfo/org.meridianmap.MeridianMap.metainfo.xml" >/dev/null
"$bin" uninstall-desktop >/dev/null
after=$(cd "$XDG_DATA_HOME" && find . -printf '%y %m %s %p\n' | sort)
[ "$before" = "$after" ] || fail "uninstall-desktop did not leave $XDG_DATA_HOME as it was"

echo "smoke_wheel: the installed wheel passed (--version, check, --screenshot in en and zh, sheet, study, deck, photo without its extra, desktop entry) in $((SECONDS - started)) s"
