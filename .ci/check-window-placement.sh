#!/usr/bin/env bash
# The real window under a real window manager (openbox on Xvfb at 1366 × 768, a common laptop screen): the first
# window fits the screen at a usable size, and the size and position are restored exactly on every restart (no
# creep), also after the user moved the window. Runs target/kvlens.jar (build it first: mvn -B verify or package).
# Needs Xvfb, openbox, xdotool and xwininfo; on CI (CI=true) they are installed when missing, elsewhere the check is
# skipped with a note.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/kvlens.jar
[ -f "$JAR" ] || { echo "check-window-placement: no $JAR (run mvn -B package first)" >&2; exit 1; }
need() { command -v Xvfb && command -v openbox && command -v xdotool && command -v xwininfo; }
if ! need >/dev/null; then
  if [ "${CI:-}" = "true" ]; then
    export DEBIAN_FRONTEND=noninteractive
    APT="apt-get"
    [ "$(id -u)" -eq 0 ] || APT="sudo -n apt-get"
    PACKAGES="xvfb xauth openbox xdotool x11-utils"
    ($APT install -y --no-install-recommends $PACKAGES || ($APT update && $APT install -y --no-install-recommends $PACKAGES)) \
      >/dev/null || { echo "check-window-placement: could not install $PACKAGES from Debian" >&2; exit 1; }
  else
    echo "check-window-placement: skipped (install xvfb openbox xdotool x11-utils to run it)" >&2
    exit 0
  fi
fi
DISPLAY_NUM=${KVLENS_CHECK_DISPLAY:-77}
export DISPLAY=:$DISPLAY_NUM
CONFIG=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$CONFIG"; }
trap cleanup EXIT
Xvfb "$DISPLAY" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 & PIDS+=($!)
for _ in $(seq 1 50); do xwininfo -root >/dev/null 2>&1 && break; sleep 0.1; done
openbox >/dev/null 2>&1 & PIDS+=($!)
sleep 1
fail() { echo "check-window-placement: $*" >&2; exit 1; }

# starts the app, waits until its window has settled, prints "x y width height" of the client area, stops it
# with SIGTERM (the session is saved by the shutdown hook, as on logout)
run() {
  java -Dkvlens.config.dir="$CONFIG" -jar "$JAR" >/dev/null 2>&1 & local pid=$!
  local win=""
  for _ in $(seq 1 120); do
    win=$(xdotool search --onlyvisible --pid "$pid" --name '^KV Lens$' 2>/dev/null | tail -1 || true)
    [ -n "$win" ] && break; sleep 0.5
  done
  [ -n "$win" ] || { kill "$pid" 2>/dev/null; fail "no KV Lens window within 60 s"; }
  sleep 4
  win=$(xdotool search --onlyvisible --pid "$pid" --name '^KV Lens$' | tail -1)
  if [ -n "${1:-}" ]; then xdotool windowmove "$win" $1; sleep 2; fi
  xwininfo -id "$win" | awk '/Absolute upper-left X/{x=$4} /Absolute upper-left Y/{y=$4} /Width:/{w=$2} /Height:/{h=$2} END{print x, y, w, h}'
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
}

run > "$CONFIG/geometry"; read -r X Y W H < "$CONFIG/geometry"
echo "first start: ${W}×${H} at ${X},${Y} on 1366×768"
[ "$W" -ge 1200 ] && [ "$H" -ge 650 ] || fail "the first window is ${W}×${H}, not a size that shows the chart and its legend"
[ "$X" -ge 0 ] && [ "$Y" -ge 0 ] && [ $((X + W)) -le 1366 ] && [ $((Y + H)) -le 768 ] \
  || fail "the first window (${W}×${H} at ${X},${Y}) does not fit the 1366×768 screen"
for i in 2 3; do
  run > "$CONFIG/geometry"; read -r X2 Y2 W2 H2 < "$CONFIG/geometry"
  [ "$X2 $Y2 $W2 $H2" = "$X $Y $W $H" ] || fail "start $i: ${W2}×${H2} at ${X2},${Y2}, not where it was (${W}×${H} at ${X},${Y})"
done
run "30 30" > "$CONFIG/geometry"; read -r MX MY MW MH < "$CONFIG/geometry"
run > "$CONFIG/geometry"; read -r X4 Y4 W4 H4 < "$CONFIG/geometry"
[ "$X4 $Y4 $W4 $H4" = "$MX $MY $MW $MH" ] || fail "moved to ${MX},${MY}, restored at ${X4},${Y4} (${W4}×${H4})"
echo "restored exactly on 3 restarts and after a move (${MW}×${MH} at ${MX},${MY})"
