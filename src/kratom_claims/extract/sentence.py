"""Reading the hits of each sentence left to right, once: which claims it makes, and how.

- The subject is the nearest kratom or drug mention so far. A form said of another drug
  ("oxycodone causes constipation") is dropped, unless the drug is set against kratom ("unlike
  opioids that can lead to addiction, kratom ..."), which makes it a denial about kratom.
- A negation ("not", "never") earlier in the clause denies the form; a clause ends at "but",
  "although", ";" or a comma before a new subject ("Although kratom is not an opioid, it ...").
  "not safe" and "not approved" deny nothing. "without" denies harms only, in its own phrase
  (up to a comma or a verb, and the list that follows it); comparisons ("fewer", "milder",
  "lower risk of") deny harms a few words on, since "less pain" is relief, not a denial of pain.
- A hedge ("may", "reports suggest", "purported") earlier in the sentence or later in the same
  clause marks the claim hedged; plain "can" does not.
- An attribution ("critics say", "considered by the FDA", "users report") marks the claims after
  it in the sentence as the attributed party's (attributed_to); alone it does not hedge them (the
  method chapter's rule). So does reported speech: a verb of saying whose speaker stands a few
  words before it ("many people who buy kratom say"); "according to <speaker>" and a quotation
  before its speaker ('"...," he said', '"..." - a buyer') attribute the whole sentence;
  "he said" is the article's last speaker; "I" and "we" are the article's own voice.
  A share of people asked ("68% said") speaks for users; a speaker set off by commas (", she
  said,") speaks the whole sentence; a capitalised name before a verb of saying ("Raman said"),
  or opening the sentence before an apposition, is a person the rules cannot place, unless the
  article placed that name before ("Dr. Ana Ruiz, a toxicologist, said"). A person (a name, a
  pronoun, "a pharmacist") goes on speaking to the end of the paragraph, as news copy does.
  "Sold as", "marketed as", "marketed for" attribute to advocates.
- Where someone else speaks and the rules cannot tell who, the claims are "unclear"
  (machine_values), for a reviewer to place, rather than the article's own: a person the rules
  cannot place, a verb of saying with no speaker ("a nurse said"; not the passive "is said"), a
  frame of reported speech ("I was told", "on forums"), a quotation of a few words or more with
  no speaker. A speaker placed later in the sentence replaces "unclear".
- A title, byline or navigation line (a whole line without end punctuation, in title case or
  split by "·" or "|") and a yes-or-no question heading ("Does it relieve pain?") claim nothing.
- What another medicine is for ("medicines for nausea") is not a claim about kratom, unless
  kratom is compared with it ("an alternative to opioids for chronic pain").
- A negation also ends at the comma that closes an "although" clause; it does not deny a warning
  ("never combine it with alcohol"); "did nothing for mine" denies the conditions before it;
  ", rarely," is a frequency, not a negation; doubting a doubt ("did not dismiss reports that")
  and reported advice ("warns buyers not to use it") deny nothing; ", and we" opens a new clause.
- Advice against use ("not recommended", "should be avoided") is the advice term
  advised_against; the conditions and harms of its clause, or before it in the sentence, are what
  use is advised against for, not claims.
- A sentence that explains a condition or what guidelines prefer ("joint pain is commonly due to
  arthritis") and does not name kratom claims nothing; nor does a bullet under a heading about
  alternatives to kratom. A bullet under a heading about harms ("What side effects ...?") reads
  a shared form as a side effect, and under a heading about symptoms or withdrawal its
  conditions are symptoms, not conditions kratom relieves.
- A form two categories share (anxiety relieved, anxiety caused) takes the category of the
  nearest cue before it ("cause", "side effects" against "relief", "reduce").
- "chronic or acute pain" names chronic pain as well as acute pain.
- A sentence with a dose figure gives dosage rows for its figures (amounts.py); a dose band
  followed by a harm ("high doses can lead to nausea") is the claim that effects depend on the dose.

An article proposes each (category, term, stance) once, in the first sentence that makes it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..machine_values import UNCLEAR_ATTRIBUTION
from .amounts import Figure, dose_figures, has_amounts
from .cues import (
    BACK_REFERENCE,
    CAUTIONS,
    COMMA_SUBJECT,
    CONCESSIVE_OPEN,
    FIRST_PERSON,
    KRATOM_MENTION,
    LAST_SPEAKER,
    LINE_SEPARATORS,
    LOWER_LONG_WORD,
    NAMED_OPENING,
    NOT_SPEECH_BEFORE,
    ONE_OF,
    PERSONS,
    PRONOUN_SPEAKERS,
    QUOTATION_WORDS,
    QUOTE_BEFORE,
    SAYING,
    SENSE,
    SHARE,
    SHARE_REACH,
    SHARE_SIGNS,
    SPEAKER,
    SPEAKER_OF,
    SPEAKING,
    SYMPTOM_HEADING,
    UPPER_LONG_WORD,
)
from .lexicon import DOSE_DEPENDENT, Form, Lexicon, Term
from .scan import LINE_BULLET, Hit

# A claim as reading knows it: (category, term, stance).
Key = tuple[str, str, str]
DOSE_DEPENDENT_KEY = ("dosage", DOSE_DEPENDENT, "asserted")
# "fewer", "lower risk of", "maintaining" govern a noun phrase, so they reach only a few words on.
COMPARISON_REACH = 6
# Words after which a drug is compared with, not described: "an alternative to opioids", "it
# mimics how opioids work".
OBJECT_WORDS = frozenset(
    "to than as like of off with from over versus vs on among about how mimics mimic resembles".split()
)
RELATIVE = re.compile(r"\s*,?\s*(?:that|which|who)\b")
PRONOUN = re.compile(r"\b(?:it|its|it's|they|their)\b")
# What stands between two drugs of one list: "opioids|, sedatives or |alcohol".
DRUG_LIST = re.compile(r"(?:,\s*|\s+(?:and|or)\s+)(?:[\w-]+(?:,\s*|\s+(?:and|or)\s+)){0,3}")
# The prepositions that tie a harm to the drug after them.
HARM_PREPOSITIONS = (" on ", " from ", " of ")
# How far apart, in characters, two drugs of one list can stand.
DRUG_LIST_REACH = 60
# What a drug is for ("medicines for nausea, sleep and| muscle pain"): the conditions it names
# are the drug's, not kratom's.
DRUG_PURPOSE = re.compile(r"\s+(?:for|to treat|against)\s(?:[^.;:()]*[\s,])?")
# Words before a drug that kratom is compared with, whose purpose is kratom's too.
COMPARED_WITH = frozenset("to than as like versus vs over instead replacement substitute".split())
# How far after a drug its purpose reaches, in characters: a short list of conditions.
PURPOSE_REACH = 50
# What ends the word before a coordinated form: "back and| joint pain", "sore or| joint pain".
JOINERS = ("and", " or")
# How far before a drug to look for the preposition that makes it an object.
OBJECT_WINDOW = 40
# What ends the phrase a "without" governs: a comma or clause mark, or a verb of a new predicate
# ("use without medical supervision| is not safe"); and what continues its list ("nausea, or").
WITHOUT_ENDS = re.compile(
    r"[,;:]|\b(?:is|are|was|were|can|could|may|might|will|would|has|have|had|should|must|does|do)\b"
)
LIST_JOINER = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)")
# Clause words that keep a form before advice against use out of that advice.
CONTRARY = re.compile(r"\b(?:but|however|although|though|yet|whereas)\b|;")
# A heading whose bullets are about other treatments than kratom.
OTHER_TREATMENTS = re.compile(
    r"\balternatives?\s+to\s+kratom\b|\binstead\s+of\s+kratom\b|\bother\s+(?:options|treatments|remedies)\b"
)
# The characters that open a bullet (text.BULLET): a line that opens with none is no bullet.
BULLET_OPENS = frozenset(" \t\n\r\f\v-\u2022*\u00a0")
# A form that ends in one of these ("combine kratom with") governs the drug after it, not describes it.
PREPOSITIONS = (" with", " to", " of", " for", " than")
# How many lines of a list to walk back to find its heading.
HEADING_REACH = 40
# How far around a verb of saying to look for its speaker, in characters.
SPEAKER_REACH = 60
# Whom a share of people asked ("68% said") speaks for: the people who take kratom.
SHARE_SPEAKER = "users"
# Whom a person speaks for that the rules cannot place (a name, a pronoun with no speaker before
# it, a quotation with none after it): someone else than the article, who a reviewer must say.
UNPLACED_SPEAKER = UNCLEAR_ATTRIBUTION
# What stands right before a quotation mark that closes a quotation ('it helps."', 'pain,"').
CLOSING_BEFORE = frozenset(".,!?;")
# Attributions a later, placed speaker overrides: none yet, or "unclear".
OPEN_ATTRIBUTIONS = ("", UNCLEAR_ATTRIBUTION)
# A name after the dash that follows a quotation: '"..." - Tom, Ohio'.
NAMED_AFTER = re.compile(r"\s*[A-Z][a-z]+\b")
# How most whole lines end: a paragraph's last sentence, which no title line is.
SENTENCE_LINE_ENDS = (".\n", "!\n", '"\n')
# The words that open a yes-or-no question: a heading that asks one claims nothing.
YES_NO = frozenset("is are was were do does did can could will would should may might has have".split())
# Speakers who may go on speaking to the end of their paragraph: a pronoun or one person.
PERSON_SPEAKERS = PERSONS.union(PRONOUN_SPEAKERS)
# Capitalised words that open sentences without naming a person ("It said", "Kratom says").
NOT_NAMES = frozenset("it this that they he she we i you kratom the a an our your".split())
# The end marks of a sentence: a line without one may be a title, a byline or navigation.
LINE_ENDS = tuple(".!?\"'")


@dataclass(slots=True)
class Sentence:
    """What reading a sentence has gathered so far. Negation, "without" and comparisons last
    one clause; a hedge lasts the rest of the sentence, and hedges the claims of its clause."""

    start: int
    end: int
    figures: list[Figure]  # dose figures: (band term, low grams, high grams, bound type)
    amounts: bool = False  # dose figures, or amounts that are not doses (a price, a recipe)
    aside: bool = False  # about something else than kratom: background, or a list of alternatives
    heading_harm: bool = False  # a bullet under a heading about harms
    subject: str | None = None  # "kratom", "drug", or "contrast": a drug set against kratom
    subject_end: int = -1
    contrasted: bool = False  # "unlike", "compared with" ... and no kratom named since
    contrast_end: int = -1
    drug_span: tuple[int, int] = (-1, -1)  # the last drug named
    hedged: bool = False
    negated: bool = False
    negation_end: int = -1  # where the negation ends, to look for a new clause after it
    without: int = -1  # where the "without" that governs the next phrase ends
    without_list: int = -1  # where the last harm that "without" denied ends, for a list after it
    against: bool = False  # advice against use in the clause so far
    attribution: str = ""  # whom the claims from attributed_from on are attributed to
    attributed_from: int = 0
    concessive: bool = False  # the negation stands in a clause opened by "although": it ends at a comma
    symptoms: bool = False  # a list of withdrawal symptoms after a harm: its conditions are symptoms
    comparisons: tuple[int, ...] = ()  # where the clause's comparison cues end
    claims: list[Key] = field(default_factory=list)  # in the order made
    unhedged: int = 0  # how many claims were made in clauses that ended before any hedge

    def first_hedged(self) -> int:
        """Which claim is the first hedged one, all after it being hedged too: the first after
        the last clause that ended unhedged, if the sentence has a hedge at all."""
        return self.unhedged if self.hedged else len(self.claims)


class Reader:
    """Reads one article's hits, sentence by sentence; each kind of hit has its handler.

    What the article has claimed so far (``seen``) spans its sentences, so that a claim is
    proposed once, where it is first made."""

    def __init__(
        self, lexicon: Lexicon, text: str, lowered: str, hits: list[Hit], cuts: list[int], starts: dict[str, list[int]]
    ):
        self.lexicon = lexicon
        self.text = text  # as written: only capitals tell a name or a title
        self.lowered = lowered
        self.hits = hits
        self.cuts = cuts  # where sentences start, the end of the text last
        # The sentences (by the number of their end among the cuts) with a unit, where dose figures may be.
        self.with_unit = {bisect_right(cuts, unit) for unit in starts["unit"]} if lexicon.bands else set()
        self.before_drug = _before_drugs(lowered, starts["drug"])
        self.harm_of_drug = _harms_of_drugs(lowered, starts["drug"])
        self.against = starts["against"]
        self.with_background = {bisect_right(cuts, cue) for cue in starts["background"]}
        self.seen: set[Key] = set()
        self.last_speaker = ""  # whom the article last attributed a claim to, for "he said"
        self.quotes = bool(starts["quote"])  # whether quotations need looking for at all
        # A person quoted or named as speaking goes on speaking to the end of the paragraph:
        # (whom the claims are attributed to, where the paragraph ends).
        self.voice, self.voice_end = "", -1
        # The people placed by name so far ("Dr. Ana Ruiz, a toxicologist, said"): name -> attribution.
        self.names: dict[str, str] = {}

    def sentences(self) -> list[Sentence]:
        """The sentences that propose claims or dose figures, in text order.

        Where hits of one layer overlap, the first in the sorted hits (the leftmost, then the
        longest) is read and the others are skipped, as are hits that run past the sentence."""
        proposing: list[Sentence] = []
        handlers = self.HANDLERS
        reach = [0, 0, 0]  # where the last hit read in each layer ends
        sentence = self._open(self.hits[0][0])
        sentence_end = sentence.end  # kept in a local: read at every hit
        for index, (start, (layer, minus_length, kind, payload)) in enumerate(self.hits):
            if start >= sentence_end:
                if sentence.claims or sentence.figures:
                    proposing.append(sentence)
                sentence = self._open(start)
                sentence_end = sentence.end
            end = start - minus_length
            if start < reach[layer] or end > sentence_end:
                continue
            reach[layer] = end
            handlers[kind](self, sentence, index, start, end, payload)
        if sentence.claims or sentence.figures:
            proposing.append(sentence)
        return proposing

    def _open(self, start: int) -> Sentence:
        """The sentence a hit falls in, with its dose figures if a unit stands in it, and what
        its context says: a background fact, or a bullet under a heading."""
        cut = bisect_right(self.cuts, start)
        first, end = self.cuts[cut - 1] if cut else 0, self.cuts[cut]
        sentence = Sentence(first, end, [])
        if cut in self.with_unit:
            words = self.lowered[first:end]
            sentence.figures = dose_figures(words, self.lexicon.bands)
            sentence.amounts = bool(sentence.figures) or has_amounts(words)
        if self.quotes and self.last_speaker and self._ends_quotation(first, end):
            sentence.attribution = self.last_speaker  # the last sentence of a quotation its speaker began
        if first < self.voice_end:
            sentence.attribution = self.voice  # reported speech that goes on in its paragraph
        lowered = self.lowered
        line_start = first == 0 or lowered[first - 1] == "\n"
        if (
            line_start
            and (end == len(lowered) or lowered[end - 1] == "\n")
            and not lowered.endswith(SENTENCE_LINE_ENDS, first, end)  # most lines: a paragraph's last sentence
            and self._is_title_line(first, end)
        ):
            sentence.aside = True
        if cut in self.with_background:
            sentence.aside = not KRATOM_MENTION.search(lowered, first, end)
        if first and line_start and lowered[first] in BULLET_OPENS:
            heading = self._heading(first)
            sense = SENSE.search(heading)
            if sense is None and heading.rstrip().endswith(":"):
                # a lead-in ("but some experience:") under the real heading of the list
                heading += "\n" + self._heading(self.lowered.rfind(heading, 0, first))
                sense = SENSE.search(heading)
            sentence.aside = sentence.aside or OTHER_TREATMENTS.search(heading) is not None
            sentence.symptoms = SYMPTOM_HEADING.search(heading) is not None
            sentence.heading_harm = sentence.symptoms or sense is not None and sense["harm"] is not None
        return sentence

    def _is_title_line(self, first: int, end: int) -> bool:
        """Whether a whole line states no claim: a title ("Kratom and Your Pain: Information
        for Patients"), a byline, a navigation line ("Shop · Strain Guide"), or a heading that
        asks a yes-or-no question ("Does it relieve pain?"; "Which side effects ...?" presumes)."""
        line = self.text[first:end].rstrip()
        if line.endswith("?"):  # unless the text answers "Yes."
            return line.split(None, 1)[0].lower() in YES_NO and not self.lowered.startswith("yes", end)
        if line.endswith(LINE_ENDS) or line[:1] in BULLET_OPENS:
            return False
        if any(mark in line for mark in LINE_SEPARATORS):
            return True
        return LOWER_LONG_WORD.search(line) is None and len(UPPER_LONG_WORD.findall(line)) >= 2

    def _ends_quotation(self, first: int, end: int) -> bool:
        """Whether a sentence closes a quotation it did not open ('It acts on ... opioids."')."""
        lowered = self.lowered
        return lowered.find('"', max(first, end - 4), end) >= 0 and lowered.count('"', first, end) == 1

    def _heading(self, line_start: int) -> str:
        """The line above a list that a bullet starting at line_start belongs to."""
        lowered = self.lowered
        for _ in range(HEADING_REACH):
            previous = lowered.rfind("\n", 0, line_start - 1) + 1
            line = lowered[previous : line_start - 1]
            if line.strip() and not LINE_BULLET.match(line):
                return line
            if previous == 0:
                break
            line_start = previous
        return ""

    # --- one handler per kind of hit: (sentence, index of the hit, start, end, payload) ----------

    def form(self, sentence: Sentence, index: int, start: int, end: int, form: Form) -> None:
        """A surface form: its terms are claimed, unless it repeats a claim, is said of another
        drug, or follows an "unlike <drug>" that kratom never answers."""
        if sentence.aside:
            return
        if form.strain:
            sentence.subject, sentence.contrasted = "kratom", False
        lowered = self.lowered
        joined = lowered[start - 2] in "dr" and lowered[start - 4 : start - 1] in JOINERS
        if (
            not joined
            and form.first.asserted in self.seen
            and sentence.subject != "contrast"
            and not (sentence.negated or sentence.without >= 0 or sentence.comparisons or form.shared)
        ):
            return  # it would only repeat a claim made before
        if sentence.subject in ("drug", "contrast") and (
            KRATOM_MENTION.search(lowered, sentence.subject_end, start)
            or sentence.subject == "contrast"
            and COMMA_SUBJECT.search(lowered, sentence.subject_end, start)  # "Unlike morphine, it ..."
        ):
            sentence.subject, sentence.contrasted = "kratom", False
        drug_start, drug_end = sentence.drug_span
        if (
            sentence.subject == "drug"
            or drug_start <= start < drug_end
            or 0 <= drug_end < start <= drug_end + PURPOSE_REACH
            and self._drug_purpose(sentence, start)
            or end in self.before_drug
            and not lowered.endswith(PREPOSITIONS, start, end)
            or end in self.harm_of_drug
            and form.first.harm
        ):
            return  # said of the drug, part of its name, or right before it ("addictive painkillers")
        if sentence.subject == "contrast" and not self._kratom_after(index, end, sentence.end):
            return
        self._claim_terms(sentence, form, start, end, joined)

    def boundary(self, sentence: Sentence, index: int, start: int, end: int, payload: None) -> None:
        """A clause ends: its claims are hedged if a hedge has come, and negation ends with it."""
        if not sentence.hedged:
            sentence.unhedged = len(sentence.claims)
        if self.quotes and self.lowered.find('"', max(0, start - 2), start) >= 0:
            self._quoted_by(sentence, end)  # a quotation, then a dash and its speaker
        sentence.negated = sentence.against = False
        sentence.without = -1
        sentence.comparisons = ()

    def hedge(self, sentence: Sentence, index: int, start: int, end: int, payload: None) -> None:
        sentence.hedged = True

    def drug(self, sentence: Sentence, index: int, start: int, end: int, payload: None) -> None:
        """A drug takes the subject, or after "unlike" becomes what kratom is set against; not
        where it is the object of a comparison ("an alternative to opioids"), nor where it goes on
        a list whose first drug is such an object ("taken with opioids, sedatives or alcohol")."""
        previous_end = sentence.drug_span[1]
        sentence.drug_span = (start, end)
        if (
            0 <= previous_end < start <= previous_end + DRUG_LIST_REACH
            and sentence.subject != "drug"
            and DRUG_LIST.fullmatch(self.lowered, previous_end, start)
        ):
            return
        if sentence.contrasted and KRATOM_MENTION.search(self.lowered, sentence.contrast_end, start):
            sentence.contrasted = False
        if sentence.contrasted:
            sentence.subject, sentence.subject_end = "contrast", end
        elif _drug_is_subject(self.lowered, max(sentence.start, start - OBJECT_WINDOW), start, end) or (
            self.lowered.find("one of", max(sentence.start, start - OBJECT_WINDOW), start) >= 0
            and ONE_OF.search(self.lowered, max(sentence.start, start - OBJECT_WINDOW), start)
            and not KRATOM_MENTION.search(self.lowered, sentence.start, start)
            and not PRONOUN.search(self.lowered, sentence.start, start)
        ):
            sentence.subject, sentence.subject_end = "drug", end

    def negation(self, sentence: Sentence, index: int, start: int, end: int, payload: None) -> None:
        """A negation, except a frequency set off by commas ("and, rarely, seizures" asserts them);
        in a clause opened by "although", it ends at the clause's comma."""
        lowered = self.lowered
        if lowered.startswith(",", end) and lowered.startswith(", ", start - 2):
            return
        sentence.negated, sentence.negation_end = True, end
        sentence.concessive = CONCESSIVE_OPEN.search(lowered, sentence.start, start) is not None

    def no_effect(self, sentence: Sentence, index: int, start: int, end: int, payload: None) -> None:
        """ "did nothing for", "didn't help": a negation, and with a pronoun after it ("for mine")
        a denial of the conditions asserted before it in the sentence."""
        sentence.negated, sentence.negation_end = True, end
        if not BACK_REFERENCE.match(self.lowered, end):
            return
        for number, (category, term, stance) in enumerate(sentence.claims):
            if category == "condition" and stance == "asserted":
                self.seen.discard((category, term, stance))
                sentence.claims[number] = (category, term, "denied")
                self.seen.add(sentence.claims[number])

    def symptoms(self, sentence: Sentence, index: int, start: int, end: int, payload: None) -> None:
        """ "withdrawal symptoms such as": after a harm ("may cause"), the list names symptoms."""
        before = [*SENSE.finditer(self.lowered, sentence.start, start)]
        sentence.symptoms = bool(before) and before[-1]["harm"] is not None

    def contrast(self, sentence: Sentence, index: int, start: int, end: int, payload: None) -> None:
        sentence.contrasted, sentence.contrast_end = True, end

    def without(self, sentence: Sentence, index: int, start: int, end: int, payload: None) -> None:
        sentence.without = end

    def attribution(self, sentence: Sentence, index: int, start: int, end: int, payload: str) -> None:
        """ "critics say", "users report": the claims after it are theirs (payload: whose). An
        attribution alone hedges nothing (the method chapter's rule)."""
        self.last_speaker = payload
        if sentence.attribution in OPEN_ATTRIBUTIONS:
            sentence.attribution, sentence.attributed_from = payload, len(sentence.claims)

    def quote(self, sentence: Sentence, index: int, start: int, end: int, payload: None) -> None:
        """A quotation mark that opens a quotation of a few words or more, in a sentence whose
        speaker is not known yet: the claims from here on are someone's, who is unclear. A mark
        right after a word or punctuation closes a quotation; a word or two in quotes is a name
        or scare quotes ("the famous "wobbles"")."""
        lowered = self.lowered
        if sentence.attribution or start and (lowered[start - 1] in CLOSING_BEFORE or lowered[start - 1].isalnum()):
            return
        closing = lowered.find('"', end, sentence.end)
        if len(lowered[end : sentence.end if closing < 0 else closing].split()) >= QUOTATION_WORDS:
            sentence.attribution, sentence.attributed_from = UNCLEAR_ATTRIBUTION, len(sentence.claims)

    def unplaced(self, sentence: Sentence, index: int, start: int, end: int, payload: None) -> None:
        """ "I was told", "you'll hear": the claims after it are someone else's, who is unclear."""
        if not sentence.attribution:
            sentence.attribution, sentence.attributed_from = UNCLEAR_ATTRIBUTION, len(sentence.claims)

    def speech(self, sentence: Sentence, index: int, start: int, end: int, payload: None) -> None:
        """A verb of saying: the claims after it are its speaker's, named just before it ("many
        people who buy kratom say"); after "according to <someone>", or after a quotation ('"...,"
        he said'), the claims before it in the sentence are too."""
        lowered = self.lowered
        if sentence.attribution not in OPEN_ATTRIBUTIONS or lowered.startswith(" of", end):
            return  # the sentence's claims are someone's already; or a noun: "reports of", "a list of"
        since = max(sentence.start, start - SPEAKER_REACH)
        after = min(sentence.end, end + SPEAKER_REACH)
        quoted = self.quotes and lowered.find('"', since, start) >= 0 and QUOTE_BEFORE.search(lowered, since, start)
        person = False  # a person named, quoted or pointed to, who may go on speaking
        if lowered.startswith("according", start):
            who, claims_from = self._speaker(lowered, end, after, False), 0
        elif quoted:
            who, claims_from, person = (
                self._quoted_speaker(sentence.start, quoted.start(), (start, end), after),
                0,
                True,
            )
        else:
            found = LAST_SPEAKER.match(lowered, since, start)
            who, claims_from = self._who(found), len(sentence.claims)
            if found is None:
                who, person = self._unnamed_speaker(sentence.start, since, (start, end), after)
            else:
                person = who != "" and found["speaker"] in PERSON_SPEAKERS
                if who and lowered.startswith(", ", found.start("speaker") - 2) and lowered[end : end + 1] in ",.":
                    claims_from = 0  # "..., she said, and ...": the whole sentence is hers
        if who:
            self.last_speaker = who
            sentence.attribution, sentence.attributed_from = who, claims_from
            if person:
                if who != UNPLACED_SPEAKER:  # "Dr. Ana Ruiz, a toxicologist, said": later "Ruiz said" is hers
                    self.names.setdefault(self._speaker_name(sentence.start, start), who)
                paragraph_end = lowered.find("\n", sentence.end)
                self.voice, self.voice_end = who, len(lowered) if paragraph_end < 0 else paragraph_end

    def against(self, sentence: Sentence, index: int, start: int, end: int, payload: None) -> None:
        """Advice against use: claimed as such, and it takes the conditions of its clause."""
        sentence.against = True
        term = self.lexicon.advised_against
        if term is not None and not sentence.aside and term.asserted not in self.seen:
            self.seen.add(term.asserted)
            sentence.claims.append(term.asserted)

    def background(self, sentence: Sentence, index: int, start: int, end: int, payload: None) -> None:
        """Found when the sentence opened (Sentence.aside); nothing more to do here."""

    def comparison(self, sentence: Sentence, index: int, start: int, end: int, payload: None) -> None:
        sentence.comparisons += (end,)

    def neutral(self, sentence: Sentence, index: int, start: int, end: int, payload: None) -> None:
        """ "not only", "no doubt", "not safe": a negation word that denies nothing."""
        sentence.negated = False
        sentence.without = -1
        sentence.comparisons = ()

    def band(self, sentence: Sentence, index: int, start: int, end: int, payload: None) -> None:
        """A dose band followed by a harm ("high doses can lead to nausea"): effects depend on the dose."""
        if not self.lexicon.dose_dependent or sentence.subject == "drug":
            return
        cue = SENSE.search(self.lowered, end, sentence.end)
        if cue and cue["harm"] and DOSE_DEPENDENT_KEY not in self.seen:
            self.seen.add(DOSE_DEPENDENT_KEY)
            sentence.claims.append(DOSE_DEPENDENT_KEY)

    def unit(self, sentence: Sentence, index: int, start: int, end: int, payload: None) -> None:
        """A unit was looked for when the sentence opened, for its dose figures; here it only
        takes its place among the cues, where it may overlap another."""

    # The handlers by kind of hit, as plain functions: a table of bound methods kept on the reader
    # would make a reference cycle, which only the garbage collector frees.
    HANDLERS = {
        "form": form,
        "boundary": boundary,
        "hedge": hedge,
        "drug": drug,
        "negation": negation,
        "no_effect": no_effect,
        "symptoms": symptoms,
        "contrast": contrast,
        "without": without,
        "attribution": attribution,
        "unplaced": unplaced,
        "quote": quote,
        "speech": speech,
        "against": against,
        "background": background,
        "comparison": comparison,
        "neutral": neutral,
        "band": band,
        "unit": unit,
    }

    def _quoted_by(self, sentence: Sentence, end: int) -> None:
        """The claims of a quotation followed by a dash and its speaker ('"..." - a verified buyer')."""
        who = self._speaker(self.lowered, end, min(sentence.end, end + SPEAKER_REACH), False)
        if not who and NAMED_AFTER.match(self.text, end, sentence.end):
            who = UNPLACED_SPEAKER  # '"..." - Tom, Ohio': a person the rules cannot place
        if who and sentence.attribution in OPEN_ATTRIBUTIONS:
            self.last_speaker = who
            sentence.attribution, sentence.attributed_from = who, 0

    def _unnamed_speaker(self, sentence_start: int, since: int, verb: tuple[int, int], after: int) -> tuple[str, bool]:
        """The speaker of a verb of saying when no speaker word stands before it, and whether it
        is one person: a share of people asked ("68% said"); a name ("Raman said"), or anyone
        else the rules cannot place ("a nurse said"), who is unclear; the speaker after "that"
        ("reports that some adults use it"); none for the passive ("have been reported")."""
        lowered, (start, end) = self.lowered, verb
        tail = lowered[max(since, start - SHARE_REACH) : start]
        if any(sign in tail for sign in SHARE_SIGNS) and SHARE.search(tail):
            return SHARE_SPEAKER, False
        said = lowered[start:end]
        name = self._speaker_name(sentence_start, start) if said in SAYING else ""
        if name:
            return self.names.get(name, UNPLACED_SPEAKER), True
        before = tail.rsplit(None, 1)[-1:]
        if before and before[0] in NOT_SPEECH_BEFORE:
            return "", False
        who = self._speaker(lowered, end, after, False) if lowered.startswith(" that ", end) else ""
        return who or (UNPLACED_SPEAKER if said in SPEAKING else ""), False

    def _quoted_speaker(self, sentence_start: int, quote_end: int, verb: tuple[int, int], after: int) -> str:
        """Who speaks a quotation before a verb of saying: a speaker word between or after ('"...,"
        said a toxicologist'), a name placed before ('"...," Raman said'), an unplaced name, or
        else the article's last speaker ('"...," she said')."""
        start, end = verb
        who = self._speaker(self.lowered, quote_end, start, True) or self._speaker(self.lowered, end, after, False)
        if who:
            return who
        name = self._speaker_name(sentence_start, start)
        if name:
            return self.names.get(name, UNPLACED_SPEAKER)
        return self.last_speaker or UNPLACED_SPEAKER

    def _speaker_name(self, sentence_start: int, verb_start: int) -> str:
        """The name (lower case) of a person right before a verb of saying ("Raman said"), or
        opening the sentence with an apposition after it ("Ray Dolan, who owns a shop, told ..."),
        or "" for none."""
        text = self.text
        before = text[max(sentence_start, verb_start - SPEAKER_REACH) : verb_start].rsplit(None, 1)
        if before and before[-1].istitle() and before[-1].isalpha():
            name = before[-1]
        else:
            named = NAMED_OPENING.match(text, sentence_start, verb_start)
            name = named.group().split()[-1].strip(",") if named else ""
        return "" if name.lower() in NOT_NAMES else name.lower()

    def _speaker(self, text: str, start: int, end: int, last: bool) -> str:
        """Whom the speaker named in text[start:end] (the last named, or the first) stands for:
        an attribution id, or "" for the writer or for no speaker at all."""
        return self._who((LAST_SPEAKER.match if last else SPEAKER.search)(text, start, end))

    def _who(self, found: re.Match | None) -> str:
        """Whom a speaker found by SPEAKER or LAST_SPEAKER stands for ("" for the writer or none)."""
        if found is None:
            return ""
        speaker = found["speaker"]
        if speaker in FIRST_PERSON:
            return ""
        if speaker in PRONOUN_SPEAKERS:
            return self.last_speaker or UNPLACED_SPEAKER
        return SPEAKER_OF[speaker]

    # --- what the form handler asks ---------------------------------------------------------------

    def _claim_terms(self, sentence: Sentence, form: Form, start: int, end: int, joined: bool) -> None:
        """Claim the form's terms (for a shared form, the one its cues choose), denied or asserted."""
        terms = (_choose(form.terms, self.lowered, sentence, start, end),) if form.shared else form.terms
        if joined:
            terms = self.lexicon.implied(self.lowered, start, end) + terms
        if sentence.negated and (
            COMMA_SUBJECT.search(self.lowered, sentence.negation_end, start)
            or sentence.concessive
            and "," in self.lowered[sentence.negation_end : start]
        ):
            sentence.negated = False  # a comma ended the negated clause
        clause_denies = sentence.subject == "contrast" or sentence.negated
        for term in terms:
            if sentence.symptoms and term.category == "condition":
                continue  # a withdrawal symptom, not a condition kratom relieves
            if sentence.amounts and term.dosage:
                continue  # the sentence's dose figures give its dosage rows, or its amounts are not doses
            if term.subject_of_advice and (
                sentence.against or self.against and self._advised_against(start, sentence.end)
            ):
                continue  # what use is advised against for, not a claim
            denied = (
                clause_denies
                or term.harm
                and (
                    sentence.without >= 0
                    and self._without_governs(sentence, start, end)
                    or sentence.comparisons
                    and _within_reach(self.lowered, sentence.comparisons, start)
                )
            ) and not (term.category == "advice" and term.term in CAUTIONS)  # a warning said as a negation
            key = term.denied if denied else term.asserted
            if key not in self.seen:
                self.seen.add(key)
                sentence.claims.append(key)

    def _without_governs(self, sentence: Sentence, start: int, end: int) -> bool:
        """Whether the phrase after "without" reaches a harm at start: no comma or new verb
        between, or the harm continues a list of harms it denied ("without nausea, or tremor")."""
        lowered = self.lowered
        if sentence.without_list >= 0 and LIST_JOINER.fullmatch(lowered, sentence.without_list, start):
            sentence.without_list = end
            return True
        if WITHOUT_ENDS.search(lowered, sentence.without, start):
            return False
        sentence.without_list = end
        return True

    def _advised_against(self, start: int, sentence_end: int) -> bool:
        """Whether advice against use follows a form in its sentence, with no contrary clause between."""
        following = bisect_right(self.against, start)
        if following == len(self.against) or self.against[following] >= sentence_end:
            return False
        return CONTRARY.search(self.lowered, start, self.against[following]) is None

    def _drug_purpose(self, sentence: Sentence, start: int) -> bool:
        """Whether a form names what the last drug is for ("medicines for nausea"), the drug not
        being what kratom is compared with ("an alternative to opioids for chronic pain")."""
        lowered = self.lowered
        drug_start, drug_end = sentence.drug_span
        if not DRUG_PURPOSE.fullmatch(lowered, drug_end, start) or KRATOM_MENTION.search(
            lowered, sentence.start, drug_start
        ):
            return False  # no purpose named, or kratom is what the sentence describes
        before = lowered[max(sentence.start, drug_start - OBJECT_WINDOW) : drug_start].rsplit(None, 3)[-3:]
        return COMPARED_WITH.isdisjoint(before)

    def _kratom_after(self, index: int, end: int, sentence_end: int) -> bool:
        """After an "unlike <drug> ..." phrase, kratom (or a pronoun for it, or a strain) must take
        the subject. The patterns go first: they usually find kratom a few words on."""
        if KRATOM_MENTION.search(self.lowered, end, sentence_end) or PRONOUN.search(self.lowered, end, sentence_end):
            return True
        for following in range(index + 1, len(self.hits)):
            start, (_, _, kind, payload) = self.hits[following]
            if start >= sentence_end:
                break
            if kind == "form" and payload.strain:
                return True
        return False


def _before_drugs(lowered: str, starts: list[int]) -> set[int]:
    """Where a word ends that stands right before a drug, only spaces between: "addictive| painkillers"."""
    ends = set()
    for start in starts:
        window = lowered[max(0, start - 8) : start]
        ends.add(start - len(window) + len(window.rstrip()))
    return ends


def _harms_of_drugs(lowered: str, starts: list[int]) -> set[int]:
    """Where a word ends that a drug's preposition follows: "overdose| on fentanyl", "deaths|
    from heroin", "side effects| of opioids": a harm named there is the drug's."""
    ends = set()
    for start in starts:
        for preposition in HARM_PREPOSITIONS:
            if lowered.endswith(preposition, 0, start):
                ends.add(start - len(preposition))
    return ends


def _within_reach(lowered: str, comparisons: tuple[int, ...], start: int) -> bool:
    """Whether a comparison ("fewer", "lower risk of") ends at most a few words before a form."""
    return any(len(lowered[cue_end:start].split()) <= COMPARISON_REACH for cue_end in comparisons)


def _drug_is_subject(lowered: str, since: int, start: int, end: int) -> bool:
    """A drug named after a preposition ("an alternative to opioids") is compared, not described,
    unless a relative clause follows it ("therapies that offer ...")."""
    if RELATIVE.match(lowered, end):
        return True
    return OBJECT_WORDS.isdisjoint(lowered[since:start].rsplit(None, 3)[-3:])


def _choose(owners: tuple[Term, ...], lowered: str, sentence: Sentence, start: int, end: int) -> Term:
    """For a form two categories share: the nearest harm or relief cue before it decides, else
    the first after it, else the codebook's first category."""
    before = [*SENSE.finditer(lowered, sentence.start, start)]
    cue = before[-1] if before else SENSE.search(lowered, end, sentence.end)
    if cue is None:
        wanted = "side_effect" if sentence.heading_harm else None
    else:
        wanted = "side_effect" if cue["harm"] else "condition"
    for term in owners:
        if term.category == wanted:
            return term
    return owners[0]
