"""The DuckDB store: migrations, atomic batches, round-trips."""

from __future__ import annotations

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.records import ActorMention, Article, DocResult, EntityMention, Event, Failure, Span
from eventwire.store import MIGRATIONS, Store


def make_result(doc_id: str, text: str, events: int = 1) -> DocResult:
    made = []
    for k in range(events):
        made.append(Event(
            event_id=f"{doc_id}-e{k}", doc_id=doc_id, sentence_index=0, sentence=text,
            sentence_start=0, sentence_end=len(text), trigger=Span(text[:1], 0, min(1, len(text))),
            event_type="ASSAULT", mode=None, cameo="190", quad_class=4, score=-9.0,
            actor=[ActorMention(text[:1], 0, min(1, len(text)), "Russia", "RUS", "GOV"),
                   ActorMention(text[:1], 0, min(1, len(text)), None, None, "MIL")],
            recipient=[ActorMention(text[-1:], max(0, len(text) - 1), len(text), None, "UKR", None)],
            date="2024-11-05", date_precision="day"))
    return DocResult(article=Article(id=doc_id, text=text, published="2024-11-05",
                                     metadata={"k": [1, 2]}),
                     language="en", n_words=3, events=made,
                     mentions=[EntityMention(text[:1], 0, min(1, len(text)), "GPE", country="RUS")])


def test_migrations_are_recorded_and_idempotent(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path).close()
    Store(path).close()
    con = duckdb.connect(str(path), read_only=True)
    names = [r[0] for r in con.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()]
    con.close()
    assert names == [name for name, _ in MIGRATIONS]


def test_write_and_read_back(store):
    store.write_batch([make_result("d1", "Russia attacked Ukraine.", events=2)],
                      [Failure("in.jsonl", 3, "bad-json", "not JSON")], run_id=None)
    assert store.count("documents") == 1
    assert store.count("events") == 2
    assert store.count("event_actors") == 6
    (first, second) = store.events()
    assert first["doc_id"] == "d1" and first["event_type"] == "ASSAULT"
    assert first["trigger"] == {"text": "R", "start": 0, "end": 1}
    assert [a["country"] for a in first["actor"]] == ["RUS", None]
    assert first["recipient"][0]["country"] == "UKR"
    assert first["date"] == "2024-11-05"
    assert store.failures()[0]["line"] == 3
    assert store.documents()[0]["metadata"] == {"k": [1, 2]}


def test_event_filters(store):
    store.write_batch([make_result("a", "Russia attacked Ukraine."),
                       make_result("b", "Again Russia attacked.")], [], None)
    assert len(store.events(actor="RUS")) == 2
    assert len(store.events(actor="RUSGOV")) == 2
    assert len(store.events(actor="RUSMIL")) == 0
    assert len(store.events(recipient="UKR", doc_id="a")) == 1
    assert store.events(actor="TUR") == []
    assert store.events(event_type="aid") == []
    assert len(store.events(since="2024-11-05", until="2024-11-05")) == 2
    assert store.events(since="2024-11-06") == []
    assert len(store.events(limit=1, offset=1)) == 1
    # parameters are data, never SQL
    assert store.events(actor="RUS' OR 1=1 --") == []


def test_a_failed_batch_leaves_nothing_behind(store):
    store.write_batch([make_result("ok", "Fine.")], [], None)
    bad = make_result("bad", "Broken.")
    duplicate = make_result("bad2", "Broken too.")
    duplicate.events[0].event_id = "x"
    duplicate.events[0].quad_class = "not a number"  # fails inside the transaction
    with pytest.raises(Exception):
        store.write_batch([bad, duplicate], [], None)
    assert store.count("documents") == 1
    assert store.count("events") == 1
    assert store.known_ids(["ok", "bad", "bad2"]) == {"ok"}


def test_read_only_store_refuses_writes(tmp_path):
    path = tmp_path / "r.duckdb"
    with Store(path) as writable:
        writable.write_batch([make_result("d", "Text here.")], [], None)
    with Store(path, read_only=True) as store:
        assert store.count("documents") == 1
        with pytest.raises(duckdb.Error):
            store.write_batch([make_result("e", "More.")], [], None)


def test_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="eventwire run"):
        Store(tmp_path / "nope.duckdb", read_only=True)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=200))
def test_any_unicode_round_trips_with_its_offsets(text):
    with Store(":memory:") as store:
        store.write_batch([make_result("u", text)], [], None)
        stored = store.documents()[0]["text"]
        assert stored == text
        event = store.events()[0]
        trigger = event["trigger"]
        assert stored[trigger["start"]:trigger["end"]] == trigger["text"]
        recipient = event["recipient"][0]
        assert stored[recipient["start"]:recipient["end"]] == recipient["text"]
