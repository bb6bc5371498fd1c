"""The book at fifteen articles: ten generated ones added through the public commands, then built and read.

Everything happens in a temporary copy of the project, so the checkout is never touched. The
articles go in the way a reader's do (`add`, review, `accept`); one of them makes no claim at
all, and is added without claims, as a reader's unreviewed article would be. The notebooks are
re-executed, the book is built strictly, the built-HTML checks run against that build, and a
browser measures every figure as shown at 1366 px: at least 90% of its natural width, its
smallest text at least 9 px. At 390 px a tap on a figure must open it at full size.

Run with `make scale` (part of `make test`); it takes a few minutes.
"""

from __future__ import annotations

import csv
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from kratom_claims.chromium import CHROMIUM, CHROMIUM_ARGS
from kratom_claims.layout import project_layout

PROJECT = project_layout().project_root
BIN = Path(sys.executable).parent
ADDED = 10
MIN_SHOWN_SHARE, MIN_TEXT_PX = 0.9, 9.0
NOT_COPIED = shutil.ignore_patterns(".venv", "_build", ".git", "node_modules", "__pycache__", ".*_cache", "review_*")

# Sentences in the style of the book's articles; article k takes a different mix of them, so the
# added articles share some claims and not others, as real pages do.
SENTENCES = [
    "Many readers use kratom for chronic pain and for back pain.",
    "Red vein kratom may help with sleep, while green vein kratom is said to lift the mood.",
    "Some users report nausea, constipation and dizziness at first.",
    "Unlike opioids, kratom does not cause addiction.",
    "White vein kratom is believed to ease anxiety and fatigue.",
    "Start with a low dose of 1 to 2 grams and take breaks to prevent tolerance.",
    "A moderate dose of 3 to 5 grams may relieve arthritis pain.",
    "Buy only from a reputable vendor and avoid high doses.",
    "Kratom contains alkaloids such as mitragynine that act on opioid receptors.",
    "Withdrawal can follow daily use, and dependence is possible.",
    "Maeng Da is a popular strain for energy and focus.",
    "Kratom may be a natural alternative to opioids for migraine and fibromyalgia.",
]


def article_text(k: int) -> str:
    """Generated article k: a title, then six sentences chosen by k (article 0 makes no claim about kratom)."""
    if k == 0:
        return "Notes from the garden\n\nTomatoes need sun and water. Prune them in June and pick them in August.\n"
    picked = [SENTENCES[(k * 5 + step * (k % 3 + 1)) % len(SENTENCES)] for step in range(6)]
    body = "\n\n".join(dict.fromkeys(picked))
    return f"Kratom and pain: notes number {k}\n\n{body}\n"


def run(*command: str | Path, cwd: Path, timeout: int = 900) -> str:
    """Run a command in the copy; a failure shows its output, so a broken step names itself."""
    env = {**os.environ, "KRATOM_CLAIMS_ROOT": str(cwd), "PYTHONWARNINGS": "ignore"}
    done = subprocess.run(
        [str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert done.returncode == 0, f"{' '.join(map(str, command))} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def mark_reviewed(review: Path) -> None:
    """Stand in for the reader's review: keep the machine's rows, with a note saying who checked them."""
    with review.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
        fields = list(rows[0]) if rows else []
    for row in rows:
        row["note"] = "generated for the scale test; machine rows kept as proposed"
    with review.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="session")
def scaled_project(tmp_path_factory) -> Path:
    """A copy of the project with ten more articles, its notebooks re-executed and its book built strictly."""
    copy = tmp_path_factory.mktemp("scale") / "book"
    shutil.copytree(PROJECT, copy, ignore=NOT_COPIED, symlinks=True)
    sources = copy.parent / "incoming"
    sources.mkdir()
    python = BIN / "python"
    for k in range(ADDED):
        article = sources / f"s{k:02d}_generated_article.txt"
        article.write_text(article_text(k), encoding="utf-8")
        review = sources / f"review_{article.stem}.csv"
        run(
            python,
            "-m",
            "kratom_claims",
            "add",
            article,
            "--title",
            f"Generated article {k}",
            "--review",
            review,
            cwd=copy,
        )
        mark_reviewed(review)
        if k:  # article 0 makes no claim: it stays in the corpus with none, as an unreviewed article would
            run(python, "-m", "kratom_claims", "accept", review, cwd=copy)
    notebooks = sorted((copy / "notebooks").glob("*.ipynb")) + [copy / "book" / "method.ipynb"]
    run(BIN / "jupyter-execute", "--inplace", *notebooks, cwd=copy)
    run(BIN / "jupyter-book", "build", ".", "-W", "-n", "--keep-going", cwd=copy)
    return copy


def test_the_copy_has_fifteen_or_more_articles_and_one_without_claims(scaled_project):
    with (scaled_project / "data" / "articles.csv").open(encoding="utf-8") as handle:
        articles = [row["article_id"] for row in csv.DictReader(handle)]
    with (scaled_project / "data" / "claims.csv").open(encoding="utf-8") as handle:
        claiming = {row["article_id"] for row in csv.DictReader(handle)}
    assert len(articles) >= 5 + ADDED
    assert "s00_generated_article" in articles and "s00_generated_article" not in claiming


def test_the_built_html_checks_pass_on_the_larger_book(scaled_project):
    run(BIN / "pytest", "-q", "-p", "no:cacheprovider", "tests/built_html", cwd=scaled_project)


@pytest.fixture(scope="session")
def served(scaled_project):
    handler = functools.partial(
        type("Quiet", (http.server.SimpleHTTPRequestHandler,), {"log_message": lambda *a: None}),
        directory=str(scaled_project / "_build" / "html"),
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    pages = sorted(
        p.relative_to(scaled_project / "_build" / "html").as_posix()
        for p in (scaled_project / "_build" / "html" / "notebooks").glob("*.html")
    )
    yield f"http://127.0.0.1:{server.server_address[1]}", pages
    server.shutdown()


MEASURE_FIGURES = """() => [...document.querySelectorAll('figure.kc-figure img')].map(img => ({
  caption: (img.closest('figure').querySelector('figcaption') || {}).textContent || '',
  shown: img.getBoundingClientRect().width / img.naturalWidth,
  textPx: parseFloat(img.dataset.textPx) * img.getBoundingClientRect().width / img.naturalWidth,
}))"""


@pytest.fixture(scope="session")
def chromium():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def test_every_figure_is_shown_near_full_size_with_readable_text_at_1366_px(served, chromium):
    base, pages = served
    page = chromium.new_page(viewport={"width": 1366, "height": 900})
    small = []
    figures = 0
    for rel in pages:
        page.goto(f"{base}/{rel}", wait_until="load")
        for figure in page.evaluate(MEASURE_FIGURES):
            figures += 1
            if figure["shown"] < MIN_SHOWN_SHARE or figure["textPx"] < MIN_TEXT_PX:
                small.append(
                    f"{rel}: {figure['caption'][:60]!r} shown at {figure['shown']:.0%}, text {figure['textPx']:.1f} px"
                )
    page.close()
    assert figures >= 10
    assert small == []


def test_a_tap_on_a_figure_opens_it_at_full_size_at_390_px(served, chromium):
    base, pages = served
    page = chromium.new_page(viewport={"width": 390, "height": 800})
    page.goto(f"{base}/{pages[0]}", wait_until="load")
    page.locator("figure.kc-figure button.kc-zoom").first.click()
    big = page.locator("dialog.kc-zoom-dialog[open] img")
    assert big.evaluate("img => img.getBoundingClientRect().width / img.naturalWidth") >= MIN_SHOWN_SHARE
    page.keyboard.press("Escape")
    assert page.locator("dialog.kc-zoom-dialog[open]").count() == 0
    page.close()
