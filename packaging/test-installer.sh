#!/bin/sh
# Packaging test: builds the app-image, runs check-config with its launcher on the bundled configuration, and
# opens the GUI under Xvfb for a few seconds, saving a screenshot to target/installer/screenshot.png.
# Needs: a packaged build (mvn package), xvfb-run, ImageMagick's import. Exit non-zero on any failure.
set -e
cd "$(dirname "$0")/.."
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
packaging/build-installers.sh "$version" app-image
app=target/installer/rackscope-desktop/bin/rackscope-desktop
out=$(cd /tmp && "$OLDPWD/$app" check-config --json)
echo "$out" | grep -q '"instances" : 1756' || { echo "check-config from the app-image did not load the bundled config: $out"; exit 1; }
echo "check-config from the app-image: OK"
shot=target/installer/screenshot.png
rm -f "$shot"
xvfb-run -a -s "-screen 0 1440x900x24" sh -c "
  '$app' --prometheus http://127.0.0.1:9 --view room:fra1/hall-a & pid=\$!
  for i in \$(seq 1 40); do sleep 0.5; done
  import -window root '$shot'
  kill \$pid; wait \$pid 2>/dev/null || true"
[ -s "$shot" ] || { echo "no screenshot"; exit 1; }
colours=$(convert "$shot" -format %k info:)
echo "GUI screenshot $shot: $colours distinct colours"
[ "$colours" -gt 50 ] || { echo "the window looks blank"; exit 1; }
du -sh target/installer/rackscope-desktop | sed 's/^/app-image size: /'
