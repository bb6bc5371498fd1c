"""Remove what changes on every run from executed notebooks, so that re-executing unchanged ones leaves git clean.

jupyter-execute records when each cell started and finished in the cell's metadata ("execution");
VS Code and the classic notebook's ExecuteTime extension do the same. Those timestamps are the only
part of a committed notebook that differs between two runs on one environment, so every
re-execution rewrote all ten notebooks with timestamp-only diffs. Outputs are left untouched.

usage: python scripts/strip_notebook_metadata.py notebooks/*.ipynb   (make execute runs it)
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

from kratom_claims.files import write_file

VOLATILE_CELL_KEYS = ("execution", "ExecuteTime")


def strip_volatile_metadata(notebook) -> bool:
    """Remove the timestamps from every cell; whether there were any."""
    removed = False
    for cell in notebook.cells:
        for key in VOLATILE_CELL_KEYS:
            removed |= cell.metadata.pop(key, None) is not None
    return removed


def notebook_text(notebook) -> str:
    """The notebook as nbformat.write saves it, so that stripping changes no other byte."""
    text = nbformat.writes(notebook)
    return text if text.endswith("\n") else text + "\n"


def main(paths: list[str]) -> int:
    for name in paths:
        path = Path(name)
        notebook = nbformat.read(path, as_version=nbformat.NO_CONVERT)
        if strip_volatile_metadata(notebook):
            write_file(path, notebook_text(notebook).encode("utf-8"))
            print(f"stripped execution timestamps from {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
