#!/usr/bin/env bash
# Runs the bundle as someone who downloaded it would: untars
# dist/meridian-map-*-linux-*.tar.gz into an empty folder and, on an X
# server (Xvfb) with an environment emptied by `env -i` (no Python, no
# venv, no PATH: only the display, a UTF-8 locale and a home), runs
# --version, check, --screenshot (English and Chinese, and the study screen), sheet, study status, deck and
# install-desktop/uninstall-desktop, then starts the window and quits it
# with Ctrl+Q. Run after tools/bundle.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
started=$SECONDS
archive=$(ls dist/meridian-map-*-linux-*.tar.gz)
version=$(.venv/bin/python -c "import meridian_map; print(meridian_map.__version__)")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -C "$work" -xzf "$archive"
export BUNDLE_BIN="$work/meridian-map/meridian-map" BUNDLE_HOME="$work/home" BUNDLE_VERSION="$version"
mkdir -p "$BUNDLE_HOME"
cd "$work"

xvfb-run -a -s "-screen 0 1280x1024x24" bash -euo pipefail -c '
fail() { echo "smoke_bundle: $*" >&2; exit 1; }
# Only what a desktop session gives any program; nothing of the build machine.
clean() { env -i DISPLAY="$DISPLAY" XAUTHORITY="$XAUTHORITY" HOME="$BUNDLE_HOME" LANG=C.UTF-8 "$BUNDLE_BIN" "$@"; }

[ "$(clean --version)" = "meridian-map $BUNDLE_VERSION" ] || fail "--version does not say $BUNDLE_VERSION"
clean check >check.txt
grep -q "^ok: " check.txt || fail "check did not pass"
clean --screenshot shot.png --size 1024x700
[ "$(head -c 4 shot.png | tail -c 3)" = "PNG" ] || fail "--screenshot wrote no PNG"
clean --screenshot player.png --mode consult --size 1024x700  # a screen imported by name, on first entry
[ "$(head -c 4 player.png | tail -c 3)" = "PNG" ] || fail "--screenshot --mode consult wrote no PNG"
clean --lang zh --screenshot shot-zh.png --size 1024x700 2>zh.txt
[ "$(head -c 4 shot-zh.png | tail -c 3)" = "PNG" ] || fail "--lang zh --screenshot wrote no PNG"
! grep -q "translations not found" zh.txt || fail "the Chinese window misses translations: $(cat zh.txt)"
clean --screenshot study.png --mode study --size 1024x700
[ "$(head -c 4 study.png | tail -c 3)" = "PNG" ] || fail "--screenshot --mode study wrote no PNG"
clean sheet -o sheet.pdf >/dev/null
[ "$(head -c 5 sheet.pdf)" = "%PDF-" ] || fail "sheet wrote no PDF"
pdffonts sheet.pdf >fonts.txt
grep -q NotoSansCJK fonts.txt || fail "the sheet does not embed the shipped CJK font"
clean study status >status.txt
grep -q "^all " status.txt || fail "study status lists no decks"
clean deck -o deck.apkg >/dev/null
[ "$(head -c 2 deck.apkg)" = "PK" ] || fail "deck wrote no Anki package"

data="$BUNDLE_HOME/.local/share"
before=$(cd "$BUNDLE_HOME" && find . -printf "%y %m %s %p\n" | sort)
clean install-desktop >/dev/null
entry="$data/applications/org.meridianmap.MeridianMap.desktop"
desktop-file-validate "$entry"
grep -qx "Exec=$BUNDLE_BIN" "$entry" || fail "the menu entry does not run the bundle"
clean uninstall-desktop >/dev/null
after=$(cd "$BUNDLE_HOME" && find . -printf "%y %m %s %p\n" | sort)
[ "$before" = "$after" ] || fail "uninstall-desktop did not leave $BUNDLE_HOME as it was"

clean & app=$!
window=$(timeout 60 xdotool search --sync --onlyvisible --pid "$app" --name "^Meridian Map$" | head -1)
[ -n "$window" ] || { kill "$app"; fail "no window appeared"; }
xdotool windowfocus --sync "$window" key ctrl+q
code=0
timeout 30 tail --pid="$app" -f /dev/null || { kill "$app"; fail "the window did not quit on Ctrl+Q"; }
wait "$app" || code=$?
[ "$code" -eq 0 ] || fail "the window exited with $code"
'
echo "smoke_bundle: the untarred bundle passed (--version, check, --screenshot in en and zh, sheet, study, deck, desktop entry, window) in" \
  "$((SECONDS - started)) s, with an empty environment"
mkdir -p "$repo/build" && cp "$work/shot.png" "$repo/build/bundle-shot.png"  # to look at
cp "$work/shot-zh.png" "$repo/build/bundle-shot-zh.png"
