"""A whole job: read inputs, skip what is stored, code the rest, write batch by batch."""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .executors import make_executor
from .ingest import read_inputs
from .pipeline import DEFAULT_MAX_CHARS
from .records import Article, DocResult, Failure
from .store import Store


@dataclass
class RunReport:
    """What a run did: counts, failures with reasons, events by type."""

    run_id: int | None = None
    read: int = 0
    stored: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (where, message)
    events_by_type: Counter = field(default_factory=Counter)
    events: int = 0
    words: int = 0
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def ok(self) -> bool:
        """False only when there was input and none of it could be processed."""
        return not (self.read and self.stored == 0 and self.skipped == 0)


def _batches(items: Iterable[Article | Failure], size: int,
             report: RunReport) -> Iterator[tuple[list[Article], list[Failure]]]:
    articles: list[Article] = []
    failures: list[Failure] = []
    for item in items:
        if isinstance(item, Failure):
            failures.append(item)
        else:
            articles.append(item)
        report.read += 1
        if len(articles) >= size or len(failures) >= size:
            yield articles, failures
            articles, failures = [], []
    if articles or failures:
        yield articles, failures


def checked_dictionaries(paths: Iterable[str]) -> tuple[str, ...]:
    """Absolute paths of user dictionaries, each read once here so a bad one fails early."""
    from .extract.dictionaries import load_dictionary

    out = []
    for path in paths:
        load_dictionary(path)  # raises DictionaryError with file and line
        out.append(str(Path(path).resolve()))
    return tuple(out)


def run(inputs: Iterable[str] | Iterable[Article], db: str = "eventwire.duckdb", *, workers: int = 1,
        batch_size: int = 128, max_chars: int = DEFAULT_MAX_CHARS, model: str | None = None,
        check_language: bool = True, actors: Iterable[str] = (),
        progress: Callable[[RunReport, int], None] | None = None) -> RunReport:
    """Code every article of ``inputs`` into the store at ``db``.

    ``inputs`` are paths (files, directories, globs) or Article records. Documents already in
    the store are skipped, so a re-run after a crash resumes where it stopped. ``actors`` are
    user actor dictionaries (CSV, YAML or PETRARCH files) added to the built-in tables.
    """
    from .nlp import model_name

    started = time.perf_counter()
    inputs = list(inputs)
    report = RunReport()
    paths = [str(i) for i in inputs if not isinstance(i, Article)]
    items: Iterable[Article | Failure] = (
        read_inputs(paths) if paths else (i for i in inputs if isinstance(i, Article)))
    if paths and len(paths) != len(inputs):
        raise TypeError("pass either paths or Article records, not both")
    settings = dict(model=model, max_chars=max_chars, check_language=check_language)
    dictionaries = checked_dictionaries(actors)
    if dictionaries:
        settings["dictionaries"] = dictionaries
    executor = make_executor(workers, **settings)
    seen: set[str] = set()
    with Store(db) as store:
        report.run_id = store.start_run(paths or ["<python>"], __version__, model or model_name())
        # failures read with each batch, in batch order (executors keep the order)
        ingest_failures: deque[list[Failure]] = deque()

        def todo() -> Iterator[list[Article]]:
            for number, (articles, failures) in enumerate(_batches(items, batch_size, report)):
                known = store.known_ids(a.id for a in articles)
                fresh = []
                for article in articles:
                    if article.id in known or article.id in seen:
                        report.skipped += 1
                        if article.id in seen:
                            report.warnings.append((article.origin or article.id,
                                                    f"duplicate id {article.id!r} in the input; kept the first"))
                        continue
                    seen.add(article.id)
                    fresh.append(article)
                report.failures.extend(failures)
                if not fresh:
                    store.write_batch([], failures, report.run_id)
                    continue
                ingest_failures.append(failures)
                yield fresh

        try:
            for batch, results in executor.map(todo()):
                stored = [r for r in results if isinstance(r, DocResult)]
                failed = [r for r in results if isinstance(r, Failure)]
                store.write_batch(stored, ingest_failures.popleft() + failed, report.run_id)
                report.failures.extend(failed)
                report.stored += len(stored)
                for result in stored:
                    report.events += len(result.events)
                    report.words += result.n_words
                    report.events_by_type.update(e.event_type for e in result.events)
                    for warning in result.article.warnings:
                        report.warnings.append((result.article.origin or result.article.id, warning))
                if progress is not None:
                    progress(report, len(batch))
        finally:
            executor.close()
            report.seconds = time.perf_counter() - started
            store.finish_run(report.run_id, report.read, report.stored, report.skipped, report.failed)
    return report
