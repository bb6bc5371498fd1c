"""The add, accept and locate commands: what they print, one error line with status 2, and a full run on a copy of the real data."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pandas as pd
import pytest
from tiny_data import NEW_TEXT, claim, snapshot

from kratom_claims.book_data import BookData
from kratom_claims.claims import CLAIM_COLUMNS, load_claims, write_claims
from kratom_claims.codebook import load_codebook
from kratom_claims.corpus import load_corpus
from kratom_claims.ids import free_label
from kratom_claims.layout import project_layout
from kratom_claims.overlap import presence_matrix

DATA_DIR = project_layout().data_dir


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "abc_new.txt"
    path.write_text(NEW_TEXT, encoding="utf-8")
    return path


def test_add_reports_what_it_did_and_the_next_step(data_dir, article, work, cli):
    status, stdout, stderr = cli("add", article, "--title", "A tiny test article", "--data-dir", data_dir)
    review = data_dir.parent / "reviews" / "review_abc_new.csv"
    assert (status, stderr) == (0, f"warning: {article}: only 9 words (under 100); is this the whole article?\n")
    assert stdout == (
        f"added article abc_new (9 words): copied to {data_dir / 'articles' / 'abc_new.txt'}, "
        f"row appended to {data_dir / 'articles.csv'}\n"
        f"wrote 2 machine-proposed claim(s) to {review}\n"
        f"next: check every row of {review} (is it a claim; term, stance, hedged; the quote and its start "
        "and end), clear or replace the note of each row you checked, delete false alarms and add missed claims; "
        "then run\n"
        f"  {sys.executable} -m kratom_claims accept {review} --data-dir {data_dir}\n"
    )
    assert (data_dir / "articles" / "abc_new.txt").read_bytes() == article.read_bytes()
    assert list(pd.read_csv(review, dtype=str)["claim_id"]) == ["abc-001", "abc-002"]
    assert load_corpus(data_dir).ids[-1] == "abc_new"


def test_add_with_review_and_published_on_options(data_dir, article, tmp_path, work, cli):
    review = tmp_path / "reviews" / "mine.csv"
    review.parent.mkdir()
    status, _, _ = cli(
        "add", article, "--title", "T", "--published-on", "A forum", "--review", review, "--data-dir", data_dir
    )
    assert status == 0 and review.is_file() and not (tmp_path / "reviews" / "review_abc_new.csv").exists()
    assert load_corpus(data_dir).metadata.iloc[-1]["published_on"] == "A forum"


def test_accept_reports_the_new_total_and_the_rebuild_step(data_dir, article, work, cli):
    cli("add", article, "--title", "T", "--data-dir", data_dir)
    review = data_dir.parent / "reviews" / "review_abc_new.csv"
    status, stdout, stderr = cli("accept", review, "--accept-unreviewed", "--data-dir", data_dir)
    assert (status, stderr) == (0, "")
    assert stdout == (
        f"added 2 claim(s) for abc_new to {data_dir / 'claims.csv'} (now 4 claims)\n"
        "next: 'make book' shows the article in every chapter; before 'make test', re-execute the notebooks: "
        "make execute\n"
    )
    claims = load_claims(data_dir / "claims.csv", load_corpus(data_dir), load_codebook(data_dir / "codebook.yml"))
    assert list(claims["claim_id"]) == ["000-001", "001-001", "abc-001", "abc-002"]


def test_locate_prints_start_and_end(data_dir, cli):
    assert cli("locate", "001_bbbb", "does not cure anxiety", "--data-dir", data_dir) == (0, "start 28 end 49\n", "")
    status, stdout, _ = cli("locate", "000_aaaa", "Kratom eases chronic pain", "--data-dir", data_dir)
    assert (status, stdout) == (
        0,
        "start 0 end 25\nstart 61 end 86\nthe words occur 2 times; use the place where the claim is made\n",
    )


def _bad_review(work):
    rows = [claim("002-001", "002_cccc", "condition", "migraine", "An article that makes no claims at all.")]
    write_claims(pd.DataFrame(rows, columns=CLAIM_COLUMNS), work / "bad.csv")
    return work / "bad.csv"


@pytest.mark.parametrize(
    "command, problem",
    [
        (lambda t, w, d: ["add", t / "absent.txt", "--title", "T"], "article file is missing"),
        (lambda t, w, d: ["add", d / "articles" / "000_aaaa.txt", "--title", "T"], "'000_aaaa' is already in"),
        (lambda t, w, d: ["add", t / "abc_new.txt", "--title", " "], "--title must be one line of text, not empty"),
        (lambda t, w, d: ["add", t / "abc_new.txt", "--title", "T", "--review", t / "abc_new.txt"], "already exists"),
        (lambda t, w, d: ["accept", w / "absent.csv"], "review file is missing"),
        (lambda t, w, d: ["accept", _bad_review(w)], "claim 002-001: term 'migraine' is not a condition term"),
        (lambda t, w, d: ["locate", "000_aaaa", "no such words"], "the quote 'no such words' is not in the article"),
    ],
)
def test_bad_input_is_one_line_with_status_2_and_nothing_written(
    data_dir, article, tmp_path, work, cli, command, problem
):
    argv = [*command(tmp_path, work, data_dir), "--data-dir", data_dir]
    before = snapshot(tmp_path)
    status, stdout, stderr = cli(*argv)
    assert (status, stdout) == (2, "")
    assert stderr.startswith("error: ") and stderr.count("\n") == 1 and stderr.endswith("\n")
    assert problem in stderr
    assert snapshot(tmp_path) == before


def test_the_error_line_names_the_file_at_fault(data_dir, tmp_path, work, cli):
    clash = tmp_path / "000_clash.txt"
    clash.write_text("Kratom eases pain.\n", encoding="utf-8")
    _, _, stderr = cli("add", clash, "--title", "T", "--data-dir", data_dir)
    assert stderr.startswith(f"error: {clash}: article id '000_clash' starts with '000', like article '000_aaaa'")
    review = _bad_review(work)
    _, _, stderr = cli("accept", review, "--data-dir", data_dir)
    assert stderr.startswith(f"error: {review}: claim 002-001: term 'migraine'")


def test_usage_mistakes_are_one_line(cli):
    status, _, stderr = cli("add", "article.txt")
    assert status == 2 and stderr.count("\n") == 1 and "--title" in stderr
    status, _, stderr = cli("locate", "000_aaaa")
    assert status == 2 and stderr.count("\n") == 1 and "QUOTE" in stderr


@pytest.mark.parametrize(
    "command, shown",
    [
        (
            "add",
            [
                "--title TITLE",
                "--published-on TEXT",
                "--review REVIEW.csv",
                "--data-dir DIR",
                "python -m kratom_claims add ",
            ],
        ),
        ("accept", ["REVIEW.csv", "--data-dir DIR", "python -m kratom_claims accept "]),
        ("locate", ["ARTICLE_ID", "QUOTE", "start S end E", "python -m kratom_claims locate "]),
    ],
)
def test_help_shows_options_and_an_example(cli, command, shown):
    status, stdout, _ = cli(command, "--help")
    assert status == 0
    assert all(words in stdout for words in shown)
    # argparse wraps help to the terminal's width and may break the path at a hyphen: compare unwrapped.
    assert "".join(str(DATA_DIR).split()) in "".join(stdout.split())


def test_module_entry_point_reports_without_traceback(data_dir, tmp_path):
    missing = tmp_path / "missing.txt"
    done = subprocess.run(
        [sys.executable, "-m", "kratom_claims", "add", str(missing), "--title", "T", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"error: {missing}: article file is missing (or is not a file)\n"


SIXTH_ARTICLE = """\
Kratom and Back Pain: Notes for Readers

Many readers with chronic back pain tell us that kratom helps them through the day.
Red vein kratom is often described as the most relaxing strain.
Some users report that kratom may ease arthritis and joint pain.
A low dose of 1-3 grams is usually suggested for beginners.
Kratom can cause nausea and constipation, especially at high doses.
Always consult your doctor before trying kratom.
"""


def test_end_to_end_on_a_copy_of_the_real_data_without_building_the_book(tmp_path, monkeypatch, cli):
    """add, a person's review (one false alarm deleted, one claim added with locate), accept; then the book's loading."""
    real_before = snapshot(DATA_DIR)
    data_dir = tmp_path / "data"
    shutil.copytree(DATA_DIR, data_dir)
    monkeypatch.chdir(tmp_path)
    existing = load_corpus(data_dir).ids
    label = free_label(existing)  # free whatever articles a reader has added to data/
    article_id = f"{label}_back_pain_notes"
    source = tmp_path / f"{article_id}.txt"
    source.write_text(SIXTH_ARTICLE, encoding="utf-8")
    claims_before = (data_dir / "claims.csv").read_bytes()

    status, _, stderr = cli("add", source, "--title", "Kratom and Back Pain: Notes for Readers", "--data-dir", data_dir)
    assert (status, stderr) == (0, f"warning: {source}: only 72 words (under 100); is this the whole article?\n")
    review_path = tmp_path / "reviews" / f"review_{article_id}.csv"
    review = pd.read_csv(review_path, dtype=str, keep_default_na=False)
    assert set(review["article_id"]) == {article_id} and len(review) > 3
    assert (review["note"] == "machine-proposed: check stance, hedge and quote").all()

    quote = "readers with chronic back pain tell us that kratom helps them"
    status, stdout, _ = cli("locate", article_id, quote, "--data-dir", data_dir)
    start, end = int(stdout.split()[1]), int(stdout.split()[3])
    assert SIXTH_ARTICLE[start:end] == quote
    kept = review[review["category"] != "strain"].assign(note="checked")
    added = {
        **dict.fromkeys(CLAIM_COLUMNS, ""),
        "claim_id": f"{label}-099",
        "article_id": article_id,
        "category": "condition",
        "term": "chronic_pain",
        "stance": "asserted",
        "hedged": "false",
        "attributed_to": "users",
        "quote": quote,
        "start": str(start),
        "end": str(end),
        "note": "added by hand",
    }
    write_claims(pd.concat([kept, pd.DataFrame([added])], ignore_index=True), review_path)

    status, _, stderr = cli("accept", review_path, "--data-dir", data_dir)
    assert (status, stderr) == (0, "")
    assert (data_dir / "claims.csv").read_bytes().startswith(claims_before)

    corpus = load_corpus(data_dir)
    codebook = load_codebook(data_dir / "codebook.yml")
    data = BookData(corpus, codebook, load_claims(data_dir / "claims.csv", corpus=corpus, codebook=codebook))
    assert len(data.ids) == len(existing) + 1 and data.ids[-1] == article_id
    assert (data.claims["article_id"] == article_id).sum() == len(kept) + 1
    assert data.short[article_id] == label and len(set(data.short.values())) == len(existing) + 1
    matrix = presence_matrix(data.claims, corpus.ids)
    assert list(matrix.columns) == corpus.ids and matrix.shape[1] == len(existing) + 1
    assert "condition:chronic_pain" not in set(review["category"] + ":" + review["term"])
    assert matrix.loc["condition:chronic_pain", article_id]
    assert not matrix.filter(like="strain:", axis=0)[article_id].any()
    assert snapshot(DATA_DIR) == real_before
