"""A read-only store served from memory: the event tables copied and sorted for fast filters.

The HTTP API answers filtered queries on up to millions of events within a page view's patience.
On the file, every filter scans all of ``events`` and ``event_actors``; copies sorted by date,
and by country and role, let DuckDB skip most row groups (min/max zone maps),
and the ``event_dyads`` view (migration 0005) becomes a table sorted by its two sides.
The file itself is attached read-only and nothing is written to it; the other tables are views
onto it, so the schema and every query stay the same. Costs memory (about the size of the two
tables) and a few seconds at start on a million events.
"""

from __future__ import annotations

import os
from pathlib import Path

from .database import Store

# events in the order pages list them (date first, so date windows skip row groups)
COPIED = {"events": "date NULLS LAST, doc_id, sentence_index, trigger_start, event_id",
          "event_actors": "country, role, event_id"}


def memory_store(path: str | os.PathLike) -> Store:
    """A Store in memory holding sorted copies of ``path``'s events, other tables as views."""
    Store(path, read_only=True).close()  # the same clear errors as opening the file directly
    store = Store(":memory:")
    db = store.connection
    db.execute("SET enable_progress_bar = false")
    quoted = str(Path(path)).replace("'", "''")  # ATTACH takes no parameters
    db.execute(f"ATTACH '{quoted}' AS source (READ_ONLY)")
    tables = [row[0] for row in db.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = 'source' "
        "AND schema_name = 'main'").fetchall()]
    for table in tables:
        db.execute(f"DROP TABLE IF EXISTS main.{table}")
        if table in COPIED:  # plain tables: no constraints to check, built in parallel
            db.execute(f"CREATE TABLE main.{table} AS SELECT * FROM source.main.{table} "
                       f"ORDER BY {COPIED[table]}")
        else:
            db.execute(f"CREATE VIEW main.{table} AS SELECT * FROM source.main.{table}")
    # the analysis view of dyads, computed once and kept sorted by its sides
    db.execute("CREATE TABLE main.event_dyads_sorted AS SELECT * FROM main.event_dyads "
               "ORDER BY source, target, date")
    db.execute("DROP VIEW main.event_dyads")
    db.execute("ALTER TABLE main.event_dyads_sorted RENAME TO event_dyads")
    # point look-ups of a page's events and of a document's events
    db.execute("CREATE INDEX memory_events_id ON main.events (event_id)")
    db.execute("CREATE INDEX memory_events_doc ON main.events (doc_id)")
    db.execute("CREATE INDEX memory_actors_event ON main.event_actors (event_id)")
    store.path = str(path)
    store.read_only = True
    return store
