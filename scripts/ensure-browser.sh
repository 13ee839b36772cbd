#!/usr/bin/env bash
# Chromium for the browser tests, from Debian's packages (Playwright's own browser download cannot work offline).
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
[ "$(id -u)" = 0 ] || { echo "Chromium missing; as root: apt-get install -y chromium chromium-driver fonts-wqy-microhei" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-wqy-microhei >/dev/null
