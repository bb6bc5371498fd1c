"""The committed corpus is intact, and a changed or broken article makes the check fail by name."""

import shutil

import pytest

from kratom_claims.corpus import describe_corpus, load_corpus
from kratom_claims.errors import CorpusError
from kratom_claims.ids import short_label
from kratom_claims.layout import project_layout

PROJECT = project_layout()


def test_committed_corpus_passes_every_check():
    corpus = load_corpus()
    assert sorted(corpus.ids) == sorted(path.stem for path in PROJECT.articles_dir.glob("*.txt"))


def test_article_ids_have_distinct_claim_prefixes():
    """Claim ids start with the article's short label, so the labels must differ."""
    prefixes = [short_label(article_id) for article_id in load_corpus().ids]
    assert len(prefixes) == len(set(prefixes))


def test_every_article_has_a_title_and_a_publication_note():
    table = describe_corpus(load_corpus())
    assert (table["title"].str.len() > 0).all()
    assert (table["published_on"].str.len() > 0).all()
    assert (table["sentences"] > 0).all()


@pytest.fixture
def data_copy(tmp_path):
    shutil.copytree(PROJECT.articles_dir, tmp_path / "articles")
    shutil.copy(PROJECT.articles_csv, tmp_path)
    shutil.copy(PROJECT.residue_yml, tmp_path)
    return tmp_path


def test_one_changed_byte_in_a_committed_article_fails_naming_it(data_copy):
    path = sorted((data_copy / "articles").glob("*.txt"))[2]
    raw = bytearray(path.read_bytes())
    raw[100] = ord("#") if raw[100] != ord("#") else ord("%")
    path.write_bytes(bytes(raw))
    with pytest.raises(CorpusError, match=rf"{path.name}: sha256 is"):
        load_corpus(data_copy)


def test_invalid_utf8_byte_in_a_committed_article_fails_naming_it(data_copy):
    path = sorted((data_copy / "articles").glob("*.txt"))[1]
    path.write_bytes(path.read_bytes() + b"\xc3")
    with pytest.raises(CorpusError, match=rf"{path.name}: article is not valid UTF-8"):
        load_corpus(data_copy)
