"""The strict build renders the notebooks' committed outputs and executes none of them.

So that `make test` executes each notebook once: nbval (make notebooks) runs every notebook and
compares its outputs with the committed ones, then the build shows those outputs. The count of
executions comes from the build's own record: myst-nb stores, in the Sphinx environment, the
execution data of every notebook it ran.
"""

import pickle

from kratom_claims.layout import project_layout

PROJECT = project_layout()


def notebook_chapters() -> list[str]:
    """Every notebook chapter, as a Sphinx document name (its path without the suffix)."""
    root = PROJECT.project_root
    notebooks = list((root / "notebooks").glob("*.ipynb")) + list((root / "book").glob("*.ipynb"))
    return sorted(path.relative_to(root).with_suffix("").as_posix() for path in notebooks)


def executed_during_build(built_book) -> list[str]:
    environment = built_book.parent / ".doctrees" / "environment.pickle"
    with environment.open("rb") as stream:
        env = pickle.load(stream)
    return sorted(doc for doc, data in getattr(env, "nb_metadata", {}).items() if data.get("exec_data"))


def test_the_build_executed_no_notebook(built_book):
    assert executed_during_build(built_book) == []


def test_every_notebook_chapter_is_rendered_with_its_committed_outputs(built_book):
    """Guards the test above: a build that skipped the notebooks, or lost their outputs, fails here."""
    chapters = notebook_chapters()
    without_outputs = [doc for doc in chapters if 'class="cell_output' not in (built_book / f"{doc}.html").read_text()]
    assert {"book/method", "notebooks/01_corpus"} <= set(chapters)
    assert without_outputs == []
