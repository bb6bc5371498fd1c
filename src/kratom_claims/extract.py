"""Propose claim rows from article text, using the codebook's words and a few cue-word rules.

Hand coding does not scale beyond a handful of articles, so the extractor proposes rows in the
shape of data/claims.csv, to be scored against the curated table (evaluate.py) and reviewed by a
person. It is rule-based on purpose: every row traces back to a matched surface form and the
cue words around it.

Finding: one Aho-Corasick automaton holds every surface form and cue phrase and reads the article
once, in a copy where everything that is not part of a word is a space, so every hit is a whole
word; one regular-expression pass finds sentence ends and clause marks (";", brackets, dashes).
Where hits of one layer (forms, cues, clause boundaries) overlap, the leftmost and then the
longest wins.

Reading: the hits of each sentence are read left to right, once.
- The subject is the nearest kratom or drug mention so far. A form said of another drug
  ("oxycodone causes constipation") is dropped, unless the drug is set against kratom ("unlike
  opioids that can lead to addiction, kratom ..."), which makes it a denial about kratom.
- A negation ("not", "never") earlier in the clause denies the form; "without" denies harms
  only, and comparisons ("fewer", "milder", "lower risk of") harms a few words on, since
  "less pain" is relief, not a denial of pain.
- A hedge ("may", "users report", "research suggests") earlier in the sentence or later in the
  same clause marks the claim hedged; plain "can" does not.
- A form two categories share (anxiety relieved, anxiety caused) takes the category of the
  nearest cue before it ("cause", "side effects" against "relief", "reduce").
- "chronic or acute pain" names chronic pain as well as acute pain.
- Dose figures ("1-2 grams", "between 3 and 5 g", "500 mg") become dosage rows, banded by the
  word before them (low, moderate, high); a dose band followed by a harm ("high doses can lead
  to nausea") is the claim that effects depend on the dose.
"""

from __future__ import annotations

import math
import re
import string
from bisect import bisect_left, bisect_right
from itertools import product
from typing import NamedTuple

import ahocorasick
import pandas as pd

from .codebook import Codebook
from .text import BULLET, SENTENCE_END

EXTRACT_COLUMNS = [
    "article_id", "category", "term", "stance", "hedged", "quote", "start", "end", "dose_low_g", "dose_high_g",
]

# --- cue phrases, matched as whole words in the lower-cased text -----------------------------

NEUTRAL = ("not only", "not just", "not without", "n't without", "no doubt", "no wonder", "no more", "no longer")
CONTRAST = ("unlike", "compared to", "compared with", "in contrast to", "as opposed to")
DRUG_NOUNS = (
    "opioids", "opiates", "opioid drugs", "opioid medications", "opioid medication", "opioid painkillers",
    "opioid analgesics", "oxycodone", "morphine", "heroin", "fentanyl", "codeine", "hydrocodone", "methadone",
    "tramadol", "buprenorphine", "benzodiazepines", "alcohol", "nsaids", "ibuprofen", "acetaminophen",
    "paracetamol", "pharmaceuticals", "painkillers", "pain medication", "pain medications",
    "pain management methods", "treatment methods", "medications", "treatments", "therapies", "drugs",
)
DRUG_MODIFIERS = ("synthetic", "prescription", "traditional", "conventional", "other", "pharmaceutical", "opioid")
KRATOM = (
    "kratom", "kratom's", "mitragynine", "mitragyna", "7-hydroxymitragynine", "7-oh", "alkaloids",
    "this strain", "this plant", "this herb", "this leaf", "the plant", "the herb", "the leaves",
)
NEGATION = ("not", "never", "no", "none", "cannot", "neither", "nor", "rarely", "seldom")
COMPARISON = (
    "fewer", "milder", "less", "safer", "lower risk of", "lower rate of", "lower rates of", "lower incidence of",
    "lower chance of", "lower likelihood of", "reduced risk of", "free of", "free from", "absence of", "lack of",
    "maintain", "maintains", "maintaining", "preserving", "retaining",
)
HEDGE = (
    "may", "might", "could", "potential", "potentially", "possibly", "perhaps", "reportedly", "anecdotal",
    "anecdotally", "users report", "users have reported", "users say", "users claim", "is believed",
    "are believed", "is thought", "are thought", "research suggests", "studies suggest", "evidence suggests",
    "touted", "in some cases", "in rare cases", "in some individuals", "in some people", "in some users",
)
HARM_CUES = (
    "cause", "causes", "caused", "causing", "lead to", "leads to", "leading to", "result in", "results in",
    "side effect", "side effects", "adverse", "risk", "risks", "trigger", "triggers", "triggered", "induce",
    "induces", "inducing", "worsen", "worsens", "worsened",
)
RELIEF_VERBS = (
    "relieve", "relieves", "relieved", "relieving", "reduce", "reduces", "reduced", "reducing", "help", "helps",
    "helped", "helping", "manage", "manages", "managed", "managing", "alleviate", "alleviates", "alleviated",
    "alleviating", "ease", "eases", "eased", "easing", "treat", "treats", "treated", "treating", "improve",
    "improves", "improved", "improving", "calm", "calms", "soothe", "soothes", "combat", "fight",
)
RELIEF_CUES = (*RELIEF_VERBS, "relief", "suffer", "suffers", "suffered", "suffering", "sufferers", "provide", "provides")
DOSE_BANDS = (
    "low dose", "low doses", "lower doses", "small doses", "moderate doses", "high dose", "high doses",
    "higher doses", "large doses", "heavy doses", "excessive doses",
)
UNITS = ("g", "gm", "gms", "gram", "grams", "mg", "milligram", "milligrams")
CLAUSE_WORDS = ("but", "while", "whereas", "although", "though", "yet", "however", "because", "since")
PUNCTUATION = re.compile("[.!?\n;:()\u2013\u2014]")  # sentence ends, line breaks, clause marks; " - " apart
CLAUSE_PHRASES = (", which", ", who")
NEW_SUBJECT = ("it", "its", "they", "kratom", "this", "these", "may", "might", "can", "could", "will", "is", "are", "has", "have", "also")

# "fewer", "lower risk of", "maintaining" govern a noun phrase, so they reach only a few words on.
COMPARISON_REACH = 6
OBJECT_WORDS = frozenset("to than as like of with from over versus vs on among about".split())
RELATIVE = re.compile(r"\s*,?\s*(?:that|which|who)\b")
PRONOUN = re.compile(r"\b(?:it|its|it's|they|their)\b")
WHITESPACE = re.compile(r"\s+")
NON_ASCII = re.compile(r"[^\x00-\x7f]")
JOINERS = ("and", " or")
CLOSERS = "\"'\u201d\u2019)"
# The characters that, after a full stop and one space, start a new sentence for SENTENCE_END:
# the common case, decided without running the pattern.
OPENS_AFTER_SPACE = frozenset(c for c in map(chr, range(0x2100)) if SENTENCE_END.match(". " + c))
# Typographic characters and their plain stand-ins, one for one: plain text reads faster.
SAME_LENGTH = (
    ("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u00a0", " "), ("\u2010", "-"),
    ("\u2011", "-"), ("\u2013", "-"), ("\u2014", "-"), ("\u2026", "."), ("\u2022", "*"), ("\u00a9", " "),
)

NUMBER_WORDS = {"one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0,
                "six": 6.0, "seven": 7.0, "eight": 8.0, "nine": 9.0, "ten": 10.0}
_NUM = r"(?:\d+(?:\.\d+)?|\.\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
_UNIT = r"(?:grams?|gms?|g|milligrams?|mg)"
DOSE = re.compile(
    rf"(?P<lead>\bbetween\s+|\bfrom\s+|\bup\s+to\s+)?(?<![\w.])(?P<low>{_NUM})(?:\s*(?P<low_unit>{_UNIT}))?"
    rf"(?:\s*(?P<joiner>-|to|and)\s*(?P<high>{_NUM}))?\s*(?P<unit>{_UNIT})\b"
)
BANDS = (
    (re.compile(r"\b(?:low|lower|small|smaller|light|beginners?|starting|mild)\b"), "low_dose"),
    (re.compile(r"\b(?:moderate|medium|average|middle)\b"), "moderate_dose"),
    (re.compile(r"\b(?:high|higher|large|larger|strong|heavy)\b"), "high_dose"),
)
BAND_WINDOW = 40
GENERIC_BAND = "dose_range"
DOSE_DEPENDENT = "dose_dependent_effects"

# A hit is (start, layer, -end, kind, payload); sorted, hits at one start come boundary first,
# then cue, then form, and of overlapping hits in one layer the one to keep comes first.
BOUNDARY, CUE, FORM = 0, 1, 2

# Every character that cannot be part of a word becomes a space in the copy the automaton reads,
# and phrases are padded with spaces, so that every hit is a whole-word hit by construction.
WORD_BREAKS = {
    ord(c): " "
    for c in string.punctuation + string.whitespace + "\u2018\u2019\u201c\u201d\u00ab\u00bb\u2013\u2014\u2026\u2022\u00b7\u00a0"
    if c != "_"
}


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


new_claim = tuple.__new__  # builds a Claim without NamedTuple's Python-level __new__, in the hot loop


def search_copy(text: str) -> str:
    """The text lower-cased, with curly quotes and odd spaces made plain, and exactly as long."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    for odd, plain in SAME_LENGTH:
        if odd in lowered:
            lowered = lowered.replace(odd, plain)
    return lowered


def _drug_phrases() -> list[str]:
    phrases = list(DRUG_NOUNS)
    for first in DRUG_MODIFIERS:
        phrases += [f"{first} {noun}" for noun in DRUG_NOUNS]
        phrases += [f"{first} {second} {noun}" for second in DRUG_MODIFIERS if second != first for noun in DRUG_NOUNS]
    return phrases


def _cue_phrases() -> dict[str, str]:
    """Every cue phrase and its kind; a phrase listed under two kinds keeps the first."""
    kinds: dict[str, str] = {}
    groups = [
        ("neutral", NEUTRAL), ("contrast", CONTRAST), ("drug", _drug_phrases()),
        ("negation", (*NEGATION, "n't")), ("without", ("without",)), ("comparison", COMPARISON), ("hedge", HEDGE),
        ("band", DOSE_BANDS), ("unit", UNITS),
    ]
    for kind, phrases in groups:
        for phrase in phrases:
            kinds.setdefault(phrase, kind)
    for digit, unit in product("0123456789", ("g", "mg", "gm")):
        kinds.setdefault(f"{digit}{unit}", "unit")
    return kinds


def _boundary_phrases() -> list[str]:
    phrases = [*CLAUSE_PHRASES, *CLAUSE_WORDS]
    phrases += [f", {conj} {word}" for conj, word in product(("and", "or"), NEW_SUBJECT)]
    phrases += [f"and {aux}{verb}" for aux, verb in product(("", "may ", "can ", "also "), RELIEF_VERBS)]
    return phrases


def _alternation(phrases) -> str:
    return "|".join(sorted(map(re.escape, phrases), key=len, reverse=True))


# Kratom mentions and harm or relief cues matter only in a few sentences (after a drug; for a
# form two categories share), so they are searched for there rather than in every sentence.
KRATOM_MENTION = re.compile(rf"\b(?:{_alternation(KRATOM)})(?!\w)")
SENSE = re.compile(rf"\b(?:(?P<harm>{_alternation(HARM_CUES)})|(?P<relief>{_alternation(RELIEF_CUES)}))\b")
OTHER_DRUG = re.compile(rf"\b(?:{_alternation(_drug_phrases())})\b")


def mentions_other_drug(text: str) -> bool:
    """Whether a passage names a drug or treatment other than kratom (opioids, painkillers ...)."""
    return OTHER_DRUG.search(search_copy(text)) is not None


def word_copy(lowered: str) -> str:
    """The text as the automaton reads it: non-word characters as spaces, one space either side.

    str.translate is fast only on ASCII text, so other characters are first stood in for by
    "?" (a non-word character), and the letters among them are put back afterwards."""
    if lowered.isascii():
        return f" {lowered.translate(WORD_BREAKS)} "
    plain = lowered.encode("ascii", "replace").decode("ascii").translate(WORD_BREAKS)
    letters = [match.start() for match in NON_ASCII.finditer(lowered) if match.group().isalnum()]
    if letters:
        pieces, begin = [], 0
        for position in letters:
            pieces += [plain[begin:position], lowered[position]]
            begin = position + 1
        pieces.append(plain[begin:])
        plain = "".join(pieces)
    return f" {plain} "


def _form_payload(owners: tuple) -> tuple:
    """What reading needs of a form: its first (category, term), whether it names a strain, all
    its owners (several when two categories share it), and its key when plainly asserted."""
    category, term = owners[0]
    return category, term, category == "strain", owners, (category, term, "asserted")


def _padded(phrase: str, glued: bool) -> tuple[str, int, int]:
    """A phrase as the automaton stores it, and whether a space was added before and after.

    A glued phrase may follow a word character directly: "n't" in "doesn't", "g" in "5g"."""
    core = phrase.translate(WORD_BREAKS)
    lead = 0 if glued or core[0] == " " else 1
    trail = 0 if core[-1] == " " else 1
    return " " * lead + core + " " * trail, lead, trail


def punctuation(text: str) -> tuple[list[int], list[int]]:
    """Where text.split_sentences would start a new sentence, and where clause marks stand
    (";", ":", brackets, dashes), found in one pass over the text.

    split_sentences applies SENTENCE_END line by line; on the whole text the pattern also fires
    where the space after a full stop runs over a line break, so such a cut is dropped (the
    line break cuts there anyway)."""
    cuts, marks = [], []
    for match in PUNCTUATION.finditer(text):
        position = match.start()
        char = text[position]
        if char == "\n":
            cuts.append(position + 1)
        elif char not in ".!?":
            marks.append(position)
        elif text[position + 1 : position + 2] == " " and text[position + 2 : position + 3] in OPENS_AFTER_SPACE:
            cuts.append(position + 1)
        elif SENTENCE_END.match(text, position):
            cut = position + 1
            if "\n" not in WHITESPACE.match(text, cut + (text[cut] in CLOSERS)).group():
                cuts.append(cut)
    return cuts, marks


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence between two cuts without its spaces, or its bullet if it opens a line."""
    piece = text[start:end]
    if start == 0 or text[start - 1] == "\n":
        lead = BULLET.match(piece)
        skip = lead.end() if lead else 0
    else:
        skip = len(piece) - len(piece.lstrip())
    return start + skip, max(start + skip, start + len(piece.rstrip()))


class ClaimExtractor:
    """A codebook compiled once into one automaton, then applied to any number of articles."""

    def __init__(self, codebook: Codebook):
        self.codebook = codebook
        owners: dict[str, list[tuple[str, str]]] = {}
        for row in codebook.surface_forms().itertuples(index=False):
            owners.setdefault(search_copy(row.form), []).append((row.category, row.term))
        self._forms = {form: tuple(terms) for form, terms in owners.items()}
        cues = _cue_phrases()
        boundaries = set(_boundary_phrases())
        roles: dict[str, tuple[int, int, dict]] = {}
        for phrase in set(self._forms) | set(cues) | boundaries:
            if not phrase.translate(WORD_BREAKS).strip():
                continue
            glued = phrase.startswith("n't") or (cues.get(phrase) == "unit" and phrase[0].isdigit())
            key, lead, trail = _padded(phrase, glued)
            _, _, by_layer = roles.setdefault(key, (len(key) - lead, trail, {}))
            if phrase in self._forms:
                known = by_layer.get(FORM, ("form", (None, None, False, (), None)))[1][3]
                by_layer[FORM] = ("form", _form_payload(known + tuple(o for o in self._forms[phrase] if o not in known)))
            if phrase in boundaries:
                by_layer[BOUNDARY] = ("boundary", None)
            if phrase in cues:
                by_layer.setdefault(CUE, (cues[phrase], None))
        self._words = ahocorasick.Automaton()
        for key, (to_start, to_end, by_layer) in roles.items():
            (layer, (kind, payload)), *more = sorted(by_layer.items())
            extra = tuple((other, other_kind, other_payload) for other, (other_kind, other_payload) in more)
            self._words.add_word(key, (to_start, to_end, layer, kind, payload, extra))
        self._words.make_automaton()
        dosage = set(codebook.terms.loc[codebook.terms["category"] == "dosage", "term"])
        self._bands = {term for term in ("low_dose", "moderate_dose", "high_dose", GENERIC_BAND) if term in dosage}
        self._dose_dependent = DOSE_DEPENDENT in dosage
        self._elided = {form.rsplit(" ", 1)[1] for form in self._forms if " " in form}
        self._payloads = {form: _form_payload(terms) for form, terms in self._forms.items()}

    def hits(self, lowered: str, marks: list[int]) -> list[tuple]:
        """Every whole-word hit as (start, layer, -end, kind, payload), overlaps not yet settled.

        ``marks`` are the clause marks punctuation() found. Sorted so that where hits of one layer
        overlap, the one to keep (the leftmost, and of those the longest) comes first. Layers:
        clause boundaries, cues, forms; overlaps are settled within a layer only, so "side
        effects" is both a form and a harm cue."""
        found = []
        append = found.append
        for last, (to_start, to_end, layer, kind, payload, extra) in self._words.iter(word_copy(lowered)):
            append((last - to_start, layer, to_end - last, kind, payload))
            if extra:
                for other, other_kind, other_payload in extra:
                    append((last - to_start, other, to_end - last, other_kind, other_payload))
        for mark in marks:
            append((mark, BOUNDARY, -mark - 1, "boundary", None))
        dash = lowered.find(" - ")
        while dash >= 0:
            append((dash, BOUNDARY, -dash - 3, "boundary", None))
            dash = lowered.find(" - ", dash + 1)
        found.sort()
        return found

    def claims(self, text: str, article_id: str) -> list[Claim]:
        """Proposed claims in text order: one per (category, term, stance); dosage rows per figures.

        The hits are read left to right in one pass; the reading state starts afresh with each
        sentence, and negation with each clause."""
        lowered = search_copy(text)
        cuts, marks = punctuation(text)
        cuts.append(len(text))
        found = self.hits(lowered, marks)
        if not found:
            return []
        before_drug = _before_drugs(lowered, [hit[0] for hit in found if hit[3] == "drug"])
        units = [hit[0] for hit in found if hit[3] == "unit"] if self._bands else []
        seen: set = set()
        rows: list[Claim] = []
        sentence = (0, -1)
        pending: list[list] = []
        clause: list[list] = []
        figures: list = []
        hedged = False
        for index, (start, layer, end, kind, payload) in enumerate(found):
            if start >= sentence[1]:
                if pending or figures:
                    self._emit(text, sentence, pending, clause, hedged, figures, seen, rows, article_id)
                cut = bisect_right(cuts, start)
                sentence = (cuts[cut - 1] if cut else 0, cuts[cut])
                figures = []
                if units and bisect_left(units, sentence[0]) < bisect_left(units, sentence[1]):
                    figures = dose_figures(lowered[sentence[0] : sentence[1]], self._bands)
                reach = [0, 0, 0]
                subject = None
                subject_end = contrast_end = -1
                contrasted = hedged = negated = without = False
                comparisons: list[int] = []
                drug_span = (-1, -1)
                clause = []
                pending = []
            end = -end
            if start < reach[layer] or end > sentence[1]:
                continue
            reach[layer] = end
            if kind == "form":
                category, term, strain, owners, asserted = payload
                if strain:
                    subject, contrasted = "kratom", False
                if (not (negated or without or comparisons) and asserted in seen and subject != "contrast"
                        and len(owners) == 1
                        and (lowered[start - 2] not in "dr" or lowered[start - 4 : start - 1] not in JOINERS)):
                    continue
                if before_drug:
                    if subject in ("drug", "contrast") and KRATOM_MENTION.search(lowered, subject_end, start):
                        subject, contrasted = "kratom", False
                    if subject == "drug" or drug_span[0] <= start < drug_span[1] or end in before_drug:
                        continue
                if subject == "contrast" and not _kratom_after(lowered, found, index, end, sentence[1]):
                    continue
                if len(owners) > 1:
                    category, term = _choose(owners, lowered, sentence, start, end)
                named = [(category, term)]
                if lowered[start - 2] in "dr" and lowered[start - 4 : start - 1] in JOINERS:
                    named[:0] = self._implied(lowered, start, end)
                for category, term in named:
                    if category == "dosage" and figures:
                        continue
                    denied = subject == "contrast" or negated or (category == "side_effect" and (
                        without or comparisons and _within_reach(lowered, comparisons, start)))
                    key = (category, term, "denied" if denied else "asserted")
                    if key not in seen:
                        seen.add(key)
                        claim = [key, False]
                        clause.append(claim)
                        pending.append(claim)
            elif kind == "boundary":
                for claim in clause:
                    claim[1] = hedged
                clause = []
                negated = without = False
                comparisons = []
            elif kind == "hedge":
                hedged = True
            elif kind == "drug":
                drug_span = (start, end)
                if contrasted and KRATOM_MENTION.search(lowered, contrast_end, start):
                    contrasted = False
                if contrasted:
                    subject, subject_end = "contrast", end
                elif _drug_is_subject(lowered, max(sentence[0], start - 40), start, end):
                    subject, subject_end = "drug", end
            elif kind == "negation":
                negated = True
            elif kind == "contrast":
                contrasted, contrast_end = True, end
            elif kind == "without":
                without = True
            elif kind == "comparison":
                comparisons.append(end)
            elif kind == "neutral":
                negated = without = False
                comparisons = []
            elif kind == "band" and self._dose_dependent and subject != "drug":
                harm = SENSE.search(lowered, end, sentence[1])
                key = ("dosage", DOSE_DEPENDENT, "asserted")
                if harm and harm["harm"] and key not in seen:
                    seen.add(key)
                    claim = [key, False]
                    clause.append(claim)
                    pending.append(claim)
        if pending or figures:
            self._emit(text, sentence, pending, clause, hedged, figures, seen, rows, article_id)
        return rows

    @staticmethod
    def _emit(text, sentence, pending, clause, hedged, figures, seen, rows, article_id) -> None:
        """Close a sentence: settle the hedging of its last clause, add its dose figures, and
        append its new claims, quoting the sentence."""
        for claim in clause:
            claim[1] = hedged
        start, end = trimmed(text, *sentence)
        quote = text[start:end]
        rows += [new_claim(Claim, (article_id, *key, hedge, quote, start, end, math.nan, math.nan)) for key, hedge in pending]
        for term, low, high in figures:
            key = ("dosage", term, "asserted", low, high)
            if key not in seen:
                seen.add(key)
                rows.append(new_claim(Claim, (article_id, "dosage", term, "asserted", hedged, quote, start, end, low, high)))

    def _implied(self, lowered: str, start: int, end: int) -> list[tuple[str, str]]:
        """The form an "X and Y pain" coordination implies: "chronic or acute pain" names chronic pain too."""
        head = lowered[start:end].rsplit(" ", 1)
        if len(head) < 2 or head[1] not in self._elided:
            return []
        joiner = lowered.rfind(" ", 0, start - 1)
        word = lowered[lowered.rfind(" ", 0, joiner) + 1 : joiner]
        implied = self._payloads.get(f"{word} {head[1]}") if word.isalpha() else None
        return [implied[:2]] if implied else []

    def extract(self, text: str, article_id: str) -> pd.DataFrame:
        """The proposed claims of one article as a table with the columns of EXTRACT_COLUMNS."""
        return claims_table(self.claims(text, article_id))


def _before_drugs(lowered: str, starts: list[int]) -> set[int]:
    """Where a word ends that stands right before a drug, only spaces between: "addictive| painkillers"."""
    ends = set()
    for start in starts:
        window = lowered[max(0, start - 8) : start]
        ends.add(start - len(window) + len(window.rstrip()))
    return ends


def _within_reach(lowered: str, comparisons: list[int], start: int) -> bool:
    """Whether a comparison ("fewer", "lower risk of") ends at most a few words before a form."""
    return any(len(lowered[cue_end:start].split()) <= COMPARISON_REACH for cue_end in comparisons)


def _drug_is_subject(lowered: str, since: int, start: int, end: int) -> bool:
    """A drug named after a preposition ("an alternative to opioids") is compared, not described,
    unless a relative clause follows it ("therapies that offer ...")."""
    if RELATIVE.match(lowered, end):
        return True
    before = lowered[since:start].split()[-3:]
    return not any(word in OBJECT_WORDS for word in before)


def _kratom_after(lowered: str, found: list, index: int, end: int, sentence_end: int) -> bool:
    """After an "unlike <drug> ..." phrase, kratom (or a pronoun for it) must take the subject."""
    for following in range(index + 1, len(found)):
        start, _, _, kind, payload = found[following]
        if start >= sentence_end:
            break
        if kind == "form" and payload[2]:
            return True
    return bool(KRATOM_MENTION.search(lowered, end, sentence_end) or PRONOUN.search(lowered, end, sentence_end))


def _choose(owners: tuple, lowered: str, sentence: tuple[int, int], start: int, end: int) -> tuple[str, str]:
    """For a form two categories share: the nearest harm or relief cue before it decides, else
    the first after it, else the codebook's first category."""
    cue = None
    for cue in SENSE.finditer(lowered, sentence[0], start):
        pass
    cue = cue or SENSE.search(lowered, end, sentence[1])
    wanted = None if cue is None else "side_effect" if cue["harm"] else "condition"
    for category, term in owners:
        if category == wanted:
            return category, term
    return owners[0]


def dose_figures(sentence: str, bands: set[str]) -> list[tuple[str, float, float]]:
    """(band term, low grams, high grams) for each dose figure in a lower-cased sentence.

    A single figure gives the same low and high; "up to 5 grams" gives 5 and 5, as claims.csv
    wants both bounds and the quote keeps the "up to"."""
    figures = []
    for match in DOSE.finditer(sentence):
        if match["joiner"] == "and" and not match["lead"]:
            continue
        if match["low_unit"] and match["high"] is None:
            continue
        low = _number(match["low"])
        high = _number(match["high"]) if match["high"] else low
        scale = 0.001 if match["unit"].startswith("m") else 1.0
        low, high = sorted((low * scale, high * scale))
        term = _band(sentence[max(0, match.start() - BAND_WINDOW) : match.start()], bands)
        if low > 0 and term:
            figures.append((term, low, high))
    return figures


def _number(word: str) -> float:
    return NUMBER_WORDS[word] if word in NUMBER_WORDS else float(word)


def _band(before: str, bands: set[str]) -> str | None:
    """The band named nearest before a figure, if the codebook has it; else the generic range."""
    best, best_at = None, -1
    for pattern, term in BANDS:
        for match in pattern.finditer(before):
            if match.start() > best_at and term in bands:
                best, best_at = term, match.start()
    if best:
        return best
    return GENERIC_BAND if GENERIC_BAND in bands else None


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
