"""Change several files as one: a change cut short by a crash is completed or undone by the next command.

``add`` writes three files (the article, articles.csv, the review file) and ``accept`` rewrites
claims.csv. A kill between two of those swaps would leave an article without its metadata row,
and every later command would fail. So a change first records, in a journal in the data folder,
every file it will replace; then it writes each file's new contents and a backup of its old
contents beside it; then it marks the journal committed, and only then swaps the files in. The
next command that takes the data-folder lock (lock.py) finds any journal left behind: a committed
change is completed from the staged files, anything earlier is rolled back from the backups.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from .errors import DataError
from .files import mode_for, refuse_symlink, stray_temp_files, sync_folder, write_durably, write_file
from .layout import DataLayout

JOURNAL_NAME = ".kratom_claims.journal"
PREPARED, COMMITTED, ROLLING_BACK = "prepared", "committed", "rolling back"


def journal_path(data_dir: Path) -> Path:
    return data_dir / JOURNAL_NAME


def staged_path(target: Path) -> Path:
    """Where a target's new contents wait to be swapped in."""
    return target.with_name(f".{target.name}.staged")


def backup_path(target: Path) -> Path:
    """Where a target's earlier contents are kept until the change is finished."""
    return target.with_name(f".{target.name}.backup")


def _write_journal(data_dir: Path, change: str, state: str, files: list[dict]) -> None:
    record = {"change": change, "state": state, "files": files}
    write_file(journal_path(data_dir), json.dumps(record, indent=1).encode("utf-8"))


def _read_journal(data_dir: Path) -> dict | None:
    path = journal_path(data_dir)
    if not path.exists():
        return None
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        if record["state"] not in (PREPARED, COMMITTED, ROLLING_BACK):
            raise ValueError(f"unknown state {record['state']!r}")
        if not all(isinstance(e["path"], str) and isinstance(e["existed"], bool) for e in record["files"]):
            raise ValueError("a file entry lacks its path or whether it existed")
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise DataError(
            path,
            f"the journal of an interrupted change is unreadable ({err}); restore the data folder from version control",
        ) from None
    return record


def _swap_in(files: list[dict]) -> None:
    for entry in files:
        target = Path(entry["path"])
        if staged_path(target).exists():
            os.replace(staged_path(target), target)
            sync_folder(target.parent)


def _put_back(files: list[dict]) -> None:
    """Every target as it was: backups restored, files that did not exist before removed."""
    for entry in files:
        target = Path(entry["path"])
        staged_path(target).unlink(missing_ok=True)
        if entry["existed"]:
            if backup_path(target).exists():
                os.replace(backup_path(target), target)
        else:
            target.unlink(missing_ok=True)
        sync_folder(target.parent)


def _discard_preparations(files: list[dict]) -> None:
    for entry in files:
        target = Path(entry["path"])
        staged_path(target).unlink(missing_ok=True)
        backup_path(target).unlink(missing_ok=True)


def _close(data_dir: Path, files: list[dict]) -> None:
    _discard_preparations(files)
    journal_path(data_dir).unlink(missing_ok=True)
    sync_folder(data_dir)


class Change:
    """New contents for several files, swapped in together under one journal in ``data_dir``.

    Only one change may run at a time in a data folder: hold lock.data_lock while committing.
    """

    def __init__(self, data_dir: Path, description: str):
        self.data_dir = Path(data_dir)
        self.description = description
        self._contents: dict[Path, bytes] = {}

    def stage(self, target: Path, data: bytes) -> None:
        """Have commit() give ``target`` the contents ``data``."""
        target = Path(target).absolute()
        refuse_symlink(target)
        self._contents[target] = data

    def commit(self, check: Callable[[], object] = lambda: None) -> None:
        """Swap in every staged file; if anything fails, or ``check`` then fails, put every file back."""
        files = [{"path": str(target), "existed": target.exists()} for target in self._contents]
        _write_journal(self.data_dir, self.description, PREPARED, files)
        try:
            for target, data in self._contents.items():
                write_durably(staged_path(target), data, mode_for(target))
                if target.exists():
                    write_durably(backup_path(target), target.read_bytes(), mode_for(target))
            _write_journal(self.data_dir, self.description, COMMITTED, files)
        except BaseException:
            _close(self.data_dir, files)
            raise
        try:
            _swap_in(files)
            check()
        except BaseException:
            _write_journal(self.data_dir, self.description, ROLLING_BACK, files)
            _put_back(files)
            _close(self.data_dir, files)
            raise
        _close(self.data_dir, files)


def _stray_temp_files(data_dir: Path) -> list[Path]:
    """Temporary files a killed write left in the data folder or its articles folder, the two that commands write into."""
    return stray_temp_files(data_dir) + stray_temp_files(DataLayout(Path(data_dir)).articles_dir)


def interrupted(data_dir: Path) -> bool:
    """Whether a crashed command left a journal or temporary files in ``data_dir`` for recover()."""
    return journal_path(data_dir).exists() or bool(_stray_temp_files(data_dir))


def recover(data_dir: Path) -> str | None:
    """Complete or roll back a change a crashed command left behind; one line saying what was done, or None.

    The caller must hold the data-folder lock, so that no running command's change is taken for a crashed one.
    """
    data_dir = Path(data_dir)
    strays = _stray_temp_files(data_dir)
    for stray in strays:
        stray.unlink()
    record = _read_journal(data_dir)
    if record is None:
        return f"{data_dir}: removed {len(strays)} temporary file(s) left by an interrupted write" if strays else None
    files = record["files"]
    if record["state"] == COMMITTED:
        _swap_in(files)
        _close(data_dir, files)
        return f"{data_dir}: recovered the interrupted change '{record['change']}': it was completed"
    if record["state"] == ROLLING_BACK:
        _put_back(files)
    _close(data_dir, files)
    return (
        f"{data_dir}: recovered the interrupted change '{record['change']}': it was rolled back, nothing of it was kept"
    )
