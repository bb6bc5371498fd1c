"""Hold the articles' claims against published evidence, and find the risks they leave out.

data/evidence.csv summarises what sources in book/references.bib show about each codebook term.
A row whose term, verdict or citation is wrong would put a false verdict beside an article's
words, so the file is checked in full and any problem stops the load naming the row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from .charts import LABEL_SIZE, TICK_SIZE, TITLE_SIZE, VALUE_SIZE
from .ids import article_label, short_label
from .codebook import Codebook, load_codebook
from .csvfile import check_columns, read_text_csv
from .errors import DataError
from .layout import project_layout

EVIDENCE_COLUMNS = [
    "evidence_id", "terms", "topic", "finding", "numbers", "strength", "finding_type",
    "verdict_for_claims", "claim_direction", "comparator", "citation_key", "confidence", "note",
]
STRENGTHS = ("none", "very_weak", "weak", "moderate", "strong")
VERDICTS = ("contradicts", "goes_beyond", "mixed", "supports", "no_evidence")
FINDING_TYPES = ("effect", "absence")
ABSENCE_VERDICTS = ("goes_beyond", "no_evidence")
DIRECTIONS = ("asserted", "denied")
CONFIDENCES = ("A", "B", "C")
NOT_FOUND = "no evidence found"
CLAIM_VERDICTS = (*VERDICTS, NOT_FOUND)
VERDICT_LABELS = {
    "contradicts": "contradicted",
    "goes_beyond": "goes beyond the evidence",
    "mixed": "mixed evidence",
    "supports": "supported",
    "no_evidence": "untested",
    NOT_FOUND: NOT_FOUND,
}
VERDICT_COLOURS = {
    "contradicted": "#B2182B",
    "goes beyond the evidence": "#EF8A62",
    "mixed evidence": "#FDDBC7",
    "supported": "#2166AC",
    "untested": "#BDBDBD",
    NOT_FOUND: "#F0F0F0",
}
BENCHMARK_TOPIC = "online information quality"

RISK_VERDICTS = ("supports", "mixed")
RISK_MIN_STRENGTH = "weak"
UMBRELLA_RISK = "side_effects"
NAMED, DENIED, BOTH, NOT_MENTIONED = "named", "denied", "named and denied", "not mentioned"
RISK_STATES = (NAMED, BOTH, DENIED, NOT_MENTIONED)

SAME_TERM = "same term asserted and denied"
HARM_DENIED = "harm denied beside dependence named"
DENIED_HARMS = {("side_effect", t) for t in ("addiction", "dependence", "side_effects")}
DEPENDENCE_HARMS = {("side_effect", t) for t in ("dependence", "withdrawal", "addiction", "tolerance", "misuse")}

TERM_KEY = re.compile(r"(?P<category>[a-z_]+):(?P<term>[a-z][a-z0-9_]*)")
BIB_ENTRY = re.compile(r"^[ \t]*@[ \t]*(?P<kind>\w+)[ \t]*\{[ \t]*(?P<key>[^,\s{}]+)[ \t]*,", re.MULTILINE)
NOT_ENTRIES = {"comment", "string", "preamble"}


class EvidenceError(DataError):
    """An evidence row names an unknown term, value or source."""


def bib_keys(path: Path | str | None = None) -> set[str]:
    """The citation keys of every entry in a BibTeX file (the project's by default), from its ``@type{key,`` lines."""
    path = project_layout().references_bib if path is None else Path(path)
    if not path.is_file():
        raise EvidenceError(path, "bibliography file is missing")
    text = path.read_text(encoding="utf-8")
    return {m["key"] for m in BIB_ENTRY.finditer(text) if m["kind"].lower() not in NOT_ENTRIES}


def term_keys(cell: str) -> tuple[str, ...]:
    """The ``category:term`` keys of a terms cell, in the order given."""
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def _choice_problem(row: dict, column: str, allowed: Iterable[str]) -> str | None:
    allowed = tuple(allowed)
    if row[column] not in allowed:
        return f"{column} {row[column]!r} must be one of {', '.join(allowed)}"
    return None


def _row_problem(row: dict, codebook: Codebook, keys: set[str]) -> str | None:
    """The first thing wrong with one evidence row, or None."""
    found = term_keys(row["terms"])
    if not found:
        return "terms is empty; give at least one category:term"
    for key in found:
        shape = TERM_KEY.fullmatch(key)
        if not shape:
            return f"term {key!r} is not written as category:term"
        if not codebook.has(shape["category"], shape["term"]):
            return f"term {key!r} is not in the codebook"
    for column in ("topic", "finding"):
        if not row[column].strip():
            return f"{column} is empty"
    for column, allowed in (
        ("strength", STRENGTHS),
        ("finding_type", FINDING_TYPES),
        ("verdict_for_claims", VERDICTS),
        ("claim_direction", DIRECTIONS),
        ("confidence", CONFIDENCES),
    ):
        problem = _choice_problem(row, column, allowed)
        if problem:
            return problem
    if row["finding_type"] == "absence" and row["verdict_for_claims"] not in ABSENCE_VERDICTS:
        return (
            f"verdict_for_claims {row['verdict_for_claims']!r} on an absence of evidence; a finding that no study "
            f"shows something can only make a claim {' or '.join(ABSENCE_VERDICTS)}"
        )
    comparators = set(codebook.comparators["id"])
    if row["comparator"] and row["comparator"] not in comparators:
        return f"comparator {row['comparator']!r} is not in the codebook's comparators ({', '.join(sorted(comparators))})"
    if row["citation_key"] not in keys:
        return f"citation_key {row['citation_key']!r} is not an entry of the bibliography"
    return None


def validate_evidence(table: pd.DataFrame, codebook: Codebook, keys: set[str], source) -> pd.DataFrame:
    """The evidence rows with a ``term_keys`` tuple column, or an EvidenceError naming ``source`` and the row."""
    source = Path(source)
    check_columns(table, EVIDENCE_COLUMNS, EvidenceError, source, ordered=False)
    table = table[EVIDENCE_COLUMNS].astype(str)
    seen: dict[str, int] = {}
    for index, row in enumerate(table.to_dict("records")):
        line = index + 2
        evidence_id = row["evidence_id"].strip()
        if not evidence_id:
            raise EvidenceError(source, f"row {line} has no evidence_id")
        if evidence_id in seen:
            raise EvidenceError(source, f"evidence_id {evidence_id!r} is used twice (rows {seen[evidence_id]} and {line})")
        seen[evidence_id] = line
        problem = _row_problem(row, codebook, keys)
        if problem:
            raise EvidenceError(source, f"row {line} ({evidence_id}): {problem}")
    checked = table.reset_index(drop=True)
    checked["term_keys"] = checked["terms"].map(term_keys)
    return checked


def load_evidence(
    path: Path | str | None = None, codebook: Codebook | None = None, bib_path: Path | str | None = None
) -> pd.DataFrame:
    """The evidence rows at ``path``, each term in the codebook and each source in the bibliography (the project's by default)."""
    path = project_layout().evidence_csv if path is None else Path(path)
    table = read_text_csv(path, EvidenceError, "evidence")
    codebook = load_codebook() if codebook is None else codebook
    return validate_evidence(table, codebook, bib_keys(bib_path), path)


def is_benchmark(evidence: pd.DataFrame) -> pd.Series:
    """Rows that rate other websites' information quality: benchmarks for chapter 10, not verdicts on claims."""
    return evidence["topic"].str.startswith(BENCHMARK_TOPIC)


def evidence_terms(evidence: pd.DataFrame) -> pd.DataFrame:
    """One row per evidence row and term it bears on, benchmarks left out."""
    rows = [
        {"evidence_id": row.evidence_id, "category": key.split(":")[0], "term": key.split(":")[1]}
        for row in evidence[~is_benchmark(evidence)].itertuples(index=False)
        for key in row.term_keys
    ]
    return pd.DataFrame(rows, columns=["evidence_id", "category", "term"])


def _strongest(strengths: Iterable[str]) -> str:
    return max(strengths, key=STRENGTHS.index, default="")


def combine_verdicts(rows: pd.DataFrame) -> tuple[str, str, tuple[str, ...]]:
    """One verdict for a claim from the evidence rows that apply to it.

    Rule: the most serious verdict wins, in the order contradicts, goes_beyond, mixed, supports,
    no_evidence; no rows at all gives "no evidence found". Absence-of-evidence rows never carry
    "contradicts" or "supports" (validate_evidence refuses them), so they can only lower a verdict
    to "goes beyond" or leave a claim untested. The strength reported is the strongest
    among the rows carrying the winning verdict, and the citations are theirs, in file order.
    """
    present = [v for v in VERDICTS if (rows["verdict_for_claims"] == v).any()]
    if not present:
        return NOT_FOUND, "", ()
    deciding = rows[rows["verdict_for_claims"] == present[0]]
    return present[0], _strongest(deciding["strength"]), tuple(dict.fromkeys(deciding["citation_key"]))


def evidence_for_claims(claims: pd.DataFrame, evidence: pd.DataFrame) -> pd.DataFrame:
    """Every claim with the evidence that bears on it and one combined verdict, indexed by claim_id.

    An evidence row applies to a claim when it lists the claim's (category, term), its
    claim_direction equals the claim's stance (a finding about "kratom causes X" is not a verdict
    on "kratom does not cause X"), and its comparator equals the claim's: a comparative claim
    ("fewer side effects than opioids") is judged only by evidence that compares with the same
    treatment, and a plain claim never by comparative evidence. Benchmark rows never apply.
    """
    links = evidence_terms(evidence).merge(
        evidence.drop(columns=["terms", "term_keys"]), on="evidence_id", how="left"
    )
    by_key = {key: group for key, group in links.groupby(["category", "term", "claim_direction", "comparator"])}
    empty = links.iloc[0:0]
    rows = []
    for claim in claims.itertuples(index=False):
        found = by_key.get((claim.category, claim.term, claim.stance, claim.comparator), empty)
        verdict, strength, citations = combine_verdicts(found)
        rows.append(
            {
                "claim_id": claim.claim_id,
                "article_id": claim.article_id,
                "category": claim.category,
                "term": claim.term,
                "stance": claim.stance,
                "hedged": bool(claim.hedged),
                "comparator": claim.comparator,
                "quote": claim.quote,
                "evidence_ids": tuple(found["evidence_id"]),
                "verdict": verdict,
                "strength": strength,
                "citations": citations,
            }
        )
    columns = ["claim_id", "article_id", "category", "term", "stance", "hedged", "comparator", "quote",
               "evidence_ids", "verdict", "strength", "citations"]
    return pd.DataFrame(rows, columns=columns).set_index("claim_id")


def verdict_counts(matched: pd.DataFrame, article_ids: Iterable[str]) -> pd.DataFrame:
    """Claims per article by combined verdict; every verdict is a column, so absent ones show as 0."""
    counts = matched.groupby(["article_id", "verdict"]).size().unstack(fill_value=0)
    counts = counts.reindex(index=list(article_ids), columns=list(CLAIM_VERDICTS), fill_value=0)
    counts.index.name, counts.columns.name = "article_id", "verdict"
    return counts.astype("int64")


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
            "strength": pd.Series({t: _strongest(r.strength for r in rs) for t, rs in risks.items()}, dtype=object),
            "citations": pd.Series({t: tuple(dict.fromkeys(r.citation_key for r in rs)) for t, rs in risks.items()}, dtype=object),
        },
        columns=["evidence_ids", "strength", "citations"],
    )
    order = sorted(table.index, key=lambda t: (-STRENGTHS.index(table.loc[t, "strength"]), t))
    table = table.loc[order]
    table.index.name = "term"
    return table


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
                    key, {"denied": {}, "asserted": {}, "rules": set(),
                          "denied_quote": denied.quote, "asserted_quote": asserted.quote}
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
    columns = ["article_id", "rule", "denied_claims", "denied_terms", "denied_quote",
               "asserted_claims", "asserted_terms", "asserted_quote", "denied_start", "asserted_start"]
    return pd.DataFrame(rows, columns=columns)


STATE_COLOURS = {NAMED: "#0072B2", BOTH: "#E69F00", DENIED: "#D55E00", NOT_MENTIONED: "#F2F2F2"}
STATE_MARKS = {NAMED: "named", BOTH: "both", DENIED: "denied", NOT_MENTIONED: "–"}


def risk_chart(matrix: pd.DataFrame, labels: dict[str, str] | None = None,
               title: str = "Documented risks each article names") -> Figure:
    """The risk-omission matrix as a grid: each cell coloured and written out by state."""
    rows, columns = list(matrix.index), [article_label(c, labels) for c in matrix.columns]
    fig = plt.figure(figsize=(3.0 + 1.0 * len(columns) + 0.06 * max(map(len, rows), default=0),
                              max(3.0, 1.8 + 0.4 * len(rows))), layout="constrained")
    ax = fig.add_subplot()
    for i, row in enumerate(rows):
        for j, state in enumerate(matrix.loc[row]):
            ax.add_patch(plt.Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor=STATE_COLOURS[state], edgecolor="white"))
            ink = "black" if state in (NOT_MENTIONED, BOTH) else "white"
            ax.text(j, i, STATE_MARKS[state], ha="center", va="center", fontsize=VALUE_SIZE, color=ink)
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
    handles = [Patch(facecolor=STATE_COLOURS[s], edgecolor="#999999", label=s) for s in RISK_STATES]
    ax.legend(handles=handles, fontsize=TICK_SIZE, loc="upper left", bbox_to_anchor=(1.01, 1))
    return fig


def claim_verdict_rows(matched: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """The claims-against-evidence table as a reader sees it: labels, readable verdicts, keys joined."""
    return pd.DataFrame(
        {
            "article": matched["article_id"].map(short_label),
            "category": matched["category"],
            "term": [codebook.term_label(c, t) for c, t in zip(matched["category"], matched["term"])],
            "stance": matched["stance"] + matched["hedged"].map({True: " (hedged)", False: ""})
            + matched["comparator"].map(lambda c: f", compared with {c.replace('_', ' ')}" if c else ""),
            "verdict": matched["verdict"].map(VERDICT_LABELS),
            "strength": matched["strength"].str.replace("_", " "),
            "evidence": matched["evidence_ids"].map(", ".join),
            "citations": matched["citations"].map(", ".join),
            "quote": matched["quote"],
        },
        index=matched.index,
    )


def evidence_on(evidence: pd.DataFrame, keys: Iterable[str], direction: str | None = None) -> pd.DataFrame:
    """Evidence rows (benchmarks left out) that list any of the ``category:term`` keys, optionally for one direction."""
    wanted = set(keys)
    chosen = evidence[~is_benchmark(evidence) & evidence["term_keys"].map(lambda found: bool(wanted & set(found)))]
    if direction is not None:
        chosen = chosen[chosen["claim_direction"] == direction]
    return chosen[["evidence_id", "topic", "finding", "numbers", "strength", "verdict_for_claims", "claim_direction", "citation_key"]].set_index("evidence_id")
