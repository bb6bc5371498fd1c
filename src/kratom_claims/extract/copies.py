"""The copies of an article that the extractor reads, which keep every character where it was.

Patterns read the search copy (lower-cased, typographic characters made plain); the automaton
reads the word copy, where everything that is not part of a word is a space, so that every
hit is a whole word. Offsets found in either copy are offsets into the article.
"""

from __future__ import annotations

import re
import string

# Typographic characters and their plain stand-ins, one for one: plain text reads faster.
SAME_LENGTH = (
    ("\u2019", "'"),
    ("\u2018", "'"),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u00a0", " "),
    ("\u2010", "-"),
    ("\u2011", "-"),
    ("\u2013", "-"),
    ("\u2014", "-"),
    ("\u2026", "."),
    ("\u2022", "*"),
    ("\u00a9", " "),
)

# Every character that cannot be part of a word becomes a space in the word copy, and the
# automaton's phrases are padded with spaces, so that every hit is a whole-word hit by construction.
TYPOGRAPHIC_BREAKS = "\u2018\u2019\u201c\u201d\u00ab\u00bb\u2013\u2014\u2026\u2022\u00b7\u00a0"
WORD_BREAKS = {ord(c): " " for c in string.punctuation + string.whitespace + TYPOGRAPHIC_BREAKS if c != "_"}
# The same for ASCII bytes, as a 256-byte table: bytes.translate needs no lookups.
ASCII_WORD_BREAKS = bytes(ord(WORD_BREAKS.get(code, chr(code))) for code in range(256))
NON_ASCII = re.compile(r"[^\x00-\x7f]")


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


def word_copy(lowered: str) -> str:
    """The search copy as the automaton reads it: non-word characters as spaces, and one more
    space either side, so that a phrase at the very start or end still has its spaces.

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
