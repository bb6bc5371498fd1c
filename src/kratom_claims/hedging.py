"""How much the articles soften what they say: hedge words per 1,000 words and hedged assertions per 100."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

from .corpus import Corpus
from .text import count_words, tokens

HEDGE_WORDS = (
    "may",
    "might",
    "could",
    "possible",
    "possibly",
    "potential",
    "potentially",
    "perhaps",
    "likely",
    "suggest",
    "suggests",
    "suggested",
    "believed",
    "reportedly",
    "report",
    "reports",
    "reported",
    "appear",
    "appears",
    "seem",
    "seems",
    "touted",
)


def hedge_word_counts(corpus: Corpus, words: Iterable[str] = HEDGE_WORDS) -> pd.DataFrame:
    """How often each hedge word occurs in each article (whole words, any case): words x articles."""
    wanted = list(words)
    counts = {a: Counter(t for t in tokens(corpus.body(a)) if t in wanted) for a in corpus.ids}
    table = pd.DataFrame(
        {a: [counts[a][w] for w in wanted] for a in corpus.ids}, index=pd.Index(wanted, name="hedge word")
    )
    return table.astype("int64")


def hedge_density(corpus: Corpus, claims: pd.DataFrame) -> pd.DataFrame:
    """Per article: hedge words per 1,000 words, and hedged assertions per 100 assertions."""
    words_used = hedge_word_counts(corpus).sum(axis=0)
    asserted = claims[claims["stance"] == "asserted"]
    rows = {}
    for article_id in corpus.ids:
        own = asserted[asserted["article_id"] == article_id]
        words = count_words(corpus.body(article_id))
        rows[article_id] = {
            "words": words,
            "hedge_words": int(words_used[article_id]),
            "hedge_words_per_1000": 1000 * int(words_used[article_id]) / words,
            "assertions": len(own),
            "hedged_assertions": int(own["hedged"].sum()),
            "hedged_per_100_assertions": 100 * own["hedged"].mean() if len(own) else 0.0,
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "article_id"
    return table
