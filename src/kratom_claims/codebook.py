"""Load the codebook: the fixed vocabulary every claim row and the automatic extractor use.

A typo in the codebook would quietly change what counts as a claim, so the file is checked in
full and any problem stops the load with one CodebookError naming the category and term.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from .errors import CodebookError
from .layout import project_layout

if TYPE_CHECKING:
    import pandas as pd

CATEGORIES = ("condition", "strain", "side_effect", "dosage", "mechanism", "advice")
APPEAL_CATEGORY = "persuasion"
ALL_CATEGORIES = (*CATEGORIES, APPEAL_CATEGORY)
QUALIFIER_LISTS = ("comparators", "attributions")

TERM_ID = re.compile(r"[a-z][a-z0-9_]*")
CATEGORY_KEYS = {"label", "definition", "terms"}
QUALIFIER_KEYS = {"label", "definition"}
TERM_KEYS = {"id", "label", "definition", "parent", "synonyms"}
CATEGORY_COLUMNS = ["category", "label", "definition"]
TERM_COLUMNS = ["category", "term", "label", "definition", "parent", "synonyms"]
QUALIFIER_TABLE_COLUMNS = ["id", "label", "definition"]


@dataclass(frozen=True, eq=False)
class Codebook:
    """The validated vocabulary: one row per category and per (category, term), plus the closed lists
    of comparators and attributions that qualify a claim (one row per id each).

    The rows are plain Python, and the pandas tables the chapters use (categories, terms,
    comparators, attributions, surface_forms()) are built on first use: the extract command,
    which needs only the words, starts without importing pandas."""

    category_rows: tuple[dict, ...]
    term_rows: tuple[dict, ...]
    qualifier_rows: dict[str, tuple[dict, ...]] = field(default_factory=lambda: dict.fromkeys(QUALIFIER_LISTS, ()))

    @cached_property
    def categories(self) -> pd.DataFrame:
        return _table(self.category_rows, CATEGORY_COLUMNS)

    @cached_property
    def terms(self) -> pd.DataFrame:
        return _table(self.term_rows, TERM_COLUMNS)

    @cached_property
    def comparators(self) -> pd.DataFrame:
        return _table(self.qualifier_rows["comparators"], QUALIFIER_TABLE_COLUMNS)

    @cached_property
    def attributions(self) -> pd.DataFrame:
        return _table(self.qualifier_rows["attributions"], QUALIFIER_TABLE_COLUMNS)

    @cached_property
    def _labels(self) -> dict[tuple[str, str], str]:
        return {(row["category"], row["term"]): row["label"] for row in self.term_rows}

    def has(self, category: str, term: str) -> bool:
        return (category, term) in self._labels

    def term_ids(self, category: str) -> list[str]:
        """The ids of a category's terms, in codebook order."""
        return [row["term"] for row in self.term_rows if row["category"] == category]

    def term_label(self, category: str, term: str) -> str:
        """The readable label of a term, for tables meant for people."""
        try:
            return self._labels[(category, term)]
        except KeyError:
            raise KeyError(f"no term {term!r} in category {category!r}") from None

    def qualifier_label(self, kind: str, value: str) -> str:
        """The readable label of a comparator or attribution id (``kind`` is one of QUALIFIER_LISTS)."""
        labels = {row["id"]: row["label"] for row in self.qualifier_rows[kind]}
        if value not in labels:
            raise KeyError(f"no {kind[:-1]} {value!r} in the codebook")
        return labels[value]

    def surface_form_rows(self, categories=CATEGORIES) -> list[tuple[str, str, str]]:
        """Each term's label and synonyms as (category, term, form), lower-cased and
        whitespace-normalised, once per term.

        Only the claim categories by default: persuasion appeals are coded by hand, not extracted."""
        rows = []
        for row in self.term_rows:
            if row["category"] in categories:
                forms = dict.fromkeys(normalise_form(form) for form in (row["label"], *row["synonyms"]))
                rows.extend((row["category"], row["term"], form) for form in forms)
        return rows

    def surface_forms(self, categories=CATEGORIES) -> pd.DataFrame:
        """surface_form_rows as a table with the columns category, term and form."""
        return _table(self.surface_form_rows(categories), ["category", "term", "form"])


def _table(rows, columns: list[str]) -> pd.DataFrame:
    import pandas as pd  # only for the tables: the extract command reads the rows

    return pd.DataFrame(list(rows), columns=columns)


def normalise_form(form: str) -> str:
    """How surface forms are compared: case-insensitive, any run of whitespace as one space."""
    return " ".join(form.lower().split())


class _UniqueKeys:
    """What makes a safe YAML loader refuse a key given twice, which plain YAML silently overwrites."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, Hashable):
                continue
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"key {key!r} is given twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


class _UniqueKeyLoader(_UniqueKeys, yaml.SafeLoader):
    """The pure-Python loader: its messages name the problem in words a user can act on."""


# LibYAML's parser, where PyYAML was built with it (its wheels are), reads the codebook several
# times faster, which every command's start-up pays; a file it refuses is read again by the
# pure-Python loader, so that the error message is the same either way.
_FastUniqueKeyLoader = (
    type("_FastUniqueKeyLoader", (_UniqueKeys, yaml.CSafeLoader), {}) if yaml.__with_libyaml__ else None
)


def _read_yaml(path: Path):
    if not path.is_file():
        raise CodebookError(path, "codebook file is missing")
    try:
        return _load_yaml(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as err:
        raise CodebookError(path, f"codebook is not valid UTF-8 ({err})") from None
    except yaml.YAMLError as err:
        raise CodebookError(path, f"codebook is not valid YAML: {_yaml_problem(err)}") from None


def _load_yaml(text: str):
    if _FastUniqueKeyLoader is not None:
        try:
            return yaml.load(text, Loader=_FastUniqueKeyLoader)
        except yaml.YAMLError:
            pass  # read again below, for the pure-Python loader's message
    return yaml.load(text, Loader=_UniqueKeyLoader)


def _yaml_problem(err: yaml.YAMLError) -> str:
    """The parser's complaint on one line, with the place in the file where it arose."""
    mark = getattr(err, "problem_mark", None)
    problem = getattr(err, "problem", None) or str(err)
    return f"{problem} at line {mark.line + 1}, column {mark.column + 1}" if mark else problem


def _is_text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _one_line(value) -> bool:
    return _is_text(value) and "\n" not in value.strip()


def _check_category(path: Path, category: str, entry) -> None:
    where = f"category {category!r}"
    if not isinstance(entry, dict):
        raise CodebookError(path, f"{where} must be a mapping with label, definition and terms")
    unknown = sorted(set(map(str, entry)) - CATEGORY_KEYS)
    if unknown:
        raise CodebookError(path, f"{where} has unknown key(s) {', '.join(unknown)}; allowed: label, definition, terms")
    for key in ("label", "definition"):
        if not _one_line(entry.get(key)):
            raise CodebookError(path, f"{where} needs a non-empty one-line {key}")
    if not isinstance(entry.get("terms"), list):
        raise CodebookError(path, f"{where} needs a list of terms")


def _check_term(path: Path, category: str, position: int, term) -> dict:
    """One term as a table row, or a CodebookError saying which term is wrong and how."""
    where = f"category {category!r}, term #{position}"
    if not isinstance(term, dict):
        raise CodebookError(path, f"{where} must be a mapping with id, label, definition and synonyms")
    term_id = term.get("id")
    if not (isinstance(term_id, str) and TERM_ID.fullmatch(term_id)):
        raise CodebookError(path, f"{where} has id {term_id!r}; ids must match ^[a-z][a-z0-9_]*$")
    where = f"category {category!r}, term {term_id!r}"
    unknown = sorted(set(map(str, term)) - TERM_KEYS)
    if unknown:
        raise CodebookError(
            path, f"{where} has unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(TERM_KEYS))}"
        )
    for key in ("label", "definition"):
        if not _one_line(term.get(key)):
            raise CodebookError(path, f"{where} needs a non-empty one-line {key}")
    synonyms = term.get("synonyms", [])
    if not isinstance(synonyms, list) or not all(_one_line(s) for s in synonyms):
        raise CodebookError(path, f"{where}: synonyms must be a list of non-empty one-line strings, got {synonyms!r}")
    forms = [normalise_form(s) for s in synonyms]
    repeated = next((form for n, form in enumerate(forms) if form in forms[:n]), None)
    if repeated is not None:
        raise CodebookError(
            path, f"{where} lists the synonym {repeated!r} twice (forms are compared ignoring case and spacing)"
        )
    parent = term.get("parent")
    if parent is not None and not (isinstance(parent, str) and TERM_ID.fullmatch(parent)):
        raise CodebookError(path, f"{where} has parent {parent!r}, which is not a term id")
    return {
        "category": category,
        "term": term_id,
        "label": term["label"].strip(),
        "definition": term["definition"].strip(),
        "parent": parent or "",
        "synonyms": tuple(s.strip() for s in synonyms),
    }


def _check_hierarchy(path: Path, category: str, rows: list[dict]) -> None:
    """Parents must name a term of the same category, and following them must never loop."""
    parents = {row["term"]: row["parent"] for row in rows}
    for term, parent in parents.items():
        if parent and parent not in parents:
            raise CodebookError(
                path, f"category {category!r}, term {term!r} has parent {parent!r}, which is not a {category} term"
            )
    for term in parents:
        chain = [term]
        while parents[chain[-1]]:
            chain.append(parents[chain[-1]])
            if chain[-1] in chain[:-1]:
                loop = " -> ".join(chain[chain.index(chain[-1]) :])
                raise CodebookError(path, f"category {category!r} has a parent cycle: {loop}")


def _check_surface_forms(path: Path, category: str, rows: list[dict]) -> None:
    """Two terms answering to the same words would make extraction ambiguous."""
    owner = {}
    for row in rows:
        for form in dict.fromkeys(normalise_form(f) for f in (row["label"], *row["synonyms"])):
            if form in owner:
                raise CodebookError(
                    path,
                    f"category {category!r}: surface form {form!r} belongs to both {owner[form]!r} and {row['term']!r}",
                )
            owner[form] = row["term"]


def _check_qualifiers(path: Path, kind: str, entries) -> tuple[dict, ...]:
    """A closed list such as the comparators: ids mapped to a one-line label and definition."""
    if entries is None:
        return ()
    if not isinstance(entries, dict):
        raise CodebookError(path, f"{kind!r} must be a mapping of ids to label and definition")
    rows = []
    for value, entry in entries.items():
        where = f"{kind} entry {value!r}"
        if not (isinstance(value, str) and TERM_ID.fullmatch(value)):
            raise CodebookError(path, f"{where}: ids must match ^[a-z][a-z0-9_]*$")
        if not isinstance(entry, dict) or set(map(str, entry)) != QUALIFIER_KEYS:
            raise CodebookError(path, f"{where} must have exactly the keys label and definition")
        for key in ("label", "definition"):
            if not _one_line(entry[key]):
                raise CodebookError(path, f"{where} needs a non-empty one-line {key}")
        rows.append({"id": value, "label": entry["label"].strip(), "definition": entry["definition"].strip()})
    return tuple(rows)


def load_codebook(path: Path | str | None = None) -> Codebook:
    """The codebook at ``path`` (the project's by default) with every check passed, or a CodebookError naming the problem."""
    path = project_layout().codebook_yml if path is None else Path(path)
    document = _read_yaml(path)
    if not isinstance(document, dict) or not isinstance(document.get("categories"), dict):
        raise CodebookError(path, "the top level must be a mapping with a 'categories' mapping")
    extra_top = sorted(set(map(str, document)) - {"categories", *QUALIFIER_LISTS})
    if extra_top:
        raise CodebookError(
            path, f"unknown top-level key(s) {', '.join(extra_top)}; allowed: categories, {', '.join(QUALIFIER_LISTS)}"
        )
    listed = document["categories"]
    unknown = [str(c) for c in listed if c not in ALL_CATEGORIES]
    if unknown:
        raise CodebookError(path, f"unknown category {unknown[0]!r}; the categories are {', '.join(ALL_CATEGORIES)}")
    missing = [c for c in CATEGORIES if c not in listed]
    if missing:
        raise CodebookError(path, f"category {missing[0]!r} is missing; all of {', '.join(CATEGORIES)} are required")
    category_rows, term_rows = [], []
    for category in [c for c in ALL_CATEGORIES if c in listed]:
        entry = listed[category]
        _check_category(path, category, entry)
        rows = [_check_term(path, category, n, term) for n, term in enumerate(entry["terms"], start=1)]
        seen = set()
        for row in rows:
            if row["term"] in seen:
                raise CodebookError(path, f"category {category!r} lists term id {row['term']!r} twice")
            seen.add(row["term"])
        _check_hierarchy(path, category, rows)
        _check_surface_forms(path, category, rows)
        category_rows.append(
            {"category": category, "label": entry["label"].strip(), "definition": entry["definition"].strip()}
        )
        term_rows.extend(rows)
    qualifiers = {kind: _check_qualifiers(path, kind, document.get(kind)) for kind in QUALIFIER_LISTS}
    return Codebook(tuple(category_rows), tuple(term_rows), qualifiers)
