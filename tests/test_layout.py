"""The data layout: every data path from one root, found from the working folder or named by the user."""

from pathlib import Path

import pytest

from kratom_claims.corpus import load_corpus
from kratom_claims.errors import DataError
from kratom_claims.layout import DataLayout, data_layout, find_project_root, project_layout


@pytest.fixture
def project(tmp_path, monkeypatch):
    """An empty project folder (a book config and a data folder), the environment variable unset."""
    monkeypatch.delenv("KRATOM_CLAIMS_ROOT", raising=False)
    root = tmp_path / "project"
    (root / "data").mkdir(parents=True)
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    return root


def test_every_path_hangs_from_the_data_folder_and_the_bibliography_from_the_project():
    layout = DataLayout(Path("/p/data"))
    assert layout == DataLayout.of_project("/p")
    assert (layout.articles_csv, layout.article_txt("000_a"), layout.claims_csv) == (
        Path("/p/data/articles.csv"),
        Path("/p/data/articles/000_a.txt"),
        Path("/p/data/claims.csv"),
    )
    assert (layout.discern_csv, layout.jama_csv) == (
        Path("/p/data/quality/discern.csv"),
        Path("/p/data/quality/jama.csv"),
    )
    assert layout.evaluation.claims_csv == Path("/p/data/evaluation/claims.csv")
    assert layout.evaluation.frozen_sha256 == Path("/p/data/evaluation/frozen.sha256")
    assert layout.coded_claims_csv("coder2") == Path("/p/data/reliability/claims_coder2.csv")
    assert layout.adjudication_csv == Path("/p/data/reliability/adjudication.csv")
    assert layout.references_bib == Path("/p/book/references.bib")


def test_the_project_is_found_by_walking_up_from_the_working_folder(project, monkeypatch):
    deep = project / "notebooks" / "drafts"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert find_project_root() == project.resolve()
    assert project_layout() == DataLayout(project.resolve() / "data")


def test_the_environment_variable_names_the_project_from_anywhere(project, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KRATOM_CLAIMS_ROOT", str(project))
    assert project_layout() == DataLayout(project / "data")


def test_outside_a_project_the_error_says_how_to_point_at_one(tmp_path, monkeypatch):
    monkeypatch.delenv("KRATOM_CLAIMS_ROOT", raising=False)
    monkeypatch.chdir(tmp_path)
    assert find_project_root() is None
    with pytest.raises(
        DataError,
        match=r"no kratom-claims project here: .* set KRATOM_CLAIMS_ROOT to it, or name the data explicitly \(--data-dir",
    ):
        load_corpus()


def test_an_environment_variable_without_a_data_folder_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("KRATOM_CLAIMS_ROOT", str(tmp_path))
    with pytest.raises(DataError, match="KRATOM_CLAIMS_ROOT names .* which has no data/ folder"):
        project_layout()


def test_a_given_data_folder_wins_over_the_project(project, tmp_path, monkeypatch):
    monkeypatch.chdir(project)
    assert data_layout(tmp_path / "elsewhere") == DataLayout(tmp_path / "elsewhere")
    assert data_layout() == DataLayout(project.resolve() / "data")
