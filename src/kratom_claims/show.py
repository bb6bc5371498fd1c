"""Show charts, tables, article text and the raters' reasons as HTML that reads the same in Jupyter and in the book.

Jupyter Book takes an image's alt text from static cell metadata, which cannot describe data
that change. Emitting the figure as HTML lets the alt text and caption be computed from the
data, renders the same in Jupyter and in the book, and puts both under nbval's comparison.

Tables are written here too, rather than left to pandas' own HTML: a reader's table needs plain
headers, yes/no for True/False, article words marked as quotation, and long tables folded away,
and pandas' Styler adds a random id to every table, which nbval would see as a change.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Sequence

import numpy as np
import pandas as pd
from IPython.display import HTML
from matplotlib.figure import Figure
from matplotlib.text import Text

from . import charts
from .bibliography import cited
from .ids import article_label

# The widest a figure is ever shown in the book's text column at 1366 px (measured: 741 px).
# A figure is rendered at most this wide, so the browser never shrinks it and its points stay points.
DISPLAY_DPI = charts.DISPLAY_DPI
DISPLAY_WIDTH_PX = round(charts.MAX_WIDTH_IN * DISPLAY_DPI)
# Columns that hold an article's own words: shown as quotations wherever a table has them.
ARTICLE_TEXT_COLUMNS = frozenset(
    {"quote", "sentence", "where it denies", "where it names", "residue", "repeated text", "the article's words"}
)
# Columns of citation keys, shown under these headers as author-year links to the reference list.
CITATION_COLUMNS = {"citations": "sources", "citation key": "source"}
# An article id (000_84e2c651186153df) means nothing to a reader: it is shown as the article's label.
RENAMED_COLUMNS = CITATION_COLUMNS | {"article id": "article"}
# A table longer than this, or holding more text than this, is folded into a collapsed block, so
# that a chapter stays readable (and under about 15,000 px at 1366 px wide).
FOLD_AFTER_ROWS = 10
FOLD_AFTER_CHARACTERS = 1200
# A table with more columns than this (one per article, past eight articles) is wider than the text
# column at 1366 px; it is folded away too, and scrolls sideways inside its own box when opened.
FOLD_AFTER_COLUMNS = 9
# From this many columns on, a table is set in smaller type (CSS class kc-wide, _static/article.css).
WIDE_TABLE_COLUMNS = 8
# The qualifier columns of a claim table (summaries.claim_rows): where no row of a table fills one,
# it says nothing to a reader and only pushes the quote and note off the right of the screen.
QUALIFIER_COLUMNS = frozenset({"compared with", "attributed to"})


def render_dpi(fig: Figure) -> float:
    """The resolution that draws the figure at its display width: 100 dpi, less for a figure wider than the column."""
    return min(DISPLAY_DPI, DISPLAY_WIDTH_PX / fig.get_figwidth())


def smallest_text_px(fig: Figure) -> float:
    """The height in screen pixels of the figure's smallest visible text, at its display size.

    Written on each image (``data-text-px``), so that a browser test can check that labels stay
    readable at the size the page actually shows the image.
    """
    fig.draw_without_rendering()  # tick labels get their text only when the figure is laid out
    sizes = [text.get_fontsize() for text in fig.findobj(Text) if text.get_visible() and text.get_text().strip()]
    return min(sizes, default=0.0) * render_dpi(fig) / 72


def png_bytes(fig: Figure) -> bytes:
    """The figure as PNG at its display size, without the Software tag, so the bytes repeat from run to run."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=render_dpi(fig), metadata={"Software": None})
    return buffer.getvalue()


def header_label(name) -> str:
    """A column or index name as readers see it: 'dose_low_g' becomes 'dose low g', and a column
    under a group, ('first set', 'recall'), becomes 'first set: recall'."""
    if isinstance(name, tuple):
        return ": ".join(header_label(part) for part in name if str(part))
    return str(name).replace("_", " ")


def _markup(value) -> str:
    """Text escaped for HTML, but a value that carries its own markup (``__html__``, as citation links do) as is."""
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))


def _cell(value, quoted: bool) -> str:
    if hasattr(value, "__html__"):
        return value.__html__()
    if isinstance(value, bool | np.bool_):
        text = "yes" if value else "no"
    elif value is None or (isinstance(value, float) and np.isnan(value)):
        text = ""
    elif isinstance(value, float | np.floating):
        text = f"{float(value):g}"
    else:
        text = str(value)
    escaped = html.escape(text)
    return f'<q class="kc-quote-cell">{escaped}</q>' if quoted and text else escaped


def _filled(value) -> bool:
    return not (value is None or value == "" or (isinstance(value, float) and np.isnan(value)))


def _is_prose(column: pd.Series) -> bool:
    """Whether a column holds running text (a quote, a note), which needs a wide cell to read."""
    lengths = column.map(lambda value: len(str(value)) if isinstance(value, str) else 0)
    return bool(len(column)) and lengths.mean() > 30


def table_html(table: pd.DataFrame | pd.Series) -> str:
    """A table for readers: plain headers, yes/no, article words as quotations, everything escaped,
    and no qualifier column that no row fills.

    The index is shown as the first column unless it is pandas' default numbering (0, 1, 2, ...),
    which means nothing to a reader.
    """
    frame = table.to_frame() if isinstance(table, pd.Series) else table
    blank = [c for c in frame.columns if header_label(c) in QUALIFIER_COLUMNS and not frame[c].map(_filled).any()]
    frame = frame.drop(columns=blank)
    citations = [c for c in frame.columns if header_label(c) in CITATION_COLUMNS]
    frame = frame.assign(**{str(c): frame[c].map(cited) for c in citations})
    article_ids = [c for c in frame.columns if header_label(c) == "article id"]
    frame = frame.assign(**{str(c): frame[c].map(article_label) for c in article_ids})
    show_index = any(name is not None for name in frame.index.names) or not isinstance(frame.index, pd.RangeIndex)
    index_names = [header_label(n) if n is not None else "" for n in frame.index.names] if show_index else []
    columns = [RENAMED_COLUMNS.get(header_label(c), header_label(c)) for c in frame.columns]
    quoted = [c in ARTICLE_TEXT_COLUMNS for c in columns]
    prose = [_is_prose(frame[c]) for c in frame.columns]
    head = "".join(f'<th scope="col">{html.escape(n)}</th>' for n in index_names + columns)
    rows = []
    for key, values in zip(frame.index, frame.itertuples(index=False, name=None), strict=True):
        keys = (key if isinstance(key, tuple) else (key,)) if show_index else ()
        cells = "".join(f'<th scope="row">{_cell(k, False)}</th>' for k in keys)
        cells += "".join(
            f'<td class="kc-prose">{_cell(v, q)}</td>' if p else f"<td>{_cell(v, q)}</td>"
            for v, q, p in zip(values, quoted, prose, strict=True)
        )
        rows.append(f"<tr>{cells}</tr>")
    # Eight columns or more do not fit the text column at 1366 px in the usual type: set them smaller.
    kind = "kc-table kc-wide" if len(index_names) + len(columns) >= WIDE_TABLE_COLUMNS else "kc-table"
    return f'<table class="{kind}"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def folded_table_html(table: pd.DataFrame | pd.Series, what: str, preview: int = 0) -> str:
    """A short table shown whole; a long one as its first ``preview`` rows, with every row in a collapsed block."""
    characters = sum(len(str(value)) for value in np.ravel(table.to_numpy()))
    columns = 1 if isinstance(table, pd.Series) else len(table.columns)
    if len(table) <= FOLD_AFTER_ROWS and characters <= FOLD_AFTER_CHARACTERS and columns <= FOLD_AFTER_COLUMNS:
        return table_html(table)
    parts = []
    if preview:
        parts.append(f'<p class="kc-table-note">The first {preview} of {len(table)} {what}:</p>')
        parts.append(table_html(table.head(preview)))
    parts.append(
        f'<details class="kc-full-table"><summary>{_fold_title(len(table), what)}</summary>{table_html(table)}</details>'
    )
    return "\n".join(parts)


def _fold_title(rows: int, what: str) -> str:
    return f"Show the table of all {rows} {what}" if rows > 1 else "Show the table"


def show_table(table: pd.DataFrame | pd.Series, what: str = "rows", preview: int = 0) -> HTML:
    """Show a table to readers (see ``table_html``), folding it away when it is long (see ``folded_table_html``)."""
    return HTML(folded_table_html(table, what, preview))


def figure_html(
    fig: Figure, alt: str, caption: str | Sequence[str], data: pd.DataFrame | pd.Series | None = None
) -> str:
    """The figure as an image with its alt text, its caption and the table behind it.

    A caption may be given in parts, so that some of them carry their own markup (citation links).
    """
    caption_parts = [caption] if isinstance(caption, str) else list(caption)
    if not alt.strip() or not "".join(caption_parts).strip():
        raise ValueError("a figure needs both alt text and a caption")
    encoded = base64.b64encode(png_bytes(fig)).decode("ascii")
    parts = [
        '<figure class="kc-figure">',
        f'<img src="data:image/png;base64,{encoded}" alt="{html.escape(alt, quote=True)}" '
        f'data-text-px="{smallest_text_px(fig):.1f}"/>',
        f"<figcaption>{''.join(_markup(part) for part in caption_parts)}</figcaption>",
    ]
    if data is not None:
        parts.append(f"<details><summary>Data behind this chart</summary>{table_html(data)}</details>")
    parts.append("</figure>")
    return "\n".join(parts)


def show_figure(
    fig: Figure, alt: str, caption: str | Sequence[str], data: pd.DataFrame | pd.Series | None = None
) -> HTML:
    """Close the figure (so Jupyter does not draw it twice) and return it as an accessible HTML figure."""
    import matplotlib.pyplot as plt

    markup = figure_html(fig, alt, caption, data)
    plt.close(fig)
    return HTML(markup)


def article_html(title: str, text: str) -> str:
    """An article's raw text in a collapsed block, set apart and labelled as the article's words, all escaped."""
    return (
        f'<details class="kc-article-details"><summary>{html.escape(title)}</summary>'
        '<blockquote class="kc-article-quote"><p class="kc-article-label">The article\'s words, as collected:</p>'
        f'<div class="kc-article">{html.escape(text)}</div></blockquote></details>'
    )


def show_article(title: str, text: str) -> HTML:
    return HTML(article_html(title, text))


def setup_notebook() -> None:
    """Show whole quotes and tables: pandas cuts long text to 50 characters by default."""
    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.max_rows", 500)
    pd.set_option("display.max_columns", 50)
    pd.set_option("display.width", 200)


# Alt text spells out a small table in full; past this many rows (or cells in a row) it names the
# first few and points to the data table, so that it grows with the article count only a little.
DESCRIBE_MAX_ROWS, DESCRIBE_MAX_CELLS = 8, 8


def describe_rows(table: pd.DataFrame | pd.Series, unit: str = "") -> str:
    """Spell out a table for alt text: 'row: column value, ...; row: ...'. Zero cells are left out.

    A table of more than DESCRIBE_MAX_ROWS rows is described by its first five and a count of the
    rest; a row of more than DESCRIBE_MAX_CELLS non-zero cells by its first five and a count.
    """
    rest = ""
    if len(table) > DESCRIBE_MAX_ROWS:
        rest = f"; and {len(table) - 5} more rows, listed in the data table under the chart"
        table = table.head(5)
    if isinstance(table, pd.Series):
        return "; ".join(f"{name}: {_plain(value)}{unit}" for name, value in table.items()) + rest
    parts = []
    for name, row in table.iterrows():
        cells = [f"{column} {_plain(value)}" for column, value in row.items() if value not in (0, "", False)]
        if len(cells) > DESCRIBE_MAX_CELLS:
            cells = cells[:5] + [f"and {len(cells) - 5} more"]
        parts.append(f"{name}: {', '.join(cells) or 'none'}")
    return "; ".join(parts) + rest


def _plain(value) -> str:
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


def discern_details_html(discern: pd.DataFrame, items: pd.DataFrame, labels: dict[str, str] | None = None) -> str:
    """One collapsible block per article listing each item's score and the rater's reason, all text escaped."""
    blocks = []
    for article_id, rows in discern.groupby("article_id", sort=False):
        body = "".join(
            f"<tr><td>{row.item}</td><td>{html.escape(items.loc[row.item, 'question'])}</td>"
            f"<td>{row.score}</td><td>{html.escape(row.justification)}</td></tr>"
            for row in rows.sort_values("item").itertuples(index=False)
        )
        blocks.append(
            f"<details><summary>Article {html.escape(article_label(article_id, labels))}: "
            f"the 16 items and why each was scored so</summary>"
            "<table><thead><tr><th>item</th><th>question</th><th>score</th><th>justification</th></tr></thead>"
            f"<tbody>{body}</tbody></table></details>"
        )
    return "\n".join(blocks)
