"""The data check that runs before every build: one line when the data is sound, one line naming the problem when not."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from kratom_claims.layout import project_layout

PROJECT = project_layout()


def test_check_passes_on_the_books_data_in_one_line(data_copy, cli):
    status, stdout, stderr = cli("check", "--data-dir", data_copy)
    assert (status, stderr) == (0, "")
    articles = len((data_copy / "articles.csv").read_text(encoding="utf-8").splitlines()) - 1
    assert re.fullmatch(
        rf"data ok: {articles} articles, \d+ claims, \d+ appeals, \d+ evidence rows, two codings in reliability/, \d+ articles? rated, 27 evaluation articles with \d+ claims, in {re.escape(str(data_copy))}\n",
        stdout,
    )


@pytest.mark.parametrize(
    "relative, breaks, problem",
    [
        ("articles/002_627b858bc9c0b6b4.txt", lambda text: text + "x", "the file was changed"),
        ("claims.csv", lambda text: text.replace(",condition,", ",conditon,", 1), "category 'conditon'"),
        ("evidence.csv", lambda text: text.replace("strength", "strenght", 1), "strength"),
        ("quality/jama.csv", lambda text: text.replace(",false,", ",no,", 1), "met 'no' must be true or false"),
        ("evaluation/claims.csv", lambda text: text + "h01-999,h01_migraine_forum\n", "line"),
        (
            "evaluation/articles.csv",
            lambda text: text.replace(",second\n", ",sixth\n", 1),
            "one of first, second, third, fourth, fifth",
        ),
    ],
)
def test_broken_data_stops_the_check_with_one_line_naming_the_file(data_copy, cli, relative, breaks, problem):
    path = data_copy / relative
    path.write_text(breaks(path.read_text(encoding="utf-8")), encoding="utf-8")
    status, stdout, stderr = cli("check", "--data-dir", data_copy)
    assert (status, stdout) == (2, "")
    assert stderr.startswith(f"error: {path}: ") and stderr.count("\n") == 1
    assert problem in stderr


def test_make_runs_the_data_check_before_sphinx_and_nbval():
    """A dry run (make -n) lists the commands; the check must come before the build and the notebook run."""
    done = subprocess.run(
        ["make", "-n", "-W", "requirements.txt", "book", "strict-build", "notebooks"],
        cwd=PROJECT.project_root,
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [
        line
        for line in done.stdout.splitlines()
        if "kratom_claims check" in line or "jupyter-book build" in line or "--nbval" in line
    ]
    assert [("check" if "kratom_claims check" in line else "run") for line in lines] == ["check", "run"] * 3


def test_the_check_command_reports_without_a_traceback(data_copy):
    (data_copy / "codebook.yml").write_text("categories: [\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "kratom_claims", "check", "--data-dir", str(data_copy)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert (
        done.stderr.startswith(f"error: {data_copy / 'codebook.yml'}: codebook is not valid YAML")
        and done.stderr.count("\n") == 1
    )
