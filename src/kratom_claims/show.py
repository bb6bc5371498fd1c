"""Show charts, article text and the raters' reasons as HTML that reads the same in Jupyter and in the book.

Jupyter Book takes an image's alt text from static cell metadata, which cannot describe data
that change. Emitting the figure as HTML lets the alt text and caption be computed from the
data, renders the same in Jupyter and in the book, and puts both under nbval's comparison.
"""

from __future__ import annotations

import base64
import html
import io

import pandas as pd
from IPython.display import HTML
from matplotlib.figure import Figure

from .ids import article_label


def png_bytes(fig: Figure) -> bytes:
    """The figure as PNG without the Software tag, so the bytes repeat from run to run."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, metadata={"Software": None})
    return buffer.getvalue()


def figure_html(fig: Figure, alt: str, caption: str, data: pd.DataFrame | pd.Series | None = None) -> str:
    if not alt.strip() or not caption.strip():
        raise ValueError("a figure needs both alt text and a caption")
    encoded = base64.b64encode(png_bytes(fig)).decode("ascii")
    parts = [
        '<figure class="kc-figure">',
        f'<img src="data:image/png;base64,{encoded}" alt="{html.escape(alt, quote=True)}" style="max-width:100%"/>',
        f"<figcaption>{html.escape(caption)}</figcaption>",
    ]
    if data is not None:
        table = data.to_frame() if isinstance(data, pd.Series) else data
        parts.append(f"<details><summary>Data behind this chart</summary>{table.to_html(border=0)}</details>")
    parts.append("</figure>")
    return "\n".join(parts)


def show_figure(fig: Figure, alt: str, caption: str, data: pd.DataFrame | pd.Series | None = None) -> HTML:
    """Close the figure (so Jupyter does not draw it twice) and return it as an accessible HTML figure."""
    import matplotlib.pyplot as plt

    markup = figure_html(fig, alt, caption, data)
    plt.close(fig)
    return HTML(markup)


def article_html(title: str, text: str) -> str:
    """An article's raw text, escaped so that nothing in it is ever run or rendered as markup."""
    return (
        f"<details><summary>{html.escape(title)}</summary>"
        f'<div class="kc-article" style="white-space: pre-wrap">{html.escape(text)}</div></details>'
    )


def show_article(title: str, text: str) -> HTML:
    return HTML(article_html(title, text))


def setup_notebook() -> None:
    """Show whole quotes and tables: pandas cuts long text to 50 characters by default."""
    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.max_rows", 500)
    pd.set_option("display.max_columns", 50)
    pd.set_option("display.width", 200)


def describe_rows(table: pd.DataFrame | pd.Series, unit: str = "") -> str:
    """Spell out a small table for alt text: 'row: column value, ...; row: ...'. Zero cells are left out."""
    if isinstance(table, pd.Series):
        return "; ".join(f"{name}: {_plain(value)}{unit}" for name, value in table.items())
    parts = []
    for name, row in table.iterrows():
        cells = ", ".join(f"{column} {_plain(value)}" for column, value in row.items() if value not in (0, "", False))
        parts.append(f"{name}: {cells or 'none'}")
    return "; ".join(parts)


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
