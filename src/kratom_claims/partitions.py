"""Extraction as a pure function over a partition of a corpus: articles in, CSV rows out.

Whatever runs it (one process, a pool of processes, Dask workers on a cluster), a partition is
a list of articles and its result is the claims table's rows for them, in order, each as the
CSV text of data/claims.csv's cells after the claim id. Claim ids are numbered per short label
across the whole corpus, so they are given afterwards, in order, by whoever writes the table
(claims.write_claim_rows); that keeps the result of a partition independent of every other.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from .claims import format_cell
from .codebook import load_codebook
from .extract import ClaimExtractor
from .extract.table import Claim
from .sources import Source, read_source

# A row of the claims table without its claim id: the cells of CLAIM_COLUMNS[1:].
Row = tuple[str, ...]
# A row on its way to the table: its article id (which numbers its claim id) and its CSV text.
Line = tuple[str, str]
KEYWORD = "kratom"
NO_DOSE = ("", "", "")


@lru_cache(maxsize=4)
def extractor_for(codebook_path: str) -> ClaimExtractor:
    """The extractor of a codebook, built once per process: a worker builds its own automaton
    on its first partition and keeps it for the rest."""
    return ClaimExtractor(load_codebook(Path(codebook_path)))


def claim_cells(claim: Claim) -> Row:
    """A claim's cells as claims.csv spells them (claims.format_cell), with the columns only a coder
    fills in (comparator, note) empty."""
    low, high = claim.dose_low_g, claim.dose_high_g
    if low != low and high != high:  # both NaN (only NaN differs from itself): every row but a dose figure's
        doses = NO_DOSE
    else:
        doses = (format_cell(low), format_cell(high), claim.dose_bound)
    return (
        claim.article_id,
        claim.category,
        claim.term,
        claim.stance,
        "true" if claim.hedged else "false",
        "",
        claim.attributed_to,
        claim.quote,
        str(claim.start),
        str(claim.end),
        "",
        *doses,
    )


def article_rows(extractor: ClaimExtractor, article_id: str, text: str) -> list[Row]:
    """One article's rows, in text order."""
    return [claim_cells(claim) for claim in extractor.claims(text, article_id)]


def csv_lines(rows: Iterable[Row]) -> list[Line]:
    """Each row's article id and its CSV text without the line end, as csv.writer spells it.

    The rows are written into one buffer and cut where each ended: a quote may hold a line break,
    so the text cannot be split at line ends afterwards."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    cut = buffer.tell
    ends = []
    for row in rows:
        writer.writerow(row)
        ends.append((row[0], cut()))
    text = buffer.getvalue()
    lines, begin = [], 0
    for article_id, end in ends:
        lines.append((article_id, text[begin : end - 1]))
        begin = end
    return lines


def partition_lines(articles: Iterable[Source], codebook_path: str | Path) -> tuple[int, list[Line]]:
    """How many articles a partition holds, and their rows in order as CSV lines; files are read
    here. The CSV is written here, in the worker, so that the process writing the table only
    numbers the claims and joins the lines: on many cores it would otherwise be the bottleneck."""
    extractor = extractor_for(str(codebook_path))
    rows: list[Row] = []
    count = 0
    for source in articles:
        rows += article_rows(extractor, source.article_id, read_source(source))
        count += 1
    return count, csv_lines(rows)


def mentions_kratom(text: str) -> bool:
    """The cheap first pass over a crawl: only a page whose text names kratom is read in full."""
    return KEYWORD in text.lower()
