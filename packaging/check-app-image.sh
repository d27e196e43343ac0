#!/usr/bin/env bash
# Checks the app-image built by jpackage.sh (target/jpackage/kvlens): see check-launcher.sh (JavaFX as modules, no
# JDK on the PATH, version, estimate, headless window, export-png as the fat jar's, clean stderr, no ~/.openjfx),
# and that it has its class-data archive.
set -euo pipefail
VERSION="${1:?usage: check-app-image.sh VERSION}"
cd "$(dirname "$0")/.."
APP=target/jpackage/kvlens
bash packaging/check-launcher.sh "$APP" "$VERSION"
[ -f "$APP/lib/app/kvlens.jsa" ] || echo "warning: no class-data archive in the app-image" >&2
echo "app-image OK: $APP/bin/kvlens runs without a JDK"
