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
    duplicates: int = 0  # near-duplicates of stored documents: kept as such, not coded
    failures: list[Failure] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (where, message)
    events_by_type: Counter = field(default_factory=Counter)
    events: int = 0
    words: int = 0
    clustered: int = 0  # events assigned to clusters at the end of the run
    worker_peak_mb: float = 0.0  # distributed runs: the largest peak memory of one worker
    load_seconds: float = 0.0  # distributed runs: of ``seconds``, loading Parquet into the store
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def ok(self) -> bool:
        """False only when there was input and none of it could be processed."""
        return not (self.read and self.stored == 0 and self.skipped == 0 and self.duplicates == 0)


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
        check_language: bool = True, actors: Iterable[str] = (), dedup: bool = True,
        cluster: bool = True,
        progress: Callable[[RunReport, int], None] | None = None) -> RunReport:
    """Code every article of ``inputs`` into the store at ``db``.

    ``inputs`` are paths (files, directories, globs) or Article records. Documents already in
    the store are skipped, so a re-run after a crash resumes where it stopped. ``actors`` are
    user actor dictionaries (CSV, YAML or PETRARCH files) added to the built-in tables. With
    ``dedup``, near-duplicates of documents seen before (this run or earlier ones) are stored as
    duplicates and not coded; with ``cluster``, new events are then assigned to event clusters.
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
        # failures read with each batch, and its duplicate and signature rows, in batch order
        # (executors keep the order)
        ingest_failures: deque[list[Failure]] = deque()
        batch_extras: deque[dict[str, list[tuple]]] = deque()
        index = store.duplicate_index() if dedup else None

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
                extra: dict[str, list[tuple]] = {}
                if index is not None:
                    fresh, extra = split_duplicates(fresh, index, report)
                if not fresh:
                    store.write_batch(extra.pop("_copies", []), failures, report.run_id, extra)
                    continue
                ingest_failures.append(failures)
                batch_extras.append(extra)
                yield fresh

        try:
            for batch, results in executor.map(todo()):
                stored = [r for r in results if isinstance(r, DocResult)]
                failed = [r for r in results if isinstance(r, Failure)]
                extra = batch_extras.popleft()
                copies = extra.pop("_copies", [])
                coded = {r.article.id for r in stored}
                if "doc_minhash" in extra:  # signatures of stored documents only
                    extra["doc_minhash"] = [r for r in extra["doc_minhash"] if r[0] in coded]
                store.write_batch(stored + copies, ingest_failures.popleft() + failed,
                                  report.run_id, extra)
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
            store.finish_run(report.run_id, report.read, report.stored, report.skipped, report.failed)
        if cluster:
            from .clustering import cluster_events

            report.clustered = cluster_events(store).assigned
        report.seconds = time.perf_counter() - started
    return report


def split_duplicates(articles: list[Article], index, report: RunReport,
                     ) -> tuple[list[Article], dict[str, list[tuple]]]:
    """Articles to code, and the rows that record the others as near-duplicates.

    The rows: ``duplicates`` and ``doc_minhash`` (signatures of the articles to code, for later
    runs), and under ``_copies`` the uncoded DocResults whose document rows keep the copies.
    """
    from .dedup import signature, to_bytes

    fresh: list[Article] = []
    extra: dict[str, list[tuple]] = {"duplicates": [], "doc_minhash": [], "_copies": []}
    for article in articles:
        minhash = signature(article.text)
        found = index.original_of(minhash, article.id)
        if found is not None:
            original, similarity = found
            extra["duplicates"].append((article.id, original, round(similarity, 4),
                                        article.origin, report.run_id))
            extra["_copies"].append(copy_result(article))
            report.duplicates += 1
            continue
        if minhash is not None:
            index.add(article.id, minhash)
            extra["doc_minhash"].append((article.id, to_bytes(minhash)))
        fresh.append(article)
    return fresh, extra


def copy_result(article: Article) -> DocResult:
    """The document row of a near-duplicate: its text and metadata, no extractions."""
    return DocResult(article=article, language=None, n_words=len(article.text.split()))
