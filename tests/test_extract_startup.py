"""The extract command starts without the libraries it does not need: pandas and numpy (the
chapters' tables), the page reader and the archive reader (only for .html and WARC input), and
the add/accept commands' checks. A fresh process runs the command and reports what it imported."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kratom_claims.claims import claims_csv, numbered_claims
from kratom_claims.codebook import load_codebook
from kratom_claims.extract import extract_claims
from kratom_claims.layout import project_layout

# Runs the command line in this process, then prints the name of every module it imported.
DRIVER = """
import sys
from kratom_claims.cli import main
status = main(sys.argv[1:])
print("\\n".join(sorted(sys.modules)))
raise SystemExit(status)
"""
NOT_FOR_TEXT = ("pandas", "numpy", "trafilatura", "lxml", "warcio", "kratom_claims.intake", "kratom_claims.corpus")


def imported_by_extract(tmp_path, *inputs) -> tuple[set[str], bytes]:
    """The modules a fresh process had imported when `extract` over ``inputs`` ended, and its output."""
    out = tmp_path / "claims.csv"
    arguments = [*map(str, inputs), "--out", str(out), "--codebook", str(project_layout().codebook_yml)]
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, "extract", *arguments], capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert (done.returncode, done.stderr) == (0, "")
    return set(done.stdout.splitlines()[1:]), out.read_bytes()


@pytest.fixture
def text_corpus(tmp_path):
    """The book's articles as .txt files in a folder of their own."""
    folder = tmp_path / "articles"
    folder.mkdir()
    texts = {}
    for path in sorted(project_layout().articles_dir.glob("*.txt")):
        texts[path.stem] = path.read_text(encoding="utf-8")
        (folder / path.name).write_bytes(path.read_bytes())
    return folder, texts


@pytest.mark.parametrize("jobs", [1, 2])
def test_extract_of_text_files_imports_neither_pandas_nor_numpy_nor_the_page_readers(tmp_path, text_corpus, jobs):
    folder, texts = text_corpus
    modules, written = imported_by_extract(tmp_path, folder, "--jobs", jobs)
    assert "kratom_claims.cli" in modules  # the report is of the process that ran the command
    assert sorted(module for module in modules if module.split(".")[0] in NOT_FOR_TEXT or module in NOT_FOR_TEXT) == []
    expected = claims_csv(numbered_claims(extract_claims(texts, load_codebook()), ""), "expected")
    assert written == expected


def test_extract_imports_the_page_reader_when_it_meets_a_web_page(tmp_path):
    page = tmp_path / "kr1_page.html"
    page.write_text(
        "<html><body><article><p>Kratom may ease back pain, some users say, and it can cause nausea in a few of "
        "them.</p></article></body></html>",
        encoding="utf-8",
    )
    modules, written = imported_by_extract(tmp_path, page, "--jobs", 1)
    assert "trafilatura" in modules
    assert b"kr1_page,condition,back_pain" in written
