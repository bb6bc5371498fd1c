"""Load and tabulate the DISCERN and JAMA ratings (data/quality/), checked in full: one mistyped score would move a total."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .csvfile import read_text_csv
from .errors import QualityError
from .evidence import is_benchmark
from .layout import project_layout

DISCERN_COLUMNS = ["article_id", "item", "score", "justification"]
ITEM_COLUMNS = ["item", "section", "question"]
JAMA_COLUMNS = ["article_id", "criterion", "met", "evidence"]
SECTION_ITEMS = {"reliability": range(1, 9), "treatment_choices": range(9, 16), "overall": range(16, 17)}
ITEMS = range(1, 17)
SCORES = range(1, 6)
JAMA_CRITERIA = ("authorship", "attribution", "disclosure", "currency")
BOOLEANS = {"true": True, "false": False}
BENCHMARK_NUMBERS = re.compile(
    r"(?P<sites>\d+) sites; mean DISCERN (?P<mean>\d+(?:\.\d+)?) \(SD (?P<sd>\d+(?:\.\d+)?)\)"
)
DISCERN_RANGE = (15, 75)


def _read(path: Path, columns: list[str], what: str) -> pd.DataFrame:
    table = read_text_csv(path, QualityError, what)
    if list(table.columns) != columns:
        raise QualityError(path, f"columns are {','.join(map(str, table.columns))}; expected {','.join(columns)}")
    return table


def _whole_number(value: str, allowed: range) -> int | None:
    return int(value) if re.fullmatch(r"\d+", value) and int(value) in allowed else None


def load_discern_items(path: Path | str | None = None) -> pd.DataFrame:
    """The 16 DISCERN questions with their section, indexed by item number."""
    path = project_layout().discern_items_csv if path is None else Path(path)
    table = _read(path, ITEM_COLUMNS, "DISCERN items")
    for index, row in enumerate(table.to_dict("records")):
        where = f"row {index + 2}"
        item = _whole_number(row["item"], ITEMS)
        if item is None:
            raise QualityError(path, f"{where}: item {row['item']!r} must be a whole number from 1 to 16")
        if row["section"] not in SECTION_ITEMS or item not in SECTION_ITEMS[row["section"]]:
            expected = next(s for s, items in SECTION_ITEMS.items() if item in items)
            raise QualityError(path, f"{where}: item {item} belongs to section {expected!r}, not {row['section']!r}")
        if not row["question"].strip():
            raise QualityError(path, f"{where}: item {item} has no question")
    items = table.assign(item=table["item"].astype(int))
    if sorted(items["item"]) != list(ITEMS):
        raise QualityError(path, "must list each of the items 1 to 16 exactly once")
    return items.set_index("item").sort_index()


def load_discern(path: Path | str | None = None, article_ids: Iterable[str] = ()) -> pd.DataFrame:
    """DISCERN scores, one row per article and item, 1 to 5: an article rated at all is rated on all 16 items.

    An article with no rows is not rated yet (a newly added one); the chapter lists it as such.
    """
    path, ids = project_layout().discern_csv if path is None else Path(path), list(article_ids)
    table = _read(path, DISCERN_COLUMNS, "DISCERN ratings")
    seen: dict[tuple[str, int], int] = {}
    for index, row in enumerate(table.to_dict("records")):
        line = index + 2
        where = f"row {line} ({row['article_id']}, item {row['item']})"
        if row["article_id"] not in ids:
            raise QualityError(
                path, f"{where}: unknown article_id {row['article_id']!r}; the corpus has {', '.join(ids)}"
            )
        item = _whole_number(row["item"], ITEMS)
        if item is None:
            raise QualityError(path, f"{where}: item must be a whole number from 1 to 16")
        if _whole_number(row["score"], SCORES) is None:
            raise QualityError(path, f"{where}: score {row['score']!r} must be a whole number from 1 to 5")
        if not row["justification"].strip():
            raise QualityError(path, f"{where}: justification is empty")
        key = (row["article_id"], item)
        if key in seen:
            raise QualityError(path, f"{where}: this article and item are rated twice (rows {seen[key]} and {line})")
        seen[key] = line
    for article_id in {article_id for article_id, _ in seen}:
        missing = [i for i in ITEMS if (article_id, i) not in seen]
        if missing:
            raise QualityError(path, f"article {article_id} has no score for item(s) {', '.join(map(str, missing))}")
    return table.assign(item=table["item"].astype(int), score=table["score"].astype(int))


def discern_totals(discern: pd.DataFrame, article_ids: Iterable[str]) -> pd.DataFrame:
    """Per article: reliability (items 1-8, 8-40), treatment choices (9-15, 7-35), total (1-15, 15-75), overall (16, 1-5)."""
    scores = discern.pivot(index="article_id", columns="item", values="score").reindex(list(article_ids))
    totals = pd.DataFrame(
        {
            "reliability": scores[list(SECTION_ITEMS["reliability"])].sum(axis=1),
            "treatment_choices": scores[list(SECTION_ITEMS["treatment_choices"])].sum(axis=1),
            "total": scores[list(range(1, 16))].sum(axis=1),
            "overall": scores[16],
        }
    )
    totals.index.name = "article_id"
    return totals.astype("int64")


def discern_scores(discern: pd.DataFrame, items: pd.DataFrame, article_ids: Iterable[str]) -> pd.DataFrame:
    """Items (rows, with section and question) x articles (columns): the score each article got."""
    scores = discern.pivot(index="item", columns="article_id", values="score")[list(article_ids)]
    return items[["section", "question"]].join(scores)


def discern_benchmarks(evidence: pd.DataFrame) -> pd.DataFrame:
    """Published mean DISCERN totals of vendor websites, read from the benchmark rows' numbers."""
    rows = []
    for row in evidence[is_benchmark(evidence)].itertuples(index=False):
        found = BENCHMARK_NUMBERS.search(row.numbers)
        if not found:
            raise QualityError(
                "evidence.csv",
                f"benchmark {row.evidence_id}: numbers {row.numbers!r} give no 'N sites; mean DISCERN M (SD S)'",
            )
        rows.append(
            {
                "evidence_id": row.evidence_id,
                "label": f"{row.topic.split(': ', 1)[-1]} ({found['sites']} sites)",
                "citation_key": row.citation_key,
                "sites": int(found["sites"]),
                "mean": float(found["mean"]),
                "sd": float(found["sd"]),
            }
        )
    return pd.DataFrame(rows, columns=["evidence_id", "label", "citation_key", "sites", "mean", "sd"])


def totals_beside_benchmarks(totals: pd.Series, benchmarks: pd.DataFrame) -> pd.DataFrame:
    """The table behind the DISCERN chart: each article's total, then each published mean with its SD."""
    articles = pd.DataFrame({"DISCERN total": totals, "SD": float("nan")}).rename(index=lambda a: f"article {a}")
    published = benchmarks.set_index("label")[["mean", "sd"]].set_axis(["DISCERN total", "SD"], axis=1)
    return pd.concat([articles, published])


def within_one_sd(totals: pd.Series, benchmarks: pd.DataFrame) -> int:
    """How many articles' totals lie within one standard deviation of any published mean."""
    return sum(any(abs(total - row.mean) <= row.sd for row in benchmarks.itertuples()) for total in totals)


def load_jama(path: Path | str | None = None, article_ids: Iterable[str] = ()) -> pd.DataFrame:
    """JAMA benchmark judgements: an article judged at all is judged once on each of the four criteria."""
    path, ids = project_layout().jama_csv if path is None else Path(path), list(article_ids)
    table = _read(path, JAMA_COLUMNS, "JAMA ratings")
    seen: set[tuple[str, str]] = set()
    for index, row in enumerate(table.to_dict("records")):
        where = f"row {index + 2} ({row['article_id']}, {row['criterion']})"
        if row["article_id"] not in ids:
            raise QualityError(path, f"{where}: unknown article_id {row['article_id']!r}")
        if row["criterion"] not in JAMA_CRITERIA:
            raise QualityError(path, f"{where}: criterion must be one of {', '.join(JAMA_CRITERIA)}")
        if row["met"] not in BOOLEANS:
            raise QualityError(path, f"{where}: met {row['met']!r} must be true or false")
        if not row["evidence"].strip():
            raise QualityError(path, f"{where}: evidence is empty")
        if (row["article_id"], row["criterion"]) in seen:
            raise QualityError(path, f"{where}: this article and criterion are judged twice")
        seen.add((row["article_id"], row["criterion"]))
    for article_id in {article_id for article_id, _ in seen}:
        missing = [c for c in JAMA_CRITERIA if (article_id, c) not in seen]
        if missing:
            raise QualityError(path, f"article {article_id} is not judged on {', '.join(missing)}")
    return table.assign(met=table["met"].map(BOOLEANS).astype(bool))


def rated_articles(discern: pd.DataFrame, jama: pd.DataFrame, article_ids: Iterable[str]) -> list[str]:
    """The articles, in corpus order, that have both DISCERN and JAMA ratings."""
    rated = set(discern["article_id"]) & set(jama["article_id"])
    return [article_id for article_id in article_ids if article_id in rated]


def jama_table(jama: pd.DataFrame, article_ids: Iterable[str]) -> pd.DataFrame:
    """Articles x the four criteria (True where met), and how many each meets."""
    table = (
        jama.pivot(index="article_id", columns="criterion", values="met")
        .reindex(index=list(article_ids), columns=list(JAMA_CRITERIA))
        .astype(bool)
    )
    table["criteria met"] = table.sum(axis=1).astype("int64")
    table.columns.name = None
    return table
