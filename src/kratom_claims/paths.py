"""Where the project's data lives, so notebooks and tests find it from any working folder."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(os.environ.get("KRATOM_CLAIMS_ROOT", Path(__file__).resolve().parents[2]))
DATA_DIR = PROJECT_ROOT / "data"
ARTICLES_DIR = DATA_DIR / "articles"
ARTICLES_CSV = DATA_DIR / "articles.csv"
RESIDUE_YML = DATA_DIR / "residue.yml"
CODEBOOK_YML = DATA_DIR / "codebook.yml"
CLAIMS_CSV = DATA_DIR / "claims.csv"
APPEALS_CSV = DATA_DIR / "appeals.csv"
BUILT_HTML_DIR = PROJECT_ROOT / "_build" / "html"
RELIABILITY_DIR = DATA_DIR / "reliability"
