#!/usr/bin/env bash
# Install what the browser tests need and pip cannot: Debian's Chromium and the axe-core engine.
# Idempotent: it installs only what is missing, so `make test` may call it every time.
# Playwright's own browser download is never used (it is blocked here); the tests drive
# /usr/bin/chromium through `executable_path`.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM=/usr/bin/chromium
BROWSER_TESTS=tests/browser
AXE_SCRIPT=$BROWSER_TESTS/node_modules/axe-core/axe.min.js

fail() {
    echo "ensure_browser: $1" >&2
    exit 1
}

if [ ! -x "$CHROMIUM" ]; then
    command -v apt-get >/dev/null \
        || fail "$CHROMIUM is missing and apt-get is not available: install Debian's 'chromium' package (or any Chromium at $CHROMIUM)."
    echo "ensure_browser: installing Debian's chromium"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; then
        fail "'apt-get install chromium' failed: install Debian's 'chromium' package as root so that $CHROMIUM exists."
    fi
    [ -x "$CHROMIUM" ] || fail "apt-get installed chromium but $CHROMIUM is still missing."
fi

command -v npm >/dev/null || fail "npm is missing: install Node.js and npm (Debian: apt-get install nodejs npm), then rerun."
axe_version() {
    node -p "try { require('./$1').$2 } catch (error) { '' }"
}
wanted=$(axe_version "$BROWSER_TESTS/package-lock.json" "packages['node_modules/axe-core'].version")
installed=$(axe_version "$BROWSER_TESTS/node_modules/axe-core/package.json" "version")
if [ "$installed" != "$wanted" ] || [ ! -f "$AXE_SCRIPT" ]; then
    echo "ensure_browser: installing axe-core $wanted from $BROWSER_TESTS/package-lock.json"
    npm ci --prefix "$BROWSER_TESTS" --no-audit --no-fund --silent \
        || fail "'npm ci' in $BROWSER_TESTS failed: axe-core could not be installed."
    [ -f "$AXE_SCRIPT" ] || fail "npm ci finished but $AXE_SCRIPT is missing."
fi

echo "ensure_browser: $("$CHROMIUM" --version 2>/dev/null), axe-core $wanted"
