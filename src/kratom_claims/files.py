"""Write a file so that it is never half-written, keeps its permissions, and is never a link's target.

Every file the project writes (claim tables, review files, articles copied in, the intake journal)
goes through here. The new bytes go to a temporary file in the same folder, are flushed to disk,
and replace the old file in one rename: a crash or a full disk leaves the earlier file whole, and
a reader sees the old contents or the new, never a part. A symbolic link at the target is refused,
because replacing it would cut the link, and writing through it would change a file elsewhere.
A command checks its targets with check_writable_file before it writes anything at all.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from .errors import DataError

NEW_FILE_MODE = 0o644
TEMP_SUFFIX = ".tmp"
# What tempfile.mkstemp names a temporary file here: ".<target name>.<8 random characters>.tmp".
TEMP_NAME = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")


def refuse_symlink(path: Path) -> None:
    if path.is_symlink():
        raise DataError(
            path, "is a symbolic link; refusing to write through it: remove the link or choose another file"
        )


def check_writable_file(path: Path, what: str, is_folder_message: str) -> None:
    """Refuse, before anything is written, a target that is a folder or sits in a missing or read-only folder."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise DataError(path, is_folder_message)
    if not folder.is_dir():
        raise DataError(path, f"cannot write {what}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DataError(path, f"cannot write {what}: folder {folder} is not writable")


def mode_for(path: Path) -> int:
    """The permission bits a file written at ``path`` gets: the current file's, or rw-r--r-- for a new one."""
    return stat.S_IMODE(path.stat().st_mode) if path.exists() else NEW_FILE_MODE


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries, so that a rename in it survives a power cut (not possible on every system)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def write_durably(path: Path, data: bytes, mode: int) -> None:
    """Create or truncate ``path`` with ``data`` and flush it to disk; callers rename it into place."""
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), mode)
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    os.chmod(path, mode)


def write_file(path: Path | str, data: bytes) -> None:
    """Give ``path`` the contents ``data`` in one step, keeping its mode; a failure leaves the old file."""
    with writing_file(path) as stream:
        stream.write(data)


@contextmanager
def writing_file(path: Path | str) -> Iterator[BinaryIO]:
    """A stream whose bytes become ``path``'s contents in one step when the block ends without an error.

    For output too large to hold in memory (a claims table streamed from a corpus): until the
    block ends, the bytes go to a temporary file beside ``path``; an error, or an interrupt,
    deletes it and leaves any earlier file as it was."""
    path = Path(path)
    refuse_symlink(path)
    mode = mode_for(path)
    folder = path.parent
    handle, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    os.close(handle)
    temp = Path(name)
    try:
        handle = os.open(temp, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), mode)
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    sync_folder(folder)


def stray_temp_files(folder: Path) -> list[Path]:
    """Temporary files write_file left in ``folder`` when its process was killed mid-write."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if TEMP_NAME.fullmatch(p.name) and p.is_file())
