"""Load the hand-coded claims and hold each row to its article and the codebook.

Every chart and comparison in the book counts these rows, so a row whose quote is not really in
its article, or whose term is not in the codebook, must stop the build with the claim it is in.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import numpy as np
import pandas as pd

from .claim_rows import CLAIM_COLUMNS, format_cell
from .codebook import APPEAL_CATEGORY, CATEGORIES, Codebook, load_codebook
from .corpus import Corpus, load_corpus
from .csvfile import check_columns, read_text_csv
from .errors import ClaimsError
from .files import write_file
from .ids import is_claim_id_of, numbered_claim_ids, short_label
from .layout import project_layout

DOSE_COLUMNS = ["dose_low_g", "dose_high_g"]
QUALIFIER_COLUMNS = {"comparator": "comparators", "attributed_to": "attributions"}
DOSE_BOUNDS = {"range": DOSE_COLUMNS, "point": DOSE_COLUMNS, "at_least": ["dose_low_g"], "at_most": ["dose_high_g"]}
STANCES = ("asserted", "denied")
HEDGED = {"true": True, "false": False}
STANCE_COLUMNS = ["asserted", "asserted, hedged", "denied"]

WHOLE_NUMBER = re.compile(r"\d+")
DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


def as_text(table: pd.DataFrame) -> pd.DataFrame:
    """The table with every cell in its canonical CSV spelling, whether it came typed or as read."""
    cells = {column: [format_cell(v) for v in table[column]] for column in table.columns}
    return pd.DataFrame(cells, index=table.index, dtype=str)


def _check_claim_ids(table: pd.DataFrame, source) -> None:
    first_row = {}
    for index, claim_id in enumerate(table["claim_id"]):
        if not claim_id.strip():
            raise ClaimsError(source, f"row {index + 2} has no claim_id")
        if claim_id in first_row:
            raise ClaimsError(
                source, f"claim_id {claim_id!r} is used twice (rows {first_row[claim_id] + 2} and {index + 2})"
            )
        first_row[claim_id] = index


def _term_problem(category: str, term: str, codebook: Codebook) -> str:
    """Why a term is refused, with the nearest fix: the category that has it, or a close spelling."""
    elsewhere = [c for c in CATEGORIES if codebook.has(c, term)]
    if elsewhere:
        return f"term {term!r} is not a {category} term; it is in category {', '.join(elsewhere)}"
    known = list(codebook.terms.loc[codebook.terms["category"] == category, "term"])
    close = difflib.get_close_matches(term, known, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"term {term!r} is not a {category} term, nor in any other category of the codebook{hint}"


def _quote_problem(text: str, quote: str, start: int, end: int) -> str | None:
    """None when the offsets hold the quote; otherwise what they hold and where the quote really is."""
    found = text[start:end]
    if found == quote:
        return None
    message = f"text[{start}:{end}] reads {found!r}, not the quote {quote!r}"
    places = [m.start() for m in re.finditer(re.escape(quote), text)]
    if places:
        spans = ", ".join(f"{p}:{p + len(quote)}" for p in places)
        return f"{message}; the quote occurs at {spans}"
    return f"{message}; the quote is not in the article at all"


def dose_bound(low: float, high: float) -> str:
    """How a parsed dose reads: a range, one figure, or an open-ended bound (NaN for the open end)."""
    if pd.isna(low) and pd.isna(high):
        return ""
    if pd.isna(high):
        return "at_least"
    if pd.isna(low):
        return "at_most"
    return "point" if low == high else "range"


def _dose_problem(row: dict) -> str | None:
    """Dose figures only on dosage rows, in grams, with the bound type saying which ends are given."""
    given = [c for c in DOSE_COLUMNS if row[c] != ""]
    bound = row["dose_bound"]
    if not given and not bound:
        return None
    if row["category"] != "dosage":
        return f"dose figures on a {row['category']} row; only dosage rows carry doses"
    if bound not in DOSE_BOUNDS:
        return f"dose_bound {bound!r} must be one of {', '.join(DOSE_BOUNDS)} when dose figures are given"
    if given != DOSE_BOUNDS[bound]:
        wanted = " and ".join(DOSE_BOUNDS[bound])
        return f"a {bound} dose gives {wanted} only, but the row gives {' and '.join(given) or 'no figures'}"
    for column in given:
        if not DECIMAL.fullmatch(row[column]):
            return f"{column} {row[column]!r} is not a number"
        if float(row[column]) <= 0:
            return f"{column} is {row[column]}; doses must be greater than 0"
    low, high = (float(row[c]) if row[c] else np.nan for c in DOSE_COLUMNS)
    if low > high:
        return f"dose_low_g {row['dose_low_g']} is greater than dose_high_g {row['dose_high_g']}"
    if bound != dose_bound(low, high):
        return f"dose_bound is {bound} but the figures {row['dose_low_g']}-{row['dose_high_g']} make it {dose_bound(low, high)}"
    return None


def _qualifier_problem(row: dict, codebook: Codebook) -> str | None:
    """A comparator or attribution must be empty or one of the codebook's closed list."""
    for column, kind in QUALIFIER_COLUMNS.items():
        value = row[column]
        known = list(getattr(codebook, kind)["id"])
        if value and value not in known:
            return f"{column} {value!r} is not in the codebook's {kind} ({', '.join(known) or 'none listed'})"
    return None


def _row_problem(row: dict, corpus: Corpus, codebook: Codebook, categories: tuple[str, ...]) -> str | None:
    """The first thing wrong with one claim row, or None."""
    article_id, category, term = row["article_id"], row["category"], row["term"]
    if article_id not in corpus.texts:
        return f"unknown article_id {article_id!r}; the corpus has {', '.join(corpus.ids)}"
    if not is_claim_id_of(row["claim_id"], article_id):
        return f"claim_id must be '{short_label(article_id)}-' and a 3-digit number for article {article_id}"
    if category not in categories:
        return f"category {category!r} does not belong in this table; its categories are {', '.join(categories)}"
    if not codebook.has(category, term):
        return _term_problem(category, term, codebook)
    if row["stance"] not in STANCES:
        return f"stance {row['stance']!r} must be asserted or denied"
    if row["hedged"] not in HEDGED:
        return f"hedged {row['hedged']!r} must be true or false"
    qualifier = _qualifier_problem(row, codebook)
    if qualifier:
        return qualifier
    for column in ("start", "end"):
        if not WHOLE_NUMBER.fullmatch(row[column]):
            return f"{column} {row[column]!r} is not a whole number"
    start, end, text = int(row["start"]), int(row["end"]), corpus.texts[article_id]
    if not 0 <= start < end <= len(text):
        return f"offsets {start}:{end} are out of range; need 0 <= start < end <= {len(text)} (the article's length)"
    if row["quote"] == "":
        return "quote is empty"
    return _quote_problem(text, row["quote"], start, end) or _dose_problem(row)


def validate_claims(
    table: pd.DataFrame, corpus: Corpus, codebook: Codebook, source, categories: tuple[str, ...] = CATEGORIES
) -> pd.DataFrame:
    """The claims typed for analysis, or a ClaimsError naming ``source`` and the first bad claim."""
    check_columns(table, CLAIM_COLUMNS, ClaimsError, source, ordered=True)
    text = as_text(table)
    _check_claim_ids(text, source)
    for row in text.to_dict("records"):
        problem = _row_problem(row, corpus, codebook, categories)
        if problem:
            raise ClaimsError(source, f"claim {row['claim_id']}: {problem}")
    typed = text.copy()
    typed["hedged"] = typed["hedged"].map(HEDGED).astype(bool)
    for column in ("start", "end"):
        typed[column] = typed[column].astype("int64")
    for column in DOSE_COLUMNS:
        typed[column] = pd.to_numeric(typed[column].replace("", np.nan)).astype("float64")
    return typed


def load_claims(
    path: Path | str | None = None, corpus: Corpus | None = None, codebook: Codebook | None = None
) -> pd.DataFrame:
    """The claims at ``path``, checked against the corpus and codebook (the project's own by default)."""
    path = project_layout().claims_csv if path is None else Path(path)
    table = read_text_csv(path, ClaimsError, "claims")
    corpus = load_corpus() if corpus is None else corpus
    codebook = load_codebook() if codebook is None else codebook
    return validate_claims(table, corpus, codebook, path)


def load_appeals(
    path: Path | str | None = None, corpus: Corpus | None = None, codebook: Codebook | None = None
) -> pd.DataFrame:
    """The persuasion appeals at ``path`` (the project's by default): rows shaped and checked like claims, in the persuasion category only."""
    path = project_layout().appeals_csv if path is None else Path(path)
    table = read_text_csv(path, ClaimsError, "appeals")
    corpus = load_corpus() if corpus is None else corpus
    codebook = load_codebook() if codebook is None else codebook
    return validate_claims(table, corpus, codebook, path, categories=(APPEAL_CATEGORY,))


def with_qualifiers(table: pd.DataFrame) -> pd.DataFrame:
    """Machine-proposed rows with the columns a coder fills in: no comparator yet, the attribution
    the extractor found (none if it gave no column), and the dose bound read from the figures."""
    full = table.copy()
    full["comparator"] = ""
    if "attributed_to" not in full.columns:
        full["attributed_to"] = ""
    full["dose_bound"] = [
        dose_bound(low, high) for low, high in zip(full["dose_low_g"], full["dose_high_g"], strict=True)
    ]
    return full


def numbered_claims(extracted: pd.DataFrame, note: str) -> pd.DataFrame:
    """The extractor's rows in claims.csv shape: qualifier columns added, claim ids numbered per short label, one note."""
    full = with_qualifiers(extracted)
    full["claim_id"] = numbered_claim_ids(full["article_id"])
    full["note"] = note
    return full[CLAIM_COLUMNS].reset_index(drop=True)


def claims_csv(table: pd.DataFrame, source) -> bytes:
    """The bytes of a claims file for ``table``: canonical spelling, the columns in order, one line per row."""
    if sorted(map(str, table.columns)) != sorted(CLAIM_COLUMNS):
        check_columns(table, CLAIM_COLUMNS, ClaimsError, source, ordered=True)
    return as_text(table[CLAIM_COLUMNS]).to_csv(index=False, lineterminator="\n").encode("utf-8")


def write_claims(table: pd.DataFrame, path: Path | str) -> None:
    """Write claims in the canonical CSV spelling; a failed write leaves any earlier file untouched."""
    write_file(path, claims_csv(table, path))


def _article_order(claims: pd.DataFrame, article_ids) -> list[str]:
    present = list(dict.fromkeys(claims["article_id"]))
    if article_ids is None:
        return present
    order = list(article_ids)
    unlisted = [a for a in present if a not in order]
    if unlisted:
        raise ValueError(f"claims mention article(s) not in article_ids: {', '.join(unlisted)}")
    return order


def claims_by_article(claims: pd.DataFrame, article_ids=None) -> pd.DataFrame:
    """Claims per article and category; every category is a column, so absent ones show as 0."""
    counts = claims.groupby(["article_id", "category"]).size().unstack(fill_value=0)
    counts = counts.reindex(index=_article_order(claims, article_ids), columns=list(CATEGORIES), fill_value=0)
    counts.index.name, counts.columns.name = "article_id", "category"
    return counts.astype("int64")


def stance_counts(claims: pd.DataFrame, article_ids=None) -> pd.DataFrame:
    """Claims per article by stance: plain assertions, hedged assertions, and denials (hedged or not)."""
    hedged = claims["hedged"].map(format_cell) == "true"
    kind = np.where(claims["stance"] == "denied", "denied", np.where(hedged, "asserted, hedged", "asserted"))
    grouped = pd.DataFrame({"article_id": claims["article_id"].to_numpy(), "kind": kind})
    counts = grouped.groupby(["article_id", "kind"]).size().unstack(fill_value=0)
    counts = counts.reindex(index=_article_order(claims, article_ids), columns=STANCE_COLUMNS, fill_value=0)
    counts.index.name, counts.columns.name = "article_id", "stance"
    return counts.astype("int64")
