"""Read an article file the same way everywhere: plain text as stored, or a saved web page's main text.

A researcher's pages come as saved HTML far more often than as copied text. Scoring markup,
menus and scripts as if they were the article would give nonsense claims and reading grades, so
a page is reduced to its main text by trafilatura, a maintained library for exactly this, and
everything downstream (checksum, residue, quotes and offsets) refers to that text.
"""

from __future__ import annotations

from pathlib import Path

from .article_file import read_article_file
from .errors import CorpusError
from .limits import MAX_ARTICLE_BYTES

PAGE_SUFFIXES = (".html", ".htm")
TEXT_SUFFIX = ".txt"


def is_web_page(path: Path | str) -> bool:
    """Whether the file is a saved web page, by its extension (.html or .htm, any case)."""
    return Path(path).suffix.lower() in PAGE_SUFFIXES


def read_page_bytes(path: Path) -> bytes:
    """A saved page's bytes, with the same refusals as an article file: folder, missing, empty, too large."""
    if path.is_dir():
        raise CorpusError(path, "is a folder, not a web page file")
    if not path.is_file():
        raise CorpusError(path, "web page file is missing (or is not a file)")
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise CorpusError(
            path, f"web page file is {size:,} bytes, over the limit of {MAX_ARTICLE_BYTES:,} bytes for one article"
        )
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise CorpusError(path, f"cannot read the file ({err.strerror})") from None
    if not raw.strip():
        raise CorpusError(path, "web page file is empty")
    return raw


def main_text(raw: bytes, path: Path | str) -> str:
    """The main text of a page (no menus, comments or scripts), one paragraph a line, ending in a newline."""
    import trafilatura

    text = trafilatura.extract(raw, include_comments=False, include_tables=True, include_images=False)
    if not text or not text.strip():
        raise CorpusError(
            path,
            "no main text found in this web page (trafilatura found none: a page of scripts, a login or "
            "cookie wall?); copy the article's text into a .txt file and use that instead",
        )
    return text.strip() + "\n"


def page_text(path: Path | str) -> str:
    """The main text of a saved web page file."""
    path = Path(path)
    return main_text(read_page_bytes(path), path)


def article_text(path: Path | str) -> str:
    """The text the book analyses from an article file: a .txt file as stored, or a web page's main text.

    Every command that reads an article given on the command line calls this, so a page is read
    one way only and the offsets of a quote mean the same thing in every command.
    """
    path = Path(path)
    return page_text(path) if is_web_page(path) else read_article_file(path)
