"""Proposed claims as rows and as a table in the shape of data/claims.csv."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from .scan import trimmed
from .sentence import Sentence

if TYPE_CHECKING:
    import pandas as pd

EXTRACT_COLUMNS = [
    "article_id",
    "category",
    "term",
    "stance",
    "hedged",
    "attributed_to",
    "quote",
    "start",
    "end",
    "dose_low_g",
    "dose_high_g",
    "dose_bound",
]
NAN = math.nan


class Claim(NamedTuple):
    """One proposed claim row, in the column order of EXTRACT_COLUMNS."""

    article_id: str
    category: str
    term: str
    stance: str
    hedged: bool
    attributed_to: str
    quote: str
    start: int
    end: int
    dose_low_g: float
    dose_high_g: float
    dose_bound: str


# A row as the caller of claim_rows makes it.
Row = TypeVar("Row")


def claim_rows(text: str, article_id: str, sentences: Iterable[Sentence], row: Callable[..., Row] = Claim) -> list[Row]:
    """The claims of the sentences that propose any, each quoting its sentence: its claims, then
    its dose figures not given before in the article. A claim made after an attribution ("critics
    say") names whom the article attributes it to.

    ``row`` makes each row from its cells, in the order of Claim's fields: a Claim by default;
    the extract command makes its CSV line at once (partitions.article_lines)."""
    rows: list[Row] = []
    figures_seen: set[tuple] = set()
    for sentence in sentences:
        start, end = trimmed(text, sentence.start, sentence.end)
        quote = text[start:end]
        first_hedged = sentence.first_hedged()
        attributed_from, attribution = sentence.attributed_from, sentence.attribution
        for number, (category, term, stance) in enumerate(sentence.claims):
            by = attribution and (attribution if number >= attributed_from else "")
            rows.append(
                row(article_id, category, term, stance, number >= first_hedged, by, quote, start, end, NAN, NAN, "")
            )
        for figure in sentence.figures:
            term, low, high, bound = figure
            seen = (term, repr(low), repr(high), bound)  # repr: NaN never equals itself
            if seen not in figures_seen:
                figures_seen.add(seen)
                rows.append(
                    row(
                        article_id,
                        "dosage",
                        term,
                        "asserted",
                        sentence.hedged,
                        attribution,
                        quote,
                        start,
                        end,
                        low,
                        high,
                        bound,
                    )
                )
    return rows


def claims_table(claims: list[Claim]) -> pd.DataFrame:
    """Claims as a typed table: hedged bool, offsets int64, doses float64 (NaN when absent)."""
    import pandas as pd  # only for a table: the extract command writes its rows without one

    table = pd.DataFrame(claims, columns=EXTRACT_COLUMNS)
    return table.astype(
        {"hedged": bool, "start": "int64", "end": "int64", "dose_low_g": "float64", "dose_high_g": "float64"}
    )
