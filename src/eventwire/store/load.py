"""Load the Parquet of a distributed run into the store, through its single writer.

Partitions are loaded in date order (undated and failures last), files in name order (input
order), one transaction per partition. The loader makes the decisions the local runner makes:
documents already stored (or seen earlier in this load) are skipped with everything that hangs
off them, and near-duplicates of earlier documents keep only their document row and a
``duplicates`` row. So a re-run or a second load of the same directory adds nothing twice, and
the tables match a local run on the same input.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from .. import __version__
from ..records import Failure
from .database import Store
from .rows import DEDUP_TABLES, TABLES

UNKNOWN = "unknown"  # the partition of failures and undated documents
SPECS = {**TABLES, **DEDUP_TABLES}
RUN_ID_COLUMN = {"documents": 10, "failures": 0, "warnings": 0}
# where each table's rows name their document: the index of its doc_id column (event_actors
# name their event instead; failures may name none and go to the 'unknown' partition)
DOC_COLUMN = {table: [column for column, _ in spec].index("doc_id")
              for table, spec in SPECS.items()
              if table not in ("failures", "duplicates") and any(c == "doc_id" for c, _ in spec)}
# the extractions of a document: kept only for documents coded in this load
EXTRACTIONS = tuple(t for t in DOC_COLUMN if t not in ("documents", "warnings", "doc_minhash"))


class LoadError(ValueError):
    pass


def partitions(directory: Path) -> list[str]:
    """Partition values present under any table, dated ones in order, then 'unknown'."""
    found = {folder.name.partition("=")[2] for table in SPECS
             for folder in (directory / table).glob("*=*") if folder.is_dir()}
    return sorted(found - {UNKNOWN}) + ([UNKNOWN] if UNKNOWN in found else [])


def read_partition(store: Store, directory: Path, partition: str) -> dict[str, list[tuple]]:
    """Rows of every table in one partition, in file-name then row order."""
    rows: dict[str, list[tuple]] = {}
    for table, spec in SPECS.items():
        files = sorted(str(p) for p in (directory / table).glob(f"*={partition}/*.parquet"))
        if not files:
            rows[table] = []
            continue
        columns = ", ".join(f'"{column}"' for column, _ in spec)  # our names, not user input
        rows[table] = store.connection.execute(
            f"SELECT {columns} FROM read_parquet(?::VARCHAR[], filename=true, file_row_number=true, "
            "hive_partitioning=false) "
            "ORDER BY filename, file_row_number", [files]).fetchall()
    return rows


def load_parquet(directory: str | Path, db: str = "eventwire.duckdb", *, dedup: bool = True,
                 cluster: bool = True):
    """Insert the Parquet under ``directory`` into the store at ``db``; returns a RunReport."""
    from ..runner import RunReport

    started = time.perf_counter()
    directory = Path(directory)
    if not directory.is_dir() or not any((directory / t).is_dir() for t in SPECS):
        raise LoadError(f"{directory}: no eventwire Parquet here (expected folders such as "
                        f"documents/ and events/ written by `eventwire run --engine ray "
                        f"--output-parquet DIR`)")
    manifest = {}
    if (directory / "_eventwire.json").is_file():
        manifest = json.loads((directory / "_eventwire.json").read_text(encoding="utf-8"))
    report = RunReport()
    seen: set[str] = set()
    with Store(db) as store:
        report.run_id = store.start_run([str(directory)], manifest.get("version", __version__),
                                        manifest.get("model", "parquet"))
        index = store.duplicate_index() if dedup else None
        try:
            for partition in partitions(directory):
                rows = read_partition(store, directory, partition)
                keep = _decide(store, rows, index, seen, report)
                store.write_rows(keep)
        finally:
            store.finish_run(report.run_id, report.read, report.stored, report.skipped,
                             report.failed)
        if cluster:
            from ..clustering import cluster_events

            report.clustered = cluster_events(store).assigned
    report.seconds = time.perf_counter() - started
    return report


def _decide(store: Store, rows: dict[str, list[tuple]], index, seen: set[str],
            report) -> dict[str, list[tuple]]:
    """The rows of one partition to insert, after the skip and duplicate decisions."""
    from ..dedup import from_bytes

    run_id = report.run_id
    documents = rows["documents"]
    known = store.known_ids(row[0] for row in documents)
    signatures = {row[0]: row[1] for row in rows["doc_minhash"]}
    coded: set[str] = set()
    keep: dict[str, list[tuple]] = {table: [] for table in SPECS}
    for row in documents:
        doc_id = row[0]
        report.read += 1
        if doc_id in known or doc_id in seen:
            report.skipped += 1
            if doc_id in seen:
                report.warnings.append((row[9] or doc_id,
                                        f"duplicate id {doc_id!r} in the input; kept the first"))
            continue
        seen.add(doc_id)
        blob = signatures.get(doc_id)
        minhash = from_bytes(blob) if (index is not None and blob is not None) else None
        found = index.original_of(minhash, doc_id) if minhash is not None else None
        if found is not None:  # a copy: its document row as the local runner keeps it
            original, similarity = found
            text = row[5]
            copy = list(row)
            copy[6], copy[7], copy[11] = None, len(text.split()), None  # language, n_words, tone
            keep["documents"].append(tuple(copy))
            keep["duplicates"].append((doc_id, original, round(similarity, 4), row[9], run_id))
            report.duplicates += 1
            continue
        if minhash is not None:
            index.add(doc_id, minhash)
            keep["doc_minhash"].append((doc_id, blob))
        coded.add(doc_id)
        keep["documents"].append(row)
        report.stored += 1
    copies = {row[0] for row in keep["duplicates"]}
    events = {row[0] for row in rows["events"] if row[1] in coded}
    for table in EXTRACTIONS:
        keep[table] = [row for row in rows[table] if row[DOC_COLUMN[table]] in coded]
    keep["event_actors"] = [row for row in rows["event_actors"] if row[0] in events]
    keep["warnings"] = [row for row in rows["warnings"] if row[1] in coded or row[1] in copies]
    keep["failures"] = list(rows["failures"])
    report.read += len(rows["failures"])
    report.failures.extend(Failure(origin=f[1], line=f[2], reason=f[4], detail=f[5], doc_id=f[3])
                           for f in rows["failures"])
    for result in keep["events"]:
        report.events += 1
        report.events_by_type[result[9]] += 1
    for table, column in RUN_ID_COLUMN.items():
        keep[table] = [row[:column] + (run_id,) + row[column + 1:] for row in keep[table]]
    return keep
