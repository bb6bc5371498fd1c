"""Load and check data/evidence.csv: what published sources show about each codebook term, and how strongly.

A row whose term, verdict or citation is wrong would put a false verdict beside an article's
words, so the file is checked in full and any problem stops the load naming the row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .bibliography import bib_keys
from .codebook import Codebook, load_codebook
from .csvfile import check_columns, read_text_csv
from .errors import EvidenceError
from .layout import project_layout

EVIDENCE_COLUMNS = [
    "evidence_id",
    "terms",
    "topic",
    "finding",
    "numbers",
    "strength",
    "finding_type",
    "verdict_for_claims",
    "claim_direction",
    "comparator",
    "citation_key",
    "confidence",
    "note",
]
STRENGTHS = ("none", "very_weak", "weak", "moderate", "strong")
VERDICTS = ("contradicts", "goes_beyond", "mixed", "supports", "no_evidence")
FINDING_TYPES = ("effect", "absence")
ABSENCE_VERDICTS = ("goes_beyond", "no_evidence")
DIRECTIONS = ("asserted", "denied")
CONFIDENCES = ("A", "B", "C")
BENCHMARK_TOPIC = "online information quality"
TERM_KEY = re.compile(r"(?P<category>[a-z_]+):(?P<term>[a-z][a-z0-9_]*)")


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
        return (
            f"comparator {row['comparator']!r} is not in the codebook's comparators ({', '.join(sorted(comparators))})"
        )
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
            raise EvidenceError(
                source, f"evidence_id {evidence_id!r} is used twice (rows {seen[evidence_id]} and {line})"
            )
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


def strongest(strengths: Iterable[str]) -> str:
    """The strongest of some evidence strengths, or "" when there are none."""
    return max(strengths, key=STRENGTHS.index, default="")


def evidence_on(evidence: pd.DataFrame, keys: Iterable[str], direction: str | None = None) -> pd.DataFrame:
    """Evidence rows (benchmarks left out) that list any of the ``category:term`` keys, optionally for one direction."""
    wanted = set(keys)
    chosen = evidence[~is_benchmark(evidence) & evidence["term_keys"].map(lambda found: bool(wanted & set(found)))]
    if direction is not None:
        chosen = chosen[chosen["claim_direction"] == direction]
    return chosen[
        [
            "evidence_id",
            "topic",
            "finding",
            "numbers",
            "strength",
            "verdict_for_claims",
            "claim_direction",
            "citation_key",
        ]
    ].set_index("evidence_id")
