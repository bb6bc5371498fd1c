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
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pandas as pd

from .claims import as_text, claims_csv, load_claims, numbered_claims, validate_claims
from .codebook import load_codebook
from .corpus import METADATA_COLUMNS, SOURCE_COLUMNS, URL, Corpus, is_iso_date, load_corpus, read_metadata
from .csvfile import read_text_csv
from .doses import dose_warnings
from .errors import ClaimsError, CorpusError, DataError
from .extract import ClaimExtractor
from .ids import ARTICLE_SUFFIX, LABEL_LENGTH, check_article_id, claim_id, free_label, label_clash, short_label
from .journal import Change
from .language import check_english, length_warnings
from .layout import DataLayout, data_layout
from .lock import data_lock
from .machine_values import MACHINE_ONLY_ATTRIBUTIONS
from .review import check_review_path, read_review, review_csv
from .text import count_words
from .webpage import PAGE_SUFFIXES, article_text, is_web_page

DEFAULT_PUBLISHED_ON = "Not shown in the text"
NEW_RESIDUE_NOTE = "Not reviewed yet"
MACHINE_NOTE = "machine-proposed: check stance, hedge and quote"
ACCEPT_UNREVIEWED_OPTION = "--accept-unreviewed"


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


def metadata_line(row: dict, line_end: str, columns: list[str] = METADATA_COLUMNS) -> str:
    """One articles.csv row in the file's ``columns``, quoted as a CSV writer quotes (only where a comma or quote needs it)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=line_end).writerow([row.get(c, "") for c in columns])
    return buffer.getvalue()


def header_columns(text: str) -> list[str]:
    return next(csv.reader(io.StringIO(text)), [])


def appended_metadata(original: bytes, row: dict, path: Path | str = "articles.csv") -> bytes:
    """articles.csv with one more row, every earlier byte kept, in the file's own line ending and columns.

    A file from before the source columns (url, retrieved) can still take a row without them; a
    row that records a source needs them in the header, and the error says how to add them.
    """
    text = original.decode("utf-8-sig")
    columns = header_columns(text)
    lacking = [c for c in SOURCE_COLUMNS if row.get(c) and c not in columns]
    if lacking:
        raise CorpusError(
            path,
            f"has no {' or '.join(lacking)} column to record where the article came from; add "
            f"',{','.join(SOURCE_COLUMNS)}' to its header line and ',,' to each row (old rows may leave them empty)",
        )
    text = original.decode("utf-8")
    line_end = "\r\n" if "\r\n" in text.split("\n", 1)[0] + "\n" else "\n"
    if not text.endswith("\n"):
        text += line_end
    return (text + metadata_line(row, line_end, columns)).encode("utf-8")


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
    page_path: Path | None = None


@dataclass(frozen=True)
class Origin:
    """Where an article came from, as add records it: the page's address and the day it was saved."""

    url: str = ""
    retrieved: str = ""

    def checked(self, path: Path) -> Origin:
        """The source as articles.csv will hold it; refused, naming the article file, if it is not one line or not a date."""
        url = _one_line_text(path, "--url", self.url) if self.url else ""
        if url and not URL.fullmatch(url):
            raise CorpusError(path, f"--url {url!r} is not a web address starting http:// or https://")
        retrieved = self.retrieved or (date.today().isoformat() if url else "")
        if retrieved and not is_iso_date(retrieved):
            raise CorpusError(path, f"--retrieved {retrieved!r} is not a date written YYYY-MM-DD")
        return Origin(url, retrieved)


def add_article(
    source: Path | str,
    title: str,
    published_on: str = DEFAULT_PUBLISHED_ON,
    review_path: Path | str | None = None,
    data_dir: Path | str | None = None,
    origin: Origin | None = None,
    allow_language: bool = False,
) -> AddedArticle:
    """Copy an article into ``data_dir`` (the project's by default), record it in articles.csv and write its proposed claims for review.

    A saved web page (.html, .htm) is stored twice: its main text as the article's .txt file, which
    everything analyses, and the page itself beside it, byte for byte, to check the text against.
    """
    source, layout = Path(source), data_layout(data_dir)
    if source.is_symlink():
        raise CorpusError(
            source,
            "is a symbolic link; add copies in (and the book publishes) only a real file: give the article file itself",
        )
    article_id = check_article_id(source, (ARTICLE_SUFFIX, *PAGE_SUFFIXES))
    text = article_text(source)
    if not allow_language:
        check_english(text, source)
    title = _one_line_text(source, "--title", title)
    published_on = _one_line_text(source, "--published-on", published_on)
    origin = (origin or Origin()).checked(source)
    review_path = Path(review_path) if review_path is not None else layout.reviews_dir / f"review_{article_id}.csv"
    check_review_path(review_path, create_folder=review_path.parent == layout.reviews_dir)
    with data_lock(layout.data_dir):
        added = _add_to_data(source, text, article_id, (title, published_on), origin, review_path, layout)
    return replace(added, warnings=[*length_warnings(text, source), *added.warnings])


def _add_to_data(
    source: Path,
    text: str,
    article_id: str,
    described: tuple[str, str],
    origin: Origin,
    review_path: Path,
    layout: DataLayout,
) -> AddedArticle:
    """add_article's checks against the data folder and its writes, which must not interleave with another command's."""
    data_dir, metadata_path = layout.data_dir, layout.articles_csv
    check_new_article(source, article_id, read_metadata(metadata_path), layout)
    corpus = load_corpus(data_dir)
    codebook = load_codebook(layout.codebook_yml)

    raw = text.encode("utf-8")
    row = {
        "article_id": article_id,
        "title": described[0],
        "published_on": described[1],
        "words": count_words(text),
        "sha256": hashlib.sha256(raw).hexdigest(),
        "residue_note": NEW_RESIDUE_NOTE,
        "url": origin.url,
        "retrieved": origin.retrieved,
    }
    metadata_bytes = appended_metadata(metadata_path.read_bytes(), row, metadata_path)
    review = numbered_claims(ClaimExtractor(codebook).extract(text, article_id), MACHINE_NOTE)
    grown = Corpus(
        metadata=pd.concat([corpus.metadata, pd.DataFrame([row])], ignore_index=True),
        texts={**corpus.texts, article_id: text},
        residue={**corpus.residue, article_id: []},
    )
    # The machine-only attributions ("unclear") are for the reviewer to resolve; all else must pass now.
    placed = review.assign(
        attributed_to=review["attributed_to"].mask(review["attributed_to"].isin(MACHINE_ONLY_ATTRIBUTIONS), "")
    )
    validate_claims(placed, grown, codebook, review_path)

    target = layout.article_txt(article_id)
    page = layout.article_page(article_id) if is_web_page(source) else None
    if page is not None and page.exists():
        raise CorpusError(source, f"{page} already exists (though {metadata_path} does not list it); remove it first")
    change = Change(data_dir, f"add {article_id}")
    review_path.parent.mkdir(exist_ok=True)
    change.stage(review_path, review_csv(review, review_path))
    change.stage(target, raw)
    if page is not None:
        change.stage(page, source.read_bytes())
    change.stage(metadata_path, metadata_bytes)
    try:
        change.commit(check=lambda: load_corpus(data_dir))
    except OSError as err:
        raise write_error(err, data_dir) from None
    return AddedArticle(
        article_id,
        target,
        metadata_path,
        row["words"],
        review_path,
        len(review),
        dose_warnings(review, review_path),
        page,
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


def check_reviewed(table: pd.DataFrame, review_path: Path) -> None:
    """Refuse a review file in which no row has been touched: every row still carries the machine's note.

    The review instructions have the reviewer replace or clear that note on each row checked, so
    a file where every row still has it is the extractor's output, not a person's coding; the book
    would then score the extractor against itself.
    """
    if (table["note"] == MACHINE_NOTE).all():
        raise ClaimsError(
            review_path,
            f"every row still has the note {MACHINE_NOTE!r}, so no row looks reviewed; check each row and clear or "
            f"replace its note, or add {ACCEPT_UNREVIEWED_OPTION} to accept the machine's proposals as they are",
        )


# How much of a claim's quote an error shows to point at its row.
QUOTE_SHOWN = 40


def check_attributions_placed(table: pd.DataFrame, review_path: Path, attributions: list[str]) -> None:
    """Refuse a review file with a row the extractor could not place ("unclear"): only a person can
    say who speaks there, and the claim table takes only the codebook's attributions or none."""
    if "attributed_to" not in table.columns:
        return
    unplaced = table[table["attributed_to"].isin(MACHINE_ONLY_ATTRIBUTIONS)]
    if unplaced.empty:
        return
    row = unplaced.iloc[0]
    quote = row.get("quote", "")
    shown = quote if len(quote) <= QUOTE_SHOWN else quote[:QUOTE_SHOWN] + "..."
    raise ClaimsError(
        review_path,
        f"{len(unplaced)} row(s) still have attributed_to {row['attributed_to']!r}, the first claim "
        f"{row['claim_id']} ({row['article_id']}, {row['term']}, {shown!r}); set attributed_to to one of: "
        f"{', '.join(attributions)}, or leave it empty for the article's own voice",
    )


def accept_review(
    review_path: Path | str, data_dir: Path | str | None = None, accept_unreviewed: bool = False
) -> AcceptedClaims:
    """Append the reviewed claims of articles not yet coded to the claims.csv of ``data_dir`` (the project's by default), after every check."""
    review_path, layout = Path(review_path), data_layout(data_dir)
    table = read_review(review_path)
    if not accept_unreviewed and "note" in table.columns:
        check_reviewed(table, review_path)
    with data_lock(layout.data_dir):
        return _accept_into_data(table, review_path, layout)


def _accept_into_data(table: pd.DataFrame, review_path: Path, layout: DataLayout) -> AcceptedClaims:
    """accept_review's checks against the claim table and its rewrite, which must not interleave with another command's."""
    data_dir, claims_path = layout.data_dir, layout.claims_csv
    corpus = load_corpus(data_dir)
    codebook = load_codebook(layout.codebook_yml)
    check_attributions_placed(table, review_path, list(codebook.attributions["id"]))
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
