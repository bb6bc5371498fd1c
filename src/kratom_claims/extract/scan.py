"""Where an article's hits, sentence cuts and clause marks are: everything reading needs to know.

The automaton reads the article's word copy once; str.find and one pattern per end mark find
the sentence cuts and the clause marks, so that C code, not a Python loop, goes through the text.
"""

from __future__ import annotations

import re
from itertools import repeat

import ahocorasick

from ..text import BULLET, SENTENCE_MARKS, sentence_end
from .copies import word_copy
from .lexicon import BOUNDARY, LOOKED_AHEAD, Role

# A hit: where it starts in the article, and its role.
Hit = tuple[int, Role]

# text.BULLET, matched at a line start within the whole text.
LINE_BULLET = re.compile(BULLET.pattern, re.MULTILINE)
# text.SENTENCE_END as split_sentences applies it, line by line (the spaces after a full stop
# stay on its line), one pattern per end mark: a pattern that opens with a plain character is
# searched for much faster than one that opens with a class of characters.
SENTENCE_CUTS = {mark: sentence_end(mark, space=r"[^\S\n]") for mark in SENTENCE_MARKS}
# Marks that end a clause (";", ":", brackets, dashes); " - " is found apart, as it takes its spaces.
CLAUSE_MARKS = ";:()\u2013\u2014"
MARK_ROLE: Role = (BOUNDARY, -1, "boundary", None)
DASH_ROLE: Role = (BOUNDARY, -3, "boundary", None)
# A quotation mark (search_copy makes curly quotes plain): where a quotation may open.
QUOTE_ROLE: Role = (BOUNDARY, -1, "quote", None)


def positions(text: str, part: str) -> list[int]:
    """Where a piece of text stands in the text; str.find skips to it faster than a pattern does."""
    found = []
    position = text.find(part)
    while position >= 0:
        found.append(position)
        position = text.find(part, position + 1)
    return found


def punctuation(text: str) -> tuple[list[int], list[int]]:
    """Where text.split_sentences would start a new sentence, and where clause marks stand."""
    starts = [position + 1 for position in positions(text, "\n")]
    for mark, pattern in SENTENCE_CUTS.items():
        if mark in text:
            starts += [match.end() for match in pattern.finditer(text)]
    marks = [position for mark in CLAUSE_MARKS for position in positions(text, mark)]
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


def find_hits(
    automaton: ahocorasick.Automaton, lowered: str, marks: list[int]
) -> tuple[list[Hit], dict[str, list[int]]]:
    """Every whole-word hit, clause mark and quotation mark, sorted, overlaps not yet settled; and where the hits
    of each LOOKED_AHEAD kind start, and the quotation marks ("quote").

    ``marks`` are the clause marks punctuation() found. Sorted so that where hits of one layer
    overlap, the one to keep (the leftmost, and of those the longest) comes first."""
    hits: list[Hit] = []
    starts: dict[str, list[int]] = {kind: [] for kind in LOOKED_AHEAD}
    for last, (to_start, role, every_role) in automaton.iter(word_copy(lowered)):
        if every_role is None:
            hits.append((last - to_start, role))
            continue
        for role in every_role:
            hits.append((last - to_start, role))
            _, _, kind, _ = role
            if kind in starts:
                starts[kind].append(last - to_start)
    hits += zip(marks, repeat(MARK_ROLE))
    hits += zip(positions(lowered, " - "), repeat(DASH_ROLE))
    starts["quote"] = positions(lowered, '"')
    hits += zip(starts["quote"], repeat(QUOTE_ROLE))
    hits.sort()
    for found in starts.values():
        found.sort()
    return hits, starts
