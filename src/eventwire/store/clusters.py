"""SQL of event clusters: what the clustering reads, what it writes, and the derived counts.

The decisions are made in eventwire.clustering (plain Python); this module only moves rows.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from .database import Store, _plain, select, type_and_dates

# the day an event is placed on: its own date when known to the day, else the publication date
# (a year or month, "the 1960 treaty", cannot place a report within days of another)
DAY = "coalesce(CASE WHEN r.date_precision = 'day' THEN r.date END, d.published)"
# one row per event with what clustering compares
FEATURES = f"""
SELECT r.event_id, r.doc_id, r.event_type, r.mode, r.negated, r.sentence,
       {DAY} AS day, r.location, r.trigger.text AS trigger_text,
       list_transform(r.actor, lambda x: x.country) AS actor_countries,
       list_transform(r.recipient, lambda x: x.country) AS recipient_countries,
       list_transform(r.actor, lambda x: x.text) || list_transform(r.recipient, lambda x: x.text)
           AS actor_texts
FROM event_records r JOIN documents d USING (doc_id)
"""
ORDER = " ORDER BY day NULLS LAST, d.published NULLS LAST, r.doc_id, r.sentence_index, r.trigger.start"

# every member event is mentioned by its own document and by each near-duplicate of it
REBUILD = """
DELETE FROM clusters;
INSERT INTO clusters
WITH members AS (
    SELECT c.cluster_id, e.event_id, e.doc_id FROM event_clusters c JOIN events e USING (event_id)
), mentioned AS (
    SELECT cluster_id, doc_id FROM members
    UNION ALL
    SELECT m.cluster_id, d.doc_id FROM members m JOIN duplicates d ON d.duplicate_of = m.doc_id
), counts AS (
    SELECT m.cluster_id, count(*) AS num_mentions, count(DISTINCT m.doc_id) AS num_articles,
           count(DISTINCT coalesce(doc.source, regexp_extract(doc.url, '://([^/]+)', 1),
                                   doc.doc_id)) AS num_sources,
           min(coalesce(doc.published, CAST(doc.added_at AS DATE))) AS first_seen
    FROM mentioned m JOIN documents doc USING (doc_id) GROUP BY m.cluster_id
), sizes AS (
    SELECT cluster_id, count(*) AS num_events FROM event_clusters GROUP BY cluster_id
)
SELECT r.event_id AS cluster_id, r.event_type,
       list_transform(r.actor, lambda x: x.country), list_transform(r.recipient, lambda x: x.country),
       coalesce(r.date, d.published), k.first_seen, json_extract_string(r.location, '$.name'),
       s.num_events, k.num_mentions, k.num_sources, k.num_articles, r.sentence
FROM counts k JOIN sizes s USING (cluster_id)
JOIN event_records r ON r.event_id = k.cluster_id JOIN documents d ON d.doc_id = r.doc_id;
"""


def unclustered(store: Store) -> list[dict[str, Any]]:
    """Features of the events not yet in a cluster, oldest first."""
    sql = FEATURES + " WHERE r.event_id NOT IN (SELECT event_id FROM event_clusters)" + ORDER
    return _fetch(store, sql, [])


def clustered_between(store: Store, first: date | None, last: date | None,
                      types: list[str]) -> list[dict[str, Any]]:
    """Features and cluster of the clustered events of ``types`` from ``first`` to ``last``.

    These are the only clusters new events of those days can join, so a large store is not read
    whole. Events without a day are always candidates.
    """
    sql = (FEATURES.replace("SELECT r.event_id,", "SELECT c.cluster_id, r.event_id,")
           + " JOIN event_clusters c ON c.event_id = r.event_id WHERE r.event_type IN "
             "(SELECT unnest(?::VARCHAR[]))")
    params: list[Any] = [types]
    if first is not None and last is not None:
        sql += f" AND ({DAY} IS NULL OR {DAY} BETWEEN ? AND ?)"
        params += [first, last]
    return _fetch(store, sql + ORDER, params)


def _fetch(store: Store, sql: str, params: list) -> list[dict[str, Any]]:
    cursor = store.connection.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def assign(store: Store, rows: list[tuple[str, str, float]]) -> None:
    """Record (event_id, cluster_id, similarity) assignments and rebuild the counts, atomically."""
    connection = store.connection
    connection.execute("BEGIN TRANSACTION")
    try:
        if rows:
            store._insert("event_clusters", ["event_id", "cluster_id", "similarity"],
                          ["VARCHAR", "VARCHAR", "DOUBLE"], rows, "ON CONFLICT DO NOTHING")
        connection.execute(REBUILD)
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def widen(first: date | None, last: date | None, days: int) -> tuple[date | None, date | None]:
    if first is None or last is None:
        return None, None
    return first - timedelta(days=days), last + timedelta(days=days)


def cluster_records(store: Store, actor: str | None = None, recipient: str | None = None,
                    event_type: str | None = None, since: str | date | None = None,
                    until: str | date | None = None, limit: int | None = None,
                    ) -> list[dict[str, Any]]:
    """One record per cluster, with GDELT-style counts, largest first."""
    where, params = [], []
    for column, code in (("actor_countries", actor), ("recipient_countries", recipient)):
        if code:
            where.append(f"list_contains({column}, ?)")
            params.append(code.upper()[:3])
    more, more_params = type_and_dates(event_type, since, until)
    sql = ("SELECT c.*, (SELECT list(event_id ORDER BY event_id) FROM event_clusters m "
           "WHERE m.cluster_id = c.cluster_id) AS events FROM clusters c")
    sql, params = select(sql, where + more, params + more_params,
                         "num_mentions DESC, date NULLS LAST, cluster_id", limit)
    return [_plain(record) for record in _fetch(store, sql, params)]


def event_counts(store: Store) -> dict[str, tuple[int, int, int]]:
    """event_id -> (mentions, sources, articles) of its cluster, for the GDELT-style export."""
    rows = store.connection.execute(
        "SELECT m.event_id, c.num_mentions, c.num_sources, c.num_articles "
        "FROM event_clusters m JOIN clusters c USING (cluster_id)").fetchall()
    return {event_id: (mentions, sources, articles) for event_id, mentions, sources, articles in rows}
