"""Limits and plausibility: one article size limit for every command, no links or paths outside the data, suspicious values named."""

from __future__ import annotations

import copy

import pandas as pd
import pytest
from tiny_data import ARTICLES, CODEBOOK, snapshot, write_data_dir

from kratom_claims.codebook import load_codebook
from kratom_claims.corpus import load_corpus, read_article
from kratom_claims.errors import CodebookError, CorpusError
from kratom_claims.ids import free_label
from kratom_claims.intake import add_article
from kratom_claims.layout import project_layout
from kratom_claims.limits import MAX_ARTICLE_BYTES, PLAUSIBLE_MAX_DOSE_G
from kratom_claims.text import count_words

TOO_BIG = (
    f"article file is {MAX_ARTICLE_BYTES + 1:,} bytes, over the limit of {MAX_ARTICLE_BYTES:,} bytes for one article"
)


def oversized(path):
    """A file one byte over the limit (sparse: no command may read it to find out)."""
    with path.open("wb") as handle:
        handle.truncate(MAX_ARTICLE_BYTES + 1)
    return path


def test_the_size_limit_is_far_above_a_very_long_article():
    """The extractor is to warn at 20,000 words; an article that long, in the book's own prose, fits 30 times over."""
    prose = " ".join(path.read_text(encoding="utf-8") for path in sorted(project_layout().articles_dir.glob("*.txt")))
    words = prose.split()
    long_article = " ".join(words * (20_000 // len(words) + 1))
    assert count_words(long_article) >= 20_000
    assert len(long_article.encode("utf-8")) * 30 < MAX_ARTICLE_BYTES


def test_an_article_at_the_limit_is_read(tmp_path):
    path = tmp_path / "abc_full.txt"
    path.write_bytes(b"word " * (MAX_ARTICLE_BYTES // 5))
    assert len(read_article(path)) == MAX_ARTICLE_BYTES


def test_every_command_refuses_an_article_over_the_size_limit(data_dir, tmp_path, work, cli):
    big = oversized(tmp_path / "abc_big.txt")
    before = snapshot(tmp_path)
    for argv in (["add", big, "--title", "T", "--data-dir", data_dir], ["extract", big, "--out", tmp_path / "out.csv"]):
        status, _, stderr = cli(*argv)
        assert (status, stderr[: len(f"error: {big}: ") + len(TOO_BIG)]) == (2, f"error: {big}: {TOO_BIG}")
    assert snapshot(tmp_path) == before

    stored = oversized(data_dir / "articles" / "001_bbbb.txt")
    with pytest.raises(CorpusError) as raised:
        load_corpus(data_dir)
    assert (raised.value.path, raised.value.problem[: len(TOO_BIG)]) == (str(stored), TOO_BIG)
    status, _, stderr = cli("locate", "001_bbbb", "nausea", "--data-dir", data_dir)
    assert (status, stderr.startswith(f"error: {stored}: {TOO_BIG}")) == (2, True)


def test_add_refuses_a_symbolic_link_even_to_a_text_file(data_dir, tmp_path, work, cli):
    real = tmp_path / "real" / "abc_real.txt"
    real.parent.mkdir()
    real.write_text("Kratom eases chronic pain.\n", encoding="utf-8")
    for target in (real, "/etc/passwd"):
        link = tmp_path / "abc_link.txt"
        link.unlink(missing_ok=True)
        link.symlink_to(target)
        before = snapshot(tmp_path)
        status, _, stderr = cli("add", link, "--title", "T", "--data-dir", data_dir)
        assert (status, stderr) == (
            2,
            f"error: {link}: is a symbolic link; add copies in (and the book publishes) "
            "only a real file: give the article file itself\n",
        )
        assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    "article_id", ["../../secret", "../articles.csv", "000_aaaa/../001_bbbb", "/etc/passwd", "000_aaaa.txt"]
)
def test_locate_reads_only_listed_articles(data_dir, tmp_path, cli, article_id):
    (tmp_path / "secret.txt").write_text("the secret words\n", encoding="utf-8")
    status, stdout, stderr = cli("locate", article_id, "the secret words", "--data-dir", data_dir)
    assert (status, stdout) == (2, "")
    assert stderr == (
        f"error: {data_dir / 'articles.csv'}: no article {article_id!r} in {data_dir / 'articles.csv'}: give an "
        f"article id listed there (the name of a file in {data_dir / 'articles'} without .txt)\n"
    )


def test_locate_refuses_an_article_whose_checksum_no_longer_matches(data_dir, cli):
    path = data_dir / "articles" / "001_bbbb.txt"
    path.write_text(ARTICLES["001_bbbb"] + "Kratom cures everything.\n", encoding="utf-8")
    status, _, stderr = cli("locate", "001_bbbb", "Kratom cures everything.", "--data-dir", data_dir)
    assert (
        status == 2 and stderr.startswith(f"error: {path}: sha256 is ") and stderr.endswith(": the file was changed\n")
    )


def test_a_synonym_listed_twice_in_one_term_is_refused(write_codebook):
    document = copy.deepcopy(CODEBOOK)
    document["categories"]["condition"]["terms"][1]["synonyms"] = ["chronic pain", "long-term pain", "Chronic  Pain"]
    path = write_codebook(document)
    with pytest.raises(CodebookError) as raised:
        load_codebook(path)
    assert raised.value.problem == (
        "category 'condition', term 'chronic_pain' lists the synonym 'chronic pain' twice "
        "(forms are compared ignoring case and spacing)"
    )


def test_a_synonym_equal_to_its_label_is_still_allowed(write_codebook):
    assert load_codebook(write_codebook(copy.deepcopy(CODEBOOK))).has("condition", "chronic_pain")


def test_an_implausible_dose_is_accepted_with_a_warning_naming_the_claim(tmp_path, work, cli):
    data_dir = write_data_dir(tmp_path / "data")
    source = tmp_path / "abc_dose.txt"
    source.write_text("Take 2 to 40000 grams a day.\n", encoding="utf-8")
    add_article(source, "Doses", review_path=work / "review.csv", data_dir=data_dir)
    status, _, stderr = cli("accept", work / "review.csv", "--accept-unreviewed", "--data-dir", data_dir)
    assert (status, stderr) == (
        0,
        f"warning: {work / 'review.csv'}: claim abc-001: dose_high_g is 40000 g, above the "
        f"plausible maximum of {PLAUSIBLE_MAX_DOSE_G:g} g for one dose; check the figure and its unit (milligrams?)\n",
    )
    claims = pd.read_csv(data_dir / "claims.csv", dtype=str)
    assert claims.loc[claims["claim_id"] == "abc-001", "dose_high_g"].tolist() == ["40000"]


def test_add_and_check_warn_about_an_implausible_dose(tmp_path, data_copy, work, cli):
    data_dir = data_copy
    existing = load_corpus(data_dir).ids
    label = free_label(existing)  # free whatever articles a reader has added to data/
    source = tmp_path / f"{label}_dose.txt"
    source.write_text("Take 2 to 40000 grams a day.\n", encoding="utf-8")
    status, _, stderr = cli("add", source, "--title", "Doses", "--data-dir", data_dir)
    review = tmp_path / "reviews" / f"review_{label}_dose.csv"
    assert status == 0
    assert stderr == (
        f"warning: {source}: only 7 words (under 100); is this the whole article?\n"
        f"warning: {review}: claim {label}-001: dose_high_g is 40000 g, above the plausible maximum of "
        f"{PLAUSIBLE_MAX_DOSE_G:g} g for one dose; check the figure and its unit (milligrams?)\n"
    )
    cli("accept", review, "--accept-unreviewed", "--data-dir", data_dir)
    status, stdout, stderr = cli("check", "--data-dir", data_dir)
    assert (status, stdout.startswith(f"data ok: {len(existing) + 1} articles")) == (0, True)
    assert stderr == (
        f"warning: {data_dir / 'claims.csv'}: claim {label}-001: dose_high_g is 40000 g, above the plausible maximum "
        f"of {PLAUSIBLE_MAX_DOSE_G:g} g for one dose; check the figure and its unit (milligrams?)\n"
    )
