"""Check that an article is text the book's rules can read: English, and of an article's length.

The codebook's surface forms, the extractor's cue words and the reading-grade formulas are all
English. On a Czech or German page they find almost nothing and score nonsense, silently, so
such a page is refused unless the user asks for it (``--allow-language``). Length only warns.

The detector is py3langid, whose model ships inside its wheel: it works offline, unlike
detectors that download a model on first use.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .errors import CorpusError
from .limits import LONG_ARTICLE_WORDS, SHORT_ARTICLE_WORDS
from .text import WORD, count_words

ENGLISH = "en"
# Below these the detector's guess is noise ("left over" reads as Dutch, with probability 0.29):
# a text is judged only from MIN_WORDS_TO_JUDGE words, and refused only on a confident guess.
MIN_WORDS_TO_JUDGE = 20
MIN_PROBABILITY = 0.9
# Loading the detector's model takes 1.5 to 2 seconds, a third of `report`'s budget. Ordinary
# English prose has about one word in four among these ten, which no other language uses as
# words (German and Czech texts have almost none), so a text with one in ten is English without
# asking the model; any other text goes to the detector.
ENGLISH_MARKERS = frozenset({"the", "and", "of", "is", "with", "that", "for", "this", "are", "it"})
MIN_MARKER_SHARE = 0.1
ALLOW_OPTION = "--allow-language"


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """The text's most likely language (an ISO 639-1 code such as ``en`` or ``cs``) and its probability."""
    code, probability = _identifier().classify(text)
    return code, float(probability)


def plainly_english(words: list[str]) -> bool:
    """Whether at least one word in ten is one of English's commonest words, which other languages do not use."""
    return sum(word in ENGLISH_MARKERS for word in words) >= MIN_MARKER_SHARE * len(words)


def check_english(text: str, path: Path | str) -> None:
    """Refuse a text that reads, confidently, as another language, saying why and how to analyse it anyway."""
    words = [word.lower() for word in WORD.findall(text)]
    if len(words) < MIN_WORDS_TO_JUDGE or plainly_english(words):
        return
    code, probability = detect_language(text)
    if code != ENGLISH and probability >= MIN_PROBABILITY:
        raise CorpusError(
            path,
            f"the text reads as language '{code}' (ISO 639-1, probability {probability:.2f}), not English; "
            "the codebook's words and the reading-grade formulas are English, so its claims and grades would be "
            f"wrong; add {ALLOW_OPTION} to analyse it anyway",
        )


def length_warnings(text: str, path: Path | str) -> list[str]:
    """One line if the text is shorter or longer than an article usually is; none otherwise."""
    words = count_words(text)
    if words < SHORT_ARTICLE_WORDS:
        return [f"{path}: only {words} words (under {SHORT_ARTICLE_WORDS}); is this the whole article?"]
    if words > LONG_ARTICLE_WORDS:
        return [
            f"{path}: {words:,} words (over {LONG_ARTICLE_WORDS:,}); is this one article, not a whole thread or site?"
        ]
    return []
