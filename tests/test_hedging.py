"""Hedge words are counted as whole words, and hedged assertions per hundred assertions."""

from __future__ import annotations

import pandas as pd
import pytest

from kratom_claims.hedging import hedge_density, hedge_word_counts


@pytest.fixture
def claims_for_hedges():
    return pd.DataFrame(
        {
            "article_id": ["000_aaaa", "000_aaaa", "000_aaaa", "001_bbbb", "001_bbbb"],
            "stance": ["asserted", "asserted", "denied", "asserted", "denied"],
            "hedged": [True, False, True, True, False],
        }
    )


def test_hedge_words_are_counted_as_whole_words(tiny_corpus):
    counts = hedge_word_counts(tiny_corpus, ["may", "cause", "kratom"])
    assert counts.to_dict("index") == {
        "may": {"000_aaaa": 0, "001_bbbb": 1, "002_cccc": 0},
        "cause": {"000_aaaa": 0, "001_bbbb": 1, "002_cccc": 0},
        "kratom": {"000_aaaa": 2, "001_bbbb": 1, "002_cccc": 0},
    }


def test_hedge_density_counts_words_per_thousand_and_hedged_assertions_per_hundred(tiny_corpus, claims_for_hedges):
    table = hedge_density(tiny_corpus, claims_for_hedges)
    assert table.loc["001_bbbb", "hedge_words"] == 1
    assert table.loc["001_bbbb", "hedge_words_per_1000"] == pytest.approx(1000 / 9)
    assert table.loc["000_aaaa", ["assertions", "hedged_assertions"]].tolist() == [2, 1]
    assert table.loc["000_aaaa", "hedged_per_100_assertions"] == pytest.approx(50.0)
    assert table.loc["001_bbbb", "hedged_per_100_assertions"] == pytest.approx(100.0)
    assert table.loc["002_cccc", "hedged_per_100_assertions"] == 0.0
