"""The codebook loader: the vocabulary it returns, and one clear CodebookError for each kind of mistake."""

from __future__ import annotations

import re

import pytest
import yaml
from tiny_data import CODEBOOK

from kratom_claims import codebook as codebook_module
from kratom_claims.codebook import ALL_CATEGORIES, CATEGORIES, load_codebook
from kratom_claims.errors import CodebookError
from kratom_claims.layout import project_layout


def condition_terms(document):
    return document["categories"]["condition"]["terms"]


def refused(path, *pieces):
    """Assert loading ``path`` fails with a CodebookError naming the file and every piece."""
    with pytest.raises(CodebookError) as caught:
        load_codebook(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    for piece in pieces:
        assert piece in message
    return message


def test_categories_table_lists_the_six_claim_categories_then_persuasion(tiny_codebook):
    assert CATEGORIES == ("condition", "strain", "side_effect", "dosage", "mechanism", "advice")
    assert ALL_CATEGORIES == (*CATEGORIES, "persuasion")
    assert list(tiny_codebook.categories.columns) == ["category", "label", "definition"]
    assert list(tiny_codebook.categories["category"]) == list(ALL_CATEGORIES)
    assert tiny_codebook.categories.iloc[2].to_dict() == {
        "category": "side_effect",
        "label": "Side effects",
        "definition": "Harms an article says kratom causes.",
    }


def test_terms_table_keeps_parent_and_synonyms(tiny_codebook):
    terms = tiny_codebook.terms
    assert list(terms.columns) == ["category", "term", "label", "definition", "parent", "synonyms"]
    assert len(terms) == 10
    chronic = terms[terms["term"] == "chronic_pain"].iloc[0]
    assert chronic["parent"] == "pain"
    assert chronic["synonyms"] == ("chronic pain", "Persistent   Pain")
    pain = terms[terms["term"] == "pain"].iloc[0]
    assert pain["parent"] == ""
    assert terms[terms["term"] == "anxiety"].iloc[0]["synonyms"] == ()


def test_same_id_in_two_categories_is_two_terms(tiny_codebook):
    assert tiny_codebook.has("condition", "anxiety")
    assert tiny_codebook.has("side_effect", "anxiety")
    assert not tiny_codebook.has("strain", "anxiety")
    assert not tiny_codebook.has("condition", "nausea")
    assert not tiny_codebook.has("planet", "pain")


def test_persuasion_is_optional_and_left_out_of_the_extractors_forms(tmp_path):
    document = {key: value for key, value in CODEBOOK.items()}
    document["categories"] = {k: v for k, v in CODEBOOK["categories"].items() if k != "persuasion"}
    path = tmp_path / "codebook.yml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    assert list(load_codebook(path).categories["category"]) == list(CATEGORIES)


def test_surface_forms_leave_out_persuasion_unless_asked(tiny_codebook):
    assert "herbal" not in set(tiny_codebook.surface_forms()["form"])
    assert "herbal" in set(tiny_codebook.surface_forms(ALL_CATEGORIES)["form"])


def test_comparators_and_attributions_are_read_with_labels(tiny_codebook):
    assert tiny_codebook.comparators.to_dict("records") == [
        {"id": "opioids", "label": "Opioids", "definition": "Opioid painkillers."}
    ]
    assert tiny_codebook.qualifier_label("attributions", "users") == "Users"
    with pytest.raises(KeyError, match="no attribution 'critics'"):
        tiny_codebook.qualifier_label("attributions", "critics")


@pytest.mark.parametrize(
    "entries, problem",
    [
        (["opioids"], "'comparators' must be a mapping of ids to label and definition"),
        ({"Opioids!": {"label": "x", "definition": "y"}}, "comparators entry 'Opioids!': ids must match"),
        ({"opioids": {"label": "x"}}, "comparators entry 'opioids' must have exactly the keys label and definition"),
        ({"opioids": {"label": "", "definition": "y"}}, "comparators entry 'opioids' needs a non-empty one-line label"),
    ],
)
def test_malformed_comparators_are_refused(tmp_path, entries, problem):
    path = tmp_path / "codebook.yml"
    path.write_text(yaml.safe_dump({**CODEBOOK, "comparators": entries}), encoding="utf-8")
    with pytest.raises(CodebookError) as caught:
        load_codebook(path)
    assert problem in str(caught.value)


def test_term_label_reads_the_label(tiny_codebook):
    assert tiny_codebook.term_label("advice", "consult_doctor") == "Consult a doctor"
    with pytest.raises(KeyError, match="nausea"):
        tiny_codebook.term_label("condition", "nausea")


def test_surface_forms_are_lowercased_normalised_and_unique_per_term(tiny_codebook):
    forms = tiny_codebook.surface_forms()
    assert list(forms.columns) == ["category", "term", "form"]
    chronic = forms[(forms["category"] == "condition") & (forms["term"] == "chronic_pain")]
    assert list(chronic["form"]) == ["chronic pain", "persistent pain"]
    assert list(forms.loc[forms["term"] == "red_vein", "form"]) == ["red vein", "red"]
    assert len(forms) == 13


def test_missing_file_is_refused(tmp_path):
    refused(tmp_path / "absent.yml", "codebook file is missing")


def test_malformed_yaml_is_a_codebook_error(write_codebook):
    path = write_codebook("categories:\n  condition: [unclosed\n")
    message = refused(path, "not valid YAML: expected ',' or ']'", "at line 3, column 1")
    assert "\n" not in message


def test_key_given_twice_is_refused(write_codebook):
    path = write_codebook("categories:\n  condition: {}\n  condition: {}\n")
    refused(path, "not valid YAML: key 'condition' is given twice at line 3, column 3")


@pytest.mark.parametrize("text", ["- a list\n", "categories: [condition]\n", "labels: {}\n", ""])
def test_top_level_must_hold_a_categories_mapping(write_codebook, text):
    refused(write_codebook(text), "'categories' mapping")


def test_unknown_top_level_key_is_refused(write_codebook, codebook_document):
    codebook_document["version"] = 2
    refused(write_codebook(codebook_document), "unknown top-level key(s) version")


def test_missing_category_is_named(write_codebook, codebook_document):
    del codebook_document["categories"]["mechanism"]
    refused(write_codebook(codebook_document), "category 'mechanism' is missing")


def test_unknown_category_is_named(write_codebook, codebook_document):
    codebook_document["categories"]["dosages"] = codebook_document["categories"].pop("dosage")
    refused(write_codebook(codebook_document), "unknown category 'dosages'")


def test_category_without_terms_list_is_refused(write_codebook, codebook_document):
    del codebook_document["categories"]["strain"]["terms"]
    refused(write_codebook(codebook_document), "category 'strain' needs a list of terms")


def test_category_with_unknown_key_is_refused(write_codebook, codebook_document):
    codebook_document["categories"]["advice"]["term"] = []
    refused(write_codebook(codebook_document), "category 'advice' has unknown key(s) term")


@pytest.mark.parametrize("bad_id", ["Chronic_pain", "1pain", "chronic-pain", "chronic pain", "", 5, None])
def test_term_id_must_be_a_slug(write_codebook, codebook_document, bad_id):
    condition_terms(codebook_document)[1]["id"] = bad_id
    refused(write_codebook(codebook_document), "category 'condition', term #2", f"id {bad_id!r}", "^[a-z][a-z0-9_]*$")


@pytest.mark.parametrize("key", ["label", "definition"])
@pytest.mark.parametrize("value", ["", "   ", None, 3, "two\nlines"])
def test_label_and_definition_must_be_one_line_of_text(write_codebook, codebook_document, key, value):
    condition_terms(codebook_document)[0][key] = value
    refused(write_codebook(codebook_document), "category 'condition', term 'pain'", f"non-empty one-line {key}")


def test_missing_label_is_refused(write_codebook, codebook_document):
    del condition_terms(codebook_document)[2]["label"]
    refused(write_codebook(codebook_document), "term 'anxiety' needs a non-empty one-line label")


@pytest.mark.parametrize("synonyms", ["aches", ["aches", ""], ["aches", 4], [None], {"a": 1}])
def test_synonyms_must_be_a_list_of_text(write_codebook, codebook_document, synonyms):
    condition_terms(codebook_document)[0]["synonyms"] = synonyms
    refused(write_codebook(codebook_document), "term 'pain': synonyms must be a list of non-empty")


def test_synonyms_may_be_left_out(write_codebook, codebook_document):
    del condition_terms(codebook_document)[0]["synonyms"]
    codebook = load_codebook(write_codebook(codebook_document))
    assert codebook.terms.iloc[0]["synonyms"] == ()


def test_misspelt_key_is_refused(write_codebook, codebook_document):
    condition_terms(codebook_document)[0]["synonym"] = condition_terms(codebook_document)[0].pop("synonyms")
    refused(write_codebook(codebook_document), "term 'pain' has unknown key(s) synonym")


def test_term_that_is_not_a_mapping_is_refused(write_codebook, codebook_document):
    condition_terms(codebook_document).append("migraine")
    refused(write_codebook(codebook_document), "category 'condition', term #4 must be a mapping")


def test_duplicate_id_within_a_category_is_refused(write_codebook, codebook_document):
    condition_terms(codebook_document).append(
        {"id": "pain", "label": "Pain again", "definition": "A second pain.", "synonyms": []}
    )
    refused(write_codebook(codebook_document), "category 'condition' lists term id 'pain' twice")


def test_parent_from_another_category_is_refused(write_codebook, codebook_document):
    condition_terms(codebook_document)[0]["parent"] = "nausea"
    refused(write_codebook(codebook_document), "term 'pain' has parent 'nausea', which is not a condition term")


def test_parent_that_is_not_an_id_is_refused(write_codebook, codebook_document):
    condition_terms(codebook_document)[0]["parent"] = ["anxiety"]
    refused(write_codebook(codebook_document), "term 'pain' has parent ['anxiety']")


def test_parent_cycle_is_refused(write_codebook, codebook_document):
    condition_terms(codebook_document)[0]["parent"] = "anxiety"
    condition_terms(codebook_document)[2]["parent"] = "chronic_pain"
    message = refused(write_codebook(codebook_document), "category 'condition' has a parent cycle")
    assert re.search(r"(\w+) -> \w+ -> \w+ -> \1$", message)


def test_term_that_is_its_own_parent_is_a_cycle(write_codebook, codebook_document):
    condition_terms(codebook_document)[2]["parent"] = "anxiety"
    refused(write_codebook(codebook_document), "parent cycle: anxiety -> anxiety")


def test_surface_form_shared_by_two_terms_is_refused(write_codebook, codebook_document):
    condition_terms(codebook_document)[0]["synonyms"] = ["aches", "  PERSISTENT pain "]
    refused(
        write_codebook(codebook_document),
        "category 'condition': surface form 'persistent pain' belongs to both 'pain' and 'chronic_pain'",
    )


def test_label_repeated_as_own_synonym_is_allowed(tiny_codebook):
    assert tiny_codebook.has("condition", "chronic_pain")


def test_codebook_is_immutable(tiny_codebook):
    with pytest.raises(AttributeError):
        tiny_codebook.terms = None


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without LibYAML")
def test_the_libyaml_loader_reads_the_codebook_as_the_pure_python_loader_does():
    text = project_layout().codebook_yml.read_text(encoding="utf-8")
    fast = yaml.load(text, Loader=codebook_module._FastUniqueKeyLoader)
    assert fast == yaml.load(text, Loader=codebook_module._UniqueKeyLoader)
    assert fast["categories"]
