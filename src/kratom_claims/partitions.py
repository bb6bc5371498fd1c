"""Extraction as a pure function over a partition of a corpus: articles in, CSV rows out.

Whatever runs it (one process, a pool of processes, Dask workers on a cluster), a partition is
a list of articles and its result is the claims table's rows for them, in order, each as the
CSV text of data/claims.csv's cells after the claim id. Claim ids are numbered per short label
across the whole corpus, so they are given afterwards, in order, by whoever writes the table
(claim_rows.write_claim_rows); that keeps the result of a partition independent of every other.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .claim_rows import cell_speller, csv_cell, format_cell
from .codebook import load_codebook
from .extract import ClaimExtractor
from .sources import Source, read_source

KEYWORD = "kratom"
# The cells of a row without a dose figure after its "end" cell: note, dose_low_g, dose_high_g, dose_bound.
NO_DOSE_CELLS = ",,,,"


class Partition(NamedTuple):
    """What extracting a partition gives, compact to send from a worker process: how many articles
    it held, how many rows each article with rows gave (by article id, in order; the claim ids
    are numbered from these), and every row's CSV text after its claim id, in order."""

    articles: int
    rows_per_article: list[tuple[str, int]]
    lines: list[str]


@lru_cache(maxsize=4)
def extractor_for(codebook_path: str) -> ClaimExtractor:
    """The extractor of a codebook, built once per process: a worker builds its own automaton
    on its first partition and keeps it for the rest."""
    return ClaimExtractor(load_codebook(Path(codebook_path)))


@lru_cache(maxsize=4096)
def codebook_cells(*words: str) -> str:
    """Codebook words (a claim's category, term and stance; whom it is attributed to; a dose
    bound) as CSV cells: a few hundred recur in every row, so each is spelled once per process."""
    return ",".join(map(csv_cell, words))


def article_lines(extractor: ClaimExtractor, article_id: str, text: str) -> list[str]:
    """One article's rows in text order, each as csv.writer would spell its cells after the claim
    id (without the line end), with the columns only a coder fills in (comparator, note) empty.

    Spelled directly rather than row by row through csv.writer, which was most of the command's
    time after extraction: a cell that recurs (the article id, codebook words, the quote that
    the claims of a sentence share) is spelled once, and only a cell that needs quotes
    (claim_rows.CSV_SPECIAL) goes through the csv module."""
    article_cell = csv_cell(article_id)
    spell = cell_speller()
    quoted = ["", -1, -1]  # the last quote's cells, start and end: the claims of a sentence share them

    def line(_, category, term, stance, hedged, by, quote, start, end, low, high, bound) -> str:
        if start != quoted[1] or end != quoted[2]:
            quoted[:] = f"{spell(quote)},{start},{end}", start, end
        if low != low and high != high:  # both NaN (only NaN differs from itself): every row but a dose figure's
            doses = NO_DOSE_CELLS
        else:
            doses = f",,{format_cell(low)},{format_cell(high)},{codebook_cells(bound)}"
        return (
            f"{article_cell},{codebook_cells(category, term, stance)},{'true' if hedged else 'false'},,"
            f"{codebook_cells(by) if by else ''},{quoted[0]}{doses}"
        )

    return extractor.claims(text, article_id, line)


def partition_lines(articles: Iterable[Source], codebook_path: str | Path) -> Partition:
    """A partition's articles extracted, files read here. The CSV is written here, in the worker,
    so that the process writing the table only numbers the claims and joins the lines: on many
    cores it would otherwise be the bottleneck."""
    extractor = extractor_for(str(codebook_path))
    rows_per_article: list[tuple[str, int]] = []
    lines: list[str] = []
    count = 0
    for source in articles:
        found = article_lines(extractor, source.article_id, read_source(source))
        if found:
            rows_per_article.append((source.article_id, len(found)))
            lines += found
        count += 1
    return Partition(count, rows_per_article, lines)


def mentions_kratom(text: str) -> bool:
    """The cheap first pass over a crawl: only a page whose text names kratom is read in full."""
    return KEYWORD in text.lower()
