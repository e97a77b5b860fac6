#!/usr/bin/env bash
# Makes sure the headless browser the e2e suite and the UI bench drive is installed: Debian's
# Chromium (Playwright's own browser download cannot reach its host from here). Idempotent: when
# the browser is already there it only prints its version.
set -euo pipefail
. "$(dirname "$0")/aptInstall.sh"

CHROMIUM="${NORMLAB_CHROMIUM:-/usr/bin/chromium}"

if [ ! -x "$CHROMIUM" ]; then
  apt_install ensureBrowser "Chromium ($CHROMIUM)" \
    "Install Chromium yourself and point NORMLAB_CHROMIUM at its binary." \
    chromium fonts-liberation
  if [ ! -x "$CHROMIUM" ]; then
    echo "ensureBrowser: apt-get finished but $CHROMIUM is still missing." >&2
    exit 1
  fi
fi

echo "ensureBrowser: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM (version unknown)")"
