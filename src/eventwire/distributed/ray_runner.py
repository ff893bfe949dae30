"""The same pipeline on Ray (Ray Data): read files, code batches in an actor pool, write Parquet.

    files --flat_map(read)--> article/failure records --map_batches(CodeBatches)--> Parquet

Each actor loads the spaCy model once (``init_worker`` in ``__init__``) and maps batches through
``pipeline.process_articles``, the function the local runner uses, then turns the results into
the rows of ``store.rows`` and writes them as Parquet partitioned by publication date. Workers
never open the database: the store's single writer loads the Parquet afterwards
(``store.load.load_parquet``), skipping documents it already holds and near-duplicates, so the
tables come out as a local run's would.

Failures do not vanish: a task or actor that dies (a lost node, a killed process) is retried by
Ray Data, whose defaults retry read tasks and restart coding actors and their tasks without
limit; a batch that raises is coded again document by document so that only the documents that
fail are reported (reason ``processing``), in the failures table like any other.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import resource
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import message
from ..ingest import expand_inputs, read_path
from ..pipeline import DEFAULT_MAX_CHARS, _where, init_worker, process_articles
from ..records import Article, DocResult, Failure
from ..runner import RunReport, checked_dictionaries
from ..store.rows import batch_rows
from ..store.load import DOC_COLUMN, UNKNOWN
from .parquet import write_rows

# CPUs Ray books per task: a coding actor uses one core (spaCy is single-threaded) but books
# 0.75, so that a pool as large as the node's CPUs leaves room for the reading tasks
CODE_CPUS = 0.75
READ_CPUS = 0.25
BLOCK_BYTES = 128 * 1024  # about 25-50 news articles per block
MANIFEST = "_eventwire.json"


def read_file(row: dict[str, Any]) -> list[dict[str, Any]]:
    """One input file as records: (file_index, record_index, kind, JSON of Article/Failure).

    The file is opened by its absolute path (a worker's directory is not the driver's), but
    records name it as the user did, as a local run does.
    """
    records = []
    given, absolute = str(row["path"]), str(row["absolute"])
    for number, item in enumerate(read_path(Path(absolute))):
        if item.origin and item.origin.startswith(absolute):
            item.origin = given + item.origin[len(absolute):]
        kind = "failure" if isinstance(item, Failure) else "article"
        records.append({"file_index": int(row["file_index"]), "record_index": number,
                        "kind": kind, "record": json.dumps(dataclasses.asdict(item))})
    return records


class CodeBatches:
    """A Ray Data actor: the model is loaded once here, then every batch goes through it."""

    def __init__(self, settings: dict[str, Any], directory: str, dedup: bool = True) -> None:
        init_worker(**settings)
        self.settings = settings
        self.directory = directory
        self.dedup = dedup

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        groups: dict[int, list[tuple[int, str, str]]] = {}
        for file_index, record_index, kind, record in zip(
                batch["file_index"], batch["record_index"], batch["kind"], batch["record"]):
            groups.setdefault(int(file_index), []).append((int(record_index), str(kind), str(record)))
        totals = {"documents": 0, "events": 0, "failed": 0, "words": 0, "files": 0,
                  "peak_mb": 0.0}
        for file_index, records in sorted(groups.items()):
            records.sort()
            name = f"part-{file_index:06d}-{records[0][0]:09d}"
            articles = [Article(**json.loads(r)) for _, kind, r in records if kind == "article"]
            failures = [Failure(**json.loads(r)) for _, kind, r in records if kind == "failure"]
            results = self._process(articles)
            stored = [r for r in results if isinstance(r, DocResult)]
            failed = [r for r in results if isinstance(r, Failure)]
            rows = batch_rows(stored, failures + failed, None)
            if self.dedup:
                rows["doc_minhash"] = _signatures(stored)
            totals["files"] += self._write(rows, name)
            totals["documents"] += len(stored)
            totals["events"] += sum(len(r.events) for r in stored)
            totals["words"] += sum(r.n_words for r in stored)
            totals["failed"] += len(failures) + len(failed)
        # this actor's peak memory so far (Linux reports KiB): what one worker needs
        totals["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return {key: [value] for key, value in totals.items()}

    def _process(self, articles: list[Article]) -> list[DocResult | Failure]:
        try:
            return process_articles(articles, **self.settings)
        except Exception:  # the parse of the batch broke: find the documents that break it
            results: list[DocResult | Failure] = []
            for article in articles:
                try:
                    results.extend(process_articles([article], **self.settings))
                except Exception as exc:
                    origin, line = _where(article)
                    results.append(Failure(origin, line, "processing",
                                           f"{message('processing')} ({exc!r})", article.id))
            return results

    def _write(self, rows: dict[str, list[tuple]], name: str) -> int:
        published = {row[0]: (row[3] or UNKNOWN) for row in rows["documents"]}
        event_doc = {row[0]: row[1] for row in rows["events"]}
        written = 0
        for table, table_rows in rows.items():
            by_partition: dict[str, list[tuple]] = {}
            for row in table_rows:
                if table == "failures":
                    partition = UNKNOWN
                elif table == "event_actors":
                    partition = published.get(event_doc.get(row[0]), UNKNOWN)
                else:
                    partition = published.get(row[DOC_COLUMN[table]], UNKNOWN)
                by_partition.setdefault(str(partition), []).append(row)
            for partition, part_rows in by_partition.items():
                written += write_rows(self.directory, table, partition, name, part_rows) is not None
        return written


def _signatures(results: list[DocResult]) -> list[tuple]:
    from ..dedup import signature, to_bytes

    rows = []
    for result in results:
        minhash = signature(result.article.text)
        if minhash is not None:
            rows.append((result.article.id, to_bytes(minhash)))
    return rows


def run_ray(inputs: Iterable[str], db: str | None = "eventwire.duckdb", *,
            output_parquet: str | os.PathLike | None = None, address: str | None = None,
            workers: int | None = None, batch_size: int = 128,
            max_chars: int = DEFAULT_MAX_CHARS, model: str | None = None,
            check_language: bool = True, actors: Iterable[str] = (), dedup: bool = True,
            cluster: bool = True,
            progress: Callable[[RunReport, int], None] | None = None) -> RunReport:
    """Code ``inputs`` on a Ray cluster into Parquet, then (with ``db``) load it into the store.

    ``address`` is passed to ``ray.init`` ("auto" joins a running cluster, "ray://host:10001" a
    remote one, None starts a local one) unless Ray is initialised already. Without
    ``output_parquet`` the Parquet goes to a temporary directory removed after loading.
    ``workers`` is the size of the actor pool (default: the cluster's CPUs).
    """
    import ray

    from ..nlp import model_name

    started = time.perf_counter()
    paths = [str(p) for p in inputs]
    files: list[Path] = []
    missing: list[Failure] = []
    for item in expand_inputs(paths):
        (missing if isinstance(item, Failure) else files).append(item)
    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, logging_level="ERROR")
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.enable_operator_progress_bars = False
    # small blocks: one big JSONL read by one task must still feed every actor of the pool
    # (a repartition step would need a CPU of its own, which a full pool leaves it without)
    context.target_max_block_size = BLOCK_BYTES
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    if workers is None:
        workers = max(1, int(ray.cluster_resources().get("CPU", 1)))
    temporary = None
    if output_parquet is None:
        temporary = tempfile.TemporaryDirectory(prefix="eventwire-ray-")
        output_parquet = temporary.name
    directory = str(Path(output_parquet).resolve())
    Path(directory).mkdir(parents=True, exist_ok=True)
    settings = dict(model=model, max_chars=max_chars, check_language=check_language)
    dictionaries = checked_dictionaries(actors)  # read here first, so a bad one fails early
    if dictionaries:
        settings["dictionaries"] = dictionaries  # paths every node must be able to read
    report = RunReport()
    try:
        if missing:
            write_rows(directory, "failures", UNKNOWN, "part-inputs",
                       batch_rows([], missing, None)["failures"])
        if files:
            dataset = ray.data.from_items(
                [{"file_index": i, "path": str(p), "absolute": str(p.resolve())}
                 for i, p in enumerate(files)],
                override_num_blocks=min(len(files), 10_000))
            # reading is light: a quarter CPU, so that it runs beside a full pool of coding actors
            dataset = dataset.flat_map(read_file, num_cpus=READ_CPUS)
            dataset = dataset.map_batches(
                CodeBatches, batch_size=batch_size, batch_format="numpy",
                fn_constructor_kwargs={"settings": settings, "directory": directory,
                                       "dedup": dedup},
                compute=ray.data.ActorPoolStrategy(size=workers), num_cpus=CODE_CPUS)
            for summary in dataset.iter_rows():
                report.stored += int(summary["documents"])
                report.events += int(summary["events"])
                report.words += int(summary["words"])
                report.worker_peak_mb = max(report.worker_peak_mb, float(summary["peak_mb"]))
                if progress is not None:
                    progress(report, int(summary["documents"]) + int(summary["failed"]))
        Path(directory, MANIFEST).write_text(json.dumps(
            {"inputs": paths, "version": __version__, "model": model or model_name(),
             "engine": "ray"}, indent=1) + "\n", encoding="utf-8")
        if db is None:
            report.seconds = time.perf_counter() - started
            return report
        from ..store.load import load_parquet

        coded = time.perf_counter() - started
        loaded = load_parquet(directory, db, dedup=dedup, cluster=cluster)
        loaded.seconds = time.perf_counter() - started
        loaded.load_seconds = loaded.seconds - coded
        loaded.worker_peak_mb, loaded.words = report.worker_peak_mb, report.words
        return loaded
    finally:
        if temporary is not None:
            temporary.cleanup()
