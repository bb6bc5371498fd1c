"""DISCERN and JAMA ratings are refused when malformed, and their totals and tables come out exact."""

from __future__ import annotations

import pandas as pd
import pytest

from kratom_claims.errors import DataError, QualityError
from kratom_claims.ratings import (
    DISCERN_COLUMNS,
    ITEM_COLUMNS,
    JAMA_COLUMNS,
    discern_benchmarks,
    discern_scores,
    discern_totals,
    jama_table,
    load_discern,
    load_discern_items,
    load_jama,
    rated_articles,
    totals_beside_benchmarks,
    within_one_sd,
)
from kratom_claims.show import discern_details_html

IDS = ["000_aaaa", "001_bbbb"]


def write_csv(path, rows, columns):
    pd.DataFrame(rows, columns=columns).to_csv(path, index=False)
    return path


def item_rows():
    section = {
        **{i: "reliability" for i in range(1, 9)},
        **{i: "treatment_choices" for i in range(9, 16)},
        16: "overall",
    }
    return [{"item": i, "section": section[i], "question": f"Question {i}?"} for i in range(1, 17)]


def discern_rows():
    """Article 000 scores 1 on items 1-8, 2 on 9-15 and 3 on 16; article 001 scores the item number mod 5 plus 1."""
    rows = []
    for i in range(1, 17):
        rows.append(
            {
                "article_id": "000_aaaa",
                "item": i,
                "score": 1 if i <= 8 else 2 if i <= 15 else 3,
                "justification": f"Reason {i}.",
            }
        )
    for i in range(1, 17):
        rows.append({"article_id": "001_bbbb", "item": i, "score": i % 5 + 1, "justification": f"Why {i}."})
    return rows


def jama_rows():
    met = {("000_aaaa", "authorship"): "true", ("001_bbbb", "currency"): "true"}
    return [
        {"article_id": a, "criterion": c, "met": met.get((a, c), "false"), "evidence": f"{c} of {a}."}
        for a in IDS
        for c in ("authorship", "attribution", "disclosure", "currency")
    ]


def test_discern_items_load_by_item_number(tmp_path):
    items = load_discern_items(write_csv(tmp_path / "items.csv", item_rows(), ITEM_COLUMNS))
    assert list(items.index) == list(range(1, 17))
    assert items.loc[9, "section"] == "treatment_choices" and items.loc[16, "question"] == "Question 16?"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            lambda rows: rows.__setitem__(8, {**rows[8], "section": "reliability"}),
            "row 10: item 9 belongs to section 'treatment_choices', not 'reliability'",
        ),
        (
            lambda rows: rows.__setitem__(0, {**rows[0], "item": "17"}),
            "row 2: item '17' must be a whole number from 1 to 16",
        ),
        (lambda rows: rows.__setitem__(2, {**rows[2], "question": " "}), "row 4: item 3 has no question"),
        (lambda rows: rows.__setitem__(1, {**rows[0]}), "must list each of the items 1 to 16 exactly once"),
        (lambda rows: rows.pop(), "must list each of the items 1 to 16 exactly once"),
    ],
)
def test_bad_discern_items_are_refused(tmp_path, change, problem):
    rows = item_rows()
    change(rows)
    path = write_csv(tmp_path / "items.csv", rows, ITEM_COLUMNS)
    with pytest.raises(QualityError) as caught:
        load_discern_items(path)
    assert str(caught.value) == f"{path}: {problem}"


def test_discern_ratings_load_typed(tmp_path):
    discern = load_discern(write_csv(tmp_path / "discern.csv", discern_rows(), DISCERN_COLUMNS), IDS)
    assert len(discern) == 32
    assert discern["score"].dtype == "int64" and discern["item"].dtype == "int64"


def test_missing_or_misshapen_rating_files_are_refused(tmp_path):
    with pytest.raises(DataError, match="discern.csv: DISCERN ratings file is missing"):
        load_discern(tmp_path / "discern.csv", IDS)
    path = write_csv(tmp_path / "discern.csv", discern_rows(), ["article_id", "item", "score", "reason"])
    with pytest.raises(
        QualityError, match="columns are article_id,item,score,reason; expected article_id,item,score,justification"
    ):
        load_discern(path, IDS)


@pytest.mark.parametrize(
    ("index", "change", "problem"),
    [
        (
            0,
            {"article_id": "009_zzzz"},
            "row 2 (009_zzzz, item 1): unknown article_id '009_zzzz'; the corpus has 000_aaaa, 001_bbbb",
        ),
        (1, {"item": 17}, "row 3 (000_aaaa, item 17): item must be a whole number from 1 to 16"),
        (2, {"score": 0}, "row 4 (000_aaaa, item 3): score '0' must be a whole number from 1 to 5"),
        (3, {"score": 6}, "row 5 (000_aaaa, item 4): score '6' must be a whole number from 1 to 5"),
        (4, {"score": "3.5"}, "row 6 (000_aaaa, item 5): score '3.5' must be a whole number from 1 to 5"),
        (5, {"justification": "  "}, "row 7 (000_aaaa, item 6): justification is empty"),
        (17, {"item": 1}, "row 19 (001_bbbb, item 1): this article and item are rated twice (rows 18 and 19)"),
    ],
)
def test_each_bad_discern_row_is_refused_by_row(tmp_path, index, change, problem):
    rows = discern_rows()
    rows[index] = {**rows[index], **change}
    path = write_csv(tmp_path / "discern.csv", rows, DISCERN_COLUMNS)
    with pytest.raises(QualityError) as caught:
        load_discern(path, IDS)
    assert str(caught.value) == f"{path}: {problem}"


def test_an_article_missing_an_item_is_refused(tmp_path):
    rows = [r for r in discern_rows() if not (r["article_id"] == "001_bbbb" and r["item"] in (4, 16))]
    path = write_csv(tmp_path / "discern.csv", rows, DISCERN_COLUMNS)
    with pytest.raises(QualityError, match="article 001_bbbb has no score for item\\(s\\) 4, 16"):
        load_discern(path, IDS)


def test_an_article_without_any_rating_loads_as_not_rated_yet(tmp_path):
    discern = load_discern(write_csv(tmp_path / "discern.csv", discern_rows(), DISCERN_COLUMNS), [*IDS, "002_cccc"])
    jama = load_jama(write_csv(tmp_path / "jama.csv", jama_rows(), JAMA_COLUMNS), [*IDS, "002_cccc"])
    assert "002_cccc" not in set(discern["article_id"])
    assert rated_articles(discern, jama, [*IDS, "002_cccc"]) == IDS


def test_discern_totals_sum_each_section(tmp_path):
    discern = load_discern(write_csv(tmp_path / "discern.csv", discern_rows(), DISCERN_COLUMNS), IDS)
    totals = discern_totals(discern, IDS)
    assert totals.loc["000_aaaa"].to_dict() == {"reliability": 8, "treatment_choices": 14, "total": 22, "overall": 3}
    # 001: item i scores i % 5 + 1 -> items 1-8: 2,3,4,5,1,2,3,4 = 24; items 9-15: 5,1,2,3,4,5,1 = 21; item 16: 2
    assert totals.loc["001_bbbb"].to_dict() == {"reliability": 24, "treatment_choices": 21, "total": 45, "overall": 2}


def test_discern_scores_and_details_show_every_item(tmp_path):
    items = load_discern_items(write_csv(tmp_path / "items.csv", item_rows(), ITEM_COLUMNS))
    rows = discern_rows()
    rows[0] = {**rows[0], "justification": 'Says "<b>best</b>" & more.'}
    discern = load_discern(write_csv(tmp_path / "discern.csv", rows, DISCERN_COLUMNS), IDS)
    scores = discern_scores(discern, items, IDS)
    assert list(scores.columns) == ["section", "question", "000_aaaa", "001_bbbb"]
    assert scores.loc[16].tolist() == ["overall", "Question 16?", 3, 2]
    markup = discern_details_html(discern, items, {"000_aaaa": "000"})
    assert markup.count("<details>") == 2 and markup.count("<tr><td>") == 32
    assert "Article 000: the 16 items" in markup and "Article 001: the 16 items" in markup
    assert "Says &quot;&lt;b&gt;best&lt;/b&gt;&quot; &amp; more." in markup and "<b>best</b>" not in markup


def benchmark_evidence(numbers):
    return pd.DataFrame(
        [
            {
                "evidence_id": "E1",
                "topic": "online information quality: Canadian vendor sites",
                "numbers": numbers,
                "citation_key": "ng",
            },
            {"evidence_id": "E2", "topic": "pain relief: a trial", "numbers": "n=3", "citation_key": "x"},
        ]
    )


def test_discern_benchmarks_are_read_from_the_numbers_column():
    table = discern_benchmarks(benchmark_evidence("51 sites; mean DISCERN 36.95 (SD 2.44) of 75; 78% rated low"))
    assert table.to_dict("records") == [
        {
            "evidence_id": "E1",
            "label": "Canadian vendor sites (51 sites)",
            "citation_key": "ng",
            "sites": 51,
            "mean": 36.95,
            "sd": 2.44,
        }
    ]


def test_a_benchmark_without_a_mean_is_refused():
    with pytest.raises(QualityError, match="benchmark E1: numbers 'mean about 37' give no"):
        discern_benchmarks(benchmark_evidence("mean about 37"))


def test_jama_judgements_load_and_tabulate(tmp_path):
    jama = load_jama(write_csv(tmp_path / "jama.csv", jama_rows(), JAMA_COLUMNS), IDS)
    table = jama_table(jama, IDS)
    assert list(table.columns) == ["authorship", "attribution", "disclosure", "currency", "criteria met"]
    assert table.loc["000_aaaa"].tolist() == [True, False, False, False, 1]
    assert table.loc["001_bbbb"].tolist() == [False, False, False, True, 1]


@pytest.mark.parametrize(
    ("index", "change", "problem"),
    [
        (0, {"article_id": "009_zzzz"}, "row 2 (009_zzzz, authorship): unknown article_id '009_zzzz'"),
        (
            1,
            {"criterion": "accuracy"},
            "row 3 (000_aaaa, accuracy): criterion must be one of authorship, attribution, disclosure, currency",
        ),
        (2, {"met": "yes"}, "row 4 (000_aaaa, disclosure): met 'yes' must be true or false"),
        (3, {"evidence": ""}, "row 5 (000_aaaa, currency): evidence is empty"),
        (3, {"criterion": "authorship"}, "row 5 (000_aaaa, authorship): this article and criterion are judged twice"),
    ],
)
def test_each_bad_jama_row_is_refused_by_row(tmp_path, index, change, problem):
    rows = jama_rows()
    rows[index] = {**rows[index], **change}
    path = write_csv(tmp_path / "jama.csv", rows, JAMA_COLUMNS)
    with pytest.raises(QualityError) as caught:
        load_jama(path, IDS)
    assert str(caught.value) == f"{path}: {problem}"


def test_an_article_not_judged_on_every_criterion_is_refused(tmp_path):
    path = write_csv(tmp_path / "jama.csv", jama_rows()[:-1], JAMA_COLUMNS)
    with pytest.raises(QualityError, match="article 001_bbbb is not judged on currency"):
        load_jama(path, IDS)


BENCHMARKS = pd.DataFrame(
    {"label": ["sites A (51 sites)", "sites B (42 sites)"], "mean": [36.95, 32.72], "sd": [2.44, 6.69]}
)


def test_totals_beside_benchmarks_lists_articles_then_published_means():
    table = totals_beside_benchmarks(pd.Series({"000": 36, "001": 45}), BENCHMARKS)
    assert list(table.index) == ["article 000", "article 001", "sites A (51 sites)", "sites B (42 sites)"]
    assert table["DISCERN total"].tolist() == [36, 45, 36.95, 32.72]
    assert table["SD"].isna().tolist() == [True, True, False, False]


def test_within_one_sd_counts_articles_near_any_published_mean():
    assert within_one_sd(pd.Series([36, 45, 26, 39.4]), BENCHMARKS) == 2  # 26 misses B by 0.03; 39.4 meets B
