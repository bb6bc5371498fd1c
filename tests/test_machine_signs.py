"""Signs of machine-written text: markers as whole words and phrases, paragraphs that open alike, counted per 1,000 words."""

from __future__ import annotations

from collections import Counter

import pytest

from kratom_claims.machine_signs import (
    machine_sign_details,
    machine_text_signs,
    marker_hits,
    paragraphs,
    repeated_openings,
)
from kratom_claims.text import count_words

# Sentences written for these tests, not taken from the articles.
MARKER_TEXT = (
    "We delve into the realm of tea. It’s crucial to brew it well, and it is essential to rest.\n"
    "Delving deeper, the multifaceted leaf can unlock calm. Navigating it's crucial steps is easy.\n"
)


def test_marker_hits_count_whole_words_and_phrases_in_any_case():
    hits = marker_hits(MARKER_TEXT)
    assert dict(hits) == {
        "delve": 1,
        "delving": 1,
        "multifaceted": 1,
        "realm": 1,
        "unlock": 1,
        "navigating": 1,
        "it's crucial": 2,
        "it is essential": 1,
    }


def test_marker_hits_ignore_parts_of_words_and_broken_phrases():
    text = "The realmsman said it is, crucially, unlockable. It is not crucial. Harnessing is fine; delved."
    assert dict(marker_hits(text)) == {"harnessing": 1, "delved": 1}
    assert marker_hits("", ["delve"]) == Counter()


def test_repeated_openings_find_paragraphs_that_start_alike():
    text = (
        "Tea Time For Everyone\n"
        "Green tea, a drink from old China, is calm. It helps.\n"
        "- Green tea, a drink from old China, in a list item.\n"
        "Tea Time For Everyone\n"
        "Green tea, a drink from old China, has fans too.\n"
        "Green tea, a drink from somewhere else.\n"
        "Short one.\n"
    )
    assert paragraphs(text) == [
        "Green tea, a drink from old China, is calm. It helps.",
        "Green tea, a drink from old China, has fans too.",
        "Green tea, a drink from somewhere else.",
        "Short one.",
    ]
    assert repeated_openings(text) == {"green tea a drink from": 3}
    assert repeated_openings(text, n=7) == {"green tea a drink from old china": 2}
    assert repeated_openings(text, n=12) == {}
    with pytest.raises(ValueError, match="at least 1 word"):
        repeated_openings(text, n=0)


def test_machine_text_signs_count_per_thousand_words_in_the_running_text(corpus_of):
    articles = {
        "000_aaaa": "Contents\n- We Delve In\nWe Delve In\n"
        + MARKER_TEXT
        + "Delving deeper, the multifaceted leaf is here again.\n",
        "001_bbbb": "Plain words about tea and nothing more.\n",
    }
    corpus = corpus_of(articles)
    signs = machine_text_signs(corpus)
    words = count_words(MARKER_TEXT) + count_words("Delving deeper, the multifaceted leaf is here again.")
    assert signs.loc["000_aaaa"].to_dict() == {
        "words": words,
        "marker_hits": 11,
        "markers_per_1000_words": pytest.approx(11000 / words),
        "distinct_markers": 8,
        "repeated_openings": 1,
        "paragraphs_repeating": 1,
    }
    assert signs.loc["001_bbbb", ["marker_hits", "repeated_openings"]].tolist() == [0, 0]
    details = machine_sign_details(corpus)
    assert details[details["kind"] == "repeated opening"].to_dict("records") == [
        {
            "article_id": "000_aaaa",
            "kind": "repeated opening",
            "text": "delving deeper the multifaceted leaf",
            "count": 2,
        }
    ]
    assert int(details.loc[details["text"] == "delving", "count"].iloc[0]) == 2
