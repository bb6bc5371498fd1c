"""Fixtures built from the tiny stand-in data, written to tmp_path so unit tests never read data/."""

from __future__ import annotations

import copy

import pytest
import yaml
from tiny_data import ARTICLES, CODEBOOK, write_corpus

from kratom_claims.codebook import load_codebook
from kratom_claims.corpus import load_corpus


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
def tiny_codebook(write_codebook):
    return load_codebook(write_codebook(copy.deepcopy(CODEBOOK), name="tiny_codebook.yml"))


@pytest.fixture
def work(tmp_path, monkeypatch):
    """The current folder while a test runs, where review files go by default."""
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder
