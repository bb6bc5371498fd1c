"""Adding an article and accepting its reviewed claims: exact files on success, nothing written on refusal."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pandas as pd
import pytest
from tiny_data import NEW_TEXT, claim, snapshot, write_data_dir

from kratom_claims import intake
from kratom_claims.claims import CLAIM_COLUMNS, load_claims, with_qualifiers, write_claims
from kratom_claims.codebook import load_codebook
from kratom_claims.corpus import load_corpus
from kratom_claims.errors import ClaimsError, CorpusError, DataError
from kratom_claims.extract import ClaimExtractor
from kratom_claims.intake import MACHINE_NOTE, accept_review, add_article, appended_metadata


@pytest.fixture
def article(tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    path = folder / "abc_new.txt"
    path.write_bytes(NEW_TEXT.encode("utf-8"))
    return path


def codebook_of(data_dir):
    return load_codebook(data_dir / "codebook.yml")


# --- add ------------------------------------------------------------------------------------


def test_add_copies_the_article_and_appends_its_row(data_dir, article, work):
    before = (data_dir / "articles.csv").read_bytes()
    added = add_article(article, "A tiny test article", data_dir=data_dir)
    assert (added.article_id, added.words, added.proposed) == ("abc_new", 9, 2)
    assert added.article_path == data_dir / "articles" / "abc_new.txt"
    assert added.article_path.read_bytes() == article.read_bytes()
    sha = hashlib.sha256(article.read_bytes()).hexdigest()
    row = f"abc_new,A tiny test article,Not shown in the text,9,{sha},Not reviewed yet\n"
    assert (data_dir / "articles.csv").read_bytes() == before + row.encode("utf-8")
    corpus = load_corpus(data_dir)
    assert corpus.ids == ["000_aaaa", "001_bbbb", "002_cccc", "abc_new"]
    assert corpus.texts["abc_new"] == NEW_TEXT


def test_add_writes_the_machine_proposals_for_review(data_dir, article, work):
    added = add_article(article, "A tiny test article", data_dir=data_dir)
    assert added.review_path == data_dir.parent / "reviews" / "review_abc_new.csv"
    review = pd.read_csv(added.review_path, dtype=str, keep_default_na=False)
    assert review.to_dict("records") == [
        claim(
            "abc-001",
            "abc_new",
            "condition",
            "chronic_pain",
            "Kratom may ease chronic pain.",
            hedged="true",
            note=MACHINE_NOTE,
        ),
        claim("abc-002", "abc_new", "side_effect", "nausea", "It can cause nausea.", note=MACHINE_NOTE),
    ]
    loaded = load_claims(added.review_path, load_corpus(data_dir), codebook_of(data_dir))
    assert list(loaded["claim_id"]) == ["abc-001", "abc-002"]


def test_the_review_holds_exactly_what_the_extractor_proposes(data_dir, tmp_path, work):
    text = "Kratom eases chronic pain. Take 2 to 4 grams a day.\nRed vein kratom may cause queasiness.\n"
    source = tmp_path / "incoming" / "7zz-dose.txt"
    source.parent.mkdir()
    source.write_text(text, encoding="utf-8")
    add_article(source, "Doses", review_path=tmp_path / "mine.csv", data_dir=data_dir)
    expected = with_qualifiers(ClaimExtractor(codebook_of(data_dir)).extract(text, "7zz-dose"))
    expected.insert(0, "claim_id", [f"7zz-{n:03d}" for n in range(1, len(expected) + 1)])
    expected["note"] = MACHINE_NOTE
    written = load_claims(tmp_path / "mine.csv", load_corpus(data_dir), codebook_of(data_dir))
    pd.testing.assert_frame_equal(written, expected[CLAIM_COLUMNS], check_dtype=False)
    assert written.loc[written["category"] == "dosage", ["dose_low_g", "dose_high_g"]].values.tolist() == [[2.0, 4.0]]


def test_add_records_title_and_published_on_as_given(data_dir, article, work):
    add_article(article, '  Kratom, "pain" and you ', published_on="A blog, 2024", data_dir=data_dir)
    row = load_corpus(data_dir).metadata.iloc[-1]
    assert (row["title"], row["published_on"], row["residue_note"]) == (
        'Kratom, "pain" and you',
        "A blog, 2024",
        "Not reviewed yet",
    )


def test_an_article_with_no_claims_gets_a_review_file_with_the_header_only(data_dir, tmp_path, work):
    source = tmp_path / "quiet_page.txt"
    source.write_text("A page about nothing in particular.\n", encoding="utf-8")
    added = add_article(source, "Quiet", data_dir=data_dir)
    assert added.proposed == 0
    assert added.review_path.read_text(encoding="utf-8") == ",".join(CLAIM_COLUMNS) + "\n"


def test_appended_metadata_keeps_crlf_and_ends_an_unfinished_last_line():
    row = {
        "article_id": "abc_new",
        "title": "T, with comma",
        "published_on": "p",
        "words": 3,
        "sha256": "s",
        "residue_note": "n",
    }
    header = b"article_id,title,published_on,words,sha256,residue_note"
    assert (
        appended_metadata(header + b"\r\nx,y,,,,\r\n", row)
        == header + b'\r\nx,y,,,,\r\nabc_new,"T, with comma",p,3,s,n\r\n'
    )
    assert appended_metadata(header + b"\nx,y,,,,", row) == header + b'\nx,y,,,,\nabc_new,"T, with comma",p,3,s,n\n'


def _place(tmp_path, name, content):
    path = tmp_path / "incoming" / name
    path.parent.mkdir(exist_ok=True)
    if content is None:
        path.mkdir()
    elif content != "missing":
        path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    "name, content, problem",
    [
        ("abc_gone.txt", "missing", "article file is missing"),
        ("abc_dir.txt", None, "is a folder, not an article file"),
        ("abc_empty.txt", b" \n\n", "article file is empty"),
        ("abc_latin.txt", "Kratom caf\u00e9.".encode("latin-1"), "not valid UTF-8"),
        ("abc_binary.txt", b"Kratom\x00 eases pain.", "contains NUL bytes"),
        ("000_aaaa.txt", b"Kratom eases pain.\n", "'000_aaaa' is already in"),
        ("000_other.txt", b"Kratom eases pain.\n", "starts with '000', like article '000_aaaa'"),
        ("ab.txt", b"Kratom eases pain.\n", "too short"),
    ],
)
def test_add_refusals_write_nothing(data_dir, tmp_path, work, name, content, problem):
    source = _place(tmp_path, name, content)
    before = snapshot(tmp_path)
    with pytest.raises(CorpusError) as raised:
        add_article(source, "Title", data_dir=data_dir)
    assert raised.value.path == str(source) and problem in raised.value.problem
    assert snapshot(tmp_path) == before


def test_prefix_clash_names_the_rule_and_suggests_a_free_prefix(data_dir, tmp_path, work):
    source = _place(tmp_path, "001_mine.txt", b"Kratom eases pain.\n")
    with pytest.raises(CorpusError) as raised:
        add_article(source, "Title", data_dir=data_dir)
    assert raised.value.problem == (
        f"article id '001_mine' starts with '001', like article '001_bbbb' in {data_dir / 'articles.csv'}; claim ids "
        "are those first 3 characters and a number (001-001), so the two articles' claims could not be told apart; "
        "rename the file to start differently, e.g. 003_001_mine.txt"
    )


def test_prefixes_that_differ_only_in_case_clash(data_dir, tmp_path, work, article):
    add_article(article, "First", data_dir=data_dir)
    source = _place(tmp_path, "ABC_two.txt", b"Kratom eases pain.\n")
    before = snapshot(tmp_path)
    with pytest.raises(CorpusError, match="starts with 'ABC', like article 'abc_new'"):
        add_article(source, "Second", data_dir=data_dir)
    assert snapshot(tmp_path) == before


def test_a_file_already_in_the_articles_folder_is_refused(data_dir, tmp_path, article, work):
    (data_dir / "articles" / "abc_new.txt").write_text("left over\n", encoding="utf-8")
    before = snapshot(tmp_path)
    with pytest.raises(CorpusError, match="abc_new.txt already exists"):
        add_article(article, "Title", data_dir=data_dir)
    assert snapshot(tmp_path) == before
    with pytest.raises(CorpusError, match="already inside"):
        add_article(data_dir / "articles" / "abc_new.txt", "Title", data_dir=data_dir)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    "options, problem",
    [
        ({"title": "  "}, "--title must be one line of text, not empty"),
        ({"title": "Two\nlines"}, "--title must be one line"),
        ({"published_on": ""}, "--published-on must be one line of text, not empty"),
    ],
)
def test_bad_title_or_published_on_writes_nothing(data_dir, tmp_path, article, work, options, problem):
    before = snapshot(tmp_path)
    with pytest.raises(CorpusError, match=problem):
        add_article(article, **{"title": "Title", **options}, data_dir=data_dir)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    "review, problem",
    [
        ("exists.csv", "already exists and may hold someone's review"),
        ("no_folder/review.csv", "folder"),
        (".", "is a folder"),
    ],
)
def test_unusable_review_path_writes_nothing(data_dir, tmp_path, article, work, review, problem):
    (work / "exists.csv").write_text("someone's work\n", encoding="utf-8")
    before = snapshot(tmp_path)
    with pytest.raises(DataError, match=problem) as raised:
        add_article(article, "Title", review_path=Path(review), data_dir=data_dir)
    assert raised.value.path == review
    assert snapshot(tmp_path) == before


def test_a_broken_data_folder_is_reported_before_anything_is_written(data_dir, tmp_path, article, work):
    (data_dir / "articles" / "001_bbbb.txt").write_bytes(b"Changed.\n")
    before = snapshot(tmp_path)
    with pytest.raises(CorpusError, match="the file was changed") as raised:
        add_article(article, "Title", data_dir=data_dir)
    assert raised.value.path == str(data_dir / "articles" / "001_bbbb.txt")
    assert snapshot(tmp_path) == before


def test_a_failed_replace_puts_everything_back(data_dir, tmp_path, article, work, monkeypatch):
    real_replace, calls = os.replace, []

    def fail_on_metadata(source, target):
        calls.append(Path(target).name)
        if Path(target).name == "articles.csv" and calls.count("articles.csv") == 1:
            raise OSError(28, "No space left on device", str(source), None, str(target))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", fail_on_metadata)
    before = snapshot(tmp_path)
    with pytest.raises(DataError) as raised:
        add_article(article, "Title", data_dir=data_dir)
    assert (raised.value.path, raised.value.problem) == (
        str(data_dir),
        "cannot write there (No space left on device); nothing was changed",
    )
    assert "abc_new.txt" in calls and "review_abc_new.csv" in calls
    assert snapshot(tmp_path) == before


def test_a_failed_write_of_the_claim_table_changes_nothing(data_dir, reviewed, tmp_path, monkeypatch):
    def refuse(path, data, mode):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("kratom_claims.journal.write_durably", refuse)
    before = snapshot(tmp_path)
    with pytest.raises(DataError) as raised:
        accept_review(reviewed, data_dir)
    assert (raised.value.path, raised.value.problem) == (
        str(data_dir),
        "cannot write there (Permission denied); nothing was changed",
    )
    assert snapshot(tmp_path) == before


def test_a_corpus_that_fails_to_load_after_the_writes_is_rolled_back(data_dir, tmp_path, article, work, monkeypatch):
    real_load, loads = intake.load_corpus, []

    def second_load_fails(folder):
        loads.append(folder)
        if len(loads) == 2:
            raise CorpusError(folder, "simulated failure after writing")
        return real_load(folder)

    monkeypatch.setattr(intake, "load_corpus", second_load_fails)
    before = snapshot(tmp_path)
    with pytest.raises(CorpusError, match="simulated failure"):
        add_article(article, "Title", data_dir=data_dir)
    assert snapshot(tmp_path) == before


# --- accept ---------------------------------------------------------------------------------


@pytest.fixture
def reviewed(data_dir, article, work):
    """The new article added, and its review file as a person left it: one row fixed, one added."""
    add_article(article, "A tiny test article", data_dir=data_dir)
    rows = [
        claim(
            "abc-001",
            "abc_new",
            "condition",
            "chronic_pain",
            "Kratom may ease chronic pain.",
            hedged="true",
            note="checked",
        ),
        claim("abc-002", "abc_new", "side_effect", "nausea", "It can cause nausea.", note=""),
        claim("abc-003", "abc_new", "condition", "pain", "ease chronic pain", hedged="true", note="added by hand"),
    ]
    write_claims(pd.DataFrame(rows, columns=CLAIM_COLUMNS), work / "review_abc_new.csv")
    return work / "review_abc_new.csv"


def test_accept_appends_the_reviewed_rows(data_dir, reviewed):
    before = (data_dir / "claims.csv").read_bytes()
    accepted = accept_review(reviewed, data_dir)
    assert (accepted.added, accepted.total, accepted.article_ids) == (3, 5, ["abc_new"])
    assert accepted.claims_path == data_dir / "claims.csv"
    assert (data_dir / "claims.csv").read_bytes() == before + reviewed.read_bytes().split(b"\n", 1)[1]
    claims = load_claims(data_dir / "claims.csv", load_corpus(data_dir), codebook_of(data_dir))
    new = claims[claims["article_id"] == "abc_new"]
    assert new[["claim_id", "term", "hedged", "start", "end"]].values.tolist() == [
        ["abc-001", "chronic_pain", True, 0, 29],
        ["abc-002", "nausea", False, 30, 50],
        ["abc-003", "pain", True, 11, 28],
    ]


def test_accept_reads_a_spreadsheets_byte_order_mark(data_dir, reviewed):
    reviewed.write_bytes(b"\xef\xbb\xbf" + reviewed.read_bytes())
    assert accept_review(reviewed, data_dir).added == 3


def _review_file(tmp_path, rows=None, raw=None):
    path = tmp_path / "work" / "bad_review.csv"
    if raw is not None:
        path.write_bytes(raw)
    else:
        write_claims(pd.DataFrame(rows, columns=CLAIM_COLUMNS), path)
    return path


def _good_row(**changes):
    return {
        **claim("abc-001", "abc_new", "condition", "chronic_pain", "Kratom may ease chronic pain.", hedged="true"),
        **changes,
    }


HEADER = ",".join(CLAIM_COLUMNS).encode()


@pytest.mark.parametrize(
    "rows, raw, problem",
    [
        (None, b"", "review file is empty"),
        (None, HEADER + b"\n", "has no claim rows; nothing to accept"),
        (None, b"\x89PNG\r\n\x1a\n\x00\x00", "is not a CSV file (it contains NUL bytes)"),
        (None, HEADER + b"\n" + "abc-001,caf\u00e9".encode("latin-1") + b"\n", "is not a UTF-8 CSV file"),
        (
            None,
            b"a,b\n1,2\n3,4,5,6\n",
            "line 3 has 4 fields, more than the header's 2; a cell that contains a comma must be in double quotes",
        ),
        (None, b"just some words\nand more words\n", "missing column(s) claim_id"),
        (None, HEADER + b",extra\n" + b"x," * len(CLAIM_COLUMNS) + b"\n", "unexpected column(s) extra"),
        ([_good_row(start="1", end="30")], None, "claim abc-001: text[1:30] reads"),
        ([_good_row(term="migraine")], None, "term 'migraine' is not a condition term"),
        ([_good_row(stance="claimed")], None, "stance 'claimed' must be asserted or denied"),
        ([_good_row(hedged="yes")], None, "hedged 'yes' must be true or false"),
        ([_good_row(), _good_row()], None, "claim_id 'abc-001' is used twice (rows 2 and 3)"),
        ([_good_row(article_id="abc_old")], None, "unknown article_id 'abc_old'"),
        ([_good_row(claim_id="abd-001")], None, "claim_id must be 'abc-' and a 3-digit number"),
        (
            [
                claim(
                    "000-002", "000_aaaa", "dosage", "dose_range", "Take 2 to 4 grams.", doses=("2", "4"), bound="range"
                )
            ],
            None,
            "article 000_aaaa already has 1 claim in",
        ),
    ],
)
def test_accept_refusals_write_nothing(data_dir, tmp_path, article, work, rows, raw, problem):
    add_article(article, "A tiny test article", data_dir=data_dir)
    review = _review_file(tmp_path, rows, raw)
    before = snapshot(tmp_path)
    with pytest.raises(ClaimsError) as raised:
        accept_review(review, data_dir)
    assert raised.value.path == str(review)
    assert problem in raised.value.problem
    assert snapshot(tmp_path) == before


def test_accept_says_how_to_resolve_an_article_that_already_has_claims(data_dir, tmp_path, work):
    review = _review_file(
        tmp_path, [claim("001-002", "001_bbbb", "condition", "anxiety", "It does not cure anxiety.", stance="denied")]
    )
    with pytest.raises(ClaimsError) as raised:
        accept_review(review, data_dir)
    assert raised.value.problem == (
        f"article 001_bbbb already has 1 claim in {data_dir / 'claims.csv'}; remove them first, or use a different review"
    )


def test_accept_refuses_a_claim_id_already_in_the_table(tmp_path, work):
    texts = {"abc_one": "Kratom eases chronic pain.\n", "abc_two": "Kratom may cause nausea.\n"}
    first = dict(
        zip(
            CLAIM_COLUMNS,
            [
                "abc-001",
                "abc_one",
                "condition",
                "chronic_pain",
                "asserted",
                "false",
                "",
                "",
                "Kratom eases chronic pain.",
                "0",
                "26",
                "",
                "",
                "",
                "",
            ],
            strict=True,
        )
    )
    data_dir = write_data_dir(tmp_path / "data", articles=texts, claims=[first])
    second = {
        **first,
        "article_id": "abc_two",
        "category": "side_effect",
        "term": "nausea",
        "hedged": "true",
        "quote": "Kratom may cause nausea.",
        "end": "24",
    }
    review = _review_file(tmp_path, [second])
    before = snapshot(tmp_path)
    with pytest.raises(ClaimsError, match="claim abc-001 is already in .*; give the row a new claim_id"):
        accept_review(review, data_dir)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("where", ["missing.csv", "folder"])
def test_accept_refuses_a_missing_review(data_dir, tmp_path, work, where):
    (work / "folder").mkdir()
    before = snapshot(tmp_path)
    with pytest.raises(ClaimsError, match="review file is missing|is a folder"):
        accept_review(work / where, data_dir)
    assert snapshot(tmp_path) == before


def test_accept_refuses_when_the_claim_table_itself_is_broken(data_dir, reviewed, tmp_path):
    table = (data_dir / "claims.csv").read_text(encoding="utf-8").replace("chronic_pain", "chronic_pian")
    (data_dir / "claims.csv").write_text(table, encoding="utf-8")
    before = snapshot(tmp_path)
    with pytest.raises(ClaimsError, match="did you mean 'chronic_pain'") as raised:
        accept_review(reviewed, data_dir)
    assert raised.value.path == str(data_dir / "claims.csv")
    assert snapshot(tmp_path) == before


def test_accept_refuses_a_row_whose_speaker_the_extractor_left_unclear(data_dir, tmp_path, article, work):
    add_article(article, "A tiny test article", data_dir=data_dir)
    review = _review_file(tmp_path, [_good_row(), _good_row(claim_id="abc-002", attributed_to="unclear")])
    before = snapshot(tmp_path)
    with pytest.raises(ClaimsError) as raised:
        accept_review(review, data_dir, accept_unreviewed=True)
    assert raised.value.path == str(review)
    assert raised.value.problem == (
        "1 row(s) still have attributed_to 'unclear', the first claim abc-002 (abc_new, chronic_pain, "
        "'Kratom may ease chronic pain.'); set attributed_to to one of: users, or leave it empty "
        "for the article's own voice"
    )
    assert snapshot(tmp_path) == before


def test_add_lets_unclear_into_the_review_file_for_the_reviewer(data_dir, tmp_path, work):
    folder = tmp_path / "incoming"
    folder.mkdir()
    path = folder / "abc_new.txt"
    path.write_bytes(b"A nurse at the clinic said it eased her chronic pain.\nIt can cause nausea.\n")
    added = add_article(path, "A tiny test article", data_dir=data_dir)
    review = pd.read_csv(added.review_path, dtype=str, keep_default_na=False)
    assert review[["term", "attributed_to"]].values.tolist() == [["chronic_pain", "unclear"], ["nausea", ""]]
