"""Read one of the project's CSV files as text, turning every way it can be unreadable into one clear error."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .errors import DataError


def read_text_csv(path: Path, error: type[DataError], what: str) -> pd.DataFrame:
    """Every cell as a string (empty cells as ""), so that validation sees exactly what the file says."""
    if not path.is_file():
        raise error(path, f"{what} file is missing")
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as err:
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
