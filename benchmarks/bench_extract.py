"""How fast the claim extractor is, from the automaton to the whole command, against baselines
measured in the same run, on a synthetic corpus and on the book's own articles.

Run with ``make bench`` (or ``.venv/bin/python benchmarks/bench_extract.py``). It writes two
corpora to a temporary folder, one file per article: a seeded synthetic corpus built from
sentence templates and the codebook's surface forms (10,000 articles), and the book's five
articles written again under new ids (4,000 files). On each it measures, per CPU second of one
process unless it says wall:

- floor: reading each file and lower-casing it, the least any extractor must do;
- ceiling: the same, then the extractor's own copies of the text and the Aho-Corasick automaton
  iterated over them with nothing done per hit: what the matcher allows;
- hits only: what the extractor does before any rule (its copies, every hit, the sentence cuts
  and clause marks, sorted; scan.find_hits), which bounds the whole extractor from above;
- naive: one compiled regex per surface form over each article (matching only; on a sample);
- ours: ClaimExtractor.claims on each article (claims only);
- the whole ``extract`` command over the folder (read, extract, write the CSV), at 1 worker and
  at 2, in a fresh process each, with its wall time and the peak memory of its processes;
- the Dask path (cluster.dask_extract) on Dask's local processes scheduler with 2 workers
  (synthetic corpus only);
- the command's start-up: ``extract`` of the book's shortest article, wall, against
  ``python -c pass`` (best of STARTUP_RUNS each, alternating), what every run pays before the
  first partition is handed out.

Targets are ratios to figures of the same run, so a busy machine moves both sides: ours at
least half the ceiling (synthetic corpus); the whole command on the book's articles at least
3x its rate relative to the floor on 2026-11-27 (issue 14: 0.022 of the floor), on 1 worker,
and 2 workers at least 1.6x faster (wall) than 1; peak memory under 300 MB. Exit status 1 if one
is missed. ``--articles 100000 --only-memory`` (``make bench-large``) checks memory at 100k.
"""

from __future__ import annotations

import argparse
import collections
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from kratom_claims.cluster import dask_extract
from kratom_claims.codebook import load_codebook
from kratom_claims.extract import ClaimExtractor, search_copy, word_copy
from kratom_claims.extract.scan import find_hits, punctuation
from kratom_claims.layout import project_layout

PROJECT = project_layout()

# Targets, as ratios to baselines of the same run (issue 14, "Done when").
TARGET_OF_CEILING = 0.5
COMMAND_OF_FLOOR_BEFORE = 0.022  # the whole command on the book's articles x4000, 2026-11-27 (issue 14)
TARGET_COMMAND_GAIN = 3.0
TARGET_TWO_WORKERS = 1.6
TARGET_PEAK_MB = 300.0
POLL_S = 0.05
STARTUP_RUNS = 7

FILLER = [
    "The market for herbal products keeps growing from one year to the next, and prices differ a great deal between shops.",
    "The leaves are dried, ground and sold as powder, capsules or extracts, usually in sealed pouches of various sizes.",
    "This section sums up what sellers, forum posts and review sites tend to write about the subject.",
    "Readers often ask the same questions in the comments, so we answer the most common ones here in plain words.",
    "Every body is different, and the experiences people describe in online forums vary widely from one to the next.",
    "The tree grows in humid lowland forests across the region, where farmers harvest the leaves several times a year.",
    "Labels on packets seldom say where the leaves were grown or how they were dried before shipping.",
    "Shipping times depend on the vendor and the destination, and some countries inspect parcels at the border.",
]
CLAIM_TEMPLATES = [
    "Kratom may help with {condition} and {condition2}, and many readers say the effect lasts for several hours.",
    "Many readers say that {strain} eases their {condition}, although {side_effect} was reported by a few of them.",
    "Some users report {side_effect} and {side_effect2} after a large serving, especially on an empty stomach.",
    "Unlike {drug}, which can cause {side_effect}, kratom is described by these sellers as a gentle option for {condition}.",
    "{Drug} often leads to {side_effect} in long-term patients, which is why some of them look for other options.",
    "Kratom does not cause {side_effect} in most people, according to the seller, who also praises {strain}.",
    "Its alkaloids are said to act on {mechanism} and {mechanism2}, which would explain why it eases {condition}.",
    "Before starting, remember {advice} and {advice2}, because the same amount affects people differently.",
    "Kratom is often used for {condition} and {condition2}, two problems that conventional care does not always solve.",
    "Research suggests kratom could reduce {condition}, although {side_effect} is possible with regular daily use.",
    "Compared with {drug}, kratom carries a lower risk of {side_effect}, or so the article claims about {strain}.",
    "A {band} dose is {low}-{high} grams for most adults, and {advice} matters more than the exact amount.",
    "Between {low} and {high} grams is a common serving of {strain}, which some take for {condition}.",
]
DRUGS = ["oxycodone", "morphine", "prescription opioids", "synthetic opioids", "codeine", "tramadol", "painkillers"]
BANDS = ["low", "moderate", "high", "typical"]
HEADINGS = ["What the sellers say", "Benefits and risks", "How much to take", "Strains and origins", "Safety notes"]


def form_pools(codebook) -> dict[str, list[str]]:
    forms = codebook.surface_forms()
    return {category: sorted(group["form"]) for category, group in forms.groupby("category")}


TOPIC_SIZES = {"condition": 6, "strain": 2, "side_effect": 6, "mechanism": 3, "advice": 4}  # at least 2 each


def synthetic_article(rng: random.Random, pools: dict[str, list[str]], target_chars: int) -> str:
    """One article: a title, headings and paragraphs mixing claim templates with filler.

    Like a real article it keeps to a few topics, so each one draws its forms from a small
    sample of the codebook and repeats them."""
    topics = {
        category: rng.sample(pools[category], min(size, len(pools[category]))) for category, size in TOPIC_SIZES.items()
    }
    lines = [f"Article {rng.randrange(10**6)}: kratom for pain", ""]
    size = 0
    while size < target_chars:
        lines.append(rng.choice(HEADINGS))
        paragraph = []
        for _ in range(rng.randint(4, 9)):
            if rng.random() < 0.25:
                sentence = rng.choice(FILLER)
            else:
                low = rng.randint(1, 4)
                drug = rng.choice(DRUGS)
                picked = {category: rng.sample(forms, 2) for category, forms in topics.items()}
                sentence = rng.choice(CLAIM_TEMPLATES).format(
                    **{category: forms[0] for category, forms in picked.items()},
                    **{f"{category}2": forms[1] for category, forms in picked.items()},
                    drug=drug,
                    Drug=drug.capitalize(),
                    band=rng.choice(BANDS),
                    low=low,
                    high=low + rng.randint(1, 4),
                )
            paragraph.append(sentence)
        text = " ".join(paragraph)
        lines.extend([text, ""])
        size += len(text) + 30
    return "\n".join(lines)


def write_corpus(folder: Path, count: int, seed: int, pools) -> tuple[list[Path], float]:
    """Write the articles one by one; return their paths and the seconds it took."""
    rng = random.Random(seed)
    paths = []
    began = time.perf_counter()
    for number in range(count):
        path = folder / f"{number:05d}.txt"
        path.write_text(synthetic_article(rng, pools, rng.randint(3500, 6500)), encoding="utf-8")
        paths.append(path)
    return paths, time.perf_counter() - began


def naive_matcher(codebook):
    """The baseline: one case-insensitive, whole-word regex per surface form."""
    patterns = [
        (row.category, row.term, re.compile(rf"\b{re.escape(row.form)}\b", re.IGNORECASE))
        for row in codebook.surface_forms().itertuples(index=False)
    ]

    def match(article_id: str, text: str) -> list:
        return [(category, term, m.start()) for category, term, pattern in patterns for m in pattern.finditer(text)]

    return match, len(patterns)


def write_book_corpus(folder: Path, count: int) -> list[Path]:
    """The book's five articles written again, in turn, under new ids, ``count`` files in all."""
    originals = [path.read_bytes() for path in sorted(PROJECT.articles_dir.glob("*.txt"))]
    paths = []
    for number in range(count):
        path = folder / f"b{number:05d}.txt"
        path.write_bytes(originals[number % len(originals)])
        paths.append(path)
    return paths


def measure(paths: list[Path], work) -> dict:
    """Read each file and apply ``work`` to its text; throughput per CPU second of this process
    (other work on a shared machine then does not count), with the wall time beside it."""
    total_bytes = 0
    cpu, wall = time.process_time(), time.perf_counter()
    for path in paths:
        raw = path.read_bytes()
        total_bytes += len(raw)
        work(path.stem, raw.decode("utf-8"))
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return {
        "articles": len(paths),
        "mb": total_bytes / 1e6,
        "cpu_s": cpu,
        "wall_s": wall,
        "mb_s": total_bytes / 1e6 / cpu,
    }


def automaton_only(extractor: ClaimExtractor):
    """The matcher's ceiling: the copies the extractor reads and every automaton hit, consumed in C
    (a zero-length deque), so that no Python code runs per hit."""
    automaton = extractor.lexicon.automaton

    def iterate(article_id: str, text: str) -> None:
        collections.deque(automaton.iter(word_copy(search_copy(text))), maxlen=0)

    return iterate


def hits_only(extractor: ClaimExtractor):
    """What the extractor does before any rule: the copies, every hit, the sentence cuts and
    clause marks, sorted (scan.find_hits). Its speed bounds the whole extractor's from above, so
    it shows how much of the ceiling any reading of the sentences in Python could keep."""
    automaton = extractor.lexicon.automaton

    def scan(article_id: str, text: str) -> None:
        _, marks = punctuation(text)
        find_hits(automaton, search_copy(text), marks)

    return scan


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and its descendants now (Linux /proc), in MB; 0 once it is gone."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status)[1]) * 1024
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, TypeError, ValueError):
            continue
    return total / 1e6


def run_command(arguments: list[str], mb: float) -> dict:
    """Run ``python -m kratom_claims ARGS`` in a fresh process: its wall and CPU time (its workers'
    included) and the peak resident memory of all its processes together, sampled every 50 ms."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            [sys.executable, "-m", "kratom_claims", *arguments], stdout=subprocess.DEVNULL, stderr=errors
        )
        peak = 0.0
        while process.poll() is None:
            peak = max(peak, tree_rss_mb(process.pid))
            time.sleep(POLL_S)
        wall = time.perf_counter() - began
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"extract failed: {errors.read().decode()}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    peak = max(peak, after.ru_maxrss / 1024)  # a single-process run that ends between two samples
    return {"mb": mb, "wall_s": wall, "cpu_s": cpu, "mb_s": mb / cpu, "wall_mb_s": mb / wall, "peak_mb": peak}


def run_extract(folder: Path, out: Path, jobs: int, mb: float, codebook: Path) -> dict:
    args = ["extract", str(folder), "--jobs", str(jobs), "--out", str(out), "--force", "--codebook", str(codebook)]
    return run_command(args, mb)


def run_dask(paths: list[Path], out: Path, mb: float, codebook: Path) -> dict:
    """The Dask path on the local processes scheduler with 2 workers (wall time: the workers' CPU is not ours)."""
    began = time.perf_counter()
    dask_extract(paths, codebook, out, scheduler="processes", num_workers=2)
    wall = time.perf_counter() - began
    return {"mb": mb, "wall_s": wall, "wall_mb_s": mb / wall}


def startup(codebook: Path, folder: Path) -> dict:
    """The wall time of ``extract`` over one short article and of ``python -c pass``, best of
    STARTUP_RUNS each, run in turn so that a busy moment of the machine hits both."""
    article = min(PROJECT.articles_dir.glob("*.txt"), key=lambda path: path.stat().st_size)
    out = folder / "startup.csv"
    command = [sys.executable, "-m", "kratom_claims", "extract", str(article), "--jobs", "1"]
    command += ["--out", str(out), "--force", "--codebook", str(codebook)]
    runs = {"extract": [], "python": []}
    for _ in range(STARTUP_RUNS):
        for name, argv in (("python", [sys.executable, "-c", "pass"]), ("extract", command)):
            began = time.perf_counter()
            subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
            runs[name].append(time.perf_counter() - began)
    out.unlink(missing_ok=True)
    return {"kb": article.stat().st_size / 1000, **{name: min(times) for name, times in runs.items()}}


def print_startup(result: dict) -> None:
    print(
        f"\nextract command start-up, one article ({result['kb']:.1f} kB), wall: {result['extract']:.3f} s, "
        f"{result['extract'] / result['python']:.0f}x python -c pass ({result['python']:.3f} s); "
        f"best of {STARTUP_RUNS} each"
    )


def stages(name: str, paths: list[Path], folder: Path, extractor, naive, args, with_dask: bool) -> dict:
    """Every stage on one corpus, printed as it is measured; the Dask path if asked."""
    mb = sum(path.stat().st_size for path in paths) / 1e6
    print(f"\n{name}: {len(paths)} files, {mb:.1f} MB")
    found: Counter = Counter()
    results = {
        "floor": measure(paths, lambda article_id, text: text.lower()),
        "ceiling": measure(paths, automaton_only(extractor)),
        "hits": measure(paths, hits_only(extractor)),
        "naive": measure(paths[:: args.naive_every], naive),
        "ours": measure(
            paths, lambda article_id, text: found.update(c.category for c in extractor.claims(text, article_id))
        ),
    }
    results["claims_per_kb"] = sum(found.values()) / (results["ours"]["mb"] * 1000)
    out = folder.parent / f"{folder.name}.csv"
    results["command_1"] = run_extract(folder, out, 1, mb, args.codebook)
    results["command_2"] = run_extract(folder, out, 2, mb, args.codebook)
    results["dask"] = run_dask(paths, out, mb, args.codebook) if with_dask else None
    out.unlink(missing_ok=True)
    print_stages(results, args.naive_every)
    return results


def print_stages(results: dict, naive_every: int) -> None:
    floor, ceiling, naive, ours = (results[k] for k in ("floor", "ceiling", "naive", "ours"))
    one, two, dask = results["command_1"], results["command_2"], results["dask"]
    lines = [
        ("floor: read + lower-case", f"{floor['mb_s']:8.1f} MB/s"),
        (
            "ceiling: automaton only",
            f"{ceiling['mb_s']:8.1f} MB/s   {ceiling['mb_s'] / floor['mb_s']:.3f} of the floor",
        ),
        (
            "hits only, before any rule",
            f"{results['hits']['mb_s']:8.1f} MB/s   {results['hits']['mb_s'] / ceiling['mb_s']:.2f} of the ceiling",
        ),
        ("naive: a regex per form", f"{naive['mb_s']:8.2f} MB/s   every {naive_every}th article"),
        (
            "ours: claims only",
            f"{ours['mb_s']:8.1f} MB/s   {ours['mb_s'] / ceiling['mb_s']:.2f} of the ceiling, "
            f"{ours['mb_s'] / floor['mb_s']:.3f} of the floor, {ours['mb_s'] / naive['mb_s']:.0f}x naive "
            f"({results['claims_per_kb']:.1f} claims per KB)",
        ),
        (
            "extract command, 1 worker",
            f"{one['mb_s']:8.1f} MB/s   {one['mb_s'] / floor['mb_s']:.3f} of the floor; "
            f"{one['wall_s']:.1f} s wall, peak {one['peak_mb']:.0f} MB",
        ),
        (
            "extract command, 2 workers",
            f"{two['wall_mb_s']:8.1f} MB/s wall   {one['wall_s'] / two['wall_s']:.2f}x the 1-worker wall; "
            f"{two['wall_s']:.1f} s wall, {two['cpu_s']:.1f} s CPU in all (1 worker: {one['cpu_s']:.1f} s), "
            f"peak {two['peak_mb']:.0f} MB (all processes)",
        ),
    ]
    page_kb = floor["mb"] * 1000 / floor["articles"]
    lines.append(
        (
            "CPU per million pages",
            f"{cpu_minutes_per_million(one, page_kb):8.1f} min for the command, 1 worker; "
            f"{cpu_minutes_per_million(floor, page_kb):.2f} min to read and lower-case them "
            f"(pages of {page_kb:.1f} kB, this corpus's mean)",
        )
    )
    if dask is not None:
        lines.append(
            (
                "Dask local, 2 workers",
                f"{dask['wall_mb_s']:8.1f} MB/s wall   {one['wall_s'] / dask['wall_s']:.2f}x the 1-worker command",
            )
        )
    width = max(len(name) for name, _ in lines)
    for name, value in lines:
        print(f"  {name:<{width}}  {value}")


def cpu_minutes_per_million(result: dict, page_kb: float) -> float:
    """CPU minutes that a million pages of ``page_kb`` kB take at a measured rate (MB per CPU second)."""
    return 1e6 * page_kb / 1000 / result["mb_s"] / 60


def checks(synthetic: dict, book: dict) -> list[tuple[str, str, bool]]:
    of_ceiling = synthetic["ours"]["mb_s"] / synthetic["ceiling"]["mb_s"]
    command_of_floor = book["command_1"]["mb_s"] / book["floor"]["mb_s"]
    gain = command_of_floor / COMMAND_OF_FLOOR_BEFORE
    two = book["command_1"]["wall_s"] / book["command_2"]["wall_s"]
    peak = max(synthetic["command_1"]["peak_mb"], synthetic["command_2"]["peak_mb"])
    return [
        (
            f"ours >= {TARGET_OF_CEILING} of the ceiling (synthetic)",
            f"{of_ceiling:.2f}",
            of_ceiling >= TARGET_OF_CEILING,
        ),
        (
            f"command, 1 worker, book x{len_files(book)} >= {TARGET_COMMAND_GAIN:g}x {COMMAND_OF_FLOOR_BEFORE} of the floor",
            f"{command_of_floor:.3f} of the floor, {gain:.1f}x",
            gain >= TARGET_COMMAND_GAIN,
        ),
        (
            f"command, 2 workers >= {TARGET_TWO_WORKERS}x 1 worker (book, wall)",
            f"{two:.2f}x",
            two >= TARGET_TWO_WORKERS,
        ),
        (
            f"peak memory < {TARGET_PEAK_MB:.0f} MB at {synthetic['command_1']['articles']:,} articles",
            f"{peak:.0f} MB",
            peak < TARGET_PEAK_MB,
        ),
    ]


def len_files(results: dict) -> int:
    return results["floor"]["articles"]


def memory_only(args, pools) -> int:
    """``make bench-large``: the command's peak memory over a large synthetic corpus, at 1 and 2 workers."""
    with tempfile.TemporaryDirectory(prefix="bench-large-") as root:
        folder = Path(root) / "synthetic"
        folder.mkdir()
        paths, generate_s = write_corpus(folder, args.articles, args.seed, pools)
        mb = sum(path.stat().st_size for path in paths) / 1e6
        print(f"corpus: {len(paths)} synthetic articles, {mb:.1f} MB, written in {generate_s:.1f} s")
        failed = False
        for jobs in (1, 2):
            result = run_extract(folder, Path(root) / "claims.csv", jobs, mb, args.codebook)
            ok = result["peak_mb"] < TARGET_PEAK_MB
            failed |= not ok
            print(
                f"  {verdict(ok)}  extract, {jobs} worker(s): peak {result['peak_mb']:.0f} MB (all processes) "
                f"< {TARGET_PEAK_MB:.0f} MB; {result['wall_s']:.1f} s wall, {result['mb_s']:.1f} MB/s per CPU second"
            )
    return 1 if failed else 0


def verdict(passed: bool) -> str:
    return "PASS" if passed else "FAIL"


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="synthetic articles to generate (default 10000)")
    parser.add_argument("--book-files", type=int, default=4_000, help="files of the book's articles (default 4000)")
    parser.add_argument("--naive-every", type=int, default=100, help="the naive baseline on every Nth article (100)")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--codebook", type=Path, default=PROJECT.codebook_yml)
    parser.add_argument("--no-dask", dest="with_dask", action="store_false", help="skip the Dask path")
    parser.add_argument("--only-memory", action="store_true", help="only the command's peak memory (make bench-large)")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    codebook = load_codebook(args.codebook)
    began = time.perf_counter()
    extractor = ClaimExtractor(codebook)
    compile_s = time.perf_counter() - began
    naive, naive_patterns = naive_matcher(codebook)
    pools = form_pools(codebook)
    print(
        f"codebook: {len(codebook.terms)} terms, {naive_patterns} forms; automaton built in {compile_s * 1000:.0f} ms"
    )
    if args.only_memory:
        return memory_only(args, pools)
    with tempfile.TemporaryDirectory(prefix="bench-extract-") as root:
        synthetic_folder, book_folder = Path(root) / "synthetic", Path(root) / "book"
        synthetic_folder.mkdir()
        book_folder.mkdir()
        paths, generate_s = write_corpus(synthetic_folder, args.articles, args.seed, pools)
        print(f"synthetic corpus written in {generate_s:.1f} s (seed {args.seed})")
        synthetic = stages("synthetic corpus", paths, synthetic_folder, extractor, naive, args, args.with_dask)
        synthetic["command_1"]["articles"] = len(paths)
        book_paths = write_book_corpus(book_folder, args.book_files)
        book = stages("the book's five articles, repeated", book_paths, book_folder, extractor, naive, args, False)
        print_startup(startup(args.codebook, Path(root)))
    results = checks(synthetic, book)
    print()
    for name, value, ok in results:
        print(f"  {verdict(ok)}  {name}: {value}")
    return 0 if all(ok for _, _, ok in results) else 1


if __name__ == "__main__":
    sys.exit(main())
