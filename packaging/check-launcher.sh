#!/usr/bin/env bash
# Checks one installed layout of KV Lens (the app-image, or the .deb unpacked), given its directory: JavaFX comes as
# named modules from the runtime and not from the app jar; with no JDK on the PATH the launcher prints the version,
# runs an estimate, opens the window headless (--startup-report) and writes the same PNG bytes as
# `java -jar target/kvlens.jar export-png`; nothing on stderr (the JVM's "Picked up JAVA_TOOL_OPTIONS" aside) and no
# native libraries unpacked into ~/.openjfx. Called by check-app-image.sh and check-deb.sh.
set -euo pipefail
APP="${1:?usage: check-launcher.sh APP_DIR VERSION}"
VERSION="${2:?usage: check-launcher.sh APP_DIR VERSION}"
cd "$(dirname "$0")/.."
LAUNCHER="$APP/bin/kvlens"
fail() { echo "$LAUNCHER: $*" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# JavaFX: modules in the runtime, no org.openjfx classes in the app jar (Monocle's stay: the headless export)
MODULES=$("$APP/lib/runtime/bin/java" --list-modules)
for module in javafx.base javafx.graphics javafx.controls; do
  grep -q "^$module@" <<<"$MODULES" || fail "the runtime lacks the module $module"
done
ENTRIES=$("${JAVA_HOME:+$JAVA_HOME/bin/}jar" tf "$APP/lib/app/kvlens.jar")
if grep -E '^(javafx/|com/sun/javafx/|com/sun/prism/)' <<<"$ENTRIES" >/dev/null; then
  fail "lib/app/kvlens.jar carries JavaFX classes"
fi
grep '^com/sun/glass/ui/monocle/' <<<"$ENTRIES" >/dev/null || fail "lib/app/kvlens.jar lacks Monocle"
[ -f "$APP/lib/runtime/lib/libglass.so" ] || fail "the runtime lacks JavaFX's native libraries (lib/libglass.so)"

# Runs the launcher as a user would, without a JDK on the PATH, home in $WORK/home; stdout to $WORK/out, stderr to
# $WORK/err, which must be empty for `run clean`. Extra JVM options (headless window) through JAVA_TOOL_OPTIONS.
run() {
  local stderr="$1" tool_options="$2"; shift 2
  mkdir -p "$WORK/home"
  env -i HOME="$WORK/home" PATH=/usr/bin:/bin LANG=C.UTF-8 \
    JAVA_TOOL_OPTIONS="-Duser.home=$WORK/home $tool_options" \
    timeout 120 "$LAUNCHER" "$@" >"$WORK/out" 2>"$WORK/err" || { cat "$WORK/err" >&2; fail "failed: kvlens $*"; }
  if [ "$stderr" = clean ] && grep -v '^Picked up JAVA_TOOL_OPTIONS' "$WORK/err" | grep . >/dev/null; then
    grep -v '^Picked up JAVA_TOOL_OPTIONS' "$WORK/err" | head -5 >&2
    fail "wrote to stderr: kvlens $*"
  fi
}

run clean "" --version
grep -q "KV Lens $VERSION" "$WORK/out" || fail "did not print 'KV Lens $VERSION'"
run notes "" estimate --preset llama-3-8b --quantization q4f16_1 --gpu-memory-mib 81089 --mode local
grep -q approximate "$WORK/err" || fail "the estimate did not say on stderr that it is approximate"
grep -q "^Estimated total single GPU memory usage: 8174.157 MB" "$WORK/out" || fail "did not run the estimate CLI"
run clean "-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dheadless.geometry=1920x1200-32 \
  -Dkvlens.config.dir=$WORK/config" --startup-report
grep '^startup-report' "$WORK/out" || fail "did not open the window (--startup-report)"

# the chart, as the fat jar renders it (JavaFX on the classpath there)
PNG_ARGS=(export-png --preset llama-3-8b --quantization q4f16_1 --gpu-memory-mib 81089 --mode server)
run clean "" "${PNG_ARGS[@]}" --out "$WORK/launcher.png"
"$JAVA" -Duser.home="$WORK/jar-home" -jar target/kvlens.jar "${PNG_ARGS[@]}" --out "$WORK/jar.png" >/dev/null \
  || fail "java -jar target/kvlens.jar export-png failed"
cmp "$WORK/launcher.png" "$WORK/jar.png" || fail "export-png differs from java -jar target/kvlens.jar's"

[ ! -e "$WORK/home/.openjfx" ] || fail "unpacked JavaFX's native libraries into ~/.openjfx"
echo "launcher OK: $LAUNCHER (JavaFX modules, clean stderr, no ~/.openjfx, PNG as the fat jar's)"
