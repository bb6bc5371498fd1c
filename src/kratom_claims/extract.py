"""Find claims about kratom in article text, using the codebook's words and a few cue rules.

Hand coding five articles does not scale to the hundreds a reader may want to check, so the
extractor proposes claim rows in the same shape as data/claims.csv, to be compared with the
curated table (evaluate.py) and reviewed by a person. It is rule-based on purpose: every row can
be traced to a matched surface form and the cue words around it.

How a sentence is read:
- surface forms (every label and synonym) are found with one Aho-Corasick automaton over the
  lower-cased text; only whole-word matches are kept, and where matches overlap the longest wins;
- the subject of a match is the nearest drug or kratom mention before it in the sentence; a claim
  whose subject is another drug is dropped, unless the drug is the contrast in an "unlike ..."
  phrase, which makes it a denial about kratom;
- a negation or a comparison with opioids ("without", "fewer", "lower risk of" ...) in the same
  clause before the match makes it denied; a hedge ("may", "users report" ...) in the sentence
  up to the end of the match's clause makes it hedged;
- a surface form shared by two categories (anxiety as relief and as harm) goes to the category
  whose cue ("cause", "side effects" / "relief", "reduce") stands nearest before it;
- dose figures in grams or milligrams become dosage rows, banded by the words before them.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from typing import NamedTuple

import ahocorasick
import pandas as pd

from .codebook import Codebook
from .text import Span, split_sentences

EXTRACT_COLUMNS = [
    "article_id", "category", "term", "stance", "hedged", "quote", "start", "end", "dose_low_g", "dose_high_g",
]

# Same-length normalisation, so that offsets in the search copy are offsets in the article.
_SAME_LENGTH = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00a0": " ", "\t": " ", "\u2010": "-", "\u2011": "-"})

_DRUG_NOUN = (
    r"(?:opioids|opiates|opioid\s+(?:drugs?|medications?|painkillers?|analgesics?)|oxycodone|morphine|heroin|"
    r"fentanyl|codeine|hydrocodone|methadone|tramadol|buprenorphine|benzodiazepines?|alcohol|nsaids?|"
    r"ibuprofen|acetaminophen|paracetamol|pharmaceuticals|painkillers|(?:pain\s+management|treatment)\s+methods|"
    r"medications|treatments|therapies|drugs)"
)
_DRUG = rf"(?:(?:synthetic|prescription|traditional|conventional|other|pharmaceutical|opioid)\s+)*{_DRUG_NOUN}"
_KRATOM = r"kratom(?:'s)?|mitragyn\w*|7-hydroxymitragynine|7-oh|alkaloids|this\s+(?:strain|plant|herb|leaf)|the\s+(?:plant|herb|leaves)"

# One scan per sentence finds every cue; the order of the alternatives settles ties at one position.
_CUES = re.compile(
    r"(?P<neutral>\bnot\s+(?:only|just|without)\b|n't\s+without\b|\bno\s+(?:doubt|wonder)\b)"
    r"|(?P<contrast>\bunlike\b|\bcompared\s+(?:to|with)\b|\bin\s+contrast\s+to\b|\bas\s+opposed\s+to\b)"
    rf"|(?P<drug>\b{_DRUG}\b)"
    rf"|(?P<kratom>\b(?:{_KRATOM})(?!\w))"
    r"|(?P<boundary>[;:()\u2013\u2014]|\s-\s|,?\s+(?:but|while|whereas|although|though|yet|however|because|since)\b"
    r"|,\s+(?:which|who)\b|,\s+(?:and|or)\s+(?=(?:it|its|they|kratom|this|these|may|might|can|could|will|is|are|has|have|also)\b)"
    r"|\s+and\s+(?=(?:may\s+|can\s+|also\s+)?(?:helps?|relieves?|reduces?|alleviates?|eases?|provides?|offers?|improves?|treats?|manages?)\b))"
    r"|(?P<negation>\b(?:not|never|no|none|without|cannot|neither|nor|fewer|milder|less|rarely|seldom|safer|"
    r"lower\s+(?:risk|rates?|incidence|chance|likelihood)\s+of|reduced\s+risk\s+of|free\s+(?:of|from)|"
    r"absence\s+of|lack\s+of)\b|n't\b)"
    r"|(?P<hedge>\b(?:may|might|could|potential(?:ly)?|possibly|perhaps|reportedly|anecdotal(?:ly)?|"
    r"(?:some\s+)?users\s+(?:report|have\s+reported|say|claim)|(?:is|are)\s+(?:believed|thought|said)|"
    r"(?:research|studies|evidence)\s+suggests?|touted|in\s+(?:some|rare)\s+(?:cases|individuals|people|users))\b)"
    r"|(?P<side>\b(?:causes?|caused|causing|lead(?:s|ing)?\s+to|results?\s+in|side\s+effects?|adverse|"
    r"risks?|trigger(?:s|ed)?|induc(?:e|es|ing)|worsen(?:s|ed)?|such\s+as)\b)"
    r"|(?P<relief>\b(?:relie(?:f|ve|ves|ved|ving)|reduc(?:e|es|ed|ing)|help(?:s|ed|ing)?|manag(?:e|es|ed|ing)|"
    r"alleviat(?:e|es|ed|ing)|eas(?:e|es|ed|ing)|suffer(?:s|ed|ing|ers)?|treat(?:s|ed|ing)?|improv(?:e|es|ed|ing)|"
    r"combat|fight|soothe)\b)"
)
_OBJECT_WORDS = frozenset("to than as like of with from over versus vs on among about".split())
_RELATIVE = re.compile(r"\s*,?\s*(?:that|which|who)\b")

_NUMBER_WORDS = {"one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0,
                 "six": 6.0, "seven": 7.0, "eight": 8.0, "nine": 9.0, "ten": 10.0}
_NUM = r"(?:\d+(?:\.\d+)?|\.\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
_UNIT = r"(?:grams?|gms?|g|milligrams?|mg)"
_DOSE_HINT = re.compile(r"\d\s*(?:g|gms?|grams?|mg|milligrams?)\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:grams?|milligrams?)\b")
_DOSE = re.compile(
    rf"(?P<lead>\bbetween\s+|\bfrom\s+|\bup\s+to\s+)?(?<![\w.])(?P<low>{_NUM})(?:\s*(?P<low_unit>{_UNIT}))?"
    rf"(?:\s*(?P<joiner>-|\u2013|\u2014|to|and)\s*(?P<high>{_NUM}))?\s*(?P<unit>{_UNIT})\b"
)
_BANDS = (
    (re.compile(r"\b(?:low|lower|small|smaller|light|beginner|starting|mild)\b"), "low_dose"),
    (re.compile(r"\b(?:moderate|medium|average|middle)\b"), "moderate_dose"),
    (re.compile(r"\b(?:high|higher|large|larger|strong|heavy)\b"), "high_dose"),
)
_BAND_WINDOW = 40
_GENERIC_BAND = "dose_range"


class Claim(NamedTuple):
    """One proposed claim row, in the column order of EXTRACT_COLUMNS."""

    article_id: str
    category: str
    term: str
    stance: str
    hedged: bool
    quote: str
    start: int
    end: int
    dose_low_g: float
    dose_high_g: float


class _Cue(NamedTuple):
    kind: str
    start: int
    end: int


def search_copy(text: str) -> str:
    """The text lower-cased, with curly quotes and odd spaces made plain, and exactly as long."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lowered.translate(_SAME_LENGTH)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


class ClaimExtractor:
    """A codebook compiled once into a matcher, then applied to any number of articles."""

    def __init__(self, codebook: Codebook):
        self.codebook = codebook
        owners: dict[str, list[tuple[str, str]]] = {}
        for row in codebook.surface_forms().itertuples(index=False):
            owners.setdefault(row.form.translate(_SAME_LENGTH), []).append((row.category, row.term))
        self._automaton = ahocorasick.Automaton()
        for form, terms in owners.items():
            self._automaton.add_word(form, (len(form), _is_word_char(form[0]), _is_word_char(form[-1]), tuple(terms)))
        if owners:
            self._automaton.make_automaton()
        self._has_forms = bool(owners)
        self._strains = {term for category, term in codebook.terms[["category", "term"]].itertuples(index=False) if category == "strain"}
        self._dosage_terms = set(codebook.terms.loc[codebook.terms["category"] == "dosage", "term"])

    def matches(self, lowered: str) -> list[tuple[int, int, tuple[tuple[str, str], ...]]]:
        """Whole-word surface-form matches (start, end, owners), leftmost-longest, in text order."""
        if not self._has_forms:
            return []
        size = len(lowered)
        found = []
        for last, (length, word_start, word_end, terms) in self._automaton.iter(lowered):
            start = last - length + 1
            if word_start and start > 0 and _is_word_char(lowered[start - 1]):
                continue
            if word_end and last + 1 < size and _is_word_char(lowered[last + 1]):
                continue
            found.append((start, last + 1, terms))
        if len(found) < 2:
            return found
        found.sort(key=lambda m: (m[0], -m[1]))
        kept = []
        reach = -1
        for match in found:
            if match[0] >= reach:
                kept.append(match)
                reach = match[1]
        return kept

    def claims(self, text: str, article_id: str) -> list[Claim]:
        """Proposed claims in text order: one per (category, term, stance), dosage rows per figures."""
        lowered = search_copy(text)
        found = self.matches(lowered)
        dose_hints = [m.start() for m in _DOSE_HINT.finditer(lowered)] if self._dosage_terms else []
        if not found and not dose_hints:
            return []
        sentences = split_sentences(text)
        starts = [s.start for s in sentences]
        by_sentence: dict[int, list] = {}
        for match in found:
            index = bisect_right(starts, match[0]) - 1
            if index >= 0 and match[1] <= sentences[index].end:
                by_sentence.setdefault(index, []).append(match)
        for position in dose_hints:
            index = bisect_right(starts, position) - 1
            if index >= 0 and position < sentences[index].end:
                by_sentence.setdefault(index, [])
        seen: set[tuple] = set()
        rows: list[Claim] = []
        for index in sorted(by_sentence):
            sentence = sentences[index]
            reading = _SentenceReading(sentence, lowered[sentence.start : sentence.end], self._strains)
            for claim in self._read_sentence(reading, by_sentence[index], article_id):
                key = claim[1:4] if claim.category != "dosage" else (claim[1:4], claim.dose_low_g, claim.dose_high_g)
                if key not in seen:
                    seen.add(key)
                    rows.append(claim)
        return rows

    def _read_sentence(self, reading: "_SentenceReading", found, article_id: str):
        sentence = reading.sentence
        figures = reading.dose_figures(self._dosage_terms) if self._dosage_terms else []
        for start, end, owners in found:
            local_start, local_end = start - sentence.start, end - sentence.start
            category, term = reading.choose_owner(owners, local_start) if len(owners) > 1 else owners[0]
            if category == "dosage" and figures:
                continue
            stance = reading.stance(local_start, local_end)
            if stance is None:
                continue
            yield Claim(article_id, category, term, stance, reading.hedged(local_end), sentence.text,
                        sentence.start, sentence.end, math.nan, math.nan)
        for term, low, high in figures:
            yield Claim(article_id, "dosage", term, "asserted", reading.hedged(len(sentence.text)), sentence.text,
                        sentence.start, sentence.end, low, high)

    def extract(self, text: str, article_id: str) -> pd.DataFrame:
        """The proposed claims of one article as a table with the columns of EXTRACT_COLUMNS."""
        return claims_table(self.claims(text, article_id))


class _SentenceReading:
    """The cues of one sentence, found once and consulted for every match in it."""

    def __init__(self, sentence: Span, lowered: str, strains: set[str]):
        self.sentence = sentence
        self.lowered = lowered
        self.cues = [_Cue(m.lastgroup, m.start(), m.end()) for m in _CUES.finditer(lowered)]
        self.strains = strains
        self.boundaries = [c for c in self.cues if c.kind == "boundary"]

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The stretch between the clause boundaries around a match."""
        begin, finish = 0, len(self.lowered)
        for cue in self.boundaries:
            if cue.end <= start:
                begin = cue.end
            elif cue.start >= end:
                finish = cue.start
                break
        return begin, finish

    def _drug_is_subject(self, cue: _Cue) -> bool:
        """A drug named after a preposition ("alternative to opioids") is compared, not described,
        unless a relative clause follows it ("therapies that offer ...")."""
        if _RELATIVE.match(self.lowered, cue.end):
            return True
        before = self.lowered[max(0, cue.start - 40) : cue.start].split()[-3:]
        return not any(word in _OBJECT_WORDS for word in before)

    def stance(self, start: int, end: int) -> str | None:
        """asserted or denied for kratom, or None when the match describes another drug."""
        for cue in self.cues:
            if cue.kind == "drug" and cue.start <= start < cue.end:
                return None
            if cue.kind == "drug" and cue.start >= end and not self.lowered[end : cue.start].strip():
                return None
        subject = None
        contrasted = False
        for cue in self.cues:
            if cue.start >= start:
                break
            if cue.kind == "kratom":
                subject, contrasted = "kratom", False
            elif cue.kind == "contrast":
                contrasted = True
            elif cue.kind == "drug":
                if contrasted:
                    subject = "contrast"
                elif self._drug_is_subject(cue):
                    subject = "drug"
        if subject == "drug":
            return None
        if subject == "contrast":
            return "denied" if self._mentions_kratom_outside(start) else None
        clause_start, _ = self.clause(start, end)
        negated = False
        for cue in self.cues:
            if cue.start >= start:
                break
            if cue.start >= clause_start:
                if cue.kind == "negation":
                    negated = True
                elif cue.kind == "neutral":
                    negated = False
        return "denied" if negated else "asserted"

    def _mentions_kratom_outside(self, start: int) -> bool:
        """After an "unlike <drug> ..." phrase, kratom (or a pronoun for it) must be the subject."""
        if any(c.kind == "kratom" and c.start > start for c in self.cues):
            return True
        return re.search(r"\b(?:it|its|it's|they|their)\b", self.lowered[start:]) is not None

    def hedged(self, end: int) -> bool:
        _, clause_end = self.clause(end, end)
        return any(c.kind == "hedge" and c.start < max(clause_end, end) for c in self.cues)

    def choose_owner(self, owners, start: int) -> tuple[str, str]:
        """For a form in two categories: the nearest side-effect or relief cue decides."""
        by_category = dict(owners)
        nearest = None
        for cue in self.cues:
            if cue.start >= start:
                if nearest is None and cue.kind in ("side", "relief"):
                    nearest = cue
                break
            if cue.kind in ("side", "relief"):
                nearest = cue
        if nearest is not None:
            wanted = "side_effect" if nearest.kind == "side" else "condition"
            if wanted in by_category:
                return wanted, by_category[wanted]
        return owners[0]

    def dose_figures(self, dosage_terms: set[str]) -> list[tuple[str, float, float]]:
        """(band term, low grams, high grams) for each dose figure in the sentence."""
        figures = []
        for match in _DOSE.finditer(self.lowered):
            low = _number(match["low"])
            high = _number(match["high"]) if match["high"] else low
            if match["joiner"] == "and" and not match["lead"]:
                continue
            if match["low_unit"] and match["high"] is None:
                continue
            scale = 0.001 if match["unit"].startswith("m") else 1.0
            low, high = sorted((low * scale, high * scale))
            if low <= 0:
                continue
            term = _band(self.lowered[max(0, match.start() - _BAND_WINDOW) : match.start()], dosage_terms)
            if term:
                figures.append((term, low, high))
        return figures


def _number(word: str) -> float:
    return _NUMBER_WORDS[word] if word in _NUMBER_WORDS else float(word)


def _band(before: str, dosage_terms: set[str]) -> str | None:
    """The band named nearest before a figure, if the codebook has it; else the generic range."""
    best, best_at = None, -1
    for pattern, term in _BANDS:
        for match in pattern.finditer(before):
            if match.start() > best_at and term in dosage_terms:
                best, best_at = term, match.start()
    if best:
        return best
    return _GENERIC_BAND if _GENERIC_BAND in dosage_terms else None


def claims_table(claims: list[Claim]) -> pd.DataFrame:
    """Claims as a typed table: hedged bool, offsets int64, doses float64 (NaN when absent)."""
    table = pd.DataFrame(claims, columns=EXTRACT_COLUMNS)
    return table.astype({"hedged": bool, "start": "int64", "end": "int64", "dose_low_g": "float64", "dose_high_g": "float64"})


def extract_claims(texts: dict[str, str], codebook: Codebook) -> pd.DataFrame:
    """Proposed claims of several articles (article id -> text), in the order given."""
    extractor = ClaimExtractor(codebook)
    rows: list[Claim] = []
    for article_id, text in texts.items():
        rows.extend(extractor.claims(text, article_id))
    return claims_table(rows)
