#!/usr/bin/env bash
# Makes sure the headless browser the e2e suite and the UI bench drive is installed: Debian's
# Chromium (Playwright's own browser download cannot reach its host from here). Idempotent: when
# the browser is already there it only prints its version.
set -euo pipefail

CHROMIUM="${NORMLAB_CHROMIUM:-/usr/bin/chromium}"

if [ ! -x "$CHROMIUM" ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensureBrowser: $CHROMIUM is missing and apt-get is not available to install it." >&2
    echo "Install Chromium yourself and point NORMLAB_CHROMIUM at its binary." >&2
    exit 1
  fi
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "ensureBrowser: installing Chromium needs root (or sudo); run: apt-get install -y chromium" >&2
      exit 1
    fi
    SUDO="sudo"
  fi
  echo "ensureBrowser: installing chromium with apt-get (first run only)"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
  if [ ! -x "$CHROMIUM" ]; then
    echo "ensureBrowser: apt-get finished but $CHROMIUM is still missing." >&2
    exit 1
  fi
fi

echo "ensureBrowser: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM (version unknown)")"
