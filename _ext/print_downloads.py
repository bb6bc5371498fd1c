"""Link the printed editions (`make pdf`, `make handouts`) from the book, when they have been made.

The PDF and the handouts are printed from the book, so they cannot exist before its first build;
a plain link would point at nothing in a fresh build and fail the link checks. The
``{print-downloads}`` directive lists those of them found in dist/ when the page is built, and the
build copies exactly those into the book's downloads/ folder; for the others it names the command
that makes them. `make dist` prints them first and builds the book after, so that the released
book links them all.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from kratom_claims.release import project_version, release_name

DOWNLOADS = "downloads"


def printed_editions(project_root: Path) -> list[tuple[str, str, str]]:
    """(what it is, its path under dist/, the command that makes it), in the order the page lists them."""
    name = release_name(project_version(project_root))
    return [
        ("The whole book as one PDF", f"{name}.pdf", "make pdf"),
        ("The paragraph to code (one page)", "handouts/paragraph-to-code.pdf", "make handouts"),
        ("A blank coding sheet (one page, landscape)", "handouts/coding-sheet.pdf", "make handouts"),
        ("The condensed codebook (one page)", "handouts/codebook-one-page.pdf", "make handouts"),
        ("The answer key, teacher edition", "handouts/answer-key-teacher.pdf", "make handouts"),
    ]


def dist_folder(app) -> Path:
    return Path(app.srcdir) / "dist"


class PrintDownloads(SphinxDirective):
    """A list of the printed editions: a download link for each one built, else the command to build it."""

    def run(self):
        listing = nodes.bullet_list()
        for label, path, command in printed_editions(Path(self.env.srcdir)):
            item = nodes.paragraph()
            if (dist_folder(self.env.app) / path).is_file() and self.env.app.builder.name == "html":
                href = f"{'../' * self.env.docname.count('/')}{DOWNLOADS}/{path}"
                item += nodes.reference("", label, refuri=href)
                item += nodes.Text(f" ({Path(path).name})")
            else:
                item += nodes.Text(f"{label}: not included in this copy of the book; ")
                item += nodes.literal("", command)
                item += nodes.Text(" makes it.")
            listing += nodes.list_item("", item)
        return [listing]


def copy_printed_editions(app, exception):
    if exception is not None or app.builder.name != "html":
        return
    for _, path, _ in printed_editions(Path(app.srcdir)):
        source = dist_folder(app) / path
        if source.is_file():
            target = Path(app.outdir) / DOWNLOADS / path
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


def setup(app):
    app.add_directive("print-downloads", PrintDownloads)
    app.connect("build-finished", copy_printed_editions)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
