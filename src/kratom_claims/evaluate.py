"""Score the automatic extractor against the curated claims, and list where they part.

The curated table is the reference. A machine row counts as found when the curated table has a
row for the same (article_id, category, term); several rows for one key count once, so a term
quoted twice is not rewarded twice. Stance is compared only on keys both tables have.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from typing import NamedTuple

import numpy as np
import pandas as pd

from .claims import STANCES
from .codebook import CATEGORIES, Codebook
from .extract import mentions_other_drug, search_copy
from .machine_values import UNCLEAR_ATTRIBUTION
from .text import split_sentences

KEY = ["article_id", "category", "term"]
SCORE_COLUMNS = ["curated", "machine", "matched", "precision", "recall", "f1"]
ERROR_COLUMNS = ["kind", "article_id", "category", "term", "machine_stance", "curated_stance", "sentence", "why"]


def _keys(table: pd.DataFrame) -> pd.DataFrame:
    return table[KEY].drop_duplicates().reset_index(drop=True)


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else math.nan


def _f1(precision: float, recall: float) -> float:
    if math.isnan(precision) or math.isnan(recall):
        return math.nan
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def _score_row(curated: int, machine: int, matched: int) -> dict:
    precision, recall = _ratio(matched, machine), _ratio(matched, curated)
    return {
        "curated": curated,
        "machine": machine,
        "matched": matched,
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
    }


def scores_by_category(machine: pd.DataFrame, curated: pd.DataFrame) -> pd.DataFrame:
    """Precision, recall and F1 per category (all six, in codebook order) and overall (pooled).

    precision = matched / machine keys, recall = matched / curated keys; NaN where a count is 0.
    """
    machine_keys, curated_keys = _keys(machine), _keys(curated)
    matched = machine_keys.merge(curated_keys, on=KEY)
    rows = {}
    for category in CATEGORIES:
        rows[category] = _score_row(
            int((curated_keys["category"] == category).sum()),
            int((machine_keys["category"] == category).sum()),
            int((matched["category"] == category).sum()),
        )
    rows["overall"] = _score_row(len(curated_keys), len(machine_keys), len(matched))
    table = pd.DataFrame.from_dict(rows, orient="index", columns=SCORE_COLUMNS)
    table.index.name = "category"
    return table.astype({"curated": "int64", "machine": "int64", "matched": "int64"})


def cohen_kappa(first: list, second: list) -> float:
    """Agreement between two labellings beyond what their label frequencies give by chance.

    NaN when chance agreement is already certain (both used one and the same label throughout).
    """
    if len(first) != len(second):
        raise ValueError(f"labellings differ in length: {len(first)} and {len(second)}")
    if not first:
        return math.nan
    count = len(first)
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / count
    labels = set(first) | set(second)
    chance = sum((first.count(label) / count) * (second.count(label) / count) for label in labels)
    if chance == 1:
        return math.nan
    return (observed - chance) / (1 - chance)


def _stances(table: pd.DataFrame) -> dict[tuple, list[str]]:
    found: dict[tuple, list[str]] = {}
    for article_id, category, term, stance in table[[*KEY, "stance"]].itertuples(index=False):
        found.setdefault((article_id, category, term), []).append(stance)
    return found


def stance_pairs(machine: pd.DataFrame, curated: pd.DataFrame) -> pd.DataFrame:
    """One (machine, curated) stance pair per matched key.

    When a key has several rows, a stance both tables give counts as agreement; otherwise the
    first row of each table speaks for the key.
    """
    machine_stances, curated_stances = _stances(machine), _stances(curated)
    rows = []
    for key, theirs in curated_stances.items():
        ours = machine_stances.get(key)
        if ours is None:
            continue
        shared = [s for s in theirs if s in ours]
        pair = (shared[0], shared[0]) if shared else (ours[0], theirs[0])
        rows.append({**dict(zip(KEY, key, strict=True)), "machine_stance": pair[0], "curated_stance": pair[1]})
    return pd.DataFrame(rows, columns=[*KEY, "machine_stance", "curated_stance"])


def stance_table(machine: pd.DataFrame, curated: pd.DataFrame) -> pd.DataFrame:
    """The matched keys' stances, machine against hand coding, so that a reader sees which
    disagreements the kappa stands for (a denial read as an assertion weighs most)."""
    pairs = stance_pairs(machine, curated)
    table = pd.crosstab(pairs["machine_stance"], pairs["curated_stance"]).reindex(
        index=list(STANCES), columns=list(STANCES), fill_value=0
    )
    table.index.name, table.columns.name = "machine", "hand coding"
    return table


def stance_agreement(machine: pd.DataFrame, curated: pd.DataFrame) -> pd.Series:
    """On matched keys: how many, the share with the same stance, and Cohen's kappa."""
    pairs = stance_pairs(machine, curated)
    ours, theirs = list(pairs["machine_stance"]), list(pairs["curated_stance"])
    agree = sum(a == b for a, b in zip(ours, theirs, strict=True))
    return pd.Series(
        {
            "matched": len(pairs),
            "agree": agree,
            "agreement": _ratio(agree, len(pairs)),
            "kappa": cohen_kappa(ours, theirs),
        },
        dtype="float64",
        name="stance",  # the column header where the result is shown as a table
    )


def _sentence_at(text: str | None, start: int, fallback: str) -> str:
    """The sentence of the article around an offset, or the row's own quote when unknown."""
    if not text:
        return fallback
    sentences = split_sentences(text)
    index = bisect_right([s.start for s in sentences], start) - 1
    if index >= 0 and start < sentences[index].end:
        return sentences[index].text
    return fallback


def _forms_of(codebook: Codebook, category: str, term: str) -> list[str]:
    forms = codebook.surface_forms()
    chosen = forms[(forms["category"] == category) & (forms["term"] == term)]
    return list(chosen["form"])


def _has_form(sentence: str, forms: list[str]) -> bool:
    lowered = search_copy(sentence)
    return any(re.search(rf"(?<!\w){re.escape(search_copy(form))}(?!\w)", lowered) for form in forms)


def _other_categories(table: pd.DataFrame, article_id: str, category: str, term: str) -> list[str]:
    same = table[(table["article_id"] == article_id) & (table["term"] == term) & (table["category"] != category)]
    return list(dict.fromkeys(same["category"]))


def _why_missed(row, sentence: str, machine: pd.DataFrame, codebook: Codebook | None) -> str:
    elsewhere = _other_categories(machine, row.article_id, row.category, row.term)
    if elsewhere:
        return f"found as {elsewhere[0]}: category chosen from the wrong cue"
    if codebook is not None and not _has_form(sentence, _forms_of(codebook, row.category, row.term)):
        return "term not in codebook synonyms"
    if mentions_other_drug(sentence):
        return "dropped as a claim about another drug"
    return "term found but dropped (subject or dose rule)"


def _why_false_alarm(row, sentence: str, curated: pd.DataFrame) -> str:
    elsewhere = _other_categories(curated, row.article_id, row.category, row.term)
    if elsewhere:
        return f"curated as {elsewhere[0]}: category chosen from the wrong cue"
    if mentions_other_drug(sentence):
        return "claim about another drug"
    if not sentence.rstrip().endswith((".", "!", "?")):
        return "heading or list label, not a claim"
    return "mention that the curator did not code as a claim"


def _why_stance(machine_stance: str) -> str:
    if machine_stance == "denied":
        return "negation read too widely (cue does not govern the term)"
    return "stance cue missed"


def error_table(
    machine: pd.DataFrame, curated: pd.DataFrame, texts: dict[str, str], codebook: Codebook | None = None
) -> pd.DataFrame:
    """Misses, false alarms and stance disagreements, each with its sentence and a guess at why.

    The guess is a lead for a person reading the table, not a diagnosis; give the codebook to
    let it tell a missing synonym from a rule that dropped a found term.
    """
    machine_keys, curated_keys = _keys(machine), _keys(curated)
    first_machine = machine.drop_duplicates(KEY)
    first_curated = curated.drop_duplicates(KEY)
    rows = []
    missed = first_curated.merge(machine_keys, on=KEY, how="left", indicator=True)
    for row in missed[missed["_merge"] == "left_only"].itertuples(index=False):
        sentence = _sentence_at(texts.get(row.article_id), int(row.start), row.quote)
        rows.append(
            [
                "miss",
                row.article_id,
                row.category,
                row.term,
                "",
                row.stance,
                sentence,
                _why_missed(row, sentence, machine, codebook),
            ]
        )
    extra = first_machine.merge(curated_keys, on=KEY, how="left", indicator=True)
    for row in extra[extra["_merge"] == "left_only"].itertuples(index=False):
        sentence = _sentence_at(texts.get(row.article_id), int(row.start), row.quote)
        rows.append(
            [
                "false alarm",
                row.article_id,
                row.category,
                row.term,
                row.stance,
                "",
                sentence,
                _why_false_alarm(row, sentence, curated),
            ]
        )
    pairs = stance_pairs(machine, curated)
    quotes = {tuple(k): (q, s) for *k, q, s in first_machine[[*KEY, "quote", "start"]].itertuples(index=False)}
    for pair in pairs[pairs["machine_stance"] != pairs["curated_stance"]].itertuples(index=False):
        quote, start = quotes[(pair.article_id, pair.category, pair.term)]
        sentence = _sentence_at(texts.get(pair.article_id), int(start), quote)
        rows.append(
            [
                "stance",
                pair.article_id,
                pair.category,
                pair.term,
                pair.machine_stance,
                pair.curated_stance,
                sentence,
                _why_stance(pair.machine_stance),
            ]
        )
    return pd.DataFrame(rows, columns=ERROR_COLUMNS)


MISREAD_COLUMNS = ["kind", "article_id", "category", "term", "sentence"]
NEGATED_ASSERTED = "denied claim asserted"
ATTRIBUTED_ASSERTED = "attributed claim asserted as the article's"
OTHER_DRUG_ASSERTED = "proposed in a sentence naming another drug"


def _attributions(table: pd.DataFrame) -> dict[tuple, set[str]]:
    """The attributions each key's rows give (an empty string for a row in the article's own voice)."""
    column = table["attributed_to"] if "attributed_to" in table.columns else pd.Series("", index=table.index)
    found: dict[tuple, set[str]] = {}
    for key, who in zip(table[KEY].itertuples(index=False, name=None), column.fillna(""), strict=True):
        found.setdefault(key, set()).add(who)
    return found


def misread_claims(machine: pd.DataFrame, curated: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """The errors that mislead a reader most: a claim the hand coding denies that the machine
    asserts; a claim the hand coding attributes to someone else ("critics say") that the machine
    gives as the article's own; and a machine claim, not in the hand coding, in a sentence that
    names another drug (most likely said of that drug).

    The last kind is a lead for a reader: the sentence names another drug, which does not prove
    that the claim was about it."""
    rows = []
    pairs = stance_pairs(machine, curated)
    quotes = {
        tuple(key): (quote, start)
        for *key, quote, start in machine.drop_duplicates(KEY)[[*KEY, "quote", "start"]].itertuples(index=False)
    }

    def sentence_of(key: tuple) -> str:
        quote, start = quotes[key]
        return _sentence_at(texts.get(key[0]), int(start), quote)

    for pair in pairs[(pairs["machine_stance"] == "asserted") & (pairs["curated_stance"] == "denied")].itertuples(
        index=False
    ):
        key = (pair.article_id, pair.category, pair.term)
        rows.append([NEGATED_ASSERTED, *key, sentence_of(key)])
    machine_attributions = _attributions(machine)
    for key, curated_who in _attributions(curated).items():
        if key in machine_attributions and "" not in curated_who and machine_attributions[key] == {""}:
            rows.append([ATTRIBUTED_ASSERTED, *key, sentence_of(key)])
    curated_keys = set(curated[KEY].itertuples(index=False, name=None))
    for key in quotes:
        if key not in curated_keys and mentions_other_drug(sentence_of(key)):
            rows.append([OTHER_DRUG_ASSERTED, *key, sentence_of(key)])
    return pd.DataFrame(rows, columns=MISREAD_COLUMNS)


UNCLEAR_OUTCOMES = ("attributed", "own voice", "not coded")


def unclear_claims(machine: pd.DataFrame, curated: pd.DataFrame) -> pd.Series:
    """The machine's keys marked "unclear" (someone else speaks, the rules cannot tell who), counted
    by what the hand coding says: attributed to someone (the machine did not give it as the
    article's own, though it could not say whose), the article's own voice (review work a person
    did not need), or not coded at all. misread_claims counts only
    keys given as the article's own, so this is the price of "unclear", reported beside it."""
    counts = dict.fromkeys(UNCLEAR_OUTCOMES, 0)
    curated_attributions = _attributions(curated)
    for key, machine_who in _attributions(machine).items():
        if UNCLEAR_ATTRIBUTION not in machine_who:
            continue
        curated_who = curated_attributions.get(key)
        outcome = "not coded" if curated_who is None else "own voice" if "" in curated_who else "attributed"
        counts[outcome] += 1
    return pd.Series(counts, name="unclear keys")


# Resampling a test set's articles: its keys are not independent (an article's style decides many
# of them at once), and six articles make any overall score unstable, so the interval says how much.
BOOTSTRAP_REPS = 2000
BOOTSTRAP_SEED = 20261127


def score_intervals(
    machine: pd.DataFrame, curated: pd.DataFrame, reps: int = BOOTSTRAP_REPS, seed: int = BOOTSTRAP_SEED
) -> pd.DataFrame:
    """Overall precision and recall with a 95% percentile interval from resampling whole articles
    with replacement (every article either table names)."""
    machine_keys, curated_keys = _keys(machine), _keys(curated)
    matched = machine_keys.merge(curated_keys, on=KEY)
    articles = sorted(set(machine_keys["article_id"]) | set(curated_keys["article_id"]))
    counts = np.array(
        [
            [(table["article_id"] == article).sum() for table in (matched, machine_keys, curated_keys)]
            for article in articles
        ],
        dtype=float,
    ).reshape(len(articles), 3)
    drawn = np.random.default_rng(seed).integers(0, len(articles), size=(reps, len(articles)))
    totals = counts[drawn].sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        samples = {"precision": totals[:, 0] / totals[:, 1], "recall": totals[:, 0] / totals[:, 2]}
    whole = counts.sum(axis=0)
    rows = {}
    for name, denominator in (("precision", whole[1]), ("recall", whole[2])):
        values = samples[name][~np.isnan(samples[name])]
        low, high = np.percentile(values, [2.5, 97.5]) if len(values) else (math.nan, math.nan)
        rows[name] = {"estimate": _ratio(whole[0], denominator), "low": float(low), "high": float(high)}
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "score"
    return table


DENIED_OUTCOMES = ("denied in the hand coding", "missed", "denied", "not denied")


def denied_keys(machine: pd.DataFrame, curated: pd.DataFrame) -> pd.Series:
    """How the machine reads the keys the hand coding denies ("does not cause addiction"): missed
    altogether, denied as well, or found but not denied. Stance kappa is computed on matched keys
    only, so a missed denial never enters it; this counts every denial."""
    machine_stances = _stances(machine)
    counts = dict.fromkeys(DENIED_OUTCOMES, 0)
    for key, theirs in _stances(curated).items():
        if "denied" not in theirs:
            continue
        counts["denied in the hand coding"] += 1
        ours = machine_stances.get(key)
        outcome = "missed" if ours is None else "denied" if "denied" in ours else "not denied"
        counts[outcome] += 1
    return pd.Series(counts, name="keys")


ATTRIBUTION_OUTCOMES = ("article's own", UNCLEAR_ATTRIBUTION, "same speaker", "another speaker")


def attribution_table(machine: pd.DataFrame, curated: pd.DataFrame) -> pd.DataFrame:
    """On matched keys, whose words the hand coding says they are (the article's own, or someone
    else's) against what the machine says: the article's own, unclear, the same speaker, or
    another. A key whose hand-coded rows mix voices counts as someone else's if every row is."""
    machine_who, curated_who = _attributions(machine), _attributions(curated)
    table = pd.DataFrame(
        0, index=pd.Index(["article's own", "someone else's"], name="hand coding"), columns=list(ATTRIBUTION_OUTCOMES)
    )
    for key, theirs in curated_who.items():
        ours = machine_who.get(key)
        if ours is None:
            continue
        row = "article's own" if "" in theirs else "someone else's"
        if UNCLEAR_ATTRIBUTION in ours:
            column = UNCLEAR_ATTRIBUTION
        elif ours == {""}:
            column = "article's own"
        else:
            column = "same speaker" if (ours - {""}) & (theirs - {""}) else "another speaker"
        table.loc[row, column] += 1
    table.columns.name = "machine"
    return table


class Evaluation(NamedTuple):
    """The extractor scored on one set of articles: the tables a chapter shows for it."""

    scores: pd.DataFrame
    stance: pd.Series
    stances: pd.DataFrame
    errors: pd.DataFrame
    misread: pd.DataFrame
    unclear: pd.Series
    attribution: pd.DataFrame
    denials: pd.Series
    intervals: pd.DataFrame


def evaluate_articles(
    machine: pd.DataFrame,
    curated: pd.DataFrame,
    texts: dict[str, str],
    codebook: Codebook | None = None,
    article_ids: list[str] | None = None,
) -> Evaluation:
    """Scores, stance agreement, error table, misread claims, unclear claims, attribution table,
    denials and score intervals on ``article_ids`` (all by default), so that each test set is
    reported on its own."""
    if article_ids is not None:
        machine = machine[machine["article_id"].isin(article_ids)]
        curated = curated[curated["article_id"].isin(article_ids)]
    return Evaluation(
        scores_by_category(machine, curated),
        stance_agreement(machine, curated),
        stance_table(machine, curated),
        error_table(machine, curated, texts, codebook),
        misread_claims(machine, curated, texts),
        unclear_claims(machine, curated),
        attribution_table(machine, curated),
        denied_keys(machine, curated),
        score_intervals(machine, curated),
    )


# The targets set for articles the rules were not written from: precision and recall at least
# this high, and no misleading error (misread_claims).
TARGET_SCORE = 0.95
MISREAD_KINDS = {
    NEGATED_ASSERTED: "denied asserted",
    ATTRIBUTED_ASSERTED: "attributed given as own",
    OTHER_DRUG_ASSERTED: "other drug",
}


def meets_targets(result: Evaluation) -> bool:
    """Whether a set of articles meets the targets for unseen articles."""
    overall = result.scores.loc["overall"]
    return bool(overall["precision"] >= TARGET_SCORE and overall["recall"] >= TARGET_SCORE and result.misread.empty)


def summary_by_set(results: dict[str, Evaluation]) -> pd.DataFrame:
    """One row per test set, so that sets can be compared at a glance (few enough columns to show
    whole): overall precision and recall, stance kappa, errors, misleading errors by kind, the machine's unclear keys, and the targets' verdict."""
    rows = {}
    for name, result in results.items():
        overall = result.scores.loc["overall"]
        kinds = result.misread["kind"].value_counts()
        rows[name] = {
            "precision": overall["precision"],
            "recall": overall["recall"],
            "stance kappa": result.stance["kappa"],
            "errors": len(result.errors),
            **{label: int(kinds.get(kind, 0)) for kind, label in MISREAD_KINDS.items()},
            "unclear": int(result.unclear.sum()),
            "targets": "met" if meets_targets(result) else "not met",
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "set"
    return table


def rows_by_set(results: dict[str, Evaluation], table: str) -> pd.DataFrame:
    """One of the evaluations' tables ("errors" or "misread") for several sets, one under
    another, with the set as the first column."""
    parts = [getattr(result, table).assign(set=name) for name, result in results.items()]
    stacked = pd.concat(parts, ignore_index=True)
    return stacked[["set", *stacked.columns.drop("set")]]
