"""The report page opened from a file, offline, in Chromium: no console errors, no requests, no serious axe violations."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import VIEWPORT, run_axe, watch

from kratom_claims.layout import project_layout
from kratom_claims.report import build_report

# An article of the extraction chapter's fifth test set: written for the book, never tuned to.
EVALUATION_ARTICLE = project_layout().evaluation.article_txt("h27_product_page")
SERIOUS = {"serious", "critical"}


@pytest.fixture(scope="module")
def report_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(build_report(EVALUATION_ARTICLE).html, encoding="utf-8")
    return path


@pytest.fixture
def report_page(browser, report_file):
    """The report loaded from file://, every request that is not that file refused and recorded."""
    context = browser.new_context(viewport=VIEWPORT)
    watched = watch(context, report_file.as_uri())
    watched.page.goto(report_file.as_uri(), wait_until="load")
    yield watched
    context.close()


def test_the_report_loads_from_a_file_with_no_errors_and_no_requests(report_page):
    assert report_page.problems == []
    assert report_page.page.locator("div.article mark").count() > 0


def test_the_report_has_no_serious_or_critical_accessibility_violations(report_page, axe_script):
    violations = run_axe(report_page.page, axe_script)
    assert [v for v in violations if v["impact"] in SERIOUS] == []
