#!/usr/bin/env bash
# Makes sure a Python with PyTorch and NumPy is installed for the tests that run exported scripts:
# Debian's python3-torch (torch 1.13, CPU). Idempotent: when one is there it only prints which.
# Candidates, in the order test/helpers/torchPython.ts tries them: $NORMLAB_PYTHON, /usr/bin/python3,
# then the python3 first on PATH (often a pyenv or venv Python without torch).
set -euo pipefail
. "$(dirname "$0")/aptInstall.sh"

has_torch() { "$1" -c 'import torch, numpy' >/dev/null 2>&1; }

find_python() {
  for candidate in "${NORMLAB_PYTHON:-}" /usr/bin/python3 "$(command -v python3 || true)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ] && has_torch "$candidate"; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! PYTHON="$(find_python)"; then
  apt_install ensureTorch "a Python with torch and numpy" \
    "Install PyTorch (CPU) and NumPy, and point NORMLAB_PYTHON at that python3." \
    python3 python3-torch python3-numpy
  if ! PYTHON="$(find_python)"; then
    echo "ensureTorch: apt-get finished but no Python imports torch and numpy." >&2
    exit 1
  fi
fi

echo "ensureTorch: $PYTHON, torch $("$PYTHON" -c 'import torch; print(torch.__version__)')"
