"""The cue phrases that decide how a surface form is read, and the patterns built from them.

Every phrase is lower case and matched as a whole word. The automaton (lexicon.py) finds the
cues every sentence needs; the patterns below look for the few that matter only in some
sentences (a kratom mention after a drug, a harm or relief word near a shared form).
"""

from __future__ import annotations

import re
from itertools import product

from .amounts import UNITS
from .copies import search_copy

NEUTRAL = (
    "not only",
    "not just",
    "not without",
    "n't without",
    "no doubt",
    "no wonder",
    "no more",
    "no longer",
    # A denial of safety or approval asserts a risk; it denies no claim.
    "not safe",
    "not be safe",
    "not considered safe",
    "not approved",
    "not fda approved",
    # Doubting a doubt affirms: "did not dismiss reports that ...", "I don't doubt that it helps".
    "not dismiss",
    "not deny",
    "not doubt",
    "not dispute",
    "n't dismiss",
    "n't deny",
    "n't doubt",
    "n't dispute",
    # Reported advice ("warns consumers not to use it") denies none of the harms around it.
    "not to use",
    "not to take",
)
CONTRAST = ("unlike", "compared to", "compared with", "in contrast to", "as opposed to")
DRUG_NOUNS = (
    "opioids",
    "opiates",
    "opioid drugs",
    "opioid medications",
    "opioid medication",
    "opioid painkillers",
    "opioid analgesics",
    "oxycodone",
    "morphine",
    "heroin",
    "fentanyl",
    "codeine",
    "hydrocodone",
    "methadone",
    "tramadol",
    "buprenorphine",
    "benzodiazepines",
    "alcohol",
    "nsaids",
    "ibuprofen",
    "acetaminophen",
    "paracetamol",
    "pharmaceuticals",
    "marijuana",
    "medical marijuana",
    "cannabis",
    "painkillers",
    "pain medication",
    "pain medications",
    "pain management methods",
    "treatment methods",
    "medications",
    "treatments",
    "therapies",
    "drugs",
)
# Other pain medicines, named alone: with the modifiers they would add hundreds of phrases that
# no text uses ("synthetic prescription gabapentin"), and a larger automaton reads slower.
PAIN_MEDICINES = (
    "naproxen",
    "aspirin",
    "gabapentin",
    "pregabalin",
    "duloxetine",
    "amitriptyline",
    "antidepressants",
    "anticonvulsants",
    "lidocaine",
    "capsaicin",
    "pain relievers",
    "sedatives",
    "benzos",
    "sleeping pills",
    "medicines",
    "meds",
    "pain meds",
)
DRUG_MODIFIERS = ("synthetic", "prescription", "traditional", "conventional", "other", "pharmaceutical", "opioid")
KRATOM = (
    "kratom",
    "kratom's",
    "mitragynine",
    "mitragyna",
    "7-hydroxymitragynine",
    "7-oh",
    "alkaloids",
    "this strain",
    "this plant",
    "this herb",
    "this leaf",
    "the plant",
    "the herb",
    "the leaves",
)
NEGATION = (
    "not",
    "never",
    "no",
    "none",
    "nobody",
    "cannot",
    "neither",
    "nor",
    "rarely",
    "seldom",
    # Informal writing drops the apostrophe: "I dont get that foggy feeling".
    "dont",
    "doesnt",
    "didnt",
    "isnt",
    "arent",
    "wasnt",
    "cant",
    "wont",
    "havent",
    "hasnt",
)
COMPARISON = (
    "fewer",
    "milder",
    "less",
    "safer",
    "lower risk of",
    "lower rate of",
    "lower rates of",
    "lower incidence of",
    "lower chance of",
    "lower likelihood of",
    "reduced risk of",
    "free of",
    "free from",
    "absence of",
    "lack of",
    "maintain",
    "maintains",
    "maintaining",
    "preserving",
    "retaining",
)
HEDGE = (
    "may",
    "might",
    "could",
    "potential",
    "potentially",
    "possibly",
    "perhaps",
    "reportedly",
    "anecdotal",
    "anecdotally",
    "users report",
    "users have reported",
    "users say",
    "users claim",
    "is believed",
    "are believed",
    "is thought",
    "are thought",
    "research suggests",
    "studies suggest",
    "evidence suggests",
    "touted",
    "reports suggest",
    "reports indicate",
    "purported",
    "purportedly",
    "allegedly",
    "is said to",
    "are said to",
    "in some cases",
    "in rare cases",
    "in some individuals",
    "in some people",
    "in some users",
)
HARM_CUES = (
    "cause",
    "causes",
    "caused",
    "causing",
    "lead to",
    "leads to",
    "leading to",
    "result in",
    "results in",
    "side effect",
    "side effects",
    "adverse",
    "risk",
    "risks",
    "trigger",
    "triggers",
    "triggered",
    "induce",
    "induces",
    "inducing",
    "worsen",
    "worsens",
    "worsened",
)
RELIEF_VERBS = (
    "relieve",
    "relieves",
    "relieved",
    "relieving",
    "reduce",
    "reduces",
    "reduced",
    "reducing",
    "help",
    "helps",
    "helped",
    "helping",
    "manage",
    "manages",
    "managed",
    "managing",
    "alleviate",
    "alleviates",
    "alleviated",
    "alleviating",
    "ease",
    "eases",
    "eased",
    "easing",
    "treat",
    "treats",
    "treated",
    "treating",
    "improve",
    "improves",
    "improved",
    "improving",
    "calm",
    "calms",
    "soothe",
    "soothes",
    "combat",
    "fight",
)
RELIEF_CUES = (
    *RELIEF_VERBS,
    "relief",
    "suffer",
    "suffers",
    "suffered",
    "suffering",
    "sufferers",
    "provide",
    "provides",
)
# Who a claim is attributed to, by the codebook's attribution ids: "critics say it causes ..."
# is the critics' claim, not the article's. An attribution also hedges what follows it.
ATTRIBUTIONS = {
    "users": (
        "users report",
        "users have reported",
        "users say",
        "users claim",
        "users often report",
        "users describe",
        "users find",
        "users swear by",
        "people report",
        "customers report",
        "individuals have found",
    ),
    "advocates": (
        "advocates claim",
        "advocates say",
        "proponents claim",
        "proponents say",
        "supporters claim",
        "supporters say",
        "enthusiasts claim",
        "enthusiasts say",
        "vendors claim",
        "sellers claim",
        "many claim",
        "some claim",
        "touted",
        "praised for",
        # "sold as" alone mostly names a form ("sold as powder"); as a remedy, it is marketing.
        *(
            f"sold as {what}"
            for what in ("a natural", "a safe", "a gentle", "a cure", "a remedy", "a way", "an alternative")
        ),
        "marketed as",
        "promoted as",
        "advertised as",
        "billed as",
        # What it is sold to treat: "often marketed for pain".
        "marketed for",
        "promoted for",
        "advertised for",
    ),
    "critics": (
        "critics say",
        "critics claim",
        "critics argue",
        "critics warn",
        "according to critics",
        "opponents say",
        "opponents argue",
        "skeptics say",
        "sceptics say",
    ),
    "regulators": (
        "considered by the fda",
        "considered by the dea",
        "according to the fda",
        "according to the dea",
        "the fda says",
        "the fda warns",
        "the fda has warned",
        "the fda considers",
        "the dea considers",
        "classified by the dea",
        "regulators say",
        "regulators warn",
        "health authorities warn",
        "health authorities say",
    ),
    "researchers": (
        "research suggests",
        "research shows",
        "research has shown",
        "research indicates",
        "studies suggest",
        "studies show",
        "studies have shown",
        "a study found",
        "researchers found",
        "researchers say",
        "researchers believe",
        "scientists say",
        "according to research",
        "evidence suggests",
    ),
}
ATTRIBUTED_BY = {phrase: who for who, phrases in ATTRIBUTIONS.items() for phrase in phrases}
# Reported speech in general: a verb of saying ("say", "told", "warns", "found") whose speaker,
# named a few words before it ("many people who buy kratom say"), or after it when a quotation
# comes first ('"...," said a toxicologist') or after "according to", is one of these. The
# speaker decides whose the claim is; a verb with no speaker it can place attributes nothing.
# "reported" counts only after a speaker ("many also reported"): in the passive ("side effects
# have been reported") a verb of saying names no speaker (Reader.speech).
SPEECH_VERBS = tuple(
    stem + ending
    for stem, endings in (
        ("say", ("", "s", "ing")),
        ("said", ("",)),
        ("swear", ("", "s")),
        ("swore", ("",)),
        ("write", ("s",)),
        ("wrote", ("",)),
        ("tell", (" us", "s us")),
        ("told", ("",)),
        ("report", ("", "s", "ed")),
        ("claim", ("", "s", "ed")),
        ("consider", ("", "s")),
        ("believe", ("", "s")),
        ("warn", ("", "s", "ed")),
        ("argue", ("", "s", "d")),
        ("insist", ("", "s", "ed")),
        ("describe", ("", "s")),
        ("suggest", ("", "s", "ed")),
        ("found", ("",)),
        # What people notice in themselves: "some people feel their pain ease".
        ("feel", ("", "s")),
        ("propose", ("", "s", "d")),
        ("show", ("", "s", "ed")),
        ("list", ("", "s")),
        ("add", ("s", "ed")),
        ("explain", ("s", "ed")),
        ("noted", ("",)),
        ("point", ("s out", "ed out", " out")),
        ("classif", ("y", "ies")),
        ("according to", ("",)),
    )
    for ending in endings
)
SPEAKERS = {
    "users": (
        "users",
        "user",
        "customers",
        "customer",
        "buyer",
        "shoppers",
        "clients",
        "buyers",
        "consumers",
        "people",
        "patients",
        "members",
        "readers",
        "many",
        "some",
        "others",
        "veterans",
        "most",
        "respondents",
        "participants",
        "callers",
        "surveyed",
        "fans",
        "posters",
        "poster",
        "commenters",
        "reviewers",
    ),
    "advocates": (
        "advocates",
        "advocate",
        "proponents",
        "supporters",
        "vendors",
        "vendor",
        "sellers",
        "seller",
        "retailers",
        "owner",
        "manufacturers",
        "industry",
        "american kratom association",
    ),
    "critics": (
        "critics",
        "critic",
        "opponents",
        "skeptics",
        "sceptics",
        "doctors",
        "doctor",
        "physicians",
        "physician",
        "toxicologists",
        "toxicologist",
        "pharmacists",
        "pharmacist",
        "poison centres",
        "poison centers",
        "poison control centres",
        "poison control centers",
    ),
    "regulators": (
        "regulators",
        "fda",
        "dea",
        "cdc",
        "food and drug administration",
        "drug enforcement administration",
        "centers for disease control",
        "the agency",
        "agencies",
        "health authorities",
        "authorities",
        "government",
        "world health organization",
        "lawmakers",
        "officials",
    ),
    "researchers": (
        "researchers",
        "scientists",
        "authors",
        "pharmacologists",
        "pharmacologist",
        "investigators",
        "experts",
        "research",
        "studies",
        "study",
        "surveys",
        "survey",
        "trials",
        "trial",
        "tests",
        "analyses",
        "analysis",
        "evidence",
        "review",
        "reviews",
        "report",
        "reports",
    ),
}
SPEAKER_OF = {speaker: who for who, speakers in SPEAKERS.items() for speaker in speakers}
# One person speaking, who in news copy goes on speaking after the sentence that names them.
PERSONS = frozenset(
    "user customer buyer advocate vendor seller owner critic doctor physician toxicologist pharmacist".split()
)
# A pronoun speaker ("he said") is the speaker the article placed last; the writer ("I", "we")
# speaks for the article itself.
PRONOUN_SPEAKERS = ("he", "she", "they")
FIRST_PERSON = ("i", "we")
# Advice against using kratom ("not recommended for withdrawal"): the conditions and harms of
# its clause are what it is advised against for, not claims that it helps or harms.
AGAINST = (
    "not recommended",
    "not advised",
    "should be avoided",
    "best avoided",
    "should not be used",
    "should not use",
    "should not take",
    "shouldn't be used",
    "advise against",
    "advises against",
    "advised against",
    "recommend against",
    "recommends against",
    # A person or body that does not recommend kratom itself ("the Department does not recommend
    # kratom for pain"); not recommending an amount ("more than 10 g") is another matter.
    *(f"{no} recommend {what}" for no in ("not", "n't") for what in ("kratom", "it", "using", "the use")),
    "avoid kratom",
    "avoid using kratom",
    "do not use kratom",
    "don't use kratom",
)
# Background facts: a sentence that explains a condition or names what guidelines prefer, and
# does not name kratom, claims nothing about kratom ("joint pain is commonly due to arthritis").
BACKGROUND = (
    "is due to",
    "are due to",
    "is commonly due to",
    "are commonly due to",
    "is often due to",
    "are often due to",
    "is usually due to",
    "is mostly due to",
    "is caused by",
    "are caused by",
    "commonly caused by",
    "often caused by",
    "usually caused by",
    "is a condition",
    "is a common condition",
    "is a chronic condition",
    "refers to",
    "is characterized by",
    "is characterised by",
    "is defined as",
    "occurs when",
    "affects millions",
    "guidelines prefer",
    "guidelines recommend",
    "guidelines suggest",
    "guidelines favour",
    "guidelines favor",
    "first-line treatment",
    "first-line treatments",
)
DOSE_BANDS = (
    "low dose",
    "low doses",
    "lower doses",
    "small doses",
    "moderate doses",
    "high dose",
    "high doses",
    "higher doses",
    "large doses",
    "heavy doses",
    "excessive doses",
)
CLAUSE_WORDS = ("but", "while", "whereas", "although", "though", "yet", "however", "because", "since")
# A clause these open ends at its first comma: "Although kratom is not an opioid|, at high doses ...";
# searched for only before a negation, back to the start of its sentence.
CONCESSIVE_OPEN = re.compile(r"\b(?:although|though|while|whereas)\b[^,;:]*$")
# "It did nothing for my migraines": a negation; "if you have migraines, it did nothing for mine"
# also denies the conditions named before it in the sentence, which the pronoun points back to.
NO_EFFECT = (
    "did nothing for",
    "does nothing for",
    "do nothing for",
    "did not help",
    "didn't help",
    "does not help",
    "doesn't help",
    "did not work for",
    "didn't work for",
    "does not work for",
    "doesn't work for",
    "had no effect on",
    "has no effect on",
)
# Advice terms that warn: said as a negation as often as not ("never mix it with alcohol", "not for
# pregnant women", "there are no trials, and more research is needed"), so a negation restates it
# rather than denying it. Other advice ("you do not need a doctor") is denied by a negation.
CAUTIONS = frozenset(
    (
        "more_research_needed",
        "avoid_in_pregnancy",
        "avoid_driving",
        "avoid_high_doses",
        "drug_interactions",
        "advised_against",
        "legal_status",
    )
)
# The list after these names withdrawal symptoms; after a harm ("may cause withdrawal symptoms
# such as muscle aches") the conditions in the rest of the sentence are symptoms, not conditions
# kratom relieves.
SYMPTOM_LISTS = tuple(
    f"withdrawal {middle}"
    for middle in (
        "symptoms such as",
        "symptoms like",
        "symptoms including",
        "symptoms include",
        "symptoms can include",
        "can include",
        "may include",
        "includes",
        "with",
    )
)
BACK_REFERENCE = re.compile(r"\s+(?:mine|it|them|that|those|this|me)\b")
# "X is one of the (best-supported) treatments for Y": the treatment is what the sentence
# describes, not an object kratom is compared with.
ONE_OF = re.compile(r"\bone of the(?: [\w-]+){0,2} $")
CLAUSE_PHRASES = (", which", ", who")
# A comma before a subject opens a new clause: "Although kratom is not an opioid|, it has ...".
# Only a negation needs to know (sentence.py), so it is a pattern searched for after a negation,
# not a boundary hit in every sentence.
COMMA_SUBJECT = re.compile(r",\s+(?:it|its|it's|they|kratom|kratom's|this|these)\b")
NEW_SUBJECT = (
    "it",
    "its",
    "they",
    "kratom",
    "this",
    "these",
    "may",
    "might",
    "can",
    "could",
    "will",
    "is",
    "are",
    "has",
    "have",
    "also",
    "everyone",
    "everybody",
    "you",
    "people",
    "most",
    "many",
    "some",
    "we",
    "i",
    "he",
    "she",
    "there",
)


def drug_phrases() -> list[str]:
    """Every drug noun, alone and after one or two different modifiers ("synthetic opioids"), and
    the other pain medicines."""
    phrases = [*DRUG_NOUNS, *PAIN_MEDICINES]
    for first in DRUG_MODIFIERS:
        phrases += [f"{first} {noun}" for noun in DRUG_NOUNS]
        phrases += [f"{first} {second} {noun}" for second in DRUG_MODIFIERS if second != first for noun in DRUG_NOUNS]
    return phrases


def cue_phrases() -> dict[str, str]:
    """Every cue phrase the automaton looks for and its kind; a phrase listed under two kinds keeps the first."""
    kinds: dict[str, str] = {}
    groups = [
        ("neutral", NEUTRAL),
        ("against", AGAINST),
        ("attribution", tuple(ATTRIBUTED_BY)),
        ("unplaced", UNPLACED_FRAMES),
        ("speech", SPEECH_VERBS),
        ("background", BACKGROUND),
        ("contrast", CONTRAST),
        ("drug", drug_phrases()),
        ("no_effect", NO_EFFECT),
        ("symptoms", SYMPTOM_LISTS),
        ("negation", (*NEGATION, "n't")),
        ("without", ("without",)),
        ("comparison", COMPARISON),
        ("hedge", HEDGE),
        ("band", DOSE_BANDS),
        ("unit", UNITS),
    ]
    for kind, phrases in groups:
        for phrase in phrases:
            kinds.setdefault(phrase, kind)
    for digit, unit in product("0123456789", ("g", "mg", "gm")):
        kinds.setdefault(f"{digit}{unit}", "unit")
    return kinds


def boundary_phrases() -> list[str]:
    """Words and phrases that open a new clause: "but", ", which", ", and it", "and may ease"."""
    phrases = [*CLAUSE_PHRASES, *CLAUSE_WORDS]
    phrases += [f", {conj} {word}" for conj, word in product(("and", "or"), NEW_SUBJECT)]
    phrases += [f"and {aux}{verb}" for aux, verb in product(("", "may ", "can ", "also "), RELIEF_VERBS)]
    return phrases


def alternation(phrases) -> str:
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
    """The alternation below one node of alternation's tree; an end of phrase makes it optional."""
    branches = [re.escape(char) + _branches(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


# Kratom mentions and harm or relief cues matter only in a few sentences (after a drug; for a
# form two categories share), so they are searched for there rather than in every sentence.
KRATOM_MENTION = re.compile(rf"\b(?:{alternation(KRATOM)})(?!\w)")
SENSE = re.compile(rf"\b(?:(?P<harm>{alternation(HARM_CUES)})|(?P<relief>{alternation(RELIEF_CUES)}))\b")
OTHER_DRUG = re.compile(rf"\b(?:{alternation(drug_phrases())})\b")
# The speaker of a verb of saying, searched for in a few words around that verb only.
SPEAKER_NAMES = alternation([*SPEAKER_OF, *PRONOUN_SPEAKERS, *FIRST_PERSON])
# A share of people stands for the people asked ("68% said", "four in ten respondents").
# Looked for only where no speaker is named, in the last words before the verb.
SHARE_REACH = 30
SHARE_SIGNS = ("%", "cent", " in ", "out of")
SHARE = re.compile(
    r"(?:\d%|\bper ?cent|\b(?:one|two|three|four|five|six|seven|eight|nine|\d+) (?:in|out of) (?:ten|five|four|three|\d+))"
    r"(?: [a-z]+)?,? $"
)
SPEAKER = re.compile(rf"\b(?P<speaker>{SPEAKER_NAMES})\b")
# The last speaker in a stretch of text, found by one greedy match rather than a list of all.
LAST_SPEAKER = re.compile(rf"(?s:.*)\b(?P<speaker>{SPEAKER_NAMES})\b")
# A person named opening the sentence, an apposition between the name and the verb of saying
# ("Ray Dolan, who has owned a shop for years, told ..."), read in the article as written,
# since only capitals tell a name.
NAMED_OPENING = re.compile(r"\s*(?:(?:Dr|Mr|Ms|Mrs|Prof)\. )?[A-Z][a-z]+(?: [A-Z][a-z]+){0,2},")
# Frames of reported speech whose speaker no rule can place: the writer passes on what someone
# else said ("I was told", "you'll hear that", "I read that"); the claims after one are someone
# else's, who is unclear. Each starts at its verb, not at "I" or "you", which the automaton meets
# at nearly every word.
UNPLACED_FRAMES = (
    "was told",
    "were told",
    "been told",
    "heard that",
    "read that",
    "hear that",
    "rumor has it",
    "rumour has it",
    "on forums",
    "online forums",
    "on reddit",
    "in testimonials",
    "in reviews",
)
# Verbs that, with no speaker the rules can place, still show someone else speaking ("A nurse
# said", "the label insists"): their claims are given as someone's, who is unclear.
SPEAKING = frozenset(
    "say says said saying told claims claimed insists insisted swear swears swore argues argued".split()
)
# A word right before a verb of saying that makes it no speech: the passive ("have been
# reported", "is said"), or "that said", "having said", which only turn the argument.
NOT_SPEECH_BEFORE = frozenset("be been is are was were being that having".split())
# How many words a quotation needs to be speech rather than a name or scare quotes ("wobbles").
QUOTATION_WORDS = 4
# Verbs of saying proper (not "show", "found"), after which a capitalised word is a person.
SAYING = frozenset(
    (
        "say",
        "says",
        "said",
        "told",
        "tell us",
        "tells us",
        "adds",
        "added",
        "explains",
        "explained",
        "noted",
    )
)
# A line that states no claim: navigation or a byline, its parts set apart by these marks.
LINE_SEPARATORS = (" \u00b7 ", " | ", " \u2022 ")
# A title: a line without end punctuation whose longer words all open with a capital; a
# longer word in lower case is looked for first, as it rules most lines out at once.
LOWER_LONG_WORD = re.compile(r"\b[^\W\d_A-Z][^\W\d_]{3,}")
UPPER_LONG_WORD = re.compile(r"\b[A-Z][^\W\d_]{3,}")
# A heading over a list of symptoms ("Common symptoms include:", "What does withdrawal feel like?").
SYMPTOM_HEADING = re.compile(r"\b(?:symptoms?|withdrawal|warning signs)\b")
# A quotation closes right before the verb, the speaker perhaps between ('..." he said').
QUOTE_BEFORE = re.compile(r'[,.!?]?"\s*(?:[a-z]+\s+){0,3}$')


def mentions_other_drug(text: str) -> bool:
    """Whether a passage names a drug or treatment other than kratom (opioids, painkillers ...)."""
    return OTHER_DRUG.search(search_copy(text)) is not None
