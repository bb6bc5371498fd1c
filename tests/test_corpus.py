"""The corpus loader accepts a valid corpus and refuses each kind of bad input with a clear error."""

import re

import pytest
from tiny_data import write_corpus

from kratom_claims.corpus import article_sources, describe_corpus, load_corpus
from kratom_claims.errors import CorpusError


@pytest.fixture
def corpus_dir(tmp_path):
    return write_corpus(
        tmp_path,
        {"a1": b"Kratom may ease back pain.\r\nFooter line\n", "b2": b"Kratom can cause nausea."},
        residue={"a1": ["Footer line\n"]},
    )


def test_valid_corpus_loads_texts_exactly_as_stored(corpus_dir):
    corpus = load_corpus(corpus_dir)
    assert corpus.ids == ["a1", "b2"]
    assert corpus.texts["a1"] == "Kratom may ease back pain.\r\nFooter line\n"
    assert corpus.body("a1") == "Kratom may ease back pain.\r\n"


def test_describe_corpus_counts_words_and_sentences_without_residue(corpus_dir):
    table = describe_corpus(load_corpus(corpus_dir))
    assert table.loc["a1", "words"] == 5
    assert table.loc["a1", "sentences"] == 1
    assert table.loc["a1", "residue_pieces"] == 1
    assert table.loc["b2", "words"] == 4


def test_empty_article_is_refused_naming_the_file(tmp_path):
    write_corpus(tmp_path, {"a1": b"  \n"})
    with pytest.raises(CorpusError, match=r"a1\.txt: article file is empty"):
        load_corpus(tmp_path)


def test_non_utf8_article_is_refused_naming_the_file_and_byte(tmp_path):
    write_corpus(tmp_path, {"a1": b"Kratom \xff pain"})
    with pytest.raises(CorpusError, match=r"a1\.txt: article is not valid UTF-8 \(byte 7"):
        load_corpus(tmp_path)


def test_metadata_row_without_file_is_refused(corpus_dir):
    (corpus_dir / "articles" / "b2.txt").unlink()
    with pytest.raises(CorpusError, match=r"b2\.txt: .*lists article 'b2' but its file is missing"):
        load_corpus(corpus_dir)


def test_file_without_metadata_row_is_refused(corpus_dir):
    (corpus_dir / "articles" / "c3.txt").write_text("Kratom helps.", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"c3\.txt: article file has no row in"):
        load_corpus(corpus_dir)


def test_duplicate_article_id_is_refused(corpus_dir):
    csv = corpus_dir / "articles.csv"
    lines = csv.read_text(encoding="utf-8").splitlines(keepends=True)
    csv.write_text("".join(lines + [lines[2]]), encoding="utf-8")
    with pytest.raises(CorpusError, match=r"articles\.csv: duplicate article_id 'b2'"):
        load_corpus(corpus_dir)


def test_changed_byte_fails_the_checksum_naming_the_file(corpus_dir):
    path = corpus_dir / "articles" / "b2.txt"
    path.write_bytes(path.read_bytes().replace(b"nausea", b"nausee"))
    with pytest.raises(CorpusError, match=r"b2\.txt: sha256 is [0-9a-f]{64}, but .* records"):
        load_corpus(corpus_dir)


def test_wrong_word_count_is_refused(corpus_dir):
    csv = corpus_dir / "articles.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace(",4,", ",40,"), encoding="utf-8")
    with pytest.raises(CorpusError, match=re.escape("words of 'b2' is 40, but its text has 4")):
        load_corpus(corpus_dir)


def test_missing_metadata_column_is_refused(corpus_dir):
    csv = corpus_dir / "articles.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("sha256,", "checksum,"), encoding="utf-8")
    with pytest.raises(CorpusError, match=r"articles\.csv: metadata lacks column\(s\) sha256"):
        load_corpus(corpus_dir)


def test_malformed_residue_yaml_is_refused(corpus_dir):
    (corpus_dir / "residue.yml").write_text("a1: [unclosed\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"residue\.yml: residue file is not valid YAML"):
        load_corpus(corpus_dir)


def test_residue_that_is_not_in_its_article_is_refused(corpus_dir):
    (corpus_dir / "residue.yml").write_text("b2: ['Join our club']\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"residue 'Join our club' occurs 0 times in b2, not once"):
        load_corpus(corpus_dir)


def test_residue_for_unknown_article_is_refused(corpus_dir):
    (corpus_dir / "residue.yml").write_text("zz: []\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"residue listed for unknown article 'zz'"):
        load_corpus(corpus_dir)


def test_article_sources_say_what_is_not_recorded(corpus_of):
    corpus = corpus_of({"000_aaaa": "Text.\nMenu\n", "001_bbbb": "Other text.\n"}, {"000_aaaa": ["Menu\n"]})
    table = article_sources(corpus)
    assert table.to_dict("index") == {
        "000_aaaa": {
            "site_in_text": "unknown",
            "residue_pieces": 1,
            "url": "not recorded",
            "retrieved": "not recorded",
        },
        "001_bbbb": {
            "site_in_text": "unknown",
            "residue_pieces": 0,
            "url": "not recorded",
            "retrieved": "not recorded",
        },
    }
