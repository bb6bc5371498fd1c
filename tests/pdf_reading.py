"""Reading a printed PDF back for tests: its text, its pages and where its words sit (poppler-utils).

pdftotext and pdfinfo are Debian's poppler-utils, which scripts/ensure_browser.sh installs with
Chromium; reading the PDF with the same tool a reader would use to copy text from it keeps the
tests honest about what is on paper.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

SETUP_HINT = "pdftotext is missing: run `bash scripts/ensure_browser.sh` (it installs poppler-utils)"


@dataclass(frozen=True)
class PlacedWord:
    page: int
    text: str
    x_min: float
    x_max: float
    page_width: float


def _poppler(tool: str, *args: str) -> str:
    if shutil.which(tool) is None:
        raise RuntimeError(SETUP_HINT)
    return subprocess.run([tool, *args], check=True, capture_output=True, text=True).stdout


@functools.cache
def pdf_text(path: Path) -> str:
    """The PDF's text in reading order (read once per test session: the book's PDF has 250 pages)."""
    return _poppler("pdftotext", str(path), "-")


def page_count(path: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", _poppler("pdfinfo", str(path)), re.MULTILINE).group(1))


@functools.cache
def placed_words(path: Path) -> list[PlacedWord]:
    """Every word of the PDF with its horizontal extent and its page's width, in points."""
    soup = BeautifulSoup(_poppler("pdftotext", "-bbox", str(path), "-"), "html.parser")
    return [
        PlacedWord(number, word.get_text(), float(word["xmin"]), float(word["xmax"]), float(page["width"]))
        for number, page in enumerate(soup.find_all("page"), start=1)
        for word in page.find_all("word")
    ]


TYPOGRAPHIC = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def squeezed(text: str) -> str:
    """Text without whitespace or hyphens, with plain quotes, so a passage matches however it was set.

    pdftotext joins a word broken at a line's end hyphen ("non-" / "synthetic") into one word, so
    hyphens are dropped on both sides of a comparison; the book's typesetting curls quotes.
    """
    return re.sub(r"[\s\-]+", "", text.translate(TYPOGRAPHIC))


def page_text(path: Path, page: int) -> str:
    """The text of one page (numbered from 1)."""
    return _poppler("pdftotext", "-f", str(page), "-l", str(page), str(path), "-")


def image_count(path: Path) -> int:
    """How many pictures the PDF draws (a transparency mask is part of its picture, not one more)."""
    rows = _poppler("pdfimages", "-list", str(path)).splitlines()[2:]
    return sum(1 for row in rows if row.split()[2] == "image")
