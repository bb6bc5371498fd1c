"""The extractor on sentences written for these tests, with a small codebook of their own.

The sentences deliberately use terms the five articles never use (migraine, restless legs,
seizures, Borneo), so the rules are shown to work beyond the corpus they were tuned on.
"""

from __future__ import annotations

import math
import re

import pytest
import yaml

from kratom_claims.codebook import load_codebook
from kratom_claims.extract import (
    EXTRACT_COLUMNS,
    ClaimExtractor,
    dose_figures,
    extract_claims,
    mentions_other_drug,
    punctuation,
    trimmed,
    word_copy,
)
from kratom_claims.extract.cues import alternation
from kratom_claims.text import split_sentences


def _category(label, terms):
    return {
        "label": label,
        "definition": f"{label} in the test codebook.",
        "terms": [
            {
                "id": term,
                "label": term.replace("_", " ").capitalize(),
                "definition": f"Test term {term}.",
                "synonyms": synonyms,
            }
            for term, synonyms in terms
        ],
    }


TEST_CODEBOOK = {
    "categories": {
        "condition": _category(
            "Conditions",
            [
                ("pain", ["aches"]),
                ("chronic_pain", ["persistent pain"]),
                ("back_pain", ["lower back pain"]),
                ("joint_pain", []),
                ("migraine", ["migraines"]),
                ("restless_legs", ["restless legs syndrome"]),
                ("anxiety", []),
                ("insomnia", ["trouble sleeping"]),
            ],
        ),
        "strain": _category("Strains", [("borneo", []), ("red_vein", ["red-veined"]), ("maeng_da", [])]),
        "side_effect": _category(
            "Side effects",
            [
                ("nausea", []),
                ("constipation", []),
                ("seizures", ["seizure"]),
                ("addiction", ["addictive"]),
                ("dependence", ["dependency"]),
                ("respiratory_depression", ["slowed breathing"]),
                ("anxiety", []),
                ("insomnia", []),
                ("side_effects", ["side effects", "adverse effects"]),
                ("cognitive_impairment", ["cognitive function"]),
            ],
        ),
        "dosage": _category(
            "Dosage",
            [
                ("low_dose", []),
                ("moderate_dose", []),
                ("high_dose", []),
                ("dose_range", []),
                ("dose_dependent_effects", []),
            ],
        ),
        "mechanism": _category(
            "Mechanisms", [("opioid_receptors", ["mu-opioid receptors", "\u03bc-opioid receptors"])]
        ),
        "advice": _category("Advice", [("consult_doctor", ["talk to a doctor"])]),
    }
}


@pytest.fixture(scope="module")
def codebook(tmp_path_factory):
    path = tmp_path_factory.mktemp("codebook") / "codebook.yml"
    path.write_text(yaml.safe_dump(TEST_CODEBOOK, sort_keys=False), encoding="utf-8")
    return load_codebook(path)


@pytest.fixture(scope="module")
def extractor(codebook):
    return ClaimExtractor(codebook)


def rows(extractor, text):
    """(category, term, stance, hedged) for each proposed claim, in text order."""
    table = extractor.extract(text, "t01")
    return [(r.category, r.term, r.stance, bool(r.hedged)) for r in table.itertuples(index=False)]


def stances(extractor, text):
    return {(r[0], r[1]): r[2] for r in rows(extractor, text)}


# --- matching ---------------------------------------------------------------------------------


def test_table_has_the_claims_columns_and_types(extractor):
    table = extractor.extract("Kratom eases migraines.", "t01")
    assert list(table.columns) == EXTRACT_COLUMNS
    assert str(table.dtypes["hedged"]) == "bool"
    assert str(table.dtypes["start"]) == "int64" and str(table.dtypes["end"]) == "int64"
    assert math.isnan(table.loc[0, "dose_low_g"])


def test_no_claims_gives_an_empty_table_with_the_columns(extractor):
    table = extractor.extract("The weather was mild all week.", "t01")
    assert table.empty and list(table.columns) == EXTRACT_COLUMNS


def test_longest_form_wins_where_forms_overlap(extractor):
    assert rows(extractor, "Kratom eased her lower back pain.") == [("condition", "back_pain", "asserted", False)]
    assert rows(extractor, "He takes kratom for persistent pain.") == [("condition", "chronic_pain", "asserted", False)]


def test_forms_match_whole_words_only_and_ignore_case(extractor):
    assert rows(extractor, "A painful, seizure-free week on BORNEO kratom.") == [
        ("side_effect", "seizures", "asserted", False),
        ("strain", "borneo", "asserted", False),
    ]
    assert rows(extractor, "Bornean growers sell painkiller-free blends.") == []


def test_quote_is_the_sentence_and_offsets_point_at_it(extractor):
    text = "Intro line\n\nKratom calms restless legs syndrome. It may cause nausea!\n"
    table = extractor.extract(text, "t01")
    assert list(table["quote"]) == ["Kratom calms restless legs syndrome.", "It may cause nausea!"]
    for row in table.itertuples(index=False):
        assert text[row.start : row.end] == row.quote


def test_offsets_survive_characters_whose_lower_case_is_longer(extractor):
    text = "İstanbul readers: kratom eased migraines."
    table = extractor.extract(text, "t01")
    assert list(table["term"]) == ["migraine"]
    assert text[table.loc[0, "start"] : table.loc[0, "end"]] == table.loc[0, "quote"]


def test_one_row_per_term_and_stance_keeping_the_first(extractor):
    text = (
        "Kratom eased my migraine. Kratom eased my migraine again. Kratom does not cause nausea. Kratom caused nausea."
    )
    table = extractor.extract(text, "t01")
    assert [(r.term, r.stance, r.start) for r in table.itertuples(index=False)] == [
        ("migraine", "asserted", 0),
        ("nausea", "denied", 58),
        ("nausea", "asserted", 88),
    ]


def test_quotes_are_the_sentences_split_sentences_finds(extractor):
    text = (
        "Restless legs syndrome and kratom\n"
        '  - Kratom eased migraines. "Kratom eased back pain."\n'
        "* Kratom may cause nausea!  Borneo kratom e.g. Does it help joint pain?\n"
        "Kratom caused constipation.   \n\n"
        "\u2022 Kratom (so they say) soothed persistent pain. Kratom caused a seizure.\n"
        "Kratom eased aches"
    )
    table = extractor.extract(text, "t01")
    spans = [(s.start, s.end) for s in split_sentences(text)]
    assert list(zip(table["start"], table["end"], strict=True)) == spans
    assert table.loc[1, "quote"] == "Kratom eased migraines."
    assert table.loc[2, "quote"] == '"Kratom eased back pain."'


def test_letters_beyond_ascii_stay_part_of_their_word(extractor):
    assert rows(extractor, "At the Ma\u00f1aches caf\u00e9, kratom acts on \u03bc-opioid receptors.") == [
        ("mechanism", "opioid_receptors", "asserted", False),
    ]


def test_coordinated_forms_name_both_terms(extractor):
    assert stances(extractor, "Kratom eased her back and joint pain.") == {
        ("condition", "back_pain"): "asserted",
        ("condition", "joint_pain"): "asserted",
    }
    assert stances(extractor, "Kratom eased her sore or joint pain.") == {("condition", "joint_pain"): "asserted"}


def test_strain_with_a_hyphenated_synonym(extractor):
    assert rows(extractor, "Red-veined kratom helps with migraines.") == [
        ("strain", "red_vein", "asserted", False),
        ("condition", "migraine", "asserted", False),
    ]


# --- negation and comparison with opioids ---------------------------------------------------


def test_plain_negation_denies_the_term(extractor):
    assert stances(extractor, "Kratom does not cause seizures in healthy adults.") == {
        ("side_effect", "seizures"): "denied"
    }
    assert stances(extractor, "In our survey kratom never led to constipation.") == {
        ("side_effect", "constipation"): "denied"
    }


def test_without_denies_the_harm_but_not_the_relief(extractor):
    assert stances(extractor, "Kratom eased my migraine without any nausea.") == {
        ("condition", "migraine"): "asserted",
        ("side_effect", "nausea"): "denied",
    }


def test_negation_stops_at_the_clause_boundary(extractor):
    assert stances(extractor, "Kratom is no miracle, but it calms restless legs syndrome.") == {
        ("condition", "restless_legs"): "asserted",
    }


def test_not_only_and_not_without_do_not_deny(extractor):
    assert stances(extractor, "Kratom relieves not only back pain but also migraines.") == {
        ("condition", "back_pain"): "asserted",
        ("condition", "migraine"): "asserted",
    }
    assert stances(extractor, "Borneo kratom isn't without side effects.") == {
        ("strain", "borneo"): "asserted",
        ("side_effect", "side_effects"): "asserted",
    }


def test_less_of_a_condition_is_relief_not_denial(extractor):
    assert stances(extractor, "Users of Borneo kratom describe less back pain after a week.") == {
        ("strain", "borneo"): "asserted",
        ("condition", "back_pain"): "asserted",
    }


@pytest.mark.parametrize(
    "sentence, term",
    [
        ("Compared with morphine, kratom carries a lower risk of slowed breathing.", "respiratory_depression"),
        ("Kratom is less addictive than hydrocodone.", "addiction"),
        ("Kratom offers a safer alternative with milder nausea than oxycodone.", "nausea"),
        ("Kratom users rarely report constipation.", "constipation"),
        ("Kratom works on pain with fewer adverse effects than codeine.", "side_effects"),
    ],
)
def test_comparisons_with_opioids_deny_the_harm(extractor, sentence, term):
    assert stances(extractor, sentence)[("side_effect", term)] == "denied"


def test_unlike_phrase_about_a_drug_becomes_a_kratom_denial(extractor):
    assert stances(extractor, "Unlike fentanyl, which can trigger seizures, kratom is described as gentle.") == {
        ("side_effect", "seizures"): "denied",
    }
    assert stances(extractor, "Unlike prescription painkillers that breed dependency, kratom eases aches.") == {
        ("side_effect", "dependence"): "denied",
        ("condition", "pain"): "asserted",
    }


def test_unlike_phrase_without_kratom_after_it_is_dropped(extractor):
    assert rows(extractor, "It is said that, unlike morphine, which causes constipation, herbal teas are mild.") == []


def test_maintaining_a_function_denies_its_impairment(extractor):
    assert stances(extractor, "Kratom eases aches while maintaining focus and cognitive function.") == {
        ("condition", "pain"): "asserted",
        ("side_effect", "cognitive_impairment"): "denied",
    }


def test_negation_denies_advice_too(extractor):
    assert stances(extractor, "You do not need to talk to a doctor first, the seller claims.") == {
        ("advice", "consult_doctor"): "denied",
    }


def test_unlike_opioids_does_not_deny_what_kratom_is_said_to_cause(extractor):
    assert stances(extractor, "Unlike opioids, kratom can still cause nausea.") == {
        ("side_effect", "nausea"): "asserted"
    }


# --- claims about other drugs ---------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Oxycodone causes constipation and nausea.",
        "Prescription painkillers that can lead to addiction remain widely prescribed.",
        "Many clinics prefer traditional pain management methods, which may bring a risk of dependency.",
        "When other treatments fail or cause side effects, patients look elsewhere.",
        "Morphine is known to produce slowed breathing at high doses.",
    ],
)
def test_claims_about_other_drugs_are_dropped(extractor, sentence):
    assert rows(extractor, sentence) == []


def test_a_drug_opening_a_sentence_is_its_subject_whatever_ended_the_last_one(extractor):
    text = "Kratom is sold to millions of people worldwide. Prescription painkillers may bring a risk of dependency."
    assert rows(extractor, text) == []


def test_harm_word_describing_a_drug_is_dropped(extractor):
    assert rows(extractor, "Some patients taper off addictive painkillers with kratom.") == []


def test_a_drug_named_as_comparison_does_not_take_the_subject(extractor):
    assert stances(extractor, "Kratom, an alternative to opioids, can cause constipation.") == {
        ("side_effect", "constipation"): "asserted",
    }


def test_kratom_named_after_the_drug_takes_the_subject_back(extractor):
    assert stances(extractor, "Codeine helps some people, while kratom may cause seizures.") == {
        ("side_effect", "seizures"): "asserted",
    }


def test_mentions_other_drug():
    assert mentions_other_drug("Tramadol is an opioid painkiller.")
    assert not mentions_other_drug("Kratom binds to opioid receptors.")


# --- hedges ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, hedged",
    [
        ("Kratom might ease migraines.", True),
        ("Kratom can ease migraines.", False),
        ("Some users report that Maeng Da kratom calms restless legs syndrome.", False),
        ("Research suggests kratom reduces lower back pain.", False),
        ("In rare cases, kratom triggers a seizure.", True),
        ("Kratom is believed to act on mu-opioid receptors.", True),
        ("Kratom has been touted as a fix for trouble sleeping.", False),
        ("Kratom potentially eases aches.", True),
        ("Kratom eases aches.", False),
    ],
)
def test_hedges_and_attributions_alone_do_not_hedge(extractor, sentence, hedged):
    found = rows(extractor, sentence)
    assert found and all(row[3] is hedged for row in found if row[0] != "strain")


def test_hedge_after_a_clause_does_not_reach_back(extractor):
    assert rows(extractor, "Kratom eases lower back pain, but it may cause nausea.") == [
        ("condition", "back_pain", "asserted", False),
        ("side_effect", "nausea", "asserted", True),
    ]


# --- one form, two categories ---------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, category",
    [
        ("Kratom can cause anxiety in new users.", "side_effect"),
        ("Many people take kratom to reduce anxiety.", "condition"),
        ("Kratom helps people who suffer from insomnia.", "condition"),
        ("Side effects such as insomnia appear in a few kratom users.", "side_effect"),
        ("At high doses kratom may lead to jitters and anxiety.", "side_effect"),
        ("Kratom brings relief from anxiety.", "condition"),
    ],
)
def test_shared_form_goes_to_the_category_of_its_nearest_cue(extractor, sentence, category):
    table = extractor.extract(sentence, "t01")
    shared = table[table["term"].isin(["anxiety", "insomnia"])]
    assert list(shared["category"]) == [category]


# --- doses ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, term, low, high, bound",
    [
        ("Beginners should take 1-2 grams.", "low_dose", 1.0, 2.0, "range"),
        ("A moderate serving is 1\u20132 g.", "moderate_dose", 1.0, 2.0, "range"),
        ("Most guides suggest between 3 and 5 grams.", "dose_range", 3.0, 5.0, "range"),
        ("A high dose of 1.5 to 4 g sedates.", "high_dose", 1.5, 4.0, "range"),
        ("Take 2 grams with food.", "dose_range", 2.0, 2.0, "point"),
        ("Experienced users go up to 5 grams.", "dose_range", None, 5.0, "at_most"),
        ("A light serving of 500 mg is enough for some.", "low_dose", 0.5, 0.5, "point"),
        ("Start with two to three grams.", "dose_range", 2.0, 3.0, "range"),
        ("Take 3 g to 6 g for strong effects.", "dose_range", 3.0, 6.0, "range"),
    ],
)
def test_dose_figures_and_their_band(extractor, sentence, term, low, high, bound):
    assert dose_rows(extractor, sentence) == [(term, low, high, bound)]


def dose_rows(extractor, text):
    """(term, low grams, high grams, bound type) of each dosage row, None for an open end."""
    table = extractor.extract(text, "t01")
    doses = table[table["category"] == "dosage"]
    return [
        (
            r.term,
            None if math.isnan(r.dose_low_g) else r.dose_low_g,
            None if math.isnan(r.dose_high_g) else r.dose_high_g,
            r.dose_bound,
        )
        for r in doses.itertuples(index=False)
    ]


def test_each_figure_of_a_list_is_its_own_dosage_row(extractor):
    text = "Guide:\nLow: 1-2 grams\nModerate: 2-4 grams\nHigh: 4-8 grams\nAgain, low: 1-2 grams\n"
    table = extractor.extract(text, "t01")
    assert [(r.term, r.dose_low_g, r.dose_high_g) for r in table.itertuples(index=False)] == [
        ("low_dose", 1.0, 2.0),
        ("moderate_dose", 2.0, 4.0),
        ("high_dose", 4.0, 8.0),
    ]


def test_dose_band_followed_by_a_harm_claims_dose_dependent_effects(extractor):
    assert rows(extractor, "High doses of kratom can lead to nausea.") == [
        ("dosage", "dose_dependent_effects", "asserted", False),
        ("side_effect", "nausea", "asserted", False),
    ]
    assert rows(extractor, "Kratom may cause nausea at high doses.") == [("side_effect", "nausea", "asserted", True)]


@pytest.mark.parametrize(
    "sentence",
    ["7-hydroxymitragynine was isolated in 2002.", "We walked 3 and 5 miles.", "Kratom and 2 gallons of tea."],
)
def test_numbers_that_are_not_doses(extractor, sentence):
    assert extractor.extract(sentence, "t01").query("category == 'dosage'").empty


# --- several articles -----------------------------------------------------------------------


def test_extract_claims_keeps_article_order_and_ids(codebook):
    table = extract_claims(
        {"b": "Kratom eases migraines.", "a": "Kratom may cause nausea.", "c": "Nothing here."}, codebook
    )
    assert list(zip(table["article_id"], table["term"], strict=True)) == [("b", "migraine"), ("a", "nausea")]
    assert list(table["hedged"]) == [False, True]


def test_extractor_is_reusable_and_gives_the_same_rows(extractor):
    text = "Kratom does not cause seizures. Kratom might ease migraines."
    assert extractor.extract(text, "x").equals(extractor.extract(text, "x"))


# --- helpers the reading relies on -------------------------------------------------------------


def test_punctuation_cuts_where_split_sentences_starts_a_sentence():
    text = (
        'Kratom helps. \nNew line! Then "quoted." Next e.g. the 1.5 g dose?  Two spaces.\n'
        "- bullet (aside); end: x \u2013 y. (Bracketed.) Done"
    )
    cuts, marks = punctuation(text)
    assert cuts == [15, 24, 38, 65, 79, 108, 120]  # not after "helps." (line break), "e.g." or "1.5"
    bounds = [0, *cuts, len(text)]
    spans = [trimmed(text, start, end) for start, end in zip(bounds, bounds[1:], strict=False)]
    assert [span for span in spans if span[0] < span[1]] == [(s.start, s.end) for s in split_sentences(text)]
    assert [text[mark] for mark in marks] == ["(", ")", ";", ":", "\u2013", "(", ")"]


def test_alternation_matches_every_phrase_and_prefers_the_longest():
    phrases = ["lead to", "lead", "leads to", "cause", "causes"]
    pattern = re.compile(rf"\b(?:{alternation(phrases)})\b")
    assert all(pattern.fullmatch(phrase) for phrase in phrases)
    assert [m.group() for m in pattern.finditer("it may lead to that lead, and leads to causes caused")] == [
        "lead to",
        "lead",
        "leads to",
        "causes",
    ]


def test_word_copy_blanks_non_word_characters_and_keeps_letters_beyond_ascii():
    assert word_copy("caf\u00e9, \u03bc-opioid; x_y") == " caf\u00e9  \u03bc opioid  x_y "


@pytest.mark.parametrize(
    "sentence, figures",
    [
        ("take 1-2 grams daily", [("dose_range", 1.0, 2.0, "range")]),
        ("three to five milligrams of extract", [("dose_range", 0.003, 0.005, "range")]),
        ("a high dose of 4 g, then a big egg", [("high_dose", 4.0, 4.0, "point")]),
        ("at least 10 gms.", [("dose_range", 10.0, math.nan, "at_least")]),
        ("take 5 ml", []),
        ("take 5 gramsx", []),
    ],
)
def test_dose_figures_found_up_to_the_last_unit(sentence, figures):
    found = dose_figures(sentence, {"low_dose", "moderate_dose", "high_dose", "dose_range"})
    assert [tuple(map(repr, figure)) for figure in found] == [tuple(map(repr, figure)) for figure in figures]
