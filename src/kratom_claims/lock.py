"""One command at a time changes a data folder; the first to take the lock finishes any interrupted change.

Two ``accept`` runs at once would both read claims.csv and both rewrite it, and one's rows would
be lost. Every command that changes the data folder holds this lock (a file in the folder, locked
with the ``filelock`` package) while it reads, checks and writes; a second command waits for it,
saying so, and gives up with one clear line after WAIT_SECONDS. Whoever takes the lock first also
recovers what a killed command left behind (journal.recover), and says what it did in one line.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from .errors import DataError
from .journal import interrupted, recover

LOCK_NAME = ".kratom_claims.lock"
WAIT_SECONDS = 60.0

_held_here: set[Path] = set()


def lock_path(data_dir: Path) -> Path:
    return Path(data_dir) / LOCK_NAME


def _acquire(lock: FileLock, data_dir: Path) -> None:
    try:
        lock.acquire(timeout=0)
        return
    except Timeout:
        print(
            f"waiting: another command is changing {data_dir}; this one goes on when it has finished", file=sys.stderr
        )
    try:
        lock.acquire(timeout=WAIT_SECONDS)
    except Timeout:
        raise DataError(
            data_dir,
            f"another command has been changing this data folder for more than {WAIT_SECONDS:.0f} s "
            f"(it holds {lock.lock_file}); nothing was changed: run this command again when it has finished",
        ) from None


@contextmanager
def data_lock(data_dir: Path | str) -> Iterator[None]:
    """Hold the lock of ``data_dir`` (again, if this process holds it already), after recovering a crashed change."""
    data_dir = Path(data_dir)
    key = data_dir.resolve()
    if key in _held_here:
        yield
        return
    if not data_dir.is_dir():
        raise DataError(data_dir, "the data folder does not exist")
    lock = FileLock(lock_path(data_dir))
    try:
        _acquire(lock, data_dir)
    except OSError as err:
        raise DataError(lock_path(data_dir), f"cannot take the data folder's lock ({err.strerror or err})") from None
    _held_here.add(key)
    try:
        recovered = recover(data_dir)
        if recovered:
            print(recovered, file=sys.stderr)
        yield
    finally:
        _held_here.discard(key)
        lock.release()


def recover_if_interrupted(data_dir: Path | str) -> None:
    """Before reading a data folder, complete or roll back a change that a killed command left in it."""
    data_dir = Path(data_dir)
    if data_dir.resolve() in _held_here or not interrupted(data_dir):
        return
    with data_lock(data_dir):
        pass
