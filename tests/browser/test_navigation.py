"""The book's menu and a page's contents at the widths where the theme hides them behind buttons.

Below 960 px the theme shows the menu (the book's chapters) and the page's contents only in a
dialog that a button in the article header opens. A second, hidden pair of these buttons once
took the buttons' behaviour (see the navbar_persistent note in _config.yml), so a reader on a
phone or a zoomed laptop could not leave the first page; these tests tap as that reader would.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

START_PAGE = "notebooks/01_corpus.html"
LINKED_CHAPTER = "book/method.html"
# A phone held upright, and a tablet or a laptop zoomed to 160%: both below the theme's 960 px.
NARROW_WIDTHS = [390, 800]


@pytest.mark.parametrize("width", NARROW_WIDTHS)
def test_menu_and_contents_open_and_their_links_lead_there_below_960_px(open_page, width):
    watched = open_page(START_PAGE, viewport={"width": width, "height": 800})
    page = watched.page
    menu_link = page.locator(f"nav.bd-docs-nav a[href$='{LINKED_CHAPTER}']")
    expect(menu_link).to_be_hidden()

    page.locator("button.primary-toggle:visible").click()
    expect(page.locator("#pst-primary-sidebar-modal")).to_be_visible()
    expect(menu_link).to_be_visible()
    menu_link.click()
    page.wait_for_url(f"**/{LINKED_CHAPTER}")

    contents_link = page.locator("#pst-page-toc-nav a.nav-link").nth(1)
    expect(contents_link).to_be_hidden()
    page.locator("button.secondary-toggle:visible").click()
    expect(page.locator("#pst-secondary-sidebar-modal")).to_be_visible()
    expect(contents_link).to_be_visible()
    section_id = contents_link.get_attribute("href").lstrip("#")
    contents_link.click()

    # The dialog closes (_static/sidebar_dialog_links.js) and the section is what the reader sees.
    expect(page.locator("#pst-secondary-sidebar-modal")).to_be_hidden()
    assert page.evaluate("location.hash") == f"#{section_id}"
    expect(page.locator(f"[id='{section_id}']")).to_be_in_viewport()
    assert watched.problems == []


def test_each_page_names_its_icon_so_no_request_for_one_fails(book_visits, built_book):
    """Every page links the book's icon; a page without one would make Chromium ask for
    /favicon.ico, which the book does not have, and the request-failure test would report it."""
    pages = [path for path in book_visits if path != "index.html"]
    unlinked = [path for path in pages if 'rel="icon"' not in (built_book / path).read_text(encoding="utf-8")]
    assert unlinked == []
    assert (built_book / "_static" / "favicon.svg").is_file()
