"""Debian's Chromium as the project drives it, in one place: the browser tests, the scale test, the
slides test and `make pdf` all launch it with Playwright.

Playwright's own browser download is blocked here, so it drives Debian's Chromium. The
background-networking flags stop Chromium calling Google at start, which the closed network
refuses; Chromium's sandbox does not start as root.
"""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
