"""How long `report` takes on a new article of about 1,000 words, against extracting the same article.

Run with ``make bench-report`` (``make bench`` runs it too). Both commands are run as a reader
runs them, each in a fresh Python process, in the same session, alternated, REPEATS times each:

(a) baseline: ``python -m kratom_claims extract ARTICLE --out ...``: start Python, read the
    article, load the codebook, propose its claims, write them;
(b) report: ``python -m kratom_claims report ARTICLE --out ...``: the same, plus loading and
    checking the book's articles, claims and evidence, and building the page.

It prints the median wall time of each and their ratio. The target is the teacher's: a report
in under TARGET_SECONDS on this machine. Exit status 1 if it is missed.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time

from kratom_claims.layout import project_layout
from kratom_claims.text import count_words
from kratom_claims.webpage import article_text

PROJECT = project_layout().project_root
ARTICLE = PROJECT / "tests" / "pages" / "thousand_word_article.txt"
REPEATS = 3
TARGET_SECONDS = 5.0


def timed_command(*arguments: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kratom_claims", *arguments], cwd=PROJECT, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    words = count_words(article_text(ARTICLE))
    extract_times, report_times = [], []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(REPEATS):
            extract_times.append(timed_command("extract", str(ARTICLE), "--out", f"{folder}/claims{run}.csv"))
            report_times.append(timed_command("report", str(ARTICLE), "--out", f"{folder}/report{run}.html"))
    extract, report = statistics.median(extract_times), statistics.median(report_times)
    passed = report < TARGET_SECONDS
    print(f"report benchmark: {ARTICLE.name}, {words} words, median of {REPEATS} runs each, in fresh processes")
    print(f"  baseline (extract command)  {extract:.2f} s")
    print(f"  report command              {report:.2f} s")
    print(f"  report vs extract           {report / extract:.2f}x the baseline's time")
    print(f"  {'PASS' if passed else 'FAIL'}  report < {TARGET_SECONDS:g} s       {report:.2f} s")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
