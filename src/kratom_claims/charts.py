"""The book's charts, drawn with matplotlib so they build offline and look the same on every run.

Defaults are chosen for readers with colour-vision deficiency or low vision: Okabe-Ito colours,
the cividis ramp, text of 10-14 pt, and every count or value written on the chart as well as
shown by length or colour. Each function returns a new Figure; it never shows or closes it, so
the caller decides how it is displayed (inline, glued, saved) and closes it afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from .ids import article_label
from .overlap import ASSERTED, HEDGED, MIXED, intersections
from .overlap import DENIED as STANCE_DENIED
from .ratings import DISCERN_RANGE
from .readability import PATIENT_GRADE_BAND
from .risks import BOTH, DENIED, NAMED, NOT_MENTIONED, RISK_STATES
from .verdicts import NOT_FOUND

SERIES_COLOURS = ("#0072B2", "#E69F00", "#56B4E9", "#009E73", "#D55E00", "#CC79A7", "#F0E442", "#000000")
# Figures are drawn at most as wide as the book's text column at 1366 px (740 px) and rendered
# at DISPLAY_DPI, so the browser shows them at their natural size and a point is a point on screen.
DISPLAY_DPI = 100
MAX_WIDTH_IN = 7.4
# Past this many articles a grid with one column per article no longer fits the column with
# readable labels: it becomes a ranked list (presence) or shortens its cell marks (risks).
GRID_MAX_ARTICLES = 8
INK = "#000000"
FAINT = "#C8C8C8"
TITLE_SIZE, LABEL_SIZE, TICK_SIZE, VALUE_SIZE = 14, 12, 11, 10
CHECK = "✓"
# The verdicts as a diverging scale, red (contradicted) to blue (supported); untested and not found are grey.
VERDICT_COLOURS = {
    "contradicted": "#B2182B",
    "goes beyond the evidence": "#EF8A62",
    "mixed evidence": "#FDDBC7",
    "supported": "#2166AC",
    "untested": "#BDBDBD",
    NOT_FOUND: "#F0F0F0",
}
# Stances: asserting and denying a term mean opposite things, so they take contrasting hues
# (blue and vermilion); a hedged assertion is a paler blue, an article doing both is orange.
STANCE_COLOURS = {ASSERTED: "#0072B2", HEDGED: "#56B4E9", STANCE_DENIED: "#D55E00", MIXED: "#E69F00"}


def _figure(width: float, height: float) -> Figure:
    """A new figure no wider than the book's text column (see MAX_WIDTH_IN)."""
    return plt.figure(figsize=(min(width, MAX_WIDTH_IN), height), layout="constrained")


def _dress(ax: Axes, title: str | None, xlabel: str, ylabel: str) -> None:
    """Title, axis labels and tick labels at readable sizes."""
    if title:
        ax.set_title(title, fontsize=TITLE_SIZE)
    ax.set_xlabel(xlabel, fontsize=LABEL_SIZE)
    ax.set_ylabel(ylabel, fontsize=LABEL_SIZE)
    ax.tick_params(labelsize=TICK_SIZE)


def _number(value: float) -> str:
    return f"{value:g}"


def _ink_on(colour) -> str:
    """Black or white, whichever reads better on the given fill colour."""
    red, green, blue = to_rgb(colour)
    return "black" if 0.299 * red + 0.587 * green + 0.114 * blue > 0.5 else "white"


def _colour(index: int) -> str:
    return SERIES_COLOURS[index % len(SERIES_COLOURS)]


def _longest(names: Iterable[str]) -> int:
    return max((len(name) for name in names), default=0)


def bar_chart(
    data: pd.Series | pd.DataFrame,
    title: str,
    xlabel: str,
    ylabel: str,
    horizontal: bool = True,
    stacked: bool = False,
    labels: dict[str, str] | None = None,
    colours: dict[str, str] | None = None,
) -> Figure:
    """Counts as bars, one bar per index entry, each labelled with its value.

    A DataFrame draws one bar part per column, side by side or ``stacked`` (segments labelled,
    stack totals at the end). ``labels`` renames index entries for display (e.g. article ids);
    entries not in it are shown as they are. ``colours`` fixes a column's colour where the
    colours carry meaning (an ordered scale); other columns take the series palette in turn.
    Horizontal bars list the first entry on top.
    """
    frame = (data.to_frame() if isinstance(data, pd.Series) else data).fillna(0)
    names = [str((labels or {}).get(entry, entry)) for entry in frame.index]
    slots = np.arange(len(frame))
    parts = len(frame.columns)
    thickness = 0.8 if stacked else 0.8 / max(parts, 1)
    rows = len(frame) * (1 if stacked else max(parts, 1))
    size = (7.5, max(3.0, 1.6 + 0.35 * rows)) if horizontal else (max(5.0, 2.0 + 0.5 * rows), 4.5)
    fig = _figure(*size)
    ax = fig.add_subplot()
    draw = ax.barh if horizontal else ax.bar
    base = np.zeros(len(frame))
    for k, column in enumerate(frame.columns):
        values = frame[column].to_numpy(dtype=float)
        where = slots if stacked else slots - 0.4 + thickness * (k + 0.5)
        fill = (colours or {}).get(column, _colour(k))
        bars = draw(where, values, thickness, base, color=fill, label=str(column))
        if stacked and parts > 1:
            ax.bar_label(
                bars,
                [_number(v) if v else "" for v in values],
                label_type="center",
                color=_ink_on(fill),
                fontsize=VALUE_SIZE,
            )
            if k:
                _unpin(bars, horizontal)
            base = base + values
        else:
            ax.bar_label(bars, [_number(v) for v in values], padding=3, fontsize=VALUE_SIZE)
    if stacked and parts > 1:
        ax.bar_label(bars, [_number(v) for v in base], padding=3, fontsize=VALUE_SIZE, fontweight="bold")
    value_axis = ax.xaxis if horizontal else ax.yaxis
    if np.allclose(frame.to_numpy(dtype=float) % 1, 0):
        value_axis.set_major_locator(MaxNLocator(integer=True))
    if horizontal:
        ax.set_yticks(slots, names)
        ax.invert_yaxis()
        ax.margins(x=0.12)
    else:
        tilt = 30 if _longest(names) > 6 else 0
        ax.set_xticks(slots, names, rotation=tilt, ha="right" if tilt else "center")
        ax.margins(y=0.12)
    if parts > 1:
        ax.legend(
            title=frame.columns.name,
            fontsize=TICK_SIZE,
            title_fontsize=TICK_SIZE,
            loc="upper left",
            bbox_to_anchor=(1.01, 1),
        )
    _dress(ax, title, xlabel, ylabel)
    return fig


def _unpin(bars, horizontal: bool) -> None:
    """Let the value axis keep its margin: stacked segments otherwise pin the limit at their start."""
    for patch in bars:
        (patch.sticky_edges.x if horizontal else patch.sticky_edges.y).clear()


def _cell_text(value: float, as_check: bool, fmt: str) -> str:
    if np.isnan(value):
        return ""
    if as_check:
        return CHECK if value else ""
    return fmt.format(value)


def _fits(text: str, cell_inches: float) -> bool:
    """Whether ``text`` at VALUE_SIZE fits in a cell this wide (a character is about 0.6 em)."""
    return len(text) * 0.6 * VALUE_SIZE / 72 + 0.08 <= cell_inches


def heatmap(
    matrix: pd.DataFrame,
    title: str,
    fmt: str = "{:.2f}",
    cmap: str = "cividis",
    vmin: float = 0,
    vmax: float = 1,
    labels: dict[str, str] | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    value_label: str = "similarity",
    blank_diagonal: bool = False,
) -> Figure:
    """A matrix as coloured cells with each value written in its cell where it fits.

    Numbers are written with ``fmt`` and get a colour bar named ``value_label``; a bool matrix
    (e.g. a presence matrix) gets a check mark in each True cell and no colour bar. Row and
    column names that are columns of the matrix (the articles) are shortened with ``labels``
    or to their short labels; axis labels default to the index and column names.
    ``blank_diagonal`` leaves an article-by-article matrix's diagonal grey and empty: an article
    compared with itself says nothing, and an article with no claims has no similarity at all.
    Columns narrow as they grow in number, so that the figure keeps to the text column; a value
    is written only where it fits its cell, and the colour and the data table carry it otherwise.
    """
    as_check = all(pd.api.types.is_bool_dtype(dtype) for dtype in matrix.dtypes)
    values = matrix.to_numpy(dtype=float, copy=True)
    if blank_diagonal:
        np.fill_diagonal(values, np.nan)
    articles = set(matrix.columns)
    rows = [article_label(r, labels) if r in articles else str(r) for r in matrix.index]
    columns = [article_label(c, labels) for c in matrix.columns]
    frame = 1.2 + 0.09 * _longest(rows) + (0 if as_check else 1.3)
    cell = min(0.75, (MAX_WIDTH_IN - frame) / max(len(columns), 1))
    fig = _figure(max(4.0, frame + cell * len(columns)), max(3.0, 1.8 + 0.42 * len(rows)))
    ax = fig.add_subplot()
    palette = plt.get_cmap(cmap).with_extremes(bad="#E8E8E8")
    image = ax.imshow(values, cmap=palette, vmin=vmin, vmax=vmax, aspect="auto")
    for (i, j), value in np.ndenumerate(values):
        text = _cell_text(value, as_check, fmt)
        if text and _fits(text, cell):
            ax.text(
                j, i, text, ha="center", va="center", fontsize=VALUE_SIZE, color=_ink_on(image.cmap(image.norm(value)))
            )
    tilt = 45 if _longest(columns) * 0.6 * TICK_SIZE / 72 > cell else 0
    ax.set_xticks(range(len(columns)), columns, rotation=tilt, ha="right" if tilt else "center")
    ax.set_yticks(range(len(rows)), rows)
    if not as_check:
        bar = fig.colorbar(image, ax=ax)
        bar.set_label(value_label, fontsize=LABEL_SIZE)
        bar.ax.tick_params(labelsize=TICK_SIZE)
    _dress(ax, title, xlabel or matrix.columns.name or "article", ylabel or matrix.index.name or "article")
    return fig


def presence_chart(
    matrix: pd.DataFrame,
    title: str,
    labels: dict[str, str] | None = None,
    xlabel: str = "Article",
    ylabel: str = "Claim",
) -> Figure:
    """Which article makes which claim: a grid of ticks for a few articles, a ranked list past GRID_MAX_ARTICLES.

    Past that many articles a column per article would be too narrow for its label, so the chart
    becomes bars of how many articles make each row's claim, most first; the table under the
    chart keeps the full grid.
    """
    if len(matrix.columns) <= GRID_MAX_ARTICLES:
        return heatmap(matrix, title, labels=labels, xlabel=xlabel, ylabel=ylabel, cmap="Blues", vmax=1.6)
    ranked = matrix.sum(axis=1).astype(int).sort_values(ascending=False, kind="stable")
    return bar_chart(ranked, title, xlabel=f"Number of articles (of {len(matrix.columns)})", ylabel=ylabel)


def upset_chart(
    presence: pd.DataFrame,
    max_combinations: int = 20,
    labels: dict[str, str] | None = None,
    title: str = "Claims made by exactly these articles",
) -> Figure:
    """An UpSet chart of a presence matrix: which combinations of articles share how many claims.

    Written here because upsetplot 0.9 fails on pandas 3 and is unmaintained.
    Top: claims per combination (the ``max_combinations`` largest, from ``overlap.intersections``, and
    no more than fit the text column).
    Below: filled dots joined by a line mark the articles of each combination. Left: every claim
    each article makes, shared or not, so an article with no claims still has its (empty) row.
    """
    # 0.3 inch per combination: at most as many as the text column holds beside the left panel.
    fitting = int((MAX_WIDTH_IN - 2.8) / 0.3)
    combos = intersections(presence).head(min(max_combinations, fitting))
    ids = list(presence.columns)
    x, y = np.arange(len(combos)), np.arange(len(ids))
    fig = _figure(max(6.0, 2.8 + 0.3 * len(combos)), 3.5 + 0.4 * len(ids))
    grid = fig.add_gridspec(2, 2, height_ratios=(3, max(2, len(ids))), width_ratios=(1.5, max(2.5, 0.3 * len(combos))))
    bars_ax = fig.add_subplot(grid[0, 1])
    dots_ax = fig.add_subplot(grid[1, 1], sharex=bars_ax)
    sizes_ax = fig.add_subplot(grid[1, 0], sharey=dots_ax)

    bars = bars_ax.bar(x, combos["n_claims"].to_numpy(), color=SERIES_COLOURS[0])
    bars_ax.bar_label(bars, padding=2, fontsize=VALUE_SIZE)
    bars_ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    bars_ax.margins(y=0.15)
    bars_ax.tick_params(axis="x", labelbottom=False, bottom=False)
    _dress(bars_ax, title, "", "claims in exactly\nthis set of articles")

    member = np.array([[a in combo for combo in combos["articles"]] for a in ids], dtype=bool).reshape(len(ids), len(x))
    columns, rows = np.meshgrid(x, y)
    dots_ax.scatter(columns[~member], rows[~member], s=50, color=FAINT)
    dots_ax.scatter(columns[member], rows[member], s=90, color=INK, zorder=3)
    for j, combo in enumerate(combos["articles"]):
        if len(combo) > 1:
            spots = [ids.index(a) for a in combo]
            dots_ax.plot([j, j], [min(spots), max(spots)], color=INK, linewidth=2.5, zorder=2)
    dots_ax.set_xlim(-0.6, max(len(x), 1) - 0.4)
    dots_ax.set_ylim(len(ids) - 0.5, -0.5)
    dots_ax.set_xticks([])
    dots_ax.set_yticks(y, [article_label(a, labels) for a in ids])
    _dress(dots_ax, None, "combination of articles (filled dots)", "")

    made = presence.sum(axis=0).to_numpy(dtype=int)
    sizes_ax.barh(y, made, color=SERIES_COLOURS[0])
    for row, count in zip(y, made, strict=True):
        sizes_ax.text(count, row, f"{count} ", ha="right", va="center", fontsize=VALUE_SIZE)
    sizes_ax.invert_xaxis()
    sizes_ax.margins(x=0.25)
    sizes_ax.xaxis.set_major_locator(MaxNLocator(nbins=3, integer=True))
    sizes_ax.tick_params(axis="y", labelleft=False, left=False)
    _dress(sizes_ax, None, "claims per article", "article")
    return fig


def consensus_chart(
    counts: pd.Series,
    title: str,
    xlabel: str = "number of claims",
    ylabel: str = "articles making the claim",
) -> Figure:
    """How many claims are made by all articles, all but one, ... down to one (from ``overlap.consensus_counts``)."""
    total = max(counts.index, default=0)
    named = pd.Series(counts.to_numpy(), index=[f"{n} of {total}" for n in counts.index], name=counts.name)
    return bar_chart(named, title, xlabel, ylabel, horizontal=True)


def _dose_rows(doses: pd.DataFrame, article_ids: Iterable[str] | None) -> tuple[list[str], pd.DataFrame]:
    """Article order and the rows giving figures, each with its shape: range, single, at least or at most."""
    rows = doses.dropna(subset=["dose_low_g", "dose_high_g"], how="all").copy()
    low, high = rows["dose_low_g"], rows["dose_high_g"]
    rows["shape"] = np.select(
        [low.isna(), high.isna(), low == high], [DOSE_AT_MOST, DOSE_AT_LEAST, DOSE_SINGLE], default=DOSE_RANGE
    )
    backwards = rows[low > high]
    if len(backwards):
        first = backwards.iloc[0]
        raise ValueError(
            f"dose of {first['article_id']} ({first['label']}) runs from {first['dose_low_g']} down to {first['dose_high_g']} g"
        )
    order = list(article_ids) if article_ids is not None else list(dict.fromkeys(doses["article_id"]))
    unknown = sorted(set(doses["article_id"]) - set(order))
    if unknown:
        raise ValueError(f"doses come from article(s) not in article_ids: {', '.join(unknown)}")
    return order, rows


DOSE_RANGE, DOSE_SINGLE, DOSE_AT_LEAST, DOSE_AT_MOST = "range", "single figure", "at least", "up to"


def dose_range_chart(
    doses: pd.DataFrame,
    article_ids: Iterable[str] | None = None,
    labels: dict[str, str] | None = None,
    title: str = "Doses named by each article",
) -> Figure:
    """The doses the articles name: a bar from low to high grams, a dot for one figure, an arrow for an open end.

    The articles give gram amounts without saying whether they are per dose, per day or per use,
    so the axis claims no more than "grams, as the article gives them". "At least 5 g" is drawn
    as a dashed line from 5 g running off the right edge in an arrow; "up to 5 g" as a dashed
    line from zero to 5 g. Rows are grouped by article, in ``article_ids`` order (default: order
    of first appearance); articles without figures have no row (the caller names them, so that
    a chart of many articles is not mostly empty rows). Each dose is written out in grams.
    """
    order, rows = _dose_rows(doses, article_ids)
    fig = _figure(MAX_WIDTH_IN, max(3.0, 1.9 + 0.4 * len(rows) + 0.3 * rows["article_id"].nunique()))
    ax = fig.add_subplot()
    right = max(1.0, np.nanmax(rows[["dose_low_g", "dose_high_g"]].to_numpy(dtype=float), initial=1.0)) * 1.35
    place, ticks, names = 0.0, [], []
    for article in order:
        group = rows[rows["article_id"] == article]
        if group.empty:
            continue
        spots = place + np.arange(len(group))
        for spot, row in zip(spots, group.itertuples(index=False), strict=True):
            _draw_dose(ax, spot, row.dose_low_g, row.dose_high_g, row.shape, right)
        short = article_label(article, labels)
        ticks.extend(spots)
        names.extend(f"{short}: {label}" for label in group["label"])
        place = ticks[-1] + 1.6
    ax.set_yticks(ticks, names)
    ax.invert_yaxis()
    ax.set_xlim(0, right)
    shapes = [s for s in (DOSE_RANGE, DOSE_SINGLE, DOSE_AT_LEAST, DOSE_AT_MOST) if (rows["shape"] == s).any()]
    fig.legend(handles=[DOSE_LEGEND[s]() for s in shapes], fontsize=TICK_SIZE, loc="outside lower center", ncols=2)
    _dress(ax, title, "grams, as the article gives them", "article: dose named")
    return fig


def dose_words(low: float, high: float) -> str:
    """A dose as the chart writes it: '1–3 g', '2 g', 'at least 6 g' or 'up to 4 g' (an open end is NaN)."""
    if np.isnan(high):
        return f"at least {_number(low)} g"
    if np.isnan(low):
        return f"up to {_number(high)} g"
    return f"{_number(high)} g" if low == high else f"{_number(low)}–{_number(high)} g"


def _draw_dose(ax: Axes, spot: float, low: float, high: float, shape: str, right: float) -> None:
    """One dose: its mark, and its figures written out in grams above it."""
    colour = SERIES_COLOURS[0]
    if shape == DOSE_SINGLE:
        ax.scatter([high], [spot], s=70, color=colour, zorder=3)
    elif shape == DOSE_RANGE:
        ax.hlines([spot], [low], [high], color=colour, linewidth=5, capstyle="round")
    elif shape == DOSE_AT_LEAST:
        ax.annotate("", (right, spot), (low, spot), arrowprops={"arrowstyle": "->", "linestyle": "--", "color": colour})
        ax.scatter([low], [spot], s=40, color=colour, zorder=3)
    else:
        ax.hlines([spot], [0], [high], color=colour, linewidth=2, linestyle="--")
        ax.scatter([high], [spot], s=40, color=colour, marker="|", zorder=3)
    end, align = (low, "left") if shape == DOSE_AT_LEAST else (high, "right")
    ax.text(end, spot - 0.3, dose_words(low, high), va="bottom", ha=align, fontsize=VALUE_SIZE)


DOSE_LEGEND = {
    DOSE_RANGE: lambda: Line2D([], [], color=SERIES_COLOURS[0], linewidth=5, label="range: low to high"),
    DOSE_SINGLE: lambda: Line2D([], [], color=SERIES_COLOURS[0], marker="o", linestyle="", label="single figure"),
    DOSE_AT_LEAST: lambda: Line2D(
        [], [], color=SERIES_COLOURS[0], linestyle="--", marker=">", label="at least (no upper end)"
    ),
    DOSE_AT_MOST: lambda: Line2D(
        [], [], color=SERIES_COLOURS[0], linestyle="--", marker="|", label="up to (no lower end)"
    ),
}


STATE_COLOURS = {NAMED: "#0072B2", BOTH: "#E69F00", DENIED: "#D55E00", NOT_MENTIONED: "#F2F2F2"}
STATE_MARKS = {NAMED: "named", BOTH: "both", DENIED: "denied", NOT_MENTIONED: "–"}
# Narrow cells (many articles) take one-letter marks, spelled out in the legend.
STATE_SHORT_MARKS = {NAMED: "N", BOTH: "B", DENIED: "D", NOT_MENTIONED: "–"}


def risk_chart(
    matrix: pd.DataFrame, labels: dict[str, str] | None = None, title: str = "Documented risks each article names"
) -> Figure:
    """The risk-omission matrix as a grid: each cell coloured and written out by state.

    Columns narrow as articles are added, to keep the figure within the text column; below
    the width of a word, cells carry one letter instead, and the legend spells each out.
    """
    rows, columns = list(matrix.index), [article_label(c, labels) for c in matrix.columns]
    frame = 1.4 + 0.07 * _longest(rows)
    cell = min(1.0, (MAX_WIDTH_IN - frame) / max(len(columns), 1))
    marks = STATE_MARKS if _fits("denied", cell) else STATE_SHORT_MARKS
    fig = _figure(frame + cell * len(columns), max(3.0, 2.2 + 0.32 * len(rows)))
    ax = fig.add_subplot()
    for i, row in enumerate(rows):
        for j, state in enumerate(matrix.loc[row]):
            ax.add_patch(plt.Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor=STATE_COLOURS[state], edgecolor="white"))
            ink = "black" if state in (NOT_MENTIONED, BOTH) else "white"
            ax.text(j, i, marks[state], ha="center", va="center", fontsize=VALUE_SIZE, color=ink)
    ax.set_xlim(-0.5, len(columns) - 0.5)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xticks(range(len(columns)), columns)
    ax.set_yticks(range(len(rows)), rows)
    ax.tick_params(labelsize=TICK_SIZE, length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    ax.set_title(title, fontsize=TITLE_SIZE)
    ax.set_xlabel("article", fontsize=LABEL_SIZE)
    ax.set_ylabel("documented risk", fontsize=LABEL_SIZE)
    handles = [
        Patch(facecolor=STATE_COLOURS[s], edgecolor="#999999", label=s if marks is STATE_MARKS else f"{marks[s]}: {s}")
        for s in RISK_STATES
    ]
    fig.legend(handles=handles, fontsize=TICK_SIZE, loc="outside lower center", ncols=2)
    return fig


def discern_chart(
    totals: pd.Series,
    benchmarks: pd.DataFrame,
    labels: dict[str, str] | None = None,
    title: str = "DISCERN totals (items 1-15) beside published means",
) -> Figure:
    """The articles' DISCERN totals as bars, then the published vendor-site means with a 1-SD whisker.

    The axis starts at 15, the lowest total items 1-15 can sum to, and bars grow from there: a
    bar's length is how far a total lies above the minimum, not the total measured from zero.
    """
    names = [f"article {article_label(a, labels)}" for a in totals.index] + list(benchmarks["label"])
    values = np.array(list(totals.to_numpy(dtype=float)) + list(benchmarks["mean"]))
    whiskers = np.array([0.0] * len(totals) + list(benchmarks["sd"]))
    colours = [SERIES_COLOURS[0]] * len(totals) + [SERIES_COLOURS[1]] * len(benchmarks)
    fig = _figure(MAX_WIDTH_IN, max(3.0, 2.2 + 0.45 * len(names)))
    ax = fig.add_subplot()
    slots = np.arange(len(names))
    ax.barh(slots, values - DISCERN_RANGE[0], left=DISCERN_RANGE[0], color=colours)
    spread = slots[len(totals) :]
    ax.errorbar(values[len(totals) :], spread, xerr=whiskers[len(totals) :], fmt="none", ecolor="black", capsize=4)
    for slot, value, whisker in zip(slots, values, whiskers, strict=True):
        text = f"{value:g}" if not whisker else f"{value:g} (SD {whisker:g})"
        ax.text(value + whisker + 1, slot, text, va="center", fontsize=VALUE_SIZE)
    ax.set_xlim(*DISCERN_RANGE)
    ax.set_xticks(range(DISCERN_RANGE[0], DISCERN_RANGE[1] + 1, 10))
    ax.set_yticks(slots, names)
    ax.invert_yaxis()
    ax.tick_params(labelsize=TICK_SIZE)
    ax.set_title(title, fontsize=TITLE_SIZE)
    ax.set_xlabel(
        "DISCERN total (the axis runs from 15, the lowest\npossible, to 75, the highest)", fontsize=LABEL_SIZE
    )
    handles = [
        plt.Rectangle((0, 0), 1, 1, color=SERIES_COLOURS[0]),
        plt.Rectangle((0, 0), 1, 1, color=SERIES_COLOURS[1]),
    ]
    ax.legend(
        handles,
        ["this book's rating", "published mean ± 1 SD"],
        fontsize=TICK_SIZE,
        loc="upper left",
        bbox_to_anchor=(0, -0.25),
        ncols=2,
    )
    return fig


def readability_chart(
    grades: pd.DataFrame,
    labels: dict[str, str] | None = None,
    band: tuple[float, float] = PATIENT_GRADE_BAND,
    title: str = "Reading grade of each article",
) -> Figure:
    """Flesch-Kincaid and SMOG grades side by side per article, over the shaded target band."""
    names = [article_label(a, labels) for a in grades.index]
    slots = np.arange(len(names))
    fig = _figure(MAX_WIDTH_IN, max(3.0, 2.4 + 0.7 * len(names)))
    ax = fig.add_subplot()
    ax.axvspan(band[0], band[1], color="#D9D9D9", label=f"grade {band[0]:g}-{band[1]:g} band (dashed edges)")
    for edge in band:
        ax.axvline(edge, color="black", linestyle="--", linewidth=1.2, zorder=3)
    for k, (column, name) in enumerate((("flesch_kincaid", "Flesch-Kincaid"), ("smog", "SMOG"))):
        values = grades[column].to_numpy(dtype=float)
        bars = ax.barh(slots - 0.2 + 0.4 * k, values, 0.4, color=SERIES_COLOURS[k], label=name)
        ax.bar_label(bars, [f"{v:.1f}" for v in values], padding=3, fontsize=VALUE_SIZE)
    ax.set_yticks(slots, names)
    ax.invert_yaxis()
    ax.margins(x=0.12)
    ax.tick_params(labelsize=TICK_SIZE)
    ax.set_title(title, fontsize=TITLE_SIZE)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("US school grade needed to read the text", fontsize=LABEL_SIZE)
    ax.set_ylabel("article", fontsize=LABEL_SIZE)
    ax.legend(fontsize=TICK_SIZE, loc="upper left", bbox_to_anchor=(0, -0.15), ncols=2)
    return fig
