"""Keep spreadsheets from running article text as formulas in the CSV files people open, and undo it on reading.

A cell that begins with =, +, -, @, a tab or a carriage return is taken for a formula by Excel,
LibreOffice and Google Sheets, so text copied from a web article into a review file could run
as one when a person opens it (CSV injection). As OWASP advises, such a cell is written with a
single quote in front, which spreadsheets show as plain text. Reading a review file back takes
that quote off again, so the quote column matches the article and its offsets still check. A
cell that already begins with quotes before such a character gets one more, so that the rule
can always be undone. The data the book reads (data/claims.csv, data/articles.csv) keeps the
articles' exact words; only copies meant for people (review files, the book's downloads) carry it.
"""

from __future__ import annotations

import csv
import io
import re

import pandas as pd

ESCAPE = "'"
FORMULA_START = re.compile(r"'*[=+\-@\t\r]")


def neutralise_cell(cell: str) -> str:
    """The cell as a spreadsheet will show it as text: a single quote in front of a formula's first character."""
    return ESCAPE + cell if FORMULA_START.match(cell) else cell


def restore_cell(cell: str) -> str:
    """The cell as it was before neutralise_cell, whether or not a spreadsheet has dropped the quote on saving."""
    return cell[1:] if cell.startswith(ESCAPE) and FORMULA_START.match(cell, 1) else cell


def neutralise_table(table: pd.DataFrame) -> pd.DataFrame:
    return table.map(lambda cell: neutralise_cell(cell) if isinstance(cell, str) else cell)


def restore_table(table: pd.DataFrame) -> pd.DataFrame:
    return table.map(lambda cell: restore_cell(cell) if isinstance(cell, str) else cell)


def neutralised_csv(raw: bytes) -> bytes:
    """A UTF-8 CSV file's bytes with every body cell neutralised; the same bytes if no cell needs it."""
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    if not any(FORMULA_START.match(cell) for row in rows[1:] for cell in row):
        return raw
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(rows[0])
    writer.writerows([neutralise_cell(cell) for cell in row] for row in rows[1:])
    return buffer.getvalue().encode("utf-8")
