#!/usr/bin/env bash
# Builds the Linux app-image (target/jpackage/kvlens/) and .deb (target/jpackage/*.deb) with a jlinked runtime that
# carries JavaFX as named modules, as Scene Builder does. Called by `mvn -B -Ppackage -DskipTests package`, which
# first makes the app jar target/jpackage-app/kvlens.jar (the fat jar without org.openjfx) and passes the JavaFX jars
# from the build's classpath; the fat jar target/kvlens.jar (JavaFX on the classpath) stays for `java -jar`.
# JavaFX from the runtime image loads its native libraries from the runtime's lib/ (no ~/.openjfx/cache) and, being
# named modules, prints no "Unsupported JavaFX configuration" warning.
set -euo pipefail
VERSION="${1:?usage: jpackage.sh VERSION JVM_OPTIONS JAVAFX_EXPORTS CLASSPATH}"
JVM_OPTIONS="${2:-} ${3:-}"  # the app's JVM options and the --add-exports the classpath app needs from JavaFX
CLASSPATH_JARS="${4:?usage: jpackage.sh VERSION JVM_OPTIONS JAVAFX_EXPORTS CLASSPATH}"
JAVA_OPTIONS=()
for option in $JVM_OPTIONS; do JAVA_OPTIONS+=(--java-options "$option"); done
cd "$(dirname "$0")/.."
JPACKAGE="${JAVA_HOME:+$JAVA_HOME/bin/}jpackage"
OUT=target/jpackage
APP_JAR=target/jpackage-app/kvlens.jar
[ -f "$APP_JAR" ] || { echo "no $APP_JAR: run mvn -B -Ppackage -DskipTests package" >&2; exit 1; }
JAR="${JAVA_HOME:+$JAVA_HOME/bin/}jar"
if "$JAR" tf "$APP_JAR" | grep '^javafx/' >/dev/null; then
  echo "$APP_JAR carries JavaFX classes; the installers' runtime has JavaFX as modules" >&2; exit 1
fi
rm -rf "$OUT"
mkdir -p "$OUT/input" "$OUT/javafx"
cp "$APP_JAR" "$OUT/input/"
# the project's license and the third-party notices, as /opt/kvlens/lib/app/{LICENSE,NOTICE,THIRD-PARTY.md}
cp LICENSE NOTICE THIRD-PARTY.md "$OUT/input/"
VENDOR="KV Lens developers"
MAINTAINER_EMAIL=kvlens@users.noreply.invalid

# JavaFX's modular jars (the platform ones, javafx-*-linux.jar; the plain javafx-*.jar beside them are empty) for
# jlink's module path; their native libraries go into the runtime's lib/ below, where JavaFX looks first.
IFS=: read -ra ENTRIES <<<"$CLASSPATH_JARS"
for jar in "${ENTRIES[@]}"; do
  case "$jar" in
    */org/openjfx/*.jar) if "$JAR" tf "$jar" | grep -x module-info.class >/dev/null; then cp "$jar" "$OUT/javafx/"; fi ;;
  esac
done
GRAPHICS_JAR=$(realpath "$OUT"/javafx/javafx-graphics-*.jar 2>/dev/null | head -1)
[ -n "$GRAPHICS_JAR" ] || { echo "no JavaFX module jars on the classpath given" >&2; exit 1; }

# java.desktop: ImageIO/AWT for PNG export; jdk.unsupported: JavaFX; java.sql: Jackson; java.management: the
# JVM start time for --startup-report; the rest: JavaFX and logging. javafx.controls brings javafx.graphics and
# javafx.base; nothing the app runs needs javafx.swing (jdeps on the app jar). The runtime keeps bin/java (no
# --strip-native-commands): jlink's --generate-cds-archive and train-cds.sh below run it.
MODULES=java.base,java.desktop,java.logging,java.management,java.xml,java.sql,java.naming,java.scripting,jdk.unsupported,jdk.jsobject,jdk.xml.dom,javafx.controls

"$JPACKAGE" --type app-image \
  --name kvlens \
  --app-version "$VERSION" \
  --vendor "$VENDOR" \
  --copyright "Copyright 2026 The KV Lens authors" \
  --description "GPU memory estimator for MLC-LLM models" \
  --input "$OUT/input" \
  --main-jar kvlens.jar \
  --main-class dev.kvlens.app.Launcher \
  "${JAVA_OPTIONS[@]}" \
  --icon assets/icons/kvlens-256.png \
  --module-path "$OUT/javafx" \
  --add-modules "$MODULES" \
  --jlink-options "--strip-debug --no-man-pages --no-header-files --generate-cds-archive" \
  --dest "$OUT"

# JavaFX's native libraries (libglass, libprism_sw, ...) beside the JDK's
APP="$OUT/kvlens"
mkdir "$OUT/natives"
(cd "$OUT/natives" && "$JAR" xf "$GRAPHICS_JAR")
find "$OUT/natives" -maxdepth 1 -name '*.so' -exec cp {} "$APP/lib/runtime/lib/" \;
rm -rf "$OUT/natives"

# AppCDS: a headless start of the window records the classes it loads into lib/app/kvlens.jsa; later starts map
# them instead of loading them from the jar. JDK 17 ties the archive to the jar's absolute path, so it is made where
# the app lives: below for this app-image, by the .deb's postinst for /opt/kvlens. A missing or stale archive only
# makes the start slower (the -Xlog options keep the JVM quiet about it). The training run uses the launcher's JVM
# options, the --add-exports included.
cat > "$APP/lib/app/train-cds.sh" <<SCRIPT
#!/bin/sh
# Creates KV Lens's class-data archive for the app installed in \$1 (written by packaging/jpackage.sh).
APP="\${1:?usage: train-cds.sh APP_DIR}"
JSA="\$APP/lib/app/kvlens.jsa"
rm -f "\$JSA"
CONFIG=\$(mktemp -d)
timeout 120 "\$APP/lib/runtime/bin/java" -XX:ArchiveClassesAtExit="\$JSA" $JVM_OPTIONS \\
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

# native libraries without their symbol tables (the JDK's are unstripped: ~10 MB, and lintian's
# unstripped-binary-or-object); the class-data archives do not depend on them
if command -v strip >/dev/null 2>&1; then
  find "$APP" -type f -exec sh -c \
    'for f; do [ "$(head -c4 "$f")" = "$(printf "\177ELF")" ] && strip --strip-unneeded "$f"; done; true' sh {} +
fi
find "$APP" -type f -name '*.so' -exec chmod 644 {} +  # libraries are loaded, not run

# jpackage's .deb, completed: the Debian copyright and changelog in /usr/share/doc/kvlens, the AppStream
# metainfo in /usr/share/metainfo, md5sums, then packed again (owner root) under the same name. The menu entry is
# a file of the package, /usr/share/applications/kvlens-kvlens.desktop (the name xdg-desktop-menu gave it), instead
# of jpackage's xdg-desktop-menu calls in postinst/prerm (left out of linux/postinst and linux/prerm): those fail
# where no desktop is installed (no /etc/xdg/menus), and then the package can be neither configured nor removed.
finish_deb() {
  local deb="$1" root="$OUT/deb-root" date
  date=$(date -u -d "@${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}" +%Y-%m-%d)
  rm -rf "$root"
  dpkg-deb -R "$deb" "$root"
  install -d "$root/usr/share/doc/kvlens" "$root/usr/share/metainfo"
  install -m 644 packaging/linux/copyright "$root/usr/share/doc/kvlens/copyright"
  printf 'kvlens (%s-1) unstable; urgency=medium\n\n  * KV Lens %s, packaged with jpackage.\n\n -- %s <%s>  %s\n' \
    "$VERSION" "$VERSION" "$VENDOR" "$MAINTAINER_EMAIL" "$(date -u -R -d "$date")" \
    | gzip -9n > "$root/usr/share/doc/kvlens/changelog.Debian.gz"
  chmod 644 "$root/usr/share/doc/kvlens/changelog.Debian.gz"
  sed -e "s/@VERSION@/$VERSION/" -e "s/@DATE@/$date/" packaging/linux/dev.kvlens.KvLens.metainfo.xml \
    > "$root/usr/share/metainfo/dev.kvlens.KvLens.metainfo.xml"
  chmod 644 "$root/usr/share/metainfo/dev.kvlens.KvLens.metainfo.xml"
  install -d "$root/usr/share/applications"
  mv "$root/opt/kvlens/lib/kvlens-kvlens.desktop" "$root/usr/share/applications/"
  sed -i -e '/^Depends:/s/ xdg-utils,//' -e '/^Depends:/s/, xdg-utils$//' "$root/DEBIAN/control"
  rm -f "$root/DEBIAN/preinst" "$root/DEBIAN/postrm"  # jpackage's, which do nothing
  rm -f "$root/opt/kvlens/share/doc/copyright"
  rmdir -p "$root/opt/kvlens/share/doc" 2>/dev/null || true
  sed -i "s/^Installed-Size: .*/Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)/" "$root/DEBIAN/control"
  (cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) \
    > "$root/DEBIAN/md5sums"
  chmod 644 "$root/DEBIAN/md5sums"
  fakeroot dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
  rm -rf "$root"
}

if command -v dpkg-deb >/dev/null 2>&1 && command -v fakeroot >/dev/null 2>&1; then
  "$JPACKAGE" --type deb \
    --app-image "$OUT/kvlens" \
    --name kvlens \
    --app-version "$VERSION" \
    --vendor "$VENDOR" \
    --linux-deb-maintainer "$MAINTAINER_EMAIL" \
    --description "GPU memory estimator for MLC-LLM models" \
    --resource-dir packaging/linux \
    --icon assets/icons/kvlens-256.png \
    --linux-package-name kvlens \
    --linux-package-deps libgtk-3-0 \
    --linux-app-category devel \
    --linux-menu-group Development \
    --linux-shortcut \
    --dest "$OUT"
  finish_deb "$(ls "$OUT"/kvlens_*.deb)"
else
  echo "dpkg-deb or fakeroot missing: built the app-image only" >&2
fi
# after the .deb (which makes its own archive when installed): the archive for this app-image
"$APP/lib/app/train-cds.sh" "$(cd "$APP" && pwd)" || echo "no class-data archive for the app-image (it starts slower)" >&2
ls -la "$OUT"
