"""Charts and article text are shown as HTML with real alt text and caption, and nothing in an article runs."""

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from kratom_claims.show import article_html, describe_rows, figure_html, png_bytes


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
