"""Where the articles of a corpus come from: files, folders, lists of paths, JSON Lines, WARC and WET.

A researcher's corpus is thousands of saved pages or a web crawl, which no command line can
hold. Inputs are therefore read one at a time, as a stream of Source items: an article file is
only named here (the process that extracts it reads it), and a record of a JSON Lines or WARC
file carries its text. Every article, whatever holds it, is held to the size limit of
limits.MAX_ARTICLE_BYTES, and a broken one is refused with its file (and line or record) named.

Article ids: a file named on the command line or in a list is its name without the extension,
as before; a file found in a folder is its path inside that folder, without the extension
(``site/page``), so that two folders' ``index.html`` stay apart; a JSON Lines record gives its
"id"; a WARC or WET record is its WARC-Target-URI.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from .errors import CorpusError
from .limits import MAX_ARTICLE_BYTES
from .webpage import PAGE_SUFFIXES, article_text, main_text

TEXT_SUFFIXES = (".txt",)
ARTICLE_SUFFIXES = TEXT_SUFFIXES + PAGE_SUFFIXES
JSONL_SUFFIXES = (".jsonl",)
ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".wet", ".wet.gz")
LIST_PREFIX = "@"
# A JSON Lines record may spell every character as \uXXXX (6 bytes): a longer line cannot hold
# an article within the limit, and is refused before it is decoded.
MAX_JSONL_LINE_BYTES = 6 * MAX_ARTICLE_BYTES + 1024
# WARC records whose content is a page's text: WET "conversion" records (text already), and
# "response" records, whose HTML is read as text.
TEXT_RECORD, PAGE_RECORD = "conversion", "response"


class Source(NamedTuple):
    """One article of the corpus: its id, where it comes from (for messages), and its text, or
    None for a file that the extracting process reads itself (read_source)."""

    article_id: str
    origin: str
    text: str | None


def kind_of(path: Path) -> str:
    """What an input is: "folder", "article", "jsonl" or "archive"; anything else is refused."""
    name = path.name.lower()
    if path.is_dir():
        return "folder"
    if name.endswith(ARCHIVE_SUFFIXES):
        return "archive"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(ARTICLE_SUFFIXES) or not path.exists():
        return "article"  # a missing file is refused, with its name, when it is read
    raise CorpusError(
        path,
        "is not an article file (.txt, .html), a folder, a JSON Lines file (.jsonl) "
        "or a WARC/WET file (.warc, .warc.gz, .wet, .wet.gz)",
    )


def expand(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """The inputs, with each ``@LIST`` replaced by the paths it lists, one per line, read as needed.

    Relative paths in a list are relative to the list's folder; blank lines and lines starting
    with "#" are skipped."""
    for given in inputs:
        if str(given).startswith(LIST_PREFIX):
            yield from listed_paths(Path(str(given)[len(LIST_PREFIX) :]))
        else:
            yield Path(given)


def listed_paths(list_file: Path) -> Iterator[Path]:
    """The paths a list file names, one per line."""
    try:
        with open(list_file, encoding="utf-8") as lines:
            for line in lines:
                entry = line.strip()
                if entry and not entry.startswith("#"):
                    yield list_file.parent / entry
    except (OSError, UnicodeDecodeError) as err:
        raise CorpusError(
            list_file, f"cannot read the list of paths ({getattr(err, 'strerror', None) or err})"
        ) from None


def sources(inputs: Iterable[str | Path]) -> Iterator[Source]:
    """Every article the inputs hold, in order: folders in sorted order, records in file order."""
    for path in expand(inputs):
        kind = kind_of(path)
        if kind == "folder":
            yield from folder_sources(path)
        elif kind == "jsonl":
            yield from jsonl_sources(path)
        elif kind == "archive":
            yield from archive_sources(path)
        else:
            yield Source(path.stem, str(path), None)


def folder_sources(folder: Path) -> Iterator[Source]:
    """The article files under a folder, at any depth, in sorted order, walked one folder at a time.

    A folder without any is refused: it is more likely the wrong folder than an empty corpus."""
    found = False
    for parent, folders, files in os.walk(folder):
        folders.sort()
        for name in sorted(files):
            if name.lower().endswith(ARTICLE_SUFFIXES):
                path = Path(parent) / name
                found = True
                yield Source(path.relative_to(folder).with_suffix("").as_posix(), str(path), None)
    if not found:
        raise CorpusError(folder, f"holds no article files ({', '.join(ARTICLE_SUFFIXES)}) at any depth")


def checked_text(text: str, origin: str, article_id: str) -> str:
    """A record's text, if it is within the size limit and can be written out as UTF-8."""
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError:
        raise CorpusError(origin, f"article {article_id!r} has text that is not valid Unicode") from None
    if size > MAX_ARTICLE_BYTES:
        raise CorpusError(
            origin,
            f"article {article_id!r} is {size:,} bytes, over the limit of {MAX_ARTICLE_BYTES:,} bytes for one article",
        )
    return text


def jsonl_sources(path: Path) -> Iterator[Source]:
    """The records of a JSON Lines file, each an object with a string "id" and a string "text"."""
    try:
        with open(path, "rb") as lines:
            for number, line in enumerate(iter(lambda: lines.readline(MAX_JSONL_LINE_BYTES + 1), b""), 1):
                if line.strip():
                    yield jsonl_record(line, f"{path}: line {number}")
    except OSError as err:
        raise CorpusError(path, f"cannot read the file ({err.strerror or err})") from None


def jsonl_record(line: bytes, origin: str) -> Source:
    if len(line) > MAX_JSONL_LINE_BYTES:
        raise CorpusError(origin, f"is over {MAX_JSONL_LINE_BYTES:,} bytes, too long for one article within the limit")
    try:
        record = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise CorpusError(origin, f"is not a JSON object ({err})") from None
    if not isinstance(record, dict) or not isinstance(record.get("id"), str) or not isinstance(record.get("text"), str):
        raise CorpusError(origin, 'must be a JSON object with a string "id" and a string "text"')
    return Source(record["id"], origin, checked_text(record["text"], origin, record["id"]))


def archive_sources(path: Path) -> Iterator[Source]:
    """The pages of a WARC or WET file: its text records, and its HTML responses read as text."""
    from warcio.archiveiterator import ArchiveIterator  # a quarter of a second to import: only for archives

    try:
        with open(path, "rb") as stream:
            for number, record in enumerate(ArchiveIterator(stream), 1):
                source = archive_record(record, f"{path}: record {number}")
                if source is not None:
                    yield source
    except OSError as err:
        raise CorpusError(path, f"cannot read the file ({err.strerror or err})") from None
    except Exception as err:  # warcio raises its own and plain errors for a broken archive
        if isinstance(err, CorpusError):
            raise
        raise CorpusError(path, f"is not a readable WARC/WET file ({type(err).__name__}: {err})") from None


def archive_record(record, origin: str) -> Source | None:
    """A WARC record as an article, or None for a record that holds no page text (request, metadata, image)."""
    uri = record.rec_headers.get_header("WARC-Target-URI")
    if uri is None or record.rec_type not in (TEXT_RECORD, PAGE_RECORD):
        return None
    if record.rec_type == PAGE_RECORD and "html" not in (
        record.http_headers and record.http_headers.get_header("Content-Type") or ""
    ):
        return None
    length = int(record.rec_headers.get_header("Content-Length") or 0)
    if length > MAX_ARTICLE_BYTES:
        raise CorpusError(
            origin, f"page {uri} is {length:,} bytes, over the limit of {MAX_ARTICLE_BYTES:,} bytes for one article"
        )
    raw = record.content_stream().read()
    if record.rec_type != PAGE_RECORD:
        return Source(uri, origin, raw.decode("utf-8", errors="replace"))
    try:
        return Source(uri, origin, main_text(raw, uri))
    except CorpusError:
        return None  # a page with no main text (a login wall, a page of scripts) holds no article


def read_source(source: Source) -> str:
    """An article's text: the record's own, or the file read as every command reads it (webpage.article_text)."""
    if source.text is not None:
        return source.text
    return article_text(Path(source.origin))
