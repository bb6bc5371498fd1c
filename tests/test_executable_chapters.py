"""Every chapter that runs code is a notebook that nbval checks; the Markdown chapters hold no code cells."""

from __future__ import annotations

import re
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def test_no_markdown_chapter_runs_code():
    executable = [
        p.name
        for p in (PROJECT_ROOT / "book").glob("*.md")
        if re.search(r"^```\{code-cell\}", p.read_text(encoding="utf-8"), re.M)
    ]
    assert executable == []


def test_make_notebooks_runs_nbval_over_every_notebook_chapter():
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    chapters = sorted(p.relative_to(PROJECT_ROOT).as_posix() for p in (PROJECT_ROOT / "book").glob("*.ipynb"))
    nbval_line = next(line for line in makefile.splitlines() if "$(NBVAL)" in line and "pytest" in line)
    assert "notebooks" in nbval_line.split()
    assert all(chapter in nbval_line.split() for chapter in chapters), chapters
