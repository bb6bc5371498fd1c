"""The data files published with the book: exactly the listed ones, never a hidden, temporary or linked file."""

from __future__ import annotations

import re

import pytest
import yaml

from kratom_claims.errors import DataError
from kratom_claims.layout import project_layout
from kratom_claims.publish import publish_data, published_files

PROJECT = project_layout()
DATA_DIR, PROJECT_ROOT = PROJECT.data_dir, PROJECT.project_root


def configured_patterns() -> list[str]:
    config = yaml.safe_load((PROJECT_ROOT / "_config.yml").read_text(encoding="utf-8"))
    return config["sphinx"]["config"]["published_data_files"]


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "data"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles.csv").write_bytes(b"article_id,title\n000_a,Kratom\n")
    (folder / "articles" / "000_a.txt").write_bytes(b"Kratom eases pain.\r\n")
    for leftover in (".kratom_claims.lock", ".kratom_claims.journal", ".articles.csv.ab12cd34.tmp", "notes.html"):
        (folder / leftover).write_bytes(b"not for readers")
    (folder / "articles" / ".000_b.txt.staged").write_bytes(b"half-added")
    return folder


def test_only_the_listed_files_are_published_byte_for_byte(data_dir, tmp_path):
    out = tmp_path / "html" / "data"
    copies = publish_data(data_dir, out, ["articles.csv", "articles/*.txt"])
    assert copies == [out / "articles.csv", out / "articles" / "000_a.txt"]
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == ["articles", "articles.csv", "articles/000_a.txt"]
    assert (out / "articles" / "000_a.txt").read_bytes() == b"Kratom eases pain.\r\n"


def test_a_published_csv_has_its_formula_cells_neutralised(data_dir, tmp_path):
    (data_dir / "articles.csv").write_bytes(b'article_id,title\n000_a,=HYPERLINK("http://x")\n')
    publish_data(data_dir, tmp_path / "out", ["articles.csv"])
    assert (tmp_path / "out" / "articles.csv").read_bytes() == b'article_id,title\n000_a,"\'=HYPERLINK(""http://x"")"\n'


def test_a_listed_pattern_that_matches_nothing_is_an_error(data_dir, tmp_path):
    with pytest.raises(DataError) as raised:
        publish_data(data_dir, tmp_path / "out", ["articles.csv", "quality/*.csv"])
    assert (raised.value.path, raised.value.problem) == (
        str(data_dir / "quality/*.csv"),
        "is listed in published_data_files but matches no file",
    )


def test_a_linked_file_is_never_published(data_dir, tmp_path):
    (data_dir / "articles" / "001_passwd.txt").symlink_to("/etc/passwd")
    with pytest.raises(DataError, match="is a symbolic link; only real files are published"):
        publish_data(data_dir, tmp_path / "out", ["articles/*.txt"])
    assert not (tmp_path / "out" / "articles" / "001_passwd.txt").exists()


def test_every_download_the_datasets_page_links_is_listed_for_publishing():
    page = (PROJECT_ROOT / "book" / "datasets.md").read_text(encoding="utf-8")
    linked = set(re.findall(r'href="\.\./data/([^"]+)"', page))
    listed = {str(p.relative_to(DATA_DIR)) for p in published_files(DATA_DIR, configured_patterns())}
    assert linked and linked <= listed


def test_the_whole_data_folder_is_no_longer_published():
    config = yaml.safe_load((PROJECT_ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert "html_extra_path" not in config["sphinx"]["config"]
    assert not (PROJECT_ROOT / "_extra" / "data").exists()
