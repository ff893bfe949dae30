"""Table rows as Parquet, partitioned by publication date: what a distributed run hands the store.

Layout: ``DIR/<table>/published=YYYY-MM-DD/part-<file>-<record>.parquet`` (``published=unknown``
for failures and undated documents). Each file holds the rows of one batch from one input file,
named after its first record, so sorting names gives input order and a retried task overwrites
its own file instead of adding a second one. Columns and types are those of rows.TABLES.
"""

from __future__ import annotations

import os
import uuid
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..store.rows import DEDUP_TABLES, TABLES

ARROW = {"VARCHAR": pa.string(), "JSON": pa.string(), "DATE": pa.date32(), "INTEGER": pa.int32(),
         "TINYINT": pa.int8(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
         "VARCHAR[]": pa.list_(pa.string()), "BLOB": pa.binary()}
SPECS = {**TABLES, **DEDUP_TABLES}


def schema(table: str) -> pa.Schema:
    return pa.schema([(column, ARROW[kind]) for column, kind in SPECS[table]])


def _value(value, kind: str):
    if kind == "DATE" and isinstance(value, str):
        return date.fromisoformat(value)
    return value


def write_rows(directory: str | os.PathLike, table: str, partition: str, name: str,
               rows: list[tuple]) -> str | None:
    """Write ``rows`` of ``table`` to one file of the partition; returns its path."""
    if not rows:
        return None
    spec = SPECS[table]
    columns = list(zip(*rows))
    arrays = [pa.array([_value(v, kind) for v in values], type=ARROW[kind])
              for values, (_, kind) in zip(columns, spec)]
    folder = Path(directory) / table / f"published={partition}"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{name}.parquet"
    temporary = folder / f".{name}.{uuid.uuid4().hex}.tmp"
    pq.write_table(pa.Table.from_arrays(arrays, schema=schema(table)), temporary)
    os.replace(temporary, target)  # atomic: a reader sees the whole file or none
    return str(target)
