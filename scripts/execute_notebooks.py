"""Re-execute notebooks in place, several at once, each in its own fresh kernel, skipping none
whose outputs could differ.

`make execute` and `make book` run it. One Python process drives all the kernels through
nbclient's asyncio interface, at most --jobs at a time (default: one per core), rather than one
`jupyter-execute` process per notebook, each paying its own start-up. It is written here, and
not left to `xargs -P` and `jupyter-execute`, because it also keeps the record of runs below.
A notebook whose cell fails is not written (its saved outputs stay as they were) and the failure
is named in one line; the exit status is then 1. Cell timestamps are not recorded, so a notebook
whose outputs did not change stays unchanged.

A notebook is skipped only when this machine executed it before from the same inputs and the
file is still byte for byte what that run wrote. The inputs are the notebook's cells, every file
of the data folder the notebooks read, the package's source, the lock, pyproject.toml, the
bibliography, the installed distributions and the Python version (see `shared_inputs`); a change
to any of them re-executes every notebook. The record of each run is kept in .notebook_runs/
(not in _build/, which every build deletes); --force ignores it.

usage: python scripts/execute_notebooks.py [--jobs N] [--force] NOTEBOOK.ipynb ...
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import sys
import time
from importlib import metadata
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

from kratom_claims.files import write_file
from kratom_claims.layout import ROOT_VARIABLE, DataLayout, project_layout

# The same limit as the book's own execution settings in _config.yml.
CELL_TIMEOUT_SECONDS = 300
RUNS_FOLDER = ".notebook_runs"
# Project files, besides the data folder, whose content a notebook's outputs can depend on.
PROJECT_INPUTS = ("src", "requirements.txt", "pyproject.toml", "book/references.bib")


def files_under(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def shared_inputs(layout: DataLayout) -> str:
    """A digest of everything every notebook reads besides itself; any change changes it."""
    digest = hashlib.sha256()
    for folder in (layout.data_dir, *(layout.project_root / name for name in PROJECT_INPUTS)):
        for path in files_under(folder):
            digest.update(f"{folder.name}/{path.relative_to(folder)}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    installed = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    extra = [sys.version, os.environ.get(ROOT_VARIABLE, ""), *installed]
    digest.update("\0".join(extra).encode())
    return digest.hexdigest()


def notebook_inputs(notebook, shared: str) -> str:
    """The digest of what a notebook's outputs are computed from: its cells and the shared inputs."""
    cells = [(cell.cell_type, cell.source) for cell in notebook.cells]
    kernel = notebook.metadata.get("kernelspec", {}).get("name", "")
    return hashlib.sha256(json.dumps([shared, kernel, cells]).encode()).hexdigest()


def run_record(path: Path, root: Path) -> Path:
    return root / RUNS_FOLDER / (path.resolve().relative_to(root.resolve()).as_posix().replace("/", "__") + ".json")


def is_up_to_date(path: Path, inputs: str, root: Path) -> bool:
    """Whether this machine's last run of the notebook used these inputs and wrote the file as it is now."""
    record = run_record(path, root)
    if not record.is_file():
        return False
    previous = json.loads(record.read_text(encoding="utf-8"))
    return previous == {"inputs": inputs, "notebook": hashlib.sha256(path.read_bytes()).hexdigest()}


def record_run(path: Path, inputs: str, root: Path) -> None:
    record = run_record(path, root)
    record.parent.mkdir(exist_ok=True)
    written = hashlib.sha256(path.read_bytes()).hexdigest()
    write_file(record, json.dumps({"inputs": inputs, "notebook": written}).encode())


def notebook_text(notebook) -> bytes:
    text = nbformat.writes(notebook)
    return (text if text.endswith("\n") else text + "\n").encode("utf-8")


async def execute(path: Path, slots: asyncio.Semaphore, root: Path, shared: str, force: bool) -> str | None:
    """Run one notebook unless it is up to date, and save it; the failure as one line, or None."""
    notebook = nbformat.read(path, as_version=4)
    inputs = notebook_inputs(notebook, shared)
    if not force and is_up_to_date(path, inputs, root):
        print(f"up to date: {path}", flush=True)
        return None
    async with slots:
        start = time.perf_counter()
        client = NotebookClient(
            notebook,
            timeout=CELL_TIMEOUT_SECONDS,
            record_timing=False,
            resources={"metadata": {"path": str(path.parent)}},
        )
        try:
            await client.async_execute()
        except CellExecutionError as err:
            return f"{path}: not saved, a cell raised {err.ename}: {err.evalue}"
        except CellTimeoutError:
            return f"{path}: not saved, a cell ran longer than {CELL_TIMEOUT_SECONDS} s"
        write_file(path, notebook_text(notebook))
        record_run(path, inputs, root)
        print(f"executed {path} in {time.perf_counter() - start:.1f} s", flush=True)
        return None


async def execute_all(paths: list[Path], jobs: int, force: bool) -> list[str]:
    slots = asyncio.Semaphore(jobs)
    layout = project_layout()
    shared = shared_inputs(layout)
    results = await asyncio.gather(*(execute(path, slots, layout.project_root, shared, force) for path in paths))
    return [failure for failure in results if failure]


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="kernels at a time (default: cores)")
    parser.add_argument("--force", action="store_true", help="execute every notebook, even those up to date")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    missing = [str(path) for path in args.notebooks if not path.is_file()]
    if missing:
        print(f"execute_notebooks: no such notebook: {', '.join(missing)}", file=sys.stderr)
        return 1
    failures = asyncio.run(execute_all(args.notebooks, max(1, args.jobs), args.force))
    for failure in failures:
        print(f"execute_notebooks: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
