"""A real Chromium reading the built book over HTTP, as a reader's browser would.

`bash scripts/ensure_browser.sh` installs what these fixtures need (Debian's Chromium and
axe-core); the book must be built first (`make strict-build`). Nothing here is skipped: a missing
browser, engine or book fails the run with a message that says what to do.
"""

from __future__ import annotations

import functools
import http.server
import re
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Error, Locator, Page, expect, sync_playwright

from kratom_claims.chromium import CHROMIUM, CHROMIUM_ARGS

VIEWPORT = {"width": 1280, "height": 800}
AXE_SCRIPT = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
SETUP_HINT = "run `bash scripts/ensure_browser.sh` (or `make browser`)"
FIXTURE_PREFIX = "/__fixtures__/"
NOT_PAGES = {"_static", "_sources", "_images"}
REDIRECT = re.compile(r"""<meta[^>]+http-equiv=["']?refresh""", re.IGNORECASE)
# Solutions that open on a click: sphinx-design dropdowns and <details>, and sphinx-exercise
# solutions given the `dropdown` class (which sphinx-togglebutton makes clickable).
SOLUTION_DROPDOWNS = "details.sd-dropdown, .solution details, details.solution, .solution.dropdown"
# Besides the solutions, the first collapsed block of each page's text is opened too: the corpus
# chapter's articles are <details>, so the click check runs even while the book has no exercises.
FIRST_DETAILS = "article details"
# The search page is visited with a query, so that its one visit also checks the results it draws.
SEARCH_PAGE, SEARCH_QUERY = "search.html", "?q=kratom"
SEARCH_RESULTS = "#search-results ul.search li a"

# Lazy images load only when scrolled to: make them eager, then wait until each has loaded or failed.
IMAGES_JS = """async () => {
  const images = [...document.querySelectorAll('img')];
  for (const img of images) { img.loading = 'eager'; }
  await Promise.all(images.map(img => img.decode().catch(() => null)));
  return images.map(img => ({src: img.getAttribute('src') || '', width: img.naturalWidth,
                             alt: (img.getAttribute('alt') || '').trim()}));
}"""

AXE_JS = """async () => {
  const results = await axe.run(document, {resultTypes: ['violations']});
  return results.violations.map(v => ({rule: v.id, impact: v.impact, help: v.help,
                                       targets: v.nodes.map(n => n.target.join(' '))}));
}"""


def book_pages(html_dir: Path) -> list[str]:
    """Every HTML page a reader can open, as paths relative to the book's root."""
    return sorted(
        path.relative_to(html_dir).as_posix()
        for path in html_dir.rglob("*.html")
        if not NOT_PAGES.intersection(path.relative_to(html_dir).parts)
    )


class BookRequestHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built book, plus pages that tests write, under /__fixtures__/."""

    fixtures_dir: Path

    def translate_path(self, path: str) -> str:
        request_path = urlsplit(path).path
        if request_path.startswith(FIXTURE_PREFIX):
            return str(self.fixtures_dir / Path(request_path).name)
        return super().translate_path(path)

    def log_message(self, format, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A browser that moves on closes connections mid-reply; only other errors are news."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@dataclass
class WatchedPage:
    """A page together with everything that went wrong while it loaded and ran."""

    page: Page
    problems: list[str] = field(default_factory=list)


def watch(context: BrowserContext, origin: str) -> WatchedPage:
    """A new page that records console errors, script errors, failed and off-site requests.

    Requests that would leave localhost are refused at once and recorded: the book must read offline.
    """
    watched = WatchedPage(context.new_page())
    problems = watched.problems

    def refuse(route):
        problems.append(f"off-site request: {route.request.url}")
        route.abort()

    context.route(lambda url: not url.startswith(origin), refuse)
    page = watched.page
    page.on("console", lambda message: message.type == "error" and problems.append(f"console error: {message.text}"))
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on(
        "requestfailed",
        lambda request: (
            request.url.startswith(origin) and problems.append(f"request failed ({request.failure}): {request.url}")
        ),
    )
    page.on(
        "response",
        lambda response: response.status >= 400 and problems.append(f"HTTP {response.status}: {response.url}"),
    )
    return watched


def open_in_new_context(browser: Browser, book_url: str, relative_path: str, viewport: dict = VIEWPORT) -> WatchedPage:
    """Load a page in a fresh context (empty storage, as for a first-time reader) and watch it."""
    watched = watch(browser.new_context(viewport=viewport), book_url)
    watched.page.goto(book_url + relative_path, wait_until="load")
    return watched


def run_axe(page: Page, axe_script: Path) -> list[dict]:
    """axe-core's violations on the page as it is now: rule, impact, help and where."""
    page.add_script_tag(path=str(axe_script))
    return page.evaluate(AXE_JS)


def assert_opens_on_click(dropdown: Locator) -> None:
    """Click a dropdown's title and check that its content, hidden before, is shown after."""
    if dropdown.evaluate("element => element.tagName === 'DETAILS'"):
        content = dropdown.locator(":scope > :not(summary)").first
        expect(content).to_be_hidden()
        dropdown.locator(":scope > summary").click()
        assert dropdown.evaluate("element => element.open") is True
    else:
        content = dropdown.locator(":scope > :not(.admonition-title)").first
        expect(content).to_be_hidden()
        # The title of a solution links to its exercise, so the toggle is its button, not its text.
        dropdown.locator(":scope > .admonition-title button.toggle-button").click()
    expect(content).to_be_visible()


def click_dropdowns(page: Page) -> tuple[int, list[str]]:
    """Open every solution dropdown and the page's first <details> in the loaded page.

    Returns how many were clicked and what failed, so that one page load serves this check too.
    """
    dropdowns = [page.locator(SOLUTION_DROPDOWNS).nth(i) for i in range(page.locator(SOLUTION_DROPDOWNS).count())]
    if page.locator(FIRST_DETAILS).count():
        dropdowns.append(page.locator(FIRST_DETAILS).first)
    failures = []
    for index, dropdown in enumerate(dropdowns):
        try:
            assert_opens_on_click(dropdown)
        except (AssertionError, Error) as err:
            failures.append(f"dropdown {index + 1} of {len(dropdowns)} did not open: {str(err).splitlines()[0]}")
    return len(dropdowns), failures


@dataclass
class Visit:
    """What one page of the book did in the browser."""

    final_url: str
    problems: list[str]
    images: list[dict]
    axe_violations: list[dict]
    dropdowns_clicked: int
    dropdown_failures: list[str]
    search_results: list[str] = field(default_factory=list)
    search_summary: str = ""


def search_results(page: Page) -> tuple[list[str], str]:
    """The links the search page drew for its query, and its summary line ("Search finished, found ...")."""
    results = page.locator(SEARCH_RESULTS)
    try:
        expect(results.first).to_be_visible(timeout=10_000)
        expect(page.locator("#search-results .search-summary")).to_contain_text("found")
    except AssertionError:
        return [], page.locator("#search-results").inner_text()
    hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    return hrefs, page.locator("#search-results .search-summary").inner_text()


@pytest.fixture(scope="session")
def fixtures_dir(tmp_path_factory) -> Path:
    """A folder for pages that tests write; the server shows it under /__fixtures__/."""
    return tmp_path_factory.mktemp("browser_fixtures")


@pytest.fixture(scope="session")
def book_url(built_book: Path, fixtures_dir: Path):
    """The book served on a free localhost port for the whole session; yields its root URL."""
    handler = type("Handler", (BookRequestHandler,), {"fixtures_dir": fixtures_dir})
    server = QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(built_book)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="session")
def browser() -> Browser:
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: {SETUP_HINT}")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE_SCRIPT.is_file():
        pytest.fail(f"{AXE_SCRIPT} is missing: {SETUP_HINT}")
    return AXE_SCRIPT


@pytest.fixture
def open_page(browser: Browser, book_url: str):
    """Opens book-relative paths, each in its own context (at a given viewport size, else the
    default), closed when the test ends."""
    opened: list[WatchedPage] = []

    def open_(relative_path: str, viewport: dict = VIEWPORT) -> WatchedPage:
        opened.append(open_in_new_context(browser, book_url, relative_path, viewport))
        return opened[-1]

    yield open_
    for watched in opened:
        watched.page.context.close()


@pytest.fixture(scope="session")
def book_visits(browser: Browser, book_url: str, built_book: Path, axe_script: Path) -> dict[str, Visit]:
    """Every page of the book, loaded once and examined, keyed by its path in the book.

    One load per page serves the console, image, accessibility, dropdown and search tests, which
    keeps the suite fast: accessibility is checked once the page has drawn what its scripts draw
    (the search page's results), then the dropdowns are clicked. A redirect-only page (the
    book's index.html) is followed to where it leads.
    """
    visits = {}
    for relative_path in book_pages(built_book):
        query = SEARCH_QUERY if relative_path == SEARCH_PAGE else ""
        watched = open_in_new_context(browser, book_url, relative_path + query)
        page = watched.page
        found, summary = search_results(page) if query else ([], "")
        if REDIRECT.search((built_book / relative_path).read_text(encoding="utf-8")):
            page.wait_for_url(lambda url, start=book_url + relative_path: url != start)
            page.wait_for_load_state("load")
            images, violations, (clicked, failures) = [], [], (0, [])
        else:
            images = page.evaluate(IMAGES_JS)
            violations = run_axe(page, axe_script)
            clicked, failures = click_dropdowns(page)
        visits[relative_path] = Visit(
            page.url, list(watched.problems), images, violations, clicked, failures, found, summary
        )
        page.context.close()
    return visits
