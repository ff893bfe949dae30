"""Named schema migrations, applied in order and recorded in the database itself."""

from __future__ import annotations

MIGRATIONS: list[tuple[str, str]] = [
    ("0001_core", """
        CREATE SEQUENCE IF NOT EXISTS run_ids START 1;
        CREATE TABLE runs (
            run_id INTEGER PRIMARY KEY,
            started_at TIMESTAMP NOT NULL,
            finished_at TIMESTAMP,
            inputs VARCHAR[],
            version VARCHAR,
            model VARCHAR,
            docs_read INTEGER DEFAULT 0,
            docs_stored INTEGER DEFAULT 0,
            docs_skipped INTEGER DEFAULT 0,
            docs_failed INTEGER DEFAULT 0
        );
        CREATE TABLE documents (
            doc_id VARCHAR PRIMARY KEY,
            title VARCHAR,
            url VARCHAR,
            published DATE,
            source VARCHAR,
            text VARCHAR NOT NULL,
            language VARCHAR,
            n_words INTEGER,
            metadata JSON,
            origin VARCHAR,
            run_id INTEGER,
            added_at TIMESTAMP DEFAULT current_timestamp
        );
        CREATE TABLE events (
            event_id VARCHAR PRIMARY KEY,
            doc_id VARCHAR NOT NULL,
            sentence_index INTEGER,
            sentence VARCHAR,
            sentence_start INTEGER,
            sentence_end INTEGER,
            trigger_text VARCHAR,
            trigger_start INTEGER,
            trigger_end INTEGER,
            event_type VARCHAR NOT NULL,
            mode VARCHAR,
            context VARCHAR[],
            cameo VARCHAR,
            quad_class TINYINT,
            score DOUBLE,
            date DATE,
            date_precision VARCHAR,
            date_text VARCHAR,
            location JSON,
            negated BOOLEAN,
            modality VARCHAR,
            confidence DOUBLE,
            coder VARCHAR
        );
        CREATE TABLE event_actors (
            event_id VARCHAR NOT NULL,
            role VARCHAR NOT NULL,
            position INTEGER NOT NULL,
            text VARCHAR,
            start_char INTEGER,
            end_char INTEGER,
            name VARCHAR,
            country VARCHAR,
            sector VARCHAR
        );
        CREATE TABLE mentions (
            doc_id VARCHAR NOT NULL,
            start_char INTEGER,
            end_char INTEGER,
            text VARCHAR,
            label VARCHAR,
            name VARCHAR,
            country VARCHAR,
            sector VARCHAR
        );
        CREATE TABLE failures (
            run_id INTEGER,
            origin VARCHAR,
            line INTEGER,
            doc_id VARCHAR,
            reason VARCHAR,
            detail VARCHAR,
            failed_at TIMESTAMP DEFAULT current_timestamp
        );
        CREATE TABLE warnings (
            run_id INTEGER,
            doc_id VARCHAR,
            origin VARCHAR,
            message VARCHAR
        );
        CREATE INDEX events_doc ON events (doc_id);
        CREATE INDEX actors_event ON event_actors (event_id);
        CREATE INDEX mentions_doc ON mentions (doc_id);
    """),
    ("0002_event_records_view", """
        CREATE VIEW event_records AS
        SELECT
            e.event_id, e.doc_id, e.sentence_index, e.sentence,
            {'text': e.trigger_text, 'start': e.trigger_start, 'end': e.trigger_end} AS trigger,
            e.event_type, e.mode, e.context, e.cameo, e.quad_class, e.score,
            coalesce(a.actor, []) AS actor,
            coalesce(a.recipient, []) AS recipient,
            e.date, e.date_precision, e.date_text, e.location,
            e.negated, e.modality, e.confidence, e.coder,
            e.sentence_start, e.sentence_end
        FROM events e
        LEFT JOIN (
            SELECT event_id,
                list({'text': text, 'start': start_char, 'end': end_char, 'name': name,
                      'country': country, 'sector': sector} ORDER BY position)
                    FILTER (WHERE role = 'actor') AS actor,
                list({'text': text, 'start': start_char, 'end': end_char, 'name': name,
                      'country': country, 'sector': sector} ORDER BY position)
                    FILTER (WHERE role = 'recipient') AS recipient
            FROM event_actors GROUP BY event_id
        ) a USING (event_id);
    """),
    ("0003_quotes_amounts", """
        CREATE TABLE quotes (
            quote_id VARCHAR PRIMARY KEY,
            doc_id VARCHAR NOT NULL,
            sentence_index INTEGER,
            text VARCHAR,
            start_char INTEGER,
            end_char INTEGER,
            direct BOOLEAN,
            cue_text VARCHAR,
            cue_start INTEGER,
            cue_end INTEGER,
            speaker_text VARCHAR,
            speaker_start INTEGER,
            speaker_end INTEGER,
            speaker_name VARCHAR,
            speaker_country VARCHAR,
            speaker_sector VARCHAR
        );
        CREATE TABLE amounts (
            amount_id VARCHAR PRIMARY KEY,
            doc_id VARCHAR NOT NULL,
            sentence_index INTEGER,
            text VARCHAR,
            start_char INTEGER,
            end_char INTEGER,
            value DOUBLE,
            unit VARCHAR,
            what VARCHAR,
            kind VARCHAR,
            event_id VARCHAR
        );
        ALTER TABLE documents ADD COLUMN tone DOUBLE;
        CREATE INDEX quotes_doc ON quotes (doc_id);
        CREATE INDEX amounts_doc ON amounts (doc_id);
        CREATE VIEW quote_records AS
        SELECT quote_id, doc_id, sentence_index, text, start_char AS start, end_char AS "end",
            direct,
            CASE WHEN cue_text IS NULL THEN NULL
                 ELSE {'text': cue_text, 'start': cue_start, 'end': cue_end} END AS cue,
            CASE WHEN speaker_text IS NULL AND speaker_name IS NULL THEN NULL
                 ELSE {'text': speaker_text, 'start': speaker_start, 'end': speaker_end,
                       'name': speaker_name, 'country': speaker_country,
                       'sector': speaker_sector} END AS speaker
        FROM quotes;
        CREATE VIEW amount_records AS
        SELECT amount_id, doc_id, sentence_index, text, start_char AS start, end_char AS "end",
            value, unit, what, kind, event_id
        FROM amounts;
    """),
    ("0004_entities_places", """
        CREATE TABLE places (
            doc_id VARCHAR NOT NULL,
            start_char INTEGER,
            end_char INTEGER,
            text VARCHAR,
            name VARCHAR,
            country VARCHAR,
            admin1 VARCHAR,
            lat DOUBLE,
            lon DOUBLE,
            feature VARCHAR
        );
        CREATE INDEX places_doc ON places (doc_id);
        -- GKG-style counts: each entity (by resolved name, else its text) with how often and in
        -- how many documents it is named
        CREATE VIEW entity_counts AS
        SELECT label, coalesce(name, text) AS name, mode(country) AS country,
            count(*) AS mentions, count(DISTINCT doc_id) AS documents
        FROM mentions
        GROUP BY label, coalesce(name, text);
    """),
    # Dyads for analysis: one row per event and ordered pair of its sides. An actor and a
    # recipient make a pair; an event without recipients (a meeting) pairs its actors both
    # ways. The event's date, type, quad class and score ride along so series need no join;
    # `eventwire serve` keeps this as a sorted table in memory (store/memory.py).
    ("0005_analysis", """
        CREATE VIEW event_dyads AS
        SELECT DISTINCT a.event_id, a.country AS source, a.sector AS source_sector,
            b.country AS target, b.sector AS target_sector, b.role = 'actor' AS reciprocal,
            e.date, e.event_type, e.quad_class, e.score
        FROM event_actors a
        JOIN event_actors b ON a.event_id = b.event_id
        JOIN events e ON e.event_id = a.event_id
        WHERE a.role = 'actor' AND (
            b.role = 'recipient'
            OR (b.role = 'actor' AND a.position <> b.position AND NOT EXISTS (
                SELECT 1 FROM event_actors r WHERE r.event_id = a.event_id AND r.role = 'recipient')));
    """),
    ("0006_duplicates_clusters", """
        -- MinHash signatures of coded documents: the LSH index is rebuilt from them at the start
        -- of every run, so a wire copy is caught however many runs later it arrives
        CREATE TABLE doc_minhash (
            doc_id VARCHAR PRIMARY KEY,
            signature BLOB NOT NULL
        );
        -- a near-duplicate keeps its documents row (so re-runs skip it) but is not coded: its
        -- extractions are those of duplicate_of, and clusters count it as one more mention
        CREATE TABLE duplicates (
            doc_id VARCHAR PRIMARY KEY,
            duplicate_of VARCHAR NOT NULL,
            similarity DOUBLE,
            origin VARCHAR,
            run_id INTEGER
        );
        CREATE INDEX duplicates_of ON duplicates (duplicate_of);
        CREATE TABLE event_clusters (
            event_id VARCHAR PRIMARY KEY,
            cluster_id VARCHAR NOT NULL,
            similarity DOUBLE
        );
        CREATE INDEX event_clusters_cluster ON event_clusters (cluster_id);
        -- derived from event_clusters, documents and duplicates; rebuilt after each clustering
        CREATE TABLE clusters (
            cluster_id VARCHAR PRIMARY KEY,
            event_type VARCHAR,
            actor_countries VARCHAR[],
            recipient_countries VARCHAR[],
            date DATE,
            first_seen DATE,
            location_name VARCHAR,
            num_events INTEGER,
            num_mentions INTEGER,
            num_sources INTEGER,
            num_articles INTEGER,
            sentence VARCHAR
        );
    """),
]


def apply_migrations(connection) -> list[str]:
    """Apply the migrations this database lacks; returns the names applied now."""
    connection.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR PRIMARY KEY, "
        "applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    done = {row[0] for row in connection.execute("SELECT name FROM schema_migrations").fetchall()}
    applied = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        connection.execute("BEGIN TRANSACTION")
        try:
            connection.execute(sql)
            connection.execute("INSERT INTO schema_migrations (name) VALUES (?)", [name])
            connection.execute("COMMIT")
        except Exception:
            connection.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied


def pending(connection) -> list[str]:
    try:
        done = {r[0] for r in connection.execute("SELECT name FROM schema_migrations").fetchall()}
    except Exception:
        done = set()
    return [name for name, _ in MIGRATIONS if name not in done]
