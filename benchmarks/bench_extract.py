"""How fast the claim extractor is, against a floor and a naive baseline, on a synthetic corpus.

Run with ``make bench`` (or ``.venv/bin/python benchmarks/bench_extract.py``). It writes a
seeded, synthetic corpus of articles built from sentence templates and the codebook's surface
forms to a temporary folder, one article at a time, then measures in the same run:

(a) floor: reading each file and lower-casing it, the least any extractor must do;
(b) naive: one compiled regex per surface form run over each article (matching only);
(c) ours: ClaimExtractor.claims on each article, the claims counted by category as they come.

Every stage reads the articles one by one, so memory does not grow with the corpus. Targets:
ours >= 20 MB/s on one core, >= 20x the naive baseline, peak memory < 500 MB. The strict book
build and the nbval run are timed too (skip with --no-book). Exit status 1 if a target fails.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from kratom_claims.codebook import load_codebook
from kratom_claims.extract import ClaimExtractor
from kratom_claims.layout import project_layout

PROJECT = project_layout()

TARGET_MB_S = 20.0
TARGET_SPEEDUP = 20.0
TARGET_PEAK_MB = 500.0
SUBPROCESS_LIMIT_S = 200

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


def measure(texts, work) -> dict:
    """Apply ``work`` to each (article id, text) in turn; throughput per CPU second of this process
    (the targets are for one core, and other work on a shared machine then does not count), with
    the wall-clock time beside it."""
    total_bytes = articles = 0
    cpu, wall = time.process_time(), time.perf_counter()
    for article_id, text, size in texts:
        total_bytes += size
        articles += 1
        work(article_id, text)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return {
        "articles": articles,
        "mb": total_bytes / 1e6,
        "cpu_s": cpu,
        "wall_s": wall,
        "mb_s": total_bytes / 1e6 / cpu,
        "articles_s": articles / cpu,
    }


def read_each(paths: list[Path]):
    """The articles one at a time, read from disk as the command line reads them."""
    for path in paths:
        raw = path.read_bytes()
        yield path.stem, raw.decode("utf-8"), len(raw)


def book_articles(times: int):
    """The book's own five articles, over and over: real text, denser in codebook terms."""
    texts = [(path.stem, path.read_bytes()) for path in sorted(PROJECT.articles_dir.glob("*.txt"))]
    for _ in range(times):
        for article_id, raw in texts:
            yield article_id, raw.decode("utf-8"), len(raw)


def naive_matcher(codebook):
    """The baseline: one case-insensitive, whole-word regex per surface form."""
    patterns = [
        (row.category, row.term, re.compile(rf"\b{re.escape(row.form)}\b", re.IGNORECASE))
        for row in codebook.surface_forms().itertuples(index=False)
    ]

    def match(article_id: str, text: str) -> list:
        return [(category, term, m.start()) for category, term, pattern in patterns for m in pattern.finditer(text)]

    return match, len(patterns)


def peak_rss_mb() -> float:
    """The process's peak resident memory so far (ru_maxrss is in KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak / 1024


def book_config() -> Path | None:
    for folder in (PROJECT.project_root, PROJECT.project_root / "book"):
        if (folder / "_config.yml").is_file() and (folder / "_toc.yml").is_file():
            return folder
    return None


def timed_command(command: list[str], cwd: Path) -> tuple[float, str]:
    began = time.perf_counter()
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=SUBPROCESS_LIMIT_S, check=False)
        outcome = "ok" if done.returncode == 0 else f"exit {done.returncode}"
    except subprocess.TimeoutExpired:
        outcome = f"stopped after {SUBPROCESS_LIMIT_S} s"
    return time.perf_counter() - began, outcome


def time_book() -> list[tuple[str, str]]:
    source = book_config()
    if source is None:
        print("book: skipped, no _config.yml and _toc.yml in the project root or book/ yet")
        return [("strict book build", "skipped (no book config)"), ("nbval run", "skipped (no book config)")]
    bin_dir = Path(sys.executable).parent
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-book-") as output:
        seconds, outcome = timed_command(
            [str(bin_dir / "jupyter-book"), "build", str(source), "-W", "-n", "--keep-going", "--path-output", output],
            cwd=PROJECT.project_root,
        )
        rows.append(("strict book build", f"{seconds:.1f} s ({outcome}, clean, into a temporary folder)"))
        print(f"book: strict clean build {seconds:.1f} s ({outcome})")
    seconds, outcome = timed_command(
        [
            str(bin_dir / "pytest"),
            "--nbval",
            "--nbval-current-env",
            "notebooks",
            "-p",
            "no:cacheprovider",
            "-q",
            "--nbval-sanitize-with",
            "tests/nbval_sanitize.cfg",
        ],
        cwd=PROJECT.project_root,
    )
    rows.append(("nbval run", f"{seconds:.1f} s ({outcome})"))
    print(f"book: nbval run {seconds:.1f} s ({outcome})")
    return rows


def report(label: str, result: dict) -> None:
    print(
        f"{label}: {result['mb_s']:.2f} MB/s, {result['articles_s']:.0f} articles/s per CPU second "
        f"({result['mb']:.1f} MB in {result['cpu_s']:.1f} s CPU, {result['wall_s']:.1f} s wall)"
    )


def verdict(passed: bool) -> str:
    return "PASS" if passed else "FAIL"


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="synthetic articles to generate (default 10000)")
    parser.add_argument(
        "--naive-every",
        type=int,
        default=20,
        help="run the naive baseline on every Nth article (default 20: 500 of 10000)",
    )
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--book-repeats", type=int, default=400, help="passes over the five real articles for (d)")
    parser.add_argument("--codebook", type=Path, default=PROJECT.codebook_yml)
    parser.add_argument(
        "--with-book",
        dest="with_book",
        action="store_true",
        default=True,
        help="also time the strict book build and the nbval run (the default)",
    )
    parser.add_argument("--no-book", dest="with_book", action="store_false", help="skip the book timings")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    rss_start = peak_rss_mb()
    codebook = load_codebook(args.codebook)
    began = time.perf_counter()
    extractor = ClaimExtractor(codebook)
    compile_s = time.perf_counter() - began
    naive, naive_patterns = naive_matcher(codebook)
    pools = form_pools(codebook)
    print(
        f"codebook: {len(codebook.terms)} terms, {naive_patterns} surface forms; matcher compiled in {compile_s * 1000:.0f} ms"
    )

    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as folder:
        paths, generate_s = write_corpus(Path(folder), args.articles, args.seed, pools)
        corpus_mb = sum(p.stat().st_size for p in paths) / 1e6
        print(
            f"corpus: {len(paths)} synthetic articles, {corpus_mb:.1f} MB, written in {generate_s:.1f} s (seed {args.seed})"
        )

        floor = measure(read_each(paths), lambda article_id, text: text.lower())
        report("(a) floor: read + lower-case", floor)

        sample = paths[:: args.naive_every]
        naive_result = measure(read_each(sample), naive)
        report(f"(b) naive: {naive_patterns} regexes, matching only, every {args.naive_every}th article", naive_result)

        tally: Counter = Counter()

        def ours_work(article_id: str, text: str) -> None:
            tally.update(claim.category for claim in extractor.claims(text, article_id))

        ours = measure(read_each(paths), ours_work)
        report(f"(c) ours: full extraction, {sum(tally.values())} claims counted by category as they come", ours)

    book_claims = Counter()
    book = measure(
        book_articles(args.book_repeats),
        lambda article_id, text: book_claims.update(c.category for c in extractor.claims(text, article_id)),
    )
    report(f"(d) ours on the book's five articles x{args.book_repeats} (real text)", book)
    density = sum(tally.values()) / (ours["mb"] * 1000)
    book_density = sum(book_claims.values()) / (book["mb"] * 1000)
    print(
        f"claims per KB: {density:.1f} in the synthetic corpus, {book_density:.1f} in the book's articles "
        "(throughput falls as claims get denser)"
    )

    peak = peak_rss_mb()
    speedup = ours["mb_s"] / naive_result["mb_s"]
    of_floor = ours["mb_s"] / floor["mb_s"]
    checks = [
        (f"ours >= {TARGET_MB_S:.0f} MB/s", f"{ours['mb_s']:.1f} MB/s", ours["mb_s"] >= TARGET_MB_S),
        (f"ours >= {TARGET_SPEEDUP:.0f}x naive", f"{speedup:.0f}x", speedup >= TARGET_SPEEDUP),
        (f"peak memory < {TARGET_PEAK_MB:.0f} MB", f"{peak:.0f} MB", peak < TARGET_PEAK_MB),
    ]
    book_rows = (
        time_book()
        if args.with_book
        else [("strict book build", "skipped (--no-book)"), ("nbval run", "skipped (--no-book)")]
    )

    print("\nsummary (throughput per CPU second, one core)")
    summary = [
        ("corpus", f"{len(paths)} synthetic articles, {corpus_mb:.1f} MB, streamed from disk one at a time"),
        ("floor (read + lower)", f"{floor['mb_s']:.1f} MB/s, {floor['articles_s']:.0f} articles/s"),
        ("naive (regex per form)", f"{naive_result['mb_s']:.2f} MB/s, on a {len(sample)}-article sample"),
        ("ours", f"{ours['mb_s']:.1f} MB/s, {ours['articles_s']:.0f} articles/s ({density:.1f} claims per KB)"),
        (
            "ours, real articles",
            f"{book['mb_s']:.1f} MB/s on the book's five articles ({book_density:.1f} claims per KB)",
        ),
        ("ours vs naive", f"{speedup:.0f}x faster"),
        ("ours vs floor", f"{of_floor:.3f} of the floor's speed ({1 / of_floor:.0f}x slower)"),
        ("peak memory", f"{peak:.0f} MB peak RSS of the process (+{peak - rss_start:.0f} MB during the run)"),
        *book_rows,
    ]
    summary += [(f"{verdict(ok)}  {name}", value) for name, value, ok in checks]
    width = max(len(name) for name, _ in summary)
    for name, value in summary:
        print(f"  {name:<{width}}  {value}")
    return 0 if all(ok for _, _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
