# Sourced by the ensure*.sh scripts: installs Debian packages with apt-get, as root or through sudo,
# or exits with a sentence saying what to do by hand. Usage: apt_install WHO WHAT HINT PACKAGE...
# (WHO names the calling script in messages, WHAT the thing being installed, HINT what to do when
# apt-get is not there at all).
apt_install() {
  local who="$1" what="$2" hint="$3"
  shift 3
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "$who: $what is missing and apt-get is not available to install it." >&2
    echo "$hint" >&2
    exit 1
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "$who: installing $what needs root (or sudo); run: apt-get install -y $*" >&2
      exit 1
    fi
    sudo="sudo"
  fi
  echo "$who: installing $what with apt-get (first run only)"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
