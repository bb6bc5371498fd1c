"""Reader-facing tables built from the claims: labels instead of ids, one row per term or dose.

The analysis chapters show the same kinds of table for every category; building them here keeps
the notebooks to loading, showing and explaining.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .codebook import Codebook
from .ids import short_label, short_labels
from .overlap import ABSENT, ASSERTED, DENIED, HEDGED, MIXED, stance_matrix

TALLY_COLUMNS = [ASSERTED, HEDGED, DENIED, MIXED]


def labelled_stance_matrix(
    claims: pd.DataFrame, codebook: Codebook, category: str, article_ids: list[str]
) -> pd.DataFrame:
    """How each article treats each term of a category, with term labels and short article ids."""
    matrix = stance_matrix(claims, category, article_ids)
    matrix.index = pd.Index([codebook.term_label(category, t) for t in matrix.index], name=category)
    return matrix.rename(columns=short_labels(article_ids))


def stance_tally(matrix: pd.DataFrame) -> pd.DataFrame:
    """Number of articles per term that assert it, assert it only with a hedge, deny it, or do both."""
    tally = pd.DataFrame({column: (matrix == column).sum(axis=1) for column in TALLY_COLUMNS})
    tally["sources"] = (matrix != ABSENT).sum(axis=1)
    return tally.astype(int)


def claim_labels(claims: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """The columns every claim table a reader sees starts with: the article's short label, the category, the term's label."""
    return pd.DataFrame(
        {
            "article": claims["article_id"].map(short_label),
            "category": claims["category"],
            "term": [codebook.term_label(c, t) for c, t in zip(claims["category"], claims["term"], strict=True)],
        },
        index=claims.index,
    )


def claim_rows(claims: pd.DataFrame, codebook: Codebook, categories: Iterable[str] | str) -> pd.DataFrame:
    """The claims of some categories as a reader sees them: article, category, term label, stance, hedge,
    what a comparison is with, whom a claim is attributed to, quote, note."""
    wanted = [categories] if isinstance(categories, str) else list(categories)
    rows = claims[claims["category"].isin(wanted)]
    details = pd.DataFrame(
        {
            "stance": rows["stance"],
            "hedged": rows["hedged"].map({True: "yes", False: "no"}),
            "compared with": [codebook.qualifier_label("comparators", c) if c else "" for c in rows["comparator"]],
            "attributed to": [codebook.qualifier_label("attributions", a) if a else "" for a in rows["attributed_to"]],
            "quote": rows["quote"],
            "note": rows["note"],
        },
        index=rows.index,
    )
    return claim_labels(rows, codebook).join(details).set_index(rows["claim_id"].rename("claim"))


def dose_figures(claims: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Every dose an article gives in grams, with the band it names (low, moderate, high, or none).

    An open-ended dose ("at least 5 g", "up to 5 g") has its other end empty (NaN).
    """
    given = claims["dose_low_g"].notna() | claims["dose_high_g"].notna()
    rows = claims[(claims["category"] == "dosage") & given]
    return pd.DataFrame(
        {
            "article_id": rows["article_id"],
            "label": [codebook.term_label("dosage", t) for t in rows["term"]],
            "dose_low_g": rows["dose_low_g"].astype(float),
            "dose_high_g": rows["dose_high_g"].astype(float),
            "quote": rows["quote"],
        }
    ).set_index(rows["claim_id"].rename("claim"))


# dose_figures' columns as readers see them in a table.
DOSE_COLUMNS = {"article_id": "article", "label": "dose named", "dose_low_g": "from (g)", "dose_high_g": "to (g)"}


DOSING_ADVICE = ("start_low", "avoid_high_doses", "follow_dosage_guidelines")


def dosing_statements(claims: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """What articles say about dose without figures: dosage rows with no grams, and dosing advice."""
    wordy = (claims["category"] == "dosage") & claims["dose_low_g"].isna()
    advice = (claims["category"] == "advice") & claims["term"].isin(DOSING_ADVICE)
    return claim_rows(claims[wordy | advice], codebook, ["dosage", "advice"])


def key_labels(keys: Iterable[str], codebook: Codebook) -> list[str]:
    """Claim keys ``category:term`` as readers see them: 'side effect: Nausea'."""
    labels = []
    for key in keys:
        category, term = key.split(":", 1)
        labels.append(f"{category.replace('_', ' ')}: {codebook.term_label(category, term)}")
    return labels


NAMING_CELLS = (ASSERTED, HEDGED, MIXED)
DENYING_CELLS = (DENIED, MIXED)


def naming_and_denying(matrix: pd.DataFrame) -> pd.DataFrame:
    """Per term of a stance matrix: how many articles assert it (hedged or not) and how many deny it.

    An article that both asserts and denies a term counts in both columns, so the two columns
    need not add up to the number of articles that mention the term.
    """
    table = pd.DataFrame(
        {
            "articles asserting": matrix.isin(NAMING_CELLS).sum(axis=1),
            "articles denying": matrix.isin(DENYING_CELLS).sum(axis=1),
        }
    )
    return table.astype(int)


def leaders(counts: pd.Series) -> tuple[list[str], int | float]:
    """Every entry that shares the highest value, in the Series' order, and that value (a plain int or float).

    Ties are kept whole: a chapter that names "the most common" term must name all of them.
    An empty Series, or one whose values are all 0 or less, has no leaders: ([], 0).
    """
    if counts.empty or counts.max() <= 0:
        return [], 0
    top = counts.max()
    return [str(name) for name in counts.index[counts == top]], top.item() if hasattr(top, "item") else top


def join_names(names: Iterable[str], conjunction: str = "and") -> str:
    """Names as prose: 'A', 'A and B', 'A, B and C'; an empty list gives 'none'."""
    items = list(names)
    if not items:
        return "none"
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"
