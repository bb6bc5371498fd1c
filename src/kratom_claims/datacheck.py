"""Load and check every data file the book is built from, so that a build never starts on broken data.

make book runs this first (``python -m kratom_claims check``): a broken file then stops the build
with one line naming the file and the problem, instead of a traceback deep in a notebook's output.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .claims import load_appeals, load_claims
from .codebook import load_codebook
from .corpus import load_corpus
from .doses import dose_warnings
from .evaluation_sets import check_frozen, evaluation_sets
from .evidence import load_evidence
from .layout import data_layout
from .ratings import load_discern, load_discern_items, load_jama
from .reliability import CODERS


@dataclass(frozen=True)
class CheckedData:
    """What check_data found: one line saying what was checked, and warnings about implausible values."""

    summary: str
    warnings: list[str]


def check_data(data_dir: Path | str | None = None) -> CheckedData:
    """Every data file of a data folder (the project's by default) loaded and checked; any problem raises a DataError naming its file."""
    layout = data_layout(data_dir)
    corpus = load_corpus(layout.data_dir)
    codebook = load_codebook(layout.codebook_yml)
    claims = load_claims(layout.claims_csv, corpus, codebook)
    appeals = load_appeals(layout.appeals_csv, corpus, codebook)
    for coder in CODERS:
        load_claims(layout.coded_claims_csv(coder), corpus, codebook)
        load_appeals(layout.coded_appeals_csv(coder), corpus, codebook)
        load_discern(layout.coded_discern_csv(coder), corpus.ids)
    evidence = load_evidence(layout.evidence_csv, codebook, layout.references_bib)
    load_discern_items(layout.discern_items_csv)
    discern = load_discern(layout.discern_csv, corpus.ids)
    load_jama(layout.jama_csv, corpus.ids)
    evaluation = load_corpus(layout.evaluation.data_dir)
    held_out = load_claims(layout.evaluation.claims_csv, evaluation, codebook)
    check_frozen(layout.evaluation, evaluation_sets(evaluation, layout.evaluation.articles_csv))
    summary = (
        f"data ok: {len(corpus.ids)} articles, {len(claims)} claims, {len(appeals)} appeals, "
        f"{len(evidence)} evidence rows, two codings in reliability/, "
        f"{discern['article_id'].nunique()} articles rated, {len(evaluation.ids)} evaluation articles "
        f"with {len(held_out)} claims, in {layout.data_dir}"
    )
    warnings = dose_warnings(claims, layout.claims_csv) + dose_warnings(held_out, layout.evaluation.claims_csv)
    return CheckedData(summary, warnings)
