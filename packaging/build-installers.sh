#!/bin/sh
# Builds the installers from a packaged build (target/rackscope-desktop.jar, target/lib, config/):
# a jlink runtime with only the JDK modules the app needs, then jpackage. Called by `mvn -Pinstaller package`
# with the version; by hand: packaging/build-installers.sh VERSION [app-image] [deb] [rpm] [msi] [dmg].
# With no types it builds what this system can: app-image, plus deb (dpkg-deb + fakeroot) or rpm (rpmbuild)
# on Linux, msi on Windows (WiX), dmg on macOS. Output: target/installer/.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(echo "${1:-0.1.0}" | sed 's/[^0-9.].*//'); shift || true
target="$root/target"
out="$target/installer"
rm -rf "$out" && mkdir -p "$out/input"
cp "$target/rackscope-desktop.jar" "$target"/lib/*.jar "$out/input/"
cp -r "$root/config" "$out/input/config"

# JDK modules: what jdeps finds, plus what is only loaded as a service (TLS elliptic curves, charsets).
deps=$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 --class-path "$out/input/*" "$target/rackscope-desktop.jar")
modules="$deps,jdk.crypto.ec,jdk.charsets,java.naming,jdk.zipfs"
echo "runtime modules: $modules"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/runtime"

os=$(uname -s)
types="$*"
if [ -z "$types" ]; then
  types="app-image"
  case "$os" in
    Linux)
      if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then types="$types deb"; fi
      if command -v rpmbuild >/dev/null; then types="$types rpm"; fi ;;
    Darwin) types="$types dmg" ;;
    MINGW*|MSYS*|CYGWIN*) types="$types msi" ;;
  esac
fi

common="--name rackscope-desktop --app-version $version --vendor Rackscope-Desktop
  --description Datacenter-health-from-Prometheus --input $out/input --main-jar rackscope-desktop.jar
  --main-class io.rackscope.desktop.Main --runtime-image $out/runtime --dest $out
  --java-options -Xms32m --java-options -Xmx1g --java-options -XX:MaxNewSize=48m
  --java-options -XX:GCTimeRatio=4 --java-options -XX:InitiatingHeapOccupancyPercent=25
  --java-options -XX:-G1UseAdaptiveIHOP --java-options -XX:MinHeapFreeRatio=10
  --java-options -XX:MaxHeapFreeRatio=25 --java-options -Dprism.maxvram=128m
  --java-options -Dprism.targetvram=96m --java-options -XX:SoftRefLRUPolicyMSPerMB=10
  --java-options -Drackscope.home=\$APPDIR"
for type in $types; do
  echo "jpackage --type $type"
  case "$type" in
    app-image) jpackage --type app-image $common --icon "$root/icons/rackscope-desktop-256.png" ;;
    deb|rpm) jpackage --type "$type" $common --icon "$root/icons/rackscope-desktop-256.png" \
        --resource-dir "$root/packaging/linux" @"$root/packaging/linux/jpackage.txt" ;;
    msi) jpackage --type msi $common --icon "$root/icons/rackscope-desktop.ico" @"$root/packaging/windows/jpackage.txt" ;;
    dmg) jpackage --type dmg $common --icon "$root/icons/rackscope-desktop.icns" @"$root/packaging/macos/jpackage.txt" ;;
    *) echo "unknown installer type: $type" >&2; exit 2 ;;
  esac
done
ls -la "$out"
