"""Overlap tables on small hand-made claim tables, with every expected value worked out by hand."""

import pandas as pd
import pytest

from kratom_claims.overlap import (
    claim_key,
    consensus_counts,
    intersections,
    jaccard_matrix,
    presence_matrix,
    shingle_similarity,
    source_counts,
    stance_matrix,
    unique_claims,
    word_shingles,
)

SIX = ["001_a", "002_b", "003_c", "004_d", "005_e", "006_f"]  # 005 makes no claims at all


def claims_table(rows):
    return pd.DataFrame(rows, columns=["article_id", "category", "term", "stance", "hedged"])


@pytest.fixture
def six_articles():
    rows = [(a, "condition", "pain", "asserted", False) for a in ["001_a", "002_b", "003_c", "004_d", "006_f"]]
    rows += [
        ("002_b", "condition", "pain", "asserted", True),
        ("003_c", "condition", "pain", "denied", False),
        ("001_a", "condition", "anxiety", "asserted", True),
        ("002_b", "condition", "anxiety", "asserted", False),
        ("001_a", "strain", "red_vein", "asserted", False),
        ("002_b", "strain", "red_vein", "asserted", False),
        ("003_c", "side_effect", "nausea", "asserted", False),
        ("004_d", "side_effect", "nausea", "denied", False),
        ("004_d", "condition", "insomnia", "asserted", True),
        ("006_f", "dosage", "low", "asserted", False),
    ]
    return claims_table(rows)


@pytest.fixture
def presence(six_articles):
    return presence_matrix(six_articles, SIX)


def test_claim_key_joins_category_and_term():
    table = claims_table(
        [("x", "condition", "anxiety", "asserted", False), ("x", "side_effect", "anxiety", "asserted", False)]
    )
    assert list(claim_key(table)) == ["condition:anxiety", "side_effect:anxiety"]


def test_presence_rows_most_shared_first_then_by_key(presence):
    assert list(presence.index) == [
        "condition:pain",
        "condition:anxiety",
        "strain:red_vein",
        "condition:insomnia",
        "dosage:low",
        "side_effect:nausea",
    ]
    assert list(presence.columns) == SIX
    assert presence.dtypes.eq(bool).all()
    assert presence.loc["condition:pain"].tolist() == [True, True, True, True, False, True]
    assert presence.loc["side_effect:nausea"].tolist() == [False, False, True, False, False, False]


def test_presence_keeps_article_without_claims_as_empty_column(presence):
    assert not presence["005_e"].any()


def test_presence_with_any_stance_counts_denials(six_articles):
    anything = presence_matrix(six_articles, SIX, stance=None)
    assert anything.loc["side_effect:nausea"].tolist() == [False, False, True, True, False, False]
    assert list(anything.index[:4]) == ["condition:pain", "condition:anxiety", "side_effect:nausea", "strain:red_vein"]


def test_presence_with_denied_stance_only(six_articles):
    denied = presence_matrix(six_articles, SIX, stance="denied")
    assert list(denied.index) == ["condition:pain", "side_effect:nausea"]
    assert denied.sum().tolist() == [0, 0, 1, 1, 0, 0]


def test_presence_filters_categories(six_articles):
    assert list(presence_matrix(six_articles, SIX, categories="strain").index) == ["strain:red_vein"]
    both = presence_matrix(six_articles, SIX, categories=["strain", "dosage"])
    assert list(both.index) == ["strain:red_vein", "dosage:low"]


def test_presence_of_no_claims_still_has_every_article():
    empty = presence_matrix(claims_table([]), SIX)
    assert empty.shape == (0, 6)
    assert list(empty.columns) == SIX


def test_article_order_comes_from_article_ids(six_articles):
    reversed_ids = SIX[::-1]
    assert list(presence_matrix(six_articles, reversed_ids).columns) == reversed_ids


def test_claims_from_unlisted_article_are_refused(six_articles):
    with pytest.raises(ValueError, match="006_f"):
        presence_matrix(six_articles, SIX[:5])


def test_repeated_article_id_is_refused(six_articles):
    with pytest.raises(ValueError, match="repeats 001_a"):
        presence_matrix(six_articles, SIX + ["001_a"])


def test_unknown_stance_is_refused(six_articles):
    with pytest.raises(ValueError, match="stance"):
        presence_matrix(six_articles, SIX, stance="hedged")
    six_articles.loc[0, "stance"] = "maybe"
    with pytest.raises(ValueError, match="'maybe'"):
        stance_matrix(six_articles, "condition", SIX)


def test_stance_matrix_cells(six_articles):
    table = stance_matrix(six_articles, "condition", SIX)
    assert list(table.index) == ["pain", "anxiety", "insomnia"]
    assert list(table.columns) == SIX
    assert table.loc["pain"].tolist() == ["asserted", "asserted", "asserted + denied", "asserted", "", "asserted"]
    assert table.loc["anxiety"].tolist() == ["hedged", "asserted", "", "", "", ""]
    assert table.loc["insomnia"].tolist() == ["", "", "", "hedged", "", ""]


def test_stance_matrix_orders_terms_by_sources_of_any_stance(six_articles):
    extra = claims_table([("005_e", "side_effect", "constipation", "asserted", "false")])
    table = stance_matrix(pd.concat([six_articles, extra]), "side_effect", SIX)
    assert list(table.index) == ["nausea", "constipation"]
    assert table.loc["nausea"].tolist() == ["", "", "asserted", "denied", "", ""]
    assert table.loc["constipation", "005_e"] == "asserted"


def test_stance_matrix_reads_hedged_as_text_too():
    table = stance_matrix(claims_table([("x", "condition", "pain", "asserted", "true")]), "condition", ["x", "y"])
    assert table.loc["pain"].tolist() == ["hedged", ""]


def test_source_counts(presence):
    assert source_counts(presence).tolist() == [5, 2, 2, 1, 1, 1]


def test_jaccard_values(presence):
    matrix = jaccard_matrix(presence)
    assert list(matrix.index) == SIX and list(matrix.columns) == SIX
    assert matrix.loc["001_a", "002_b"] == 1.0
    assert matrix.loc["001_a", "003_c"] == 0.25
    assert matrix.loc["003_c", "004_d"] == pytest.approx(1 / 3)
    assert matrix.loc["006_f", "004_d"] == pytest.approx(1 / 3)
    assert (matrix == matrix.T).all().all()


def test_jaccard_empty_article_is_zero_even_on_diagonal(presence):
    matrix = jaccard_matrix(presence)
    assert matrix.loc["005_e"].tolist() == [0.0] * 6
    assert matrix["005_e"].tolist() == [0.0] * 6
    assert [matrix.loc[a, a] for a in SIX] == [1.0, 1.0, 1.0, 1.0, 0.0, 1.0]


def test_intersections_rows(presence):
    table = intersections(presence)
    assert list(table.columns) == ["articles", "n_articles", "n_claims", "claims"]
    assert table.to_dict("records") == [
        {
            "articles": ("001_a", "002_b"),
            "n_articles": 2,
            "n_claims": 2,
            "claims": ("condition:anxiety", "strain:red_vein"),
        },
        {
            "articles": ("001_a", "002_b", "003_c", "004_d", "006_f"),
            "n_articles": 5,
            "n_claims": 1,
            "claims": ("condition:pain",),
        },
        {"articles": ("003_c",), "n_articles": 1, "n_claims": 1, "claims": ("side_effect:nausea",)},
        {"articles": ("004_d",), "n_articles": 1, "n_claims": 1, "claims": ("condition:insomnia",)},
        {"articles": ("006_f",), "n_articles": 1, "n_claims": 1, "claims": ("dosage:low",)},
    ]


def test_intersections_of_no_claims_is_empty_with_columns():
    table = intersections(presence_matrix(claims_table([]), SIX))
    assert table.empty
    assert list(table.columns) == ["articles", "n_articles", "n_claims", "claims"]


def test_consensus_counts_from_all_articles_down_to_one(presence):
    counts = consensus_counts(presence)
    assert counts.index.tolist() == [6, 5, 4, 3, 2, 1]
    assert counts.tolist() == [0, 1, 0, 0, 2, 3]


def test_unique_claims_one_row_per_article(presence):
    table = unique_claims(presence)
    assert table["article_id"].tolist() == SIX
    assert table["claims"].tolist() == [(), (), ("side_effect:nausea",), ("condition:insomnia",), (), ("dosage:low",)]
    assert table["n"].tolist() == [0, 0, 1, 1, 0, 1]


def test_word_shingles_lower_cased_runs():
    assert word_shingles("The cat sat on the mat.", n=3) == {"the cat sat", "cat sat on", "sat on the", "on the mat"}


def test_word_shingles_short_and_empty_texts():
    assert word_shingles("Kratom helps", n=5) == {"kratom helps"}
    assert word_shingles("  ...  ", n=5) == set()
    with pytest.raises(ValueError):
        word_shingles("a b", n=0)


def test_word_shingles_treat_curly_apostrophe_as_straight():
    assert word_shingles("Don’t take it", n=3) == word_shingles("don't take it", n=3) == {"don't take it"}


def test_shingle_similarity_values_and_order():
    texts = {"x": "one two three four", "y": "One two three five", "e": ""}
    matrix = shingle_similarity(texts, n=2)
    assert list(matrix.columns) == ["x", "y", "e"]
    assert matrix.loc["x", "y"] == 0.5
    assert matrix.loc["x", "x"] == 1.0
    assert matrix.loc["e"].tolist() == [0.0, 0.0, 0.0]


def test_shingle_similarity_of_seven_texts_keeps_them_all():
    texts = {f"00{i}_t": f"kratom is said to help {i}" for i in range(7)}
    matrix = shingle_similarity(texts, n=5)
    assert matrix.shape == (7, 7)
    # each text: shingles "kratom is said to help" and "is said to help <i>"; only the first is shared
    assert matrix.loc["000_t", "006_t"] == pytest.approx(1 / 3)


def test_mean_pairwise_averages_the_off_diagonal_pairs():
    from kratom_claims.overlap import mean_pairwise

    matrix = pd.DataFrame([[1.0, 0.5, 0.0], [0.5, 1.0, 0.25], [0.0, 0.25, 1.0]])
    assert mean_pairwise(matrix) == pytest.approx(0.25)
    assert mean_pairwise(pd.DataFrame([[1.0]])) == 0.0


def test_similarity_by_category_scores_each_category_and_all_claims():
    from kratom_claims.overlap import similarity_by_category

    claims = pd.DataFrame(
        {
            "article_id": ["a", "b", "a", "b"],
            "category": ["condition", "condition", "strain", "strain"],
            "term": ["pain", "pain", "red_vein", "bali"],
            "stance": ["asserted"] * 4,
            "hedged": [False] * 4,
        }
    )
    scores = similarity_by_category(claims, ["a", "b"], ["condition", "strain"])
    assert scores.to_dict() == {"condition": 1.0, "strain": 0.0, "all claims": pytest.approx(1 / 3)}
