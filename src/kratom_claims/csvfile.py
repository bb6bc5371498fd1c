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
