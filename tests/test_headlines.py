"""Key-finding sentences: wording that follows the counts, at one article, at none and at all."""

from __future__ import annotations

import pandas as pd
import pytest

from kratom_claims.headlines import claim_sentence, risks_sentence, share_of, sources_sentence, verdicts_sentence

NAMES = ("names", "name")


@pytest.mark.parametrize(
    ("count", "total", "expected"),
    [
        (0, 5, "None of the 5 articles names"),
        (5, 5, "All 5 articles name"),
        (1, 5, "1 of the 5 articles names"),
        (3, 5, "3 of the 5 articles name"),
        (1, 1, "The one article names"),
        (0, 1, "The one article does not name"),
    ],
)
def test_share_of_agrees_subject_and_verb(count, total, expected):
    assert share_of(count, total, NAMES) == expected


def test_sources_sentence_counts_unmet_attribution_among_rated_articles():
    jama = pd.DataFrame(
        {
            "article_id": ["a", "a", "b", "c"],
            "criterion": ["attribution", "currency", "attribution", "attribution"],
            "met": [False, True, True, False],
        }
    )
    assert sources_sentence(jama, ["a", "b", "c", "d"]) == (
        "2 of the 3 rated articles name no source for any statement (the JAMA attribution benchmark)."
    )
    assert sources_sentence(jama, ["a", "b", "c"]).startswith("2 of the 3 articles name no source")


def test_risks_sentence_lists_serious_risks_no_article_names():
    omissions = pd.DataFrame(
        {
            "a": ["named", "not mentioned", "not mentioned", "denied"],
            "b": ["not mentioned", "not mentioned", "named", "not mentioned"],
        },
        index=["Nausea", "Liver injury", "Death", "Contamination"],
    )
    terms = ["nausea", "liver_injury", "death", "contamination"]
    assert risks_sentence(omissions, terms, ["named"]) == (
        "No article names liver injury or contamination, though the evidence documents each as a risk of kratom."
    )
    assert risks_sentence(omissions.iloc[[0, 1]], ["nausea", "liver_injury"], ["named"]) == (
        "No article names liver injury, though the evidence documents it as a risk of kratom."
    )
    assert risks_sentence(omissions.iloc[[0, 2]], ["nausea", "death"], ["named"]) == (
        "Every serious risk the evidence documents is named by at least one article."
    )


def test_claim_sentence_counts_articles_that_assert_the_term():
    claims = pd.DataFrame(
        {
            "article_id": ["a", "a", "b"],
            "category": ["condition"] * 3,
            "term": ["chronic_pain"] * 3,
            "stance": ["asserted", "asserted", "denied"],
        }
    )
    assert claim_sentence(
        claims, ["a", "b"], "condition", "chronic_pain", ("claims", "claim"), "that kratom relieves chronic pain"
    ) == ("1 of the 2 articles claims that kratom relieves chronic pain.")


def test_verdicts_sentence_names_every_verdict_with_agreement():
    matched = pd.DataFrame({"verdict": ["supports", "contradicts", "contradicts", "no evidence found", "no_evidence"]})
    assert verdicts_sentence(matched) == (
        "Of the 4 claims that the evidence bears on, 1 is supported, 0 go beyond the evidence, 0 meet mixed evidence, "
        "1 is untested and 2 are contradicted."
    )


def test_how_many_reads_zero_as_no_and_one_as_one():
    from kratom_claims.headlines import how_many

    assert how_many(0, "condition", "conditions") == "No condition is"
    assert how_many(1, "condition", "conditions") == "One condition is"
    assert how_many(3, "claim", "claims", ("appears", "appear")) == "3 claims appear"


def test_every_article_counts_only_articles_that_make_claims():
    from kratom_claims.headlines import every_article, spread_sentence

    assert every_article(5, 5) == "every article"
    assert every_article(13, 15) == "every article that makes claims (13 of the 15)"
    assert spread_sentence(0, 1, ("claim", "claims"), "made", 5, 5) == (
        "No claim is made by every article; one is made by one article only."
    )


def _jama(met: dict[str, tuple[bool, bool, bool]]) -> pd.DataFrame:
    rows = [
        {"article_id": article, "criterion": criterion, "met": value}
        for article, values in met.items()
        for criterion, value in zip(("authorship", "currency", "attribution"), values, strict=True)
    ]
    rows += [{"article_id": article, "criterion": "disclosure", "met": True} for article in met]
    return pd.DataFrame(rows)


def test_unnamed_sentence_says_none_in_one_sentence_when_no_article_names_any():
    from kratom_claims.headlines import unnamed_sentence

    jama = _jama({"a": (False, False, False), "b": (False, False, False)})
    assert unnamed_sentence(jama, ["a", "b"]) == (
        "None of the 2 articles names an author with credentials, a date of writing or a source for the claims made."
    )
    assert unnamed_sentence(jama, ["a"]) == (
        "The one article does not name an author with credentials, a date of writing or a source for the claims made."
    )


def test_unnamed_sentence_counts_each_criterion_once_some_article_meets_one():
    from kratom_claims.headlines import unnamed_sentence

    jama = _jama({"a": (True, False, True), "b": (False, False, True), "c": (False, False, False)})
    assert unnamed_sentence(jama, ["a", "b", "c", "d"]) == (
        "1 of the 3 rated articles names an author with credentials. "
        "None of the 3 rated articles names a date of writing. "
        "2 of the 3 rated articles name a source for the claims made."
    )
    assert unnamed_sentence(jama, ["d"]).startswith("No article has been rated yet")


def test_counted_agrees_the_words_with_one_and_with_many():
    from kratom_claims.headlines import counted

    assert counted(1, "range", "ranges") == "1 range"
    assert counted(0, "range", "ranges") == "0 ranges"
    assert counted(3, "is supported", "are supported") == "3 are supported"
