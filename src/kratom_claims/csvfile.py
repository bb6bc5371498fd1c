"""Read one of the project's CSV files as text, turning every way it can be unreadable into one clear error."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from .errors import DataError


def check_field_counts(text: str, error: type[DataError], source) -> None:
    """Refuse a line with fewer or more fields than the header, which would otherwise read as empty or shifted cells."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])
    for row in reader:
        if not row or len(row) == len(header):
            continue
        if len(row) < len(header):
            raise error(
                source,
                f"line {reader.line_num} has {len(row)} of the header's {len(header)} fields; "
                f"missing: {', '.join(header[len(row) :])}",
            )
        raise error(
            source,
            f"line {reader.line_num} has {len(row)} fields, more than the header's {len(header)}; "
            "a cell that contains a comma must be in double quotes",
        )


def read_text_csv(path: Path, error: type[DataError], what: str) -> pd.DataFrame:
    """Every cell as a string (empty cells as ""), so that validation sees exactly what the file says."""
    if not path.is_file():
        raise error(path, f"{what} file is missing")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise error(path, f"{what} is not a readable UTF-8 CSV ({err})") from None
    check_field_counts(text, error, path)
    try:
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise error(path, f"{what} is not a readable UTF-8 CSV ({err})") from None


def check_columns(table: pd.DataFrame, expected: list[str], error: type[DataError], source, ordered: bool) -> None:
    """Refuse missing or unexpected columns (and, if ``ordered``, columns out of order), naming them."""
    columns = [str(c) for c in table.columns]
    missing = [c for c in expected if c not in columns]
    if missing:
        raise error(source, f"missing column(s) {', '.join(missing)}")
    extra = [c for c in columns if c not in expected]
    if extra:
        raise error(source, f"unexpected column(s) {', '.join(extra)}; the columns are {','.join(expected)}")
    if ordered and columns != expected:
        raise error(source, f"columns are out of order; expected {','.join(expected)}")
