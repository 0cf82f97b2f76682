#!/usr/bin/env bash
# Install everything the tests need on a fresh Debian machine, then run every test:
# node's runner on the extension's lib/, web-ext lint, and pytest (server, store on SQLite
# and PostgreSQL, security, the real extension in Debian's Chromium and Firefox against the
# real server).
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1

apt_packages=()
command -v chromium >/dev/null 2>&1 || apt_packages+=(chromium)
# Chromium's interface languages: the extension's German interface is tested in a German browser.
[ -e /usr/lib/chromium/locales/de.pak ] || apt_packages+=(chromium-l10n)
command -v firefox-esr >/dev/null 2>&1 || apt_packages+=(firefox-esr)
command -v Xvfb >/dev/null 2>&1 || apt_packages+=(xvfb xauth)
command -v xdotool >/dev/null 2>&1 || apt_packages+=(xdotool)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || apt_packages+=(postgresql)
command -v node >/dev/null 2>&1 || apt_packages+=(nodejs npm)
if [ ${#apt_packages[@]} -gt 0 ]; then
  echo "== installing Debian packages: ${apt_packages[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi

echo "== installing Python packages"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e ".[test]"

echo "== installing web-ext (npm)"
npm install --prefix tests/extension --no-audit --no-fund --silent >/dev/null

echo "== extension unit tests (node --test)"
node --test tests/extension/

echo "== web-ext lint"
tests/extension/node_modules/.bin/web-ext lint --source-dir extension

echo "== pytest"
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
