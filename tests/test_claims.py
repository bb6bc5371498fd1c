"""Claims: loading and typing the table, one ClaimsError per kind of bad row, writing and counting."""

from __future__ import annotations

import csv

import numpy as np
import pandas as pd
import pytest
from tiny_data import ARTICLES

from kratom_claims.claims import (
    CLAIM_COLUMNS,
    claims_by_article,
    load_claims,
    stance_counts,
    validate_claims,
    write_claims,
)
from kratom_claims.errors import ClaimsError

FIRST, SECOND = ARTICLES["000_aaaa"], ARTICLES["001_bbbb"]


def claim(claim_id, article_id, category, term, stance, hedged, quote, start=None, note="", low="", high="", bound=""):
    text = ARTICLES[article_id]
    start = text.index(quote) if start is None else start
    return {
        "claim_id": claim_id,
        "article_id": article_id,
        "category": category,
        "term": term,
        "stance": stance,
        "hedged": hedged,
        "comparator": "",
        "attributed_to": "",
        "quote": quote,
        "start": str(start),
        "end": str(start + len(quote)),
        "note": note,
        "dose_low_g": low,
        "dose_high_g": high,
        "dose_bound": bound,
    }


def good_rows():
    return [
        claim("000-001", "000_aaaa", "condition", "chronic_pain", "asserted", "false", "Kratom eases chronic pain"),
        claim(
            "000-002",
            "000_aaaa",
            "dosage",
            "dose_range",
            "asserted",
            "true",
            "Take 2 to 4 grams",
            note='a, "quoted" note',
            low="2",
            high="4.5",
            bound="range",
        ),
        claim("001-001", "001_bbbb", "side_effect", "nausea", "asserted", "true", "Kratom may cause nausea"),
        claim("001-002", "001_bbbb", "condition", "anxiety", "denied", "false", "It does not cure anxiety"),
        claim("001-003", "001_bbbb", "side_effect", "anxiety", "denied", "true", "anxiety"),
    ]


def write_rows(path, rows, columns=CLAIM_COLUMNS):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def load(tmp_path, tiny_corpus, tiny_codebook):
    """Write rows to a claims file and load it against the tiny corpus and codebook."""

    def load_rows(rows, columns=CLAIM_COLUMNS):
        path = write_rows(tmp_path / "claims.csv", rows, columns)
        return load_claims(path, corpus=tiny_corpus, codebook=tiny_codebook)

    return load_rows


@pytest.fixture
def claims(load):
    return load(good_rows())


def refused(load, rows, *pieces, columns=CLAIM_COLUMNS):
    with pytest.raises(ClaimsError) as caught:
        load(rows, columns)
    message = str(caught.value)
    assert message.split(": ", 1)[0].endswith("claims.csv")
    for piece in pieces:
        assert piece in message
    return message


def broken(index, **changes):
    rows = good_rows()
    rows[index].update(changes)
    return rows


def test_loaded_claims_are_typed(claims):
    assert list(claims.columns) == CLAIM_COLUMNS
    assert claims["hedged"].dtype == bool
    assert list(claims["hedged"]) == [False, True, True, False, True]
    assert claims["start"].dtype == np.int64 and claims["end"].dtype == np.int64
    assert list(claims["start"]) == [0, 42, 0, 25, 42]
    assert list(claims["end"]) == [25, 59, 23, 49, 49]
    assert claims["dose_low_g"].dtype == np.float64
    assert claims.loc[1, "dose_low_g"] == 2.0 and claims.loc[1, "dose_high_g"] == 4.5
    assert claims["dose_high_g"].isna().tolist() == [True, False, True, True, True]
    assert claims.loc[1, "note"] == 'a, "quoted" note'
    assert claims.loc[0, "note"] == ""
    assert claims.loc[3, "quote"] == SECOND[25:49]


def test_validate_accepts_its_own_typed_output(claims, tiny_corpus, tiny_codebook):
    again = validate_claims(claims, tiny_corpus, tiny_codebook, "typed")
    pd.testing.assert_frame_equal(again, claims)


def test_an_empty_claims_file_is_valid(load):
    assert len(load([])) == 0


def test_missing_file_is_refused(tmp_path, tiny_corpus, tiny_codebook):
    with pytest.raises(ClaimsError, match="claims file is missing"):
        load_claims(tmp_path / "none.csv", corpus=tiny_corpus, codebook=tiny_codebook)


def test_file_that_is_not_utf8_is_refused(tmp_path, tiny_corpus, tiny_codebook):
    path = tmp_path / "claims.csv"
    path.write_bytes(",".join(CLAIM_COLUMNS).encode() + b"\n000-001,\xff\xfe\n")
    with pytest.raises(ClaimsError, match="not a readable UTF-8 CSV"):
        load_claims(path, corpus=tiny_corpus, codebook=tiny_codebook)


def test_missing_column_is_named(load):
    columns = [c for c in CLAIM_COLUMNS if c != "note"]
    rows = [{k: v for k, v in row.items() if k != "note"} for row in good_rows()]
    refused(load, rows, "missing column(s) note", columns=columns)


def test_extra_column_is_named(load):
    rows = [dict(row, coder="ak") for row in good_rows()]
    refused(load, rows, "unexpected column(s) coder", columns=CLAIM_COLUMNS + ["coder"])


def test_columns_out_of_order_are_refused(load):
    columns = ["article_id", "claim_id"] + CLAIM_COLUMNS[2:]
    refused(load, good_rows(), "columns are out of order", columns=columns)


def test_empty_claim_id_is_refused(load):
    refused(load, broken(2, claim_id=""), "row 4 has no claim_id")


def test_duplicate_claim_id_is_refused(load):
    refused(load, broken(4, claim_id="001-001"), "claim_id '001-001' is used twice (rows 4 and 6)")


@pytest.mark.parametrize("claim_id", ["001-1", "000-004", "001_004", "001-0042"])
def test_claim_id_must_follow_its_article(load, claim_id):
    refused(load, broken(4, claim_id=claim_id), f"claim {claim_id}: claim_id must be '001-' and a 3-digit number")


def test_unknown_article_is_refused(load):
    refused(
        load,
        broken(0, article_id="000_zzzz"),
        "claim 000-001: unknown article_id '000_zzzz'",
        "000_aaaa, 001_bbbb, 002_cccc",
    )


def test_unknown_category_is_refused(load):
    refused(
        load,
        broken(0, category="conditions"),
        "claim 000-001: category 'conditions' does not belong in this table; its categories are condition, strain",
    )


def test_term_from_another_category_is_pointed_there(load):
    message = refused(
        load, broken(2, term="chronic_pain"), "claim 001-001: term 'chronic_pain' is not a side_effect term"
    )
    assert message.endswith("it is in category condition")


def test_misspelt_term_gets_a_suggestion(load):
    refused(load, broken(0, term="chronic_pian"), "nor in any other category", "did you mean 'chronic_pain'?")


def test_term_nowhere_in_codebook_is_refused(load):
    message = refused(
        load, broken(0, term="xyz"), "claim 000-001: term 'xyz' is not a condition term, nor in any other"
    )
    assert "did you mean" not in message


@pytest.mark.parametrize("stance", ["Asserted", "claimed", ""])
def test_stance_must_be_asserted_or_denied(load, stance):
    refused(load, broken(1, stance=stance), f"claim 000-002: stance {stance!r} must be asserted or denied")


@pytest.mark.parametrize("hedged", ["True", "yes", "1", ""])
def test_hedged_must_be_true_or_false(load, hedged):
    refused(load, broken(1, hedged=hedged), f"claim 000-002: hedged {hedged!r} must be true or false")


@pytest.mark.parametrize("column, value", [("start", "1.0"), ("start", "-1"), ("end", ""), ("end", "x")])
def test_offsets_must_be_whole_numbers(load, column, value):
    refused(load, broken(0, **{column: value}), f"claim 000-001: {column} {value!r} is not a whole number")


@pytest.mark.parametrize("start, end", [("25", "25"), ("30", "20"), ("80", "200")])
def test_offsets_out_of_range_are_refused(load, start, end):
    refused(load, broken(0, start=start, end=end), f"offsets {start}:{end} are out of range", f"<= {len(FIRST)}")


def test_quote_found_elsewhere_gives_its_offsets(load):
    rows = broken(0, start="1", end="26")
    message = refused(load, rows, "claim 000-001: text[1:26] reads 'ratom eases chronic pain '")
    assert message.endswith("the quote occurs at 0:25, 61:86")
    assert FIRST[61:86] == "Kratom eases chronic pain"


def test_quote_absent_from_article_is_said(load):
    rows = broken(3, quote="It does not cure nausea")
    refused(
        load,
        rows,
        "claim 001-002: text[25:49] reads 'It does not cure anxiety', not the quote",
        "the quote is not in the article at all",
    )


def test_empty_quote_is_refused(load):
    refused(load, broken(0, quote=""), "claim 000-001: quote is empty")


@pytest.mark.parametrize("low, high", [("two", "4"), ("2", "4g"), ("1e3", "2000")])
def test_doses_must_be_numbers(load, low, high):
    refused(load, broken(1, dose_low_g=low, dose_high_g=high), "claim 000-002: dose_", "is not a number")


def test_doses_only_on_dosage_rows(load):
    refused(
        load,
        broken(0, dose_low_g="2", dose_high_g="4", dose_bound="range"),
        "claim 000-001: dose figures on a condition row",
    )


@pytest.mark.parametrize("column", ["dose_low_g", "dose_high_g"])
def test_a_range_needs_both_ends(load, column):
    refused(load, broken(1, **{column: ""}), "claim 000-002: a range dose gives dose_low_g and dose_high_g only")


def test_dose_figures_need_a_bound_type(load):
    refused(
        load, broken(1, dose_bound=""), "claim 000-002: dose_bound '' must be one of range, point, at_least, at_most"
    )


def test_a_bound_type_needs_figures(load):
    refused(
        load,
        broken(1, dose_low_g="", dose_high_g=""),
        "claim 000-002: a range dose gives dose_low_g and dose_high_g only, but the row gives no figures",
    )


@pytest.mark.parametrize("bound, low, high", [("at_least", "25", ""), ("at_most", "", "5")])
def test_open_ended_doses_give_one_end(load, bound, low, high):
    table = load(broken(1, dose_low_g=low, dose_high_g=high, dose_bound=bound))
    assert table.loc[1, "dose_bound"] == bound
    assert table.loc[1, ["dose_low_g", "dose_high_g"]].isna().tolist() == [low == "", high == ""]


def test_open_ended_dose_with_both_ends_is_refused(load):
    refused(
        load,
        broken(1, dose_bound="at_least"),
        "claim 000-002: a at_least dose gives dose_low_g only, but the row gives dose_low_g and dose_high_g",
    )


def test_a_range_with_equal_ends_is_a_point(load):
    refused(
        load,
        broken(1, dose_low_g="3", dose_high_g="3"),
        "claim 000-002: dose_bound is range but the figures 3-3 make it point",
    )


@pytest.mark.parametrize(
    "column, value, kind", [("comparator", "aspirin", "comparators"), ("attributed_to", "the moon", "attributions")]
)
def test_qualifiers_outside_the_codebook_lists_are_refused(load, column, value, kind):
    refused(load, broken(0, **{column: value}), f"claim 000-001: {column} {value!r} is not in the codebook's {kind}")


def test_known_qualifiers_are_kept(load):
    table = load(broken(3, comparator="opioids", attributed_to="users"))
    assert table.loc[3, ["comparator", "attributed_to"]].tolist() == ["opioids", "users"]


def test_claims_table_refuses_a_persuasion_row(load):
    refused(
        load,
        broken(0, category="persuasion", term="natural"),
        "claim 000-001: category 'persuasion' does not belong in this table",
    )


@pytest.mark.parametrize("low", ["0", "-1", "0.0"])
def test_doses_must_be_positive(load, low):
    refused(load, broken(1, dose_low_g=low), f"claim 000-002: dose_low_g is {low}; doses must be greater than 0")


def test_low_dose_above_high_is_refused(load):
    refused(
        load, broken(1, dose_low_g="5", dose_high_g="4"), "claim 000-002: dose_low_g 5 is greater than dose_high_g 4"
    )


def test_single_figure_dose_is_allowed(load):
    table = load(broken(1, dose_low_g="3", dose_high_g="3", dose_bound="point"))
    assert table.loc[1, ["dose_low_g", "dose_high_g"]].tolist() == [3.0, 3.0]


def test_dosage_row_without_figures_is_allowed(load):
    table = load(broken(1, dose_low_g="", dose_high_g="", dose_bound=""))
    assert np.isnan(table.loc[1, "dose_low_g"])


def test_write_claims_uses_the_canonical_spelling(tmp_path, claims):
    table = claims.copy()
    table.loc[1, "dose_high_g"] = 4.0
    table.loc[1, "dose_low_g"] = 1.5
    path = tmp_path / "out.csv"
    write_claims(table[list(reversed(CLAIM_COLUMNS))], path)
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[0] == ",".join(CLAIM_COLUMNS)
    assert lines[1] == "000-001,000_aaaa,condition,chronic_pain,asserted,false,,,Kratom eases chronic pain,0,25,,,,"
    assert (
        lines[2]
        == '000-002,000_aaaa,dosage,dose_range,asserted,true,,,Take 2 to 4 grams,42,59,"a, ""quoted"" note",1.5,4,range'
    )
    assert lines[-1] == "" and len(lines) == 7


def test_written_claims_load_back_unchanged(tmp_path, claims, tiny_corpus, tiny_codebook):
    path = tmp_path / "again.csv"
    write_claims(claims, path)
    pd.testing.assert_frame_equal(load_claims(path, corpus=tiny_corpus, codebook=tiny_codebook), claims)


def test_failed_write_leaves_the_old_file_and_no_temp_file(tmp_path, claims, monkeypatch):
    path = tmp_path / "claims_out.csv"
    path.write_text("old content\n", encoding="utf-8")

    def disk_full(handle):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kratom_claims.files.os.fsync", disk_full)
    with pytest.raises(OSError, match="No space left on device"):
        write_claims(claims, path)
    assert path.read_text(encoding="utf-8") == "old content\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_write_claims_refuses_missing_columns(tmp_path, claims):
    with pytest.raises(ClaimsError, match="missing column\\(s\\) note"):
        write_claims(claims.drop(columns="note"), tmp_path / "out.csv")
    assert not (tmp_path / "out.csv").exists()


def test_claims_by_article_counts_every_category(claims):
    counts = claims_by_article(claims, article_ids=["002_cccc", "001_bbbb", "000_aaaa"])
    assert list(counts.index) == ["002_cccc", "001_bbbb", "000_aaaa"]
    assert list(counts.columns) == ["condition", "strain", "side_effect", "dosage", "mechanism", "advice"]
    assert counts.loc["000_aaaa"].tolist() == [1, 0, 0, 1, 0, 0]
    assert counts.loc["001_bbbb"].tolist() == [1, 0, 2, 0, 0, 0]
    assert counts.loc["002_cccc"].tolist() == [0, 0, 0, 0, 0, 0]
    assert counts.dtypes.unique().tolist() == [np.dtype("int64")]


def test_claims_by_article_defaults_to_order_of_appearance(claims):
    assert list(claims_by_article(claims.iloc[::-1]).index) == ["001_bbbb", "000_aaaa"]


def test_claims_by_article_refuses_to_drop_unlisted_articles(claims):
    with pytest.raises(ValueError, match="not in article_ids: 001_bbbb"):
        claims_by_article(claims, article_ids=["000_aaaa"])


def test_claims_by_article_of_no_claims_is_zeros(claims):
    counts = claims_by_article(claims.iloc[0:0], article_ids=["000_aaaa"])
    assert counts.loc["000_aaaa"].sum() == 0 and counts.shape == (1, 6)


def test_stance_counts_put_every_denial_under_denied(claims):
    counts = stance_counts(claims, article_ids=["000_aaaa", "001_bbbb", "002_cccc"])
    assert list(counts.columns) == ["asserted", "asserted, hedged", "denied"]
    assert counts.loc["000_aaaa"].tolist() == [1, 1, 0]
    assert counts.loc["001_bbbb"].tolist() == [0, 1, 2]
    assert counts.loc["002_cccc"].tolist() == [0, 0, 0]
    assert counts.to_numpy().sum() == len(claims)


def test_load_claims_defaults_to_the_project_corpus_and_codebook(tmp_path, tiny_corpus, tiny_codebook, monkeypatch):
    import kratom_claims.claims as claims_module

    monkeypatch.setattr(claims_module, "load_corpus", lambda: tiny_corpus)
    monkeypatch.setattr(claims_module, "load_codebook", lambda: tiny_codebook)
    table = load_claims(write_rows(tmp_path / "claims.csv", good_rows()))
    assert table["claim_id"].tolist() == ["000-001", "000-002", "001-001", "001-002", "001-003"]
