"""CSV formula injection: cells people open in a spreadsheet are neutralised, and read back exactly."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from tiny_data import write_data_dir

from kratom_claims.claims import load_claims
from kratom_claims.codebook import load_codebook
from kratom_claims.corpus import load_corpus
from kratom_claims.intake import accept_review, add_article
from kratom_claims.spreadsheet import neutralise_cell, neutralised_csv, restore_cell

FORMULA_ARTICLE = "=1+1 Kratom eases chronic pain.\n@Kratom can cause nausea.\n+Kratom eases aches.\n"


@pytest.mark.parametrize(
    "cell, shown",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+Kratom", "'+Kratom"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("'=already quoted", "''=already quoted"),
        ("Kratom eases pain", "Kratom eases pain"),
        ("'natural' remedy", "'natural' remedy"),
        ("a = b", "a = b"),
        ("", ""),
    ],
)
def test_a_cell_is_neutralised_and_restored_exactly(cell, shown):
    assert neutralise_cell(cell) == shown
    assert restore_cell(shown) == cell


def test_a_cell_a_spreadsheet_saved_without_its_quote_is_kept():
    assert restore_cell("=1+1 Kratom") == "=1+1 Kratom"


def test_a_published_csv_is_copied_unchanged_unless_a_cell_needs_neutralising():
    clean = b'id,title\nx,"Kratom, and pain"\r\n'
    assert neutralised_csv(clean) is clean
    risky = b'id,title\nx,=1+1\ny,"@a, b"\n'
    assert neutralised_csv(risky) == b"id,title\nx,'=1+1\ny,\"'@a, b\"\n"


def test_the_review_file_neutralises_formulas_and_accept_restores_the_exact_quotes(tmp_path, work):
    data_dir = write_data_dir(tmp_path / "data")
    source = tmp_path / "abc_formula.txt"
    source.write_text(FORMULA_ARTICLE, encoding="utf-8")
    added = add_article(source, "Title", data_dir=data_dir)
    rows = list(csv.DictReader(io.StringIO((work / added.review_path).read_text(encoding="utf-8"))))
    assert [row["quote"] for row in rows] == [
        "'=1+1 Kratom eases chronic pain.",
        "'@Kratom can cause nausea.",
        "'+Kratom eases aches.",
    ]

    accept_review(added.review_path, data_dir, accept_unreviewed=True)
    corpus = load_corpus(data_dir)
    claims = load_claims(data_dir / "claims.csv", corpus, load_codebook(data_dir / "codebook.yml"))
    new = claims[claims["article_id"] == "abc_formula"]
    assert new["quote"].tolist() == [
        "=1+1 Kratom eases chronic pain.",
        "@Kratom can cause nausea.",
        "+Kratom eases aches.",
    ]
    assert [corpus.texts["abc_formula"][s:e] for s, e in zip(new["start"], new["end"], strict=True)] == new[
        "quote"
    ].tolist()


def test_a_review_saved_by_a_spreadsheet_without_the_quotes_is_accepted(tmp_path, work):
    data_dir = write_data_dir(tmp_path / "data")
    source = tmp_path / "abc_formula.txt"
    source.write_text(FORMULA_ARTICLE, encoding="utf-8")
    added = add_article(source, "Title", data_dir=data_dir)
    review = pd.read_csv(work / added.review_path, dtype=str, keep_default_na=False)
    review["quote"] = review["quote"].str.removeprefix("'")
    review.to_csv(work / "saved_by_spreadsheet.csv", index=False)
    assert accept_review(work / "saved_by_spreadsheet.csv", data_dir, accept_unreviewed=True).added == 3
