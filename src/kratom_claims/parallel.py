"""A corpus extracted on every core: partitions of articles handed to worker processes, results
taken back in corpus order, with only a few partitions in memory at any time.

multiprocessing.Pool.imap keeps the order of its tasks, but it reads its input as fast as it
can and queues every task; over a crawl that is the whole corpus in memory. The input is
therefore fed through a window: a partition is handed over only when one has come back.
"""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

from .partitions import Partition, extractor_for, partition_lines
from .sources import Source

# Articles per partition: enough that handing one to a worker costs little beside extracting it
# (about 30 ms of work for 5 kB articles), few enough that the window stays small.
PARTITION_ARTICLES = 32
# Partitions in flight per worker: one being read, one waiting, so that no worker idles.
IN_FLIGHT_PER_WORKER = 2


def all_cores() -> int:
    """The cores this process may run on (fewer than the machine's when a scheduler limits it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def extracted_partitions(sources: Iterable[Source], codebook_path: Path, jobs: int) -> Iterator[Partition]:
    """Each partition of the corpus extracted (partitions.Partition), in corpus order; on ``jobs``
    processes, or in this one for a single job. The lines are the same whatever ``jobs`` is."""
    work = partial(partition_lines, codebook_path=str(codebook_path))
    partitions = batched(sources, PARTITION_ARTICLES)
    # Built here first: a worker forked from this process (the default on Linux) starts with it.
    extractor_for(str(codebook_path))
    if jobs == 1:
        return map(work, partitions)
    return in_order_on_pool(work, partitions, jobs)


def in_order_on_pool(work: Callable, tasks: Iterable, jobs: int) -> Iterator:
    """``work`` applied to every task on a pool of ``jobs`` processes, results in task order, with
    at most IN_FLIGHT_PER_WORKER tasks per worker handed over and not yet taken back."""
    import multiprocessing  # only for a pool: a single job, or one article, starts without it

    free = threading.Semaphore(IN_FLIGHT_PER_WORKER * jobs)
    stopped = threading.Event()

    def windowed():
        for task in tasks:
            free.acquire()
            if stopped.is_set():
                return
            yield task

    with multiprocessing.Pool(jobs) as pool:
        try:
            for result in pool.imap(work, windowed()):
                free.release()
                yield result
        finally:
            stopped.set()  # a failure or an early stop: the feeding thread must not wait for a slot
            free.release()
