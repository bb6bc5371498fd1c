"""accept: a review file nobody touched is refused unless asked for; a spreadsheet's TRUE/FALSE are read as true/false."""

from __future__ import annotations

import pandas as pd
import pytest
from tiny_data import NEW_TEXT, snapshot

from kratom_claims.claims import CLAIM_COLUMNS, write_claims
from kratom_claims.errors import ClaimsError
from kratom_claims.intake import MACHINE_NOTE, accept_review, add_article


@pytest.fixture
def added(data_dir, tmp_path):
    source = tmp_path / "abc_new.txt"
    source.write_text(NEW_TEXT, encoding="utf-8")
    return add_article(source, "T", data_dir=data_dir)


def test_a_review_file_with_every_row_untouched_is_refused_and_nothing_changes(data_dir, tmp_path, added):
    before = snapshot(tmp_path)
    with pytest.raises(ClaimsError) as raised:
        accept_review(added.review_path, data_dir)
    assert raised.value.path == str(added.review_path)
    assert raised.value.problem.startswith(f"every row still has the note {MACHINE_NOTE!r}")
    assert raised.value.problem.endswith("or add --accept-unreviewed to accept the machine's proposals as they are")
    assert snapshot(tmp_path) == before


def test_accept_unreviewed_takes_the_untouched_rows(data_dir, added):
    assert accept_review(added.review_path, data_dir, accept_unreviewed=True).added == 2


def test_one_row_with_its_note_cleared_counts_as_reviewed(data_dir, added):
    review = pd.read_csv(added.review_path, dtype=str, keep_default_na=False)
    review.loc[0, "note"] = ""
    write_claims(review, added.review_path)
    assert accept_review(added.review_path, data_dir).added == 2


def test_spreadsheet_true_and_false_in_any_case_are_accepted_as_true_and_false(data_dir, added):
    review = pd.read_csv(added.review_path, dtype=str, keep_default_na=False)
    assert list(review["hedged"]) == ["true", "false"]
    review["hedged"] = ["TRUE", "False"]
    review["note"] = "checked"
    review[CLAIM_COLUMNS].to_csv(added.review_path, index=False)
    accept_review(added.review_path, data_dir)
    claims = pd.read_csv(data_dir / "claims.csv", dtype=str, keep_default_na=False)
    assert list(claims.loc[claims["article_id"] == "abc_new", "hedged"]) == ["true", "false"]
