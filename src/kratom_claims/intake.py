"""Bring a new article into the data folder, and then its reviewed claims, all or nothing.

Adding an article touches three files (the article, articles.csv, a review file) and accepting
its claims rewrites claims.csv. A run that stopped half-way would leave a corpus that no longer
loads, or claims without their article, so every check and every computation happens first,
under the data folder's lock (lock.py), and the files are then changed together as one journaled
change (journal.py): any failure puts back what was there before, and a change cut short by a
crash is completed or rolled back by the next command.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .claims import as_text, claims_csv, load_claims, numbered_claims, validate_claims
from .codebook import load_codebook
from .corpus import METADATA_COLUMNS, Corpus, load_corpus, read_article_file, read_metadata
from .csvfile import read_text_csv
from .doses import dose_warnings
from .errors import ClaimsError, CorpusError, DataError
from .extract import ClaimExtractor
from .ids import LABEL_LENGTH, check_article_id, claim_id, free_label, label_clash, short_label
from .journal import Change
from .layout import DataLayout, data_layout
from .lock import data_lock
from .review import check_review_path, read_review, review_csv
from .text import count_words

DEFAULT_PUBLISHED_ON = "Not shown in the text"
NEW_RESIDUE_NOTE = "Not reviewed yet"
MACHINE_NOTE = "machine-proposed: check stance, hedge and quote"


def check_new_article(path: Path, article_id: str, metadata: pd.DataFrame, layout: DataLayout) -> None:
    """Refuse an id the data folder already has, or one whose claim ids would clash with another's."""
    metadata_path = layout.articles_csv
    if article_id in set(metadata["article_id"]):
        raise CorpusError(
            path, f"article id {article_id!r} is already in {metadata_path}; an article can be added only once"
        )
    target = layout.article_txt(article_id)
    if target.exists() and target.resolve() == path.resolve():
        raise CorpusError(
            path,
            f"the article is already inside {target.parent}; keep it in another folder and add it from there (add copies it in)",
        )
    if target.exists():
        raise CorpusError(
            path, f"{target} already exists (though {metadata_path} does not list it); remove it or rename your file"
        )
    other = label_clash(article_id, metadata["article_id"])
    if other is not None:
        raise CorpusError(
            path,
            f"article id {article_id!r} starts with {short_label(article_id)!r}, like article {other!r} in {metadata_path}; "
            f"claim ids are those first {LABEL_LENGTH} characters and a number ({claim_id(other, 1)}), so the two "
            f"articles' claims could not be told apart; rename the file to start differently, "
            f"e.g. {free_label(metadata['article_id'])}_{article_id}.txt",
        )


def _one_line_text(path: Path, option: str, value: str) -> str:
    value = value.strip()
    if not value or "\n" in value or "\r" in value or "\x00" in value:
        raise CorpusError(path, f"{option} must be one line of text, not empty; got {value!r}")
    return value


def metadata_line(row: dict, line_end: str) -> str:
    """One articles.csv row, quoted as a CSV writer quotes (only where a comma or quote needs it)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=line_end).writerow([row[c] for c in METADATA_COLUMNS])
    return buffer.getvalue()


def appended_metadata(original: bytes, row: dict) -> bytes:
    """articles.csv with one more row, every earlier byte kept, in the file's own line ending."""
    text = original.decode("utf-8")
    line_end = "\r\n" if "\r\n" in text.split("\n", 1)[0] + "\n" else "\n"
    if not text.endswith("\n"):
        text += line_end
    return (text + metadata_line(row, line_end)).encode("utf-8")


def write_error(err: OSError, fallback: Path) -> DataError:
    """A failed write as one line naming the folder, once everything written has been put back."""
    folder = Path(err.filename).parent if err.filename else fallback
    return DataError(folder, f"cannot write there ({err.strerror or err}); nothing was changed")


@dataclass(frozen=True)
class AddedArticle:
    """What add_article did, for the command to report."""

    article_id: str
    article_path: Path
    metadata_path: Path
    words: int
    review_path: Path
    proposed: int
    warnings: list[str]


def add_article(
    source: Path | str,
    title: str,
    published_on: str = DEFAULT_PUBLISHED_ON,
    review_path: Path | str | None = None,
    data_dir: Path | str | None = None,
) -> AddedArticle:
    """Copy an article into ``data_dir`` (the project's by default), record it in articles.csv and write its proposed claims for review."""
    source, layout = Path(source), data_layout(data_dir)
    if source.is_symlink():
        raise CorpusError(
            source,
            "is a symbolic link; add copies in (and the book publishes) only a real file: give the article file itself",
        )
    text = read_article_file(source)
    article_id = check_article_id(source)
    title = _one_line_text(source, "--title", title)
    published_on = _one_line_text(source, "--published-on", published_on)
    review_path = Path(review_path) if review_path is not None else Path(f"review_{article_id}.csv")
    check_review_path(review_path)
    with data_lock(layout.data_dir):
        return _add_to_data(source, text, article_id, title, published_on, review_path, layout)


def _add_to_data(
    source: Path, text: str, article_id: str, title: str, published_on: str, review_path: Path, layout: DataLayout
) -> AddedArticle:
    """add_article's checks against the data folder and its writes, which must not interleave with another command's."""
    data_dir, metadata_path = layout.data_dir, layout.articles_csv
    check_new_article(source, article_id, read_metadata(metadata_path), layout)
    corpus = load_corpus(data_dir)
    codebook = load_codebook(layout.codebook_yml)

    raw = text.encode("utf-8")
    row = {
        "article_id": article_id,
        "title": title,
        "published_on": published_on,
        "words": count_words(text),
        "sha256": hashlib.sha256(raw).hexdigest(),
        "residue_note": NEW_RESIDUE_NOTE,
    }
    metadata_bytes = appended_metadata(metadata_path.read_bytes(), row)
    review = numbered_claims(ClaimExtractor(codebook).extract(text, article_id), MACHINE_NOTE)
    grown = Corpus(
        metadata=pd.concat([corpus.metadata, pd.DataFrame([row])], ignore_index=True),
        texts={**corpus.texts, article_id: text},
        residue={**corpus.residue, article_id: []},
    )
    validate_claims(review, grown, codebook, review_path)

    target = layout.article_txt(article_id)
    change = Change(data_dir, f"add {article_id}")
    change.stage(review_path, review_csv(review, review_path))
    change.stage(target, raw)
    change.stage(metadata_path, metadata_bytes)
    try:
        change.commit(check=lambda: load_corpus(data_dir))
    except OSError as err:
        raise write_error(err, data_dir) from None
    return AddedArticle(
        article_id, target, metadata_path, row["words"], review_path, len(review), dose_warnings(review, review_path)
    )


def _count_claims(count: int) -> str:
    return f"{count} claim" if count == 1 else f"{count} claims"


@dataclass(frozen=True)
class AcceptedClaims:
    """What accept_review did, for the command to report."""

    claims_path: Path
    added: int
    total: int
    article_ids: list[str]
    warnings: list[str]


def accept_review(review_path: Path | str, data_dir: Path | str | None = None) -> AcceptedClaims:
    """Append the reviewed claims of articles not yet coded to the claims.csv of ``data_dir`` (the project's by default), after every check."""
    review_path, layout = Path(review_path), data_layout(data_dir)
    table = read_review(review_path)
    with data_lock(layout.data_dir):
        return _accept_into_data(table, review_path, layout)


def _accept_into_data(table: pd.DataFrame, review_path: Path, layout: DataLayout) -> AcceptedClaims:
    """accept_review's checks against the claim table and its rewrite, which must not interleave with another command's."""
    data_dir, claims_path = layout.data_dir, layout.claims_csv
    corpus = load_corpus(data_dir)
    codebook = load_codebook(layout.codebook_yml)
    reviewed = as_text(validate_claims(table, corpus, codebook, review_path))
    existing_claims = load_claims(claims_path, corpus=corpus, codebook=codebook)
    coded = existing_claims["article_id"].value_counts()
    article_ids = list(dict.fromkeys(reviewed["article_id"]))
    for article_id in article_ids:
        if article_id in coded:
            raise ClaimsError(
                review_path,
                f"article {article_id} already has {_count_claims(coded[article_id])} in {claims_path}; "
                "remove them first, or use a different review",
            )
    taken = set(existing_claims["claim_id"])
    for claim in reviewed["claim_id"]:
        if claim in taken:
            raise ClaimsError(review_path, f"claim {claim} is already in {claims_path}; give the row a new claim_id")
    existing = read_text_csv(claims_path, ClaimsError, "claims")
    combined = pd.concat([existing, reviewed], ignore_index=True)
    change = Change(data_dir, f"accept {review_path.name}")
    change.stage(claims_path, claims_csv(combined, claims_path))
    try:
        change.commit()
    except OSError as err:
        raise write_error(err, data_dir) from None
    return AcceptedClaims(claims_path, len(reviewed), len(combined), article_ids, dose_warnings(reviewed, review_path))
