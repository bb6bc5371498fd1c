"""Rows of a claims table as CSV text: how each cell is spelled, and the table written row by row.

The extract command writes millions of rows and starts in a fraction of a second, so this module
needs neither pandas nor numpy: the pandas tables of claims.py spell their cells through it, and
the command streams its rows through it without ever building a table.
"""

from __future__ import annotations

import csv
import io
import math
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from .files import writing_file
from .ids import ClaimNumbering

CLAIM_COLUMNS = [
    "claim_id",
    "article_id",
    "category",
    "term",
    "stance",
    "hedged",
    "comparator",
    "attributed_to",
    "quote",
    "start",
    "end",
    "note",
    "dose_low_g",
    "dose_high_g",
    "dose_bound",
]
# What makes csv.writer (QUOTE_MINIMAL, "\n" line ends) put a cell in quotes.
CSV_SPECIAL = re.compile(r'[,"\r\n]')


def format_cell(value) -> str:
    """One value as claims.csv stores it: true/false, whole numbers without '.0', empty for missing."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):  # numpy's float64 too
        return "" if math.isnan(value) else positional(float(value))
    if value is None:
        return ""
    # A numpy scalar or pandas' NA can only exist once numpy is imported: it is never imported here.
    numpy = sys.modules.get("numpy")
    if numpy is not None and isinstance(value, numpy.generic):
        return format_cell(value.item())
    pandas = sys.modules.get("pandas")
    if pandas is not None and value is pandas.NA:
        return ""
    return str(value)


def positional(value: float) -> str:
    """A float in its shortest round-trip digits, never in exponent notation, without a trailing
    '.0' ("2", "0.5", "0.0000001"): what numpy.format_float_positional(value, trim="-") gives."""
    text = repr(value)
    if "e" in text:
        from decimal import Decimal  # only for a figure under 1e-4 or from 1e16: never in a real dose

        text = format(Decimal(text), "f")
    return text.removesuffix(".0")


def csv_cell(value: str) -> str:
    """A cell as csv.writer spells it. A claim id needs quotes only if its article's short label
    holds a comma, a quote or a line break, so the csv module is asked only then."""
    return cell_speller()(value)


def cell_speller() -> Callable[[str], str]:
    """csv_cell for many cells: the csv module, asked only for a cell that needs quotes, writes
    them all through one writer into one buffer. One per caller: the buffer is not shared."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")

    def spell(value: str) -> str:
        if not CSV_SPECIAL.search(value):
            return value
        buffer.seek(0)
        buffer.truncate()
        writer.writerow((value,))
        return buffer.getvalue()[:-1]

    return spell


def write_claim_rows(
    path: Path | str, partitions: Iterable[tuple[int, list[tuple[str, int]], list[str]]]
) -> tuple[int, int]:
    """Write a claims table as its rows arrive, a partition at a time (partitions.Partition: how
    many articles it held, how many rows each article gave, and the CSV text of each row's cells
    after the claim id); the claim ids are numbered here, in row order.

    The bytes are those claims.write_claims writes for the same table (csv.writer, as pandas uses
    it), so memory stays flat however large the corpus. The file appears whole when every
    partition has been written, and not at all if one fails. Returns how many claims and articles
    were written."""
    numbering = ClaimNumbering()
    claims = articles = 0
    with writing_file(path) as stream:
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
        csv.writer(text, lineterminator="\n").writerow(CLAIM_COLUMNS)
        for count, rows_per_article, lines in partitions:
            text.write("".join(_numbered_lines(numbering, rows_per_article, lines)))
            claims += len(lines)
            articles += count
        text.flush()
        text.detach()
    return claims, articles


def _numbered_lines(numbering: ClaimNumbering, rows_per_article: list[tuple[str, int]], lines: list[str]) -> list[str]:
    """Each line with its claim id in front and its line end. The ids are numbered an article at
    a time, and its short label decides once whether they need quotes (the digits and hyphen
    after it never do)."""
    ids: list[str] = []
    for article_id, rows in rows_per_article:
        numbered = numbering.next_ids(article_id, rows)
        ids += map(csv_cell, numbered) if CSV_SPECIAL.search(numbered[0]) else numbered
    return [f"{claim},{line}\n" for claim, line in zip(ids, lines, strict=True)]
