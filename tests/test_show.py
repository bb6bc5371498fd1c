"""Charts and article text are shown as HTML with real alt text and caption, and nothing in an article runs."""

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from kratom_claims.show import article_html, describe_rows, figure_html, png_bytes, table_html


@pytest.fixture
def fig():
    figure, ax = plt.subplots()
    ax.bar([0, 1], [3, 4])
    yield figure
    plt.close(figure)


def test_figure_needs_alt_text_and_caption(fig):
    with pytest.raises(ValueError, match="alt text and a caption"):
        figure_html(fig, alt=" ", caption="A caption")
    with pytest.raises(ValueError, match="alt text and a caption"):
        figure_html(fig, alt="Bar chart of two counts", caption="")


def test_figure_html_escapes_alt_text_and_includes_the_data_table(fig):
    markup = figure_html(fig, alt='Bars "a" & <b>', caption="Two bars", data=pd.Series({"a": 3, "b": 4}, name="n"))
    assert 'alt="Bars &quot;a&quot; &amp; &lt;b&gt;"' in markup
    assert "<figcaption>Two bars</figcaption>" in markup
    assert "<summary>Data behind this chart</summary>" in markup and "<td>4</td>" in markup


def test_png_bytes_repeat_from_run_to_run(fig):
    assert png_bytes(fig) == png_bytes(fig)
    assert b"Software" not in png_bytes(fig)


def test_article_html_escapes_markup_so_nothing_runs():
    markup = article_html("t", "<script>alert(1)</script> & more")
    assert "<script>" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in markup


def test_describe_rows_spells_out_a_table_for_alt_text():
    table = pd.DataFrame({"condition": [3, 0], "strain": [1, 2]}, index=["000", "001"])
    assert describe_rows(table) == "000: condition 3, strain 1; 001: strain 2"
    assert (
        describe_rows(pd.Series({"000": 0.5, "001": 0.25}), " of claims") == "000: 0.5 of claims; 001: 0.25 of claims"
    )


def test_figures_are_rendered_no_wider_than_the_text_column_with_their_smallest_text_recorded():
    from kratom_claims.show import DISPLAY_WIDTH_PX, render_dpi, smallest_text_px

    wide, ax = plt.subplots(figsize=(12, 3))
    ax.set_title("t", fontsize=14)
    ax.tick_params(labelsize=9)
    try:
        assert render_dpi(wide) * 12 == pytest.approx(DISPLAY_WIDTH_PX)
        assert smallest_text_px(wide) == pytest.approx(9 * render_dpi(wide) / 72)
        markup = figure_html(wide, alt="A wide chart", caption="Wide")
        assert f'data-text-px="{smallest_text_px(wide):.1f}"' in markup
    finally:
        plt.close(wide)
    narrow, _ = plt.subplots(figsize=(5, 3))
    try:
        assert render_dpi(narrow) == 100  # no wider than the column: drawn at 100 dpi, a point is a point
    finally:
        plt.close(narrow)


def test_table_html_reads_as_prose_not_as_a_dataframe():

    table = pd.DataFrame(
        {"dose_low_g": [1.5, float("nan")], "hedged": [True, False], "quote": ["a <b>", ""]},
        index=pd.Index(["000-001", "000-002"], name="claim"),
    )
    markup = table_html(table)
    assert '<th scope="col">dose low g</th>' in markup and "dose_low_g" not in markup
    assert "<td>yes</td>" in markup and "True" not in markup
    assert '<td><q class="kc-quote-cell">a &lt;b&gt;</q></td>' in markup
    assert "<td></td><td>no</td><td></td>" in markup  # NaN and an empty quote are blank, not "nan" or ""
    assert '<th scope="row">000-002</th>' in markup
    assert "<th" not in table_html(pd.DataFrame({"a": [1]})).split("<tbody>")[1]  # an unnamed index is left out


def test_long_tables_fold_into_a_collapsed_block_with_an_optional_preview():
    from kratom_claims.show import FOLD_AFTER_ROWS, folded_table_html

    short = pd.DataFrame({"n": range(FOLD_AFTER_ROWS)})
    assert "<details" not in folded_table_html(short, "claims")
    wide = pd.DataFrame([range(16)], columns=[f"{n:03d}" for n in range(16)])
    assert "<summary>Show the table</summary>" in folded_table_html(wide, "rows")
    wordy = pd.DataFrame({"quote": ["word " * 1000]})
    assert "<summary>Show the table</summary>" in folded_table_html(wordy, "claims")
    long = pd.DataFrame({"n": range(FOLD_AFTER_ROWS + 5)})
    markup = folded_table_html(long, "claims", preview=3)
    assert f"<summary>Show the table of all {FOLD_AFTER_ROWS + 5} claims</summary>" in markup
    assert markup.count("<table") == 2 and "The first 3 of" in markup


def test_article_text_is_labelled_as_the_articles_words():
    markup = article_html("000: A title", "Kratom cures everything.")
    assert '<blockquote class="kc-article-quote">' in markup
    assert "The article's words, as collected:" in markup


def test_describe_rows_summarises_a_long_or_wide_table_instead_of_listing_it():
    long = pd.Series({f"{n:03d}": n + 1 for n in range(15)})
    assert describe_rows(long) == (
        "000: 1; 001: 2; 002: 3; 003: 4; 004: 5; and 10 more rows, listed in the data table under the chart"
    )
    wide = pd.DataFrame([[1] * 15], index=["000"], columns=[f"{n:03d}" for n in range(15)])
    assert describe_rows(wide) == "000: 000 1, 001 1, 002 1, 003 1, 004 1, and 10 more"


def test_a_qualifier_column_that_no_row_fills_is_left_out_and_a_filled_one_kept():
    table = pd.DataFrame(
        {
            "term": ["Pain", "Addiction"],
            "compared with": ["", ""],
            "attributed to": ["", "users"],
            "note": ["", ""],
        }
    )
    markup = table_html(table)
    assert "compared with" not in markup
    assert '<th scope="col">attributed to</th>' in markup
    assert '<th scope="col">note</th>' in markup


def test_citation_columns_show_author_year_links_not_keys(fig):
    from kratom_claims.show import table_html

    table = pd.DataFrame({"term": ["Nausea", "Sleep"], "citations": ["grundmann2017, singh2014", ""]})
    markup = table_html(table)
    assert '<th scope="col">sources</th>' in markup and "citations" not in markup
    assert (
        '<td><a href="../book/bibliography.html#cite-grundmann2017">Grundmann 2017</a>; '
        '<a href="../book/bibliography.html#cite-singh2014">Singh et al. 2014</a></td>'
    ) in markup
    assert "grundmann2017," not in markup and markup.endswith("<td>Sleep</td><td></td></tr></tbody></table>")
    keyed = table_html(pd.DataFrame({"citation_key": ["grundmann2017"]}))
    assert '<th scope="col">source</th>' in keyed and ">Grundmann 2017</a></td>" in keyed


def test_a_caption_in_parts_keeps_citation_links_and_escapes_the_rest(fig):
    from kratom_claims.bibliography import cited

    markup = figure_html(fig, alt="Two bars", caption=("Means <of> sites (", cited("grundmann2017"), ")."))
    assert (
        '<figcaption>Means &lt;of&gt; sites (<a href="../book/bibliography.html#cite-grundmann2017">'
        "Grundmann 2017</a>).</figcaption>"
    ) in markup


def test_a_grouped_column_reads_as_its_group_and_name_not_as_a_tuple():
    table = pd.DataFrame(
        [[0.9, 0.7]], columns=pd.MultiIndex.from_tuples([("first set", "recall"), ("second_set", "f1")])
    )
    markup = table_html(table)
    assert '<th scope="col">first set: recall</th>' in markup and '<th scope="col">second set: f1</th>' in markup
    assert "(" not in markup.split("<tbody>")[0]


def test_a_table_of_eight_columns_or_more_is_marked_wide_and_a_narrower_one_is_not():
    narrow = table_html(pd.DataFrame([range(7)], columns=[f"c{n}" for n in range(7)]))
    wide = table_html(pd.DataFrame([range(8)], columns=[f"c{n}" for n in range(8)]))
    assert narrow.startswith('<table class="kc-table">')
    assert wide.startswith('<table class="kc-table kc-wide">')


def test_an_article_id_column_shows_the_articles_label_under_the_header_article():
    markup = table_html(pd.DataFrame({"article_id": ["000_84e2c651186153df", "h04_medical_info"], "term": ["a", "b"]}))
    assert '<th scope="col">article</th>' in markup
    assert "<td>000</td>" in markup and "<td>h04</td>" in markup and "84e2c6" not in markup
