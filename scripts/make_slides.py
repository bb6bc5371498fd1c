"""`make slides`: the 50-minute lesson as reveal.js slides, offline, in dist/slides/.

print/slides/lesson.yml says what each slide shows. Charts are the book's own, taken from the
chapters' committed outputs; the example claims and the paragraph's rows come from the data. The
slides are a notebook turned into reveal.js by nbconvert, with reveal.js, require.js and jQuery
copied from print/slides/node_modules (`bash scripts/ensure_print.sh` installs them from npm), so
that nothing is fetched when the slides are shown. Open dist/slides/lesson.slides.html; press S for
the speaker notes. Usage: python scripts/make_slides.py
"""

from __future__ import annotations

import html
import json
import re
import shutil
import sys

import nbformat
import yaml
from nbconvert.exporters import SlidesExporter
from printing import DIST, PROJECT_ROOT

from kratom_claims.claims import load_claims
from kratom_claims.codebook import load_codebook
from kratom_claims.corpus import load_corpus
from kratom_claims.files import write_file
from kratom_claims.handouts import claims_quoting, paragraph_after
from kratom_claims.ids import article_label
from kratom_claims.release import project_version

SOURCES = PROJECT_ROOT / "print" / "slides"
NODE_MODULES = SOURCES / "node_modules"
SLIDES = DIST / "slides"
LESSON_ARTICLE = "000"
LESSON_HEADING = "Potential Side Effects:"
# Files the slides load, from the npm packages to where the page looks for them.
ASSETS = {
    "reveal.js/dist": "reveal.js/dist",
    "reveal.js/plugin/notes": "reveal.js/plugin/notes",
    "requirejs/require.js": "vendor/require.js",
    "jquery/dist/jquery.min.js": "vendor/jquery.min.js",
}
FIGURE = re.compile(r'<figure class="kc-figure">.*?<img [^>]+>\s*<figcaption>.*?</figcaption>', re.DOTALL)
CLAIM_COLUMNS = ["claim", "quote", "term", "stance", "hedged", "compared with", "attributed to"]


def chapter_figure(notebook: str, caption_start: str) -> str:
    """The chart (image and caption) from a chapter's committed output whose caption starts so."""
    document = json.loads((PROJECT_ROOT / notebook).read_text(encoding="utf-8"))
    for cell in document["cells"]:
        for output in cell.get("outputs", []):
            for figure in FIGURE.findall("".join(output.get("data", {}).get("text/html", ""))):
                if f"<figcaption>{html.escape(caption_start)}" in figure:
                    return figure + "</figure>"
    sys.exit(f"make slides: {notebook} has no chart whose caption starts {caption_start!r}")


def claims_table(rows, codebook) -> str:
    """Claim rows as the book codes them, as an HTML table."""

    def cells(row) -> list[str]:
        compared = codebook.qualifier_label("comparators", row.comparator) if row.comparator else ""
        attributed = codebook.qualifier_label("attributions", row.attributed_to) if row.attributed_to else ""
        term = codebook.term_label(row.category, row.term)
        return [row.claim_id, row.quote, term, row.stance, "yes" if row.hedged else "no", compared, attributed]

    head = "".join(f'<th scope="col">{html.escape(c)}</th>' for c in CLAIM_COLUMNS)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells(row)) + "</tr>"
        for row in rows.itertuples(index=False)
    )
    return f'<table class="kc-claims"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def slide_body(slide: dict, lesson: dict) -> str:
    parts = [f"## {slide['title']}"]
    if slide.get("paragraph"):
        parts.append(f'<blockquote class="kc-paragraph">{html.escape(lesson["paragraph"])}</blockquote>')
    if slide.get("text"):
        parts.append(slide["text"].strip())
    if slide.get("figure"):
        figure = slide["figure"]
        parts.append(chapter_figure(figure["notebook"], figure["caption"]))
        parts.append(f"The table behind this chart is in the chapter *{figure['chapter']}*.")
    if slide.get("claims"):
        rows = lesson["claims"].set_index("claim_id", drop=False).loc[slide["claims"]]
        parts.append(claims_table(rows, lesson["codebook"]))
    if slide.get("paragraph_claims"):
        parts.append(claims_table(lesson["paragraph_claims"], lesson["codebook"]))
    return "\n\n".join(parts)


def lesson_notebook(outline: dict, lesson: dict, version: str) -> nbformat.NotebookNode:
    cells = []
    for slide in outline["slides"]:
        cell = nbformat.v4.new_markdown_cell(slide_body(slide, lesson))
        cell.metadata["slideshow"] = {"slide_type": "slide"}
        cells.append(cell)
        if slide.get("notes"):
            notes = nbformat.v4.new_markdown_cell(slide["notes"])
            notes.metadata["slideshow"] = {"slide_type": "notes"}
            cells.append(notes)
    cells[0].source += f"\n\n<small>Version {version} of the book.</small>"
    return nbformat.v4.new_notebook(
        cells=cells, metadata={"title": outline["title"], "language_info": {"name": "python"}}
    )


def lesson_data() -> dict:
    corpus, codebook = load_corpus(), load_codebook()
    claims = load_claims(corpus=corpus, codebook=codebook).fillna({"comparator": "", "attributed_to": ""})
    article_id = next(i for i in corpus.ids if article_label(i) == LESSON_ARTICLE)
    paragraph = paragraph_after(corpus.texts[article_id], LESSON_HEADING, article_id)
    return {
        "codebook": codebook,
        "claims": claims,
        "paragraph": paragraph,
        "paragraph_claims": claims_quoting(claims, article_id, paragraph),
    }


def copy_assets() -> None:
    for source, target in ASSETS.items():
        origin = NODE_MODULES / source
        if not origin.exists():
            sys.exit(f"make slides: {origin} is missing: run `bash scripts/ensure_print.sh`")
        destination = SLIDES / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        if origin.is_dir():
            shutil.copytree(origin, destination, dirs_exist_ok=True)
        else:
            shutil.copy2(origin, destination)


def main() -> int:
    outline = yaml.safe_load((SOURCES / "lesson.yml").read_text(encoding="utf-8"))
    version = project_version(PROJECT_ROOT)
    notebook = lesson_notebook(outline, lesson_data(), version)
    exporter = SlidesExporter(
        template_name="offline",
        extra_template_basedirs=[str(SOURCES / "templates")],
        reveal_url_prefix="reveal.js",
        # The white theme uses fonts shipped with reveal.js; others fetch Google Fonts.
        reveal_theme="white",
        require_js_url="vendor/require.js",
        jquery_url="vendor/jquery.min.js",
        exclude_input_prompt=True,
    )
    body, _ = exporter.from_notebook_node(notebook, resources={"language_code": "en"})
    shutil.rmtree(SLIDES, ignore_errors=True)
    copy_assets()
    write_file(SLIDES / "lesson.slides.html", body.encode("utf-8"))
    print(f"The slides are at {SLIDES / 'lesson.slides.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
