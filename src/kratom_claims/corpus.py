"""Read the articles and their metadata, refuse them if anything does not match, and describe them.

The articles are the book's data: every count and quote downstream is only as good as the check
that the files are the ones that were collected, byte for byte.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import yaml

from .article_file import read_article
from .csvfile import read_text_csv
from .errors import CorpusError
from .ids import ARTICLE_SUFFIX
from .layout import data_layout
from .lock import recover_if_interrupted
from .text import count_words, headings, remove_residue, split_sentences

METADATA_COLUMNS = ["article_id", "title", "published_on", "words", "sha256", "residue_note"]
# Where an article came from, recorded by `add --url`; optional, so rows and files from before may leave them out.
SOURCE_COLUMNS = ["url", "retrieved"]
URL = re.compile(r"https?://\S+")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Corpus:
    """The validated articles: metadata rows in file order, raw texts and residue by article id."""

    metadata: pd.DataFrame
    texts: dict[str, str]
    residue: dict[str, list[str]]

    @property
    def ids(self) -> list[str]:
        return list(self.metadata["article_id"])

    def body(self, article_id: str) -> str:
        """The article without its site residue."""
        return remove_residue(self.texts[article_id], self.residue[article_id])


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_sha256(path: Path, recorded: str, metadata_path: Path) -> None:
    """Refuse an article file whose bytes are not the ones its metadata row records."""
    digest = sha256_of(path)
    if digest != recorded:
        raise CorpusError(path, f"sha256 is {digest}, but {metadata_path} records {recorded}: the file was changed")


def read_metadata(path: Path) -> pd.DataFrame:
    table = read_text_csv(path, CorpusError, "metadata")
    missing = [c for c in METADATA_COLUMNS if c not in table.columns]
    if missing:
        raise CorpusError(path, f"metadata lacks column(s) {', '.join(missing)}")
    blank = table.index[table["article_id"].str.strip() == ""]
    if len(blank):
        raise CorpusError(path, f"row {blank[0] + 2} has no article_id")
    duplicated = table.loc[table["article_id"].duplicated(), "article_id"]
    if len(duplicated):
        raise CorpusError(path, f"duplicate article_id {duplicated.iloc[0]!r}")
    bad_words = table.loc[~table["words"].str.fullmatch(r"\d+"), "article_id"]
    if len(bad_words):
        raise CorpusError(path, f"words of {bad_words.iloc[0]!r} is not a whole number")
    table["words"] = table["words"].astype(int)
    for column in SOURCE_COLUMNS:
        if column not in table.columns:
            table[column] = ""
    _check_sources(table, path)
    return table


def _check_sources(table: pd.DataFrame, path: Path) -> None:
    """A recorded url must be a web address and a retrieval date an ISO date; either may be empty."""
    for row in table.itertuples(index=False):
        if row.url and not URL.fullmatch(row.url):
            raise CorpusError(
                path, f"url of {row.article_id!r} is {row.url!r}, not a web address (http:// or https://)"
            )
        if row.retrieved and not is_iso_date(row.retrieved):
            raise CorpusError(
                path, f"retrieved of {row.article_id!r} is {row.retrieved!r}, not a date written YYYY-MM-DD"
            )


def is_iso_date(value: str) -> bool:
    try:
        return bool(ISO_DATE.fullmatch(value)) and date.fromisoformat(value) is not None
    except ValueError:
        return False


def read_residue(path: Path, texts: dict[str, str]) -> dict[str, list[str]]:
    """Residue strings per article; each must occur exactly once in its article."""
    if not path.is_file():
        return {article_id: [] for article_id in texts}
    try:
        listed = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        raise CorpusError(path, f"residue file is not valid YAML ({err})") from None
    if not isinstance(listed, dict):
        raise CorpusError(path, "residue file must map article ids to lists of strings")
    residue = {article_id: [] for article_id in texts}
    for article_id, pieces in listed.items():
        if article_id not in texts:
            raise CorpusError(path, f"residue listed for unknown article {article_id!r}")
        if not isinstance(pieces, list) or not all(isinstance(p, str) and p for p in pieces):
            raise CorpusError(path, f"residue of {article_id!r} must be a list of non-empty strings")
        for piece in pieces:
            found = texts[article_id].count(piece)
            if found != 1:
                raise CorpusError(path, f"residue {piece!r} occurs {found} times in {article_id}, not once")
        residue[article_id] = pieces
    return residue


def load_corpus(data_dir: Path | str | None = None) -> Corpus:
    """The articles of a data folder (the project's by default) with their metadata and residue, all checks passed.

    A change that a killed command left half-done in the folder is completed or rolled back first.
    """
    layout = data_layout(data_dir)
    recover_if_interrupted(layout.data_dir)
    articles_dir = layout.articles_dir
    metadata_path = layout.articles_csv
    metadata = read_metadata(metadata_path)
    listed = set(metadata["article_id"])
    on_disk = sorted(articles_dir.glob(f"*{ARTICLE_SUFFIX}")) if articles_dir.is_dir() else []
    for path in on_disk:
        if path.stem not in listed:
            raise CorpusError(path, f"article file has no row in {metadata_path}")
    texts = {}
    for row in metadata.itertuples(index=False):
        path = layout.article_txt(row.article_id)
        if not path.is_file():
            raise CorpusError(path, f"{metadata_path} lists article {row.article_id!r} but its file is missing")
        texts[row.article_id] = read_article(path)
        check_sha256(path, row.sha256, metadata_path)
    residue = read_residue(layout.residue_yml, texts)
    for row in metadata.itertuples(index=False):
        words = count_words(remove_residue(texts[row.article_id], residue[row.article_id]))
        if words != row.words:
            raise CorpusError(metadata_path, f"words of {row.article_id!r} is {row.words}, but its text has {words}")
    return Corpus(metadata=metadata, texts=texts, residue=residue)


def describe_corpus(corpus: Corpus) -> pd.DataFrame:
    """One row per article: its title, size and structure, measured on the text without residue."""
    rows = []
    for row in corpus.metadata.itertuples(index=False):
        body = corpus.body(row.article_id)
        rows.append(
            {
                "article_id": row.article_id,
                "title": row.title,
                "published_on": row.published_on,
                "words": count_words(body),
                "sentences": len(split_sentences(body)),
                "headings": len(headings(body)),
                "residue_pieces": len(corpus.residue[row.article_id]),
                "residue_note": row.residue_note,
            }
        )
    return pd.DataFrame(rows).set_index("article_id")


def article_sources(corpus: Corpus) -> pd.DataFrame:
    """What the collection records about where each article came from, beside what its text shows.

    ``site_in_text`` is the metadata's reading of the text (``published_on``); ``residue_pieces``
    counts the bits of site furniture cut from it. ``url`` and ``retrieved`` come from metadata
    columns of those names if the corpus ever records them, and read "not recorded" otherwise.
    """
    metadata = corpus.metadata.set_index("article_id")
    rows = {}
    for article_id in corpus.ids:
        row = metadata.loc[article_id]
        rows[article_id] = {
            "site_in_text": row["published_on"],
            "residue_pieces": len(corpus.residue[article_id]),
            "url": _recorded(row, "url"),
            "retrieved": _recorded(row, "retrieved"),
        }
    table = pd.DataFrame.from_dict(rows, orient="index", columns=["site_in_text", "residue_pieces", "url", "retrieved"])
    table.index.name = "article_id"
    return table.astype({"residue_pieces": "int64"})


def _recorded(row: pd.Series, column: str) -> str:
    value = row.get(column, "")
    return str(value).strip() if isinstance(value, str) and value.strip() else "not recorded"
