"""Which documented risks each article names, denies or leaves out, and where an article contradicts itself about harm."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .codebook import Codebook
from .evidence import STRENGTHS, is_benchmark, strongest

RISK_VERDICTS = ("supports", "mixed")
RISK_MIN_STRENGTH = "weak"
UMBRELLA_RISK = "side_effects"
NAMED, DENIED, BOTH, NOT_MENTIONED = "named", "denied", "named and denied", "not mentioned"
RISK_STATES = (NAMED, BOTH, DENIED, NOT_MENTIONED)

SAME_TERM = "same term asserted and denied"
HARM_DENIED = "harm denied beside dependence named"
DENIED_HARMS = {("side_effect", t) for t in ("addiction", "dependence", "side_effects")}
DEPENDENCE_HARMS = {("side_effect", t) for t in ("dependence", "withdrawal", "addiction", "tolerance", "misuse")}


def documented_risks(evidence: pd.DataFrame) -> pd.DataFrame:
    """Side effects the evidence documents as real risks, strongest evidence first.

    Rule: a side_effect term is a documented risk when at least one non-benchmark evidence row
    lists it with claim_direction "asserted", verdict "supports" or "mixed" (the harm is shown
    to occur, even if how often or how surely kratom causes it is unsettled), and strength
    "weak" or stronger. Rows that contradict the harm, or only note its absence, do not count,
    nor does the umbrella term "side_effects", which names no particular harm.
    """
    floor = STRENGTHS.index(RISK_MIN_STRENGTH)
    chosen = evidence[
        ~is_benchmark(evidence)
        & (evidence["claim_direction"] == "asserted")
        & evidence["verdict_for_claims"].isin(RISK_VERDICTS)
        & evidence["strength"].map(STRENGTHS.index).ge(floor)
    ]
    risks: dict[str, list] = {}
    for row in chosen.itertuples(index=False):
        for key in row.term_keys:
            category, term = key.split(":")
            if category == "side_effect" and term != UMBRELLA_RISK:
                risks.setdefault(term, []).append(row)
    table = pd.DataFrame(
        {
            "evidence_ids": pd.Series({t: tuple(r.evidence_id for r in rs) for t, rs in risks.items()}, dtype=object),
            "strength": pd.Series({t: strongest(r.strength for r in rs) for t, rs in risks.items()}, dtype=object),
            "citations": pd.Series(
                {t: tuple(dict.fromkeys(r.citation_key for r in rs)) for t, rs in risks.items()}, dtype=object
            ),
        },
        columns=["evidence_ids", "strength", "citations"],
    )
    order = sorted(table.index, key=lambda t: (-STRENGTHS.index(table.loc[t, "strength"]), t))
    table = table.loc[order]
    table.index.name = "term"
    return table


def risk_sources(risks: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """The documented risks as a reader sees them: label, strongest evidence, evidence rows, citations."""
    return pd.DataFrame(
        {
            "risk": [codebook.term_label("side_effect", t) for t in risks.index],
            "strongest evidence": risks["strength"].str.replace("_", " ").to_numpy(),
            "evidence": risks["evidence_ids"].map(", ".join).to_numpy(),
            "citations": risks["citations"].map(", ".join).to_numpy(),
        }
    ).set_index("risk")


def _risk_state(stances: set[str]) -> str:
    if {"asserted", "denied"} <= stances:
        return BOTH
    if "asserted" in stances:
        return NAMED
    if "denied" in stances:
        return DENIED
    return NOT_MENTIONED


def risk_omission_matrix(
    claims: pd.DataFrame, evidence: pd.DataFrame, article_ids: Iterable[str], codebook: Codebook
) -> pd.DataFrame:
    """Documented risks (rows, by label) x articles: named, denied, named and denied, or not mentioned.

    A risk counts as named only where the article asserts that exact side_effect term, hedged or
    not; a general warning about "side effects" names none of them.
    """
    ids = list(article_ids)
    risks = documented_risks(evidence)
    side = claims[claims["category"] == "side_effect"]
    stances = side.groupby(["term", "article_id"])["stance"].agg(set).to_dict()
    cells = [[_risk_state(stances.get((term, article), set())) for article in ids] for term in risks.index]
    labels = [codebook.term_label("side_effect", term) for term in risks.index]
    return pd.DataFrame(
        cells,
        index=pd.Index(labels, name="documented risk", dtype=object),
        columns=pd.Index(ids, name="article", dtype=object),
        dtype=object,
    )


def risk_tally(matrix: pd.DataFrame) -> pd.DataFrame:
    """Per article, how many documented risks it names, names and denies, denies, or leaves out."""
    tally = pd.DataFrame({state: (matrix == state).sum(axis=0) for state in RISK_STATES})
    tally.columns.name = "risk"
    return tally.astype("int64")


def _overlap(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def _pair_rule(denied, asserted) -> str | None:
    denied_key, asserted_key = (denied.category, denied.term), (asserted.category, asserted.term)
    if denied_key == asserted_key:
        return SAME_TERM
    if denied_key in DENIED_HARMS and asserted_key in DEPENDENCE_HARMS:
        return HARM_DENIED
    return None


def internal_contradictions(claims: pd.DataFrame) -> pd.DataFrame:
    """Places where one article denies what it asserts elsewhere, both quotes side by side.

    A pair is a denial and an assertion in one article that either name the same (category,
    term), or where the denial is of addiction, dependence or side effects and the assertion
    names dependence, withdrawal, addiction, tolerance or misuse. Quotes that overlap (one
    sentence weighing a harm against a benefit) are not counted, nor are comparisons ("fewer side
    effects than opioids"), which grant the harm rather than deny it. Claims sharing the same two
    quotes are merged into one row; the start offsets say which of the two comes first.
    """
    groups: dict[tuple, dict] = {}
    for article_id, rows in claims.groupby("article_id", sort=True):
        denials = rows[(rows["stance"] == "denied") & (rows["comparator"] == "")].itertuples(index=False)
        assertions = list(rows[rows["stance"] == "asserted"].itertuples(index=False))
        for denied in denials:
            for asserted in assertions:
                rule = _pair_rule(denied, asserted)
                if rule is None or _overlap(denied, asserted):
                    continue
                key = (article_id, denied.start, denied.end, asserted.start, asserted.end)
                group = groups.setdefault(
                    key,
                    {
                        "denied": {},
                        "asserted": {},
                        "rules": set(),
                        "denied_quote": denied.quote,
                        "asserted_quote": asserted.quote,
                    },
                )
                group["denied"][denied.claim_id] = denied.term
                group["asserted"][asserted.claim_id] = asserted.term
                group["rules"].add(rule)
    rows = []
    for key in sorted(groups):
        group = groups[key]
        rows.append(
            {
                "article_id": key[0],
                "rule": "; ".join(r for r in (SAME_TERM, HARM_DENIED) if r in group["rules"]),
                "denied_claims": tuple(sorted(group["denied"])),
                "denied_terms": ", ".join(dict.fromkeys(group["denied"][c] for c in sorted(group["denied"]))),
                "denied_quote": group["denied_quote"],
                "asserted_claims": tuple(sorted(group["asserted"])),
                "asserted_terms": ", ".join(dict.fromkeys(group["asserted"][c] for c in sorted(group["asserted"]))),
                "asserted_quote": group["asserted_quote"],
                "denied_start": key[1],
                "asserted_start": key[3],
            }
        )
    columns = [
        "article_id",
        "rule",
        "denied_claims",
        "denied_terms",
        "denied_quote",
        "asserted_claims",
        "asserted_terms",
        "asserted_quote",
        "denied_start",
        "asserted_start",
    ]
    return pd.DataFrame(rows, columns=columns)
