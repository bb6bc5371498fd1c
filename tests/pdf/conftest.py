"""The printed outputs (`make pdf`, `make handouts`, `make slides`), read back as a reader gets them.

They must be built first; a missing one fails its tests with the command that makes it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from kratom_claims.layout import project_layout
from kratom_claims.release import project_version, release_name

PROJECT_ROOT = project_layout().project_root
DIST = PROJECT_ROOT / "dist"
SINGLE_PAGE = PROJECT_ROOT / "_build" / "print" / "_build" / "singlehtml" / "book.html"


def built(path: Path, command: str) -> Path:
    if not path.exists():
        pytest.fail(f"{path} is missing: run `{command}` first")
    return path


@pytest.fixture(scope="session")
def version() -> str:
    return project_version(PROJECT_ROOT)


@pytest.fixture(scope="session")
def book_pdf(version) -> Path:
    return built(DIST / f"{release_name(version)}.pdf", "make pdf")


@pytest.fixture(scope="session")
def single_page() -> BeautifulSoup:
    """The single-page book that the PDF and the answer key are printed from."""
    return BeautifulSoup(built(SINGLE_PAGE, "make pdf").read_text(encoding="utf-8"), "html.parser")


def first_heading(path: Path) -> str:
    """A chapter's title: the first level-1 heading of its Markdown file or notebook."""
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        lines = [
            line for cell in cells if cell["cell_type"] == "markdown" for line in "".join(cell["source"]).split("\n")
        ]
    else:
        lines = path.read_text(encoding="utf-8").splitlines()
    return next(line[2:].strip() for line in lines if line.startswith("# "))


@pytest.fixture(scope="session")
def chapter_titles() -> list[str]:
    """The title of every chapter in _toc.yml, in order (the front page is not a chapter)."""
    toc = yaml.safe_load((PROJECT_ROOT / "_toc.yml").read_text(encoding="utf-8"))
    titles = []
    for part in toc["parts"]:
        for chapter in part["chapters"]:
            source = next(PROJECT_ROOT.glob(chapter["file"] + ".*"))
            titles.append(first_heading(source))
    return titles


@pytest.fixture(scope="session")
def solution_passages(single_page) -> list[list[str]]:
    """Each solution of the book as the lines of its text, without its title (which names its exercise)."""
    passages = []
    for block in single_page.select("article .solution"):
        body = block.select_one("section") or block
        passages.append([line.strip() for line in body.get_text("\n").split("\n") if line.strip()])
    return passages


@pytest.fixture(scope="session")
def handouts() -> dict[str, Path]:
    """The lesson's handouts (`make handouts`), by name."""
    names = ["paragraph-to-code", "coding-sheet", "codebook-one-page", "answer-key-teacher"]
    return {name: built(DIST / "handouts" / f"{name}.pdf", "make handouts") for name in names}


@pytest.fixture(scope="session")
def solution_only_passages(single_page, solution_passages) -> list[str]:
    """Solution lines (squeezed, 30 characters or more) that no other part of the book shows.

    A solution may repeat a term, a column name or a quoted claim that the chapters print too;
    finding those elsewhere proves nothing, so only the lines of a solution's own are looked for.
    """
    from pdf_reading import squeezed

    rest = BeautifulSoup(str(single_page.select_one("article")), "html.parser")
    for block in rest.select(".solution"):
        block.decompose()
    elsewhere = squeezed(rest.get_text(" "))
    own = {squeezed(line) for lines in solution_passages for line in lines if len(line) >= 30}
    return sorted(line for line in own if line not in elsewhere)


@pytest.fixture(scope="session")
def slides() -> Path:
    """The lesson's slides (`make slides`)."""
    return built(DIST / "slides" / "lesson.slides.html", "make slides")


@pytest.fixture(scope="session")
def release_archive(version) -> Path:
    """The release archive (`make dist`)."""
    return built(DIST / f"{release_name(version)}.tar.gz", "make dist")
