#!/usr/bin/env bash
# Install what printing needs and pip cannot: poppler-utils (pdftotext, pdfinfo), with which the
# print and PDF tests read printed pages back, and the npm packages the slides load (reveal.js,
# require.js, jQuery, locked in print/slides/package-lock.json). Chromium itself comes from
# scripts/ensure_browser.sh. Idempotent and offline once installed: it installs only what is
# missing, and npm tries its own cache before the registry.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() {
    echo "ensure_print: $1" >&2
    exit 1
}

if ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null; then
    command -v apt-get >/dev/null \
        || fail "pdftotext is missing and apt-get is not available: install Debian's 'poppler-utils' package."
    echo "ensure_print: installing Debian's poppler-utils"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null; }; then
        fail "'apt-get install poppler-utils' failed: install Debian's 'poppler-utils' as root so that pdftotext exists."
    fi
    command -v pdftotext >/dev/null || fail "apt-get installed poppler-utils but pdftotext is still missing."
fi

SLIDES=print/slides
REVEAL_PACKAGE=$SLIDES/node_modules/reveal.js/package.json
wanted=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["packages"]["node_modules/reveal.js"]["version"])' "$SLIDES/package-lock.json")
installed=$(python3 -c 'import json, sys
try:
    print(json.load(open(sys.argv[1]))["version"])
except (OSError, ValueError, KeyError):
    print("")' "$REVEAL_PACKAGE")
if [ "$installed" != "$wanted" ]; then
    command -v npm >/dev/null \
        || fail "reveal.js $wanted is not installed and npm is missing: install Node.js and npm (Debian: apt-get install nodejs npm), then rerun."
    echo "ensure_print: installing reveal.js $wanted, require.js and jQuery from $SLIDES/package-lock.json"
    if ! npm ci --offline --prefix "$SLIDES" --no-audit --no-fund --silent 2>/dev/null; then
        echo "ensure_print: they are not all in npm's cache; fetching them from the npm registry"
        npm ci --prefix "$SLIDES" --no-audit --no-fund --silent || fail "'npm ci' in $SLIDES failed."
    fi
fi

echo "ensure_print: $(pdftotext -v 2>&1 | head -n 1), reveal.js $wanted"
