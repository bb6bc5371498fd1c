"""The whole-book PDF (`make pdf`): title page with the version, contents, every chapter numbered, every figure, no solutions."""

from __future__ import annotations

from pdf_reading import image_count, page_text, pdf_text, squeezed


def test_the_title_page_names_the_book_and_its_version(book_pdf, version):
    first = squeezed(page_text(book_pdf, 1))
    assert squeezed("Kratom for pain: what web articles claim") in first
    assert squeezed(f"Version {version}") in first


def test_the_contents_list_every_chapter_in_order_with_its_number(book_pdf, chapter_titles):
    contents = squeezed(page_text(book_pdf, 2))
    assert contents.startswith("Contents")
    positions = [contents.find(squeezed(f"{number}. {title}")) for number, title in enumerate(chapter_titles, 1)]
    assert -1 not in positions, [t for t, p in zip(chapter_titles, positions, strict=True) if p == -1]
    assert positions == sorted(positions)


def test_every_chapter_is_printed_with_its_number_and_title(book_pdf, chapter_titles):
    # The chapter label is set in capitals ("CHAPTER 1") by the stylesheet.
    text = squeezed(pdf_text(book_pdf)).casefold()
    missing = [t for n, t in enumerate(chapter_titles, 1) if squeezed(f"Chapter {n} {t}").casefold() not in text]
    assert missing == []


def test_every_figure_of_the_book_is_printed(book_pdf, single_page):
    figures = len(single_page.select("article img"))
    assert figures >= 10, "the single-page book lost its figures"
    assert image_count(book_pdf) == figures


def test_every_bibliography_entry_is_printed(book_pdf, single_page):
    entries = [entry.get_text(" ", strip=True) for entry in single_page.select("article div.citation p")]
    assert len(entries) >= 10, "the single-page book has lost its bibliography"
    text = squeezed(pdf_text(book_pdf))
    assert [entry for entry in entries if squeezed(entry)[:80] not in text] == []


def test_the_book_pdf_contains_no_solution_text(book_pdf, solution_only_passages):
    text = squeezed(pdf_text(book_pdf))
    assert len(solution_only_passages) >= 50
    assert [passage for passage in solution_only_passages if passage in text] == []
