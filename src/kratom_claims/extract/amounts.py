"""Dose figures in a sentence ("1-2 grams", "between 3 and 5 g", "500 mg") and the band of each.

A figure becomes a dosage row, banded by the word before it (low, moderate, high); without
such a word it is the generic dose range. (The warnings about implausible doses in the claim
table are another matter, in kratom_claims.doses.)
"""

from __future__ import annotations

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
_NUM = r"(?:\d+(?:\.\d+)?|\.\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
UNITS = ("g", "gm", "gms", "gram", "grams", "mg", "milligram", "milligrams")
_UNIT = r"(?:grams?|gms?|g|milligrams?|mg)"  # every one of UNITS
# A figure opens a word with a digit, a point, a number word or a lead ("between"); saying so
# first lets the engine leave every other position of a sentence after one test.
_OPENS = r"\d." + "".join(sorted({word[0] for word in ("between", "from", "up", *NUMBER_WORDS)}))
DOSE = re.compile(
    rf"(?<!\w)(?=[{_OPENS}])"
    rf"(?P<lead>\bbetween\s+|\bfrom\s+|\bup\s+to\s+)?(?<![\w.])(?P<low>{_NUM})(?:\s*(?P<low_unit>{_UNIT}))?"
    rf"(?:\s*(?P<joiner>-|to|and)\s*(?P<high>{_NUM}))?\s*(?P<unit>{_UNIT})\b"
)
# The words that name a dose band, each band a group named for its term.
BAND = re.compile(
    r"\b(?:(?P<low_dose>low|lower|small|smaller|light|beginners?|starting|mild)"
    r"|(?P<moderate_dose>moderate|medium|average|middle)"
    r"|(?P<high_dose>high|higher|large|larger|strong|heavy))\b"
)
BAND_WINDOW = 40
# The most characters from the "g" of a unit to its end: "gram|s|".
G_TO_UNIT_END = max(len(unit) - unit.rindex("g") for unit in UNITS)


def dose_figures(sentence: str, bands: set[str]) -> list[tuple[str, float, float]]:
    """(band term, low grams, high grams) for each dose figure in a lower-cased sentence.

    A single figure gives the same low and high; "up to 5 grams" gives 5 and 5, as claims.csv
    wants both bounds and the quote keeps the "up to". Every unit has a "g", so no figure ends
    more than G_TO_UNIT_END characters after the last "g": the search stops there, one character
    on for the word boundary that closes a figure."""
    last_g = sentence.rfind("g")
    if last_g < 0:
        return []
    figures = []
    for match in DOSE.finditer(sentence, 0, last_g + G_TO_UNIT_END + 1):
        grams = _grams(match)
        if grams is None or grams[0] <= 0:
            continue
        term = _band(sentence[max(0, match.start() - BAND_WINDOW) : match.start()], bands)
        if term:
            figures.append((term, *grams))
    return figures


def _grams(match: re.Match) -> tuple[float, float] | None:
    """A figure's low and high bound in grams; None for what only looks like a figure: "3 and
    5 grams" without a "between", "3 g" followed by a bare number."""
    lead, low, low_unit, joiner, high, unit = match.groups()
    if (joiner == "and" and not lead) or (low_unit and high is None):
        return None
    scale = 0.001 if unit.startswith("m") else 1.0
    low_grams = _number(low) * scale
    high_grams = _number(high) * scale if high else low_grams
    return min(low_grams, high_grams), max(low_grams, high_grams)


def _number(word: str) -> float:
    return NUMBER_WORDS[word] if word in NUMBER_WORDS else float(word)


def _band(before: str, bands: set[str]) -> str | None:
    """The band named nearest before a figure, if the codebook has it; else the generic range."""
    best = None
    for match in BAND.finditer(before):
        if match.lastgroup in bands:
            best = match.lastgroup
    if best:
        return best
    return GENERIC_BAND if GENERIC_BAND in bands else None
