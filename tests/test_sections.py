"""A chapter's category section: grid, tally, chart parts, alt text, caption and glued numbers."""

from __future__ import annotations

import pandas as pd
import pytest

from kratom_claims.book_data import BookData
from kratom_claims.sections import category_section


@pytest.fixture
def section(tiny_corpus, tiny_codebook):
    claims = pd.DataFrame(
        {
            "claim_id": ["000-001", "000-002", "001-001", "001-002"],
            "article_id": ["000_aaaa", "000_aaaa", "001_bbbb", "001_bbbb"],
            "category": ["condition"] * 4,
            "term": ["chronic_pain", "pain", "chronic_pain", "anxiety"],
            "stance": ["asserted", "asserted", "asserted", "denied"],
            "hedged": [False, True, False, False],
        }
    )
    return category_section(BookData(tiny_corpus, tiny_codebook, claims), "condition")


def test_section_tallies_articles_per_term_and_keeps_only_positions_that_occur(section):
    assert section.tally.loc["Chronic pain", ["asserted", "sources"]].tolist() == [2, 2]
    assert list(section.parts.columns) == ["asserted", "hedged", "denied"]


def test_caption_names_only_the_positions_the_bars_show(section):
    assert section.caption("claim kratom relieves", "condition") == (
        "How many of the 3 articles claim kratom relieves each condition, and how. "
        "Bars are split into plain assertions, hedged assertions and denials."
    )
    assert section.alt("mention", "condition").startswith(
        "Stacked horizontal bar chart of how many articles mention each condition, split by stance. "
    )


def test_numbers_are_named_by_prefix_and_name_every_tied_leader(section):
    numbers = section.numbers("cond")
    assert numbers == {
        "cond_n_terms": 3,
        "cond_top": "Chronic pain",
        "cond_top_n": 2,
        "cond_n_all": 1,  # chronic pain: made by both articles that make claims (the third makes none)
        "cond_n_single": 2,
        "cond_n_hedged_cells": 1,
        "cond_n_denied_cells": 1,
    }


def test_figure_draws_one_stacked_bar_per_term(section):
    (ax,) = section.figure("Conditions").axes
    assert [t.get_text() for t in ax.get_yticklabels()] == list(section.tally.index)


def test_spread_sentence_leaves_an_article_without_claims_out_of_every_article(section):
    assert section.spread_sentence(("condition", "conditions"), "claimed") == (
        "One condition is claimed by every article that makes claims (2 of the 3); 2 are claimed by one article only."
    )
