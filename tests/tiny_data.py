"""The helpers the tests share: tiny stand-ins for the project's data written to a folder, and a snapshot of a folder's files."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import yaml

from kratom_claims.claims import CLAIM_COLUMNS, write_claims
from kratom_claims.lock import LOCK_NAME
from kratom_claims.text import count_words, remove_residue

ARTICLES = {
    "000_aaaa": "Kratom eases chronic pain for many users.\nTake 2 to 4 grams. Kratom eases chronic pain.\n",
    "001_bbbb": "Kratom may cause nausea. It does not cure anxiety.\n",
    "002_cccc": "An article that makes no claims at all.\n",
}
NEW_TEXT = "Kratom may ease chronic pain.\nIt can cause nausea.\n"

CODEBOOK = {
    "categories": {
        "condition": {
            "label": "Conditions",
            "definition": "What an article claims kratom relieves.",
            "terms": [
                {"id": "pain", "label": "Pain", "definition": "Any pain.", "synonyms": ["aches"]},
                {
                    "id": "chronic_pain",
                    "label": "Chronic pain",
                    "definition": "Pain lasting three months or more.",
                    "parent": "pain",
                    "synonyms": ["chronic pain", "Persistent   Pain"],
                },
                {"id": "anxiety", "label": "Anxiety", "definition": "Worry said to be relieved.", "synonyms": []},
            ],
        },
        "strain": {
            "label": "Strains",
            "definition": "Kinds of kratom named by vein colour.",
            "terms": [{"id": "red_vein", "label": "Red vein", "definition": "Red-veined leaf.", "synonyms": ["red"]}],
        },
        "side_effect": {
            "label": "Side effects",
            "definition": "Harms an article says kratom causes.",
            "terms": [
                {"id": "nausea", "label": "Nausea", "definition": "Feeling sick.", "synonyms": ["queasiness"]},
                {"id": "anxiety", "label": "Anxiety", "definition": "Worry said to be caused.", "synonyms": []},
            ],
        },
        "dosage": {
            "label": "Dosage",
            "definition": "Amounts an article recommends.",
            "terms": [{"id": "dose_range", "label": "Dose range", "definition": "A range in grams.", "synonyms": []}],
        },
        "mechanism": {
            "label": "Mechanisms",
            "definition": "How kratom is said to work.",
            "terms": [
                {
                    "id": "opioid_receptors",
                    "label": "Opioid receptors",
                    "definition": "Binding to them.",
                    "synonyms": [],
                }
            ],
        },
        "advice": {
            "label": "Advice",
            "definition": "What readers are told to do.",
            "terms": [
                {
                    "id": "consult_doctor",
                    "label": "Consult a doctor",
                    "definition": "Ask a doctor first.",
                    "synonyms": [],
                }
            ],
        },
        "persuasion": {
            "label": "Persuasion appeals",
            "definition": "How an article tries to win the reader over.",
            "terms": [
                {
                    "id": "natural",
                    "label": "Appeal to nature",
                    "definition": "Good because natural.",
                    "synonyms": ["herbal"],
                }
            ],
        },
    },
    "comparators": {"opioids": {"label": "Opioids", "definition": "Opioid painkillers."}},
    "attributions": {"users": {"label": "Users", "definition": "People who take kratom."}},
}


def write_corpus(data_dir, articles: dict[str, str | bytes], residue: dict[str, list[str]] | None = None):
    """Article files, residue.yml and an articles.csv whose words and sha256 match, as load_corpus demands."""
    residue = residue or {}
    (data_dir / "articles").mkdir(parents=True)
    rows = ["article_id,title,published_on,words,sha256,residue_note"]
    for article_id, text in articles.items():
        raw = text if isinstance(text, bytes) else text.encode("utf-8")
        (data_dir / "articles" / f"{article_id}.txt").write_bytes(raw)
        body = remove_residue(raw.decode("utf-8", errors="replace"), residue.get(article_id, []))
        rows.append(f"{article_id},Title {article_id},unknown,{count_words(body)},{hashlib.sha256(raw).hexdigest()},")
    (data_dir / "articles.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    if residue:
        (data_dir / "residue.yml").write_text(yaml.safe_dump(residue), encoding="utf-8")
    return data_dir


def claim(
    claim_id, article_id, category, term, quote, stance="asserted", hedged="false", note="", doses=("", ""), bound=""
):
    """A claims.csv row as text, its offsets found in the tiny article it quotes."""
    text = ARTICLES.get(article_id, NEW_TEXT)
    start = text.index(quote)
    return dict(
        zip(
            CLAIM_COLUMNS,
            [
                claim_id,
                article_id,
                category,
                term,
                stance,
                hedged,
                "",
                "",
                quote,
                str(start),
                str(start + len(quote)),
                note,
                *doses,
                bound,
            ],
            strict=True,
        )
    )


EXISTING_CLAIMS = [
    claim("000-001", "000_aaaa", "condition", "chronic_pain", "Kratom eases chronic pain for many users."),
    claim("001-001", "001_bbbb", "side_effect", "nausea", "Kratom may cause nausea.", hedged="true"),
]


def write_data_dir(data_dir: Path, articles=None, claims=None) -> Path:
    """A complete tiny data folder: articles with their metadata, codebook.yml and claims.csv."""
    write_corpus(data_dir, dict(ARTICLES if articles is None else articles))
    (data_dir / "codebook.yml").write_text(yaml.safe_dump(CODEBOOK, sort_keys=False), encoding="utf-8")
    write_claims(
        pd.DataFrame(EXISTING_CLAIMS if claims is None else claims, columns=CLAIM_COLUMNS), data_dir / "claims.csv"
    )
    return data_dir


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder, hidden temporary files included, with its bytes; not the data folder's empty lock file."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != LOCK_NAME
    }
