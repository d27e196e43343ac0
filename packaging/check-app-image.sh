#!/usr/bin/env bash
# Checks that the packaged launcher runs with no JDK on the PATH: version, the CLI, and the window (headless).
set -euo pipefail
VERSION="${1:?usage: check-app-image.sh VERSION}"
cd "$(dirname "$0")/.."
LAUNCHER=target/jpackage/kvlens/bin/kvlens
OUTPUT=$(env -i HOME="$HOME" PATH=/usr/bin:/bin "$LAUNCHER" --version)
echo "$OUTPUT"
grep -q "KV Lens $VERSION" <<<"$OUTPUT" || { echo "app-image launcher did not print 'KV Lens $VERSION'" >&2; exit 1; }
env -i HOME="$HOME" PATH=/usr/bin:/bin "$LAUNCHER" estimate --preset llama-3-8b --quantization q4f16_1 \
  --gpu-memory-mib 81089 --mode local 2>/dev/null | tail -1 | grep -q "8174.157 MB" \
  || { echo "app-image launcher did not run the estimate CLI" >&2; exit 1; }
# the window itself, headless (Monocle ships in the jar): first frame, class-data archive in use
REPORT=$(env -i HOME="$HOME" PATH=/usr/bin:/bin JAVA_TOOL_OPTIONS="-Dglass.platform=Monocle -Dmonocle.platform=Headless \
  -Dprism.order=sw -Dheadless.geometry=1920x1200-32 -Dkvlens.config.dir=$(mktemp -d)" \
  timeout 120 "$LAUNCHER" --startup-report 2>/dev/null | grep '^startup-report') \
  || { echo "app-image launcher did not open the window (--startup-report)" >&2; exit 1; }
echo "$REPORT"
[ -f target/jpackage/kvlens/lib/app/kvlens.jsa ] || echo "warning: no class-data archive in the app-image" >&2
echo "app-image OK: $LAUNCHER runs without a JDK"
