"""The book's version, read from pyproject.toml, and the release archive that carries it.

pyproject.toml is the one place the version is written: the book's footer, the PDF's title page,
the handouts and the archive name all read it here, so that a release bumps one line (and
CITATION.cff, which a test keeps in step).
"""

from __future__ import annotations

import gzip
import io
import tarfile
import tomllib
from pathlib import Path

from .errors import DataError
from .files import write_file

PYPROJECT = "pyproject.toml"
DISTRIBUTION = "kratom-claims"


def project_version(project_root: Path | str) -> str:
    """The version in the project's pyproject.toml ([project] version)."""
    path = Path(project_root) / PYPROJECT
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise DataError(path, f"cannot be read ({err.strerror})") from err
    except tomllib.TOMLDecodeError as err:
        raise DataError(path, f"is not valid TOML ({err})") from err
    version = document.get("project", {}).get("version")
    if not isinstance(version, str) or not version.strip():
        raise DataError(path, "has no [project] version")
    return version.strip()


def release_name(version: str) -> str:
    """The name a release's files share, such as kratom-claims-0.2.0."""
    return f"{DISTRIBUTION}-{version}"


def bundle_members(folders: dict[str, Path]) -> list[tuple[str, Path]]:
    """Every file under each folder, as (name in the archive, path on disk), in a stable order.

    ``folders`` maps a folder name inside the archive to a folder (or a single file) on disk. A
    missing one is refused, so that a release never ships without a part it promises.
    """
    members = []
    for inside, source in folders.items():
        if source.is_file():
            members.append((inside, source))
        elif source.is_dir():
            files = sorted(path for path in source.rglob("*") if path.is_file() and not path.is_symlink())
            members.extend((f"{inside}/{path.relative_to(source).as_posix()}", path) for path in files)
        else:
            raise DataError(source, "is missing: build it before the release archive")
    return members


def write_bundle(archive: Path, top_folder: str, members: list[tuple[str, Path]], mtime: int) -> None:
    """Write a .tar.gz with every member under ``top_folder``, all dated ``mtime``.

    Fixed dates, owners and order make two archives of the same files identical byte for byte, so
    a teacher can check a copy against the published one by its checksum.
    """
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=mtime) as compressed:
        with tarfile.open(fileobj=compressed, mode="w", format=tarfile.PAX_FORMAT) as tar:
            for name, path in members:
                info = tarfile.TarInfo(f"{top_folder}/{name}")
                data = path.read_bytes()
                info.size = len(data)
                info.mtime = mtime
                info.mode = 0o644
                tar.addfile(info, io.BytesIO(data))
    write_file(archive, buffer.getvalue())
