"""The book's bibliography: its citation keys, and the author-year labels and links a reader sees instead of keys.

A key is all that an evidence row (its citation_key) and a chapter's citation name, and the
``@type{key,`` line of each entry gives it, so no BibTeX parser is needed to check them.

The reference list labels its entries by author and year (pybtex's stock styles give codes such as
[HMG+23], which a reader cannot match to a citation at a glance). The style that does it lives
here, so that the chapters' tables label a source exactly as the reference list does;
_ext/author_year_labels.py registers it with pybtex for the book.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from pybtex.database import parse_file
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.labels import BaseLabelStyle

from .errors import EvidenceError
from .layout import project_layout

BIB_ENTRY = re.compile(r"^[ \t]*@[ \t]*(?P<kind>\w+)[ \t]*\{[ \t]*(?P<key>[^,\s{}]+)[ \t]*,", re.MULTILINE)
NOT_ENTRIES = {"comment", "string", "preamble"}
# Every entry of the reference list carries the anchor "cite-<key>" (_config.yml: bibtex_cite_id),
# a stable id rather than sphinxcontrib-bibtex's generated "id12". The chapters sit in notebooks/,
# one folder below the book's root, and the list on book/bibliography.md.
REFERENCES_PAGE = "../book/bibliography.html"


def bib_keys(path: Path | str | None = None) -> set[str]:
    """The citation keys of every entry in a BibTeX file (the project's by default), from its ``@type{key,`` lines."""
    path = project_layout().references_bib if path is None else Path(path)
    if not path.is_file():
        raise EvidenceError(path, "bibliography file is missing")
    text = path.read_text(encoding="utf-8")
    return {m["key"] for m in BIB_ENTRY.finditer(text) if m["kind"].lower() not in NOT_ENTRIES}


def surname(person) -> str:
    return " ".join(person.last_names).replace("{", "").replace("}", "")


def author_year(entry) -> str:
    """'Grundmann 2017', 'Kruegel and Grundmann 2018', 'Hill et al. 2023'; an agency is named whole."""
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    # BibTeX's "and others" (a list cut short) reads as "et al.", never as an author called Others.
    named = [surname(person) for person in people if surname(person) != "others"]
    if not named:
        who = entry.fields.get("organization", entry.key)
    elif len(named) == 1 and len(people) == 1:
        who = named[0]
    elif len(named) == 2 and len(people) == 2:
        who = f"{named[0]} and {named[1]}"
    else:
        who = f"{named[0]} et al."
    return f"{who} {entry.fields.get('year', 'n.d.')}"


class AuthorYearLabels(BaseLabelStyle):
    """Author-year labels, with a, b, ... where two entries would get the same one."""

    def format_labels(self, sorted_entries):
        entries = list(sorted_entries)
        labels = [author_year(entry) for entry in entries]
        repeated = {label for label, count in Counter(labels).items() if count > 1}
        seen: Counter = Counter()
        for label in labels:
            if label in repeated:
                seen[label] += 1
                yield f"{label}{chr(ord('a') + seen[label] - 1)}"
            else:
                yield label


class AuthorYearStyle(PlainStyle):
    """pybtex's 'plain' formatting and order (by author), labelled by author and year."""

    default_label_style = AuthorYearLabels


def _bib_path(path: Path | str | None) -> Path:
    return project_layout().references_bib if path is None else Path(path)


@cache
def reference_labels(path: Path | str | None = None) -> dict[str, str]:
    """Each entry's label in the reference list ("Hill et al. 2023a"), by key: every entry, sorted and
    labelled as the list (``{bibliography}`` with ``:all:``) sorts and labels them."""
    path = _bib_path(path)
    if not path.is_file():
        raise EvidenceError(path, "bibliography file is missing")
    style = AuthorYearStyle()
    entries = style.sort(parse_file(str(path), bib_format="bibtex").entries.values())
    return {entry.key: label for entry, label in zip(entries, style.format_labels(entries), strict=True)}


def reference_anchor(key: str) -> str:
    """The id of a key's entry in the reference list: Sphinx's make_id of "cite-<key>" (lower case, runs of
    other characters as one hyphen), written out here because the package does not depend on docutils."""
    return re.sub(r"[^a-z0-9]+", "-", f"cite-{key}".lower()).strip("-")


class Citations(str):
    """Sources as a reader sees them: as text, their author-year labels ("Hill et al. 2023; Ng et al. 2021");
    as HTML (``__html__``, which the book's tables and captions use), each label a link to its reference entry."""

    markup: str

    def __new__(cls, keys: Iterable[str], path: Path | str | None = None) -> Citations:
        labels = reference_labels(path)
        keys = list(keys)
        unknown = [key for key in keys if key not in labels]
        if unknown:
            raise EvidenceError(_bib_path(path), f"citation key {unknown[0]!r} is not an entry of the bibliography")
        text = super().__new__(cls, "; ".join(labels[key] for key in keys))
        text.markup = "; ".join(
            f'<a href="{REFERENCES_PAGE}#{reference_anchor(key)}">{html.escape(labels[key])}</a>' for key in keys
        )
        return text

    def __html__(self) -> str:
        return self.markup


def cited(keys: str | Iterable[str], path: Path | str | None = None) -> Citations:
    """Citation keys, as a tuple or as one string joined by commas ("k1, k2"), shown as author-year links."""
    if isinstance(keys, str):
        keys = [key.strip() for key in keys.split(",") if key.strip()]
    return Citations(keys, path)
