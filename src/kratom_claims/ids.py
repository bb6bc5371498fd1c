"""The id rules, each in one function: what makes an article id, its short label, and how claim ids are numbered.

An article's short label is the first LABEL_LENGTH characters of its id (``005`` for
``005_back_pain_guide``). It names the article in every table and chart and starts each of its
claim ids (``005-001``), so the rules for a new article id exist to keep that label well formed
and unique among the articles.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from .errors import CorpusError

LABEL_LENGTH = 3
CLAIM_NUMBER_DIGITS = 3
ARTICLE_SUFFIX = ".txt"
ID_CHARACTERS = re.compile(r"[A-Za-z0-9_-]+")
ID_START = re.compile(rf"[A-Za-z0-9]{{{LABEL_LENGTH}}}")
CLAIM_ID = re.compile(rf"(?P<label>.{{{LABEL_LENGTH}}})-\d{{{CLAIM_NUMBER_DIGITS}}}")


def short_label(article_id: str) -> str:
    """The article's short label, which names it in tables and starts its claim ids (``005`` in ``005-001``)."""
    return article_id[:LABEL_LENGTH]


def short_labels(article_ids: Iterable[str]) -> dict[str, str]:
    """Each article id mapped to its short label, for renaming the rows or columns of a table."""
    return {article_id: short_label(article_id) for article_id in article_ids}


def article_label(article_id: str, labels: dict[str, str] | None = None) -> str:
    """The display name of an article: the caller's label for it if given, else its short label."""
    return (labels or {}).get(article_id, short_label(str(article_id)))


def claim_id(article_id: str, number: int) -> str:
    """The id of an article's claim number ``number``: its short label, a hyphen, three digits."""
    return claim_ids(article_id, (number,))[0]


def claim_ids(article_id: str, numbers: Iterable[int]) -> list[str]:
    """The ids of several of an article's claims (claim_id), the pattern built once for them all:
    the command that writes a corpus's table numbers every row."""
    pattern = f"{short_label(article_id).replace('%', '%%')}-%0{CLAIM_NUMBER_DIGITS}d"
    return [pattern % number for number in numbers]


class ClaimNumbering:
    """Claim ids handed out in row order, numbered from 1 per short label, so articles sharing one
    never clash; it keeps one count per label, so a table of any length can be numbered as it streams."""

    def __init__(self):
        self.counts: Counter[str] = Counter()

    def next_id(self, article_id: str) -> str:
        label = short_label(article_id)
        self.counts[label] += 1
        return claim_id(article_id, self.counts[label])

    def next_ids(self, article_id: str, count: int) -> list[str]:
        """The ids of an article's next ``count`` claims, as many calls of next_id would give them."""
        label = short_label(article_id)
        first = self.counts[label] + 1
        self.counts[label] += count
        return claim_ids(article_id, range(first, first + count))


def numbered_claim_ids(article_ids: Iterable[str]) -> list[str]:
    """Claim ids for rows of these articles in order (ClaimNumbering)."""
    numbering = ClaimNumbering()
    return [numbering.next_id(article_id) for article_id in article_ids]


def is_claim_id_of(claim: str, article_id: str) -> bool:
    """Whether ``claim`` is shaped as a claim id of this article: its short label, a hyphen, three digits."""
    shape = CLAIM_ID.fullmatch(claim)
    return bool(shape) and shape["label"] == short_label(article_id)


def check_article_id(path: Path, suffixes: tuple[str, ...] = (ARTICLE_SUFFIX,)) -> str:
    """The article id a file would get (its name without its extension), if claim ids can be built from it."""
    if path.suffix not in suffixes:
        raise CorpusError(
            path,
            f"an article file's name must end in {' or '.join(suffixes)}; the name without it becomes the article id",
        )
    article_id = path.stem
    if not ID_CHARACTERS.fullmatch(article_id):
        raise CorpusError(
            path,
            f"article id {article_id!r} (the file name without .txt) may contain only letters, digits, '_' and '-'; rename the file",
        )
    if len(article_id) <= LABEL_LENGTH:
        raise CorpusError(
            path,
            f"article id {article_id!r} is too short: it needs at least {LABEL_LENGTH + 1} characters, "
            f"because its first {LABEL_LENGTH} start every claim id ({claim_id(article_id, 1)}, ...) and the rest tell articles apart; rename the file",
        )
    if not ID_START.match(article_id):
        raise CorpusError(
            path,
            f"article id {article_id!r} must begin with {LABEL_LENGTH} letters or digits: they start every claim id "
            f"and name the article in the book's tables; rename the file",
        )
    return article_id


def free_label(article_ids: Iterable[str]) -> str:
    """The lowest three-digit short label no article uses yet, to suggest in a message."""
    used = {short_label(a).lower() for a in article_ids}
    return next(f"{n:03d}" for n in range(1000) if f"{n:03d}" not in used)


def label_clash(article_id: str, article_ids: Iterable[str]) -> str | None:
    """The first of ``article_ids`` whose short label equals this id's, ignoring case (as a file system may), or None."""
    label = short_label(article_id).lower()
    return next((other for other in article_ids if short_label(other).lower() == label), None)
