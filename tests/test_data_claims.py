"""The committed codebook and claim table hold together, and a changed quote fails by claim id."""

import pandas as pd
import pytest

from kratom_claims.claims import load_appeals, load_claims
from kratom_claims.codebook import ALL_CATEGORIES, CATEGORIES, load_codebook
from kratom_claims.corpus import load_corpus
from kratom_claims.errors import ClaimsError
from kratom_claims.layout import project_layout


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def codebook():
    return load_codebook()


@pytest.fixture(scope="module")
def claims(corpus, codebook):
    return load_claims(corpus=corpus, codebook=codebook)


def test_every_claim_row_matches_its_article_and_the_codebook(claims, corpus):
    for row in claims.itertuples():
        assert corpus.texts[row.article_id][row.start : row.end] == row.quote, row.claim_id


def test_the_claim_table_covers_all_six_categories(claims):
    assert set(claims["category"]) == set(CATEGORIES)


def test_no_quote_comes_from_site_residue(claims, corpus):
    for row in claims.itertuples():
        for piece in corpus.residue[row.article_id]:
            start = corpus.texts[row.article_id].index(piece)
            assert row.end <= start or row.start >= start + len(piece), row.claim_id


def test_each_distinct_claim_has_one_row(claims):
    key = ["article_id", "category", "term", "stance", "comparator", "attributed_to", "dose_low_g", "dose_high_g"]
    assert not claims[key].astype(str).duplicated().any()


def test_codebook_has_the_six_claim_categories_and_persuasion_with_terms(codebook):
    assert list(codebook.categories["category"]) == list(ALL_CATEGORIES)
    assert set(codebook.terms["category"]) == set(ALL_CATEGORIES)
    assert set(codebook.comparators["id"]) >= {"opioids", "conventional_treatment"}
    assert set(codebook.attributions["id"]) >= {"users", "advocates", "critics", "regulators", "researchers"}


def test_every_original_article_claims_kratom_as_an_alternative_to_conventional_treatment(claims, original_article_ids):
    alternative = claims[(claims["category"] == "advice") & (claims["term"] == "alternative_treatment")]
    assert set(alternative["article_id"]) >= original_article_ids
    assert set(alternative["comparator"]) <= {"", "opioids", "conventional_treatment"}
    compared = alternative[alternative["comparator"] != ""]
    assert set(compared["article_id"]) >= original_article_ids


def test_comparisons_of_degree_carry_opioids_and_outright_contrasts_carry_none(claims):
    """The method chapter's rule: 'less X than opioids' is a comparison; 'without the X of opioids' denies X outright."""
    denied = claims[claims["quote"].str.contains(r"opioids|opiates", case=False) & (claims["stance"] == "denied")]
    comparator = dict(zip(denied["claim_id"], denied["comparator"], strict=True))
    outright = {"001-021", "001-022", "003-025", "004-013"}
    assert {c for c, value in comparator.items() if value == ""} == outright
    assert {value for c, value in comparator.items() if c not in outright} == {"opioids"}


def test_appeals_are_in_their_own_table_with_quotes_at_their_offsets(corpus, codebook, original_article_ids):
    appeals = load_appeals(corpus=corpus, codebook=codebook)
    assert set(appeals["category"]) == {"persuasion"}
    natural = appeals[appeals["term"] == "natural"]
    assert set(natural["article_id"]) >= original_article_ids
    for row in appeals.itertuples():
        assert corpus.texts[row.article_id][row.start : row.end] == row.quote, row.claim_id


def test_changing_one_character_of_a_quote_fails_naming_the_claim(tmp_path, corpus, codebook):
    table = pd.read_csv(project_layout().claims_csv, dtype=str, keep_default_na=False)
    quote = table.loc[7, "quote"]
    table.loc[7, "quote"] = quote[:-1] + ("X" if quote[-1] != "X" else "Y")
    changed = tmp_path / "claims.csv"
    table.to_csv(changed, index=False)
    with pytest.raises(ClaimsError, match=rf"claim {table.loc[7, 'claim_id']}: "):
        load_claims(changed, corpus=corpus, codebook=codebook)


def test_unseen_evaluation_articles_and_their_hand_coding_hold_together(codebook):

    evaluation = project_layout().evaluation
    unseen = load_corpus(evaluation.data_dir)
    claims = load_claims(evaluation.claims_csv, corpus=unseen, codebook=codebook)
    assert set(claims["article_id"]) == set(unseen.ids)
    assert not set(unseen.ids) & set(load_corpus().ids)
