"""Propose claim rows from article text, using the codebook's words and a few cue-word rules.

Hand coding does not scale beyond a handful of articles, so the extractor proposes rows in the
shape of data/claims.csv, to be scored against the curated table (evaluate.py) and reviewed by a
person. It is rule-based on purpose: every row traces back to a matched surface form and the
cue words around it.

The steps, one module each:
- copies: the lower-cased copy that patterns read, and the word copy that the automaton reads;
- cues: the cue phrases (negation, hedges, drugs, ...) and the patterns built from them;
- lexicon: surface forms and cue phrases compiled into one Aho-Corasick automaton;
- scan: the hits in an article, its sentence cuts and clause marks;
- sentence: reading each sentence's hits, left to right, into claims (the rules are there);
- amounts: dose figures ("1-2 grams") and their band;
- table: claim rows and the typed table;
- extractor: ClaimExtractor, which runs the steps on each article.
"""

from .amounts import dose_figures
from .copies import search_copy, word_copy
from .cues import mentions_other_drug
from .extractor import ClaimExtractor, extract_claims
from .scan import punctuation, trimmed
from .table import EXTRACT_COLUMNS, Claim, claims_table

__all__ = [
    "EXTRACT_COLUMNS",
    "Claim",
    "ClaimExtractor",
    "claims_table",
    "dose_figures",
    "extract_claims",
    "mentions_other_drug",
    "punctuation",
    "search_copy",
    "trimmed",
    "word_copy",
]
