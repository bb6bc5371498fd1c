"""The version comes from pyproject.toml alone, and a release archive holds exactly its parts, reproducibly."""

from __future__ import annotations

import tarfile
import tomllib

import pytest

from kratom_claims.errors import DataError
from kratom_claims.layout import project_layout
from kratom_claims.release import bundle_members, project_version, release_name, write_bundle

PROJECT_ROOT = project_layout().project_root


def test_the_version_is_pyprojects():
    recorded = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert project_version(PROJECT_ROOT) == recorded


def test_a_version_is_read_from_any_project_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\nversion = "3.1.4"\n', encoding="utf-8")
    assert project_version(tmp_path) == "3.1.4"
    assert release_name("3.1.4") == "kratom-claims-3.1.4"


@pytest.mark.parametrize(
    ("text", "problem"),
    [("[project]\nname = 'x'\n", "has no [project] version"), ("[project\n", "is not valid TOML")],
)
def test_a_pyproject_without_a_readable_version_is_named_in_one_line(tmp_path, text, problem):
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match="pyproject.toml: " + problem.replace("[", r"\[")):
        project_version(tmp_path)


def test_a_missing_pyproject_is_named(tmp_path):
    with pytest.raises(DataError, match="pyproject.toml: cannot be read"):
        project_version(tmp_path)


@pytest.fixture
def parts(tmp_path):
    book = tmp_path / "html"
    (book / "notebooks").mkdir(parents=True)
    (book / "index.html").write_text("<p>book</p>", encoding="utf-8")
    (book / "notebooks" / "01.html").write_text("<p>one</p>", encoding="utf-8")
    pdf = tmp_path / "book.pdf"
    pdf.write_bytes(b"%PDF-1.7 fake")
    return {"html": book, "kratom-claims.pdf": pdf}


def test_the_bundle_lists_every_file_of_every_part_in_order(parts):
    members = bundle_members(parts)
    assert [name for name, _ in members] == ["html/index.html", "html/notebooks/01.html", "kratom-claims.pdf"]


def test_a_missing_part_stops_the_bundle_naming_it(parts, tmp_path):
    with pytest.raises(DataError, match="slides: is missing"):
        bundle_members({**parts, "slides": tmp_path / "slides"})


def test_the_archive_holds_the_parts_under_one_folder_and_is_reproducible(parts, tmp_path):
    first, second = tmp_path / "a.tar.gz", tmp_path / "b.tar.gz"
    write_bundle(first, "kratom-claims-9.9", bundle_members(parts), mtime=1_700_000_000)
    write_bundle(second, "kratom-claims-9.9", bundle_members(parts), mtime=1_700_000_000)
    assert first.read_bytes() == second.read_bytes()
    with tarfile.open(first) as tar:
        assert tar.getnames() == [
            "kratom-claims-9.9/html/index.html",
            "kratom-claims-9.9/html/notebooks/01.html",
            "kratom-claims-9.9/kratom-claims.pdf",
        ]
        assert tar.extractfile("kratom-claims-9.9/kratom-claims.pdf").read() == b"%PDF-1.7 fake"
