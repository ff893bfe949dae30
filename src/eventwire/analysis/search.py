"""Event search with provenance: filtered, paged event records and the documents they came from.

Records have exactly the shape of the ``event_records`` view (the JSONL export contract). The
filters run on the plain ``events`` and ``event_actors`` tables first and only the page's events
are assembled into records, because assembling all of them (the view's actor lists) costs far
more than filtering on a million events.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..store.database import _plain
from . import filters as f

MAX_LIMIT = 1000
MAX_OFFSET = 10_000_000
MAX_TEXT = 200
ORDER = "date NULLS LAST, doc_id, sentence_index, trigger_start, event_id"
EXTRA_TABLES = ("quotes", "amounts")
# The event_records view (store/migrations.py, 0002) restricted to some ids before the actor
# lists are built: DuckDB does not push an id filter through the view's aggregate, so selecting
# from the view costs seconds on a million events. The columns and their order are the view's;
# tests/test_analysis.py checks that both give identical records.
_PERSON = ("{'text': a.text, 'start': a.start_char, 'end': a.end_char, 'name': a.name, "
           "'country': a.country, 'sector': a.sector}")
RECORDS_SQL = f"""
WITH ids AS (SELECT unnest(?::VARCHAR[]) AS event_id),
people AS (
    SELECT a.event_id,
        list({_PERSON} ORDER BY a.position) FILTER (WHERE a.role = 'actor') AS actor,
        list({_PERSON} ORDER BY a.position) FILTER (WHERE a.role = 'recipient') AS recipient
    FROM event_actors a WHERE a.event_id IN (SELECT event_id FROM ids) GROUP BY a.event_id)
SELECT e.event_id, e.doc_id, e.sentence_index, e.sentence,
    {{'text': e.trigger_text, 'start': e.trigger_start, 'end': e.trigger_end}} AS trigger,
    e.event_type, e.mode, e.context, e.cameo, e.quad_class, e.score,
    coalesce(p.actor, []) AS actor, coalesce(p.recipient, []) AS recipient,
    e.date, e.date_precision, e.date_text, e.location,
    e.negated, e.modality, e.confidence, e.coder, e.sentence_start, e.sentence_end
FROM events e LEFT JOIN people p USING (event_id)
WHERE e.event_id IN (SELECT event_id FROM ids)
"""


@dataclass
class Page:
    """One page of results and how many there are in all."""

    items: list[dict[str, Any]]
    total: int
    limit: int = 50
    offset: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"items": self.items, "total": self.total, "limit": self.limit,
                "offset": self.offset, **self.extra}


def _bounds(limit: int, offset: int) -> tuple[int, int]:
    if not 1 <= int(limit) <= MAX_LIMIT:
        raise f.AnalysisError("limit", f"use a number from 1 to {MAX_LIMIT}")
    if not 0 <= int(offset) <= MAX_OFFSET:
        raise f.AnalysisError("offset", f"use a number from 0 to {MAX_OFFSET}")
    return int(limit), int(offset)


def _where(actor, recipient, event_type, since, until, doc_id, text) -> tuple[str, list[Any]]:
    where, params = f.event_filters("e", f.event_type(event_type), f.day(since, "since"),
                                    f.day(until, "until"))
    codes = {role: f.actor_code(value, role) for role, value in (("actor", actor),
                                                                 ("recipient", recipient))}
    if codes["actor"] and codes["recipient"]:
        # both sides: one look-up in the dyads (an actor-recipient pair is one of their rows)
        source, more_source = f.side("source", codes["actor"])
        target, more_target = f.side("target", codes["recipient"])
        where.append(f"e.event_id IN (SELECT event_id FROM event_dyads WHERE NOT reciprocal "
                     f"AND {source} AND {target})")
        params += more_source + more_target
        codes = {}
    for role, code in codes.items():
        if code:
            condition, more = f.match("a", code)
            where.append(f"e.event_id IN (SELECT a.event_id FROM event_actors a "
                         f"WHERE a.role = '{role}' AND {condition})")
            params += more
    if doc_id:
        where.append("e.doc_id = ?")
        params.append(str(doc_id))
    if text:
        if len(text) > MAX_TEXT:
            raise f.AnalysisError("q", f"search text is limited to {MAX_TEXT} characters")
        where.append("contains(lower(e.sentence), lower(?))")
        params.append(str(text))
    return (" WHERE " + " AND ".join(where)) if where else "", params


def search_events(source: Any, actor: str | None = None, recipient: str | None = None,
                  event_type: str | None = None, since: str | date | None = None,
                  until: str | date | None = None, doc_id: str | None = None,
                  text: str | None = None, limit: int = 50, offset: int = 0) -> Page:
    """Event records matching every filter given, in date, document and sentence order.

    ``actor``/``recipient`` take a country (TUR) or country and sector (TURGOV); ``text`` finds
    events whose sentence contains it (case-insensitive). Returns a Page (items and total).
    """
    limit, offset = _bounds(limit, offset)
    where, params = _where(actor, recipient, event_type, since, until, doc_id, text)
    connection = f.connection_of(source)
    # the page and the total as two queries: without a window function DuckDB keeps only the
    # top offset+limit rows while sorting (a top-N), several times faster on common actors
    rows = connection.execute(
        f"SELECT e.event_id FROM events e{where} ORDER BY {ORDER} LIMIT ? OFFSET ?",
        params + [limit, offset]).fetchall()
    total = connection.execute(f"SELECT count(*) FROM events e{where}", params).fetchone()[0]
    return Page(records(connection, [row[0] for row in rows]), int(total), limit, offset)


def records(source: Any, ids: list[str]) -> list[dict[str, Any]]:
    """The event records of ``ids``, in that order."""
    if not ids:
        return []
    cursor = f.connection_of(source).execute(RECORDS_SQL, [ids])
    names = [d[0] for d in cursor.description]
    found = {row[0]: _plain(dict(zip(names, row))) for row in cursor.fetchall()}
    return [found[i] for i in ids if i in found]


def documents(source: Any, limit: int = 50, offset: int = 0, text: str | None = None) -> Page:
    """Stored documents (without their text), newest publication first, with event counts."""
    limit, offset = _bounds(limit, offset)
    where, params = "", []
    if text:
        if len(text) > MAX_TEXT:
            raise f.AnalysisError("q", f"search text is limited to {MAX_TEXT} characters")
        where, params = " WHERE contains(lower(coalesce(d.title, '')), lower(?))", [str(text)]
    connection = f.connection_of(source)
    total = connection.execute(f"SELECT count(*) FROM documents d{where}", params).fetchone()[0]
    cursor = connection.execute(
        f"SELECT d.doc_id, d.title, d.url, d.published, d.source, d.n_words, "
        f"(SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id) AS events "
        f"FROM documents d{where} ORDER BY d.published DESC NULLS LAST, d.doc_id "
        f"LIMIT ? OFFSET ?", params + [limit, offset])
    names = [d[0] for d in cursor.description]
    items = [_plain(dict(zip(names, row))) for row in cursor.fetchall()]
    return Page(items, int(total), limit, offset)


def document(source: Any, doc_id: str) -> dict[str, Any] | None:
    """A document's text, its events and the spans to mark in it; None if there is none.

    ``spans`` index ``text``: one per event sentence, trigger, actor and recipient, each with
    its ``kind`` and ``event_id``, sorted by start so a reader can walk the text once.
    """
    connection = f.connection_of(source)
    cursor = connection.execute(
        "SELECT doc_id, title, url, published, source, text, language, n_words FROM documents "
        "WHERE doc_id = ?", [str(doc_id)])
    row = cursor.fetchone()
    if row is None:
        return None
    names = [d[0] for d in cursor.description]
    doc = _plain(dict(zip(names, row)))
    ids = [r[0] for r in connection.execute(
        f"SELECT event_id FROM events e WHERE doc_id = ? ORDER BY {ORDER}", [str(doc_id)]).fetchall()]
    events = records(connection, ids)
    spans = []
    for event in events:
        key = event["event_id"]
        if event.get("sentence_start") is not None:
            spans.append({"start": event["sentence_start"], "end": event["sentence_end"],
                          "kind": "sentence", "event_id": key})
        trigger = event["trigger"]
        if trigger and trigger.get("start") is not None:
            spans.append({"start": trigger["start"], "end": trigger["end"], "kind": "trigger",
                          "event_id": key})
        for role in ("actor", "recipient"):
            for mention in event[role] or []:
                if mention.get("start") is not None:
                    spans.append({"start": mention["start"], "end": mention["end"], "kind": role,
                                  "event_id": key})
    spans.sort(key=lambda s: (s["start"], -s["end"]))
    return {**doc, "events": events, "spans": spans}


def overview(source: Any) -> dict[str, Any]:
    """What the store holds: counts, date range, events per type, the busiest countries."""
    connection = f.connection_of(source)
    documents_n, events_n, first, last = connection.execute(
        "SELECT (SELECT count(*) FROM documents), count(*), min(date), max(date) FROM events"
    ).fetchone()
    types = dict(connection.execute(
        "SELECT event_type, count(*) FROM events GROUP BY event_type ORDER BY 2 DESC, 1").fetchall())
    countries = connection.execute(
        "SELECT country, count(DISTINCT event_id) AS n FROM event_actors WHERE country IS NOT NULL "
        "GROUP BY country ORDER BY n DESC, country LIMIT 20").fetchall()
    names = f.country_names()
    return {"documents": int(documents_n), "events": int(events_n),
            "first_date": first.isoformat() if first else None,
            "last_date": last.isoformat() if last else None,
            "event_types": types,
            "countries": [{"id": c, "name": names.get(c, c), "events": int(n)} for c, n in countries],
            "extras": [name for name in EXTRA_TABLES if has_table(connection, name)]}


def has_table(source: Any, name: str) -> bool:
    row = f.connection_of(source).execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()
    return bool(row[0])


def extra_rows(source: Any, table: str, doc_id: str | None = None, limit: int = 50,
               offset: int = 0) -> Page | None:
    """Rows of an extras table (quotes, amounts) when the store has it; None when it does not."""
    if table not in EXTRA_TABLES:
        raise f.AnalysisError("table", f"use one of {', '.join(EXTRA_TABLES)}")
    limit, offset = _bounds(limit, offset)
    connection = f.connection_of(source)
    if not has_table(connection, table):
        return None
    # the store's record view (quote_records, amount_records) when it has one, else the table
    view = f"{table[:-1]}_records"
    relation = view if has_table(connection, view) else table
    where, params = ("WHERE doc_id = ?", [str(doc_id)]) if doc_id else ("", [])
    total = connection.execute(f"SELECT count(*) FROM {relation} {where}", params).fetchone()[0]
    cursor = connection.execute(f"SELECT * FROM {relation} {where} ORDER BY ALL LIMIT ? OFFSET ?",
                                params + [limit, offset])
    names = [d[0] for d in cursor.description]
    return Page([_plain(dict(zip(names, row))) for row in cursor.fetchall()], int(total), limit,
                offset)
