"""Agreement between two codings: units, the aspects compared, kappa, alpha and its bootstrap interval."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from kratom_claims.codebook import CATEGORIES
from kratom_claims.reliability import (
    agreement_table,
    aspect_pairs,
    bootstrap_alpha,
    coded_articles,
    coding_units,
    disagreements,
    krippendorff_alpha,
    rating_pairs,
)

COLUMNS = ["article_id", "category", "term", "stance", "hedged", "comparator", "attributed_to"]


def coding(*rows):
    return pd.DataFrame(rows, columns=COLUMNS)


FIRST = coding(
    ("000_aaaa", "condition", "chronic_pain", "asserted", False, "", ""),
    ("000_aaaa", "side_effect", "nausea", "denied", True, "opioids", ""),
    ("001_bbbb", "condition", "pain", "asserted", True, "", ""),
    ("001_bbbb", "condition", "anxiety", "asserted", False, "", "users"),
)
SECOND = coding(
    ("000_aaaa", "condition", "chronic_pain", "asserted", True, "", ""),
    ("000_aaaa", "side_effect", "nausea", "denied", True, "opioids", ""),
    ("001_bbbb", "condition", "pain", "asserted", True, "", ""),
    ("001_bbbb", "strain", "red_vein", "asserted", False, "", ""),
)
IDS = ["000_aaaa", "001_bbbb"]


@pytest.fixture
def units(tiny_codebook):
    return coding_units(FIRST, SECOND, tiny_codebook, IDS, CATEGORIES)


def test_every_article_and_claim_term_is_a_unit(units, tiny_codebook):
    claim_terms = tiny_codebook.terms[tiny_codebook.terms["category"].isin(CATEGORIES)]
    assert len(units) == len(IDS) * len(claim_terms) == 18
    assert units.loc[("000_aaaa", "condition", "chronic_pain"), ["coder1_position", "coder2_position"]].tolist() == [
        "asserted",
        "hedged",
    ]
    assert units.loc[("001_bbbb", "condition", "anxiety"), ["coder1_presence", "coder2_presence"]].tolist() == [
        True,
        False,
    ]
    assert units.loc[("000_aaaa", "side_effect", "nausea"), ["coder1_comparator", "coder2_comparator"]].tolist() == [
        True,
        True,
    ]


def test_presence_is_compared_on_every_unit_and_the_rest_where_both_coded(units):
    assert len(aspect_pairs(units, "presence")) == 18
    both = aspect_pairs(units, "position")
    assert list(both.index) == [
        ("000_aaaa", "condition", "chronic_pain"),
        ("000_aaaa", "side_effect", "nausea"),
        ("001_bbbb", "condition", "pain"),
    ]
    hedged = aspect_pairs(units, "hedged")
    assert hedged.to_dict("list") == {"coder1": [False, True], "coder2": [True, True]}
    with pytest.raises(ValueError, match="unknown aspect 'tone'"):
        aspect_pairs(units, "tone")


def test_disagreements_list_presence_and_position_differences(units):
    table = disagreements(units)
    assert table[["article_id", "term", "coder1", "coder2"]].values.tolist() == [
        ["000_aaaa", "chronic_pain", "asserted", "hedged"],
        ["001_bbbb", "anxiety", "asserted", ""],
        ["001_bbbb", "red_vein", "", "asserted"],
    ]


def test_alpha_is_one_for_identical_codings_and_below_for_disagreement():
    same = pd.DataFrame({"coder1": ["a", "b", "a", "b"], "coder2": ["a", "b", "a", "b"]})
    assert krippendorff_alpha(same) == pytest.approx(1.0)
    differ = pd.DataFrame({"coder1": ["a", "b", "a", "b"], "coder2": ["a", "b", "b", "a"]})
    assert krippendorff_alpha(differ) == pytest.approx(1 - 7 * 4 / (2 * 4 * 4))


def test_alpha_matches_the_textbook_value_for_two_coders():
    # Two coders, ten units, one disagreement: nominal alpha = 1 - (n-1) * D_o / D_e, computed by hand.
    first = ["y"] * 4 + ["n"] * 6
    second = ["y"] * 3 + ["n"] * 7
    pairs = pd.DataFrame({"coder1": first, "coder2": second})
    pooled_y, pooled_n, n = 7, 13, 20
    expected = 1 - (n - 1) * (2 / n) / (2 * pooled_y * pooled_n / n)
    assert krippendorff_alpha(pairs) == pytest.approx(expected)


def test_alpha_is_undefined_when_every_label_is_the_same():
    assert math.isnan(krippendorff_alpha(pd.DataFrame({"coder1": ["a", "a"], "coder2": ["a", "a"]})))


def test_bootstrap_interval_resamples_articles_and_brackets_the_estimate():
    index = pd.MultiIndex.from_tuples(
        [(f"a{k // 4}", "condition", f"t{k}") for k in range(16)], names=["article_id", "category", "term"]
    )
    first = ["y", "n", "y", "n"] * 4
    second = ["y", "n", "y", "y"] * 2 + ["y", "n", "y", "n"] * 2
    pairs = pd.DataFrame({"coder1": first, "coder2": second}, index=index)
    low, high = bootstrap_alpha(pairs, reps=300)
    assert low <= krippendorff_alpha(pairs) <= high
    assert low < high <= 1.0
    assert bootstrap_alpha(pairs, reps=300) == (low, high)


def test_agreement_table_reports_each_aspect(units):
    table = agreement_table(units, reps=50)
    assert list(table.index) == [
        "Term coded at all",
        "Position (asserted, hedged, denied, or both)",
        "Hedged, where both coders assert the term",
        "Made a comparison with another treatment",
        "Attributed to someone else",
    ]
    assert table.loc["Term coded at all", "units"] == 18
    assert table.loc["Term coded at all", "agreement"] == pytest.approx(16 / 18)
    assert table.loc["Position (asserted, hedged, denied, or both)", "agreement"] == pytest.approx(2 / 3)


def test_rating_pairs_join_scores_and_refuse_a_missing_rating():
    first = pd.DataFrame({"article_id": ["a", "a"], "item": [1, 2], "score": [3, 5]})
    second = pd.DataFrame({"article_id": ["a", "a"], "item": [2, 1], "score": ["4", "3"]})
    assert rating_pairs(first, second).to_dict("list") == {"coder1": [3, 5], "coder2": [3, 4]}
    with pytest.raises(ValueError, match="article a item 2 is rated by one rater only"):
        rating_pairs(first, second.iloc[[1]])


def test_articles_added_after_the_codings_are_not_units():
    assert coded_articles(FIRST, SECOND, ["000_aaaa", "005_new", "001_bbbb"]) == ["000_aaaa", "001_bbbb"]
