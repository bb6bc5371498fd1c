"""Every claim row and evidence row that the prose names exists, and quoted words are in that row.

Discussion questions and exercises point readers at claim rows such as 003-025 ("without the
addictive risks"); if the claim table is re-coded, those pointers must not silently go stale.
"""

import json
import re

import pandas as pd
import pytest

from kratom_claims.layout import project_layout

PROJECT = project_layout()
PROJECT_ROOT = PROJECT.project_root

CLAIM_WITH_WORDS = re.compile(r"\b(\d{3}-\d{3}) \(\"([^\"]+)\"\)")
CLAIM_ID = re.compile(r"(?<![\d-])(\d{3}-\d{3})(?![\d-])")
EVIDENCE_ID = re.compile(r"\bE(\d{2})\b")


def prose_sources() -> dict[str, str]:
    sources = {
        str(p.relative_to(PROJECT_ROOT)): p.read_text(encoding="utf-8") for p in (PROJECT_ROOT / "book").glob("*.md")
    }
    for path in (PROJECT_ROOT / "notebooks").glob("*.ipynb"):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        sources[str(path.relative_to(PROJECT_ROOT))] = "\n".join(
            "".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown"
        )
    return sources


@pytest.fixture(scope="module")
def quotes() -> dict[str, str]:
    claims = pd.read_csv(PROJECT.claims_csv, dtype=str, keep_default_na=False)
    return dict(zip(claims["claim_id"], claims["quote"], strict=True))


def normalised(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).lower()


def test_prose_finds_the_claim_and_evidence_ids_it_checks():
    text = "\n".join(prose_sources().values())
    assert CLAIM_WITH_WORDS.search(text) and EVIDENCE_ID.search(text)


def test_every_claim_id_in_the_prose_exists(quotes):
    missing = [
        f"{name}: {claim_id}"
        for name, text in prose_sources().items()
        for claim_id in CLAIM_ID.findall(text)
        if claim_id not in quotes
    ]
    assert missing == []


def test_words_quoted_beside_a_claim_id_are_in_that_claim(quotes):
    wrong = [
        f"{name}: {claim_id} ({words!r})"
        for name, text in prose_sources().items()
        for claim_id, words in CLAIM_WITH_WORDS.findall(text)
        if claim_id in quotes and normalised(words.rstrip(".…")) not in normalised(quotes[claim_id])
    ]
    assert wrong == []


def test_every_evidence_id_in_the_prose_exists():
    known = set(pd.read_csv(PROJECT.evidence_csv, dtype=str)["evidence_id"])
    missing = [
        f"{name}: E{n}"
        for name, text in prose_sources().items()
        for n in EVIDENCE_ID.findall(text)
        if f"E{n}" not in known
    ]
    assert missing == []
