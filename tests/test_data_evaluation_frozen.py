"""The second, third, fourth and fifth evaluation sets are frozen: their articles and hand-coded claim rows must stay as they were when the extractor first met them."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from kratom_claims.claims import claims_csv
from kratom_claims.corpus import load_corpus, sha256_of
from kratom_claims.errors import CorpusError, DataError
from kratom_claims.evaluation_sets import (
    check_frozen,
    claim_rows_digest,
    claim_rows_entry,
    evaluation_sets,
    frozen_digests,
    read_frozen,
)
from kratom_claims.layout import DataLayout, project_layout

EVALUATION = project_layout().evaluation
SECOND_SET = [
    "h04_medical_info",
    "h05_dose_guide",
    "h06_vendor_product",
    "h07_news_statehouse",
    "h08_forum_fibro",
    "h09_alternatives",
]
THIRD_SET = [
    "h10_hospital_explainer",
    "h11_forum_thread",
    "h12_vendor_strain_guide",
    "h13_advocacy_access",
    "h14_local_news_ban",
    "h15_treatment_center",
]
FOURTH_SET = [
    "h16_pharmacist_column",
    "h17_wellness_listicle",
    "h18_vendor_roundup",
    "h19_health_department",
    "h20_recovery_story",
    "h21_science_blog",
]
FIFTH_SET = [
    "h22_forum_knee",
    "h23_eu_dose_guide",
    "h24_hospital_leaflet",
    "h25_news_feature",
    "h26_radio_transcript",
    "h27_product_page",
]


@pytest.fixture
def sets():
    return evaluation_sets(load_corpus(EVALUATION.data_dir), EVALUATION.articles_csv)


@pytest.fixture
def evaluation_copy(tmp_path):
    """A copy of data/evaluation that a test may change."""
    shutil.copytree(EVALUATION.data_dir, tmp_path / "evaluation")
    return DataLayout(tmp_path / "evaluation")


def test_the_sets_are_h01_to_h03_first_h04_to_h09_second_h10_to_h15_third_h16_to_h21_fourth_and_h22_to_h27_fifth(sets):
    first = {"h01_migraine_forum": "first", "h02_vendor_blog": "first", "h03_news_explainer": "first"}
    assert sets == (
        first
        | dict.fromkeys(SECOND_SET, "second")
        | dict.fromkeys(THIRD_SET, "third")
        | dict.fromkeys(FOURTH_SET, "fourth")
        | dict.fromkeys(FIFTH_SET, "fifth")
    )


def test_frozen_file_records_every_second_to_fifth_set_article_and_each_sets_claim_rows():
    assert list(read_frozen(EVALUATION.frozen_sha256)) == (
        [f"articles/{a}.txt" for a in SECOND_SET]
        + [claim_rows_entry("second")]
        + [f"articles/{a}.txt" for a in THIRD_SET]
        + [claim_rows_entry("third")]
        + [f"articles/{a}.txt" for a in FOURTH_SET]
        + [claim_rows_entry("fourth")]
        + [f"articles/{a}.txt" for a in FIFTH_SET]
        + [claim_rows_entry("fifth")]
    )


@pytest.mark.parametrize(
    ("claim_line", "claim_digest", "article_line", "article_digest", "frozen_set"),
    [
        (
            6,
            "23881934a27d303411c019a1569c7e67652a70e6e3e65f98f384fae86ae64c19",
            0,
            "567e98feac0ac67b1cfd292ab6de81bfdf59b8166e031c490dd85e36757484fc  articles/h04_medical_info.txt",
            "second",
        ),
        (
            13,
            "7f9b28a88b0e7f84683cc1a180acd98e8c0690f6c23e33520b680c2771d049eb",
            7,
            "6768be734806b704e8afaafd5869162b723b8c078e4c5a35d851fe6ed761410a  articles/h10_hospital_explainer.txt",
            "third",
        ),
        (
            20,
            "8167fce7a2e5a0424139a8c1a3c00241c84b453f705d425c4b288db64ef9cf45",
            14,
            "dc89096c6b57559192774fbbf0c8ac3c77f4348208fe244ec5fe6fc79e568a22  articles/h16_pharmacist_column.txt",
            "fourth",
        ),
        (
            27,
            "97c7dabec3f119d718d90c6ddc3375e917b2df34e8b4831eefc2d5c57158b19c",
            21,
            "9e2a91af0445a539ba3c3f01a71afb61cd8e42564b459f4af10b6ea7768d85ce  articles/h22_forum_knee.txt",
            "fifth",
        ),
    ],
)
def test_each_frozen_sets_digest_lines_are_those_it_was_frozen_with(
    claim_line, claim_digest, article_line, article_digest, frozen_set
):
    lines = EVALUATION.frozen_sha256.read_text(encoding="utf-8").splitlines()
    assert lines[claim_line] == f"{claim_digest}  claims.csv rows of the {frozen_set} set"
    assert lines[article_line] == article_digest


def test_frozen_articles_and_claim_rows_match_their_frozen_digests(sets):
    assert frozen_digests(EVALUATION, sets) == read_frozen(EVALUATION.frozen_sha256)
    check_frozen(EVALUATION, sets)


def test_frozen_article_digests_are_the_sha256_of_the_files_and_agree_with_articles_csv():
    recorded = read_frozen(EVALUATION.frozen_sha256)
    metadata = pd.read_csv(EVALUATION.articles_csv, dtype=str, keep_default_na=False).set_index("article_id")
    for article_id in SECOND_SET + THIRD_SET + FOURTH_SET + FIFTH_SET:
        digest = recorded[f"articles/{article_id}.txt"]
        assert digest == sha256_of(EVALUATION.article_txt(article_id)) == metadata.loc[article_id, "sha256"]


# For each frozen set: a claim cell to change, a row to copy under a new id, a row to remove, an
# article with a phrase to change, and an article to move out of the set.
FREEZE_CASES = {
    "second": (
        ("h05-001", "hedged", "true"),
        "h09-001",
        "h04-001",
        ("h07_news_statehouse", b"six states", b"seven states"),
        "h06_vendor_product",
    ),
    "third": (
        ("h13-001", "stance", "asserted"),
        "h12-001",
        "h15-022",
        ("h14_local_news_ban", b"voted 4-1", b"voted 5-0"),
        "h11_forum_thread",
    ),
    "fourth": (
        ("h21-014", "attributed_to", ""),
        "h17-001",
        "h19-022",
        ("h18_vendor_roundup", b"Never more than 8 grams", b"Never more than 9 grams"),
        "h20_recovery_story",
    ),
    "fifth": (
        ("h23-002", "dose_low_g", "5"),
        "h25-001",
        "h27-041",
        ("h23_eu_dose_guide", "2–3,5 g".encode(), "2–4,5 g".encode()),
        "h26_radio_transcript",
    ),
}
FROZEN = pytest.mark.parametrize("frozen_set", list(FREEZE_CASES))


def _claims(layout: DataLayout) -> pd.DataFrame:
    return pd.read_csv(layout.claims_csv, dtype=str, keep_default_na=False)


@FROZEN
def test_changing_one_cell_of_a_frozen_sets_claim_row_breaks_the_freeze(evaluation_copy, sets, frozen_set):
    (claim_id, column, value), *_ = FREEZE_CASES[frozen_set]
    table = _claims(evaluation_copy)
    assert (table.loc[table["claim_id"] == claim_id, column] != value).all()
    table.loc[table["claim_id"] == claim_id, column] = value
    evaluation_copy.claims_csv.write_bytes(claims_csv(table, evaluation_copy.claims_csv))
    entry = claim_rows_entry(frozen_set)
    with pytest.raises(DataError, match=f"frozen.sha256: {entry} has changed since the {frozen_set} set was frozen"):
        check_frozen(evaluation_copy, sets)


@FROZEN
def test_adding_a_claim_row_to_a_frozen_sets_article_breaks_the_freeze(evaluation_copy, sets, frozen_set):
    copied = FREEZE_CASES[frozen_set][1]
    table = _claims(evaluation_copy)
    extra = table[table["claim_id"] == copied].assign(claim_id=copied[:4] + "999")
    assert len(extra) == 1
    evaluation_copy.claims_csv.write_bytes(claims_csv(pd.concat([table, extra]), evaluation_copy.claims_csv))
    with pytest.raises(DataError, match=f"{claim_rows_entry(frozen_set)} has changed"):
        check_frozen(evaluation_copy, sets)


@FROZEN
def test_removing_a_claim_row_of_a_frozen_sets_article_breaks_the_freeze(evaluation_copy, sets, frozen_set):
    removed = FREEZE_CASES[frozen_set][2]
    table = _claims(evaluation_copy)
    kept = table[table["claim_id"] != removed]
    assert len(kept) == len(table) - 1
    evaluation_copy.claims_csv.write_bytes(claims_csv(kept, evaluation_copy.claims_csv))
    with pytest.raises(DataError, match=f"{claim_rows_entry(frozen_set)} has changed"):
        check_frozen(evaluation_copy, sets)


@FROZEN
def test_changing_one_phrase_of_a_frozen_sets_article_breaks_the_freeze_naming_it(evaluation_copy, sets, frozen_set):
    article_id, old, new = FREEZE_CASES[frozen_set][3]
    path = evaluation_copy.article_txt(article_id)
    assert old in path.read_bytes()
    path.write_bytes(path.read_bytes().replace(old, new, 1))
    with pytest.raises(DataError, match=f"articles/{article_id}.txt has changed since the {frozen_set} set was frozen"):
        check_frozen(evaluation_copy, sets)


@FROZEN
def test_moving_an_article_out_of_a_frozen_set_breaks_the_freeze(evaluation_copy, sets, frozen_set):
    moved = FREEZE_CASES[frozen_set][4]
    with pytest.raises(DataError, match=f"recorded but missing articles/{moved}.txt"):
        check_frozen(evaluation_copy, sets | {moved: "first"})


def test_first_set_rows_may_change_without_touching_the_freeze(evaluation_copy, sets):
    before = [
        claim_rows_digest(evaluation_copy.claims_csv, frozen)
        for frozen in (SECOND_SET, THIRD_SET, FOURTH_SET, FIFTH_SET)
    ]
    table = pd.read_csv(evaluation_copy.claims_csv, dtype=str, keep_default_na=False)
    table.loc[table["claim_id"] == "h01-001", "note"] = "a note added later"
    evaluation_copy.claims_csv.write_bytes(claims_csv(table, evaluation_copy.claims_csv))
    assert [
        claim_rows_digest(evaluation_copy.claims_csv, frozen)
        for frozen in (SECOND_SET, THIRD_SET, FOURTH_SET, FIFTH_SET)
    ] == before
    check_frozen(evaluation_copy, sets)


def test_an_unknown_set_name_is_refused_naming_articles_csv(evaluation_copy):
    text = evaluation_copy.articles_csv.read_text(encoding="utf-8")
    evaluation_copy.articles_csv.write_text(text.replace(",first\n", ",held-out\n", 1), encoding="utf-8")
    with pytest.raises(CorpusError, match=r"articles\.csv: set of 'h01_migraine_forum' is 'held-out'"):
        evaluation_sets(load_corpus(evaluation_copy.data_dir), evaluation_copy.articles_csv)


def test_a_malformed_frozen_line_is_refused_with_its_number(evaluation_copy, sets):
    evaluation_copy.frozen_sha256.write_text("not-a-digest articles/h04_medical_info.txt\n", encoding="utf-8")
    with pytest.raises(DataError, match="line 1 is not a SHA-256 digest"):
        check_frozen(evaluation_copy, sets)
