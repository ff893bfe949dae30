"""Where batches run: inline by default, or in a pool of processes (one model each).

Both keep the order of batches, so what is written (and so the database) is the same whatever
the number of workers.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from .pipeline import init_worker, process_articles
from .records import Article, DocResult, Failure

Batch = list[Article]
Results = list[DocResult | Failure]


class InlineExecutor:
    """Runs every batch in this process."""

    def __init__(self, **settings) -> None:
        self.settings = settings

    def map(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, Results]]:
        for batch in batches:
            yield batch, process_articles(batch, **self.settings)

    def close(self) -> None:
        pass


class ProcessExecutor:
    """Runs batches in ``workers`` processes, each loading the model once.

    Uses the spawn start method: the parent may hold DuckDB and progress-bar threads, which
    must not be forked.
    """

    def __init__(self, workers: int, **settings) -> None:
        self.workers = workers
        self.settings = settings
        self.pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_initialise, initargs=(settings,))

    def map(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, Results]]:
        pending: deque[tuple[Batch, Future]] = deque()
        for batch in batches:
            pending.append((batch, self.pool.submit(process_articles, batch)))
            while len(pending) > self.workers * 2:
                done_batch, future = pending.popleft()
                yield done_batch, future.result()
        while pending:
            done_batch, future = pending.popleft()
            yield done_batch, future.result()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _initialise(settings: dict) -> None:
    init_worker(**settings)


def make_executor(workers: int = 1, **settings) -> InlineExecutor | ProcessExecutor:
    if workers <= 1:
        return InlineExecutor(**settings)
    return ProcessExecutor(workers, **settings)
