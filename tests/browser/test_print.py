"""Printing a chapter from the browser gives a handout: no solutions, no code, no cut lines.

Each chapter is printed to an A4 PDF by Chromium (Playwright's page.pdf, the browser's own print
path, with _static/print.css applied) and read back with pdftotext, as a teacher's printout would
be read. Needs the built book (`make strict-build`) and poppler-utils (`scripts/ensure_browser.sh`).
"""

from __future__ import annotations

import re

import pytest
from pdf_reading import page_count, pdf_text, placed_words, squeezed

from kratom_claims.corpus import load_corpus
from kratom_claims.layout import project_layout

# Chapters with solutions, collapsed article texts and data tables, figures and code cells.
PRINTED_CHAPTERS = ["notebooks/01_corpus.html", "notebooks/06_side_effects.html"]
# A solution's passages that the rest of the page does not also show (it may quote the page).
SOLUTION_PASSAGES_JS = """() => {
  const solutions = [...document.querySelectorAll('.solution')];
  const clone = document.querySelector('article').cloneNode(true);
  clone.querySelectorAll('.solution').forEach(s => s.remove());
  return {page: clone.textContent, solutions: solutions.map(s => s.textContent.split('\\n'))};
}"""
CODE_JS = "() => [...document.querySelectorAll('div.cell_input')].map(c => c.textContent)"
# Any element of the article whose content is wider than its box: that content is cut on paper.
OVERFLOWING_JS = """() => [...document.querySelectorAll('article *')]
  .filter(e => e.getClientRects().length && e.scrollWidth > e.clientWidth + 1
               && getComputedStyle(e).overflowX !== 'visible')
  .map(e => e.tagName + '.' + e.className)"""
FIGURES_KEPT_WHOLE_JS = """() => [...document.querySelectorAll('article figure')]
  .map(f => getComputedStyle(f).breakInside)"""
MIN_PASSAGE = 30


@pytest.fixture(scope="module")
def printed(browser, book_url, tmp_path_factory):
    """Each chapter in PRINTED_CHAPTERS, as on screen (solution and code text) and as printed."""
    folder = tmp_path_factory.mktemp("printed")
    chapters = {}
    for chapter in PRINTED_CHAPTERS:
        context = browser.new_context()
        page = context.new_page()
        page.goto(book_url + chapter, wait_until="load")
        on_screen = page.evaluate(SOLUTION_PASSAGES_JS)
        code = page.evaluate(CODE_JS)
        pdf = folder / (chapter.replace("/", "_") + ".pdf")
        page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
        page.emulate_media(media="print")
        overflowing = page.evaluate(OVERFLOWING_JS)
        figure_breaks = page.evaluate(FIGURES_KEPT_WHOLE_JS)
        context.close()
        chapters[chapter] = {
            "pdf": pdf,
            "text": squeezed(pdf_text(pdf)),
            "page": squeezed(on_screen["page"]),
            "solutions": on_screen["solutions"],
            "code": code,
            "overflowing": overflowing,
            "figure_breaks": figure_breaks,
        }
    return chapters


@pytest.mark.parametrize("chapter", PRINTED_CHAPTERS)
def test_a_printed_chapter_contains_no_solution_text(printed, chapter):
    result = printed[chapter]
    assert result["solutions"], f"{chapter} has no solutions to hide: choose a chapter that has some"
    for lines in result["solutions"]:
        own = [squeezed(line) for line in lines if len(squeezed(line)) >= MIN_PASSAGE]
        own = [line for line in own if line not in result["page"]]
        assert own, f"a solution of {chapter} has no passage of its own to look for: {lines[:3]}"
        assert [line for line in own if line in result["text"]] == []


@pytest.mark.parametrize("chapter", PRINTED_CHAPTERS)
def test_a_printed_chapter_leaves_out_code_and_navigation(printed, chapter):
    result = printed[chapter]
    code_lines = [squeezed(line) for cell in result["code"] for line in cell.splitlines() if len(line) > 20]
    assert code_lines, f"{chapter} has no code cells"
    assert [line for line in code_lines if line in result["text"]] == []
    assert "Skiptomaincontent" not in result["text"]
    assert "Colormode" not in result["text"]


@pytest.mark.parametrize("chapter", PRINTED_CHAPTERS)
def test_a_printed_chapter_cuts_no_line_at_the_margin(printed, chapter):
    result = printed[chapter]
    assert result["overflowing"] == []
    words = placed_words(result["pdf"])
    assert words
    assert [w for w in words if w.x_min < 0 or w.x_max > w.page_width] == []


@pytest.mark.parametrize("chapter", PRINTED_CHAPTERS)
def test_a_printed_figure_stays_on_one_page_with_its_caption(printed, chapter):
    breaks = printed[chapter]["figure_breaks"]
    assert breaks, f"{chapter} has no figures"
    assert set(breaks) == {"avoid"}


def test_the_printed_corpus_chapter_shows_every_article_text_in_full(printed):
    """The article texts are collapsed on screen; on paper each one is there to its last word."""
    result = printed["notebooks/01_corpus.html"]
    corpus = load_corpus(project_layout().data_dir)
    for article_id in corpus.ids:
        # Each line, and each tab-separated piece of a line (a site footer's columns), on its own:
        # pdftotext may read the pieces of one line in another order, but every one must be there.
        pieces = [squeezed(piece) for piece in re.split(r"[\n\t]", corpus.texts[article_id])]
        missing = [piece[:60] for piece in pieces if piece and piece not in result["text"]]
        assert missing == [], f"article {article_id}: not printed: {missing[:3]}"


@pytest.mark.parametrize("chapter", PRINTED_CHAPTERS)
def test_a_printed_chapter_has_no_blank_page(printed, chapter):
    pdf = printed[chapter]["pdf"]
    pages_with_words = {word.page for word in placed_words(pdf)}
    assert pages_with_words == set(range(1, page_count(pdf) + 1))
