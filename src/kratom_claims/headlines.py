"""The book's key findings as whole sentences, so that the front page stays true at any article count.

Each sentence is built from the computed tables, and its wording follows the numbers: "none of",
"all", "k of the n". The front page glues these sentences rather than numbers, so that a count
of zero or of every article never reads awkwardly or falsely.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .verdicts import NOT_FOUND

SERIOUS_RISKS = ("liver_injury", "death", "overdose", "contamination", "seizures")


def share_of(count: int, total: int, verb: tuple[str, str], noun: str = "articles") -> str:
    """'None of the 5 articles names', 'All 5 articles name', '3 of the 5 articles name': the subject
    and the verb (singular, plural) agreeing with it."""
    singular, plural = verb
    if total == 1:
        return f"The one {noun[:-1]} {singular}" if count else f"The one {noun[:-1]} does not {plural}"
    if count == 0:
        return f"None of the {total} {noun} {singular}"
    if count == total:
        return f"All {total} {noun} {plural}"
    return f"{count} of the {total} {noun} {singular if count == 1 else plural}"


def counted(count: int, singular: str, plural: str) -> str:
    """'1 range', '3 ranges', '1 is supported': a count followed by the words that agree with it."""
    return f"{count} {singular if count == 1 else plural}"


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def sources_sentence(jama: pd.DataFrame, article_ids: Iterable[str]) -> str:
    """How many rated articles name no source for what they say (the JAMA attribution benchmark)."""
    ids = list(article_ids)
    rated = jama[(jama["criterion"] == "attribution") & jama["article_id"].isin(ids)]
    unsourced = int((~rated["met"].astype(bool)).sum())
    noun = "articles" if rated["article_id"].nunique() == len(ids) else "rated articles"
    subject = share_of(unsourced, len(rated), ("names", "name"), noun)
    return f"{subject} no source for any statement (the JAMA attribution benchmark)."


# The JAMA criteria that say who wrote a page, when, and from what sources, as the corpus chapter words them.
NAMED_BY_PAGE = {
    "authorship": "an author with credentials",
    "currency": "a date of writing",
    "attribution": "a source for the claims made",
}


def unnamed_sentence(jama: pd.DataFrame, article_ids: Iterable[str]) -> str:
    """Whether the articles name an author, a date and their sources, from their JAMA ratings.

    'None of the 5 articles names an author with credentials, a date of writing or a source for the
    claims made.' when none does; otherwise one sentence per criterion. Unrated articles are left out
    and the sentence then says "rated articles".
    """
    ids = list(article_ids)
    rated = jama[jama["article_id"].isin(ids) & jama["criterion"].isin(list(NAMED_BY_PAGE))]
    total = int(rated["article_id"].nunique())
    if total == 0:
        return "No article has been rated yet for whether it names an author, a date or its sources."
    noun = "articles" if total == len(ids) else "rated articles"
    meeting = rated[rated["met"].astype(bool)].groupby("criterion")["article_id"].nunique()
    if meeting.sum() == 0:
        return f"{share_of(0, total, ('names', 'name'), noun)} {_listed(list(NAMED_BY_PAGE.values()))}."
    return " ".join(
        f"{share_of(int(meeting.get(criterion, 0)), total, ('names', 'name'), noun)} {what}."
        for criterion, what in NAMED_BY_PAGE.items()
    )


def risks_sentence(omissions: pd.DataFrame, risk_terms: Iterable[str], named_states: Iterable[str]) -> str:
    """Which serious documented risks no article names; ``omissions`` rows align with ``risk_terms``."""
    named = omissions.isin(list(named_states)).any(axis=1).to_numpy()
    labels = [
        label.lower()
        for label, term, said in zip(omissions.index, risk_terms, named, strict=True)
        if term in SERIOUS_RISKS and not said
    ]
    if not labels:
        return "Every serious risk the evidence documents is named by at least one article."
    which = "it" if len(labels) == 1 else "each"
    return f"No article names {_listed(labels)}, though the evidence documents {which} as a risk of kratom."


def claim_sentence(
    claims: pd.DataFrame, article_ids: Iterable[str], category: str, term: str, verb: tuple[str, str], rest: str
) -> str:
    """'k of the n articles <verb> <rest>': the articles that assert one term."""
    ids = list(article_ids)
    making = claims[(claims["category"] == category) & (claims["term"] == term) & (claims["stance"] == "asserted")]
    return f"{share_of(int(making['article_id'].nunique()), len(ids), verb)} {rest}."


def verdicts_sentence(matched: pd.DataFrame) -> str:
    """The combined verdicts on the claims that any evidence bears on, every verdict named."""
    covered = matched[matched["verdict"] != NOT_FOUND]["verdict"].value_counts()
    parts = [
        counted(int(covered.get("supports", 0)), "is supported", "are supported"),
        counted(int(covered.get("goes_beyond", 0)), "goes beyond the evidence", "go beyond the evidence"),
        counted(int(covered.get("mixed", 0)), "meets mixed evidence", "meet mixed evidence"),
        counted(int(covered.get("no_evidence", 0)), "is untested", "are untested"),
        counted(int(covered.get("contradicts", 0)), "is contradicted", "are contradicted"),
    ]
    return f"Of the {int(covered.sum())} claims that the evidence bears on, {', '.join(parts[:-1])} and {parts[-1]}."


def how_many(count: int, singular: str, plural: str, verb: tuple[str, str] = ("is", "are")) -> str:
    """'No condition is', 'One condition is', '3 conditions are': a count as the subject of a sentence.

    Zero reads "No ..." and one "One ...", never "0 conditions are" or "1 conditions".
    """
    if count == 0:
        return f"No {singular} {verb[0]}"
    if count == 1:
        return f"One {singular} {verb[0]}"
    return f"{count} {plural} {verb[1]}"


def every_article(claiming: int, total: int) -> str:
    """'every article', or, when some articles make no claim, 'every article that makes claims (13 of the 15)'.

    An article with no claims cannot share one, so "every article" counts only those that make claims.
    """
    if claiming == total:
        return "every article"
    return f"every article that makes claims ({claiming} of the {total})"


def spread_sentence(
    n_all: int, n_single: int, nouns: tuple[str, str], participle: str, claiming: int, total: int
) -> str:
    """'No condition is claimed by every article; 4 are claimed by one article only.'"""
    singular, plural = nouns
    first = f"{how_many(n_all, singular, plural)} {participle} by {every_article(claiming, total)}"
    single = {0: "none is", 1: "one is"}.get(n_single, f"{n_single} are")
    return f"{first}; {single} {participle} by one article only."
