#!/usr/bin/env bash
# Install what the browser tests need and pip cannot: Debian's Chromium and the axe-core engine.
# Idempotent: it installs only what is missing, so `make test` may call it every time.
# Playwright's own browser download is never used (it is blocked here); the tests drive
# /usr/bin/chromium through `executable_path`.
# Offline-safe: when the locked axe-core is already installed, neither npm nor the network is
# needed; when it is not, npm installs it from its own cache first (`npm ci --offline`) and
# asks the npm registry only if the cache does not have it.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
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

# A field of a JSON file, read with the Python that runs the project (node may be missing).
json_field() {
    python3 -c 'import json, sys
try:
    value = json.load(open(sys.argv[1], encoding="utf-8"))
    for key in sys.argv[2:]:
        value = value[key]
    print(value)
except (OSError, ValueError, KeyError, TypeError):
    print("")' "$@"
}
wanted=$(json_field "$BROWSER_TESTS/package-lock.json" packages node_modules/axe-core version)
[ -n "$wanted" ] || fail "$BROWSER_TESTS/package-lock.json does not name an axe-core version."
installed() {
    [ -f "$AXE_SCRIPT" ] && [ "$(json_field "$BROWSER_TESTS/node_modules/axe-core/package.json" version)" = "$wanted" ]
}

if ! installed; then
    command -v npm >/dev/null \
        || fail "axe-core $wanted is not installed and npm is missing: install Node.js and npm (Debian: apt-get install nodejs npm), then rerun."
    echo "ensure_browser: installing axe-core $wanted from $BROWSER_TESTS/package-lock.json"
    if ! npm ci --offline --prefix "$BROWSER_TESTS" --no-audit --no-fund --silent 2>/dev/null; then
        echo "ensure_browser: axe-core $wanted is not in npm's cache; fetching it from the npm registry"
        npm ci --prefix "$BROWSER_TESTS" --no-audit --no-fund --silent \
            || fail "'npm ci' in $BROWSER_TESTS failed: axe-core could not be installed."
    fi
    installed || fail "npm ci finished but $AXE_SCRIPT is not axe-core $wanted."
fi

echo "ensure_browser: $("$CHROMIUM" --version 2>/dev/null), axe-core $wanted"
