#!/usr/bin/env bash
# Makes sure Debian's chromium is there for the browser test: installs it as root when it is
# missing, and otherwise says what to do. Never downloads a browser build of its own.
#
# usage: bash test/e2e/setup-chromium.sh
set -euo pipefail

chromium=/usr/bin/chromium
[[ -x $chromium ]] && exit 0

if [[ $(id -u) -ne 0 ]]; then
  echo "browser test: $chromium is missing; install Debian's chromium first: sudo apt-get install -y chromium" >&2
  exit 2
fi
echo "browser test: installing Debian's chromium"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
if [[ ! -x $chromium ]]; then
  echo "browser test: could not install chromium" >&2
  exit 2
fi
