"""Fixtures every test may use: tiny data in tmp_path, the command line, the project's data and built book; charts off screen."""

from __future__ import annotations

import copy
import csv
import shutil
from pathlib import Path

import matplotlib
import pytest
import yaml
from tiny_data import ARTICLES, CODEBOOK, write_corpus, write_data_dir

from kratom_claims.cli import main
from kratom_claims.codebook import load_codebook
from kratom_claims.corpus import load_corpus
from kratom_claims.layout import project_layout


def pytest_configure(config):
    """Draw charts off screen, whatever display the machine has, before any test module imports pyplot."""
    matplotlib.use("Agg")


@pytest.fixture
def codebook_document():
    """A fresh, valid codebook document that a test may break before writing it."""
    return copy.deepcopy(CODEBOOK)


@pytest.fixture
def write_codebook(tmp_path):
    """Write a codebook document (or raw YAML text) and return its path."""

    def write(document, name="codebook.yml"):
        path = tmp_path / name
        text = document if isinstance(document, str) else yaml.safe_dump(document, sort_keys=False)
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def tiny_corpus(tmp_path):
    write_corpus(tmp_path / "data", ARTICLES)
    return load_corpus(tmp_path / "data")


@pytest.fixture
def corpus_of(tmp_path):
    """Write articles (and their residue) to tmp_path/data as load_corpus demands, and load them."""

    def load(articles, residue=None):
        return load_corpus(write_corpus(tmp_path / "data", articles, residue))

    return load


@pytest.fixture
def tiny_codebook(write_codebook):
    return load_codebook(write_codebook(copy.deepcopy(CODEBOOK), name="tiny_codebook.yml"))


@pytest.fixture
def data_dir(tmp_path):
    """A complete tiny data folder at tmp_path/data: three articles, the tiny codebook and two claims."""
    return write_data_dir(tmp_path / "data")


@pytest.fixture
def cli(capsys):
    """Run the command line in-process with these arguments: its exit status, stdout and stderr."""

    def run(*argv):
        status = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return run


@pytest.fixture
def work(tmp_path, monkeypatch):
    """The current folder while a test runs, where review files go by default; outside the project, which the
    environment variable names, as a user who works elsewhere would set it."""
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.setenv("KRATOM_CLAIMS_ROOT", str(project_layout().project_root))
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture
def data_copy(tmp_path):
    """A copy of the project's data folder at tmp_path/data, its bibliography beside it in tmp_path/book as in the project."""
    project = project_layout()
    shutil.copytree(project.data_dir, tmp_path / "data")
    (tmp_path / "book").mkdir()
    shutil.copy2(project.references_bib, tmp_path / "book")
    return tmp_path / "data"


@pytest.fixture(scope="session")
def built_book() -> Path:
    """The project's built HTML book, which tests/built_html and tests/browser check; it must be built first."""
    folder = project_layout().project_root / "_build" / "html"
    if not (folder / "index.html").is_file():
        pytest.fail(f"{folder} has no built book: run `make strict-build` (or `make book`) first")
    return folder


@pytest.fixture(scope="session")
def original_article_ids() -> set[str]:
    """The book's original articles: those coded twice for the reliability study. Facts the book states
    about its articles are checked on these, so that a reader's own added article cannot break them."""
    path = project_layout().data_dir / "reliability" / "claims_coder1.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["article_id"] for row in csv.DictReader(handle)}
