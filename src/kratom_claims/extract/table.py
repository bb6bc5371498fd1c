"""Proposed claims as rows and as a table in the shape of data/claims.csv."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import NamedTuple

import pandas as pd

from .scan import trimmed
from .sentence import Sentence

EXTRACT_COLUMNS = [
    "article_id",
    "category",
    "term",
    "stance",
    "hedged",
    "quote",
    "start",
    "end",
    "dose_low_g",
    "dose_high_g",
]
NAN = math.nan


class Claim(NamedTuple):
    """One proposed claim row, in the column order of EXTRACT_COLUMNS."""

    article_id: str
    category: str
    term: str
    stance: str
    hedged: bool
    quote: str
    start: int
    end: int
    dose_low_g: float
    dose_high_g: float


def claim_rows(text: str, article_id: str, sentences: Iterable[Sentence]) -> list[Claim]:
    """The claims of the sentences that propose any, each quoting its sentence: its claims, then
    its dose figures not given before in the article."""
    rows: list[Claim] = []
    figures_seen: set[tuple[str, float, float]] = set()
    for sentence in sentences:
        start, end = trimmed(text, sentence.start, sentence.end)
        quote = text[start:end]
        first_hedged = sentence.first_hedged()
        for number, (category, term, stance) in enumerate(sentence.claims):
            rows.append(Claim(article_id, category, term, stance, number >= first_hedged, quote, start, end, NAN, NAN))
        for figure in sentence.figures:
            if figure not in figures_seen:
                figures_seen.add(figure)
                term, low, high = figure
                rows.append(
                    Claim(article_id, "dosage", term, "asserted", sentence.hedged, quote, start, end, low, high)
                )
    return rows


def claims_table(claims: list[Claim]) -> pd.DataFrame:
    """Claims as a typed table: hedged bool, offsets int64, doses float64 (NaN when absent)."""
    table = pd.DataFrame(claims, columns=EXTRACT_COLUMNS)
    return table.astype(
        {"hedged": bool, "start": "int64", "end": "int64", "dose_low_g": "float64", "dose_high_g": "float64"}
    )
