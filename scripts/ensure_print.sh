#!/usr/bin/env bash
# Install what printing needs and pip cannot: poppler-utils (pdftotext, pdfinfo), with which the
# print and PDF tests read printed pages back. Chromium itself comes from scripts/ensure_browser.sh.
# Idempotent and offline once installed: it installs only what is missing.
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

echo "ensure_print: $(pdftotext -v 2>&1 | head -n 1)"
