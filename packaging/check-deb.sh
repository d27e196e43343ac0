#!/usr/bin/env bash
# Checks the .deb built by jpackage.sh without installing it: unpacks it with dpkg-deb -x, then the menu icon
# (ours, not jpackage's Duke), the desktop file (desktop-file-validate), the AppStream metainfo
# (appstreamcli validate --no-net), the license files and metadata, and the unpacked launcher
# (check-launcher.sh). A validator that is not installed is reported and skipped (apt-get install
# desktop-file-utils appstream).
set -euo pipefail
VERSION="${1:?usage: check-deb.sh VERSION}"
cd "$(dirname "$0")/.."
DEB="target/jpackage/kvlens_${VERSION}-1_amd64.deb"
[ -f "$DEB" ] || { echo "no .deb at $DEB (dpkg-deb or fakeroot missing?): nothing to check" >&2; exit 0; }
fail() { echo "$DEB: $*" >&2; exit 1; }
ROOT=$(mktemp -d)
trap 'rm -rf "$ROOT"' EXIT
dpkg-deb -x "$DEB" "$ROOT"
APP="$ROOT/opt/kvlens"

# the menu entry and its icon
DESKTOP="$ROOT/usr/share/applications/kvlens-kvlens.desktop"
[ -f "$DESKTOP" ] || fail "no desktop file usr/share/applications/kvlens-kvlens.desktop"
grep -q "<launchable type=\"desktop-id\">kvlens-kvlens.desktop</launchable>" \
  "$ROOT/usr/share/metainfo/dev.kvlens.KvLens.metainfo.xml" || fail "the metainfo does not launch kvlens-kvlens.desktop"
grep -qx 'Icon=/opt/kvlens/lib/kvlens.png' "$DESKTOP" || fail "the desktop file does not name /opt/kvlens/lib/kvlens.png"
grep -qx 'StartupWMClass=dev.kvlens.app.KvLensApp' "$DESKTOP" || fail "the desktop file lacks StartupWMClass"
cmp -s "$APP/lib/kvlens.png" assets/icons/kvlens-256.png || fail "the menu icon is not assets/icons/kvlens-256.png"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$DESKTOP" || fail "desktop-file-validate rejects the desktop file"
else
  echo "skipped: desktop-file-validate not installed (desktop-file-utils)" >&2
fi

# AppStream metainfo
METAINFO="$ROOT/usr/share/metainfo/dev.kvlens.KvLens.metainfo.xml"
[ -f "$METAINFO" ] || fail "no usr/share/metainfo/dev.kvlens.KvLens.metainfo.xml"
grep -q "<release version=\"$VERSION\"" "$METAINFO" || fail "the metainfo has no release $VERSION"
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$METAINFO" >/dev/null || fail "appstreamcli validate rejects the metainfo"
else
  echo "skipped: appstreamcli not installed (appstream)" >&2
fi

# license, notices, metadata
for file in LICENSE NOTICE THIRD-PARTY.md; do
  cmp -s "$APP/lib/app/$file" "$file" || fail "opt/kvlens/lib/app/$file is missing or not the repository's"
done
grep -q '^License: Apache-2.0' "$ROOT/usr/share/doc/kvlens/copyright" || fail "usr/share/doc/kvlens/copyright does not say Apache-2.0"
CONTROL=$(dpkg-deb -f "$DEB")
grep -q '^Maintainer: KV Lens developers <kvlens@users.noreply.invalid>' <<<"$CONTROL" || fail "unexpected Maintainer"
grep -q '^Depends: .*libgtk-3-0' <<<"$CONTROL" || fail "Depends lacks libgtk-3-0"
[ "$(dpkg-deb -f "$DEB" Description | wc -l)" -gt 1 ] || fail "no long description"
# the package installs and removes where no desktop is installed: no xdg-desktop-menu in its scripts
SCRIPTS=$(mktemp -d)
dpkg-deb -e "$DEB" "$SCRIPTS"
if grep -l xdg- "$SCRIPTS"/* >/dev/null || grep -q xdg-utils <<<"$CONTROL"; then
  rm -rf "$SCRIPTS"; fail "the maintainer scripts call xdg-utils"
fi
rm -rf "$SCRIPTS"

# the launcher from the unpacked tree (see check-launcher.sh): JavaFX as modules, version, estimate, the window
# headless, export-png as the fat jar's, clean stderr, no ~/.openjfx
bash packaging/check-launcher.sh "$APP" "$VERSION"
echo ".deb OK: $DEB (icon, desktop file, metainfo, license, launcher)"
