"""Read one article file as every command reads it: the text exactly as stored, or a clear refusal.

The corpus (corpus.py) reads the data folder's articles through here, and the extract command a
researcher's thousands of files, one at a time: so this module imports nothing heavy.
"""

from __future__ import annotations

from pathlib import Path

from .encoding import looks_like_utf16
from .errors import CorpusError
from .limits import MAX_ARTICLE_BYTES


def read_article(path: Path) -> str:
    """The text of one article file, exactly as stored (no newline translation), after any UTF-8 byte-order mark.

    The mark is not part of the text: a quote at the start of the article must not begin with it.
    A file over limits.MAX_ARTICLE_BYTES is refused before it is read, whichever command reads it.
    """
    if not path.is_file():
        raise CorpusError(path, "article file is missing (or is not a file)")
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise CorpusError(
            path,
            f"article file is {size:,} bytes, over the limit of {MAX_ARTICLE_BYTES:,} bytes for one article "
            "(a very long web article is about 130,000); is it the right file?",
        )
    raw = path.read_bytes()
    if not raw.strip():
        raise CorpusError(path, "article file is empty")
    if looks_like_utf16(raw):
        raise CorpusError(path, "article is UTF-16 text, not UTF-8; save it as UTF-8 and try again")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise CorpusError(
            path, f"article is not valid UTF-8 (byte {err.start}: {raw[err.start : err.start + 1]!r})"
        ) from None


def read_article_file(path: Path) -> str:
    """An article's text, refusing folders and binary files as well as what read_article refuses."""
    if path.is_dir():
        raise CorpusError(path, "is a folder, not an article file")
    try:
        text = read_article(path)
    except OSError as err:
        raise CorpusError(path, f"cannot read the file ({err.strerror})") from None
    if "\x00" in text:
        raise CorpusError(path, "looks like a binary file (it contains NUL bytes), not a plain-text article")
    return text
