#!/bin/sh
# make_dmg.sh: dist/Service Hall Kiosk.app -> dist/service-hall-kiosk-<version>.dmg (macOS).
#
#   python packaging/build.py            # the .app, smoke-tested (kiosk.spec's BUNDLE)
#   sh packaging/macos/make_dmg.sh       # camera texts, signature, then the disk image
#   CODESIGN_IDENTITY="Developer ID Application: …" sh packaging/macos/make_dmg.sh
#
# 1. puts the camera-usage text in English and Chinese into the .app
#    (Contents/Resources/{en,zh_Hans}.lproj/InfoPlist.strings: macOS shows the one of the
#    user's language when the kiosk first opens the camera; Info.plist's own
#    NSCameraUsageDescription, set in kiosk.spec, is the fallback) and THIRD-PARTY-NOTICES;
# 2. signs the .app again (the step above changes it): ad hoc without CODESIGN_IDENTITY,
#    else with that identity and the hardened runtime (notarise it afterwards with
#    `xcrun notarytool submit … --wait` and `xcrun stapler staple`);
# 3. makes a compressed read-only disk image with the .app and a link to /Applications
#    (hdiutil create -format UDZO), and its SBOM beside it.
#
# NOT RUN HERE: written on Linux, where there is no hdiutil or codesign;
# .github/workflows/bundles.yml runs it on a macOS runner.
set -eu
cd "$(dirname "$0")/../.."

APP="dist/Service Hall Kiosk.app"
VERSION=$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
DMG="dist/service-hall-kiosk-$VERSION.dmg"
[ -d "$APP" ] || { echo "make_dmg.sh: no $APP: run python packaging/build.py first" >&2; exit 1; }

resources="$APP/Contents/Resources"
mkdir -p "$resources/en.lproj" "$resources/zh_Hans.lproj"
printf '"NSCameraUsageDescription" = "The kiosk scans the QR code of an electronic certificate on your phone with the camera. No picture is kept.";\n' \
    > "$resources/en.lproj/InfoPlist.strings"
printf '"NSCameraUsageDescription" = "自助终端用摄像头扫描您手机上电子证照的二维码，不保存任何图像。";\n' \
    > "$resources/zh_Hans.lproj/InfoPlist.strings"
plutil -lint "$resources/en.lproj/InfoPlist.strings" "$resources/zh_Hans.lproj/InfoPlist.strings"
cp dist/service-hall-kiosk/THIRD-PARTY-NOTICES.txt "$resources/"

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --force --deep --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$APP"
else
    codesign --force --deep --sign - "$APP"
fi
codesign --verify --deep --strict "$APP"

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "$APP" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$DMG"
hdiutil create -volname "Service Hall Kiosk" -srcfolder "$staging" -format UDZO -ov "$DMG"
cp dist/service-hall-kiosk.cdx.json "dist/service-hall-kiosk-$VERSION.dmg.cdx.json" 2>/dev/null || true
echo "make_dmg.sh: $DMG"
