"""The committed evidence and quality ratings pass every check, and their sources are real, findable entries."""

import re

import pytest
from pybtex.database import parse_file

from kratom_claims.bibliography import bib_keys
from kratom_claims.codebook import load_codebook
from kratom_claims.corpus import load_corpus
from kratom_claims.evidence import is_benchmark, load_evidence
from kratom_claims.layout import project_layout
from kratom_claims.ratings import discern_benchmarks, load_discern, load_discern_items, load_jama


@pytest.fixture(scope="module")
def codebook():
    return load_codebook()


@pytest.fixture(scope="module")
def evidence(codebook):
    return load_evidence(codebook=codebook)


@pytest.fixture(scope="module")
def bibliography():
    return parse_file(str(project_layout().references_bib), bib_format="bibtex")


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def test_the_key_reader_agrees_with_a_full_bibtex_parser(bibliography):
    assert bib_keys() == set(bibliography.entries.keys())


def test_every_evidence_row_cites_an_entry_of_the_bibliography(evidence, bibliography):
    unknown = sorted(set(evidence["citation_key"]) - set(bibliography.entries.keys()))
    assert unknown == []


def test_every_term_of_every_evidence_row_is_in_the_codebook(evidence, codebook):
    missing = [
        (row.evidence_id, key)
        for row in evidence.itertuples()
        for key in row.term_keys
        if not codebook.has(*key.split(":"))
    ]
    assert missing == []


def test_evidence_ids_are_numbered_in_order(evidence):
    assert list(evidence["evidence_id"]) == [f"E{n:02d}" for n in range(1, len(evidence) + 1)]


def test_the_evidence_rests_on_at_least_twenty_sources(evidence, bibliography):
    assert evidence["citation_key"].nunique() >= 20
    assert len(bibliography.entries) >= 20


def test_most_sources_can_be_found_by_doi_or_address(bibliography):
    findable = [key for key, entry in bibliography.entries.items() if "doi" in entry.fields or "url" in entry.fields]
    assert len(findable) / len(bibliography.entries) >= 0.75


def test_every_entry_has_a_title_and_a_year_or_a_note_saying_it_is_unseen(bibliography):
    lacking = [
        key
        for key, entry in bibliography.entries.items()
        if "title" not in entry.fields or not ("year" in entry.fields or "note" in entry.fields)
    ]
    assert lacking == []


def test_the_two_discern_benchmarks_give_means_on_the_15_to_75_scale(evidence):
    benchmarks = discern_benchmarks(evidence)
    assert len(benchmarks) == int(is_benchmark(evidence).sum()) == 2
    assert benchmarks["mean"].between(15, 75).all()
    assert (benchmarks["sd"] > 0).all() and (benchmarks["sites"] > 0).all()


def test_every_original_article_is_rated_and_every_rated_article_on_all_items_and_criteria(
    corpus, original_article_ids
):
    """Rating a reader's added article is optional (the chapter says so); a rating, once begun, is complete."""
    items = load_discern_items()
    discern = load_discern(article_ids=corpus.ids)
    jama = load_jama(article_ids=corpus.ids)
    assert len(items) == 16
    assert set(discern["article_id"]) >= original_article_ids and set(jama["article_id"]) >= original_article_ids
    assert (discern.groupby("article_id").size() == 16).all()
    assert (jama.groupby("article_id").size() == 4).all()


QUOTED = re.compile(r'"([^"]+)"')


def test_text_quoted_in_a_rating_is_copied_exactly_from_its_article(corpus):
    discern = load_discern(article_ids=corpus.ids)
    jama = load_jama(article_ids=corpus.ids)
    reasons = list(zip(discern["article_id"], discern["justification"], strict=True)) + list(
        zip(jama["article_id"], jama["evidence"], strict=True)
    )
    misquoted = [
        (article_id, quote)
        for article_id, reason in reasons
        for quote in QUOTED.findall(reason)
        if quote not in corpus.texts[article_id]
    ]
    assert misquoted == []
