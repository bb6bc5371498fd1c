"""Plain-text helpers that the corpus, the extractor and the measures of the articles share.

Every function works on character offsets into the raw article text, so that a quote found
here can be checked with ``text[start:end]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
BULLET = re.compile(r"^[\s\-•*\u2022\u00a0]+")
SENTENCE_MARKS = ".!?"


def sentence_end(marks: str = SENTENCE_MARKS, space: str = r"\s") -> re.Pattern:
    """Where a sentence ends: one of ``marks``, perhaps a closing quote or bracket, ``space``
    (one or more), then what opens a sentence. The extractor asks for one mark at a time and for
    spaces within a line; split_sentences uses SENTENCE_END, every mark and any space. A hyphen
    opens a sentence ("-5 °C", a bullet) unless a space follows it: '"..." - a buyer' is a dash
    before the speaker, not a new sentence."""
    return re.compile(rf"[{re.escape(marks)}](?=[\"'”’)]?{space}+(?:[\"'“‘(]?[A-Z0-9•]|-(?!\s)))")


SENTENCE_END = sentence_end()


@dataclass(frozen=True)
class Span:
    """A stretch of an article: its offsets and its text."""

    start: int
    end: int
    text: str


def count_words(text: str) -> int:
    return len(WORD.findall(text))


def lines(text: str) -> list[Span]:
    """Non-blank lines, without their bullets and surrounding spaces."""
    spans = []
    offset = 0
    for raw in text.split("\n"):
        lead = BULLET.match(raw)
        start = offset + (lead.end() if lead else 0)
        stripped = raw[lead.end() if lead else 0 :].rstrip()
        if stripped:
            spans.append(Span(start, start + len(stripped), stripped))
        offset += len(raw) + 1
    return spans


def split_sentences(text: str) -> list[Span]:
    """Sentences, never crossing a line break: web articles put headings and list items on lines of their own."""
    spans = []
    for line in lines(text):
        begin = 0
        for match in SENTENCE_END.finditer(line.text):
            spans.append(_trimmed(line, begin, match.end()))
            begin = match.end()
        spans.append(_trimmed(line, begin, len(line.text)))
    return [s for s in spans if s.text]


def _trimmed(line: Span, begin: int, end: int) -> Span:
    piece = line.text[begin:end]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    start = line.start + begin + lead
    return Span(start, start + len(piece), piece)


def headings(text: str) -> list[str]:
    """Short lines that do not end a sentence and no bullet: they read as headings."""
    found = []
    for raw in text.split("\n"):
        bullet = BULLET.match(raw)
        line = raw.strip()
        bulleted = bool(bullet and bullet.group(0).strip())
        if line and not bulleted and count_words(line) <= 16 and not line.endswith((".", "!", ",")):
            found.append(line)
    return found


def remove_residue(text: str, residue: list[str]) -> str:
    """The article with site navigation, footers and stray keywords cut out; raw files stay untouched."""
    for piece in residue:
        text = text.replace(piece, "")
    return text


def tokens(text: str) -> list[str]:
    """The words of a text lower-cased, curly apostrophes made straight, for counting words and phrases."""
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def running_text(text: str) -> str:
    """The text without its heading lines, nor the lines that repeat a heading (a list of contents)."""
    titles = {h.strip() for h in headings(text)}
    return "\n".join(span.text for span in lines(text) if span.text not in titles)
