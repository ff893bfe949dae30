"""Exports: JSONL (the contract), CSV, Parquet, a GDELT-style TSV of dyads and a GKG-style TSV
of documents."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from .database import Store, _plain

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "gkg")
TABLES = {
    "events": "SELECT * FROM event_records ORDER BY date NULLS LAST, doc_id, sentence_index, trigger.start, event_id",
    "documents": "SELECT doc_id, title, url, published, source, text, language, n_words, metadata, "
                 "origin, added_at FROM documents ORDER BY added_at, doc_id",
    "mentions": "SELECT doc_id, start_char AS start, end_char AS \"end\", text, label, name, country, "
                "sector FROM mentions ORDER BY doc_id, start_char",
    "quotes": "SELECT doc_id, text, start, \"end\", direct, cue, speaker, sentence_index, quote_id "
              "FROM quote_records ORDER BY doc_id, start",
    "amounts": "SELECT doc_id, text, start, \"end\", value, unit, what, kind, event_id, "
               "sentence_index, amount_id FROM amount_records ORDER BY doc_id, start",
    "places": "SELECT doc_id, start_char AS start, end_char AS \"end\", text, name, country, admin1, "
              "lat, lon, feature FROM places ORDER BY doc_id, start_char",
    "entities": "SELECT label, name, country, mentions, documents FROM entity_counts "
                "ORDER BY mentions DESC, label, name",
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
FROM event_records ORDER BY date NULLS LAST, doc_id, sentence_index, trigger_start, event_id
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
    if fmt == "gkg" and table not in ("events", "documents"):
        raise ExportError("the GKG-style TSV has one row per document; leave out --table "
                          "(or use --table documents)")
    output = Path(output)
    if output.parent and not output.parent.exists():
        output.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        return _export_jsonl(store, TABLES[table], output)
    if fmt == "gdelt":
        return _export_gdelt(store, output)
    if fmt == "gkg":
        return _export_gkg(store, output)
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
                    1 if k == 0 else 0, cameo, cameo[:3], cameo[:2],
                    1 if cameo[:2] in ("01", "02") else event["quad_class"],  # GDELT: appeals are verbal cooperation
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


GKG_COLUMNS = (
    "GKGRECORDID", "DATE", "SourceCommonName", "DocumentIdentifier", "V2Counts", "V2Persons",
    "V2Organizations", "V2Locations", "V2Tone", "Quotations", "V2Amounts",
)


def _clean(column: str) -> str:
    """A text field without the GKG's separators (; , # |) or line breaks."""
    return f"trim(regexp_replace(coalesce({column}, ''), '[;,#|\\s]+', ' ', 'g'))"


def _number(column: str) -> str:
    return (f"CASE WHEN {column} = round({column}) AND abs({column}) < 1e18 "
            f"THEN CAST({column} AS BIGINT)::VARCHAR ELSE {column}::VARCHAR END")


def _coordinate(column: str) -> str:
    return f"coalesce(round({column}, 4)::VARCHAR, '')"


# One row per document; every list is built in SQL so the export streams.
GKG_QUERY = f"""
WITH m AS (
    SELECT doc_id,
        string_agg({_clean('coalesce(name, text)')} || ',' || start_char, ';' ORDER BY start_char)
            FILTER (WHERE label = 'PERSON') AS persons,
        string_agg({_clean('coalesce(name, text)')} || ',' || start_char, ';' ORDER BY start_char)
            FILTER (WHERE label = 'ORG') AS organizations
    FROM mentions GROUP BY doc_id),
p AS (
    SELECT doc_id, string_agg(concat_ws('#', coalesce(feature, ''), {_clean('name')},
            coalesce(country, ''), coalesce(admin1, ''), {_coordinate('lat')}, {_coordinate('lon')},
            start_char::VARCHAR), ';' ORDER BY start_char) AS locations
    FROM places GROUP BY doc_id),
a AS (
    SELECT doc_id,
        string_agg(concat_ws('#', kind, {_number('value')}, {_clean('what')}, start_char::VARCHAR),
            ';' ORDER BY start_char) FILTER (WHERE unit = 'people') AS counts,
        string_agg(concat_ws(',', {_number('value')}, unit, {_clean('what')}, start_char::VARCHAR),
            ';' ORDER BY start_char) AS amounts
    FROM amounts GROUP BY doc_id),
q AS (
    SELECT doc_id, string_agg(concat_ws('|', start_char::VARCHAR, (end_char - start_char)::VARCHAR,
            {_clean('speaker_name')}, {_clean('text')}), '#' ORDER BY start_char) AS quotations
    FROM quotes GROUP BY doc_id)
SELECT d.doc_id, d.published, d.source, d.url, d.tone, a.counts, m.persons, m.organizations,
    p.locations, q.quotations, a.amounts
FROM documents d
LEFT JOIN m USING (doc_id) LEFT JOIN p USING (doc_id) LEFT JOIN a USING (doc_id)
LEFT JOIN q USING (doc_id)
ORDER BY d.added_at, d.doc_id
"""


def _source_name(source: str | None, url: str | None) -> str:
    if source:
        return source
    if url and "://" in url:
        return url.split("://", 1)[1].split("/", 1)[0].removeprefix("www.")
    return ""


def _export_gkg(store: Store, output: Path) -> int:
    count = 0
    with output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                            escapechar="\\")
        writer.writerow(GKG_COLUMNS)
        cursor = store.connection.cursor()
        cursor.execute(GKG_QUERY)
        while True:
            chunk = cursor.fetchmany(2000)
            if not chunk:
                break
            for (doc_id, published, source, url, tone, counts, persons, organizations, locations,
                 quotations, amounts) in chunk:
                day = published.strftime("%Y%m%d") if published else "00000000"
                writer.writerow([
                    f"{day}000000-{doc_id}", f"{day}000000", _source_name(source, url),
                    url or doc_id, counts or "", persons or "", organizations or "",
                    locations or "", "" if tone is None else f"{tone:.4f}", quotations or "",
                    amounts or "",
                ])
                count += 1
    return count
