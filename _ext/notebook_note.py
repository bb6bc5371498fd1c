"""Put one line at the top of every notebook page: what a downloaded .ipynb needs to run.

Every chapter notebook imports the package kratom_claims and reads the project's data/ folder,
so the .ipynb from the download menu fails on its own, and the page did not say so. The line is
added here, to the built page only, so that the notebooks themselves stay as they are and
nbval's comparison of their outputs is untouched.
"""

from docutils import nodes

NOTE_CLASS = "kc-notebook-note"


def notebook_note() -> nodes.paragraph:
    paragraph = nodes.paragraph(classes=[NOTE_CLASS])
    paragraph += nodes.strong(text="To run this page yourself: ")
    paragraph += nodes.Text(
        "its notebook (.ipynb, in the download menu) imports the project's package kratom_claims and reads "
        "its data, so it runs only inside a copy of the project: run "
    )
    paragraph += nodes.literal(text="make lab")
    paragraph += nodes.Text(" there (the teacher's guide explains how).")
    return paragraph


def add_notebook_note(app, doctree):
    if not str(app.env.doc2path(app.env.docname)).endswith(".ipynb"):
        return
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        return
    title = next((i for i, child in enumerate(section.children) if isinstance(child, nodes.title)), -1)
    section.insert(title + 1, notebook_note())


def setup(app):
    app.connect("doctree-read", add_notebook_note)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
