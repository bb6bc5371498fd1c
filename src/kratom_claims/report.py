"""One article, one self-contained HTML page: its proposed claims marked in the text, set beside the book's articles and the evidence.

A class or a reader with a new page wants to see what it claims in seconds, without adding it to
the data folder and rebuilding the book. Every judgement here comes from the package's own
functions (the extractor, overlap, verdicts, risks, readability), so the report can never say
something the book's chapters would not. The page has its CSS inline, no scripts and no links to
fetch, so it opens offline from a file; every piece of the article's text is escaped.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from .claims import load_claims, numbered_claims
from .codebook import CATEGORIES, Codebook, load_codebook
from .corpus import Corpus, load_corpus
from .evidence import load_evidence
from .extract import ClaimExtractor
from .ids import short_label
from .language import check_english, length_warnings
from .layout import DataLayout, data_layout
from .overlap import presence_matrix, source_counts, unique_claims
from .readability import PATIENT_GRADE_BAND, readability, reading_grades
from .risks import NOT_MENTIONED, risk_omission_matrix
from .summaries import key_labels
from .verdicts import claim_verdict_rows, evidence_for_claims
from .webpage import article_text

REPORTED_ID = "new_article"
REPORTED_LABEL = short_label(REPORTED_ID)
# Each category's mark: a letter shown after every marked quote (so colour is never the only
# sign) and a light background that keeps dark text above the WCAG AA contrast ratio.
CATEGORY_MARKS = {
    "condition": ("C", "#cfe8ff"),
    "strain": ("S", "#e3d7ff"),
    "side_effect": ("E", "#ffd6d6"),
    "dosage": ("D", "#fff0b3"),
    "mechanism": ("M", "#d4f2dc"),
    "advice": ("A", "#ffe0c2"),
}
STYLE = """
body { font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; background: #fff;
       max-width: 60rem; margin: 0 auto; padding: 1rem; }
.article { white-space: pre-wrap; border: 1px solid #999; padding: 1rem; }
mark { color: #1a1a1a; padding: 0 0.1em; }
mark.denied { text-decoration: line-through; text-decoration-thickness: 2px; }
mark.hedged { border-bottom: 2px dotted #1a1a1a; }
.tag { font-size: 0.8em; font-weight: bold; vertical-align: super; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #999; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
.note { border-left: 4px solid #555; padding-left: 0.8rem; }
"""


@dataclass(frozen=True)
class Report:
    """The report's page and the warnings to print beside it."""

    html: str
    claims: int
    warnings: list[str]


@dataclass(frozen=True)
class Library:
    """The book's data a report compares an article with."""

    corpus: Corpus
    codebook: Codebook
    claims: pd.DataFrame
    evidence: pd.DataFrame


def load_library(layout: DataLayout) -> Library:
    corpus = load_corpus(layout.data_dir)
    codebook = load_codebook(layout.codebook_yml)
    claims = load_claims(layout.claims_csv, corpus, codebook)
    evidence = load_evidence(layout.evidence_csv, codebook, layout.references_bib)
    return Library(corpus, codebook, claims, evidence)


def _cell(text: str) -> str:
    return html.escape(str(text))


def _table(frame: pd.DataFrame, caption: str) -> str:
    """A table with a caption and header cells scoped to their columns; every cell escaped."""
    head = "".join(f'<th scope="col">{_cell(c)}</th>' for c in frame.columns)
    rows = "".join("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>" for row in frame.to_numpy())
    return f"<table><caption>{_cell(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _claim_tag(claim) -> str:
    letter = CATEGORY_MARKS[claim.category][0]
    return letter + (" not" if claim.stance == "denied" else "") + ("?" if claim.hedged else "")


def _segments(claims: pd.DataFrame) -> list[tuple[int, int, list]]:
    """The quotes as non-overlapping stretches of text, each with every claim whose quote falls in it."""
    segments: list[tuple[int, int, list]] = []
    for claim in claims.sort_values(["start", "end"]).itertuples(index=False):
        start, end = int(claim.start), int(claim.end)
        if segments and start < segments[-1][1]:
            first, last, inside = segments[-1]
            segments[-1] = (first, max(last, end), [*inside, claim])
        else:
            segments.append((start, end, [claim]))
    return segments


def marked_text(text: str, claims: pd.DataFrame, codebook: Codebook) -> str:
    """The article, escaped, with each quote in a <mark>: coloured by its category, struck through if
    denied, underlined with dots if hedged, and followed by its letter tags, which say the same in text."""
    parts, position = [], 0
    for start, end, inside in _segments(claims):
        first = inside[0]
        classes = [first.category]
        classes += ["denied"] if any(c.stance == "denied" for c in inside) else []
        classes += ["hedged"] if any(c.hedged for c in inside) else []
        title = "; ".join(
            f"{c.claim_id}: {key_labels([f'{c.category}:{c.term}'], codebook)[0]}, {c.stance}"
            + (", hedged" if c.hedged else "")
            for c in inside
        )
        tags = ", ".join(dict.fromkeys(_claim_tag(c) for c in inside))
        colour = CATEGORY_MARKS[first.category][1]
        parts.append(_cell(text[position:start]))
        parts.append(
            f'<mark class="{" ".join(classes)}" style="background:{colour}" title="{html.escape(title, quote=True)}">'
            f'{_cell(text[start:end])}</mark><span class="tag">[{_cell(tags)}]</span>'
        )
        position = end
    parts.append(_cell(text[position:]))
    return f'<div class="article">{"".join(parts)}</div>'


def legend() -> str:
    items = "".join(
        f'<li><mark style="background:{colour}">{category.replace("_", " ")}</mark> tagged <b>{letter}</b></li>'
        for category, (letter, colour) in CATEGORY_MARKS.items()
    )
    return (
        "<h3>How to read the marks</h3><ul>"
        + items
        + '<li><mark class="denied" style="background:#eee">struck through</mark> and <b>not</b> in the tag: '
        "the article denies the claim</li>"
        '<li><mark class="hedged" style="background:#eee">dotted underline</mark> and <b>?</b> after the letter: '
        "the claim is hedged (may, might, is believed to)</li></ul>"
    )


def claims_list(claims: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "claim": claims["claim_id"],
            "category": claims["category"].str.replace("_", " "),
            "term": [codebook.term_label(c, t) for c, t in zip(claims["category"], claims["term"], strict=True)],
            "stance": claims["stance"] + claims["hedged"].map({True: ", hedged", False: ""}),
            "quote": claims["quote"],
        }
    )


def comparison(claims: pd.DataFrame, library: Library) -> tuple[pd.DataFrame, list[str]]:
    """Each claim the article asserts, with the book's articles that assert it too; and the claims no book article makes."""
    ids = [*library.corpus.ids, REPORTED_ID]
    presence = presence_matrix(pd.concat([library.claims, claims], ignore_index=True), ids)
    mine = presence[presence[REPORTED_ID]]
    others = mine.drop(columns=[REPORTED_ID])
    table = pd.DataFrame(
        {
            "claim": key_labels(mine.index, library.codebook),
            "book articles that make it too": [
                ", ".join(short_label(a) for a in others.columns[row]) or "none" for row in others.to_numpy(dtype=bool)
            ],
            "how many": (source_counts(others)).to_numpy(),
        }
    )
    solo = unique_claims(presence).set_index("article_id").loc[REPORTED_ID, "claims"]
    return table, key_labels(solo, library.codebook)


def verdicts(claims: pd.DataFrame, library: Library) -> pd.DataFrame:
    matched = evidence_for_claims(claims, library.evidence)
    rows = claim_verdict_rows(matched, library.codebook).reset_index()
    return rows[["claim_id", "category", "term", "stance", "verdict", "strength", "evidence", "quote"]].rename(
        columns={"claim_id": "claim"}
    )


def risks_left_out(claims: pd.DataFrame, library: Library) -> pd.DataFrame:
    matrix = risk_omission_matrix(claims, library.evidence, [REPORTED_ID], library.codebook)
    return matrix.rename(columns={REPORTED_ID: "this article"}).reset_index()


def reading(text: str, library: Library) -> pd.DataFrame:
    """The article's reading grades beside the range of the book's articles and the patient band."""
    grades = reading_grades(text)
    book = readability(library.corpus)
    band = f"{PATIENT_GRADE_BAND[0]}–{PATIENT_GRADE_BAND[1]}"
    return pd.DataFrame(
        {
            "measure": ["Flesch-Kincaid grade", "SMOG grade", "words", "sentences"],
            "this article": [
                f"{grades['flesch_kincaid']:.1f}",
                f"{grades['smog']:.1f}",
                str(grades["words"]),
                str(grades["sentences"]),
            ],
            "the book's articles": [
                f"{book['flesch_kincaid'].min():.1f} to {book['flesch_kincaid'].max():.1f}",
                f"{book['smog'].min():.1f} to {book['smog'].max():.1f}",
                f"{book['words'].min()} to {book['words'].max()}",
                f"{book['sentences'].min()} to {book['sentences'].max()}",
            ],
            "patient materials": [band, band, "", ""],
        }
    )


def _section(heading: str, body: str) -> str:
    return f"<section><h2>{_cell(heading)}</h2>{body}</section>"


def _comparison_section(claims: pd.DataFrame, library: Library) -> str:
    shared, solo = comparison(claims, library)
    only = "".join(f"<li>{_cell(label)}</li>" for label in solo) or "<li>none</li>"
    return _section(
        "Compared with the book's articles",
        f"<p>The claims this article asserts, and which of the book's {len(library.corpus.ids)} articles assert "
        "them too. Claims it makes that no article of the book makes:</p>"
        f"<ul>{only}</ul>" + _table(shared, "Asserted claims shared with the book's articles"),
    )


def _risks_section(claims: pd.DataFrame, library: Library) -> str:
    risks = risks_left_out(claims, library)
    missing = risks.loc[risks["this article"] == NOT_MENTIONED, "documented risk"]
    listed = "".join(f"<li>{_cell(label)}</li>" for label in missing) or "<li>none</li>"
    return _section(
        "Documented risks it leaves out",
        f"<p>Of the {len(risks)} side effects the book's evidence documents as real risks, this article does not "
        f"mention {len(missing)}:</p><ul>{listed}</ul>" + _table(risks, "Each documented risk in this article"),
    )


def report_html(title: str, text: str, claims: pd.DataFrame, library: Library) -> str:
    """The whole page for one article, from its text and proposed claims."""
    counts = claims["category"].value_counts().reindex(list(CATEGORIES), fill_value=0)
    summary = ", ".join(f"{n} {c.replace('_', ' ')}" for c, n in counts.items() if n)
    body = [
        f"<header><h1>What this article claims: {_cell(title)}</h1>",
        '<p class="note">Made by <code>python -m kratom_claims report</code> on '
        f"{date.today().isoformat()}. The claims are the extractor's proposals, not a person's coding: "
        "read each one against its words. This page analyses marketing text; it is not medical advice.</p></header>",
        "<main>",
        _section(
            "The article, with its proposed claims marked",
            f"<p>{len(claims)} proposed claims ({_cell(summary or 'none')}).</p>"
            + legend()
            + marked_text(text, claims, library.codebook),
        ),
        _section("Every proposed claim", _table(claims_list(claims, library.codebook), "The proposed claims")),
        _comparison_section(claims, library),
        _section(
            "What the evidence says about its claims",
            "<p>Each claim matched with the book's evidence rows by the book's rule (the most serious verdict "
            "wins).</p>" + _table(verdicts(claims, library), "Evidence verdict for each proposed claim"),
        ),
        _risks_section(claims, library),
        _section(
            "How hard it is to read",
            _table(reading(text, library), "Reading grades (US school years) of this article and the book's"),
        ),
        "</main>",
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        # An empty icon in the page itself: a browser then asks no server for /favicon.ico.
        '<link rel="icon" href="data:,">'
        f"<title>Report: {_cell(title)}</title><style>{STYLE}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )


def build_report(
    path: Path | str, data_dir: Path | str | None = None, allow_language: bool = False, title: str | None = None
) -> Report:
    """The report page for one article file (.txt or saved web page), against the data folder's articles and evidence."""
    path = Path(path)
    text = article_text(path)
    if not allow_language:
        check_english(text, path)
    library = load_library(data_layout(data_dir))
    proposed = ClaimExtractor(library.codebook).extract(text, REPORTED_ID)
    claims = numbered_claims(proposed, "")
    page = report_html(title or path.name, text, claims, library)
    return Report(page, len(claims), length_warnings(text, path))
