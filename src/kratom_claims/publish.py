"""Choose the data files published with the book by a list, so that nothing else in data/ is ever shipped.

The datasets page links each file meant for readers. Publishing the whole data folder would also
ship the lock and journal files, a temporary file left by a crash, or anything else a user put
there; so the build copies only the files that the list in _config.yml (published_data_files)
names, never a hidden file or a link, and refuses a listed pattern that matches nothing. A CSV
copy has every cell a spreadsheet would run as a formula neutralised (spreadsheet.py); any other
file is copied byte for byte.
"""

from __future__ import annotations

from pathlib import Path

from .errors import DataError
from .files import write_file
from .spreadsheet import neutralised_csv


def published_files(data_dir: Path, patterns: list[str]) -> list[Path]:
    """The files the patterns (relative to ``data_dir``, such as ``articles/*.txt``) name, hidden files left out."""
    found: dict[Path, None] = {}
    for pattern in patterns:
        matched = sorted(
            path
            for path in data_dir.glob(pattern)
            if not any(part.startswith(".") for part in path.relative_to(data_dir).parts)
        )
        if not matched:
            raise DataError(data_dir / pattern, "is listed in published_data_files but matches no file")
        for path in matched:
            if path.is_symlink():
                raise DataError(path, "is a symbolic link; only real files are published with the book")
            if not path.is_file():
                raise DataError(path, "is listed in published_data_files but is not a file; list the files in it")
            found[path] = None
    return list(found)


def publish_data(data_dir: Path, out_dir: Path, patterns: list[str]) -> list[Path]:
    """Copy the listed files from ``data_dir`` to the same places under ``out_dir``; the copies written."""
    copies = []
    for path in published_files(data_dir, patterns):
        copy = out_dir / path.relative_to(data_dir)
        copy.parent.mkdir(parents=True, exist_ok=True)
        raw = path.read_bytes()
        write_file(copy, neutralised_csv(raw) if path.suffix == ".csv" else raw)
        copies.append(copy)
    return copies
