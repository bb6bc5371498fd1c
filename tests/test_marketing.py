"""Traces of selling come out exact: residue, keyword density, repeated headings and phrases, buying prompts, appeals."""

from __future__ import annotations

import pandas as pd
import pytest

from kratom_claims.codebook import load_codebook
from kratom_claims.marketing import (
    appeal_matrix,
    buying_prompts,
    marketing_traces,
    repeated_headings,
    repeated_phrases,
    repetition_table,
    residue_table,
)
from kratom_claims.text import running_text


def test_repeated_phrases_merge_overlapping_runs_into_one():
    text = "One two three four five six seven eight nine. Other words. One two three four five six seven eight nine."
    assert repeated_phrases(text) == ["one two three four five six seven eight nine"]
    assert repeated_phrases("one two three four five six seven. x. one two three four five six seven.") == []
    assert repeated_phrases("a b c. a b c. d e f. d e f.", length=3) == ["a b c", "d e f"]


CONTENTS = "Contents\n- First part\n- Second part\nFirst part\nSome text here.\nSecond part\nMore text.\n"


def test_repeated_headings_find_a_list_of_contents():
    assert repeated_headings(CONTENTS) == ["First part", "Second part"]
    assert repeated_headings("Title\nA sentence.\n") == []


def test_running_text_drops_headings_and_their_repeats():
    assert running_text(CONTENTS) == "Some text here.\nMore text."


@pytest.fixture
def marketing_corpus(corpus_of):
    articles = {
        "000_aaaa": "Kratom guide\nBuy kratom now from a trusted vendor. Kratom's fans agree.\nMenu | Shop\n",
        "001_bbbb": "Plain text about kratom for pain and nothing more.\n",
    }
    return corpus_of(articles, {"000_aaaa": ["Menu | Shop\n"]})


def test_marketing_traces_count_residue_keyword_and_buying(marketing_corpus):
    traces = marketing_traces(marketing_corpus)
    assert traces.loc["000_aaaa"].to_dict() == {
        "words": 12,
        "residue_pieces": 1,
        "residue_words": 2,
        "kratom_mentions": 3,
        "kratom_per_100_words": pytest.approx(25.0),
        "repeated_headings": 0,
        "repeated_phrases": 0,
        "buying_sentences": 1,
    }
    assert traces.loc["001_bbbb", "kratom_mentions"] == 1 and traces.loc["001_bbbb", "residue_pieces"] == 0


def test_buying_prompts_and_residue_tables_show_each_trace(marketing_corpus):
    prompts = buying_prompts(marketing_corpus)
    assert prompts.to_dict("records") == [
        {"article_id": "000_aaaa", "words": "buy, vendor", "sentence": "Buy kratom now from a trusted vendor."}
    ]
    assert residue_table(marketing_corpus).to_dict("records") == [
        {"article_id": "000_aaaa", "piece": "Menu | Shop\n", "words": 2}
    ]


def test_repetition_table_lists_headings_and_phrases(corpus_of):
    text = "Contents\n- First part\nFirst part\nall of these eight words come back again. all of these eight words come back again.\n"
    table = repetition_table(corpus_of({"000_aaaa": text}))
    assert table.to_dict("records") == [
        {"article_id": "000_aaaa", "kind": "heading listed twice", "text": "First part"},
        {"article_id": "000_aaaa", "kind": "phrase repeated", "text": "all of these eight words come back again"},
    ]


def test_appeal_matrix_has_a_row_per_codebook_appeal_most_used_first(codebook_document, write_codebook):
    codebook_document["categories"]["persuasion"]["terms"] = [
        {"id": "natural", "label": "Appeal to nature", "definition": "Good because natural.", "synonyms": []},
        {"id": "tradition", "label": "Appeal to tradition", "definition": "Old, so good.", "synonyms": []},
        {"id": "testimonial", "label": "Testimonial", "definition": "Users say so.", "synonyms": []},
    ]
    codebook = load_codebook(write_codebook(codebook_document))
    appeals = pd.DataFrame(
        {
            "article_id": ["000_aaaa", "001_bbbb", "001_bbbb", "001_bbbb"],
            "category": ["persuasion"] * 4,
            "term": ["testimonial", "testimonial", "natural", "tradition"],
            "stance": ["asserted", "asserted", "asserted", "denied"],
        }
    )
    matrix = appeal_matrix(appeals, codebook, ["000_aaaa", "001_bbbb", "002_cccc"])
    assert matrix.index.tolist() == ["Testimonial", "Appeal to nature", "Appeal to tradition"]
    assert matrix.to_numpy().tolist() == [[True, True, False], [False, True, False], [False, False, False]]
    with pytest.raises(ValueError, match="not in article_ids: 001_bbbb"):
        appeal_matrix(appeals, codebook, ["000_aaaa"])
