"""Signs that an article may be machine-written: marker words and phrases, and paragraphs that open alike."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

from .corpus import Corpus
from .text import BULLET, count_words, headings, running_text, tokens

# Words and phrases often noticed in machine-generated marketing text, in the forms counted. The
# list is this book's choice, not a validated instrument: a hit is a sign, never proof.
MACHINE_MARKERS = (
    "delve",
    "delves",
    "delved",
    "delving",
    "multifaceted",
    "intricacies",
    "nuance",
    "nuances",
    "nuanced",
    "elucidate",
    "elucidates",
    "elucidated",
    "elucidating",
    "realm",
    "realms",
    "unlock",
    "unlocks",
    "unlocked",
    "unlocking",
    "harness",
    "harnesses",
    "harnessed",
    "harnessing",
    "navigate",
    "navigates",
    "navigated",
    "navigating",
    "it's crucial",
    "it is crucial",
    "it's essential",
    "it is essential",
)
OPENING_WORDS = 5


def _phrase_count(tokens: list[str], phrase: tuple[str, ...]) -> int:
    size = len(phrase)
    return sum(1 for i in range(len(tokens) - size + 1) if tuple(tokens[i : i + size]) == phrase)


def marker_hits(text: str, markers: Iterable[str] = MACHINE_MARKERS) -> Counter:
    """How often each marker occurs in the text: whole words, any case, a phrase word by word.

    Curly apostrophes count as straight ones, so "it’s crucial" is "it's crucial". Markers that do
    not occur are left out of the Counter.
    """
    words = tokens(text)
    hits = Counter()
    for marker in markers:
        found = _phrase_count(words, tuple(tokens(marker)))
        if found:
            hits[marker] = found
    return hits


def paragraphs(text: str) -> list[str]:
    """Running paragraphs: non-blank lines that are neither headings nor bulleted list items."""
    titles = set(headings(text))
    found = []
    for raw in text.split("\n"):
        bullet = BULLET.match(raw)
        line = raw.strip()
        if line and not (bullet and bullet.group(0).strip()) and line not in titles:
            found.append(line)
    return found


def repeated_openings(text: str, n: int = OPENING_WORDS) -> dict[str, int]:
    """Openings of ``n`` words that start two or more paragraphs, with how many, in order of first use.

    Words are compared lower-cased, punctuation aside; a paragraph shorter than ``n`` words has no opening.
    """
    if n < 1:
        raise ValueError(f"an opening needs at least 1 word, not {n}")
    openings = Counter()
    for paragraph in paragraphs(text):
        words = tokens(paragraph)
        if len(words) >= n:
            openings[" ".join(words[:n])] += 1
    return {opening: count for opening, count in openings.items() if count > 1}


def machine_text_signs(
    corpus: Corpus, markers: Iterable[str] = MACHINE_MARKERS, n: int = OPENING_WORDS
) -> pd.DataFrame:
    """Per article: marker words and phrases (count and per 1,000 words) and repeated paragraph openings.

    Markers are counted in the running text (headings and the lines that repeat them left out),
    so a list of contents does not count a heading's words twice; words are counted in the same text.
    ``paragraphs_repeating`` counts the paragraphs that share an opening with an earlier one.
    """
    wanted = list(markers)
    rows = {}
    for article_id in corpus.ids:
        body = corpus.body(article_id)
        running = running_text(body)
        words = count_words(running)
        hits = marker_hits(running, wanted)
        openings = repeated_openings(body, n)
        rows[article_id] = {
            "words": words,
            "marker_hits": sum(hits.values()),
            "markers_per_1000_words": 1000 * sum(hits.values()) / words if words else 0.0,
            "distinct_markers": len(hits),
            "repeated_openings": len(openings),
            "paragraphs_repeating": sum(count - 1 for count in openings.values()),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "article_id"
    return table


def machine_sign_details(
    corpus: Corpus, markers: Iterable[str] = MACHINE_MARKERS, n: int = OPENING_WORDS
) -> pd.DataFrame:
    """The hits behind ``machine_text_signs``: each marker found, and each repeated opening with the number of paragraphs it starts."""
    wanted = list(markers)
    rows = []
    for article_id in corpus.ids:
        body = corpus.body(article_id)
        for marker, count in marker_hits(running_text(body), wanted).items():
            rows.append({"article_id": article_id, "kind": "marker", "text": marker, "count": count})
        for opening, count in repeated_openings(body, n).items():
            rows.append({"article_id": article_id, "kind": "repeated opening", "text": opening, "count": count})
    return pd.DataFrame(rows, columns=["article_id", "kind", "text", "count"])
