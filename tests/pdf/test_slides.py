"""The lesson's slides (`make slides`) open offline in Chromium, start reveal.js and show the book's charts."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from playwright.sync_api import sync_playwright

from kratom_claims.chromium import CHROMIUM, CHROMIUM_ARGS
from kratom_claims.layout import project_layout

OUTLINE = yaml.safe_load(
    (project_layout().project_root / "print" / "slides" / "lesson.yml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def shown(slides: Path, tmp_path_factory):
    """What Chromium did with the slides: problems while loading, and what reveal.js shows."""
    problems = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.route(
            lambda url: not url.startswith("file://"),
            lambda route: problems.append(f"off-machine request: {route.request.url}") or route.abort(),
        )
        page.on("console", lambda message: message.type == "error" and problems.append(message.text))
        page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
        page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
        page.goto(slides.as_uri(), wait_until="load")
        page.wait_for_selector(".reveal.ready", timeout=15_000)
        result = page.evaluate(
            """() => ({
              slides: document.querySelectorAll('.reveal .slides > section').length,
              titles: [...document.querySelectorAll('.reveal .slides h2')].map(h => h.textContent.replace(/¶$/, '').trim()),
              images: [...document.querySelectorAll('.reveal img')].map(i => ({alt: i.alt, width: i.naturalWidth})),
              lang: document.documentElement.lang,
            })"""
        )
        page.keyboard.press("ArrowRight")
        page.wait_for_timeout(300)
        result["after_next"] = page.evaluate(
            "() => [...document.querySelectorAll('.reveal .slides > section')].findIndex(s => s.classList.contains('present'))"
        )
        browser.close()
    return result | {"problems": problems}


def test_the_slides_load_offline_without_errors(shown):
    assert shown["problems"] == []
    assert shown["lang"] == "en"


def test_there_is_one_slide_per_entry_of_the_outline_in_order(shown):
    assert shown["slides"] == len(OUTLINE["slides"])
    assert shown["titles"] == [slide["title"] for slide in OUTLINE["slides"]]
    assert shown["after_next"] == 1


def test_the_slides_show_the_books_charts_with_their_alt_text(shown):
    charts = [slide for slide in OUTLINE["slides"] if "figure" in slide]
    assert len(shown["images"]) == len(charts)
    assert all(image["width"] > 0 and len(image["alt"]) > 20 for image in shown["images"])
