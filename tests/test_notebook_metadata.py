"""Committed notebooks carry nothing that changes on every run, so re-executing unchanged ones leaves git clean."""

from __future__ import annotations

import importlib.util

import nbformat
import pytest

from kratom_claims.layout import project_layout

PROJECT_ROOT = project_layout().project_root

NOTEBOOKS = sorted([*(PROJECT_ROOT / "notebooks").glob("*.ipynb"), *(PROJECT_ROOT / "book").glob("*.ipynb")])
SCRIPT = PROJECT_ROOT / "scripts" / "strip_notebook_metadata.py"


def strip_script():
    spec = importlib.util.spec_from_file_location("strip_notebook_metadata", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_committed_notebooks_carry_no_execution_timestamps(path):
    notebook = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    stamped = [cell.get("id") for cell in notebook.cells if {"execution", "ExecuteTime"} & set(cell.metadata)]
    assert stamped == []


def executed_notebook():
    notebook = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("print(1 + 1)", id="c01", execution_count=1)
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="2\n")]
    notebook.cells = [nbformat.v4.new_markdown_cell("# A chapter", id="c00"), cell]
    return notebook


def test_stripping_removes_the_timestamps_and_changes_no_other_byte(tmp_path, capsys):
    clean, stamped = tmp_path / "clean.ipynb", tmp_path / "stamped.ipynb"
    notebook = executed_notebook()
    nbformat.write(notebook, clean)
    notebook.cells[1].metadata["execution"] = {"iopub.status.busy": "2026-11-21T08:28:14.950297Z"}
    notebook.cells[0].metadata["ExecuteTime"] = {"end_time": "2026-11-21T08:28:15.297307Z"}
    nbformat.write(notebook, stamped)
    assert strip_script().main([str(stamped)]) == 0
    assert stamped.read_bytes() == clean.read_bytes()
    assert capsys.readouterr().out == f"stripped execution timestamps from {stamped}\n"


def test_a_notebook_without_timestamps_is_not_rewritten(tmp_path, capsys):
    clean = tmp_path / "clean.ipynb"
    nbformat.write(executed_notebook(), clean)
    before = clean.stat().st_mtime_ns
    assert strip_script().main([str(clean)]) == 0
    assert (clean.stat().st_mtime_ns, capsys.readouterr().out) == (before, "")
