"""The extractor: an article's text in, proposed claim rows out, in four named steps."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..codebook import Codebook
from .copies import search_copy
from .lexicon import Lexicon
from .scan import find_hits, punctuation
from .sentence import Reader
from .table import Claim, Row, claim_rows, claims_table

if TYPE_CHECKING:
    import pandas as pd


class ClaimExtractor:
    """A codebook compiled once into one automaton, then applied to any number of articles."""

    def __init__(self, codebook: Codebook):
        self.codebook = codebook
        self.lexicon = Lexicon(codebook)

    def claims(self, text: str, article_id: str, row: Callable[..., Row] = Claim) -> list[Row]:
        """Proposed claims in text order: one per (category, term, stance); dosage rows per figures.
        Each row is a Claim, or what ``row`` makes of a Claim's cells (table.claim_rows)."""
        lowered = search_copy(text)
        cuts, marks = punctuation(text)
        hits, starts = find_hits(self.lexicon.automaton, lowered, marks)
        if not hits:
            return []
        reader = Reader(self.lexicon, text, lowered, hits, [*cuts, len(text)], starts)
        return claim_rows(text, article_id, reader.sentences(), row)

    def extract(self, text: str, article_id: str) -> pd.DataFrame:
        """The proposed claims of one article as a table with the columns of EXTRACT_COLUMNS."""
        return claims_table(self.claims(text, article_id))


def extract_claims(texts: dict[str, str], codebook: Codebook) -> pd.DataFrame:
    """Proposed claims of several articles (article id -> text), in the order given."""
    extractor = ClaimExtractor(codebook)
    rows: list[Claim] = []
    for article_id, text in texts.items():
        rows.extend(extractor.claims(text, article_id))
    return claims_table(rows)
