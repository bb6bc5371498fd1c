"""The lesson's handouts (`make handouts`): one page each for students, no answers on them, every answer in the key."""

from __future__ import annotations

import re

import pytest
from pdf_reading import page_count, pdf_text, squeezed

from kratom_claims.claims import load_claims
from kratom_claims.codebook import load_codebook
from kratom_claims.corpus import load_corpus
from kratom_claims.handouts import condensed_codebook, paragraph_after
from kratom_claims.ids import article_label

STUDENT_PAGES = ["paragraph-to-code", "coding-sheet", "codebook-one-page"]
A4_POINTS = {(595, 842), (842, 595)}


def pdfinfo_size(path) -> tuple[int, int]:
    from pdf_reading import _poppler

    width, height = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", _poppler("pdfinfo", str(path))).groups()
    return int(float(width)), int(float(height))


@pytest.mark.parametrize("name", STUDENT_PAGES)
def test_each_student_handout_is_one_a4_page(handouts, name):
    assert page_count(handouts[name]) == 1
    assert pdfinfo_size(handouts[name]) in A4_POINTS


def test_the_condensed_codebook_names_every_term_the_claims_use(handouts):
    text = squeezed(pdf_text(handouts["codebook-one-page"]))
    terms = condensed_codebook(load_codebook(), load_claims())
    assert [term for term in terms["term"] if squeezed(term) not in text] == []
    for category in terms["category"].unique():
        assert squeezed(category) in text


def test_the_paragraph_handout_prints_the_lesson_paragraph_exactly(handouts):
    corpus = load_corpus()
    article = next(i for i in corpus.ids if article_label(i) == "000")
    paragraph = paragraph_after(corpus.texts[article], "Potential Side Effects:")
    assert squeezed(paragraph) in squeezed(pdf_text(handouts["paragraph-to-code"]))


def test_the_coding_sheet_has_every_column(handouts):
    text = squeezed(pdf_text(handouts["coding-sheet"])).casefold()
    for column in ["category", "term", "stance", "hedged", "compared with", "attributed to", "quote"]:
        assert squeezed(column) in text


def test_the_answer_key_contains_every_solution(handouts, solution_passages):
    text = squeezed(pdf_text(handouts["answer-key-teacher"]))
    assert len(solution_passages) >= 20
    assert text.count("SolutiontoExercise") == len(solution_passages)
    missing = [lines[:2] for lines in solution_passages if any(squeezed(line) not in text for line in lines)]
    assert missing == []


@pytest.mark.parametrize("name", STUDENT_PAGES)
def test_no_student_handout_contains_solution_text(handouts, name, solution_only_passages):
    text = squeezed(pdf_text(handouts[name]))
    assert len(solution_only_passages) >= 50
    assert [passage for passage in solution_only_passages if passage in text] == []
