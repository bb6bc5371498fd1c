"""Error lines a person can act on: spacing inside quotes kept visible, UTF-16 and missing fields named, a BOM not taken for text."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from tiny_data import NEW_TEXT, claim, write_corpus

from kratom_claims.claims import CLAIM_COLUMNS, load_claims, write_claims
from kratom_claims.corpus import load_corpus
from kratom_claims.encoding import looks_like_utf16
from kratom_claims.errors import ClaimsError
from kratom_claims.intake import add_article

BOM = b"\xef\xbb\xbf"


def test_a_quote_that_differs_only_in_spacing_is_shown_with_its_spaces(data_dir, cli):
    status, _, stderr = cli("locate", "000_aaaa", "Kratom  eases chronic   pain", "--data-dir", data_dir)
    assert status == 2
    assert stderr == (
        f"error: {data_dir / 'articles' / '000_aaaa.txt'}: the quote 'Kratom  eases chronic   pain' is not in the article "
        "as typed; text[0:25] reads 'Kratom eases chronic pain' (it differs in case, spacing, quote marks or dashes): "
        "quote those exact characters\n"
    )


def test_accept_shows_a_misspaced_quote_beside_the_text(data_dir, tmp_path, work, cli):
    source = tmp_path / "abc_new.txt"
    source.write_text(NEW_TEXT, encoding="utf-8")
    add_article(source, "Title", data_dir=data_dir)
    row = claim("abc-001", "abc_new", "condition", "chronic_pain", "Kratom may ease chronic pain.", hedged="true")
    row["quote"] = "Kratom may  ease chronic pain."
    write_claims(pd.DataFrame([row], columns=CLAIM_COLUMNS), work / "review.csv")
    status, _, stderr = cli("accept", work / "review.csv", "--data-dir", data_dir)
    assert status == 2
    assert "text[0:29] reads 'Kratom may ease chronic pain.', not the quote 'Kratom may  ease chronic pain.'" in stderr


@pytest.mark.parametrize(
    "raw",
    [
        "Kratom eases pain.\n".encode("utf-16"),
        "Kratom eases pain.\n".encode("utf-16-le"),
        "Kratom eases pain.\n".encode("utf-16-be"),
        "Kratom l\u00e9ka bolest.\n".encode("utf-16-le"),
    ],
    ids=["with-bom", "little-endian", "big-endian", "accented"],
)
def test_a_utf16_article_is_named_as_utf16(data_dir, tmp_path, work, cli, raw):
    source = tmp_path / "abc_wide.txt"
    source.write_bytes(raw)
    for argv in (
        ["add", source, "--title", "T", "--data-dir", data_dir],
        ["extract", source, "--out", tmp_path / "out.csv"],
    ):
        status, _, stderr = cli(*argv)
        assert (status, stderr) == (
            2,
            f"error: {source}: article is UTF-16 text, not UTF-8; save it as UTF-8 and try again\n",
        )


def test_plain_utf8_and_binary_files_are_not_taken_for_utf16():
    assert not looks_like_utf16(b"Kratom eases pain.\n")
    assert not looks_like_utf16(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    assert not looks_like_utf16(b"ab")


def test_a_utf16_review_file_is_named_as_utf16(data_dir, work, cli):
    review = work / "review.csv"
    review.write_bytes((",".join(CLAIM_COLUMNS) + "\r\n").encode("utf-16"))
    status, _, stderr = cli("accept", review, "--data-dir", data_dir)
    assert (status, stderr) == (
        2,
        f"error: {review}: is UTF-16 text, not UTF-8; save it as CSV in UTF-8 (a spreadsheet's 'CSV UTF-8')\n",
    )


def test_a_review_row_with_missing_fields_says_which(data_dir, work, cli):
    review = work / "review.csv"
    row = claim("000-009", "000_aaaa", "condition", "chronic_pain", "Kratom eases chronic pain for many users.")
    review.write_text(",".join(CLAIM_COLUMNS) + "\n" + ",".join(list(row.values())[:3]) + "\n", encoding="utf-8")
    status, _, stderr = cli("accept", review, "--data-dir", data_dir)
    assert (status, stderr) == (
        2,
        f"error: {review}: line 2 has 3 of the header's {len(CLAIM_COLUMNS)} fields; missing: {', '.join(CLAIM_COLUMNS[3:])}\n",
    )


def test_a_claim_table_row_with_missing_fields_says_which(data_dir, tiny_codebook):
    path = data_dir / "claims.csv"
    path.write_text(path.read_text(encoding="utf-8") + "000-009,000_aaaa\n", encoding="utf-8")
    with pytest.raises(ClaimsError) as raised:
        load_claims(path, load_corpus(data_dir), tiny_codebook)
    assert (
        raised.value.problem
        == f"line 4 has 2 of the header's {len(CLAIM_COLUMNS)} fields; missing: {', '.join(CLAIM_COLUMNS[2:])}"
    )


def test_a_utf8_byte_order_mark_is_not_part_of_the_first_quote(data_dir, tmp_path, work, cli):
    source = tmp_path / "abc_bom.txt"
    source.write_bytes(BOM + NEW_TEXT.encode("utf-8"))
    added = add_article(source, "Title", data_dir=data_dir)
    review = list(csv.DictReader(io.StringIO((work / added.review_path).read_text(encoding="utf-8"))))
    assert (review[0]["quote"], review[0]["start"]) == ("Kratom may ease chronic pain.", "0")
    assert added.article_path.read_bytes() == NEW_TEXT.encode("utf-8")
    assert cli("accept", added.review_path, "--accept-unreviewed", "--data-dir", data_dir)[0] == 0

    status, _, _ = cli("extract", source, "--out", tmp_path / "machine.csv", "--codebook", data_dir / "codebook.yml")
    machine = pd.read_csv(tmp_path / "machine.csv", dtype=str)
    assert status == 0 and machine.loc[0, "quote"] == "Kratom may ease chronic pain." and machine.loc[0, "start"] == "0"


def test_a_stored_article_with_a_byte_order_mark_loads_without_it(tmp_path):
    data_dir = write_corpus(tmp_path / "data", {"000_bom": BOM + b"Kratom eases chronic pain.\n"})
    assert load_corpus(data_dir).texts["000_bom"] == "Kratom eases chronic pain.\n"
