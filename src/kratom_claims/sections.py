"""One chapter section built in one call: a category's stance grid, its tally, its chart and its numbers.

The conditions, side-effects and mechanisms-and-advice chapters each show, for a category, which
article takes which position on each term, how many articles do so, a stacked bar chart of that
count, and a handful of glued numbers. Building all of it here keeps the three chapters alike and
their notebooks to a few calls.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from matplotlib.figure import Figure

from . import charts
from .book_data import BookData
from .headlines import spread_sentence
from .overlap import ASSERTED, DENIED, HEDGED, MIXED
from .show import describe_rows
from .summaries import join_names, labelled_stance_matrix, leaders, stance_tally

PART_WORDS = {
    ASSERTED: "plain assertions",
    HEDGED: "hedged assertions",
    DENIED: "denials",
    MIXED: "articles that both assert and deny",
}


def _listed(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


@dataclass(frozen=True)
class CategorySection:
    """A category's grid (terms x articles), tally (articles per term and position) and chart parts."""

    category: str
    article_count: int
    matrix: pd.DataFrame
    tally: pd.DataFrame
    claiming_count: int

    @property
    def parts(self) -> pd.DataFrame:
        """The tally's positions that occur, in a fixed order: the segments of the chart."""
        parts = self.tally[list(PART_WORDS)]
        return parts.loc[:, parts.sum() > 0]

    def figure(self, title: str) -> Figure:
        return charts.bar_chart(
            self.parts, title=title, xlabel="Number of articles", ylabel="", stacked=True, colours=charts.STANCE_COLOURS
        )

    def alt(self, action: str, noun: str) -> str:
        """Alt text: 'how many articles <action> each <noun>', then every bar's segments."""
        return (
            f"Stacked horizontal bar chart of how many articles {action} each {noun}, split by stance. "
            + describe_rows(self.parts)
            + "."
        )

    def caption(self, action: str, noun: str) -> str:
        """Caption naming the positions the bars are actually split into."""
        split = _listed([PART_WORDS[column] for column in self.parts.columns])
        return (
            f"How many of the {self.article_count} articles {action} each {noun}, and how. Bars are split into {split}."
        )

    @property
    def n_all(self) -> int:
        """Terms made by every article that makes any claim (an article with no claims cannot share one)."""
        return int((self.tally["sources"] == self.claiming_count).sum()) if self.claiming_count else 0

    def spread_sentence(self, nouns: tuple[str, str], participle: str) -> str:
        """'No condition is claimed by every article; 4 are claimed by one article only.'"""
        n_single = int((self.tally["sources"] == 1).sum())
        return spread_sentence(self.n_all, n_single, nouns, participle, self.claiming_count, self.article_count)

    def numbers(self, prefix: str) -> dict[str, int | str]:
        """The section's glued numbers, named ``<prefix>_<what>``."""
        top, top_n = leaders(self.tally["sources"])
        return {
            f"{prefix}_n_terms": len(self.tally),
            f"{prefix}_top": join_names(top),
            f"{prefix}_top_n": int(top_n),
            f"{prefix}_n_all": self.n_all,
            f"{prefix}_n_single": int((self.tally["sources"] == 1).sum()),
            f"{prefix}_n_hedged_cells": int((self.matrix == HEDGED).sum().sum()),
            f"{prefix}_n_denied_cells": int(self.matrix.isin([DENIED, MIXED]).sum().sum()),
        }


def category_section(data: BookData, category: str) -> CategorySection:
    matrix = labelled_stance_matrix(data.claims, data.codebook, category, data.ids)
    claiming = int(data.claims.loc[data.claims["article_id"].isin(data.ids), "article_id"].nunique())
    return CategorySection(category, len(data.ids), matrix, stance_tally(matrix), claiming)
