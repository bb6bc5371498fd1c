"""Traces of selling in the articles: site residue, keyword repetition, repeated phrases, buying prompts, persuasion appeals."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

from .codebook import APPEAL_CATEGORY, Codebook
from .corpus import Corpus
from .text import count_words, headings, lines, running_text, split_sentences, tokens

BUYING_WORDS = (
    "buy",
    "buying",
    "purchase",
    "purchasing",
    "order",
    "ordering",
    "shop",
    "store",
    "vendor",
    "vendors",
    "supplier",
    "suppliers",
    "seller",
    "sellers",
    "price",
    "discount",
)
KEYWORD = "kratom"
REPEAT_LENGTH = 8


def repeated_phrases(text: str, length: int = REPEAT_LENGTH) -> list[str]:
    """Runs of at least ``length`` words that occur twice or more in the text, longest run kept once.

    Overlapping repeated runs at their first occurrence are merged into one phrase, so a
    repeated sentence is reported as itself rather than as many overlapping pieces.
    """
    words = tokens(text)
    starts: dict[tuple[str, ...], list[int]] = {}
    for i in range(len(words) - length + 1):
        starts.setdefault(tuple(words[i : i + length]), []).append(i)
    firsts = sorted(spots[0] for spots in starts.values() if len(spots) > 1)
    phrases, begin, end = [], None, None
    for first in firsts:
        if begin is not None and first <= end:
            end = first + length
            continue
        if begin is not None:
            phrases.append(" ".join(words[begin:end]))
        begin, end = first, first + length
    if begin is not None:
        phrases.append(" ".join(words[begin:end]))
    return phrases


def repeated_headings(text: str) -> list[str]:
    """Headings whose words stand on another line too, as when a list of contents precedes the sections."""
    every_line = Counter(span.text for span in lines(text))
    return [h for h in dict.fromkeys(headings(text)) if every_line[h.strip()] > 1]


def buying_prompts(corpus: Corpus, words: Iterable[str] = BUYING_WORDS) -> pd.DataFrame:
    """Every sentence that uses a buying word, with the words it uses."""
    wanted = set(words)
    rows = []
    for article_id in corpus.ids:
        for sentence in split_sentences(corpus.body(article_id)):
            used = [t for t in dict.fromkeys(tokens(sentence.text)) if t in wanted]
            if used:
                rows.append({"article_id": article_id, "words": ", ".join(used), "sentence": sentence.text})
    return pd.DataFrame(rows, columns=["article_id", "words", "sentence"])


def marketing_traces(corpus: Corpus) -> pd.DataFrame:
    """Per article: site residue, how densely it repeats "kratom", repeated headings and phrases, buying words.

    Repeated phrases are counted in the running text, so a list of contents is counted once,
    as repeated headings, and not again as a repeated phrase.
    """
    prompts = buying_prompts(corpus)
    rows = {}
    for article_id in corpus.ids:
        body = corpus.body(article_id)
        words = tokens(body)
        residue = corpus.residue[article_id]
        rows[article_id] = {
            "words": len(words),
            "residue_pieces": len(residue),
            "residue_words": sum(count_words(piece) for piece in residue),
            "kratom_mentions": sum(1 for t in words if t == KEYWORD or t.startswith(KEYWORD + "'")),
            "kratom_per_100_words": 0.0,
            "repeated_headings": len(repeated_headings(body)),
            "repeated_phrases": len(repeated_phrases(running_text(body))),
            "buying_sentences": int((prompts["article_id"] == article_id).sum()),
        }
        rows[article_id]["kratom_per_100_words"] = 100 * rows[article_id]["kratom_mentions"] / len(words)
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "article_id"
    return table


def residue_table(corpus: Corpus) -> pd.DataFrame:
    """Every piece of site residue cut from the articles: menus, footers, stray keywords."""
    rows = [
        {"article_id": a, "piece": piece, "words": count_words(piece)}
        for a in corpus.ids
        for piece in corpus.residue[a]
    ]
    return pd.DataFrame(rows, columns=["article_id", "piece", "words"])


def repetition_table(corpus: Corpus) -> pd.DataFrame:
    """The repeated headings and repeated phrases behind the counts in ``marketing_traces``."""
    rows = []
    for article_id in corpus.ids:
        body = corpus.body(article_id)
        rows += [{"article_id": article_id, "kind": "heading listed twice", "text": h} for h in repeated_headings(body)]
        rows += [
            {"article_id": article_id, "kind": "phrase repeated", "text": p}
            for p in repeated_phrases(running_text(body))
        ]
    return pd.DataFrame(rows, columns=["article_id", "kind", "text"])


def appeal_matrix(appeals: pd.DataFrame, codebook: Codebook, article_ids: Iterable[str]) -> pd.DataFrame:
    """Which article uses which persuasion appeal: labels (rows) x articles (columns), True where used.

    Every appeal of the codebook has a row, an unused one included, so a reader sees what no
    article does. Rows run from the appeal most articles use down; ties keep codebook order.
    Only asserted rows count: an article that rejects an appeal does not use it.
    """
    ids = list(article_ids)
    unknown = sorted(set(appeals["article_id"]) - set(ids))
    if unknown:
        raise ValueError(f"appeals come from article(s) not in article_ids: {', '.join(unknown)}")
    terms = list(codebook.terms.loc[codebook.terms["category"] == APPEAL_CATEGORY, "term"])
    used = appeals[(appeals["category"] == APPEAL_CATEGORY) & (appeals["stance"] == "asserted")]
    made = set(zip(used["term"], used["article_id"], strict=True))
    table = pd.DataFrame(
        [[(term, article) in made for article in ids] for term in terms],
        index=pd.Index([codebook.term_label(APPEAL_CATEGORY, t) for t in terms], name="appeal", dtype=object),
        columns=pd.Index(ids, name="article", dtype=object),
        dtype=bool,
    )
    order = sorted(range(len(terms)), key=lambda k: -int(table.iloc[k].sum()))
    return table.iloc[order]
