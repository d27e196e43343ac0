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

# java.desktop: ImageIO/AWT for PNG export; jdk.unsupported: JavaFX; java.sql: Jackson; java.management: the
# JVM start time for --startup-report; the rest: JavaFX and logging. The runtime keeps bin/java (no
# --strip-native-commands): jlink's --generate-cds-archive and train-cds.sh below run it.
MODULES=java.base,java.desktop,java.logging,java.management,java.xml,java.sql,java.naming,java.scripting,jdk.unsupported,jdk.jsobject,jdk.xml.dom

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
  --jlink-options "--strip-debug --no-man-pages --no-header-files --generate-cds-archive" \
  --dest "$OUT"

# AppCDS: a headless start of the window records the classes it loads into lib/app/kvlens.jsa; later starts map
# them instead of loading them from the jar. JDK 17 ties the archive to the jar's absolute path, so it is made where
# the app lives: below for this app-image, by the .deb's postinst for /opt/kvlens. A missing or stale archive only
# makes the start slower (the -Xlog options keep the JVM quiet about it).
APP="$OUT/kvlens"
cat > "$APP/lib/app/train-cds.sh" <<SCRIPT
#!/bin/sh
# Creates KV Lens's class-data archive for the app installed in \$1 (written by packaging/jpackage.sh).
APP="\${1:?usage: train-cds.sh APP_DIR}"
JSA="\$APP/lib/app/kvlens.jsa"
rm -f "\$JSA"
CONFIG=\$(mktemp -d)
timeout 120 "\$APP/lib/runtime/bin/java" -XX:ArchiveClassesAtExit="\$JSA" ${2:-} \\
  -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dheadless.geometry=1920x1200-32 \\
  -Dkvlens.config.dir="\$CONFIG" -cp "\$APP/lib/app/kvlens.jar" dev.kvlens.app.Launcher --startup-report >/dev/null 2>&1
STATUS=\$?
rm -rf "\$CONFIG"
exit \$STATUS
SCRIPT
chmod 755 "$APP/lib/app/train-cds.sh"
cat >> "$APP/lib/app/kvlens.cfg" <<'CFG'
java-options=-XX:SharedArchiveFile=$APPDIR/kvlens.jsa
java-options=-Xlog:cds=off
java-options=-Xlog:cds+dynamic=off
CFG

if command -v dpkg-deb >/dev/null 2>&1 && command -v fakeroot >/dev/null 2>&1; then
  "$JPACKAGE" --type deb \
    --app-image "$OUT/kvlens" \
    --name kvlens \
    --app-version "$VERSION" \
    --vendor "KV Lens" \
    --description "Where an MLC-LLM model's GPU memory goes: MLC-LLM's own runtime estimate, per engine mode" \
    --resource-dir packaging/linux \
    --icon assets/icons/kvlens-256.png \
    --linux-package-name kvlens \
    --linux-package-deps libgtk-3-0 \
    --linux-app-category devel \
    --linux-menu-group Development \
    --linux-shortcut \
    --dest "$OUT"
else
  echo "dpkg-deb or fakeroot missing: built the app-image only" >&2
fi
# after the .deb (which makes its own archive when installed): the archive for this app-image
"$APP/lib/app/train-cds.sh" "$(cd "$APP" && pwd)" || echo "no class-data archive for the app-image (it starts slower)" >&2
ls -la "$OUT"
