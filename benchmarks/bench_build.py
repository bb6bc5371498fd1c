"""Time the book's build against Jupyter Book's own sample book, built side by side in one run.

Machines and their load differ, so the target is a ratio measured in the same run: `make book`
in at most 3x the wall time of the sample book that `jupyter-book create` writes, built strictly
from clean (it executes its own two notebook pages). `make book` is timed twice in each round:

- first run: no record of earlier runs, so every notebook is executed (one kernel per core),
  then the strict build from clean; what a fresh clone, or any change to data or code, costs;
- rebuild: nothing changed since, so scripts/execute_notebooks.py executes nothing and the
  strict build from clean renders the saved outputs. The target applies to this one.

CPU time is reported beside wall time, and so is the strict build alone (what `make test` builds).
Both books are built in a temporary folder: the project is copied there, so `make book` never
touches the working tree. The books are built in alternating rounds and each figure is the
fastest of its rounds, the one least slowed by other work on the machine.
Exit status 1 above the target, 2 if a build fails.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
TARGET_RATIO = 3.0
# What a copy of the project needs to build: not the environment, old builds, git or npm's files.
NOT_COPIED = shutil.ignore_patterns(
    ".venv", "_build", ".git", "node_modules", "__pycache__", ".*_cache", ".notebook_runs"
)


@dataclass
class Timing:
    wall: float
    cpu: float


def children_cpu() -> float:
    """User plus system seconds of every finished child process (and the children they waited for)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], cwd: Path, log: Path) -> Timing:
    """Run a command to its end, its output into a log; stop the benchmark if it fails."""
    env = {key: value for key, value in os.environ.items() if key != "KRATOM_CLAIMS_ROOT"}
    cpu_before, start = children_cpu(), time.perf_counter()
    with log.open("w", encoding="utf-8") as output:
        result = subprocess.run(command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT, check=False)
    timing = Timing(time.perf_counter() - start, children_cpu() - cpu_before)
    if result.returncode != 0:
        tail = "\n".join(log.read_text(encoding="utf-8").splitlines()[-15:])
        print(f"bench_build: `{' '.join(command)}` failed (exit {result.returncode}); its last lines:\n{tail}")
        sys.exit(2)
    return timing


def make_command(target: str, project: Path) -> list[str]:
    """`make TARGET` in the copy, with this environment, which make must not try to reinstall."""
    venv = BIN.parent
    return ["make", "-C", str(project), target, f"VENV={venv}", "-o", str(venv / ".installed")]


def sample_build(sample: Path, log: Path) -> Timing:
    shutil.rmtree(sample / "_build", ignore_errors=True)
    return timed([str(BIN / "jupyter-book"), "build", str(sample), "-W", "-n", "--keep-going"], sample, log)


def fastest(timings: list[Timing]) -> Timing:
    return Timing(min(t.wall for t in timings), min(t.cpu for t in timings))


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=1, help="alternating rounds of the builds (default 1)")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench_build_") as folder:
        work = Path(folder)
        sample, project = work / "sample", work / "project"
        subprocess.run([str(BIN / "jupyter-book"), "create", str(sample)], check=True, stdout=subprocess.DEVNULL)
        shutil.copytree(PROJECT_ROOT, project, ignore=NOT_COPIED, symlinks=True)
        runs: dict[str, list[Timing]] = {"sample": [], "first": [], "rebuild": [], "strict": []}
        for round_number in range(1, args.rounds + 1):
            runs["sample"].append(sample_build(sample, work / "sample.log"))
            shutil.rmtree(project / ".notebook_runs", ignore_errors=True)
            runs["first"].append(timed(make_command("book", project), project, work / "first.log"))
            runs["rebuild"].append(timed(make_command("book", project), project, work / "rebuild.log"))
            runs["strict"].append(timed(make_command("strict-build", project), project, work / "strict.log"))
            print(f"round {round_number}: " + ", ".join(f"{name} {runs[name][-1].wall:.1f} s" for name in runs))
    best = {name: fastest(timings) for name, timings in runs.items()}
    rows = [
        ("sample", "sample book (jupyter-book create), strict clean build"),
        ("first", f"make book, first run (every notebook executed, {os.cpu_count()} cores)"),
        ("rebuild", "make book, nothing changed (no notebook executed)"),
        ("strict", "strict build of the saved outputs alone (make test's build)"),
    ]
    print(f"\nBuild times, fastest of {args.rounds} alternating rounds, on {os.cpu_count()} cores:")
    for name, label in rows:
        print(f"  {label:<66} {best[name].wall:6.1f} s wall {best[name].cpu:6.1f} s CPU")
    for name, label in rows[1:]:
        ratio = f"{best[name].wall / best['sample'].wall:6.2f}x wall {best[name].cpu / best['sample'].cpu:5.2f}x CPU"
        print(f"  {label.split(' (')[0] + ' vs sample':<66} {ratio}")
    wall_ratio = best["rebuild"].wall / best["sample"].wall
    passed = wall_ratio <= TARGET_RATIO
    verdict = "PASS" if passed else "FAIL"
    print(f"{verdict}  make book, nothing changed, <= {TARGET_RATIO:g}x the sample book (wall)  {wall_ratio:.2f}x")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
