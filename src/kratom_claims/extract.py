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
from .text import BULLET, SENTENCE_MARKS, sentence_end

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
CLAUSE_PHRASES = (", which", ", who")
NEW_SUBJECT = ("it", "its", "they", "kratom", "this", "these", "may", "might", "can", "could", "will", "is", "are", "has", "have", "also")

# "fewer", "lower risk of", "maintaining" govern a noun phrase, so they reach only a few words on.
COMPARISON_REACH = 6
OBJECT_WORDS = frozenset("to than as like of with from over versus vs on among about".split())
RELATIVE = re.compile(r"\s*,?\s*(?:that|which|who)\b")
PRONOUN = re.compile(r"\b(?:it|its|it's|they|their)\b")
NON_ASCII = re.compile(r"[^\x00-\x7f]")
JOINERS = ("and", " or")
# text.BULLET, matched at a line start within the whole text.
LINE_BULLET = re.compile(BULLET.pattern, re.MULTILINE)
# Marks that end a clause (";", ":", brackets, dashes); " - " is found apart, as it takes its spaces.
CLAUSE_MARKS = ";:()\u2013\u2014"
# Typographic characters and their plain stand-ins, one for one: plain text reads faster.
SAME_LENGTH = (
    ("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u00a0", " "), ("\u2010", "-"),
    ("\u2011", "-"), ("\u2013", "-"), ("\u2014", "-"), ("\u2026", "."), ("\u2022", "*"), ("\u00a9", " "),
)

NUMBER_WORDS = {"one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0,
                "six": 6.0, "seven": 7.0, "eight": 8.0, "nine": 9.0, "ten": 10.0}
_NUM = r"(?:\d+(?:\.\d+)?|\.\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
_UNIT = r"(?:grams?|gms?|g|milligrams?|mg)"
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
# The most characters from the "g" of a unit (the UNITS that _UNIT matches) to its end: "gram|s|".
G_TO_UNIT_END = max(len(unit) - unit.rindex("g") for unit in UNITS)
GENERIC_BAND = "dose_range"
DOSE_DEPENDENT = "dose_dependent_effects"
DOSE_DEPENDENT_KEY = ("dosage", DOSE_DEPENDENT, "asserted")
NAN = math.nan

# A hit is (start, role), a role (layer, -length, kind, payload); sorted, hits at one start come
# boundary first, then cue, then form, and of overlapping hits in one layer the one to keep first.
BOUNDARY, CUE, FORM = 0, 1, 2
# The roles of a clause mark (";", "(") and of a dash with its spaces, one and three long, and of
# the end of the text, which closes the last sentence.
MARK_ROLE = (BOUNDARY, -1, "boundary", None)
DASH_ROLE = (BOUNDARY, -3, "boundary", None)
END_ROLE = (BOUNDARY, 0, "end", None)
# Kinds of hit that reading needs to know of before it reaches them: a drug right after a word
# (_before_drugs), a unit anywhere in the sentence (dose figures).
LOOKED_AHEAD = ("drug", "unit")

# Every character that cannot be part of a word becomes a space in the copy the automaton reads,
# and phrases are padded with spaces, so that every hit is a whole-word hit by construction.
WORD_BREAKS = {
    ord(c): " "
    for c in string.punctuation + string.whitespace + "\u2018\u2019\u201c\u201d\u00ab\u00bb\u2013\u2014\u2026\u2022\u00b7\u00a0"
    if c != "_"
}
# The same for ASCII bytes, as a 256-byte table: bytes.translate needs no lookups.
ASCII_WORD_BREAKS = bytes(ord(WORD_BREAKS.get(code, chr(code))) for code in range(256))


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
    """The phrases as one alternation, factored by their shared beginnings ("caus(?:e|es|ing)"),
    so that at each word the engine tries a few branches rather than every phrase. Where one
    phrase begins another, the longer is tried first."""
    tree: dict = {}
    for phrase in phrases:
        node = tree
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict) -> str:
    """The alternation below one node of _alternation's tree; an end of phrase makes it optional."""
    branches = [re.escape(char) + _branches(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


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

    The text is translated as ASCII bytes, which is fastest, so other characters are first stood
    in for by "?" (a non-word character), and the letters among them are put back afterwards."""
    plain = lowered.encode("ascii", "replace").translate(ASCII_WORD_BREAKS).decode("ascii")
    if lowered.isascii():
        return f" {plain} "
    letters = [match.start() for match in NON_ASCII.finditer(lowered) if match.group().isalnum()]
    if letters:
        pieces, begin = [], 0
        for position in letters:
            pieces += [plain[begin:position], lowered[position]]
            begin = position + 1
        pieces.append(plain[begin:])
        plain = "".join(pieces)
    return f" {plain} "


class Term(NamedTuple):
    """A term as reading needs it, its claim keys built once rather than at every hit."""

    category: str
    term: str
    asserted: tuple[str, str, str]
    denied: tuple[str, str, str]
    harm: bool  # a side effect, which "without" and comparisons deny
    dosage: bool


def _term(category: str, term: str) -> Term:
    return Term(category, term, (category, term, "asserted"), (category, term, "denied"),
                category == "side_effect", category == "dosage")


def _form_payload(owners: tuple) -> tuple:
    """What reading needs of a form: its first term, whether that names a strain, whether two
    categories share the form, and all its terms."""
    terms = tuple(_term(category, term) for category, term in owners)
    return terms[0], terms[0].category == "strain", len(terms) > 1, terms


def _padded(phrase: str, glued: bool) -> tuple[str, int, int]:
    """A phrase as the automaton stores it, and whether a space was added before and after.

    A glued phrase may follow a word character directly: "n't" in "doesn't", "g" in "5g"."""
    core = phrase.translate(WORD_BREAKS)
    lead = 0 if glued or core[0] == " " else 1
    trail = 0 if core[-1] == " " else 1
    return " " * lead + core + " " * trail, lead, trail


# text.SENTENCE_END as split_sentences applies it, line by line (the spaces after a full stop
# stay on its line), one pattern per end mark: a pattern that opens with a plain character is
# searched for much faster than one that opens with a class of characters.
SENTENCE_CUTS = {mark: sentence_end(mark, space=r"[^\S\n]") for mark in SENTENCE_MARKS}


def _positions(text: str, char: str) -> list[int]:
    """Where a character stands in the text; str.find skips to it faster than a pattern does."""
    found = []
    position = text.find(char)
    while position >= 0:
        found.append(position)
        position = text.find(char, position + 1)
    return found


def punctuation(text: str) -> tuple[list[int], list[int]]:
    """Where text.split_sentences would start a new sentence, and where clause marks stand.

    Each mark is searched for on its own, and a full stop with a pattern that opens with it, so
    that C code, not a Python loop, goes through the text."""
    starts = [position + 1 for position in _positions(text, "\n")]
    for end, pattern in SENTENCE_CUTS.items():
        if end in text:
            starts += [match.end() for match in pattern.finditer(text)]
    marks = [position for mark in CLAUSE_MARKS for position in _positions(text, mark)]
    return sorted(starts), sorted(marks)


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence between two cuts without its spaces, or its bullet if it opens a line.

    Read in place, without a copy of the sentence: most sentences have one space to skip."""
    if start == 0 or text[start - 1] == "\n":
        lead = LINE_BULLET.match(text, start, end)
        first = lead.end() if lead else start
    else:
        first = start
        while first < end and text[first].isspace():
            first += 1
    last = end
    while last > first and text[last - 1].isspace():
        last -= 1
    return first, last


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
                known = by_layer.get(FORM, ("form", ()))[1]
                by_layer[FORM] = ("form", known + tuple(o for o in self._forms[phrase] if o not in known))
            if phrase in boundaries:
                by_layer[BOUNDARY] = ("boundary", None)
            if phrase in cues:
                by_layer.setdefault(CUE, (cues[phrase], None))
        self._words = ahocorasick.Automaton()
        for key, (to_start, to_end, by_layer) in roles.items():
            if FORM in by_layer:
                by_layer[FORM] = ("form", _form_payload(by_layer[FORM][1]))
            every_role = tuple(
                (layer, to_end - to_start, kind, payload) for layer, (kind, payload) in sorted(by_layer.items())
            )
            special = len(every_role) > 1 or every_role[0][2] in LOOKED_AHEAD
            self._words.add_word(key, (to_start, every_role[0], every_role if special else None))
        self._words.make_automaton()
        dosage = set(codebook.terms.loc[codebook.terms["category"] == "dosage", "term"])
        self._bands = {term for term in ("low_dose", "moderate_dose", "high_dose", GENERIC_BAND) if term in dosage}
        self._dose_dependent = DOSE_DEPENDENT in dosage
        self._elided = {form.rsplit(" ", 1)[1] for form in self._forms if " " in form}
        self._first_terms = {form: _term(*terms[0]) for form, terms in self._forms.items()}

    def hits(self, lowered: str, marks: list[int]) -> tuple[list[tuple], dict[str, list[int]]]:
        """Every whole-word hit as (start, (layer, -length, kind, payload)), overlaps not yet
        settled, and where the hits of each LOOKED_AHEAD kind start.

        ``marks`` are the clause marks punctuation() found. Sorted so that where hits of one layer
        overlap, the one to keep (the leftmost, and of those the longest) comes first. Layers:
        clause boundaries, cues, forms; overlaps are settled within a layer only, so "side
        effects" is both a form and a harm cue. The automaton stores each phrase's role ready
        made, so a hit is a pair; a phrase with one role, not looked ahead to, takes the short
        way: that is nearly every hit."""
        found = []
        append = found.append
        starts: dict[str, list[int]] = {kind: [] for kind in LOOKED_AHEAD}
        for last, (to_start, role, every_role) in self._words.iter(word_copy(lowered)):
            if every_role is None:
                append((last - to_start, role))
                continue
            for role in every_role:
                append((last - to_start, role))
                if role[2] in starts:
                    starts[role[2]].append(last - to_start)
        found += [(mark, MARK_ROLE) for mark in marks]
        dash = lowered.find(" - ")
        while dash >= 0:
            append((dash, DASH_ROLE))
            dash = lowered.find(" - ", dash + 1)
        found.sort()
        for positions in starts.values():
            positions.sort()
        return found, starts

    def claims(self, text: str, article_id: str) -> list[Claim]:
        """Proposed claims in text order: one per (category, term, stance); dosage rows per figures.

        The hits are read left to right in one pass; the reading state starts afresh with each
        sentence, and negation with each clause."""
        lowered = search_copy(text)
        cuts, marks = punctuation(text)
        cuts.append(len(text))
        found, starts = self.hits(lowered, marks)
        if not found:
            return []
        before_drug = _before_drugs(lowered, starts["drug"])
        units = starts["unit"] if self._bands else []
        found.append((len(text), END_ROLE))
        seen: set = set()
        proposing: list[tuple] = []
        sentence_start, sentence_end = 0, -1
        pending: list[list] = []
        clause: list[list] = []
        figures: list = []
        hedged = False
        for index, (start, (layer, minus_length, kind, payload)) in enumerate(found):
            if start >= sentence_end:
                if pending or figures:
                    for claim in clause:
                        claim[1] = hedged
                    proposing.append((sentence_start, sentence_end, pending, figures, hedged))
                if kind == "end":
                    break
                cut = bisect_right(cuts, start)
                sentence_start, sentence_end = cuts[cut - 1] if cut else 0, cuts[cut]
                figures = []
                first_unit = bisect_left(units, sentence_start)
                if first_unit < len(units) and units[first_unit] < sentence_end:
                    figures = dose_figures(lowered[sentence_start:sentence_end], self._bands)
                reach = [0, 0, 0]
                subject = None
                subject_end = contrast_end = -1
                contrasted = hedged = negated = without = False
                comparisons: list[int] = []
                drug_span = (-1, -1)
                clause = []
                pending = []
            end = start - minus_length
            if start < reach[layer] or end > sentence_end:
                continue
            reach[layer] = end
            if kind == "form":
                named, strain, shared, owners = payload
                if strain:
                    subject, contrasted = "kratom", False
                joined = lowered[start - 2] in "dr" and lowered[start - 4 : start - 1] in JOINERS
                if (not (negated or without or comparisons or shared or joined) and named.asserted in seen
                        and subject != "contrast"):
                    continue
                if before_drug:
                    if subject in ("drug", "contrast") and KRATOM_MENTION.search(lowered, subject_end, start):
                        subject, contrasted = "kratom", False
                    if subject == "drug" or drug_span[0] <= start < drug_span[1] or end in before_drug:
                        continue
                if subject == "contrast" and not _kratom_after(lowered, found, index, end, sentence_end):
                    continue
                terms = (_choose(owners, lowered, sentence_start, sentence_end, start, end),) if shared else owners
                if joined:
                    terms = self._implied(lowered, start, end) + terms
                for term in terms:
                    if figures and term.dosage:
                        continue
                    if subject == "contrast" or negated or (term.harm and (
                            without or comparisons and _within_reach(lowered, comparisons, start))):
                        key = term.denied
                    else:
                        key = term.asserted
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
                elif _drug_is_subject(lowered, max(sentence_start, start - 40), start, end):
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
                harm = SENSE.search(lowered, end, sentence_end)
                if harm and harm["harm"] and DOSE_DEPENDENT_KEY not in seen:
                    seen.add(DOSE_DEPENDENT_KEY)
                    claim = [DOSE_DEPENDENT_KEY, False]
                    clause.append(claim)
                    pending.append(claim)
        return _rows(text, article_id, proposing)

    def _implied(self, lowered: str, start: int, end: int) -> tuple[Term, ...]:
        """The term an "X and Y pain" coordination implies: "chronic or acute pain" names chronic pain too."""
        last_space = lowered.rfind(" ", start, end)
        if last_space < 0:
            return ()
        head = lowered[last_space + 1 : end]
        if head not in self._elided:
            return ()
        joiner = lowered.rfind(" ", 0, start - 1)
        word = lowered[lowered.rfind(" ", 0, joiner) + 1 : joiner]
        implied = self._first_terms.get(f"{word} {head}") if word.isalpha() else None
        return (implied,) if implied else ()

    def extract(self, text: str, article_id: str) -> pd.DataFrame:
        """The proposed claims of one article as a table with the columns of EXTRACT_COLUMNS."""
        return claims_table(self.claims(text, article_id))


def _rows(text: str, article_id: str, proposing: list[tuple]) -> list[Claim]:
    """The claims of the sentences that propose any, each quoting its sentence: its new
    (category, term, stance) keys, then its dose figures not given before in the article.

    ``proposing`` holds (sentence start, sentence end, [[key, hedged], ...], figures, hedged)."""
    rows: list[Claim] = []
    figures_seen: set = set()
    for sentence_start, sentence_end, pending, figures, hedged in proposing:
        start, end = trimmed(text, sentence_start, sentence_end)
        quote = text[start:end]
        for (category, term, stance), hedge in pending:
            rows.append(new_claim(Claim, (article_id, category, term, stance, hedge, quote, start, end, NAN, NAN)))
        for figure in figures:
            if figure not in figures_seen:
                figures_seen.add(figure)
                term, low, high = figure
                rows.append(new_claim(Claim, (article_id, "dosage", term, "asserted", hedged, quote, start, end, low, high)))
    return rows


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
    return OBJECT_WORDS.isdisjoint(lowered[since:start].rsplit(None, 3)[-3:])


def _kratom_after(lowered: str, found: list, index: int, end: int, sentence_end: int) -> bool:
    """After an "unlike <drug> ..." phrase, kratom (or a pronoun for it, or a strain) must take
    the subject. The patterns go first: they usually find kratom a few words on."""
    if KRATOM_MENTION.search(lowered, end, sentence_end) or PRONOUN.search(lowered, end, sentence_end):
        return True
    for following in range(index + 1, len(found)):
        start, (_, _, kind, payload) = found[following]
        if start >= sentence_end:
            break
        if kind == "form" and payload[1]:
            return True
    return False


def _choose(owners: tuple[Term, ...], lowered: str, sentence_start: int, sentence_end: int,
            start: int, end: int) -> Term:
    """For a form two categories share: the nearest harm or relief cue before it decides, else
    the first after it, else the codebook's first category."""
    cue = None
    for cue in SENSE.finditer(lowered, sentence_start, start):
        pass
    cue = cue or SENSE.search(lowered, end, sentence_end)
    wanted = None if cue is None else "side_effect" if cue["harm"] else "condition"
    for term in owners:
        if term.category == wanted:
            return term
    return owners[0]


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
        lead, low, low_unit, joiner, high, unit = match.groups()
        if joiner == "and" and not lead:
            continue
        if low_unit and high is None:
            continue
        scale = 0.001 if unit.startswith("m") else 1.0
        low = _number(low) * scale
        high = _number(high) * scale if high else low
        if low > high:
            low, high = high, low
        term = _band(sentence[max(0, match.start() - BAND_WINDOW) : match.start()], bands)
        if low > 0 and term:
            figures.append((term, low, high))
    return figures


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
