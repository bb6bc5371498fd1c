"""`make pdf`: the whole book as one A4 PDF, offline, at dist/kratom-claims-VERSION.pdf.

The single-page HTML build (committed outputs, strict) is printed by Chromium with the chapter
print stylesheet (_static/print.css), plus print/book.css and print/book.js for a title page with
the version and date, a contents list, and numbered chapters. The bibliography is a chapter of the
book, so it is printed with the rest. Usage: python scripts/make_pdf.py [--skip-build]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml
from printing import DIST, PROJECT_ROOT, build_date, build_single_page, print_pdf, single_page_path

from kratom_claims.release import project_version, release_name

PRINT_SOURCES = PROJECT_ROOT / "print"
NOTE = "An analysis of marketing text. It is not medical advice."


def book_outline() -> dict:
    """Title, author and the parts of the table of contents, each with its chapter files."""
    config = yaml.safe_load((PROJECT_ROOT / "_config.yml").read_text(encoding="utf-8"))
    toc = yaml.safe_load((PROJECT_ROOT / "_toc.yml").read_text(encoding="utf-8"))
    parts = [
        {"caption": part["caption"], "files": [chapter["file"] for chapter in part["chapters"]]}
        for part in toc["parts"]
    ]
    return {"title": config["title"], "author": config["author"], "parts": parts}


def pdf_path(version: str) -> Path:
    return DIST / f"{release_name(version)}.pdf"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="print the single-page build already made")
    args = parser.parse_args(argv)
    version = project_version(PROJECT_ROOT)
    single_page = single_page_path() if args.skip_build else build_single_page()
    day = build_date()
    book = book_outline() | {"version": version, "date": f"{day.day} {day:%B %Y}", "note": NOTE}

    def prepare(page):
        page.add_style_tag(path=str(PRINT_SOURCES / "book.css"))
        result = page.evaluate((PRINT_SOURCES / "book.js").read_text(encoding="utf-8"), book)
        if result["missing"]:
            sys.exit(f"make pdf: the single-page book has no chapter for {', '.join(result['missing'])}")

    out = print_pdf(single_page, pdf_path(version), prepare, footer=f"{book['title']}, version {version}")
    print(f"The book's PDF is at {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
