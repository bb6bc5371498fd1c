"""Reader-facing tables: labels, tallies and dose rows computed from small hand-made claims."""

import numpy as np
import pandas as pd

from kratom_claims.summaries import (
    claim_rows,
    dose_figures,
    dosing_statements,
    labelled_stance_matrix,
    stance_tally,
)

IDS = ["000_aaaa", "001_bbbb", "002_cccc"]


def claims_table():
    rows = [
        ("000-001", "000_aaaa", "condition", "chronic_pain", "asserted", False, np.nan, np.nan),
        ("000-002", "000_aaaa", "dosage", "dose_range", "asserted", False, 2.0, 4.0),
        ("001-001", "001_bbbb", "condition", "chronic_pain", "asserted", True, np.nan, np.nan),
        ("001-002", "001_bbbb", "condition", "anxiety", "denied", False, np.nan, np.nan),
        ("001-003", "001_bbbb", "side_effect", "nausea", "asserted", True, np.nan, np.nan),
    ]
    table = pd.DataFrame(
        rows, columns=["claim_id", "article_id", "category", "term", "stance", "hedged", "dose_low_g", "dose_high_g"]
    )
    table["quote"] = "q " + table["claim_id"]
    table["note"] = ""
    table["comparator"] = ["", "", "", "", "opioids"]
    table["attributed_to"] = ["", "", "users", "", ""]
    return table


def test_labelled_stance_matrix_uses_labels_and_keeps_an_article_without_claims(tiny_codebook):
    matrix = labelled_stance_matrix(claims_table(), tiny_codebook, "condition", IDS)
    assert list(matrix.columns) == ["000", "001", "002"]
    assert matrix.loc["Chronic pain"].tolist() == ["asserted", "hedged", ""]
    assert matrix.loc["Anxiety"].tolist() == ["", "denied", ""]


def test_stance_tally_counts_articles_per_stance(tiny_codebook):
    tally = stance_tally(labelled_stance_matrix(claims_table(), tiny_codebook, "condition", IDS))
    assert tally.loc["Chronic pain"].to_dict() == {
        "asserted": 1,
        "hedged": 1,
        "denied": 0,
        "asserted + denied": 0,
        "sources": 2,
    }
    assert tally.loc["Anxiety", "denied"] == 1


def test_claim_rows_show_labels_and_readable_hedges(tiny_codebook):
    rows = claim_rows(claims_table(), tiny_codebook, ["side_effect"])
    assert rows.to_dict("index") == {
        "001-003": {
            "article": "001",
            "category": "side_effect",
            "term": "Nausea",
            "stance": "asserted",
            "hedged": "yes",
            "compared with": "Opioids",
            "attributed to": "",
            "quote": "q 001-003",
            "note": "",
        }
    }


def test_dose_figures_keep_only_rows_with_grams(tiny_codebook):
    doses = dose_figures(claims_table(), tiny_codebook)
    assert doses.index.tolist() == ["000-002"]
    assert doses.loc["000-002", ["label", "dose_low_g", "dose_high_g"]].tolist() == ["Dose range", 2.0, 4.0]


def test_dosing_statements_keep_wordy_dosage_and_dosing_advice(tiny_codebook):
    table = claims_table()
    extra = pd.DataFrame(
        [
            ("001-004", "001_bbbb", "dosage", "dose_range", "asserted", False, np.nan, np.nan, "q", "", "", ""),
            (
                "001-005",
                "001_bbbb",
                "advice",
                "consult_professional",
                "asserted",
                False,
                np.nan,
                np.nan,
                "q",
                "",
                "",
                "",
            ),
        ],
        columns=table.columns,
    )
    rows = dosing_statements(pd.concat([table, extra], ignore_index=True), tiny_codebook)
    assert rows.index.tolist() == ["001-004"]


def test_key_labels_name_the_category_and_the_term_label(tiny_codebook):
    from kratom_claims.summaries import key_labels

    assert key_labels(["condition:chronic_pain", "side_effect:nausea"], tiny_codebook) == [
        "condition: Chronic pain",
        "side effect: Nausea",
    ]


def test_naming_and_denying_counts_a_mixed_article_in_both_columns():
    from kratom_claims.summaries import naming_and_denying

    matrix = pd.DataFrame(
        {
            "000": ["hedged", "denied", ""],
            "001": ["asserted + denied", "denied", "asserted"],
            "002": ["denied", "", ""],
        },
        index=["Dependence", "Sedation", "Nausea"],
    )
    table = naming_and_denying(matrix)
    assert table.to_dict("index") == {
        "Dependence": {"articles asserting": 2, "articles denying": 2},
        "Sedation": {"articles asserting": 0, "articles denying": 2},
        "Nausea": {"articles asserting": 1, "articles denying": 0},
    }


def test_leaders_name_every_tied_entry_and_none_for_all_zero():
    from kratom_claims.summaries import leaders

    assert leaders(pd.Series({"Chronic pain": 5, "Pain": 5, "Anxiety": 3})) == (["Chronic pain", "Pain"], 5)
    assert leaders(pd.Series({"Anxiety": 1, "Pain": 4})) == (["Pain"], 4)
    assert leaders(pd.Series({"Pain": 0})) == ([], 0)
    assert leaders(pd.Series(dtype=int)) == ([], 0)
    names, top = leaders(pd.Series({"000": 12.5, "001": 16.58, "002": 16.58}))
    assert (names, top, type(top)) == (["001", "002"], 16.58, float)
    assert type(leaders(pd.Series({"Pain": 4}))[1]) is int


def test_join_names_reads_as_prose():
    from kratom_claims.summaries import join_names

    assert join_names([]) == "none"
    assert join_names(["Pain"]) == "Pain"
    assert join_names(["Chronic pain", "Pain"]) == "Chronic pain and Pain"
    assert join_names(["A", "B", "C"], "or") == "A, B or C"
