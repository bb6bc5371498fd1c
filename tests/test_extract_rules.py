"""The extractor's stance, scope, attribution and dose rules (issue 13), one sentence each.

Every sentence here was written for these tests; none is taken from an article. The small
codebook below holds only the terms the sentences need.
"""

from __future__ import annotations

import math

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from kratom_claims.codebook import load_codebook
from kratom_claims.extract import ClaimExtractor, dose_figures, search_copy


def _terms(label, terms):
    return {
        "label": label,
        "definition": f"{label} for the rule tests.",
        "terms": [
            {"id": term, "label": term.replace("_", " ").capitalize(), "definition": f"Term {term}.", "synonyms": forms}
            for term, forms in terms
        ],
    }


RULES_CODEBOOK = {
    "categories": {
        "condition": _terms(
            "Conditions",
            [
                ("pain", ["analgesic", "pain relief"]),
                ("chronic_pain", []),
                ("joint_pain", []),
                ("arthritis", []),
                ("fibromyalgia", []),
                ("back_pain", []),
                ("insomnia", ["difficulty sleeping"]),
                ("opioid_withdrawal", ["withdrawal from opioids"]),
            ],
        ),
        "strain": _terms("Strains", [("strain_differences", ["strains of kratom", "several strains"])]),
        "side_effect": _terms(
            "Side effects",
            [
                ("contamination", ["contaminated"]),
                ("addiction", ["addictive"]),
                ("liver_injury", ["liver damage"]),
                ("overdose", []),
                ("withdrawal", ["withdrawal symptoms"]),
                ("insomnia", ["difficulty sleeping"]),
                ("nausea", []),
                ("side_effects", ["side effects"]),
            ],
        ),
        "dosage": _terms("Dosage", [("low_dose", []), ("high_dose", []), ("dose_range", ["grams", "gram"])]),
        "mechanism": _terms("Mechanisms", [("opioid_like", ["opioid-like"])]),
        "advice": _terms(
            "Advice",
            [
                ("medical_supervision", []),
                ("advised_against", ["not recommended", "should be avoided"]),
                ("legal_status", ["legal", "banned", "not approved by the FDA"]),
                ("drug_interactions", ["combine kratom with", "mix well with"]),
                ("more_research_needed", ["lacks clinical research", "more comprehensive research"]),
                ("complementary_therapy", ["physical therapy"]),
            ],
        ),
    },
    "attributions": {
        who: {"label": who.capitalize(), "definition": f"Test attribution {who}."}
        for who in ("users", "advocates", "critics", "regulators", "researchers")
    },
}


@pytest.fixture(scope="module")
def extractor(tmp_path_factory):
    path = tmp_path_factory.mktemp("codebook") / "codebook.yml"
    path.write_text(yaml.safe_dump(RULES_CODEBOOK, sort_keys=False), encoding="utf-8")
    return ClaimExtractor(load_codebook(path))


def claims(extractor, text):
    """(category, term, stance) of each proposed claim, in text order."""
    return [(r.category, r.term, r.stance) for r in extractor.extract(text, "r01").itertuples(index=False)]


def attributed(extractor, text):
    """(term, attributed_to, hedged) of each proposed claim."""
    return [(r.term, r.attributed_to, bool(r.hedged)) for r in extractor.extract(text, "r01").itertuples(index=False)]


def doses(extractor, text):
    """(term, low, high, bound) of each dosage row, None for an open end."""
    table = extractor.extract(text, "r01")
    return [
        (
            r.term,
            None if math.isnan(r.dose_low_g) else r.dose_low_g,
            None if math.isnan(r.dose_high_g) else r.dose_high_g,
            r.dose_bound,
        )
        for r in table[table["category"] == "dosage"].itertuples(index=False)
    ]


# --- stance and scope ---------------------------------------------------------------------------


def test_negation_in_a_concessive_clause_stops_at_the_comma_before_the_new_subject(extractor):
    assert claims(extractor, "Though kratom is not a prescription drug, it offers real analgesic relief.") == [
        ("condition", "pain", "asserted")
    ]


def test_without_governs_its_own_phrase_not_the_clause_after_the_comma(extractor):
    text = "Packed without any lab oversight, several tins turned out contaminated."
    assert claims(extractor, text) == [("side_effect", "contamination", "asserted")]


def test_without_stops_at_the_verb_and_not_safe_denies_nothing(extractor):
    text = "Taking it without medical supervision is not safe and may end in addiction."
    assert claims(extractor, text) == [
        ("advice", "medical_supervision", "asserted"),
        ("side_effect", "addiction", "asserted"),
    ]


def test_without_still_denies_the_list_of_harms_right_after_it(extractor):
    text = "Sellers say it eases pain without nausea, overdose or addiction."
    assert claims(extractor, text) == [
        ("condition", "pain", "asserted"),
        ("side_effect", "nausea", "denied"),
        ("side_effect", "overdose", "denied"),
        ("side_effect", "addiction", "denied"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Our pharmacist says kratom should be avoided for fibromyalgia.",
        "Using kratom for fibromyalgia is not recommended by most clinicians.",
        "Kratom is not recommended for fibromyalgia or withdrawal from opioids.",
    ],
)
def test_advice_against_use_is_advice_not_the_condition(extractor, text):
    assert claims(extractor, text) == [("advice", "advised_against", "asserted")]


def test_a_contrary_clause_keeps_its_condition_out_of_the_advice_against(extractor):
    text = "Fans use it for back pain, but it is not recommended for fibromyalgia."
    assert claims(extractor, text) == [
        ("condition", "back_pain", "asserted"),
        ("advice", "advised_against", "asserted"),
    ]


@pytest.mark.parametrize(
    "text, term, who",
    [
        ("Critics say the powder causes liver damage.", "liver_injury", "critics"),
        ("The leaf is considered by the FDA to be addictive.", "addiction", "regulators"),
        ("Many claim it cures fibromyalgia, but no trial shows it.", "fibromyalgia", "advocates"),
        ("Users often report relief from back pain.", "back_pain", "users"),
        ("Advocates claim it eases arthritis.", "arthritis", "advocates"),
        ("A study found kratom is addictive.", "addiction", "researchers"),
    ],
)
def test_attributed_claims_name_whom_and_an_attribution_alone_does_not_hedge(extractor, text, term, who):
    assert attributed(extractor, text) == [(term, who, False)]


def test_a_claim_before_the_attribution_stays_the_articles_own(extractor):
    assert attributed(extractor, "Kratom eases back pain; critics say it is addictive.") == [
        ("back_pain", "", False),
        ("addiction", "critics", False),
    ]


def test_an_attributed_claim_is_hedged_only_by_its_own_hedge(extractor):
    assert attributed(extractor, "Critics say it may be addictive.") == [("addiction", "critics", True)]


@pytest.mark.parametrize(
    "text, term, who",
    [
        ("Shoppers who come back every month tell us it calms their arthritis.", "arthritis", "users"),
        ("Most patients in the clinic said kratom eased their back pain.", "back_pain", "users"),
        ("One online vendor insists the powder relieves fibromyalgia.", "fibromyalgia", "advocates"),
        ("A hospital pharmacist warned that the capsules were contaminated.", "contamination", "critics"),
        ("The Drug Enforcement Administration lists kratom as addictive.", "addiction", "regulators"),
        ("Two national surveys suggest most buyers take it for chronic pain.", "chronic_pain", "researchers"),
        ("A few small trials found it raised nausea in volunteers.", "nausea", "researchers"),
    ],
)
def test_reported_speech_names_its_speaker(extractor, text, term, who):
    assert attributed(extractor, text) == [(term, who, False)]


def test_a_quotation_before_its_speaker_is_the_speakers_and_he_said_is_the_last_speaker(extractor):
    text = 'The shop manager, a vendor for ten years, says it is popular. "It sorts out my arthritis," he said.'
    assert attributed(extractor, text) == [("arthritis", "advocates", False)]


def test_according_to_attributes_the_claims_before_it_in_its_sentence(extractor):
    text = "Half of the tins were contaminated, according to an independent analysis."
    assert attributed(extractor, text) == [("contamination", "researchers", False)]


def test_a_quotation_signed_after_a_dash_is_its_signers(extractor):
    text = '"My arthritis is gone and I never felt sick." \u2013 a buyer from Leeds'
    assert attributed(extractor, text) == [("arthritis", "users", False)]


def test_the_sentence_that_closes_a_quotation_keeps_its_speaker(extractor):
    text = 'Critics were blunt. "It is no cure," one critic said. "Do not be fooled. It is addictive."'
    assert attributed(extractor, text) == [("addiction", "critics", False)]


def test_a_form_that_ends_in_a_preposition_before_a_drug_is_kept(extractor):
    assert claims(extractor, "Never combine kratom with opioids.") == [("advice", "drug_interactions", "asserted")]


def test_a_negation_stops_at_and_before_a_new_subject_such_as_everyone(extractor):
    text = "It is not a cure, and everyone finds relief from arthritis in time."
    assert claims(extractor, text) == [("condition", "arthritis", "asserted")]


@pytest.mark.parametrize(
    "text",
    [
        "Pregabalin and duloxetine are often prescribed for fibromyalgia.",
        "Lidocaine plasters cause few side effects.",
        "Over-the-counter pain relievers can ease arthritis.",
    ],
)
def test_common_pain_medicines_are_other_drugs(extractor, text):
    assert claims(extractor, text) == []


def test_conditions_listed_as_withdrawal_symptoms_after_a_harm_are_not_relieved(extractor):
    text = "Daily use can lead to withdrawal symptoms such as back pain, insomnia and nausea."
    assert claims(extractor, text) == [
        ("side_effect", "withdrawal", "asserted"),
        ("side_effect", "insomnia", "asserted"),
        ("side_effect", "nausea", "asserted"),
    ]


def test_withdrawal_symptoms_kratom_eases_stay_conditions(extractor):
    text = "It can ease withdrawal symptoms such as back pain and insomnia."
    assert claims(extractor, text) == [
        ("side_effect", "withdrawal", "asserted"),
        ("condition", "back_pain", "asserted"),
        ("condition", "insomnia", "asserted"),
    ]


@pytest.mark.parametrize(
    "text, stance",
    [("Unlike codeine, it is not addictive.", "denied"), ("Unlike codeine, it is addictive.", "asserted")],
)
def test_a_pronoun_after_unlike_drug_and_a_comma_is_kratom(extractor, text, stance):
    assert claims(extractor, text) == [("side_effect", "addiction", stance)]


def test_a_frequency_set_off_by_commas_is_no_negation(extractor):
    assert claims(extractor, "It can bring nausea and, rarely, an overdose.") == [
        ("side_effect", "nausea", "asserted"),
        ("side_effect", "overdose", "asserted"),
    ]


def test_nobody_denies(extractor):
    assert claims(extractor, "Nobody in our group found it addictive.") == [("side_effect", "addiction", "denied")]


def test_a_drug_one_comes_off_is_not_the_subject(extractor):
    text = "It helps people coming off opioids, as it eases nausea."
    assert claims(extractor, text) == [("side_effect", "nausea", "asserted")]


@pytest.mark.parametrize(
    "text",
    [
        "I said from the start that it eases my arthritis.",
        "We found that it eases arthritis in most of our staff.",
        "Reported effects include nausea.",
        "Reports of nausea are common.",
    ],
)
def test_the_writer_or_no_speaker_keeps_the_claim_the_articles_own(extractor, text):
    assert [who for _, who, _ in attributed(extractor, text)] == [""]


def test_a_negation_in_a_clause_opened_by_although_ends_at_its_comma(extractor):
    text = "Although the powder is not a drug, at bedtime it eases arthritis."
    assert claims(extractor, text) == [("condition", "arthritis", "asserted")]


@pytest.mark.parametrize(
    "text, term",
    [
        ("There are no long-term trials, and more comprehensive research is overdue.", "more_research_needed"),
        ("Two states have not banned it; the rest have.", "legal_status"),
    ],
)
def test_a_warning_said_as_a_negation_is_asserted(extractor, text, term):
    assert claims(extractor, text) == [("advice", term, "asserted")]


def test_did_nothing_for_denies_what_follows_it(extractor):
    assert claims(extractor, "Sadly it did nothing for my fibromyalgia.") == [("condition", "fibromyalgia", "denied")]


def test_did_nothing_for_a_pronoun_denies_the_condition_named_before_it(extractor):
    text = "If your trouble is arthritis, save your money: it did nothing for mine."
    assert claims(extractor, text) == [("condition", "arthritis", "denied")]


def test_one_of_the_treatments_for_a_condition_is_said_of_that_treatment(extractor):
    text = "Swimming is one of the gentlest treatments for back pain and arthritis."
    assert claims(extractor, text) == []


def test_kratom_named_as_one_of_the_treatments_still_claims(extractor):
    text = "Kratom is one of the oldest treatments for back pain."
    assert claims(extractor, text) == [("condition", "back_pain", "asserted")]


@pytest.mark.parametrize(
    "text",
    [
        "Current guidelines prefer physical therapy for chronic pain.",
        "Joint pain is commonly due to arthritis.",
        "Medical marijuana is not legal in every state.",
    ],
)
def test_statements_about_other_treatments_and_background_facts_claim_nothing(extractor, text):
    assert claims(extractor, text) == []


def test_a_background_sentence_that_names_kratom_still_claims(extractor):
    assert claims(extractor, "Joint pain is commonly due to arthritis, which kratom eases.") == [
        ("condition", "joint_pain", "asserted"),
        ("condition", "arthritis", "asserted"),
    ]


def test_bullets_under_a_heading_of_alternatives_to_kratom_claim_nothing(extractor):
    text = "Alternatives to kratom for chronic pain:\n- Physical therapy\n- Pain relief creams\n"
    assert claims(extractor, text) == [("condition", "chronic_pain", "asserted")]


def test_a_heading_about_harms_makes_its_bullets_side_effects(extractor):
    text = "Which side effects can kratom bring?\n- Difficulty sleeping\n- Nausea\n"
    assert claims(extractor, text) == [
        ("side_effect", "side_effects", "asserted"),
        ("side_effect", "insomnia", "asserted"),
        ("side_effect", "nausea", "asserted"),
    ]


def test_a_lead_in_line_passes_the_heading_above_it_to_the_bullets(extractor):
    text = "Which side effects can kratom bring?\nMost buyers are fine, though a few get:\n- Difficulty sleeping\n"
    assert claims(extractor, text) == [
        ("side_effect", "side_effects", "asserted"),
        ("side_effect", "insomnia", "asserted"),
    ]


def test_harms_after_a_comparison_with_a_drug_are_said_of_kratom(extractor):
    text = "It mimics how prescription opioids act, potentially causing overdose and withdrawal."
    assert claims(extractor, text) == [
        ("side_effect", "overdose", "asserted"),
        ("side_effect", "withdrawal", "asserted"),
    ]


@pytest.mark.parametrize(
    "text, term",
    [
        ("Vendors stock several strains with distinct effects.", "strain_differences"),
        ("The strains of kratom differ in colour.", "strain_differences"),
        ("Kratom is not approved by the FDA for any use.", "legal_status"),
        ("Kratom lacks clinical research on chronic use.", "more_research_needed"),
        ("Experts call for more comprehensive research.", "more_research_needed"),
        ("Two states have banned kratom.", "legal_status"),
    ],
)
def test_missing_wordings_are_found_and_asserted(extractor, text, term):
    assert [(found, stance) for _, found, stance in claims(extractor, text) if found == term] == [(term, "asserted")]


@pytest.mark.parametrize(
    "text",
    [
        "Reports suggest it eases arthritis.",
        "Its purported relief of arthritis draws buyers.",
        "Kratom is said to ease arthritis.",
    ],
)
def test_new_hedges(extractor, text):
    assert [(term, hedged) for term, _, hedged in attributed(extractor, text)] == [("arthritis", True)]


# --- doses --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A low dose is 500 mg to 1 g.", [("low_dose", 0.5, 1.0, "range")]),
        ("Forum posts put the amount at 1 g to 1500 mg.", [("dose_range", 1.0, 1.5, "range")]),
        ("A usual serving is 2,5 g.", [("dose_range", 2.5, 2.5, "point")]),
        ("Extracts are taken at 0,02g-0,04g.", [("dose_range", 0.02, 0.04, "range")]),
        ("Never take more than 25 grams.", [("dose_range", 25.0, None, "at_least")]),
        ("A high dose is over 8 g.", [("high_dose", 8.0, None, "at_least")]),
        ("Beginners take up to 5 g.", [("low_dose", None, 5.0, "at_most")]),
        ("Most people need less than 3 grams.", [("dose_range", None, 3.0, "at_most")]),
        ("Capsules hold 1,000 mg each.", [("dose_range", 1.0, 1.0, "point")]),
    ],
)
def test_dose_units_decimal_commas_and_bounds(extractor, text, expected):
    assert doses(extractor, text) == expected


def test_a_range_written_backwards_is_not_swapped_into_a_dose(extractor):
    assert doses(extractor, "The label reads 8-2 grams.") == []


@pytest.mark.parametrize(
    "text",
    [
        "To brew tea, boil 50 grams of leaves in two litres of water.",
        "A 250 g bag ships in two days.",
        "Powder sells at $0.10 per gram.",
        "The price of 100 grams is 20 euros.",
    ],
)
def test_amounts_that_are_not_doses_give_no_dosage_row(extractor, text):
    assert [claim for claim in claims(extractor, text) if claim[0] == "dosage"] == []


# --- property test of dose phrases -----------------------------------------------------------

UNIT_GRAMS = {"mg": 0.001, "g": 1.0, "gram": 1.0, "grams": 1.0}
SEPARATORS = ("-", "\u2013", " to ")


def _written(value: float, comma: bool) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if comma else text


amounts = st.decimals(min_value="0.1", max_value="99.9", places=1).map(float)


@given(
    low=amounts,
    high=amounts,
    low_unit=st.sampled_from(sorted(UNIT_GRAMS)),
    high_unit=st.sampled_from(sorted(UNIT_GRAMS)),
    separator=st.sampled_from(SEPARATORS),
    comma=st.booleans(),
)
def test_generated_ranges_parse_to_their_grams_or_are_refused(low, high, low_unit, high_unit, separator, comma):
    phrase = f"take {_written(low, comma)} {low_unit}{separator}{_written(high, comma)} {high_unit} daily"
    low_g, high_g = low * UNIT_GRAMS[low_unit], high * UNIT_GRAMS[high_unit]
    found = dose_figures(search_copy(phrase), {"dose_range"})  # the copy the extractor reads: dashes made plain
    if low_g < high_g:
        assert len(found) == 1
        term, parsed_low, parsed_high, bound = found[0]
        assert (term, bound) == ("dose_range", "range")
        assert parsed_low == pytest.approx(low_g) and parsed_high == pytest.approx(high_g)
    else:
        assert found == []


@given(
    value=amounts,
    unit=st.sampled_from(sorted(UNIT_GRAMS)),
    lead=st.sampled_from(["", "up to ", "over ", "more than ", "at least ", "under "]),
    comma=st.booleans(),
)
def test_generated_single_figures_keep_their_bound(value, unit, lead, comma):
    phrase = f"use {lead}{_written(value, comma)}{unit} at most once"
    bound = {"": "point", "up to ": "at_most", "under ": "at_most"}.get(lead, "at_least")
    grams = value * UNIT_GRAMS[unit]
    ((term, low, high, parsed_bound),) = dose_figures(phrase, {"dose_range"})
    assert (term, parsed_bound) == ("dose_range", bound)
    given_end = high if bound == "at_most" else low
    open_end = low if bound == "at_most" else high
    assert given_end == pytest.approx(grams)
    assert math.isnan(open_end) if bound != "point" else open_end == pytest.approx(grams)


# --- round 3: rules written from the first three test sets ----------------------------------


@pytest.mark.parametrize(
    "text, term",
    [
        ("About 55% said the tea calmed their arthritis.", "arthritis"),
        ("Three in ten respondents said they had nausea after a large serving.", "nausea"),
        ("Most describe the powder as a help for fibromyalgia.", "fibromyalgia"),
    ],
)
def test_a_share_of_people_asked_is_a_speaker(extractor, text, term):
    assert attributed(extractor, text) == [(term, "users", False)]


def test_a_speaker_set_off_by_commas_mid_sentence_speaks_the_whole_sentence(extractor):
    text = "The reader had nausea and insomnia, she said, and later a spell of overdose."
    assert attributed(extractor, text) == [
        ("nausea", "unclear", False),
        ("insomnia", "unclear", False),
        ("overdose", "unclear", False),
    ]


def test_a_named_person_before_a_verb_of_saying_is_a_speaker_the_rules_cannot_place(extractor):
    assert attributed(extractor, "Okafor said the capsules were contaminated.") == [("contamination", "unclear", False)]


def test_a_name_opening_the_sentence_before_an_apposition_speaks(extractor):
    text = "Mina Patel, who runs a tea bar downtown, told reporters that regulars buy it for back pain."
    assert attributed(extractor, text) == [("back_pain", "unclear", False)]


def test_a_persons_reported_speech_goes_on_to_the_end_of_its_paragraph(extractor):
    text = (
        "A pharmacist at the county clinic said the extracts worry her. "
        "Some were contaminated. Others caused nausea.\n\n"
        "Kratom is addictive."
    )
    assert attributed(extractor, text) == [
        ("contamination", "critics", False),
        ("nausea", "critics", False),
        ("addiction", "", False),
    ]


def test_a_quotation_that_runs_over_two_sentences_stays_its_speakers(extractor):
    text = '"It is sold next to candy," she said. "Teens end up with nausea and worse."'
    assert attributed(extractor, text) == [("nausea", "unclear", False)]


def test_a_quotation_signed_with_a_first_name_is_someone_the_rules_cannot_place(extractor):
    text = '"Nothing else touched my fibromyalgia." \u2013 Ana, Lisbon'
    assert attributed(extractor, text) == [("fibromyalgia", "unclear", False)]


@pytest.mark.parametrize(
    "text",
    [
        "The product is marketed as a cure for arthritis.",
        "Powders are sold as a safe way to ease back pain.",
    ],
)
def test_marketing_wording_attributes_the_claim_to_advocates(extractor, text):
    assert [who for _, who, _ in attributed(extractor, text)] == ["advocates"]


def test_sold_as_a_product_form_attributes_nothing(extractor):
    assert attributed(extractor, "It is sold as powder and eases back pain.") == [("back_pain", "", False)]


@pytest.mark.parametrize(
    "text",
    [
        "Kratom, Arthritis and Sleep: What Readers Should Know\nIt is addictive.\n",
        "Home · Red Strains · Arthritis Guide\nIt is addictive.\n",
        "Does it help arthritis?\nIt is addictive.\n",
    ],
)
def test_titles_navigation_lines_and_yes_no_headings_claim_nothing(extractor, text):
    assert claims(extractor, text) == [("side_effect", "addiction", "asserted")]


def test_a_sentence_line_in_title_case_is_still_read_because_it_ends_with_a_full_stop(extractor):
    assert claims(extractor, "Kratom Relieves Arthritis.\n") == [("condition", "arthritis", "asserted")]


def test_bullets_under_a_heading_about_symptoms_are_side_effects_not_conditions(extractor):
    text = "Stopping suddenly brings symptoms such as:\n- Difficulty sleeping\n- Back pain\n"
    assert claims(extractor, text) == [("side_effect", "insomnia", "asserted")]


@pytest.mark.parametrize(
    "text",
    [
        "The reviewer did not dismiss claims that it eases arthritis.",
        "I don't doubt that it eases arthritis.",
    ],
)
def test_doubting_a_doubt_is_no_negation(extractor, text):
    assert claims(extractor, text) == [("condition", "arthritis", "asserted")]


def test_reported_advice_not_to_use_it_denies_no_harm_after_it(extractor):
    text = "The agency tells buyers not to use it and calls it addictive."
    assert claims(extractor, text) == [("side_effect", "addiction", "asserted")]


def test_a_negation_ends_where_and_we_opens_a_new_clause(extractor):
    text = "We do not sell large tins, and we find it causes nausea at high doses."
    assert ("side_effect", "nausea", "asserted") in claims(extractor, text)


def test_what_another_medicine_is_for_is_not_a_claim_about_kratom(extractor):
    text = "The clinic gives medicines for nausea and back pain during detox."
    assert claims(extractor, text) == []


def test_the_purpose_of_a_drug_kratom_replaces_is_kratoms_purpose(extractor):
    text = "Fans call it an alternative to opioids for arthritis."
    assert claims(extractor, text) == [("condition", "arthritis", "asserted")]


def test_a_negation_written_without_its_apostrophe_still_denies(extractor):
    assert claims(extractor, "Honestly it doesnt cause nausea for me.") == [("side_effect", "nausea", "denied")]


def test_a_yes_or_no_heading_answered_yes_makes_its_claim(extractor):
    assert claims(extractor, "Is kratom addictive?\nYes. Daily users often say so.\n") == [
        ("side_effect", "addiction", "asserted")
    ]


def test_reports_that_people_do_something_are_theirs(extractor):
    text = "The nurse mentioned reports that some veterans use it for back pain."
    assert attributed(extractor, text) == [("back_pain", "users", False)]


@pytest.mark.parametrize(
    "text",
    [
        "Every year people die of overdose on fentanyl.",
        "The ward sees nausea from benzos and little else.",
    ],
)
def test_a_harm_tied_to_another_drug_by_a_preposition_is_that_drugs(extractor, text):
    assert claims(extractor, text) == []


def test_every_drug_of_a_list_after_with_is_an_object_not_the_subject(extractor):
    text = "Taking kratom with opioids, sedatives or alcohol can cause an overdose."
    assert claims(extractor, text) == [("side_effect", "overdose", "asserted")]


# --- who speaks, when the rules cannot tell: "unclear" --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I was told it would sort out my back pain.",
        "You'll hear that it calms arthritis within days.",
        "On forums the powder is a cure for fibromyalgia.",
    ],
)
def test_a_frame_of_reported_speech_with_no_speaker_makes_its_claims_unclear(extractor, text):
    assert [who for _, who, _ in attributed(extractor, text)] == ["unclear"]


def test_a_verb_of_saying_whose_speaker_no_rule_places_makes_its_claims_unclear(extractor):
    text = "A nurse at the walk-in clinic said the capsules were contaminated."
    assert attributed(extractor, text) == [("contamination", "unclear", False)]


@pytest.mark.parametrize(
    "text, term",
    [
        ("Nausea has been reported after large servings.", "nausea"),
        ("That said, the tea is addictive.", "addiction"),
    ],
)
def test_the_passive_and_that_said_name_no_speaker(extractor, text, term):
    assert attributed(extractor, text) == [(term, "", False)]


def test_a_claim_inside_a_quotation_with_no_speaker_is_unclear_and_scare_quotes_are_not(extractor):
    quoted = 'One message stuck with me: "it took my back pain away for good."'
    assert attributed(extractor, quoted) == [("back_pain", "unclear", False)]
    scare_quoted = 'The tea brings "nausea" to a few.'
    assert attributed(extractor, scare_quoted) == [("nausea", "", False)]


def test_a_speaker_found_later_in_the_sentence_replaces_unclear(extractor):
    text = '"It took my back pain away for good," one critic wrote, and customers agree.'
    assert attributed(extractor, text) == [("back_pain", "critics", False)]
    text = '"It took my back pain away for good," said a customer.'
    assert attributed(extractor, text) == [("back_pain", "users", False)]


def test_a_name_once_placed_keeps_its_speaker_in_later_sentences(extractor):
    text = (
        "Dr. Lena Ortiz, a pharmacist in the county, said the tea is addictive.\n\n"
        "Ortiz said the older tins were contaminated.\n\n"
        "Farrow said the leaf eased his arthritis."
    )
    assert attributed(extractor, text) == [
        ("addiction", "critics", False),
        ("contamination", "critics", False),
        ("arthritis", "unclear", False),
    ]


@pytest.mark.parametrize(
    "text, term, who",
    [
        ("Many also reported relief from back pain.", "back_pain", "users"),
        ("You can find fans saying it calms arthritis.", "arthritis", "users"),
        ("Reviewers swear it eases fibromyalgia.", "fibromyalgia", "users"),
        ("Some people feel their back pain ease within the hour.", "back_pain", "users"),
        ("The authors proposed that the leaf is opioid-like.", "opioid_like", "researchers"),
        ("Some pharmacologists have suggested the extract is addictive.", "addiction", "researchers"),
        ("The powder is mostly marketed for back pain.", "back_pain", "advocates"),
    ],
)
def test_more_speakers_and_verbs_of_reporting_are_placed(extractor, text, term, who):
    assert attributed(extractor, text) == [(term, who, False)]


@pytest.mark.parametrize("dash", ["-", "\u2013"])
def test_a_quotation_signed_after_a_plain_hyphen_or_an_en_dash_is_its_signers(extractor, dash):
    text = f'"It finally quiets my back pain at night." {dash} a buyer from Cork'
    assert attributed(extractor, text) == [("back_pain", "users", False)]


@pytest.mark.parametrize(
    "text",
    ["The clinic does not recommend kratom for back pain.", "Our nurses don't recommend it for back pain."],
)
def test_not_recommending_it_is_advice_against_not_the_condition(extractor, text):
    assert claims(extractor, text) == [("advice", "advised_against", "asserted")]


def test_not_recommending_an_amount_is_no_advice_against_use(extractor):
    assert claims(extractor, "We do not recommend more than 10 grams a day.") == [("dosage", "dose_range", "asserted")]


def test_a_caution_said_as_a_negation_is_still_the_caution(extractor):
    assert claims(extractor, "The powder does not mix well with alcohol.") == [
        ("advice", "drug_interactions", "asserted")
    ]
