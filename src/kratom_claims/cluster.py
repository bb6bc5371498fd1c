"""Past one machine: a crawl extracted with Dask, a partition of input files per task.

`pip install -e .[scale]` installs Dask; the book never needs it, and this module imports it
only when called. Each task reads its input files (article files, JSON Lines, WARC/WET),
keeps the pages whose text names kratom (a cheap first pass: most pages of a crawl do not),
extracts them with partitions.article_lines and writes its rows, without claim ids, to one CSV
part file. The claim ids are numbered per short label across the whole corpus, so they are given
afterwards, here, while the part files are joined in order into the claims table
(claim_rows.write_claim_rows): the same bytes as `extract` over the pages kept.

On a cluster, pass the dask.distributed Client as the scheduler; the input files, the codebook
and the parts folder must then be on storage that every worker and this machine can read
(the README's "Past one machine" says how).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter
from pathlib import Path

from .claim_rows import write_claim_rows
from .partitions import Partition, article_lines, extractor_for, mentions_kratom
from .sources import read_source, sources

PART_SUFFIX = ".part"
# Input files per task: a few MB of articles, or a few WARC files, to outweigh the task's overhead.
INPUTS_PER_PARTITION = 64


def partition_part(inputs: list[str], codebook_path: str) -> list[str]:
    """A task's work: the rows of the kratom pages its input files hold, each as a JSON pair
    [article id, CSV line] on a line of its own (JSON escapes the line breaks a quote may hold)."""
    extractor = extractor_for(codebook_path)
    pairs = []
    for source in sources(inputs):
        text = read_source(source)
        if mentions_kratom(text):
            pairs += [
                json.dumps([source.article_id, line], ensure_ascii=False)
                for line in article_lines(extractor, source.article_id, text)
            ]
    return pairs


def part_lines(folder: Path) -> Iterator[Partition]:
    """The lines of every part file in partition order, a part at a time, as write_claim_rows takes them."""
    for part in sorted(folder.glob(f"*{PART_SUFFIX}")):
        with open(part, encoding="utf-8") as stream:
            pairs = [json.loads(line) for line in stream]
        rows_per_article = [(article_id, len(list(rows))) for article_id, rows in groupby(pairs, key=itemgetter(0))]
        yield Partition(0, rows_per_article, [line for _, line in pairs])


def dask_extract(
    inputs: list[str | Path],
    codebook_path: str | Path,
    out: str | Path,
    scheduler="processes",
    parts_folder: str | Path | None = None,
    inputs_per_partition: int = INPUTS_PER_PARTITION,
    **compute_options,
) -> int:
    """Extract the kratom pages of the input files with Dask into the claims table ``out``; return
    how many claims it holds. ``scheduler`` is a Dask scheduler name ("processes", "threads",
    "synchronous") or a dask.distributed Client; ``parts_folder`` (a temporary folder by default)
    holds the part files until they are joined."""
    import dask.bag  # the optional [scale] extra: only this function needs it

    names = [str(path) for path in inputs]
    bag = dask.bag.from_sequence(names, partition_size=inputs_per_partition)
    work = bag.map_partitions(partition_part, str(codebook_path))
    folder = Path(parts_folder) if parts_folder else Path(tempfile.mkdtemp(prefix="kratom-parts-"))
    try:
        work.to_textfiles(
            str(folder / f"*{PART_SUFFIX}"),
            name_function=lambda number: f"{number:08d}",
            last_endline=True,
            scheduler=scheduler,
            **compute_options,
        )
        claims, _ = write_claim_rows(out, part_lines(folder))
    finally:
        if parts_folder is None:
            shutil.rmtree(folder, ignore_errors=True)
    return claims
