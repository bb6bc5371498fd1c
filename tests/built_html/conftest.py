"""Checks of the built HTML book; they need `jupyter-book build .` to have run first."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup


@pytest.fixture(scope="session")
def pages(built_book) -> dict[Path, BeautifulSoup]:
    return {
        path: BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for path in sorted(built_book.rglob("*.html"))
        if "_static" not in path.parts
    }
