"""Evidence rows are refused when they name an unknown term, value or source; claims get the documented verdicts."""

from __future__ import annotations

import pandas as pd
import pytest

from kratom_claims.bibliography import bib_keys
from kratom_claims.errors import DataError, EvidenceError
from kratom_claims.evidence import EVIDENCE_COLUMNS, evidence_on, is_benchmark, load_evidence, term_keys
from kratom_claims.risks import (
    documented_risks,
    internal_contradictions,
    risk_omission_matrix,
    risk_sources,
    risk_tally,
)
from kratom_claims.verdicts import (
    NOT_FOUND,
    claim_verdict_rows,
    claims_against_opioids,
    combine_verdicts,
    evidence_for_claims,
    verdict_counts,
)

BIB = """% a comment line
@article{smith2020,
  title = {A study},
}
  @misc{ agency2019 ,
  note = {x},
}
@comment{ignored1,
}
@string{journal = {J}}
"""

GOOD_ROW = {
    "evidence_id": "E01",
    "terms": "condition:pain; side_effect:nausea",
    "topic": "pain relief: a trial",
    "finding": "A finding.",
    "numbers": "n=10",
    "strength": "weak",
    "finding_type": "effect",
    "verdict_for_claims": "supports",
    "claim_direction": "asserted",
    "comparator": "",
    "citation_key": "smith2020",
    "confidence": "A",
    "note": "",
}


@pytest.fixture
def bib(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    return path


def write_evidence(tmp_path, rows, columns=EVIDENCE_COLUMNS):
    path = tmp_path / "evidence.csv"
    pd.DataFrame(rows, columns=columns).to_csv(path, index=False)
    return path


def evidence_table(*rows, comparators=None):
    """Evidence as load_evidence returns it, built directly: (id, terms, strength, verdict, direction, key[, topic]);
    ``comparators`` maps an evidence id to its comparator."""
    records = []
    for row in rows:
        evidence_id, terms, strength, verdict, direction, key, *topic = row
        records.append(
            {
                **GOOD_ROW,
                "evidence_id": evidence_id,
                "terms": terms,
                "strength": strength,
                "verdict_for_claims": verdict,
                "claim_direction": direction,
                "citation_key": key,
                "topic": topic[0] if topic else "a topic",
                "comparator": (comparators or {}).get(evidence_id, ""),
            }
        )
    table = pd.DataFrame(records, columns=EVIDENCE_COLUMNS)
    table["term_keys"] = table["terms"].map(term_keys)
    return table


def claims_table(*rows):
    """Claims with the columns the evidence functions read: (id, article, category, term, stance, hedged, quote,
    start, end[, comparator])."""
    columns = ["claim_id", "article_id", "category", "term", "stance", "hedged", "quote", "start", "end", "comparator"]
    return pd.DataFrame([(*row, "") if len(row) == 9 else row for row in rows], columns=columns)


def test_bib_keys_reads_entry_keys_and_skips_comments_and_strings(bib):
    assert bib_keys(bib) == {"smith2020", "agency2019"}


def test_missing_bibliography_is_refused(tmp_path):
    with pytest.raises(EvidenceError, match="refs.bib: bibliography file is missing"):
        bib_keys(tmp_path / "refs.bib")


def test_valid_evidence_loads_with_term_keys(tmp_path, tiny_codebook, bib):
    path = write_evidence(tmp_path, [GOOD_ROW, {**GOOD_ROW, "evidence_id": "E02", "terms": "advice:consult_doctor"}])
    evidence = load_evidence(path, tiny_codebook, bib)
    assert list(evidence["evidence_id"]) == ["E01", "E02"]
    assert evidence.loc[0, "term_keys"] == ("condition:pain", "side_effect:nausea")
    assert evidence.loc[1, "term_keys"] == ("advice:consult_doctor",)


def test_evidence_error_is_a_data_error_naming_the_file(tmp_path, tiny_codebook, bib):
    with pytest.raises(DataError, match=r"evidence\.csv: evidence file is missing"):
        load_evidence(tmp_path / "evidence.csv", tiny_codebook, bib)


def test_a_file_that_is_not_utf8_is_refused(tmp_path, tiny_codebook, bib):
    path = tmp_path / "evidence.csv"
    path.write_bytes(b"evidence_id,terms\nE01,\xff\xfe\n")
    with pytest.raises(EvidenceError, match="not a readable UTF-8 CSV"):
        load_evidence(path, tiny_codebook, bib)


def test_a_missing_column_is_named(tmp_path, tiny_codebook, bib):
    columns = [c for c in EVIDENCE_COLUMNS if c != "strength"]
    path = write_evidence(tmp_path, [{k: v for k, v in GOOD_ROW.items() if k != "strength"}], columns)
    with pytest.raises(EvidenceError, match="missing column"):
        load_evidence(path, tiny_codebook, bib)


def test_an_unexpected_column_is_named(tmp_path, tiny_codebook, bib):
    path = write_evidence(tmp_path, [{**GOOD_ROW, "extra": "x"}], [*EVIDENCE_COLUMNS, "extra"])
    with pytest.raises(EvidenceError, match="unexpected column"):
        load_evidence(path, tiny_codebook, bib)


def test_a_repeated_evidence_id_names_both_rows(tmp_path, tiny_codebook, bib):
    path = write_evidence(tmp_path, [GOOD_ROW, GOOD_ROW])
    with pytest.raises(EvidenceError, match=r"evidence_id 'E01' is used twice \(rows 2 and 3\)"):
        load_evidence(path, tiny_codebook, bib)


def test_a_row_without_evidence_id_is_named(tmp_path, tiny_codebook, bib):
    path = write_evidence(tmp_path, [GOOD_ROW, {**GOOD_ROW, "evidence_id": ""}])
    with pytest.raises(EvidenceError, match="row 3 has no evidence_id"):
        load_evidence(path, tiny_codebook, bib)


@pytest.mark.parametrize(
    ("column", "value", "problem"),
    [
        ("terms", "", "terms is empty"),
        ("terms", "condition pain", "term 'condition pain' is not written as category:term"),
        ("terms", "condition:pain;condition:gout", "term 'condition:gout' is not in the codebook"),
        ("terms", "side_effect:pain", "term 'side_effect:pain' is not in the codebook"),
        ("topic", " ", "topic is empty"),
        ("finding", "", "finding is empty"),
        ("strength", "very weak", "strength 'very weak' must be one of none, very_weak, weak, moderate, strong"),
        ("verdict_for_claims", "refutes", "verdict_for_claims 'refutes' must be one of"),
        ("claim_direction", "both", "claim_direction 'both' must be one of asserted, denied"),
        ("confidence", "D", "confidence 'D' must be one of A, B, C"),
        ("finding_type", "hunch", "finding_type 'hunch' must be one of effect, absence"),
        ("comparator", "aspirin", "comparator 'aspirin' is not in the codebook's comparators (opioids)"),
        ("citation_key", "nobody2001", "citation_key 'nobody2001' is not an entry of the bibliography"),
        ("citation_key", "ignored1", "citation_key 'ignored1' is not an entry of the bibliography"),
    ],
)
def test_each_bad_value_is_refused_naming_the_row(tmp_path, tiny_codebook, bib, column, value, problem):
    path = write_evidence(tmp_path, [GOOD_ROW, {**GOOD_ROW, "evidence_id": "E02", column: value}])
    with pytest.raises(EvidenceError) as caught:
        load_evidence(path, tiny_codebook, bib)
    assert str(caught.value).startswith(f"{path}: row 3 (E02): {problem}")


@pytest.mark.parametrize("verdict", ["contradicts", "supports", "mixed"])
def test_an_absence_of_evidence_can_neither_contradict_nor_support(tmp_path, tiny_codebook, bib, verdict):
    absent = {**GOOD_ROW, "evidence_id": "E02", "finding_type": "absence", "verdict_for_claims": verdict}
    path = write_evidence(tmp_path, [GOOD_ROW, absent])
    with pytest.raises(EvidenceError) as caught:
        load_evidence(path, tiny_codebook, bib)
    assert str(caught.value).startswith(
        f"{path}: row 3 (E02): verdict_for_claims {verdict!r} on an absence of evidence; a finding that no study shows "
        "something can only make a claim goes_beyond or no_evidence"
    )


@pytest.mark.parametrize("verdict", ["goes_beyond", "no_evidence"])
def test_an_absence_of_evidence_may_leave_a_claim_beyond_the_evidence_or_untested(
    tmp_path, tiny_codebook, bib, verdict
):
    absent = {
        **GOOD_ROW,
        "evidence_id": "E02",
        "finding_type": "absence",
        "verdict_for_claims": verdict,
        "comparator": "opioids",
    }
    loaded = load_evidence(write_evidence(tmp_path, [GOOD_ROW, absent]), tiny_codebook, bib)
    assert loaded.loc[1, ["finding_type", "verdict_for_claims", "comparator"]].tolist() == [
        "absence",
        verdict,
        "opioids",
    ]


COMPARED = evidence_table(
    ("E1", "side_effect:nausea", "moderate", "contradicts", "denied", "survey"),
    ("E2", "side_effect:nausea", "none", "no_evidence", "denied", "review"),
    comparators={"E2": "opioids"},
)


def test_a_comparative_claim_is_judged_only_by_evidence_that_compares():
    claims = claims_table(
        ("000-001", "000_aaaa", "side_effect", "nausea", "denied", True, "less nausea than opioids", 0, 2, "opioids"),
        ("000-002", "000_aaaa", "side_effect", "nausea", "denied", False, "no nausea", 3, 5, ""),
    )
    matched = evidence_for_claims(claims, COMPARED)
    assert matched.loc["000-001", ["evidence_ids", "verdict"]].tolist() == [("E2",), "no_evidence"]
    assert matched.loc["000-002", ["evidence_ids", "verdict"]].tolist() == [("E1",), "contradicts"]


def test_a_comparison_with_another_treatment_finds_no_evidence_about_opioids():
    claims = claims_table(
        ("000-001", "000_aaaa", "side_effect", "nausea", "denied", False, "q", 0, 2, "conventional_treatment")
    )
    assert evidence_for_claims(claims, COMPARED).loc["000-001", "verdict"] == NOT_FOUND


def test_combine_verdicts_keeps_the_most_serious_and_its_strongest_sources():
    rows = evidence_table(
        ("E1", "condition:pain", "weak", "supports", "asserted", "a"),
        ("E2", "condition:pain", "weak", "mixed", "asserted", "b"),
        ("E3", "condition:pain", "moderate", "mixed", "asserted", "c"),
        ("E4", "condition:pain", "strong", "no_evidence", "asserted", "b"),
    )
    assert combine_verdicts(rows) == ("mixed", "moderate", ("b", "c"))
    assert combine_verdicts(rows.iloc[[0, 3]]) == ("supports", "weak", ("a",))
    assert combine_verdicts(rows.iloc[0:0]) == (NOT_FOUND, "", ())


def test_verdict_order_is_contradicts_then_goes_beyond_then_mixed():
    rows = evidence_table(
        ("E1", "condition:pain", "strong", "mixed", "asserted", "a"),
        ("E2", "condition:pain", "weak", "goes_beyond", "asserted", "b"),
        ("E3", "condition:pain", "very_weak", "contradicts", "asserted", "c"),
    )
    assert combine_verdicts(rows)[0] == "contradicts"
    assert combine_verdicts(rows.iloc[:2])[0] == "goes_beyond"


EVIDENCE = evidence_table(
    ("E1", "condition:pain", "weak", "supports", "asserted", "k1"),
    ("E2", "condition:pain;condition:chronic_pain", "strong", "contradicts", "asserted", "k2"),
    ("E3", "condition:pain", "moderate", "contradicts", "denied", "k3"),
    ("E4", "side_effect:nausea", "moderate", "supports", "asserted", "k1"),
    ("E5", "side_effect:nausea", "moderate", "no_evidence", "denied", "k4", "online information quality: vendor sites"),
    ("E6", "condition:chronic_pain", "none", "no_evidence", "asserted", "k2"),
)

CLAIMS = claims_table(
    ("000-001", "000_aaaa", "condition", "pain", "asserted", False, "q1", 0, 2),
    ("000-002", "000_aaaa", "side_effect", "nausea", "denied", True, "q2", 3, 5),
    ("001-001", "001_bbbb", "condition", "pain", "denied", False, "q3", 0, 2),
    ("001-002", "001_bbbb", "condition", "chronic_pain", "asserted", True, "q4", 3, 5),
    ("001-003", "001_bbbb", "condition", "anxiety", "asserted", False, "q5", 6, 8),
)


def test_benchmark_rows_are_picked_out_by_topic():
    assert list(is_benchmark(EVIDENCE)) == [False, False, False, False, True, False]


def test_evidence_for_claims_matches_term_and_direction_and_ignores_benchmarks():
    matched = evidence_for_claims(CLAIMS, EVIDENCE)
    assert list(matched.index) == ["000-001", "000-002", "001-001", "001-002", "001-003"]
    assert matched[["evidence_ids", "verdict", "strength", "citations"]].to_dict("index") == {
        "000-001": {"evidence_ids": ("E1", "E2"), "verdict": "contradicts", "strength": "strong", "citations": ("k2",)},
        "000-002": {"evidence_ids": (), "verdict": NOT_FOUND, "strength": "", "citations": ()},
        "001-001": {"evidence_ids": ("E3",), "verdict": "contradicts", "strength": "moderate", "citations": ("k3",)},
        "001-002": {"evidence_ids": ("E2", "E6"), "verdict": "contradicts", "strength": "strong", "citations": ("k2",)},
        "001-003": {"evidence_ids": (), "verdict": NOT_FOUND, "strength": "", "citations": ()},
    }
    assert matched["hedged"].tolist() == [False, True, False, True, False]


def test_verdict_counts_keep_every_verdict_and_article():
    counts = verdict_counts(evidence_for_claims(CLAIMS, EVIDENCE), ["000_aaaa", "001_bbbb", "002_cccc"])
    assert list(counts.columns) == ["contradicts", "goes_beyond", "mixed", "supports", "no_evidence", NOT_FOUND]
    assert counts.loc["000_aaaa"].tolist() == [1, 0, 0, 0, 0, 1]
    assert counts.loc["001_bbbb"].tolist() == [2, 0, 0, 0, 0, 1]
    assert counts.loc["002_cccc"].sum() == 0


def test_claim_verdict_rows_show_labels_and_readable_verdicts(tiny_codebook):
    rows = claim_verdict_rows(evidence_for_claims(CLAIMS, EVIDENCE), tiny_codebook)
    assert rows.loc["001-002"].to_dict() == {
        "article": "001",
        "category": "condition",
        "term": "Chronic pain",
        "stance": "asserted (hedged)",
        "verdict": "contradicted",
        "strength": "strong",
        "evidence": "E2, E6",
        "citations": "k2",
        "quote": "q4",
    }
    assert rows.loc["000-002", "verdict"] == NOT_FOUND


def test_evidence_on_selects_rows_by_term_and_direction():
    assert list(evidence_on(EVIDENCE, ["condition:pain"]).index) == ["E1", "E2", "E3"]
    assert list(evidence_on(EVIDENCE, ["condition:pain"], direction="denied").index) == ["E3"]
    assert list(evidence_on(EVIDENCE, ["side_effect:nausea"]).index) == ["E4"]


RISK_EVIDENCE = evidence_table(
    ("E1", "side_effect:nausea;condition:pain", "weak", "supports", "asserted", "k1"),
    ("E2", "side_effect:anxiety", "very_weak", "supports", "asserted", "k2"),
    ("E3", "side_effect:anxiety", "moderate", "mixed", "asserted", "k3"),
    ("E4", "side_effect:nausea", "strong", "contradicts", "asserted", "k4"),
    ("E5", "side_effect:withdrawal", "strong", "supports", "denied", "k5"),
    ("E6", "side_effect:side_effects", "strong", "supports", "asserted", "k6"),
    ("E7", "side_effect:tremor", "moderate", "supports", "asserted", "k7", "online information quality: sites"),
    ("E8", "side_effect:nausea", "moderate", "supports", "asserted", "k1"),
)


def test_documented_risks_follow_the_rule_strongest_first():
    risks = documented_risks(RISK_EVIDENCE)
    assert risks.to_dict("index") == {
        "anxiety": {"evidence_ids": ("E3",), "strength": "moderate", "citations": ("k3",)},
        "nausea": {"evidence_ids": ("E1", "E8"), "strength": "moderate", "citations": ("k1",)},
    }


def test_risk_sources_show_labels_strength_and_sources(tiny_codebook):
    table = risk_sources(documented_risks(RISK_EVIDENCE), tiny_codebook)
    assert table.to_dict("index") == {
        "Anxiety": {"strongest evidence": "moderate", "evidence": "E3", "citations": "k3"},
        "Nausea": {"strongest evidence": "moderate", "evidence": "E1, E8", "citations": "k1"},
    }


def test_claims_against_opioids_split_comparisons_outright_denials_and_alternatives():
    matched = pd.DataFrame(
        {
            "category": ["side_effect", "side_effect", "side_effect", "advice", "advice"],
            "term": ["sedation", "addiction", "nausea", "alternative_treatment", "start_low"],
            "stance": ["denied", "denied", "asserted", "asserted", "asserted"],
            "comparator": ["opioids", "", "", "opioids", ""],
        },
        index=["a", "b", "c", "d", "e"],
    )
    groups = claims_against_opioids(matched)
    assert {name: list(rows.index) for name, rows in groups.items()} == {
        "compared": ["a"],
        "outright": ["b"],
        "alternative": ["d"],
    }


def test_risk_omission_matrix_marks_named_denied_both_and_absent(tiny_codebook):
    claims = claims_table(
        ("000-001", "000_aaaa", "side_effect", "nausea", "asserted", True, "q", 0, 1),
        ("000-002", "000_aaaa", "side_effect", "anxiety", "denied", False, "q", 2, 3),
        ("000-003", "000_aaaa", "condition", "anxiety", "asserted", False, "q", 4, 5),
        ("001-001", "001_bbbb", "side_effect", "nausea", "asserted", False, "q", 0, 1),
        ("001-002", "001_bbbb", "side_effect", "nausea", "denied", False, "q", 2, 3),
    )
    matrix = risk_omission_matrix(claims, RISK_EVIDENCE, ["000_aaaa", "001_bbbb", "002_cccc"], tiny_codebook)
    assert matrix.index.tolist() == ["Anxiety", "Nausea"]
    assert matrix.loc["Anxiety"].tolist() == ["denied", "not mentioned", "not mentioned"]
    assert matrix.loc["Nausea"].tolist() == ["named", "named and denied", "not mentioned"]
    tally = risk_tally(matrix)
    assert tally.loc["000_aaaa"].to_dict() == {"named": 1, "named and denied": 0, "denied": 1, "not mentioned": 0}
    assert tally.loc["002_cccc"].to_dict() == {"named": 0, "named and denied": 0, "denied": 0, "not mentioned": 2}


def test_internal_contradictions_pair_denials_with_assertions_of_the_same_or_dependence_harms():
    """Nausea pairs with nothing, sedation has no assertion, and overlapping quotes (000-007, 000-008) do not pair."""
    claims = claims_table(
        ("000-001", "000_aaaa", "side_effect", "side_effects", "denied", True, "without the side effects", 0, 24),
        (
            "000-002",
            "000_aaaa",
            "side_effect",
            "dependence",
            "asserted",
            False,
            "can cause dependence and withdrawal",
            30,
            65,
        ),
        (
            "000-003",
            "000_aaaa",
            "side_effect",
            "withdrawal",
            "asserted",
            False,
            "can cause dependence and withdrawal",
            30,
            65,
        ),
        ("000-004", "000_aaaa", "side_effect", "side_effects", "asserted", False, "has side effects", 70, 86),
        ("000-005", "000_aaaa", "side_effect", "nausea", "asserted", False, "nausea", 90, 96),
        ("000-006", "000_aaaa", "side_effect", "sedation", "denied", False, "no drowsiness", 100, 113),
        (
            "000-007",
            "000_aaaa",
            "side_effect",
            "addiction",
            "denied",
            False,
            "not addictive, yet tolerance builds",
            120,
            155,
        ),
        ("000-008", "000_aaaa", "side_effect", "tolerance", "asserted", False, "tolerance builds", 139, 155),
        ("001-001", "001_bbbb", "side_effect", "dependence", "asserted", False, "dependence", 0, 10),
    )
    found = internal_contradictions(claims)
    assert found.drop(columns=["denied_quote", "asserted_quote"]).to_dict("records") == [
        {
            "article_id": "000_aaaa",
            "rule": "harm denied beside dependence named",
            "denied_claims": ("000-001",),
            "denied_terms": "side_effects",
            "asserted_claims": ("000-002", "000-003"),
            "asserted_terms": "dependence, withdrawal",
            "denied_start": 0,
            "asserted_start": 30,
        },
        {
            "article_id": "000_aaaa",
            "rule": "same term asserted and denied",
            "denied_claims": ("000-001",),
            "denied_terms": "side_effects",
            "asserted_claims": ("000-004",),
            "asserted_terms": "side_effects",
            "denied_start": 0,
            "asserted_start": 70,
        },
        {
            "article_id": "000_aaaa",
            "rule": "harm denied beside dependence named",
            "denied_claims": ("000-001",),
            "denied_terms": "side_effects",
            "asserted_claims": ("000-008",),
            "asserted_terms": "tolerance",
            "denied_start": 0,
            "asserted_start": 139,
        },
        {
            "article_id": "000_aaaa",
            "rule": "harm denied beside dependence named",
            "denied_claims": ("000-007",),
            "denied_terms": "addiction",
            "asserted_claims": ("000-002", "000-003"),
            "asserted_terms": "dependence, withdrawal",
            "denied_start": 120,
            "asserted_start": 30,
        },
    ]
    assert found.loc[0, "denied_quote"] == "without the side effects"
    assert found.loc[1, "asserted_quote"] == "has side effects"


def test_a_comparison_grants_the_harm_so_it_is_no_contradiction():
    claims = claims_table(
        (
            "000-001",
            "000_aaaa",
            "side_effect",
            "dependence",
            "denied",
            True,
            "less dependence than opioids",
            0,
            28,
            "opioids",
        ),
        ("000-002", "000_aaaa", "side_effect", "dependence", "asserted", False, "can cause dependence", 40, 60, ""),
        ("000-003", "000_aaaa", "side_effect", "addiction", "denied", False, "not addictive", 70, 83, ""),
    )
    found = internal_contradictions(claims)
    assert found["denied_claims"].tolist() == [("000-003",)]


def test_internal_contradictions_of_claims_without_denials_is_an_empty_table():
    claims = claims_table(("000-001", "000_aaaa", "side_effect", "dependence", "asserted", False, "q", 0, 1))
    found = internal_contradictions(claims)
    assert found.empty and "asserted_quote" in found.columns
