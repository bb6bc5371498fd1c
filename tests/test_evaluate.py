"""Scores, stance agreement and the error table on small hand-made tables with known answers."""

from __future__ import annotations

import math

import pandas as pd
import pytest
import yaml

from kratom_claims.codebook import load_codebook
from kratom_claims.evaluate import (
    ERROR_COLUMNS,
    MISREAD_COLUMNS,
    attribution_table,
    cohen_kappa,
    denied_keys,
    error_table,
    evaluate_articles,
    meets_targets,
    misread_claims,
    rows_by_set,
    score_intervals,
    scores_by_category,
    stance_agreement,
    stance_table,
    summary_by_set,
    unclear_claims,
)

TEXTS = {
    "a1": "Migraine relief\nKratom eases pain. It may cause constipation. Kratom does not cause nausea. Morphine can cause seizures.\n",
    "a2": "Kratom eases pain for some. My lumbago faded with kratom. Borneo kratom is popular.\n",
}


def claim(article_id, category, term, stance, quote):
    start = TEXTS[article_id].index(quote)
    return {
        "article_id": article_id,
        "category": category,
        "term": term,
        "stance": stance,
        "hedged": False,
        "quote": quote,
        "start": start,
        "end": start + len(quote),
    }


@pytest.fixture
def machine():
    return pd.DataFrame(
        [
            claim("a1", "condition", "pain", "asserted", "Kratom eases pain."),
            claim("a1", "condition", "migraine", "asserted", "Migraine relief"),
            claim("a1", "side_effect", "nausea", "denied", "Kratom does not cause nausea."),
            claim("a1", "side_effect", "seizures", "asserted", "Morphine can cause seizures."),
            claim("a2", "condition", "pain", "asserted", "Kratom eases pain for some."),
            claim("a2", "strain", "borneo", "asserted", "Borneo kratom is popular."),
        ]
    )


@pytest.fixture
def curated():
    return pd.DataFrame(
        [
            claim("a1", "condition", "pain", "asserted", "Kratom eases pain."),
            claim("a1", "condition", "pain", "asserted", "Kratom eases pain"),
            claim("a1", "side_effect", "nausea", "asserted", "Kratom does not cause nausea."),
            claim("a1", "side_effect", "constipation", "asserted", "It may cause constipation."),
            claim("a2", "condition", "pain", "denied", "Kratom eases pain for some."),
            claim("a2", "condition", "back_pain", "asserted", "My lumbago faded with kratom."),
            claim("a2", "strain", "borneo", "asserted", "Borneo kratom is popular."),
        ]
    )


@pytest.fixture
def codebook(tmp_path):
    def category(terms):
        return {
            "label": "L",
            "definition": "D.",
            "terms": [{"id": t, "label": t.replace("_", " "), "definition": "D.", "synonyms": s} for t, s in terms],
        }

    document = {
        "categories": {
            "condition": category([("pain", []), ("back_pain", []), ("migraine", []), ("anxiety", [])]),
            "strain": category([("borneo", [])]),
            "side_effect": category([("nausea", []), ("constipation", []), ("seizures", []), ("anxiety", [])]),
            "dosage": category([]),
            "mechanism": category([]),
            "advice": category([]),
        }
    }
    path = tmp_path / "codebook.yml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    return load_codebook(path)


def test_scores_per_category_and_overall(machine, curated):
    scores = scores_by_category(machine, curated)
    assert list(scores.index) == ["condition", "strain", "side_effect", "dosage", "mechanism", "advice", "overall"]
    assert scores.loc["condition", ["curated", "machine", "matched"]].tolist() == [3, 3, 2]
    assert scores.loc["condition", ["precision", "recall", "f1"]].tolist() == pytest.approx([2 / 3, 2 / 3, 2 / 3])
    assert scores.loc["side_effect", ["precision", "recall", "f1"]].tolist() == [0.5, 0.5, 0.5]
    assert scores.loc["strain", ["precision", "recall", "f1"]].tolist() == [1.0, 1.0, 1.0]
    assert scores.loc["overall", ["curated", "machine", "matched"]].tolist() == [6, 6, 4]
    assert scores.loc["overall", "recall"] == pytest.approx(4 / 6)


def test_categories_without_rows_score_nan(machine, curated):
    scores = scores_by_category(machine, curated)
    assert scores.loc["dosage", ["curated", "machine", "matched"]].tolist() == [0, 0, 0]
    assert all(math.isnan(v) for v in scores.loc["dosage", ["precision", "recall", "f1"]])


def test_no_overlap_gives_zero_f1_not_nan(curated):
    other = curated.assign(term="nothing_alike")
    scores = scores_by_category(other, curated)
    assert scores.loc["overall", ["precision", "recall", "f1"]].tolist() == [0.0, 0.0, 0.0]


def test_stance_agreement_and_kappa_on_matched_rows(machine, curated):
    result = stance_agreement(machine, curated)
    assert result["matched"] == 4 and result["agree"] == 2 and result.name == "stance"
    assert result["agreement"] == 0.5
    # machine A D A A, curated A A D A: observed 0.5, chance 0.75*0.75 + 0.25*0.25 = 0.625
    assert result["kappa"] == pytest.approx((0.5 - 0.625) / (1 - 0.625))


def test_a_stance_both_tables_give_counts_as_agreement(machine, curated):
    both = pd.concat([curated, curated.iloc[[2]].assign(stance="denied")], ignore_index=True)
    assert stance_agreement(machine, both)["agree"] == 3


def test_cohen_kappa_known_values():
    first = list("AAADDDAD")
    second = list("AADDDAAD")
    assert cohen_kappa(first, second) == pytest.approx(0.5)
    assert cohen_kappa(list("ADAD"), list("ADAD")) == 1.0
    assert math.isnan(cohen_kappa(list("AAA"), list("AAA")))
    assert math.isnan(cohen_kappa([], []))
    with pytest.raises(ValueError, match="differ in length"):
        cohen_kappa(["A"], ["A", "D"])


def test_error_table_lists_misses_false_alarms_and_stance_disagreements(machine, curated, codebook):
    errors = error_table(machine, curated, TEXTS, codebook)
    assert list(errors.columns) == ERROR_COLUMNS
    assert errors[["kind", "article_id", "term", "machine_stance", "curated_stance", "why"]].values.tolist() == [
        ["miss", "a1", "constipation", "", "asserted", "term found but dropped (subject or dose rule)"],
        ["miss", "a2", "back_pain", "", "asserted", "term not in codebook synonyms"],
        ["false alarm", "a1", "migraine", "asserted", "", "heading or list label, not a claim"],
        ["false alarm", "a1", "seizures", "asserted", "", "claim about another drug"],
        ["stance", "a1", "nausea", "denied", "asserted", "negation read too widely (cue does not govern the term)"],
        ["stance", "a2", "pain", "asserted", "denied", "stance cue missed"],
    ]
    assert errors.loc[1, "sentence"] == "My lumbago faded with kratom."


def test_error_table_names_a_category_mix_up(codebook):
    text = {"a1": "Kratom may ease anxiety."}
    quote = "Kratom may ease anxiety."
    row = {
        "article_id": "a1",
        "term": "anxiety",
        "stance": "asserted",
        "hedged": True,
        "quote": quote,
        "start": 0,
        "end": len(quote),
    }
    machine = pd.DataFrame([{**row, "category": "side_effect"}])
    curated = pd.DataFrame([{**row, "category": "condition"}])
    errors = error_table(machine, curated, text, codebook)
    assert errors[["kind", "category", "why"]].values.tolist() == [
        ["miss", "condition", "found as side_effect: category chosen from the wrong cue"],
        ["false alarm", "side_effect", "curated as condition: category chosen from the wrong cue"],
    ]


def test_error_table_without_codebook_or_text_uses_the_quote(curated):
    errors = error_table(curated.iloc[:0], curated, {})
    assert list(errors["kind"]) == ["miss"] * 6
    assert errors.loc[0, "sentence"] == "Kratom eases pain."


# --- misread claims and per-set reports --------------------------------------------------------

MISREAD_TEXTS = {
    "b1": "Kratom does not cause nausea. Critics say kratom causes seizures. Morphine can cause constipation.\n",
}


def misread_row(category, term, stance, quote, attributed_to=""):
    start = MISREAD_TEXTS["b1"].index(quote)
    return {
        "article_id": "b1",
        "category": category,
        "term": term,
        "stance": stance,
        "attributed_to": attributed_to,
        "quote": quote,
        "start": start,
        "end": start + len(quote),
    }


def test_misread_claims_finds_denied_attributed_and_other_drug_claims_asserted():
    curated = pd.DataFrame(
        [
            misread_row("side_effect", "nausea", "denied", "Kratom does not cause nausea."),
            misread_row("side_effect", "seizures", "asserted", "Critics say kratom causes seizures.", "critics"),
        ]
    )
    machine = pd.DataFrame(
        [
            misread_row("side_effect", "nausea", "asserted", "Kratom does not cause nausea."),
            misread_row("side_effect", "seizures", "asserted", "Critics say kratom causes seizures."),
            misread_row("side_effect", "constipation", "asserted", "Morphine can cause constipation."),
        ]
    )
    found = misread_claims(machine, curated, MISREAD_TEXTS)
    assert list(found.columns) == MISREAD_COLUMNS
    assert list(zip(found["kind"], found["term"], strict=True)) == [
        ("denied claim asserted", "nausea"),
        ("attributed claim asserted as the article's", "seizures"),
        ("proposed in a sentence naming another drug", "constipation"),
    ]


def test_misread_claims_is_empty_when_the_machine_attributes_and_denies_as_the_coder_did():
    rows = [
        misread_row("side_effect", "nausea", "denied", "Kratom does not cause nausea."),
        misread_row("side_effect", "seizures", "asserted", "Critics say kratom causes seizures.", "critics"),
    ]
    assert misread_claims(pd.DataFrame(rows), pd.DataFrame(rows), MISREAD_TEXTS).empty


def test_evaluate_articles_scores_only_the_articles_asked_for(machine, curated):
    only_a2 = evaluate_articles(machine, curated, TEXTS, article_ids=["a2"])
    expected = scores_by_category(machine[machine["article_id"] == "a2"], curated[curated["article_id"] == "a2"])
    pd.testing.assert_frame_equal(only_a2.scores, expected)
    assert set(only_a2.errors["article_id"]) <= {"a2"}


def test_unclear_claims_counts_unclear_keys_by_the_hand_codings_attribution():
    curated = pd.DataFrame(
        [
            misread_row("side_effect", "nausea", "denied", "Kratom does not cause nausea."),
            misread_row("side_effect", "seizures", "asserted", "Critics say kratom causes seizures.", "critics"),
        ]
    )
    machine = pd.DataFrame(
        [
            misread_row("side_effect", "nausea", "denied", "Kratom does not cause nausea.", "unclear"),
            misread_row("side_effect", "seizures", "asserted", "Critics say kratom causes seizures.", "unclear"),
            misread_row("side_effect", "constipation", "asserted", "Morphine can cause constipation.", "unclear"),
        ]
    )
    counts = unclear_claims(machine, curated)
    assert counts.to_dict() == {"attributed": 1, "own voice": 1, "not coded": 1}
    assert misread_claims(machine, curated, MISREAD_TEXTS)["kind"].tolist() == [
        "proposed in a sentence naming another drug"
    ]


def test_unclear_claims_are_none_when_the_machine_places_every_speaker():
    rows = [misread_row("side_effect", "seizures", "asserted", "Critics say kratom causes seizures.", "critics")]
    assert unclear_claims(pd.DataFrame(rows), pd.DataFrame(rows)).to_dict() == {
        "attributed": 0,
        "own voice": 0,
        "not coded": 0,
    }


def perfect_and_misread_sets():
    rows = [
        misread_row("side_effect", "nausea", "denied", "Kratom does not cause nausea."),
        misread_row("side_effect", "seizures", "asserted", "Critics say kratom causes seizures.", "critics"),
    ]
    curated = pd.DataFrame(rows)
    misread_machine = pd.DataFrame(
        [
            misread_row("side_effect", "nausea", "asserted", "Kratom does not cause nausea."),
            misread_row("side_effect", "seizures", "asserted", "Critics say kratom causes seizures.", "unclear"),
        ]
    )
    return {
        "perfect": evaluate_articles(curated, curated, MISREAD_TEXTS),
        "misread": evaluate_articles(misread_machine, curated, MISREAD_TEXTS),
    }


def test_meets_targets_only_with_full_scores_and_no_misleading_error():
    results = perfect_and_misread_sets()
    assert meets_targets(results["perfect"]) is True
    assert meets_targets(results["misread"]) is False


def test_summary_by_set_gives_one_row_per_set_with_scores_misleading_kinds_unclear_and_verdict():
    summary = summary_by_set(perfect_and_misread_sets())
    assert list(summary.index) == ["perfect", "misread"]
    assert summary.loc["perfect", ["precision", "recall", "errors", "unclear", "targets"]].tolist() == [
        1.0,
        1.0,
        0,
        0,
        "met",
    ]
    assert summary.loc["misread", ["denied asserted", "attributed given as own", "other drug"]].tolist() == [1, 0, 0]
    assert summary.loc["misread", ["unclear", "targets"]].tolist() == [1, "not met"]


def test_rows_by_set_stacks_a_table_of_each_set_with_the_set_first():
    stacked = rows_by_set(perfect_and_misread_sets(), "misread")
    assert list(stacked.columns) == ["set", *MISREAD_COLUMNS]
    assert stacked[["set", "kind", "term"]].values.tolist() == [["misread", "denied claim asserted", "nausea"]]


def test_denied_keys_counts_every_denial_missed_denied_or_not():
    curated = pd.DataFrame(
        [
            misread_row("side_effect", "nausea", "denied", "Kratom does not cause nausea."),
            misread_row("side_effect", "seizures", "denied", "Critics say kratom causes seizures."),
            misread_row("side_effect", "constipation", "denied", "Morphine can cause constipation."),
            misread_row("condition", "pain", "asserted", "Kratom does not cause nausea."),
        ]
    )
    machine = pd.DataFrame(
        [
            misread_row("side_effect", "nausea", "denied", "Kratom does not cause nausea."),
            misread_row("side_effect", "seizures", "asserted", "Critics say kratom causes seizures."),
            misread_row("condition", "pain", "asserted", "Kratom does not cause nausea."),
        ]
    )
    assert denied_keys(machine, curated).to_dict() == {
        "denied in the hand coding": 3,
        "missed": 1,
        "denied": 1,
        "not denied": 1,
    }


def test_attribution_table_sets_the_hand_codings_voice_against_the_machines():
    curated = pd.DataFrame(
        [
            misread_row("side_effect", "nausea", "asserted", "Kratom", "critics"),
            misread_row("side_effect", "seizures", "asserted", "Kratom", "critics"),
            misread_row("side_effect", "constipation", "asserted", "Kratom", "users"),
            misread_row("side_effect", "headache", "asserted", "Kratom", "users"),
            misread_row("condition", "pain", "asserted", "Kratom"),
            misread_row("condition", "insomnia", "asserted", "Kratom"),
        ]
    )
    machine = pd.DataFrame(
        [
            misread_row("side_effect", "nausea", "asserted", "Kratom", "critics"),
            misread_row("side_effect", "seizures", "asserted", "Kratom", "users"),
            misread_row("side_effect", "constipation", "asserted", "Kratom", "unclear"),
            misread_row("side_effect", "headache", "asserted", "Kratom"),
            misread_row("condition", "pain", "asserted", "Kratom"),
            misread_row("condition", "insomnia", "asserted", "Kratom", "users"),
        ]
    )
    table = attribution_table(machine, curated)
    assert table.loc["someone else's"].to_dict() == {
        "article's own": 1,
        "unclear": 1,
        "same speaker": 1,
        "another speaker": 1,
    }
    assert table.loc["article's own"].to_dict() == {
        "article's own": 1,
        "unclear": 0,
        "same speaker": 0,
        "another speaker": 1,
    }


def test_score_intervals_bracket_the_estimate_and_collapse_when_every_article_scores_alike(machine, curated):
    intervals = score_intervals(machine, curated)
    overall = scores_by_category(machine, curated).loc["overall"]
    assert list(intervals.index) == ["precision", "recall"]
    for score in ("precision", "recall"):
        assert intervals.loc[score, "estimate"] == pytest.approx(overall[score])
        assert intervals.loc[score, "low"] <= intervals.loc[score, "estimate"] <= intervals.loc[score, "high"]
    perfect = score_intervals(curated, curated)
    assert perfect[["estimate", "low", "high"]].to_numpy().tolist() == [[1.0, 1.0, 1.0], [1.0, 1.0, 1.0]]


def test_score_intervals_widen_when_articles_disagree():
    curated = pd.DataFrame(
        [
            misread_row("side_effect", "nausea", "asserted", "Kratom"),
            misread_row("side_effect", "seizures", "asserted", "Kratom"),
        ]
    )
    other = curated.assign(article_id="b2")
    both = pd.concat([curated, other], ignore_index=True)
    intervals = score_intervals(curated, both, reps=500)
    assert intervals.loc["recall", "estimate"] == 0.5
    assert (intervals.loc["recall", "low"], intervals.loc["recall", "high"]) == (0.0, 1.0)


def test_stance_table_counts_matched_keys_by_machine_and_hand_coded_stance():
    curated = pd.DataFrame(
        [
            misread_row("side_effect", "nausea", "denied", "Kratom does not cause nausea."),
            misread_row("side_effect", "seizures", "asserted", "Critics say kratom causes seizures."),
            misread_row("condition", "pain", "denied", "Kratom does not cause nausea."),
        ]
    )
    machine = pd.DataFrame(
        [
            misread_row("side_effect", "nausea", "asserted", "Kratom does not cause nausea."),
            misread_row("side_effect", "seizures", "asserted", "Critics say kratom causes seizures."),
        ]
    )
    table = stance_table(machine, curated)
    assert list(table.index) == list(table.columns) == ["asserted", "denied"]
    assert table.loc["asserted"].tolist() == [1, 1]
    assert table.loc["denied"].tolist() == [0, 0]
    assert int(table.to_numpy().sum()) == 2
