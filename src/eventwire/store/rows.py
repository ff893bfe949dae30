"""Records as table rows: the one place that says which column each field lands in.

The DuckDB store inserts these rows; a distributed run writes the same rows as Parquet, so both
paths produce identical tables.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..records import DocResult, Failure

# table -> ((column, SQL type), ...) in insertion order
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("doc_id", "VARCHAR"), ("title", "VARCHAR"), ("url", "VARCHAR"), ("published", "DATE"),
        ("source", "VARCHAR"), ("text", "VARCHAR"), ("language", "VARCHAR"),
        ("n_words", "INTEGER"), ("metadata", "JSON"), ("origin", "VARCHAR"),
        ("run_id", "INTEGER"), ("tone", "DOUBLE")),
    "events": (
        ("event_id", "VARCHAR"), ("doc_id", "VARCHAR"), ("sentence_index", "INTEGER"),
        ("sentence", "VARCHAR"), ("sentence_start", "INTEGER"), ("sentence_end", "INTEGER"),
        ("trigger_text", "VARCHAR"), ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"),
        ("event_type", "VARCHAR"), ("mode", "VARCHAR"), ("context", "VARCHAR[]"),
        ("cameo", "VARCHAR"), ("quad_class", "TINYINT"), ("score", "DOUBLE"), ("date", "DATE"),
        ("date_precision", "VARCHAR"), ("date_text", "VARCHAR"), ("location", "JSON"),
        ("negated", "BOOLEAN"), ("modality", "VARCHAR"), ("confidence", "DOUBLE"),
        ("coder", "VARCHAR")),
    "event_actors": (
        ("event_id", "VARCHAR"), ("role", "VARCHAR"), ("position", "INTEGER"), ("text", "VARCHAR"),
        ("start_char", "INTEGER"), ("end_char", "INTEGER"), ("name", "VARCHAR"),
        ("country", "VARCHAR"), ("sector", "VARCHAR")),
    "mentions": (
        ("doc_id", "VARCHAR"), ("start_char", "INTEGER"), ("end_char", "INTEGER"),
        ("text", "VARCHAR"), ("label", "VARCHAR"), ("name", "VARCHAR"), ("country", "VARCHAR"),
        ("sector", "VARCHAR")),
    "quotes": (
        ("quote_id", "VARCHAR"), ("doc_id", "VARCHAR"), ("sentence_index", "INTEGER"),
        ("text", "VARCHAR"), ("start_char", "INTEGER"), ("end_char", "INTEGER"),
        ("direct", "BOOLEAN"), ("cue_text", "VARCHAR"), ("cue_start", "INTEGER"),
        ("cue_end", "INTEGER"), ("speaker_text", "VARCHAR"), ("speaker_start", "INTEGER"),
        ("speaker_end", "INTEGER"), ("speaker_name", "VARCHAR"), ("speaker_country", "VARCHAR"),
        ("speaker_sector", "VARCHAR")),
    "amounts": (
        ("amount_id", "VARCHAR"), ("doc_id", "VARCHAR"), ("sentence_index", "INTEGER"),
        ("text", "VARCHAR"), ("start_char", "INTEGER"), ("end_char", "INTEGER"),
        ("value", "DOUBLE"), ("unit", "VARCHAR"), ("what", "VARCHAR"), ("kind", "VARCHAR"),
        ("event_id", "VARCHAR")),
    "places": (
        ("doc_id", "VARCHAR"), ("start_char", "INTEGER"), ("end_char", "INTEGER"),
        ("text", "VARCHAR"), ("name", "VARCHAR"), ("country", "VARCHAR"), ("admin1", "VARCHAR"),
        ("lat", "DOUBLE"), ("lon", "DOUBLE"), ("feature", "VARCHAR")),
    "failures": (
        ("run_id", "INTEGER"), ("origin", "VARCHAR"), ("line", "INTEGER"), ("doc_id", "VARCHAR"),
        ("reason", "VARCHAR"), ("detail", "VARCHAR")),
    "warnings": (
        ("run_id", "INTEGER"), ("doc_id", "VARCHAR"), ("origin", "VARCHAR"), ("message", "VARCHAR")),
}


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def batch_rows(results: Sequence[DocResult], failures: Sequence[Failure],
               run_id: int | None) -> dict[str, list[tuple]]:
    """Rows for every table from a batch of results and failures (column order as TABLES)."""
    rows: dict[str, list[tuple]] = {table: [] for table in TABLES}
    for result in results:
        article = result.article
        rows["documents"].append((
            article.id, article.title, article.url, article.published, article.source,
            article.text, result.language, result.n_words, _json(article.metadata or None),
            article.origin, run_id, result.tone))
        for message in article.warnings:
            rows["warnings"].append((run_id, article.id, article.origin, message))
        for event in result.events:
            rows["events"].append((
                event.event_id, event.doc_id, event.sentence_index, event.sentence,
                event.sentence_start, event.sentence_end, event.trigger.text,
                event.trigger.start, event.trigger.end, event.event_type, event.mode,
                list(event.context), event.cameo, event.quad_class, event.score, event.date,
                event.date_precision, event.date_text,
                _json(event.location.__dict__) if event.location else None,
                event.negated, event.modality, event.confidence, event.coder))
            for role, group in (("actor", event.actor), ("recipient", event.recipient)):
                for position, a in enumerate(group):
                    rows["event_actors"].append((event.event_id, role, position, a.text, a.start,
                                                 a.end, a.name, a.country, a.sector))
        for m in result.mentions:
            rows["mentions"].append((article.id, m.start, m.end, m.text, m.label, m.name,
                                     m.country, m.sector))
        for q in result.quotes:
            cue, who = q.cue, q.speaker
            rows["quotes"].append((
                q.quote_id, q.doc_id, q.sentence_index, q.text, q.start, q.end, q.direct,
                cue.text if cue else None, cue.start if cue else None, cue.end if cue else None,
                who.text if who else None, who.start if who else None, who.end if who else None,
                who.name if who else None, who.country if who else None,
                who.sector if who else None))
        for a in result.amounts:
            rows["amounts"].append((a.amount_id, a.doc_id, a.sentence_index, a.text, a.start,
                                    a.end, a.value, a.unit, a.what, a.kind, a.event_id))
        for p in result.places:
            rows["places"].append((article.id, p.start, p.end, p.text, p.name, p.country,
                                   p.admin1, p.lat, p.lon, p.feature))
    for f in failures:
        rows["failures"].append((run_id, f.origin, f.line, f.doc_id, f.reason, f.detail))
    return rows


# Tables of near-duplicate detection (migration 0006): written by the same single writer, in the
# same transaction as the batch they belong to, but not derived from a DocResult.
DEDUP_TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "doc_minhash": (("doc_id", "VARCHAR"), ("signature", "BLOB")),
    "duplicates": (
        ("doc_id", "VARCHAR"), ("duplicate_of", "VARCHAR"), ("similarity", "DOUBLE"),
        ("origin", "VARCHAR"), ("run_id", "INTEGER")),
}
