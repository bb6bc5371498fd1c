"""The handouts' content: the paragraph under a heading, and the condensed codebook of the terms in use."""

from __future__ import annotations

import pandas as pd
import pytest

from kratom_claims.claims import load_claims
from kratom_claims.codebook import load_codebook
from kratom_claims.errors import DataError
from kratom_claims.handouts import claims_quoting, condensed_codebook, paragraph_after, qualifier_values

TEXT = "Intro line.\n\nSide Effects:\n\nIt may cause nausea.\nIt can cause constipation.\nDosage Tips:\n\nStart low.\n"


def test_the_paragraph_after_a_heading_stops_at_the_next_heading():
    assert paragraph_after(TEXT, "Side Effects:") == "It may cause nausea. It can cause constipation."


def test_the_paragraph_after_a_heading_stops_at_a_blank_line():
    assert paragraph_after("Head:\nOne line.\n\nAnother paragraph.", "Head:") == "One line."


@pytest.mark.parametrize(("heading", "problem"), [("Missing:", "has no line"), ("Start low.", "has no paragraph")])
def test_a_missing_heading_or_paragraph_is_named(heading, problem):
    with pytest.raises(DataError, match=f"000.txt: {problem}"):
        paragraph_after(TEXT, heading, source="000.txt")


@pytest.fixture(scope="module")
def project_tables():
    return load_codebook(), load_claims()


def test_the_condensed_codebook_has_exactly_the_terms_the_claims_use(project_tables):
    codebook, claims = project_tables
    table = condensed_codebook(codebook, claims)
    used = claims[["category", "term"]].drop_duplicates()
    assert len(table) == len(used)
    assert table["claims"].sum() == len(claims)
    labels = dict(zip(codebook.categories["category"], codebook.categories["label"], strict=True))
    assert list(table["category"].drop_duplicates()) == [
        labels[c] for c in codebook.categories["category"] if c in set(used["category"])
    ]


def test_a_terms_forms_are_synonyms_found_in_its_quotes_most_used_first(project_tables):
    codebook, _ = project_tables
    claims = pd.DataFrame(
        {
            "category": ["condition"] * 3,
            "term": ["pain"] * 3,
            "quote": ["an analgesic for pain relief", "pain relief at last", "Pain Relief and analgesia"],
        }
    )
    table = condensed_codebook(codebook, claims, forms_per_term=2)
    assert table.to_dict("records") == [
        {"category": "Conditions", "term": "Pain", "claims": 3, "forms": ["pain relief", "analgesic"]}
    ]


def test_the_qualifier_lists_come_from_the_codebook_and_the_claims(project_tables):
    codebook, claims = project_tables
    values = qualifier_values(claims, codebook)
    assert values["stance"] == sorted(claims["stance"].unique())
    assert "Opioids" in values["comparator"]
    assert len(values["attributed_to"]) == len(codebook.attributions)


def test_the_claims_of_a_passage_are_those_quoting_inside_it_in_text_order():
    claims = pd.DataFrame(
        {
            "claim_id": ["000-002", "000-001", "000-003", "001-001"],
            "article_id": ["000", "000", "000", "001"],
            "quote": ["may cause\nnausea", "It may cause nausea.", "Start low.", "It may cause nausea."],
            "start": [3, 0, 40, 0],
        }
    )
    found = claims_quoting(claims, "000", "It may  cause nausea. It can cause constipation.")
    assert list(found["claim_id"]) == ["000-001", "000-002"]
