"""Checks of the built HTML book; they need `jupyter-book build .` to have run first."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kratom_claims.paths import BUILT_HTML_DIR as HTML_DIR


@pytest.fixture(scope="session")
def pages() -> dict[Path, BeautifulSoup]:
    if not (HTML_DIR / "index.html").is_file():
        pytest.fail(f"{HTML_DIR} has no built book: run `make strict-build` (or `make book`) first")
    return {
        path: BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for path in sorted(HTML_DIR.rglob("*.html"))
        if "_static" not in path.parts
    }
