"""The review file: the claims add proposes, written safe to open in a spreadsheet, and read back exactly for accept."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from .claims import CLAIM_COLUMNS, as_text, claims_csv
from .csvfile import check_field_counts
from .encoding import looks_like_utf16
from .errors import ClaimsError, DataError
from .files import check_writable_file
from .spreadsheet import neutralise_table, restore_table


def check_review_path(path: Path, create_folder: bool = False) -> None:
    """A review file is a person's work in progress: never overwrite one, and fail before writing anything.

    ``create_folder``: the folder is the default reviews folder, which add creates when it writes.
    """
    if path.exists() and not path.is_dir():
        raise DataError(
            path,
            "the review file already exists and may hold someone's review; move it away or choose another name with --review",
        )
    if create_folder and not path.parent.exists():
        check_writable_file(path.parent, "the reviews folder", "")
        return
    check_writable_file(path, "the review file", "the review file is a folder; give a file name such as review.csv")


def review_csv(table: pd.DataFrame, path: Path) -> bytes:
    """The bytes of a review file for claim rows: claims.csv's spelling, with every formula-like cell neutralised."""
    return claims_csv(neutralise_table(as_text(table)), path)


def read_review(path: Path) -> pd.DataFrame:
    """A reviewed claims file as text cells, neutralised formulas restored; a spreadsheet's byte-order mark is allowed."""
    if path.is_dir():
        raise ClaimsError(path, "is a folder, not a review file")
    if not path.is_file():
        raise ClaimsError(path, "review file is missing")
    raw = path.read_bytes()
    if looks_like_utf16(raw):
        raise ClaimsError(path, "is UTF-16 text, not UTF-8; save it as CSV in UTF-8 (a spreadsheet's 'CSV UTF-8')")
    if b"\x00" in raw:
        raise ClaimsError(path, "is not a CSV file (it contains NUL bytes)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ClaimsError(
            path, f"is not a UTF-8 CSV file (byte {err.start} is not UTF-8); save it as CSV in UTF-8"
        ) from None
    if not text.strip():
        raise ClaimsError(
            path, f"review file is empty; it needs the header row {','.join(CLAIM_COLUMNS)} and claim rows"
        )
    check_field_counts(text, ClaimsError, path)
    try:
        table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except pd.errors.ParserError as err:
        raise ClaimsError(path, f"is not a readable CSV file ({err})") from None
    if table.empty:
        raise ClaimsError(path, "has no claim rows; nothing to accept")
    return with_spreadsheet_booleans_read(restore_table(table))


def with_spreadsheet_booleans_read(table: pd.DataFrame) -> pd.DataFrame:
    """The hedged column with a spreadsheet's TRUE/FALSE (any case) read as claims.csv's true/false.

    Spreadsheet programs turn the cell ``true`` into ``TRUE`` on saving; that is the reviewer's
    program, not a mistake in the review. Anything else is left for the claim checks to refuse.
    """
    if "hedged" not in table.columns:
        return table
    spelled = table["hedged"].str.lower()
    table = table.copy()
    table["hedged"] = table["hedged"].where(~spelled.isin(["true", "false"]), spelled)
    return table
