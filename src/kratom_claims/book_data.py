"""Everything a chapter needs, loaded and checked in one call, so every notebook starts the same way."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .claims import load_claims
from .codebook import Codebook, load_codebook
from .corpus import Corpus, load_corpus
from .ids import short_labels


@dataclass(frozen=True)
class BookData:
    corpus: Corpus
    codebook: Codebook
    claims: pd.DataFrame

    @property
    def ids(self) -> list[str]:
        return self.corpus.ids

    @property
    def short(self) -> dict[str, str]:
        return short_labels(self.corpus.ids)


def load_book_data() -> BookData:
    corpus = load_corpus()
    codebook = load_codebook()
    return BookData(corpus, codebook, load_claims(corpus=corpus, codebook=codebook))
