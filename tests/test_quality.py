"""Quality ratings are refused when malformed; totals, reading grades, hedges and marketing traces come out exact."""

from __future__ import annotations

import hashlib
from collections import Counter
import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest
import yaml

from kratom_claims.corpus import load_corpus
from kratom_claims.errors import DataError
from kratom_claims.quality import (
    DISCERN_COLUMNS,
    ITEM_COLUMNS,
    JAMA_COLUMNS,
    QualityError,
    buying_prompts,
    discern_benchmarks,
    discern_chart,
    discern_details_html,
    discern_scores,
    discern_totals,
    hedge_density,
    hedge_word_counts,
    jama_table,
    load_discern,
    load_discern_items,
    load_jama,
    rated_articles,
    marketing_traces,
    readability,
    readability_chart,
    reading_grades,
    repeated_headings,
    repeated_phrases,
    repetition_table,
    residue_table,
    running_text,
    syllables,
    vowel_groups,
)
from kratom_claims.text import count_words, remove_residue

IDS = ["000_aaaa", "001_bbbb"]


def corpus_of(data_dir, articles: dict[str, str], residue: dict[str, list[str]] | None = None):
    """A corpus on disk whose metadata matches its files, as load_corpus demands."""
    residue = residue or {}
    (data_dir / "articles").mkdir(parents=True)
    rows = ["article_id,title,published_on,words,sha256,residue_note"]
    for article_id, text in articles.items():
        path = data_dir / "articles" / f"{article_id}.txt"
        path.write_bytes(text.encode("utf-8"))
        words = count_words(remove_residue(text, residue.get(article_id, [])))
        rows.append(f"{article_id},Title,unknown,{words},{hashlib.sha256(path.read_bytes()).hexdigest()},")
    (data_dir / "articles.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (data_dir / "residue.yml").write_text(yaml.safe_dump(residue), encoding="utf-8")
    return load_corpus(data_dir)


def write_csv(path, rows, columns):
    pd.DataFrame(rows, columns=columns).to_csv(path, index=False)
    return path


def item_rows():
    section = {**{i: "reliability" for i in range(1, 9)}, **{i: "treatment_choices" for i in range(9, 16)}, 16: "overall"}
    return [{"item": i, "section": section[i], "question": f"Question {i}?"} for i in range(1, 17)]


def discern_rows():
    """Article 000 scores 1 on items 1-8, 2 on 9-15 and 3 on 16; article 001 scores the item number mod 5 plus 1."""
    rows = []
    for i in range(1, 17):
        rows.append({"article_id": "000_aaaa", "item": i, "score": 1 if i <= 8 else 2 if i <= 15 else 3, "justification": f"Reason {i}."})
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
        (lambda rows: rows.__setitem__(8, {**rows[8], "section": "reliability"}), "row 10: item 9 belongs to section 'treatment_choices', not 'reliability'"),
        (lambda rows: rows.__setitem__(0, {**rows[0], "item": "17"}), "row 2: item '17' must be a whole number from 1 to 16"),
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
    with pytest.raises(QualityError, match="columns are article_id,item,score,reason; expected article_id,item,score,justification"):
        load_discern(path, IDS)


@pytest.mark.parametrize(
    ("index", "change", "problem"),
    [
        (0, {"article_id": "009_zzzz"}, "row 2 (009_zzzz, item 1): unknown article_id '009_zzzz'; the corpus has 000_aaaa, 001_bbbb"),
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
            {"evidence_id": "E1", "topic": "online information quality: Canadian vendor sites", "numbers": numbers, "citation_key": "ng"},
            {"evidence_id": "E2", "topic": "pain relief: a trial", "numbers": "n=3", "citation_key": "x"},
        ]
    )


def test_discern_benchmarks_are_read_from_the_numbers_column():
    table = discern_benchmarks(benchmark_evidence("51 sites; mean DISCERN 36.95 (SD 2.44) of 75; 78% rated low"))
    assert table.to_dict("records") == [
        {"evidence_id": "E1", "label": "Canadian vendor sites (51 sites)", "citation_key": "ng", "sites": 51, "mean": 36.95, "sd": 2.44}
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
        (1, {"criterion": "accuracy"}, "row 3 (000_aaaa, accuracy): criterion must be one of authorship, attribution, disclosure, currency"),
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


@pytest.mark.parametrize(
    ("word", "count"),
    [("relief", 2), ("information", 4), ("kratom", 2), ("Kratom’s", 2), ("pain-relieving", 4), ("mitragynine", 4), ("7", 1)],
)
def test_syllables_come_from_the_dictionary_or_from_vowel_runs(word, count):
    assert syllables(word) == count


def test_vowel_groups_drop_a_silent_final_e_but_keep_le():
    assert vowel_groups("mitragynine") == 4
    assert vowel_groups("table") == 2
    assert vowel_groups("the") == 1
    assert vowel_groups("xyz") == 1
    assert vowel_groups("nth") == 1


def test_reading_grades_follow_the_two_formulas():
    plain = reading_grades("The cat sat. The dog ran.")
    assert (plain["words"], plain["sentences"]) == (6, 2)
    assert plain["flesch_kincaid"] == pytest.approx(0.39 * 3 + 11.8 * 1 - 15.59)
    assert plain["smog"] == pytest.approx(3.1291)
    dense = reading_grades("Information is important.")
    assert dense["syllables_per_word"] == pytest.approx(8 / 3)
    assert dense["flesch_kincaid"] == pytest.approx(0.39 * 3 + 11.8 * 8 / 3 - 15.59)
    assert dense["smog"] == pytest.approx(1.043 * math.sqrt(2 * 30 / 1) + 3.1291)


def test_a_heading_line_counts_as_a_sentence():
    assert reading_grades("Dose advice\nThe cat sat.")["sentences"] == 2


def test_reading_grades_of_an_empty_text_are_refused():
    with pytest.raises(ValueError, match="at least one sentence"):
        reading_grades("  \n")


def test_readability_covers_every_article(tiny_corpus):
    table = readability(tiny_corpus)
    assert list(table.index) == tiny_corpus.ids
    assert table.loc["001_bbbb", ["words", "sentences"]].tolist() == [9, 2]
    assert table["above_band"].dtype == bool


@pytest.fixture
def claims_for_hedges():
    return pd.DataFrame(
        {
            "article_id": ["000_aaaa", "000_aaaa", "000_aaaa", "001_bbbb", "001_bbbb"],
            "stance": ["asserted", "asserted", "denied", "asserted", "denied"],
            "hedged": [True, False, True, True, False],
        }
    )


def test_hedge_words_are_counted_as_whole_words(tiny_corpus):
    counts = hedge_word_counts(tiny_corpus, ["may", "cause", "kratom"])
    assert counts.to_dict("index") == {
        "may": {"000_aaaa": 0, "001_bbbb": 1, "002_cccc": 0},
        "cause": {"000_aaaa": 0, "001_bbbb": 1, "002_cccc": 0},
        "kratom": {"000_aaaa": 2, "001_bbbb": 1, "002_cccc": 0},
    }


def test_hedge_density_counts_words_per_thousand_and_hedged_assertions_per_hundred(tiny_corpus, claims_for_hedges):
    table = hedge_density(tiny_corpus, claims_for_hedges)
    assert table.loc["001_bbbb", "hedge_words"] == 1
    assert table.loc["001_bbbb", "hedge_words_per_1000"] == pytest.approx(1000 / 9)
    assert table.loc["000_aaaa", ["assertions", "hedged_assertions"]].tolist() == [2, 1]
    assert table.loc["000_aaaa", "hedged_per_100_assertions"] == pytest.approx(50.0)
    assert table.loc["001_bbbb", "hedged_per_100_assertions"] == pytest.approx(100.0)
    assert table.loc["002_cccc", "hedged_per_100_assertions"] == 0.0


def test_repeated_phrases_merge_overlapping_runs_into_one():
    text = "One two three four five six seven eight nine. Other words. One two three four five six seven eight nine."
    assert repeated_phrases(text) == ["one two three four five six seven eight nine"]
    assert repeated_phrases("one two three four five six seven. x. one two three four five six seven.") == []
    assert repeated_phrases("a b c. a b c. d e f. d e f.", length=3) == ["a b c", "d e f"]


CONTENTS = "Contents\n- First part\n- Second part\nFirst part\nSome text here.\nSecond part\nMore text.\n"


def test_repeated_headings_find_a_list_of_contents():
    assert repeated_headings(CONTENTS) == ["First part", "Second part"]
    assert repeated_headings("Title\nA sentence.\n") == []


def test_running_text_drops_headings_and_their_repeats():
    assert running_text(CONTENTS) == "Some text here.\nMore text."


@pytest.fixture
def marketing_corpus(tmp_path):
    articles = {
        "000_aaaa": "Kratom guide\nBuy kratom now from a trusted vendor. Kratom's fans agree.\nMenu | Shop\n",
        "001_bbbb": "Plain text about kratom for pain and nothing more.\n",
    }
    return corpus_of(tmp_path / "data", articles, {"000_aaaa": ["Menu | Shop\n"]})


def test_marketing_traces_count_residue_keyword_and_buying(marketing_corpus):
    traces = marketing_traces(marketing_corpus)
    assert traces.loc["000_aaaa"].to_dict() == {
        "words": 12, "residue_pieces": 1, "residue_words": 2, "kratom_mentions": 3,
        "kratom_per_100_words": pytest.approx(25.0), "repeated_headings": 0, "repeated_phrases": 0, "buying_sentences": 1,
    }
    assert traces.loc["001_bbbb", "kratom_mentions"] == 1 and traces.loc["001_bbbb", "residue_pieces"] == 0


def test_buying_prompts_and_residue_tables_show_each_trace(marketing_corpus):
    prompts = buying_prompts(marketing_corpus)
    assert prompts.to_dict("records") == [
        {"article_id": "000_aaaa", "words": "buy, vendor", "sentence": "Buy kratom now from a trusted vendor."}
    ]
    assert residue_table(marketing_corpus).to_dict("records") == [{"article_id": "000_aaaa", "piece": "Menu | Shop\n", "words": 2}]


def test_repetition_table_lists_headings_and_phrases(tmp_path):
    text = "Contents\n- First part\nFirst part\nall of these eight words come back again. all of these eight words come back again.\n"
    table = repetition_table(corpus_of(tmp_path / "data", {"000_aaaa": text}))
    assert table.to_dict("records") == [
        {"article_id": "000_aaaa", "kind": "heading listed twice", "text": "First part"},
        {"article_id": "000_aaaa", "kind": "phrase repeated", "text": "all of these eight words come back again"},
    ]


def test_charts_draw_every_value():
    totals = pd.Series({"000_aaaa": 36, "001_bbbb": 33})
    benchmarks = pd.DataFrame({"label": ["Vendor sites (51 sites)"], "mean": [36.95], "sd": [2.44]})
    fig = discern_chart(totals, benchmarks)
    try:
        ax = fig.axes[0]
        assert [t.get_text() for t in ax.texts] == ["36", "33", "36.95 (SD 2.44)"]
        assert [t.get_text() for t in ax.get_yticklabels()] == ["article 000", "article 001", "Vendor sites (51 sites)"]
    finally:
        plt.close(fig)
    grades = pd.DataFrame({"flesch_kincaid": [12.34, 9.0], "smog": [13.0, 11.26]}, index=["000_aaaa", "001_bbbb"])
    fig = readability_chart(grades)
    try:
        ax = fig.axes[0]
        assert sorted(t.get_text() for t in ax.texts) == ["11.3", "12.3", "13.0", "9.0"]
        assert [t.get_text() for t in ax.get_legend().get_texts()] == ["grade 6-8 band (dashed edges)", "Flesch-Kincaid", "SMOG"]
    finally:
        plt.close(fig)


def test_discern_chart_starts_its_axis_at_the_lowest_possible_total():
    totals = pd.Series({"000_aaaa": 36, "001_bbbb": 15})
    benchmarks = pd.DataFrame({"label": ["Vendor sites (51 sites)"], "mean": [36.95], "sd": [2.44]})
    fig = discern_chart(totals, benchmarks)
    try:
        ax = fig.axes[0]
        assert ax.get_xlim()[0] == 15
        assert [t.get_text() for t in ax.get_xticklabels()][:2] == ["15", "25"]
        bars = [p for p in ax.patches if p.get_height() == pytest.approx(0.8)]
        assert [(b.get_x(), b.get_x() + b.get_width()) for b in bars] == [(15, 36), (15, 15), (15, pytest.approx(36.95))]
        assert "starts at 15" in ax.get_xlabel()
    finally:
        plt.close(fig)


# Sentences written for these tests, not taken from the articles.
MARKER_TEXT = (
    "We delve into the realm of tea. It’s crucial to brew it well, and it is essential to rest.\n"
    "Delving deeper, the multifaceted leaf can unlock calm. Navigating it's crucial steps is easy.\n"
)


def test_marker_hits_count_whole_words_and_phrases_in_any_case():
    from kratom_claims.quality import marker_hits

    hits = marker_hits(MARKER_TEXT)
    assert dict(hits) == {
        "delve": 1, "delving": 1, "multifaceted": 1, "realm": 1, "unlock": 1, "navigating": 1,
        "it's crucial": 2, "it is essential": 1,
    }


def test_marker_hits_ignore_parts_of_words_and_broken_phrases():
    from kratom_claims.quality import marker_hits

    text = "The realmsman said it is, crucially, unlockable. It is not crucial. Harnessing is fine; delved."
    assert dict(marker_hits(text)) == {"harnessing": 1, "delved": 1}
    assert marker_hits("", ["delve"]) == Counter()


def test_repeated_openings_find_paragraphs_that_start_alike():
    from kratom_claims.quality import paragraphs, repeated_openings

    text = (
        "Tea Time For Everyone\n"
        "Green tea, a drink from old China, is calm. It helps.\n"
        "- Green tea, a drink from old China, in a list item.\n"
        "Tea Time For Everyone\n"
        "Green tea, a drink from old China, has fans too.\n"
        "Green tea, a drink from somewhere else.\n"
        "Short one.\n"
    )
    assert paragraphs(text) == [
        "Green tea, a drink from old China, is calm. It helps.",
        "Green tea, a drink from old China, has fans too.",
        "Green tea, a drink from somewhere else.",
        "Short one.",
    ]
    assert repeated_openings(text) == {"green tea a drink from": 3}
    assert repeated_openings(text, n=7) == {"green tea a drink from old china": 2}
    assert repeated_openings(text, n=12) == {}
    with pytest.raises(ValueError, match="at least 1 word"):
        repeated_openings(text, n=0)


def test_machine_text_signs_count_per_thousand_words_in_the_running_text(tmp_path):
    from kratom_claims.quality import machine_sign_details, machine_text_signs

    articles = {
        "000_aaaa": "Contents\n- We Delve In\nWe Delve In\n" + MARKER_TEXT + "Delving deeper, the multifaceted leaf is here again.\n",
        "001_bbbb": "Plain words about tea and nothing more.\n",
    }
    corpus = corpus_of(tmp_path / "data", articles)
    signs = machine_text_signs(corpus)
    words = count_words(MARKER_TEXT) + count_words("Delving deeper, the multifaceted leaf is here again.")
    assert signs.loc["000_aaaa"].to_dict() == {
        "words": words, "marker_hits": 11, "markers_per_1000_words": pytest.approx(11000 / words),
        "distinct_markers": 8, "repeated_openings": 1, "paragraphs_repeating": 1,
    }
    assert signs.loc["001_bbbb", ["marker_hits", "repeated_openings"]].tolist() == [0, 0]
    details = machine_sign_details(corpus)
    assert details[details["kind"] == "repeated opening"].to_dict("records") == [
        {"article_id": "000_aaaa", "kind": "repeated opening", "text": "delving deeper the multifaceted leaf", "count": 2}
    ]
    assert int(details.loc[details["text"] == "delving", "count"].iloc[0]) == 2


def test_article_sources_say_what_is_not_recorded(tmp_path):
    from kratom_claims.quality import article_sources

    corpus = corpus_of(tmp_path / "data", {"000_aaaa": "Text.\nMenu\n", "001_bbbb": "Other text.\n"}, {"000_aaaa": ["Menu\n"]})
    table = article_sources(corpus)
    assert table.to_dict("index") == {
        "000_aaaa": {"site_in_text": "unknown", "residue_pieces": 1, "url": "not recorded", "retrieved": "not recorded"},
        "001_bbbb": {"site_in_text": "unknown", "residue_pieces": 0, "url": "not recorded", "retrieved": "not recorded"},
    }


def test_appeal_matrix_has_a_row_per_codebook_appeal_most_used_first(codebook_document, write_codebook):
    from kratom_claims.codebook import load_codebook
    from kratom_claims.quality import appeal_matrix

    codebook_document["categories"]["persuasion"]["terms"] = [
        {"id": "natural", "label": "Appeal to nature", "definition": "Good because natural.", "synonyms": []},
        {"id": "tradition", "label": "Appeal to tradition", "definition": "Old, so good.", "synonyms": []},
        {"id": "testimonial", "label": "Testimonial", "definition": "Users say so.", "synonyms": []},
    ]
    codebook = load_codebook(write_codebook(codebook_document))
    appeals = pd.DataFrame(
        {
            "article_id": ["000_aaaa", "001_bbbb", "001_bbbb", "001_bbbb"],
            "category": ["persuasion"] * 4,
            "term": ["testimonial", "testimonial", "natural", "tradition"],
            "stance": ["asserted", "asserted", "asserted", "denied"],
        }
    )
    matrix = appeal_matrix(appeals, codebook, ["000_aaaa", "001_bbbb", "002_cccc"])
    assert matrix.index.tolist() == ["Testimonial", "Appeal to nature", "Appeal to tradition"]
    assert matrix.to_numpy().tolist() == [[True, True, False], [False, True, False], [False, False, False]]
    with pytest.raises(ValueError, match="not in article_ids: 001_bbbb"):
        appeal_matrix(appeals, codebook, ["000_aaaa"])
