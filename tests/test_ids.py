"""The id rules: an article's short label, claim ids built from it, and the checks on a new article id."""

from pathlib import Path

import pytest

from kratom_claims.errors import CorpusError
from kratom_claims.ids import (
    ClaimNumbering,
    article_label,
    check_article_id,
    claim_id,
    claim_ids,
    free_label,
    is_claim_id_of,
    label_clash,
    numbered_claim_ids,
    short_label,
    short_labels,
)

IDS = ["000_aaaa", "001_bbbb", "002_cccc"]


def test_short_labels_keep_the_leading_number():
    assert short_labels(IDS) == {"000_aaaa": "000", "001_bbbb": "001", "002_cccc": "002"}


@pytest.mark.parametrize("article_id", ["abcd", "Ab9-x", "005-new_page", "xyz_a-b_C"])
def test_the_short_label_is_the_claim_id_prefix_for_every_legal_id(article_id):
    assert check_article_id(Path(f"{article_id}.txt")) == article_id
    assert short_label(article_id) == article_id[:3]
    assert claim_id(article_id, 1) == f"{short_label(article_id)}-001"
    assert is_claim_id_of(claim_id(article_id, 12), article_id)


def test_article_label_defaults_to_three_characters():
    assert article_label("002_627b858bc9c0b6b4") == "002"
    assert article_label("002_627b858bc9c0b6b4", {"002_627b858bc9c0b6b4": "Site B"}) == "Site B"


def test_claim_ids_are_numbered_per_short_label_in_row_order():
    assert numbered_claim_ids(["abc_one", "abc_one", "xyz_a", "abc_two"]) == [
        "abc-001",
        "abc-002",
        "xyz-001",
        "abc-003",
    ]
    assert numbered_claim_ids([]) == []


@pytest.mark.parametrize("article_id", ["abc_one", "a%d_page", "%s%_x", "a,b_c"])
def test_claim_ids_of_a_label_with_percent_signs_or_commas_are_spelled_as_written(article_id):
    assert claim_ids(article_id, [1, 12, 1000]) == [
        f"{article_id[:3]}-001",
        f"{article_id[:3]}-012",
        f"{article_id[:3]}-1000",
    ]
    assert claim_id(article_id, 7) == f"{article_id[:3]}-007"


def test_an_articles_ids_numbered_at_once_continue_its_labels_count():
    numbering = ClaimNumbering()
    assert numbering.next_ids("abc_one", 2) == ["abc-001", "abc-002"]
    assert numbering.next_id("xyz_a") == "xyz-001"
    assert numbering.next_ids("abc_two", 3) == ["abc-003", "abc-004", "abc-005"]
    assert numbering.next_id("abc_one") == "abc-006"


@pytest.mark.parametrize(
    "claim, article_id", [("000-01", "000_a"), ("001-001", "000_a"), ("000_001", "000_a"), ("000-0001", "000_a")]
)
def test_a_claim_id_of_another_shape_or_article_is_refused(claim, article_id):
    assert not is_claim_id_of(claim, article_id)


@pytest.mark.parametrize("name", ["abcd.txt", "005_new.txt", "Ab9-x.txt", "xyz_a-b_C.txt"])
def test_safe_article_ids(name):
    assert check_article_id(Path(name)) == name[:-4]


@pytest.mark.parametrize(
    "name, problem",
    [
        ("abc.txt", "too short: it needs at least 4 characters"),
        ("my article.txt", "may contain only letters, digits, '_' and '-'"),
        ("café_page.txt", "may contain only letters, digits"),
        ("ab_c1.txt", "must begin with 3 letters or digits"),
        ("-abc1.txt", "must begin with 3 letters or digits"),
        ("notes.md", "must end in .txt"),
        ("page.TXT", "must end in .txt"),
    ],
)
def test_unsafe_article_ids_are_refused(name, problem):
    with pytest.raises(CorpusError) as raised:
        check_article_id(Path(name))
    assert problem in raised.value.problem


def test_free_label_is_the_lowest_unused_number():
    assert free_label(["000_a", "001_b", "003_c"]) == "002"
    assert free_label(["abc_a"]) == "000"


def test_a_label_clash_ignores_case_and_names_the_other_article():
    assert label_clash("ABC_new", ["000_a", "abc_old"]) == "abc_old"
    assert label_clash("abd_new", ["000_a", "abc_old"]) is None
