"""The DuckDB store: one owner of the connection, batches written atomically.

DuckDB allows one writer per file, so worker processes return records and only the process
that runs the job writes. Each batch of documents (with its events, actors and mentions) is one
transaction: a killed run leaves whole documents or none, and a re-run skips what landed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb

from ..records import DocResult, Failure
from .migrations import apply_migrations, pending
from .rows import DEDUP_TABLES, TABLES, batch_rows

KEYED = {"documents", "events", "quotes", "amounts", "doc_minhash", "duplicates"}  # have a key
WRITABLE = {**TABLES, **DEDUP_TABLES}

DEFAULT_DB = "eventwire.duckdb"

class Store:
    """A DuckDB file of documents, events, actors and mentions."""

    def __init__(self, path: str | os.PathLike = DEFAULT_DB, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise FileNotFoundError(f"{self.path}: no such database. Create it with `eventwire run`.")
        self.connection = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            apply_migrations(self.connection)
        elif pending(self.connection):
            raise RuntimeError(f"{self.path} needs schema migrations; open it once for writing "
                               "(e.g. `eventwire run` with no new input) to apply them.")

    # --- context management -----------------------------------------------------------------
    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ------------------------------------------------------------------------------
    def start_run(self, inputs: Sequence[str], version: str, model: str) -> int:
        run_id = self.connection.execute("SELECT nextval('run_ids')").fetchone()[0]
        self.connection.execute(
            "INSERT INTO runs (run_id, started_at, inputs, version, model) VALUES (?, ?, ?, ?, ?)",
            [run_id, datetime.now(), list(inputs), version, model])
        return run_id

    def finish_run(self, run_id: int, read: int, stored: int, skipped: int, failed: int) -> None:
        self.connection.execute(
            "UPDATE runs SET finished_at = ?, docs_read = ?, docs_stored = ?, docs_skipped = ?, "
            "docs_failed = ? WHERE run_id = ?", [datetime.now(), read, stored, skipped, failed, run_id])

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        if not ids:
            return set()
        rows = self.connection.execute(
            "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [ids]
        ).fetchall()
        return {row[0] for row in rows}

    def _insert(self, table: str, columns: Sequence[str], types: Sequence[str],
                rows: list[tuple], conflict: str = "") -> None:
        """Insert rows column-wise in one statement (far faster than executemany)."""
        if not rows:
            return
        values = [list(column) for column in zip(*rows)]
        select = ", ".join(f"unnest(${i + 1}::{kind}[])" for i, kind in enumerate(types))
        self.connection.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) SELECT {select} {conflict}", values)

    def write_batch(self, results: Sequence[DocResult], failures: Sequence[Failure],
                    run_id: int | None, extra: dict[str, list[tuple]] | None = None) -> None:
        """Store documents with their extractions, and failures, in one transaction.

        ``extra`` holds rows of other writable tables (duplicates, signatures) that belong to the
        same batch and so land or not with it.
        """
        rows = batch_rows(results, failures, run_id)
        for table, more in (extra or {}).items():
            rows[table] = rows.get(table, []) + list(more)
        self.write_rows(rows)

    def write_rows(self, rows: dict[str, list[tuple]]) -> None:
        """Insert rows (column order as rows.TABLES / DEDUP_TABLES) in one transaction."""
        unknown = set(rows) - set(WRITABLE)
        if unknown:
            raise ValueError(f"unknown tables {sorted(unknown)}")
        connection = self.connection
        connection.execute("BEGIN TRANSACTION")
        try:
            for table, spec in WRITABLE.items():
                conflict = "ON CONFLICT DO NOTHING" if table in KEYED else ""
                self._insert(table, [c for c, _ in spec], [t for _, t in spec],
                             rows.get(table, []), conflict)
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise

    def duplicate_index(self):
        """The LSH index of every stored signature (see eventwire.dedup)."""
        from ..dedup import DuplicateIndex

        return DuplicateIndex.from_rows(
            self.connection.execute("SELECT doc_id, signature FROM doc_minhash ORDER BY doc_id").fetchall())

    # --- reading ------------------------------------------------------------------------------
    def count(self, table: str) -> int:
        if table not in (*WRITABLE, "runs", "clusters", "event_clusters"):
            raise ValueError(f"unknown table {table!r}")
        return self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def events(self, actor: str | None = None, recipient: str | None = None,
               event_type: str | None = None, since: str | date | None = None,
               until: str | date | None = None, doc_id: str | None = None,
               limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Event records matching the filters, in document and sentence order."""
        sql, params = self._event_query(actor, recipient, event_type, since, until, doc_id)
        sql += " ORDER BY date NULLS LAST, doc_id, sentence_index, trigger.start, event_id"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        return self._records(sql, params)

    def _event_query(self, actor, recipient, event_type, since, until, doc_id):
        where, params = [], []
        for role, code in (("actor", actor), ("recipient", recipient)):
            if code:
                code = code.upper()
                if len(code) > 3:  # TURGOV: country and sector
                    where.append(f"len(list_filter({role}, lambda x: x.country = ? AND x.sector = ?)) > 0")
                    params += [code[:3], code[3:]]
                else:
                    where.append(f"list_contains(list_transform({role}, lambda x: x.country), ?)")
                    params.append(code)
        more, more_params = type_and_dates(event_type, since, until)
        where += more
        params += more_params
        if doc_id:
            where.append("doc_id = ?")
            params.append(doc_id)
        sql = "SELECT * FROM event_records"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return sql, params

    def _records(self, sql: str, params: list) -> list[dict[str, Any]]:
        cursor = self.connection.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [_plain(dict(zip(names, row))) for row in cursor.fetchall()]

    def clusters(self, **filters: Any) -> list[dict[str, Any]]:
        """Event clusters (one real event each) with GDELT-style counts; filters as
        ``store.clusters.cluster_records``: actor, recipient, event_type, since, until, limit."""
        from .clusters import cluster_records

        return cluster_records(self, **filters)

    def quotes(self, speaker: str | None = None, actor: str | None = None,
               doc_id: str | None = None, direct: bool | None = None,
               limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Quotation records: ``speaker`` matches the speaker's name or text (case-insensitive,
        part of it); ``actor`` is a country (RUS) or country+sector (RUSGOV)."""
        where, params = [], []
        if speaker:
            where.append("(contains(lower(speaker.name), lower(?)) "
                         "OR contains(lower(speaker.text), lower(?)))")
            params += [speaker, speaker]
        if actor:
            code = actor.upper()
            where.append("speaker.country = ?")
            params.append(code[:3])
            if len(code) > 3:
                where.append("speaker.sector = ?")
                params.append(code[3:])
        if doc_id:
            where.append("doc_id = ?")
            params.append(doc_id)
        if direct is not None:
            where.append("direct = ?")
            params.append(direct)
        return self._records(*select("SELECT * FROM quote_records", where, params,
                                     "doc_id, start", limit, offset))

    def documents(self, limit: int | None = None) -> list[dict[str, Any]]:
        sql = "SELECT * FROM documents ORDER BY added_at, doc_id"
        params: list = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return self._records(sql, params)

    def failures(self, run_id: int | None = None) -> list[dict[str, Any]]:
        if run_id is None:
            return self._records("SELECT * FROM failures ORDER BY failed_at", [])
        return self._records("SELECT * FROM failures WHERE run_id = ? ORDER BY failed_at", [run_id])

    def amounts(self, unit: str | None = None, kind: str | None = None, doc_id: str | None = None,
                limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Amount records (money, percentages, counts of people), in document order.

        ``unit`` is a currency code, "percent" or "people"; ``kind`` is money, percent, KILL,
        WOUND, ARREST, CROWD, DISPLACED or count (both case-insensitive)."""
        where, params = [], []
        for column, value in (("unit", unit), ("kind", kind)):
            if value:
                where.append(f"lower({column}) = lower(?)")
                params.append(value)
        if doc_id:
            where.append("doc_id = ?")
            params.append(doc_id)
        sql = ("SELECT doc_id, text, start, \"end\", value, unit, what, kind, event_id, "
               "sentence_index, amount_id FROM amount_records")
        return self._records(*select(sql, where, params, "doc_id, start", limit, offset))

    def entities(self, label: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """People, organisations and places with how often (and in how many documents) they are
        named, most named first (GKG-style counts)."""
        sql = "SELECT label, name, country, mentions, documents FROM entity_counts"
        params: list = []
        if label:
            sql += " WHERE label = upper(?)"
            params.append(label)
        sql += " ORDER BY mentions DESC, documents DESC, name"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return self._records(sql, params)


def type_and_dates(event_type, since, until) -> tuple[list[str], list[Any]]:
    """WHERE conditions (and their parameters) for an event type and a date range."""
    where: list[str] = []
    params: list[Any] = []
    if event_type:
        where.append("event_type = ?")
        params.append(event_type.upper())
    if since:
        where.append("date >= ?::DATE")
        params.append(str(since))
    if until:
        where.append("date <= ?::DATE")
        params.append(str(until))
    return where, params


def select(sql: str, where: list[str], params: list[Any], order: str,
           limit: int | None = None, offset: int = 0) -> tuple[str, list[Any]]:
    """``sql`` with its conditions, order and page, and the parameters in order."""
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order}"
    params = list(params)
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    return sql, params


def _plain(record: dict[str, Any]) -> dict[str, Any]:
    """JSON-ready values: dates as ISO strings, JSON columns parsed."""
    for key, value in record.items():
        if isinstance(value, (date, datetime)):
            record[key] = value.isoformat()
        elif key in ("location", "metadata") and isinstance(value, str):
            record[key] = json.loads(value)
    return record
