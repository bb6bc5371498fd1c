"""What the lesson's printed handouts show: the paragraph to code and a one-page codebook.

The full codebook has well over a hundred terms with every synonym; a class coding one paragraph
needs the terms the articles really use, grouped by category, with the words that stand for them.
Both are computed from the data, so a handout printed after a new article is coded stays true.
"""

from __future__ import annotations

import re

import pandas as pd

from .codebook import Codebook, normalise_form
from .errors import DataError


def paragraph_after(text: str, heading: str, source: str = "article") -> str:
    """The first paragraph after the line that reads exactly ``heading`` (blank lines skipped).

    A paragraph ends at a blank line or at the next short line that ends without a full stop,
    which is how the articles' headings ("Interactions with Medications:") look.
    """
    lines = text.splitlines()
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == heading.strip())
    except StopIteration:
        raise DataError(source, f"has no line {heading!r}") from None
    body = []
    for line in lines[start + 1 :]:
        if not line.strip():
            if body:
                break
            continue
        if body and _looks_like_heading(line):
            break
        body.append(line.strip())
    if not body:
        raise DataError(source, f"has no paragraph after {heading!r}")
    return " ".join(body)


def _looks_like_heading(line: str) -> bool:
    stripped = line.strip()
    return len(stripped.split()) <= 8 and not stripped.endswith((".", "!", "?"))


def _forms_in(quotes: pd.Series, forms: list[str]) -> list[str]:
    """The forms (label or synonyms) that occur as whole words in any of the quotes, most used first."""
    text = " ".join(quotes.str.lower())
    counts = {form: len(re.findall(rf"(?<!\w){re.escape(form)}(?!\w)", text)) for form in forms}
    return [form for form, count in sorted(counts.items(), key=lambda item: -item[1]) if count]


def condensed_codebook(codebook: Codebook, claims: pd.DataFrame, forms_per_term: int = 2) -> pd.DataFrame:
    """The codebook's terms that at least one claim uses, in the codebook's order, one row per term.

    Columns: category (its label), term (its label), claims (how many rows use it) and forms (up to
    ``forms_per_term`` of the term's synonyms found in its claims' quotes, most frequent first; the
    label itself is already shown).
    """
    used = claims.groupby(["category", "term"]).size()
    category_labels = dict(zip(codebook.categories["category"], codebook.categories["label"], strict=True))
    rows = []
    for term in codebook.terms.itertuples(index=False):
        count = int(used.get((term.category, term.term), 0))
        if not count:
            continue
        label = normalise_form(term.label)
        forms = [form for form in dict.fromkeys(normalise_form(form) for form in term.synonyms) if form != label]
        quotes = claims.loc[(claims["category"] == term.category) & (claims["term"] == term.term), "quote"]
        rows.append(
            {
                "category": category_labels[term.category],
                "term": term.label,
                "claims": count,
                "forms": _forms_in(quotes, forms)[:forms_per_term],
            }
        )
    return pd.DataFrame(rows, columns=["category", "term", "claims", "forms"])


def qualifier_values(claims: pd.DataFrame, codebook: Codebook) -> dict[str, list[str]]:
    """The values the claim table's stance, comparator and attribution columns take, as labels.

    They head the coding sheet and the condensed codebook, so students choose from the same lists.
    """
    comparators = [codebook.qualifier_label("comparators", v) for v in codebook.comparators["id"]]
    attributions = [codebook.qualifier_label("attributions", v) for v in codebook.attributions["id"]]
    return {
        "stance": sorted(claims["stance"].unique()),
        "comparator": comparators,
        "attributed_to": attributions,
    }


def claims_quoting(claims: pd.DataFrame, article_id: str, passage: str) -> pd.DataFrame:
    """The claim rows of ``article_id`` whose quote lies within ``passage`` (whitespace aside), in order.

    The lesson compares the class's coding of a paragraph with the book's rows for it.
    """
    squeeze = " ".join
    text = squeeze(passage.split())
    rows = claims[claims["article_id"] == article_id]
    inside = rows["quote"].map(lambda quote: squeeze(quote.split()) in text)
    return rows[inside].sort_values(["start", "claim_id"])
