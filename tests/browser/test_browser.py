"""The built book in a real browser: what a static read of the HTML cannot see.

tests/built_html checks the files (links resolve, images described, no tracebacks); these check
what happens when Chromium runs them: scripts, loads, search, accessibility, escaping, clicks.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

from playwright.sync_api import expect

from kratom_claims.show import article_html

SERIOUS_IMPACTS = {"serious", "critical"}
CORPUS_CHAPTER = "notebooks/01_corpus.html"
HOSTILE_TEXT = "<script>window.__pwned=1</script><img src=x onerror='window.__pwned=2'>"


def listing(lines) -> str:
    return "\n" + "\n".join(lines)


def test_every_page_of_the_book_is_visited(book_visits):
    """Guards the page-by-page tests below against passing over an empty or partial list."""
    assert {"index.html", "search.html", "genindex.html", CORPUS_CHAPTER} <= set(book_visits)


def test_the_root_page_leads_to_the_introduction(book_visits):
    assert book_visits["index.html"].final_url.endswith("/book/intro.html")


def test_every_page_loads_without_console_errors_or_failed_requests(book_visits):
    problems = [f"{path}: {problem}" for path, visit in book_visits.items() for problem in visit.problems]
    assert problems == [], listing(problems)


def test_every_image_loads_and_has_alt_text_in_the_running_page(book_visits):
    broken = [
        f"{path}: {image['src'][:60]} width={image['width']} alt={image['alt']!r}"
        for path, visit in book_visits.items()
        for image in visit.images
        if image["width"] == 0 or not image["alt"]
    ]
    assert broken == [], listing(broken)


def test_the_corpus_chapter_shows_its_images(book_visits):
    """The image test above must not pass because the book happens to show no image at all."""
    assert book_visits[CORPUS_CHAPTER].images


def serious_violations(path: str, violations: list[dict]) -> list[str]:
    return [
        f"{path}: {v['rule']} ({v['impact']}) {v['help']} at {v['targets'][:5]}"
        for v in violations
        if v["impact"] in SERIOUS_IMPACTS
    ]


def test_no_page_has_serious_or_critical_accessibility_violations(book_visits):
    violations = [
        line for path, visit in book_visits.items() for line in serious_violations(path, visit.axe_violations)
    ]
    assert violations == [], listing(violations)


def test_search_finds_the_corpus_chapter_for_kratom(book_visits, built_book: Path):
    """The search page was visited with ?q=kratom; its results and their accessibility were
    checked in that visit (the page-by-page tests above cover its console and axe-core)."""
    search = book_visits["search.html"]
    assert "found" in search.search_summary
    targets = {urlsplit(urljoin("search.html", href)).path for href in search.search_results}
    assert [target for target in targets if not (built_book / target).is_file()] == []
    assert CORPUS_CHAPTER in targets


def write_fixture_page(fixtures_dir: Path, name: str, body: str) -> str:
    page = f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{name}</title></head><body>{body}</body></html>'
    (fixtures_dir / name).write_text(page, encoding="utf-8")
    return f"__fixtures__/{name}"


def test_article_text_with_markup_is_shown_as_text_and_runs_nothing(open_page, fixtures_dir):
    watched = open_page(write_fixture_page(fixtures_dir, "hostile_article.html", article_html("t", HOSTILE_TEXT)))
    page = watched.page
    page.locator("summary").click()
    article = page.locator(".kc-article")
    expect(article).to_be_visible()
    assert article.inner_text() == HOSTILE_TEXT
    # The load event waits for every image, so an injected <img> would have failed and run its
    # onerror before goto() returned.
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("body script, body img").count() == 0
    assert watched.problems == []


def test_unescaped_article_text_would_run_so_the_check_above_can_fail(open_page, fixtures_dir):
    page = open_page(write_fixture_page(fixtures_dir, "unescaped_article.html", HOSTILE_TEXT)).page
    assert page.evaluate("window.__pwned") in (1, 2)


def test_solution_dropdowns_and_the_corpus_details_open_when_clicked(book_visits):
    """Every solution dropdown in the book, and each page's first <details>, opened on a click
    during the page's one visit; the corpus chapter's articles make sure some were clicked."""
    failures = [f"{path}: {failure}" for path, visit in book_visits.items() for failure in visit.dropdown_failures]
    assert failures == [], listing(failures)
    assert book_visits[CORPUS_CHAPTER].dropdowns_clicked >= 1
