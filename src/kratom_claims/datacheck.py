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
from .evidence import load_evidence
from .quality import load_discern, load_discern_items, load_jama


@dataclass(frozen=True)
class CheckedData:
    """What check_data found: one line saying what was checked, and warnings about implausible values."""

    summary: str
    warnings: list[str]


def check_data(data_dir: Path | str) -> CheckedData:
    """Every data file loaded and checked; any problem raises a DataError naming its file."""
    data_dir = Path(data_dir)
    corpus = load_corpus(data_dir)
    codebook = load_codebook(data_dir / "codebook.yml")
    claims = load_claims(data_dir / "claims.csv", corpus, codebook)
    appeals = load_appeals(data_dir / "appeals.csv", corpus, codebook)
    reliability = data_dir / "reliability"
    for coder in ("coder1", "coder2"):
        load_claims(reliability / f"claims_{coder}.csv", corpus, codebook)
        load_appeals(reliability / f"appeals_{coder}.csv", corpus, codebook)
        load_discern(reliability / f"discern_{coder}.csv", corpus.ids)
    evidence = load_evidence(data_dir / "evidence.csv", codebook)
    load_discern_items(data_dir / "quality" / "discern_items.csv")
    discern = load_discern(data_dir / "quality" / "discern.csv", corpus.ids)
    load_jama(data_dir / "quality" / "jama.csv", corpus.ids)
    evaluation = load_corpus(data_dir / "evaluation")
    held_out = load_claims(data_dir / "evaluation" / "claims.csv", evaluation, codebook)
    summary = (
        f"data ok: {len(corpus.ids)} articles, {len(claims)} claims, {len(appeals)} appeals, "
        f"{len(evidence)} evidence rows, two codings in reliability/, "
        f"{discern['article_id'].nunique()} articles rated, {len(evaluation.ids)} evaluation articles "
        f"with {len(held_out)} claims, in {data_dir}"
    )
    warnings = dose_warnings(claims, data_dir / "claims.csv") + dose_warnings(held_out, data_dir / "evaluation" / "claims.csv")
    return CheckedData(summary, warnings)
