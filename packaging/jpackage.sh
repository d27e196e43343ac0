#!/usr/bin/env bash
# Builds the Linux app-image (target/jpackage/kvlens/) and .deb (target/jpackage/*.deb) from the shaded jar,
# with a trimmed runtime. Called by `mvn -B -Ppackage -DskipTests package`; usable by hand after `mvn package`.
set -euo pipefail
VERSION="${1:?usage: jpackage.sh VERSION [JVM_OPTIONS]}"
JAVA_OPTIONS=()
for option in ${2:-}; do JAVA_OPTIONS+=(--java-options "$option"); done
cd "$(dirname "$0")/.."
JPACKAGE="${JAVA_HOME:+$JAVA_HOME/bin/}jpackage"
OUT=target/jpackage
rm -rf "$OUT"
mkdir -p "$OUT/input"
cp target/kvlens.jar "$OUT/input/"

# java.desktop: ImageIO/AWT for PNG export; jdk.unsupported: JavaFX; java.sql: Jackson; the rest: JavaFX and logging.
MODULES=java.base,java.desktop,java.logging,java.xml,java.sql,java.naming,java.scripting,jdk.unsupported,jdk.jsobject,jdk.xml.dom

"$JPACKAGE" --type app-image \
  --name kvlens \
  --app-version "$VERSION" \
  --vendor "KV Lens" \
  --description "Where an MLC-LLM model's GPU memory goes" \
  --input "$OUT/input" \
  --main-jar kvlens.jar \
  --main-class dev.kvlens.app.Launcher \
  "${JAVA_OPTIONS[@]}" \
  --icon assets/icons/kvlens-256.png \
  --add-modules "$MODULES" \
  --jlink-options "--strip-debug --no-man-pages --no-header-files --strip-native-commands" \
  --dest "$OUT"

if command -v dpkg-deb >/dev/null 2>&1 && command -v fakeroot >/dev/null 2>&1; then
  "$JPACKAGE" --type deb \
    --app-image "$OUT/kvlens" \
    --name kvlens \
    --app-version "$VERSION" \
    --vendor "KV Lens" \
    --description "Where an MLC-LLM model's GPU memory goes: MLC-LLM's own runtime estimate, per engine mode" \
    --resource-dir packaging/linux \
    --linux-package-name kvlens \
    --linux-package-deps libgtk-3-0 \
    --linux-app-category devel \
    --linux-menu-group "Development;Science" \
    --linux-shortcut \
    --dest "$OUT"
else
  echo "dpkg-deb or fakeroot missing: built the app-image only" >&2
fi
ls -la "$OUT"
