"""Charts draw what they are given: one bar, cell, dot or segment per value, labelled and titled."""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import LineCollection
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from kratom_claims.charts import (
    GRID_MAX_ARTICLES,
    MAX_WIDTH_IN,
    SERIES_COLOURS,
    STANCE_COLOURS,
    bar_chart,
    consensus_chart,
    discern_chart,
    dose_range_chart,
    heatmap,
    presence_chart,
    readability_chart,
    risk_chart,
    upset_chart,
)
from kratom_claims.overlap import consensus_counts, jaccard_matrix, presence_matrix

pytestmark = pytest.mark.filterwarnings("error")  # a missing glyph or a failed layout fails the test

SIX = ["001_a", "002_b", "003_c", "004_d", "005_e", "006_f"]  # 005 makes no claims at all


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture
def presence():
    rows = [(a, "condition", "pain", "asserted", False) for a in ["001_a", "002_b", "003_c", "004_d", "006_f"]]
    rows += [
        ("001_a", "condition", "anxiety", "asserted", True),
        ("002_b", "condition", "anxiety", "asserted", False),
        ("001_a", "strain", "red_vein", "asserted", False),
        ("002_b", "strain", "red_vein", "asserted", False),
        ("003_c", "side_effect", "nausea", "asserted", False),
        ("004_d", "condition", "insomnia", "asserted", True),
        ("006_f", "dosage", "low", "asserted", False),
    ]
    claims = pd.DataFrame(rows, columns=["article_id", "category", "term", "stance", "hedged"])
    return presence_matrix(claims, SIX)


def texts(ax):
    return [t.get_text() for t in ax.texts if t.get_text()]


def ticks(labels):
    return [t.get_text() for t in labels]


def drawn(fig):
    """Draw the figure, so layout and fonts are exercised as they would be in the book."""
    fig.canvas.draw()
    return fig


def test_bar_chart_one_labelled_bar_per_value():
    counts = pd.Series([3, 0, 5], index=["001_a", "002_b", "003_c"], name="claims")
    fig = drawn(bar_chart(counts, "Claims per article", "claims", "article", labels={"001_a": "A"}))
    assert isinstance(fig, Figure)
    (ax,) = fig.axes
    assert len(ax.patches) == 3
    assert [p.get_width() for p in ax.patches] == [3, 0, 5]
    assert texts(ax) == ["3", "0", "5"]
    assert ticks(ax.get_yticklabels()) == ["A", "002_b", "003_c"]
    assert (ax.get_title(), ax.get_xlabel(), ax.get_ylabel()) == ("Claims per article", "claims", "article")
    assert ax.yaxis_inverted()


def test_bar_chart_stacked_labels_segments_and_totals():
    parts = pd.DataFrame({"asserted": [3, 2], "denied": [0, 1]}, index=["x", "y"])
    fig = drawn(bar_chart(parts, "Stances", "claims", "article", stacked=True))
    (ax,) = fig.axes
    assert len(ax.patches) == 4
    assert [p.get_x() for p in ax.patches] == [0, 0, 3, 2]
    assert texts(ax) == ["3", "2", "1", "3", "3"]  # segments (zero left blank), then totals
    assert ax.get_legend() is not None
    assert ax.get_xlim()[1] > 3  # room for the total labels


def test_bar_chart_colours_columns_by_meaning_and_the_rest_by_palette():
    parts = pd.DataFrame({"contradicted": [1, 0], "supported": [2, 2], "other": [1, 1]}, index=["x", "y"])
    fig = drawn(
        bar_chart(
            parts,
            "Verdicts",
            "claims",
            "article",
            stacked=True,
            colours={"contradicted": "#B2182B", "supported": "#2166AC"},
        )
    )
    (ax,) = fig.axes
    fills = [to_hex(p.get_facecolor()) for p in ax.patches]
    assert fills[:4] == ["#b2182b", "#b2182b", "#2166ac", "#2166ac"]
    assert fills[4] == to_hex(SERIES_COLOURS[2])


def test_bar_chart_vertical_grouped_bars():
    parts = pd.DataFrame({"asserted": [8, 1, 2], "denied": [0, 1, 0]}, index=["condition", "side_effect", "strain"])
    fig = drawn(bar_chart(parts, "By category", "category", "claims", horizontal=False))
    (ax,) = fig.axes
    assert len(ax.patches) == 6
    assert texts(ax) == ["8", "1", "2", "0", "1", "0"]
    assert ticks(ax.get_xticklabels()) == ["condition", "side_effect", "strain"]
    assert ax.get_xlabel() == "category" and ax.get_ylabel() == "claims"


def test_heatmap_of_jaccard_writes_every_cell(presence):
    fig = drawn(heatmap(jaccard_matrix(presence), "Shared claims"))
    ax, bar = fig.axes
    assert ax.images[0].get_array().shape == (6, 6)
    assert len(texts(ax)) == 36
    assert texts(ax)[:6] == ["1.00", "1.00", "0.25", "0.25", "0.00", "0.25"]
    assert ticks(ax.get_xticklabels()) == ["001", "002", "003", "004", "005", "006"]
    assert ticks(ax.get_yticklabels()) == ["001", "002", "003", "004", "005", "006"]
    assert (ax.get_title(), ax.get_xlabel(), ax.get_ylabel()) == ("Shared claims", "article", "article")
    assert bar.get_ylabel() == "similarity"


def test_heatmap_of_presence_checks_true_cells_only(presence):
    fig = drawn(heatmap(presence, "Who says what", labels={"006_f": "F"}))
    (ax,) = fig.axes  # no colour bar: the check marks carry the meaning
    assert ax.images[0].get_array().shape == (6, 6)
    assert texts(ax) == ["✓"] * int(presence.to_numpy().sum())
    assert ticks(ax.get_yticklabels())[0] == "condition:pain"
    assert ticks(ax.get_xticklabels())[-1] == "F"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("article", "claim")


def test_heatmap_format_is_used():
    matrix = pd.DataFrame([[0.5, 0.125]], index=["a"], columns=["a", "b"])
    ax = drawn(heatmap(matrix, "t", fmt="{:.0%}")).axes[0]
    assert texts(ax) == ["50%", "12%"]


def test_upset_chart_panels(presence):
    fig = drawn(upset_chart(presence))
    bars_ax, dots_ax, sizes_ax = fig.axes
    assert bars_ax.get_title() == "Claims made by exactly these articles"
    assert [p.get_height() for p in bars_ax.patches] == [2, 1, 1, 1, 1]
    assert texts(bars_ax) == ["2", "1", "1", "1", "1"]
    faint, filled = dots_ax.collections
    assert len(faint.get_offsets()) == 6 * 5 - 10
    assert len(filled.get_offsets()) == 2 + 5 + 1 + 1 + 1
    assert len(dots_ax.lines) == 2  # the two combinations of more than one article
    assert ticks(dots_ax.get_yticklabels()) == ["001", "002", "003", "004", "005", "006"]
    assert [p.get_width() for p in sizes_ax.patches] == [3, 3, 2, 2, 0, 2]
    assert [t.strip() for t in texts(sizes_ax)] == ["3", "3", "2", "2", "0", "2"]
    assert bars_ax.get_ylabel() and dots_ax.get_xlabel() and sizes_ax.get_xlabel() and sizes_ax.get_ylabel()


def test_upset_chart_keeps_only_the_largest_combinations(presence):
    bars_ax, dots_ax, _ = drawn(upset_chart(presence, max_combinations=2)).axes
    assert [p.get_height() for p in bars_ax.patches] == [2, 1]
    assert sum(len(c.get_offsets()) for c in dots_ax.collections) == 6 * 2


def test_upset_chart_of_no_claims_draws_empty_panels():
    empty = pd.DataFrame(np.zeros((0, 3), dtype=bool), columns=["a", "b", "c"])
    bars_ax, _, sizes_ax = drawn(upset_chart(empty)).axes
    assert len(bars_ax.patches) == 0
    assert [p.get_width() for p in sizes_ax.patches] == [0, 0, 0]


def test_consensus_chart(presence):
    fig = drawn(consensus_chart(consensus_counts(presence), "Agreement"))
    (ax,) = fig.axes
    assert [p.get_width() for p in ax.patches] == [0, 1, 0, 0, 2, 3]
    assert ticks(ax.get_yticklabels()) == ["6 of 6", "5 of 6", "4 of 6", "3 of 6", "2 of 6", "1 of 6"]
    assert texts(ax) == ["0", "1", "0", "0", "2", "3"]
    assert ax.get_title() == "Agreement" and ax.get_xlabel() and ax.get_ylabel()


@pytest.fixture
def doses():
    return pd.DataFrame(
        {
            "article_id": ["001_a", "001_a", "003_c", "006_f", "006_f"],
            "label": ["low", "high", "moderate", "low", "typical"],
            "dose_low_g": [1.0, 5.0, 2.0, np.nan, np.nan],
            "dose_high_g": [3.0, 8.0, 2.0, 4.0, np.nan],
        }
    )


def test_dose_range_chart_draws_ranges_single_figures_and_open_ends_and_skips_articles_without_figures(doses):
    doses = pd.concat(
        [
            doses,
            pd.DataFrame({"article_id": ["004_d"], "label": ["high"], "dose_low_g": [6.0], "dose_high_g": [np.nan]}),
        ]
    )
    fig = drawn(dose_range_chart(doses, article_ids=SIX, labels={"001_a": "A"}))
    (ax,) = fig.axes
    segments = [s for c in ax.collections if isinstance(c, LineCollection) for s in c.get_segments()]
    # the two ranges, then "up to 4 g" from zero: dashed, as it has no lower end
    assert [tuple(s[:, 0]) for s in segments] == [(1.0, 3.0), (5.0, 8.0), (0.0, 4.0)]
    assert segments[2][0, 1] == segments[2][1, 1]
    assert texts(ax) == ["1–3 g", "5–8 g", "2 g", "at least 6 g", "up to 4 g"]
    arrows = [child for child in ax.get_children() if type(child).__name__ == "Annotation"]
    assert len(arrows) == 1 and arrows[0].xy[0] == ax.get_xlim()[1]  # "at least" runs off the right edge
    # articles 002 and 005 give no figures: no empty rows for them
    assert ticks(ax.get_yticklabels()) == ["A: low", "A: high", "003: moderate", "004: high", "006: low"]
    assert [t.get_text() for t in fig.legends[0].get_texts()] == [
        "range: low to high",
        "single figure",
        "at least (no upper end)",
        "up to (no lower end)",
    ]
    assert (ax.get_title(), ax.get_xlabel()) == ("Doses named by each article", "grams, as the article gives them")
    assert ax.get_ylabel()
    assert ax.get_xlim()[0] == 0


def test_dose_range_chart_default_order_is_first_appearance(doses):
    ax = drawn(dose_range_chart(doses.iloc[::-1])).axes[0]
    assert ticks(ax.get_yticklabels()) == ["006: low", "003: moderate", "001: high", "001: low"]


def test_dose_range_chart_refuses_backwards_range_and_unknown_article(doses):
    doses.loc[0, "dose_low_g"] = 9.0
    with pytest.raises(ValueError, match="001_a .low. runs from 9.0 down to 3.0"):
        dose_range_chart(doses)
    with pytest.raises(ValueError, match="006_f"):
        dose_range_chart(doses.iloc[1:], article_ids=["001_a", "003_c"])


def test_upset_chart_names_its_bars_for_one_article_sets_too(presence):
    bars_ax, dots_ax, sizes_ax = drawn(upset_chart(presence, labels={"001_a": "A"})).axes
    assert bars_ax.get_ylabel() == "claims in exactly\nthis set of articles"
    assert [p.get_height() for p in bars_ax.patches] == [2, 1, 1, 1, 1]
    assert ticks(dots_ax.get_yticklabels())[0] == "A"


def test_dose_chart_does_not_say_per_dose(doses):
    (ax,) = drawn(dose_range_chart(doses, article_ids=SIX)).axes
    assert ax.get_xlabel() == "grams, as the article gives them"
    assert "per dose" not in ax.get_xlabel()
    segments = [s for c in ax.collections if isinstance(c, LineCollection) for s in c.get_segments()]
    assert [tuple(s[:, 0]) for s in segments] == [(1.0, 3.0), (5.0, 8.0), (0.0, 4.0)]


def test_risk_chart_writes_each_state_in_its_cell(tiny_codebook):
    matrix = pd.DataFrame(
        [["named", "not mentioned"], ["named and denied", "denied"]],
        index=["Nausea", "Anxiety"],
        columns=["000_aaaa", "001_bbbb"],
    )
    fig = risk_chart(matrix)
    try:
        ax = fig.axes[0]
        assert [t.get_text() for t in ax.texts] == ["named", "–", "both", "denied"]
        assert [t.get_text() for t in ax.get_xticklabels()] == ["000", "001"]
        assert [t.get_text() for t in fig.legends[0].get_texts()] == [
            "named",
            "named and denied",
            "denied",
            "not mentioned",
        ]
    finally:
        plt.close(fig)


def test_discern_and_readability_charts_draw_every_value():
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
        assert [t.get_text() for t in ax.get_legend().get_texts()] == [
            "grade 6-8 band (dashed edges)",
            "Flesch-Kincaid",
            "SMOG",
        ]
    finally:
        plt.close(fig)


def test_discern_chart_axis_runs_from_the_lowest_to_the_highest_possible_total():
    totals = pd.Series({"000_aaaa": 36, "001_bbbb": 15})
    benchmarks = pd.DataFrame({"label": ["Vendor sites (51 sites)"], "mean": [36.95], "sd": [2.44]})
    fig = discern_chart(totals, benchmarks)
    try:
        ax = fig.axes[0]
        assert ax.get_xlim()[0] == 15
        assert [t.get_text() for t in ax.get_xticklabels()][:2] == ["15", "25"]
        bars = [p for p in ax.patches if p.get_height() == pytest.approx(0.8)]
        assert [(b.get_x(), b.get_x() + b.get_width()) for b in bars] == [
            (15, 36),
            (15, 15),
            (15, pytest.approx(36.95)),
        ]
        assert ax.get_xlim() == (15, 75)
        assert "runs from 15" in ax.get_xlabel()
    finally:
        plt.close(fig)


def test_every_chart_keeps_to_the_text_column_however_many_articles():
    many = [f"{n:03d}_x" for n in range(15)]
    presence = pd.DataFrame(True, index=[f"condition:term{n}" for n in range(6)], columns=many)
    similarity = pd.DataFrame(0.5, index=many, columns=many)
    risks = pd.DataFrame("named", index=["Nausea", "Anxiety"], columns=many)
    figures = [heatmap(similarity, "t"), heatmap(presence, "t"), upset_chart(presence), risk_chart(risks)]
    assert [fig.get_figwidth() <= MAX_WIDTH_IN for fig in figures] == [True] * 4


def test_heatmap_writes_values_only_where_they_fit_and_can_blank_the_diagonal(presence):
    few = drawn(heatmap(jaccard_matrix(presence), "t", blank_diagonal=True)).axes[0]
    assert len(texts(few)) == 36 - 6
    assert np.isnan(np.diag(few.images[0].get_array().filled(np.nan))).all()
    many = [f"{n:03d}_x" for n in range(15)]
    crowded = drawn(heatmap(pd.DataFrame(0.5, index=many, columns=many), "t")).axes[0]
    assert texts(crowded) == []  # "0.50" does not fit a 15th of the column: colour and data table carry it


def test_presence_chart_is_a_grid_for_few_articles_and_a_ranked_list_for_many():
    few = pd.DataFrame({"001_a": [True, False], "002_b": [True, True]}, index=["pain", "sleep"])
    (grid,) = drawn(presence_chart(few, "t")).axes
    assert grid.images and texts(grid) == ["✓", "✓", "✓"]
    many = pd.DataFrame(False, index=["pain", "sleep"], columns=[f"{n:03d}_x" for n in range(GRID_MAX_ARTICLES + 1)])
    many.loc["sleep"] = True
    many.loc["pain", "000_x"] = True
    (ranked,) = drawn(presence_chart(many, "t")).axes
    assert not ranked.images
    assert ticks(ranked.get_yticklabels()) == ["sleep", "pain"]
    assert [p.get_width() for p in ranked.patches] == [GRID_MAX_ARTICLES + 1, 1]


def test_risk_chart_uses_one_letter_marks_when_cells_are_narrow():
    many = [f"{n:03d}_x" for n in range(15)]
    matrix = pd.DataFrame([["named"] * 14 + ["denied"]], index=["Nausea"], columns=many)
    ax = drawn(risk_chart(matrix)).axes[0]
    assert texts(ax) == ["N"] * 14 + ["D"]
    assert [t.get_text() for t in ax.figure.legends[0].get_texts()][0] == "N: named"


def test_stances_that_mean_opposite_things_get_contrasting_colours():
    assert to_hex(STANCE_COLOURS["asserted"]) != to_hex(STANCE_COLOURS["denied"])
    asserted, denied = (np.array(plt.matplotlib.colors.to_rgb(STANCE_COLOURS[s])) for s in ("asserted", "denied"))
    assert asserted[2] > asserted[0] and denied[0] > denied[2]  # one blue, one red-orange
