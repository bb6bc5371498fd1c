"""Locating a quote: offsets that slice it out exactly, every overlapping place, and the near miss when it is typed loosely."""

from __future__ import annotations

import pytest
from tiny_data import ARTICLES, write_data_dir

from kratom_claims.errors import CorpusError
from kratom_claims.quotes import find_quote, locate_quote


def test_locate_gives_offsets_that_slice_out_the_quote(data_dir):
    text = ARTICLES["000_aaaa"]
    assert locate_quote("001_bbbb", "does not cure anxiety", data_dir) == [(28, 49)]
    places = locate_quote("000_aaaa", "Kratom eases chronic pain", data_dir)
    assert places == [(0, 25), (61, 86)]
    assert {text[s:e] for s, e in places} == {"Kratom eases chronic pain"}


def test_find_quote_counts_overlapping_places():
    assert find_quote("aaaa", "aa") == [(0, 2), (1, 3), (2, 4)]


def test_locate_points_to_a_near_miss(tmp_path):
    data_dir = write_data_dir(
        tmp_path / "data",
        articles={"000_curly": "It\u2019s said that kratom \u2013 a leaf \u2013 eases pain.\n"},
        claims=[],
    )
    with pytest.raises(CorpusError) as raised:
        locate_quote("000_curly", "it's said that  kratom - a leaf", data_dir)
    assert raised.value.problem == (
        'the quote "it\'s said that  kratom - a leaf" is not in the article as typed; text[0:30] reads '
        "'It\u2019s said that kratom \u2013 a leaf' (it differs in case, spacing, quote marks or dashes): quote those exact characters"
    )


@pytest.mark.parametrize(
    "article_id, quote, problem",
    [
        ("000_aaaa", "kratom cures everything", "the quote 'kratom cures everything' is not in the article"),
        ("000_aaaa", "", "the quote is empty"),
        ("999_none", "pain", "no article '999_none' in"),
    ],
)
def test_locate_refusals(data_dir, article_id, quote, problem):
    with pytest.raises(CorpusError) as raised:
        locate_quote(article_id, quote, data_dir)
    assert raised.value.problem.startswith(problem)
