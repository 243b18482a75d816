#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (never a browser Playwright downloads).
# Install it when it is missing; CI runs this before the suite.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "Chromium is missing and only root can install it: apt-get install chromium" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium
