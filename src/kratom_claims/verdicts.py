"""Match every claim with the evidence on it, and combine that evidence into one verdict by the rule stated here."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .claims import CLAIM_COLUMNS
from .codebook import Codebook
from .evidence import VERDICTS, evidence_terms, strongest
from .summaries import claim_labels

NOT_FOUND = "no evidence found"
CLAIM_VERDICTS = (*VERDICTS, NOT_FOUND)
MATCHED_COLUMNS = [
    *CLAIM_COLUMNS[: CLAIM_COLUMNS.index("attributed_to")],
    "quote",
    "evidence_ids",
    "verdict",
    "strength",
    "citations",
]
VERDICT_LABELS = {
    "contradicts": "contradicted",
    "goes_beyond": "goes beyond the evidence",
    "mixed": "mixed evidence",
    "supports": "supported",
    "no_evidence": "untested",
    NOT_FOUND: NOT_FOUND,
}


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
    return present[0], strongest(deciding["strength"]), tuple(dict.fromkeys(deciding["citation_key"]))


def evidence_for_claims(claims: pd.DataFrame, evidence: pd.DataFrame) -> pd.DataFrame:
    """Every claim with the evidence that bears on it and one combined verdict, indexed by claim_id.

    An evidence row applies to a claim when it lists the claim's (category, term), its
    claim_direction equals the claim's stance (a finding about "kratom causes X" is not a verdict
    on "kratom does not cause X"), and its comparator equals the claim's: a comparative claim
    ("fewer side effects than opioids") is judged only by evidence that compares with the same
    treatment, and a plain claim never by comparative evidence. Benchmark rows never apply.
    """
    links = evidence_terms(evidence).merge(evidence.drop(columns=["terms", "term_keys"]), on="evidence_id", how="left")
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
    return pd.DataFrame(rows, columns=MATCHED_COLUMNS).set_index("claim_id")


def verdict_counts(matched: pd.DataFrame, article_ids: Iterable[str]) -> pd.DataFrame:
    """Claims per article by combined verdict; every verdict is a column, so absent ones show as 0."""
    counts = matched.groupby(["article_id", "verdict"]).size().unstack(fill_value=0)
    counts = counts.reindex(index=list(article_ids), columns=list(CLAIM_VERDICTS), fill_value=0)
    counts.index.name, counts.columns.name = "article_id", "verdict"
    return counts.astype("int64")


def claim_verdict_rows(matched: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """The claims-against-evidence table as a reader sees it: labels, readable verdicts, keys joined."""
    details = pd.DataFrame(
        {
            "stance": matched["stance"]
            + matched["hedged"].map({True: " (hedged)", False: ""})
            + matched["comparator"].map(lambda c: f", compared with {c.replace('_', ' ')}" if c else ""),
            "verdict": matched["verdict"].map(VERDICT_LABELS),
            "strength": matched["strength"].str.replace("_", " "),
            "evidence": matched["evidence_ids"].map(", ".join),
            "citations": matched["citations"].map(", ".join),
            "quote": matched["quote"],
        },
        index=matched.index,
    )
    return claim_labels(matched, codebook).join(details)


def claims_against_opioids(matched: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The claims behind "gentler than opioids, not addictive", split as the evidence judges them.

    "compared": side-effect claims of degree against another treatment (judged only by comparative
    evidence); "outright": side-effect denials with no comparator; "alternative": claims that
    kratom is an alternative to opioids or conventional treatment.
    """
    side = matched["category"] == "side_effect"
    compared = matched["comparator"] != ""
    return {
        "compared": matched[side & compared],
        "outright": matched[side & ~compared & (matched["stance"] == "denied")],
        "alternative": matched[(matched["category"] == "advice") & (matched["term"] == "alternative_treatment")],
    }
