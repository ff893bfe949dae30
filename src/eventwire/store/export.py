"""Exports: JSONL (the contract), CSV, Parquet and a GDELT-style TSV of dyads."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from .database import Store, _plain

FORMATS = ("jsonl", "csv", "parquet", "gdelt")
TABLES = {
    "events": "SELECT * FROM event_records ORDER BY date NULLS LAST, doc_id, sentence_index, trigger.start",
    "documents": "SELECT doc_id, title, url, published, source, text, language, n_words, metadata, "
                 "origin, added_at FROM documents ORDER BY added_at, doc_id",
    "mentions": "SELECT doc_id, start_char AS start, end_char AS \"end\", text, label, name, country, "
                "sector FROM mentions ORDER BY doc_id, start_char",
    "quotes": "SELECT doc_id, text, start, \"end\", direct, cue, speaker, sentence_index, quote_id "
              "FROM quote_records ORDER BY doc_id, start",
    "amounts": "SELECT doc_id, text, start, \"end\", value, unit, what, kind, event_id, "
               "sentence_index, amount_id FROM amount_records ORDER BY doc_id, start",
    "failures": "SELECT run_id, origin, line, doc_id, reason, detail, failed_at FROM failures ORDER BY failed_at",
}
# flat columns for CSV (lists of actors become ';'-joined fields)
CSV_EVENTS = """
SELECT event_id, doc_id, date, event_type, mode, cameo, quad_class, score,
       array_to_string(list_transform(actor, lambda x: coalesce(x.country, '')), ';') AS actor_country,
       array_to_string(list_transform(actor, lambda x: coalesce(x.sector, '')), ';') AS actor_sector,
       array_to_string(list_transform(actor, lambda x: x.text), ';') AS actor_text,
       array_to_string(list_transform(recipient, lambda x: coalesce(x.country, '')), ';') AS recipient_country,
       array_to_string(list_transform(recipient, lambda x: coalesce(x.sector, '')), ';') AS recipient_sector,
       array_to_string(list_transform(recipient, lambda x: x.text), ';') AS recipient_text,
       trigger.text AS trigger_text, trigger.start AS trigger_start, trigger."end" AS trigger_end,
       negated, modality, confidence, sentence_index, sentence, coder
FROM event_records ORDER BY date NULLS LAST, doc_id, sentence_index, trigger_start
"""
GDELT_COLUMNS = (
    "GlobalEventID", "Day", "MonthYear", "Year", "Actor1Code", "Actor1Name", "Actor1CountryCode",
    "Actor1Type1Code", "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "ActionGeo_FullName", "ActionGeo_CountryCode",
    "ActionGeo_Lat", "ActionGeo_Long", "SOURCEURL", "PLOVERType", "PLOVERMode", "Negated",
    "Modality", "Confidence", "DocID", "EventID",
)


class ExportError(ValueError):
    pass


def _copy_path(path: Path) -> str:
    return str(path).replace("'", "''")


def export(store: Store, fmt: str, output: str | Path, table: str = "events") -> int:
    """Write ``table`` in ``fmt`` to ``output``; returns the number of records written."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if table not in TABLES:
        raise ExportError(f"unknown table {table!r}; choose one of: {', '.join(TABLES)}")
    if fmt == "gdelt" and table != "events":
        raise ExportError("the GDELT-style TSV is an events export; use --table events")
    output = Path(output)
    if output.parent and not output.parent.exists():
        output.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        return _export_jsonl(store, TABLES[table], output)
    if fmt == "gdelt":
        return _export_gdelt(store, output)
    query = CSV_EVENTS if (fmt == "csv" and table == "events") else TABLES[table]
    options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
    store.connection.execute(f"COPY ({query}) TO '{_copy_path(output)}' ({options})")
    return store.connection.execute(f"SELECT count(*) FROM ({TABLES[table]})").fetchone()[0]


def _rows(store: Store, query: str, size: int = 5000):
    cursor = store.connection.cursor()
    cursor.execute(query)
    names = [d[0] for d in cursor.description]
    while True:
        chunk = cursor.fetchmany(size)
        if not chunk:
            break
        for row in chunk:
            yield _plain(dict(zip(names, row)))


def _export_jsonl(store: Store, query: str, output: Path) -> int:
    count = 0
    with output.open("w", encoding="utf-8") as handle:
        for record in _rows(store, query):
            handle.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
            count += 1
    return count


def dyads(event: dict[str, Any]) -> list[tuple[dict | None, dict | None]]:
    """Compound actors as dyads: every actor with every recipient; joint actors pairwise."""
    actors, recipients = event["actor"] or [], event["recipient"] or []
    if recipients:
        return [(a, r) for a in actors for r in recipients]
    if len(actors) > 1:
        return [(a, b) for a in actors for b in actors if a is not b]
    return [(a, None) for a in actors] or [(None, None)]


def _actor_fields(actor: dict | None) -> list[str]:
    if not actor:
        return ["", "", "", ""]
    country, sector = actor.get("country") or "", actor.get("sector") or ""
    return [country + sector, actor.get("name") or actor.get("text") or "", country, sector]


def _export_gdelt(store: Store, output: Path) -> int:
    from .clusters import event_counts

    urls = dict(store.connection.execute("SELECT doc_id, url FROM documents").fetchall())
    counts = event_counts(store)  # NumMentions/NumSources/NumArticles of the event's cluster
    count = 0
    with output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(GDELT_COLUMNS)
        for event in _rows(store, TABLES["events"]):
            day = (event["date"] or "").replace("-", "")
            cameo = event["cameo"] or ""
            location = event.get("location") or {}
            for k, (first, second) in enumerate(dyads(event)):
                writer.writerow([
                    int(event["event_id"][:12], 16) * 100 + k, day, day[:6], day[:4],
                    *_actor_fields(first), *_actor_fields(second),
                    1 if k == 0 else 0, cameo, cameo[:3], cameo[:2], event["quad_class"],
                    event["score"], *counts.get(event["event_id"], (1, 1, 1)),
                    location.get("name") or "", location.get("country") or "",
                    location.get("lat") if location.get("lat") is not None else "",
                    location.get("lon") if location.get("lon") is not None else "",
                    urls.get(event["doc_id"]) or event["doc_id"], event["event_type"],
                    event["mode"] or "", int(bool(event["negated"])), event["modality"],
                    event["confidence"], event["doc_id"], event["event_id"],
                ])
                count += 1
    return count
