"""Shared steps of `make pdf`, `make handouts` and `make slides`: the single-page book and Chromium's printer.

Jupyter Book's own PDF routes do not work here: its pdfhtml builder downloads a browser (blocked)
and its LaTeX route drops the figures, which the chapters emit as HTML. So the book is built as one
HTML page from the notebooks' committed outputs (no re-execution, nothing fetched) and printed by
Debian's Chromium, driven by Playwright as in the browser tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import yaml
from playwright.sync_api import sync_playwright

from kratom_claims.chromium import CHROMIUM, CHROMIUM_ARGS
from kratom_claims.files import write_file
from kratom_claims.layout import project_layout

PROJECT_ROOT = project_layout().project_root
PRINT_BUILD = PROJECT_ROOT / "_build" / "print"
DIST = PROJECT_ROOT / "dist"
A4_MARGINS = {"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"}


def build_date() -> date:
    """The date printed on title pages: SOURCE_DATE_EPOCH when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), UTC).date() if epoch else date.today()


def committed_outputs_config() -> Path:
    """The book's _config.yml with execution off, so that the build shows the committed outputs.

    nbval checks those outputs against a fresh run in `make test`; re-running every notebook here
    would only repeat that at the cost of minutes. Local extensions are given absolute paths, since
    Jupyter Book resolves them from the configuration file's folder.
    """
    config = yaml.safe_load((PROJECT_ROOT / "_config.yml").read_text(encoding="utf-8"))
    config["execute"]["execute_notebooks"] = "off"
    extensions = config["sphinx"]["local_extensions"]
    config["sphinx"]["local_extensions"] = {name: str(PROJECT_ROOT / folder) for name, folder in extensions.items()}
    PRINT_BUILD.mkdir(parents=True, exist_ok=True)
    path = PRINT_BUILD / "_config.yml"
    write_file(path, yaml.safe_dump(config, sort_keys=False).encode("utf-8"))
    return path


def build_single_page() -> Path:
    """Build the whole book as one HTML page, strictly (any warning fails), and return its path."""
    out = PRINT_BUILD / "_build" / "singlehtml"
    shutil.rmtree(out, ignore_errors=True)
    command = [
        str(Path(sys.executable).parent / "jupyter-book"),
        "build",
        str(PROJECT_ROOT),
        "--builder",
        "singlehtml",
        "--config",
        str(committed_outputs_config()),
        "--path-output",
        str(PRINT_BUILD),
        "-W",
        "-n",
        "--keep-going",
        "-q",
    ]
    subprocess.run(command, check=True)
    return single_page_path()


def single_page_path() -> Path:
    """The single-page book, copied to its build's top folder.

    Sphinx writes the page under the root document's name (book/intro.html) but links its styles
    and scripts as if it stood at the top (_static/...), so a copy at the top renders as intended.
    """
    out = PRINT_BUILD / "_build" / "singlehtml"
    root = yaml.safe_load((PROJECT_ROOT / "_toc.yml").read_text(encoding="utf-8"))["root"]
    page = out / "book.html"
    if not (out / f"{root}.html").is_file():
        sys.exit(f"{out / root}.html is missing: run `make single-page` (or leave out --skip-build)")
    if not page.is_file() or page.stat().st_mtime < (out / f"{root}.html").stat().st_mtime:
        shutil.copyfile(out / f"{root}.html", page)
    return page


def print_pdf(page_path: Path, pdf_path: Path, prepare=None, footer: str | None = None) -> Path:
    """Print a local HTML page to an A4 PDF with Chromium; ``prepare(page)`` may change it first.

    ``footer`` is a line of plain HTML set at the foot of every page, with the page number after it.
    """
    if not CHROMIUM.is_file():
        sys.exit(f"{CHROMIUM} is missing: run `bash scripts/ensure_browser.sh`")
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context()
            # Everything printed comes from local files: a request elsewhere is refused and fails the print.
            refused = []
            context.route(
                lambda url: not url.startswith("file://"), lambda route: refused.append(route) or route.abort()
            )
            page = context.new_page()
            page.goto(page_path.resolve().as_uri(), wait_until="load")
            # Sphinx's single-page builder links MathJax (from a CDN) whether or not a page has maths;
            # the book has none, so that one request is harmless, unless maths appears.
            needed = [r.request.url for r in refused if "mathjax" not in r.request.url or page.locator(".math").count()]
            if needed:
                sys.exit(f"printing {page_path} asked for {needed[0]}, which is not a local file")
            if prepare is not None:
                prepare(page)
            options = {"format": "A4", "margin": A4_MARGINS, "print_background": True, "outline": True, "tagged": True}
            if footer is not None:
                options |= {
                    "display_header_footer": True,
                    "header_template": "<span></span>",
                    "footer_template": (
                        '<div style="font-size:8px;width:100%;text-align:center;color:#444">'
                        f'{footer} · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>'
                    ),
                }
            data = page.pdf(**options)
        finally:
            browser.close()
    write_file(pdf_path, data)
    return pdf_path


if __name__ == "__main__":
    print(f"The single-page book is at {build_single_page()}")
