"""scripts/execute_notebooks.py: which notebooks it re-executes, and what it writes."""

from __future__ import annotations

import importlib.util

import nbformat
import pytest

from kratom_claims.layout import ROOT_VARIABLE, DataLayout, project_layout

SCRIPT = project_layout().project_root / "scripts" / "execute_notebooks.py"


def load_script():
    spec = importlib.util.spec_from_file_location("execute_notebooks", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


runner = load_script()


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A minimal project: a data file, a package module and a book config, found through the root variable."""
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "claims.csv").write_text("id\nc1\n", encoding="utf-8")
    (tmp_path / "src" / "pkg").mkdir(parents=True)
    (tmp_path / "src" / "pkg" / "module.py").write_text("X = 1\n", encoding="utf-8")
    monkeypatch.setenv(ROOT_VARIABLE, str(tmp_path))
    return tmp_path


def notebook_with(source: str, output: str = ""):
    notebook = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell(source, id="c01")
    if output:
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=output)]
    notebook.cells = [cell]
    return notebook


def test_shared_inputs_change_with_a_data_file_or_the_package_but_not_with_bytecode(project):
    layout = DataLayout.of_project(project)
    before = runner.shared_inputs(layout)
    (project / "src" / "pkg" / "__pycache__").mkdir()
    (project / "src" / "pkg" / "__pycache__" / "module.cpython-311.pyc").write_bytes(b"\x00")
    assert runner.shared_inputs(layout) == before
    (project / "data" / "claims.csv").write_text("id\nc2\n", encoding="utf-8")
    after_data = runner.shared_inputs(layout)
    (project / "src" / "pkg" / "module.py").write_text("X = 2\n", encoding="utf-8")
    assert len({before, after_data, runner.shared_inputs(layout)}) == 3


def test_a_notebooks_inputs_change_with_its_code_and_not_with_its_outputs():
    inputs = runner.notebook_inputs(notebook_with("print(1)"), "shared")
    assert runner.notebook_inputs(notebook_with("print(1)", output="1\n"), "shared") == inputs
    assert runner.notebook_inputs(notebook_with("print(2)"), "shared") != inputs
    assert runner.notebook_inputs(notebook_with("print(1)"), "other shared") != inputs


def test_a_run_is_up_to_date_only_for_the_same_inputs_and_the_same_file(project):
    path = project / "chapter.ipynb"
    nbformat.write(notebook_with("print(1)", output="1\n"), path)
    assert not runner.is_up_to_date(path, "inputs", project)
    runner.record_run(path, "inputs", project)
    assert runner.is_up_to_date(path, "inputs", project)
    assert not runner.is_up_to_date(path, "other inputs", project)
    nbformat.write(notebook_with("print(1)", output="edited by hand\n"), path)
    assert not runner.is_up_to_date(path, "inputs", project)


def test_notebooks_run_once_then_skip_and_a_failing_one_is_not_written(project, capsys):
    good, bad = project / "good.ipynb", project / "bad.ipynb"
    nbformat.write(notebook_with("print(6 * 7)"), good)
    nbformat.write(notebook_with("raise ValueError('broken on purpose')"), bad)
    bad_before = bad.read_bytes()

    assert runner.main(["--jobs", "2", str(good), str(bad)]) == 1
    assert nbformat.read(good, as_version=4).cells[0].outputs[0]["text"] == "42\n"
    assert "execution" not in nbformat.read(good, as_version=4).cells[0].metadata
    assert bad.read_bytes() == bad_before
    assert "bad.ipynb: not saved, a cell raised ValueError: broken on purpose" in capsys.readouterr().err

    assert runner.main([str(good)]) == 0
    assert f"up to date: {good}" in capsys.readouterr().out


def make_recipe(target: str) -> tuple[str, list[str]]:
    """A Makefile target's prerequisites and its recipe lines."""
    lines = (project_layout().project_root / "Makefile").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{target}:"))
    recipe = []
    for line in lines[start + 1 :]:
        if not line.startswith("\t"):
            break
        recipe.append(line.strip())
    return lines[start].split(":", 1)[1], recipe


def test_make_book_brings_every_notebook_up_to_date_then_builds_from_clean():
    """The build renders saved outputs, so a stale book is prevented only by these two steps."""
    prerequisites, recipe = make_recipe("book")
    assert "execute" in prerequisites.split()
    assert recipe.index("rm -rf _build") < recipe.index("$(JB_BUILD)")
    _, execute = make_recipe("execute")
    root = project_layout().project_root
    chapters = ["notebooks/*.ipynb", *(p.relative_to(root).as_posix() for p in (root / "book").glob("*.ipynb"))]
    run = next(line.split() for line in execute if "scripts/execute_notebooks.py" in line)
    assert all(chapter in run for chapter in chapters), chapters
