"""`make handouts`: the 50-minute lesson's printed pages and the teacher's answer key, as A4 PDFs in dist/handouts/.

Student pages: the paragraph to code (article 000, under "Potential Side Effects:"), a blank coding
sheet and a one-page condensed codebook (kratom_claims.handouts computes both from the data). The
answer key is taken by code from the solution blocks of the single-page book that `make pdf`
builds, so it holds every solution the chapters have; it is a separate file, and the print
stylesheet keeps solutions off printed chapters. Templates: print/handouts/.
Usage: python scripts/make_handouts.py [--skip-build]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import jinja2
import yaml
from bs4 import BeautifulSoup
from printing import DIST, PRINT_BUILD, PROJECT_ROOT, build_single_page, print_pdf, single_page_path

from kratom_claims.claims import load_claims
from kratom_claims.codebook import load_codebook
from kratom_claims.corpus import load_corpus
from kratom_claims.files import write_file
from kratom_claims.handouts import condensed_codebook, paragraph_after, qualifier_values
from kratom_claims.ids import article_label
from kratom_claims.release import project_version

TEMPLATES = PROJECT_ROOT / "print" / "handouts"
HANDOUTS = DIST / "handouts"
LESSON_ARTICLE = "000"
LESSON_HEADING = "Potential Side Effects:"
# Column widths in per cent of the landscape page: the quote needs room to be copied out by hand.
SHEET_COLUMNS = {
    "category": 12,
    "term": 13,
    "stance": 8,
    "hedged": 7,
    "compared with": 11,
    "attributed to": 11,
    "quote": 38,
}
SHEET_ROWS = 8
NOTE = "An analysis of marketing text, not medical advice."


def lesson_article(corpus) -> dict:
    article_id = next(i for i in corpus.ids if article_label(i) == LESSON_ARTICLE)
    title = corpus.metadata.set_index("article_id").loc[article_id, "title"]
    return {"id": article_id, "label": LESSON_ARTICLE, "title": title}


def chapter_solutions(single_page: Path) -> list[dict]:
    """Each chapter with solutions: its title, and per solution the exercise and the solution as HTML."""
    soup = BeautifulSoup(single_page.read_text(encoding="utf-8"), "html.parser")
    chapters = []
    for anchor in soup.select("article span[id^='document-']"):
        section = anchor.find_next_sibling("section")
        solutions = section.select(".solution") if section else []
        if not solutions:
            continue
        items = []
        for solution in solutions:
            title = solution.select_one(".admonition-title")
            exercise_id = title.select_one("a")["href"].split("#", 1)[1]
            exercise = soup.find(id=exercise_id)
            items.append(
                {
                    "title": title.get_text(" ", strip=True),
                    "exercise": "".join(str(c) for c in exercise.select_one("section").contents),
                    "solution": "".join(str(c) for c in solution.select_one("section").contents),
                }
            )
        heading = section.find(["h1", "h2"]).get_text(strip=True).rstrip("#")
        chapters.append({"title": heading, "solutions": items})
    return chapters


def render(environment: jinja2.Environment, template: str, out: Path, **values) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    write_file(out, environment.get_template(template).render(**values).encode("utf-8"))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="use the single-page build already made")
    args = parser.parse_args(argv)
    single_page = single_page_path() if args.skip_build else build_single_page()
    version = project_version(PROJECT_ROOT)
    book_title = yaml.safe_load((PROJECT_ROOT / "_config.yml").read_text(encoding="utf-8"))["title"]
    corpus, codebook = load_corpus(), load_codebook()
    claims = load_claims(corpus=corpus, codebook=codebook)
    article = lesson_article(corpus)
    terms = condensed_codebook(codebook, claims)
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined
    )
    common = {"book_title": book_title, "version": version, "note": NOTE, "values": qualifier_values(claims, codebook)}
    pages = {
        "paragraph-to-code": (
            "paragraph.html.j2",
            {
                "title": "Code this paragraph",
                "article": article,
                "heading": LESSON_HEADING,
                "paragraph": paragraph_after(corpus.texts[article["id"]], LESSON_HEADING, article["id"]),
            },
        ),
        "coding-sheet": (
            "coding-sheet.html.j2",
            {"title": "Coding sheet", "columns": list(SHEET_COLUMNS), "widths": SHEET_COLUMNS, "rows": SHEET_ROWS},
        ),
        "codebook-one-page": (
            "codebook.html.j2",
            {
                "title": "Condensed codebook",
                "terms": terms.to_dict("records"),
                "n_claims": len(claims),
                "groups": [(c, rows.to_dict("records")) for c, rows in terms.groupby("category", sort=False)],
            },
        ),
        "answer-key-teacher": (
            "answer-key.html.j2",
            {"title": "Answer key (teacher edition)", "chapters": chapter_solutions(single_page)},
        ),
    }
    footer = f"{book_title}, version {version}"
    for name, (template, values) in pages.items():
        page = render(environment, template, PRINT_BUILD / "handouts" / f"{name}.html", **common, **values)
        print_pdf(page, HANDOUTS / f"{name}.pdf", footer=footer)
    print(f"The handouts are in {HANDOUTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
