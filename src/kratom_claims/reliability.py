"""Agreement between two independent codings of the same articles, as content analysis reports it.

The unit is one article and one codebook term. For each unit a coder either coded the term or
not (presence); where both coded it, their positions (asserted, hedged, denied, asserted +
denied), whether they made it a comparison, and whether they attributed it to someone else can
be compared too. Agreement is reported as Cohen's kappa and Krippendorff's alpha, with a
bootstrap interval over articles, because units of one article are not independent and five
articles make any point estimate unstable.
"""

from __future__ import annotations

from collections.abc import Iterable

import krippendorff
import numpy as np
import pandas as pd

from .codebook import Codebook
from .evaluate import cohen_kappa
from .overlap import ASSERTED, HEDGED, stance_position

UNIT = ["article_id", "category", "term"]
CODERS = ("coder1", "coder2")
ASPECTS = {
    "presence": "Term coded at all",
    "position": "Position (asserted, hedged, denied, or both)",
    "hedged": "Hedged, where both coders assert the term",
    "comparator": "Made a comparison with another treatment",
    "attributed": "Attributed to someone else",
}
BOOTSTRAP_SEED = 20261127


def _unit_codes(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per coded unit: the coder's position on it, and whether any row compares or attributes."""
    rows = []
    for (article_id, category, term), group in claims.groupby(UNIT, sort=True):
        rows.append(
            {
                "article_id": article_id,
                "category": category,
                "term": term,
                "position": stance_position(group),
                "comparator": bool(group["comparator"].astype(str).ne("").any()),
                "attributed": bool(group["attributed_to"].astype(str).ne("").any()),
            }
        )
    return pd.DataFrame(rows, columns=[*UNIT, "position", "comparator", "attributed"]).set_index(UNIT)


def coded_articles(first: pd.DataFrame, second: pd.DataFrame, article_ids: Iterable[str]) -> list[str]:
    """The articles, in the book's order, that either coding covers: articles added after the two
    codings were made must not count as units on which both agree that nothing was claimed."""
    covered = set(first["article_id"]) | set(second["article_id"])
    return [a for a in article_ids if a in covered]


def coding_units(
    first: pd.DataFrame, second: pd.DataFrame, codebook: Codebook, article_ids: Iterable[str], categories: Iterable[str]
) -> pd.DataFrame:
    """Every article x codebook term of ``categories``, with each coder's codes (position "" where not coded)."""
    ids, chosen = list(article_ids), list(categories)
    terms = codebook.terms[codebook.terms["category"].isin(chosen)]
    index = pd.MultiIndex.from_tuples(
        [(a, c, t) for a in ids for c, t in zip(terms["category"], terms["term"], strict=True)], names=UNIT
    )
    units = pd.DataFrame(index=index)
    for name, claims in zip(CODERS, (first, second), strict=True):
        codes = _unit_codes(claims[claims["category"].isin(chosen)]).reindex(index)
        units[f"{name}_position"] = codes["position"].fillna("").astype(object)
        for column in ("comparator", "attributed"):
            units[f"{name}_{column}"] = codes[column].astype("boolean").fillna(False).astype(bool)
    for name in CODERS:
        units[f"{name}_presence"] = units[f"{name}_position"] != ""
    return units


def aspect_pairs(units: pd.DataFrame, aspect: str) -> pd.DataFrame:
    """The two coders' labels on the units where ``aspect`` can be compared, indexed by unit.

    Presence is compared on every unit; the other aspects only where both coders coded the term,
    and "hedged" only where both assert it (hedged or plain).
    """
    if aspect not in ASPECTS:
        raise ValueError(f"unknown aspect {aspect!r}; choose from {', '.join(ASPECTS)}")
    chosen = units
    if aspect != "presence":
        chosen = chosen[chosen["coder1_presence"] & chosen["coder2_presence"]]
    if aspect == "hedged":
        asserting = (ASSERTED, HEDGED)
        chosen = chosen[chosen["coder1_position"].isin(asserting) & chosen["coder2_position"].isin(asserting)]
        return pd.DataFrame({c: chosen[f"{c}_position"] == HEDGED for c in CODERS})
    column = "position" if aspect == "position" else aspect
    return pd.DataFrame({c: chosen[f"{c}_{column}"] for c in CODERS})


def _codes(pairs: pd.DataFrame, level: str) -> np.ndarray:
    """The two coders' labels as a 2 x units array of numbers, as the krippendorff package wants them."""
    if level == "nominal":
        labels = pairs[list(CODERS)].astype(str).to_numpy().T
        return np.unique(labels, return_inverse=True)[1].reshape(labels.shape).astype(float)
    return pairs[list(CODERS)].to_numpy(dtype=float).T


def _alpha(codes: np.ndarray, level: str) -> float:
    if len(np.unique(codes)) < 2:
        return float("nan")
    return float(krippendorff.alpha(reliability_data=codes, level_of_measurement=level))


def krippendorff_alpha(pairs: pd.DataFrame, level: str = "nominal") -> float:
    """Alpha for two coders and no missing values; NaN when every label is the same."""
    return _alpha(_codes(pairs, level), level)


def bootstrap_alpha(
    pairs: pd.DataFrame, level: str = "nominal", reps: int = 2000, seed: int = BOOTSTRAP_SEED
) -> tuple[float, float]:
    """A 95% percentile interval for alpha, resampling whole articles with replacement.

    Resamples where every label is the same (alpha undefined) are skipped. Labels are turned into
    numbers once, before resampling, so each resample costs one call of the alpha function.
    """
    rng = np.random.default_rng(seed)
    codes = _codes(pairs, level)
    articles = pairs.index.get_level_values("article_id")
    groups = [codes[:, np.asarray(articles == a)] for a in dict.fromkeys(articles)]
    estimates = []
    for _ in range(reps):
        drawn = rng.choice(len(groups), size=len(groups), replace=True)
        alpha = _alpha(np.concatenate([groups[i] for i in drawn], axis=1), level)
        if not np.isnan(alpha):
            estimates.append(alpha)
    if not estimates:
        return float("nan"), float("nan")
    low, high = np.percentile(estimates, [2.5, 97.5])
    return float(low), float(high)


def agreement_table(units: pd.DataFrame, reps: int = 2000, aspects: Iterable[str] = tuple(ASPECTS)) -> pd.DataFrame:
    """Per aspect: units compared, share on which the coders agree, Cohen's kappa, alpha and its interval."""
    rows = []
    for aspect in aspects:
        label = ASPECTS[aspect]
        pairs = aspect_pairs(units, aspect)
        first, second = list(pairs["coder1"]), list(pairs["coder2"])
        low, high = bootstrap_alpha(pairs, reps=reps)
        rows.append(
            {
                "aspect": label,
                "units": len(pairs),
                "agreement": float(np.mean([a == b for a, b in zip(first, second, strict=True)]))
                if len(pairs)
                else float("nan"),
                "kappa": cohen_kappa(first, second),
                "alpha": krippendorff_alpha(pairs),
                "alpha_low": low,
                "alpha_high": high,
            }
        )
    return pd.DataFrame(rows).set_index("aspect")


def disagreements(units: pd.DataFrame) -> pd.DataFrame:
    """Units on which the coders differ in presence or position, with what each coded ("" = not coded)."""
    differ = units["coder1_position"] != units["coder2_position"]
    table = units.loc[differ, ["coder1_position", "coder2_position"]].reset_index()
    return table.rename(columns={"coder1_position": "coder1", "coder2_position": "coder2"})


def rating_pairs(first: pd.DataFrame, second: pd.DataFrame) -> pd.DataFrame:
    """Two raters' scores on the same (article, item), as integers, indexed by article and item."""
    key = ["article_id", "item"]
    joined = first[[*key, "score"]].merge(second[[*key, "score"]], on=key, how="outer", suffixes=("_1", "_2"))
    missing = joined[joined[["score_1", "score_2"]].isna().any(axis=1)]
    if len(missing):
        where = missing.iloc[0]
        raise ValueError(f"article {where['article_id']} item {where['item']} is rated by one rater only")
    pairs = pd.DataFrame(
        {"coder1": joined["score_1"].astype(int).to_numpy(), "coder2": joined["score_2"].astype(int).to_numpy()},
        index=pd.MultiIndex.from_frame(joined[key].astype({"item": int})),
    )
    return pairs.sort_index()
