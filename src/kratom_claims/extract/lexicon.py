"""The codebook's surface forms and the cue phrases, compiled once into one automaton.

The automaton stores, for each phrase, the role its hits play, ready made, so that finding a
hit costs one subtraction. A sorted list of (start, role) hits has, at each start, clause
boundaries first, then cues, then forms, and within a layer the longest hit first, which is
the order in which overlaps are settled.
"""

from __future__ import annotations

from dataclasses import dataclass

import ahocorasick

from ..codebook import Codebook
from .amounts import GENERIC_BAND
from .copies import WORD_BREAKS, search_copy
from .cues import ATTRIBUTED_BY, boundary_phrases, cue_phrases

# Layers of hits: overlaps are settled within a layer only, so "side effects" is both a form
# and a harm cue.
BOUNDARY, CUE, FORM = 0, 1, 2
# Kinds of hit that reading needs to know of before it reaches them: a drug right after a word
# (a harm word describing the drug), a unit anywhere in the sentence (dose figures), advice
# against use and background cues (which drop forms that come before them).
LOOKED_AHEAD = ("drug", "unit", "against", "background")
BAND_TERMS = ("low_dose", "moderate_dose", "high_dose", GENERIC_BAND)
DOSE_DEPENDENT = "dose_dependent_effects"
ADVISED_AGAINST = "advised_against"
LETTER_RANK = {char: rank for rank, char in enumerate(" etaoinshrdlcumwfgypbvkjxqz")}


@dataclass(frozen=True, slots=True)
class Term:
    """A term as reading needs it, its claim keys built once rather than at every hit."""

    category: str
    term: str
    asserted: tuple[str, str, str]
    denied: tuple[str, str, str]
    harm: bool  # a side effect, which "without" and comparisons deny
    dosage: bool
    subject_of_advice: bool  # a condition or harm, which advice against use can be about


def _make_term(category: str, term: str) -> Term:
    return Term(
        category,
        term,
        (category, term, "asserted"),
        (category, term, "denied"),
        category == "side_effect",
        category == "dosage",
        category in ("condition", "side_effect"),
    )


@dataclass(frozen=True, slots=True)
class Form:
    """What reading needs of a surface form: its first term, whether that names a strain (which
    makes kratom the subject), whether two categories share the form, and all its terms."""

    first: Term
    strain: bool
    shared: bool
    terms: tuple[Term, ...]


# What a hit is: (layer, minus length, kind, payload). The length is negated so that sorting
# puts the longest first; the kind is "form", "boundary" or a cue's kind (cues.cue_phrases);
# the payload is a form's Form, an attribution's codebook id, else None. A plain tuple, not a named one: reading unpacks one
# at every hit, and plain tuples unpack several times faster.
Role = tuple[int, int, str, "Form | str | None"]


def _padded(phrase: str, glued: bool) -> tuple[str, int, int]:
    """A phrase as the automaton stores it, and whether a space was added before and after.

    A glued phrase may follow a word character directly: "n't" in "doesn't", "g" in "5g"."""
    core = phrase.translate(WORD_BREAKS)
    lead = 0 if glued or core[0] == " " else 1
    trail = 0 if core[-1] == " " else 1
    return " " * lead + core + " " * trail, lead, trail


class Lexicon:
    """Every phrase the extractor looks for, in one automaton, and the codebook terms reading needs."""

    def __init__(self, codebook: Codebook):
        owners: dict[str, list[tuple[str, str]]] = {}
        for category, term, form in codebook.surface_form_rows():
            owners.setdefault(search_copy(form), []).append((category, term))
        self.forms = {form: tuple(terms) for form, terms in owners.items()}
        self.automaton = _automaton(_roles_by_key(self.forms, cue_phrases(), dict.fromkeys(boundary_phrases())))
        dosage = set(codebook.term_ids("dosage"))
        self.bands = {term for term in BAND_TERMS if term in dosage}
        self.dose_dependent = DOSE_DEPENDENT in dosage
        advice = set(codebook.term_ids("advice"))
        self.advised_against = _make_term("advice", ADVISED_AGAINST) if ADVISED_AGAINST in advice else None
        self.elided = {form.rsplit(" ", 1)[1] for form in self.forms if " " in form}
        self.first_terms = {form: _make_term(*terms[0]) for form, terms in self.forms.items()}

    def implied(self, lowered: str, start: int, end: int) -> tuple[Term, ...]:
        """The term an "X and Y pain" coordination implies: "chronic or acute pain" names chronic pain too."""
        last_space = lowered.rfind(" ", start, end)
        if last_space < 0:
            return ()
        head = lowered[last_space + 1 : end]
        if head not in self.elided:
            return ()
        joiner = lowered.rfind(" ", 0, start - 1)
        word = lowered[lowered.rfind(" ", 0, joiner) + 1 : joiner]
        implied = self.first_terms.get(f"{word} {head}") if word.isalpha() else None
        return (implied,) if implied else ()


def _roles_by_key(forms: dict, cues: dict[str, str], boundaries: dict[str, None]) -> dict[str, tuple[int, int, dict]]:
    """Each padded phrase with its lead and trailing padding and, by layer, the (kind, payload)
    of every phrase padded to it ("side-effects" and "side effects" are one key)."""
    keys: dict[str, tuple[int, int, dict]] = {}
    for phrase in dict.fromkeys([*forms, *cues, *boundaries]):
        if not phrase.translate(WORD_BREAKS).strip():
            continue
        glued = phrase.startswith("n't") or (cues.get(phrase) == "unit" and phrase[0].isdigit())
        key, lead, trail = _padded(phrase, glued)
        _, _, by_layer = keys.setdefault(key, (lead, trail, {}))
        if phrase in forms:
            known = by_layer.get(FORM, ("form", ()))[1]
            by_layer[FORM] = ("form", known + tuple(owner for owner in forms[phrase] if owner not in known))
        if phrase in boundaries:
            by_layer[BOUNDARY] = ("boundary", None)
        if phrase in cues:
            by_layer.setdefault(CUE, (cues[phrase], ATTRIBUTED_BY.get(phrase)))
    return keys


def _automaton(keys: dict[str, tuple[int, int, dict]]) -> ahocorasick.Automaton:
    """The automaton, storing for each padded phrase (to_start, role, every_role): how far
    before the match's last character the hit starts, its first role, and all its roles if it
    has several or one is LOOKED_AHEAD, else None (nearly every phrase: the short way)."""
    automaton = ahocorasick.Automaton()
    for key, (lead, trail, by_layer) in sorted(keys.items(), key=_by_letter_frequency):
        length = len(key) - lead - trail
        roles = tuple(
            (layer, -length, kind, _form(payload) if layer == FORM else payload)
            for layer, (kind, payload) in sorted(by_layer.items())
        )
        special = len(roles) > 1 or roles[0][2] in LOOKED_AHEAD
        automaton.add_word(key, (len(key) - lead, roles[0], roles if special else None))
    automaton.make_automaton()
    return automaton


def _by_letter_frequency(item: tuple[str, tuple]) -> list[int]:
    """Phrases in the order of English letter frequency: a node of the automaton keeps its next
    letters in the order they were added and looks them up one by one, so common letters first
    make the automaton read faster (by about a tenth). The order changes no hit."""
    return [LETTER_RANK.get(char, len(LETTER_RANK)) for char in item[0]]


def _form(owners: tuple[tuple[str, str], ...]) -> Form:
    terms = tuple(_make_term(category, term) for category, term in owners)
    return Form(terms[0], terms[0].category == "strain", len(terms) > 1, terms)
