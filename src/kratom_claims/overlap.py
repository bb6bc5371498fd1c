"""How far the articles say the same things: shared claims, agreement between pairs, shared wording.

The book asks whether several web articles are independent voices or one message repeated.
These tables answer that from the coded claims (and, for wording, from the raw texts), so the
charts and the prose quote the same numbers. Every function takes any number of articles, in the
order the caller gives, and keeps an article that makes no claims as an empty column.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from .text import WORD

ASSERTED = "asserted"
DENIED = "denied"
HEDGED = "hedged"
MIXED = "asserted + denied"
ABSENT = ""
STANCES = (ASSERTED, DENIED)
INTERSECTION_COLUMNS = ["articles", "n_articles", "n_claims", "claims"]


def claim_key(claims: pd.DataFrame) -> pd.Series:
    """``category:term`` per row: a term id only names a claim together with its category."""
    return (claims["category"].astype(str) + ":" + claims["term"].astype(str)).rename("claim")


def _checked_ids(claims: pd.DataFrame, article_ids: Iterable[str]) -> list[str]:
    """The caller's article order, refused if it repeats an id, misses an article or meets an unknown stance."""
    ids = list(article_ids)
    repeated = sorted({a for a in ids if ids.count(a) > 1})
    if repeated:
        raise ValueError(f"article_ids repeats {', '.join(repeated)}")
    unknown = sorted(set(claims["article_id"]) - set(ids))
    if unknown:
        raise ValueError(f"claims come from article(s) not in article_ids: {', '.join(unknown)}")
    stances = sorted(set(claims["stance"]) - set(STANCES))
    if stances:
        raise ValueError(f"unknown stance(s) {', '.join(map(repr, stances))}; expected one of {STANCES}")
    return ids


def _most_shared_first(table: pd.DataFrame, sources: dict[str, int]) -> pd.DataFrame:
    return table.loc[sorted(table.index, key=lambda label: (-sources[label], label))]


def presence_matrix(
    claims: pd.DataFrame,
    article_ids: Iterable[str],
    categories: Iterable[str] | str | None = None,
    stance: str | None = ASSERTED,
) -> pd.DataFrame:
    """Which article makes which claim: True where it does. Rows are claim keys, most widely made first.

    ``stance=None`` counts a claim whatever its stance; ``categories`` keeps only those categories.
    """
    ids = _checked_ids(claims, article_ids)
    if stance is not None and stance not in STANCES:
        raise ValueError(f"stance must be one of {STANCES} or None, not {stance!r}")
    chosen = claims
    if categories is not None:
        chosen = chosen[chosen["category"].isin([categories] if isinstance(categories, str) else list(categories))]
    if stance is not None:
        chosen = chosen[chosen["stance"] == stance]
    made = set(zip(claim_key(chosen), chosen["article_id"], strict=True))
    keys = sorted({key for key, _ in made})
    table = pd.DataFrame(
        [[(key, article) in made for article in ids] for key in keys],
        index=pd.Index(keys, name="claim", dtype=object),
        columns=pd.Index(ids, name="article", dtype=object),
        dtype=bool,
    )
    return _most_shared_first(table, source_counts(table).to_dict())


def stance_position(rows: pd.DataFrame) -> str:
    """One article's position on one term: a plain assertion outweighs hedged ones; asserting and denying is mixed."""
    asserted = rows[rows["stance"] == ASSERTED]
    denied = bool((rows["stance"] == DENIED).any())
    if len(asserted) and denied:
        return MIXED
    if denied:
        return DENIED
    hedged = asserted["hedged"].astype(str).str.lower().eq("true")
    return HEDGED if hedged.all() else ASSERTED


def stance_matrix(claims: pd.DataFrame, category: str, article_ids: Iterable[str]) -> pd.DataFrame:
    """How each article treats each term of one category.

    Cells: "asserted"; "hedged" (asserted, but every assertion hedged); "denied";
    "asserted + denied" (the article does both); "" (not mentioned). Terms mentioned by most
    articles, whatever the stance, come first, then by term.
    """
    ids = _checked_ids(claims, article_ids)
    rows = claims[claims["category"] == category]
    cells = {pair: stance_position(group) for pair, group in rows.groupby(["term", "article_id"])}
    sources: dict[str, int] = {}
    for term, _ in cells:
        sources[term] = sources.get(term, 0) + 1
    terms = sorted(sources, key=lambda term: (-sources[term], term))
    return pd.DataFrame(
        [[cells.get((term, article), ABSENT) for article in ids] for term in terms],
        index=pd.Index(terms, name="term", dtype=object),
        columns=pd.Index(ids, name="article", dtype=object),
        dtype=object,
    )


def source_counts(presence: pd.DataFrame) -> pd.Series:
    """How many articles make each claim."""
    return presence.sum(axis=1).astype(int).rename("n_articles")


def jaccard_matrix(presence: pd.DataFrame) -> pd.DataFrame:
    """Share of claims two articles have in common: |A∩B| / |A∪B|, articles x articles.

    Rule for empty sets: an article with no claims shares nothing, not even with itself, so its
    whole row and column are 0.0, its diagonal cell included. Every other diagonal cell is 1.0.
    """
    made = presence.to_numpy(dtype=int)
    shared = made.T @ made
    sizes = np.diag(shared)
    union = sizes[:, None] + sizes[None, :] - shared
    ratio = np.divide(shared, union, out=np.zeros(shared.shape), where=union > 0)
    return pd.DataFrame(ratio, index=presence.columns.copy(), columns=presence.columns.copy())


def intersections(presence: pd.DataFrame) -> pd.DataFrame:
    """Each combination of articles that, exactly, makes at least one claim together (the data of an UpSet chart).

    Claims made by no article are left out. Ordered by n_claims, then n_articles, both descending,
    then by the articles' position in the columns.
    """
    columns = list(presence.columns)
    groups: dict[tuple[str, ...], list[str]] = {}
    for key, row in zip(presence.index, presence.to_numpy(dtype=bool), strict=True):
        members = tuple(article for article, made in zip(columns, row, strict=True) if made)
        if members:
            groups.setdefault(members, []).append(key)
    position = {article: i for i, article in enumerate(columns)}
    order = sorted(groups, key=lambda m: (-len(groups[m]), -len(m), [position[a] for a in m]))
    return pd.DataFrame(
        {
            "articles": pd.Series(order, dtype=object),
            "n_articles": pd.Series([len(m) for m in order], dtype=int),
            "n_claims": pd.Series([len(groups[m]) for m in order], dtype=int),
            "claims": pd.Series([tuple(groups[m]) for m in order], dtype=object),
        },
        columns=INTERSECTION_COLUMNS,
    )


def consensus_counts(presence: pd.DataFrame) -> pd.Series:
    """Number of claims made by exactly n articles, for n from all articles down to one (zeros kept)."""
    spread = source_counts(presence)
    counts = spread.value_counts().reindex(range(len(presence.columns), 0, -1), fill_value=0)
    counts.index.name = "n_articles"
    return counts.astype(int).rename("n_claims")


def unique_claims(presence: pd.DataFrame) -> pd.DataFrame:
    """Claims only one article makes, per article; an article with none gets an empty tuple and n = 0."""
    solo = presence[source_counts(presence) == 1]
    found = [tuple(solo.index[solo[article].to_numpy(dtype=bool)]) for article in presence.columns]
    return pd.DataFrame(
        {
            "article_id": pd.Series(list(presence.columns), dtype=object),
            "claims": pd.Series(found, dtype=object),
            "n": pd.Series([len(keys) for keys in found], dtype=int),
        }
    )


def word_shingles(text: str, n: int = 5) -> set[str]:
    """The text's runs of ``n`` consecutive words, lower-cased and space-joined.

    Curly apostrophes count as straight ones, so a copied template is not hidden by typography.
    A text shorter than ``n`` words (but not empty) is one shingle of all its words; an empty text has none.
    """
    if n < 1:
        raise ValueError(f"shingle length must be at least 1, not {n}")
    words = [word.lower().replace("’", "'") for word in WORD.findall(text)]
    if 0 < len(words) < n:
        return {" ".join(words)}
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def shingle_similarity(texts: dict[str, str], n: int = 5) -> pd.DataFrame:
    """Jaccard similarity of the articles' word shingles, articles x articles in dict order.

    High values mean shared wording, as when articles are filled from one template. Same
    empty-set rule as ``jaccard_matrix``: a text with no words scores 0.0 everywhere.
    """
    shingles = {article: word_shingles(text, n) for article, text in texts.items()}
    every = sorted(set().union(*shingles.values()))
    presence = pd.DataFrame(
        {article: [s in found for s in every] for article, found in shingles.items()},
        index=pd.Index(every, dtype=object),
        columns=pd.Index(list(shingles), name="article", dtype=object),
        dtype=bool,
    )
    return jaccard_matrix(presence)


def mean_pairwise(matrix: pd.DataFrame) -> float:
    """Average similarity over distinct pairs of articles (the diagonal left out); 0.0 with fewer than two."""
    values = matrix.to_numpy(dtype=float)
    upper = values[np.triu_indices(len(values), k=1)]
    return float(upper.mean()) if upper.size else 0.0


def similarity_by_category(claims: pd.DataFrame, article_ids: Iterable[str], categories: Iterable[str]) -> pd.Series:
    """Mean pairwise Jaccard of the asserted claims within each category, and over all of them."""
    ids = list(article_ids)
    scores = {c: mean_pairwise(jaccard_matrix(presence_matrix(claims, ids, categories=c))) for c in categories}
    scores["all claims"] = mean_pairwise(jaccard_matrix(presence_matrix(claims, ids)))
    return pd.Series(scores, name="mean pairwise Jaccard")
