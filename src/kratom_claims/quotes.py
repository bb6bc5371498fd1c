"""Find where a quote stands in an article, as a claim's start and end columns need it, or show the near miss."""

from __future__ import annotations

import re
from pathlib import Path

from .article_file import read_article_file
from .corpus import check_sha256, read_metadata
from .errors import CorpusError
from .layout import data_layout
from .lock import recover_if_interrupted

# Characters a person may type differently from the page: straight or curly quotes, dashes.
LOOSE_CHARACTERS = {
    **dict.fromkeys("'\u2018\u2019\u02bc", "['\u2018\u2019\u02bc]"),
    **dict.fromkeys('"\u201c\u201d', '["\u201c\u201d]'),
    **dict.fromkeys("-\u2010\u2011\u2013\u2014", "[-\u2010\u2011\u2013\u2014]"),
}


def _loose_pattern(quote: str) -> re.Pattern:
    """The quote as a pattern that ignores case, runs of white space, and straight or curly quotes and dashes."""
    parts = []
    for piece in re.split(r"(\s+)", quote.strip()):
        if piece.isspace():
            parts.append(r"\s+")
        else:
            parts.extend(LOOSE_CHARACTERS.get(c, re.escape(c)) for c in piece)
    return re.compile("".join(parts), re.IGNORECASE)


def find_quote(text: str, quote: str) -> list[tuple[int, int]]:
    """Every (start, end) where ``text[start:end] == quote``, overlapping places included."""
    places, at = [], text.find(quote)
    while at >= 0:
        places.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    return places


def locate_quote(article_id: str, quote: str, data_dir: Path | str | None = None) -> list[tuple[int, int]]:
    """The offsets of a quote in a listed, unaltered article, or a CorpusError that shows a near miss if there is one."""
    layout = data_layout(data_dir)
    recover_if_interrupted(layout.data_dir)
    metadata_path = layout.articles_csv
    metadata = read_metadata(metadata_path).set_index("article_id")
    if article_id not in metadata.index:
        raise CorpusError(
            metadata_path,
            f"no article {article_id!r} in {metadata_path}: give an article id listed there "
            f"(the name of a file in {layout.articles_dir} without .txt)",
        )
    path = layout.article_txt(article_id)
    text = read_article_file(path)
    check_sha256(path, metadata.loc[article_id, "sha256"], metadata_path)
    if not quote:
        raise CorpusError(path, "the quote is empty")
    places = find_quote(text, quote)
    if places:
        return places
    near = _loose_pattern(quote).search(text) if quote.strip() else None
    if near:
        raise CorpusError(
            path,
            f"the quote {quote!r} is not in the article as typed; text[{near.start()}:{near.end()}] reads "
            f"{near.group()!r} (it differs in case, spacing, quote marks or dashes): quote those exact characters",
        )
    raise CorpusError(path, f"the quote {quote!r} is not in the article")
