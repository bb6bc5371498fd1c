"""Tiny stand-ins for the project's data, written to tmp_path so tests never read data/."""

from __future__ import annotations

import copy
import hashlib

import pytest
import yaml

from kratom_claims.codebook import load_codebook
from kratom_claims.corpus import load_corpus
from kratom_claims.text import count_words

ARTICLES = {
    "000_aaaa": "Kratom eases chronic pain for many users.\nTake 2 to 4 grams. Kratom eases chronic pain.\n",
    "001_bbbb": "Kratom may cause nausea. It does not cure anxiety.\n",
    "002_cccc": "An article that makes no claims at all.\n",
}

CODEBOOK = {
    "categories": {
        "condition": {
            "label": "Conditions",
            "definition": "What an article claims kratom relieves.",
            "terms": [
                {"id": "pain", "label": "Pain", "definition": "Any pain.", "synonyms": ["aches"]},
                {
                    "id": "chronic_pain",
                    "label": "Chronic pain",
                    "definition": "Pain lasting three months or more.",
                    "parent": "pain",
                    "synonyms": ["chronic pain", "Persistent   Pain"],
                },
                {"id": "anxiety", "label": "Anxiety", "definition": "Worry said to be relieved.", "synonyms": []},
            ],
        },
        "strain": {
            "label": "Strains",
            "definition": "Kinds of kratom named by vein colour.",
            "terms": [{"id": "red_vein", "label": "Red vein", "definition": "Red-veined leaf.", "synonyms": ["red"]}],
        },
        "side_effect": {
            "label": "Side effects",
            "definition": "Harms an article says kratom causes.",
            "terms": [
                {"id": "nausea", "label": "Nausea", "definition": "Feeling sick.", "synonyms": ["queasiness"]},
                {"id": "anxiety", "label": "Anxiety", "definition": "Worry said to be caused.", "synonyms": []},
            ],
        },
        "dosage": {
            "label": "Dosage",
            "definition": "Amounts an article recommends.",
            "terms": [{"id": "dose_range", "label": "Dose range", "definition": "A range in grams.", "synonyms": []}],
        },
        "mechanism": {
            "label": "Mechanisms",
            "definition": "How kratom is said to work.",
            "terms": [{"id": "opioid_receptors", "label": "Opioid receptors", "definition": "Binding to them.", "synonyms": []}],
        },
        "advice": {
            "label": "Advice",
            "definition": "What readers are told to do.",
            "terms": [{"id": "consult_doctor", "label": "Consult a doctor", "definition": "Ask a doctor first.", "synonyms": []}],
        },
    }
}


def write_corpus(data_dir, articles: dict[str, str]) -> None:
    """Article files plus an articles.csv whose words and sha256 match them, as load_corpus demands."""
    (data_dir / "articles").mkdir(parents=True)
    rows = ["article_id,title,published_on,words,sha256,residue_note"]
    for article_id, text in articles.items():
        path = data_dir / "articles" / f"{article_id}.txt"
        path.write_bytes(text.encode("utf-8"))
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        rows.append(f"{article_id},Title {article_id},unknown,{count_words(text)},{digest},")
    (data_dir / "articles.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


@pytest.fixture
def codebook_document():
    """A fresh, valid codebook document that a test may break before writing it."""
    return copy.deepcopy(CODEBOOK)


@pytest.fixture
def write_codebook(tmp_path):
    """Write a codebook document (or raw YAML text) and return its path."""

    def write(document, name="codebook.yml"):
        path = tmp_path / name
        text = document if isinstance(document, str) else yaml.safe_dump(document, sort_keys=False)
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def tiny_corpus(tmp_path):
    write_corpus(tmp_path / "data", ARTICLES)
    return load_corpus(tmp_path / "data")


@pytest.fixture
def tiny_codebook(write_codebook):
    return load_codebook(write_codebook(copy.deepcopy(CODEBOOK), name="tiny_codebook.yml"))
