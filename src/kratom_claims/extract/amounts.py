"""Dose figures in a sentence ("1-2 grams", "500 mg to 1 g", "more than 25 grams") and the band of each.

A figure becomes a dosage row, banded by the word before it (low, moderate, high); without
such a word it is the generic dose range. Each row says how its figures bound the dose: a
range, a point, or an open end ("up to 5 g" is at most 5 g, "over 8 g" at least 8 g), the
bound types of claims.csv. Amounts that are not doses (a tea recipe's leaves, a package's
size, a price) give no row. (The warnings about implausible doses in the claim table are
another matter, in kratom_claims.doses.)
"""

from __future__ import annotations

import math
import re

GENERIC_BAND = "dose_range"
NUMBER_WORDS = {
    "one": 1.0,
    "two": 2.0,
    "three": 3.0,
    "four": 4.0,
    "five": 5.0,
    "six": 6.0,
    "seven": 7.0,
    "eight": 8.0,
    "nine": 9.0,
    "ten": 10.0,
}
# A decimal point or a decimal comma ("2,5 g", as written in much of Europe).
_NUM = r"(?:\d+(?:[.,]\d+)?|\.\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
UNITS = ("g", "gm", "gms", "gram", "grams", "mg", "milligram", "milligrams")
_UNIT = r"(?:grams?|gms?|g|milligrams?|mg)"  # every one of UNITS
# Words before a single figure that leave one end of the dose open, by the end they give.
AT_LEAST = ("more than", "over", "above", "at least", "in excess of", "greater than", "exceeding", "upwards of")
AT_MOST = ("up to", "less than", "under", "below", "no more than", "not more than", "at most", "a maximum of", "max")
# A figure opens a word with a digit, a point, a number word or a lead ("between"); saying so
# first lets the engine leave every other position of a sentence after one test.
_OPENS = r"\d." + "".join(sorted({word[0] for word in ("between", "from", *NUMBER_WORDS)}))
DOSE = re.compile(
    rf"(?<!\w)(?=[{_OPENS}])"
    rf"(?P<lead>\bbetween\s+|\bfrom\s+)?(?<![\w.,])(?P<low>{_NUM})(?:\s*(?P<low_unit>{_UNIT})\b)?"
    rf"(?:\s*(?P<joiner>-|to|and)\s*(?P<high>{_NUM}))?\s*(?P<unit>{_UNIT})\b"
)
# The threshold words that may stand right before a single figure, read backwards from it (so
# that the figure pattern need not try them at every word).
THRESHOLD_BEFORE = re.compile(
    "(?:^|\\W)(?P<threshold>"
    + "|".join(re.escape(lead).replace(r"\ ", r"\s+") for lead in sorted((*AT_LEAST, *AT_MOST), key=len, reverse=True))
    + ")\\s+$"
)
THRESHOLD_REACH = max(len(lead) for lead in (*AT_LEAST, *AT_MOST)) + 3
# The last word of every threshold: a figure after any other word needs no pattern search.
THRESHOLD_ENDS = frozenset(lead.rsplit(None, 1)[-1] for lead in (*AT_LEAST, *AT_MOST))
# What makes an amount something other than a dose: a container right after it ("a 250 g
# bag"), a price anywhere in the sentence, or a recipe that boils leaves in a volume of water.
CONTAINER_AFTER = re.compile(r"\s*(?:bags?|packs?|packages?|packets?|pouch(?:es)?|jars?|tins?|tubs?|bottles?|kilos?)\b")
PRICE_WORD = re.compile(r"\b(?:prices?|priced|costs?|usd|eur)\b")
RECIPE_VERBS = ("boil", "simmer", "steep", "brew")
VOLUMES = ("litre", "liter", "quart", "gallon", " pot")
# The words that name a dose band, each band a group named for its term.
BAND = re.compile(
    r"\b(?:(?P<low_dose>low|lower|small|smaller|light|beginners?|starting|mild)"
    r"|(?P<moderate_dose>moderate|medium|average|middle)"
    r"|(?P<high_dose>high|higher|large|larger|strong|heavy))\b"
)
BAND_WINDOW = 40
# How far either side of its figures a price or a recipe is looked for: a long sentence is not
# scanned end to end for words that, that far off, are seldom about the figure.
CONTEXT_WINDOW = 80
# The most characters from the "g" of a unit to its end: "gram|s|".
G_TO_UNIT_END = max(len(unit) - unit.rindex("g") for unit in UNITS)

# A figure: (band term, low grams, high grams, bound type); the open end of a bound is NaN.
Figure = tuple[str, float, float, str]


def dose_figures(sentence: str, bands: set[str]) -> list[Figure]:
    """The dose figures in a lower-cased sentence, banded; none where its amounts are not doses.

    Every unit has a "g", so no figure ends more than G_TO_UNIT_END characters after the last
    "g": the search stops there, one character on for the word boundary that closes a figure."""
    last_g = sentence.rfind("g")
    if last_g < 0:
        return []
    figures, first, last = [], len(sentence), 0
    for match in DOSE.finditer(sentence, 0, last_g + G_TO_UNIT_END + 1):
        grams = dose_bounds(match, sentence)
        if grams is None or CONTAINER_AFTER.match(sentence, match.end()):
            continue
        term = _band(sentence[max(0, match.start() - BAND_WINDOW) : match.start()], bands)
        if term:
            figures.append((term, *grams))
            first, last = min(first, match.start()), match.end()
    if figures and not_doses(sentence[max(0, first - CONTEXT_WINDOW) : last + CONTEXT_WINDOW]):
        return []
    return figures


def has_amounts(sentence: str) -> bool:
    """Whether a lower-cased sentence gives an amount in figures, a dose or not: its unit words
    ("grams") then belong to the amount, not to a claim of their own."""
    return DOSE.search(sentence) is not None or not_doses(sentence)


def not_doses(sentence: str) -> bool:
    """Whether the amounts in a lower-cased sentence are prices or a recipe, not doses.

    Plain substring tests settle nearly every sentence; only a likely price word is confirmed
    as a whole word ("costs", not "accosted")."""
    if "$" in sentence or "\u20ac" in sentence or "\u00a3" in sentence:
        return True
    if ("pric" in sentence or "cost" in sentence or "usd" in sentence or "eur" in sentence) and PRICE_WORD.search(
        sentence
    ):
        return True
    return any(verb in sentence for verb in RECIPE_VERBS) and any(volume in sentence for volume in VOLUMES)


def dose_bounds(match: re.Match, sentence: str) -> tuple[float, float, str] | None:
    """A figure's low and high bound in grams and its bound type; None for what only looks like
    a figure ("3 and 5 grams" without a "between"; "3 g" followed by a bare number) or reads
    backwards ("5-2 g"), since swapping its ends would be a guess.

    Each end keeps its own unit: "500 mg to 1 g" is 0.5 to 1 g."""
    lead, low, low_unit, joiner, high, unit = match.groups()
    if (joiner == "and" and not lead) or (low_unit and high is None):
        return None
    low_grams = _number(low) * _scale(low_unit or unit)
    if high is None:
        start = match.start()
        words = sentence[max(0, start - THRESHOLD_REACH) : start].split()
        threshold = (
            words and words[-1] in THRESHOLD_ENDS and THRESHOLD_BEFORE.search(sentence, start - THRESHOLD_REACH, start)
        )
        return _single(" ".join(threshold["threshold"].split()) if threshold else "", low_grams)
    high_grams = _number(high) * _scale(unit)
    if low_grams <= 0 or low_grams >= high_grams:
        return None
    return low_grams, high_grams, "range"


def _single(lead: str, grams: float) -> tuple[float, float, str] | None:
    """One figure: a point, or an open-ended bound if a threshold word leads it."""
    if grams <= 0:
        return None
    if lead in AT_LEAST:
        return grams, math.nan, "at_least"
    if lead in AT_MOST:
        return math.nan, grams, "at_most"
    return grams, grams, "point"


def _scale(unit: str) -> float:
    return 0.001 if unit.startswith("m") else 1.0


def _number(word: str) -> float:
    """A number as written: a number word, a decimal point, or a decimal comma ("2,5"). A comma
    before three digits after a whole number separates thousands instead ("1,000 mg")."""
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if "," not in word:
        return float(word)
    whole, _, fraction = word.partition(",")
    if len(fraction) == 3 and whole != "0":
        return float(whole + fraction)
    return float(f"{whole}.{fraction}")


def _band(before: str, bands: set[str]) -> str | None:
    """The band named nearest before a figure, if the codebook has it; else the generic range."""
    best = None
    for match in BAND.finditer(before):
        if match.lastgroup in bands:
            best = match.lastgroup
    if best:
        return best
    return GENERIC_BAND if GENERIC_BAND in bands else None
