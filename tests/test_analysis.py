"""Analysis on a hand-coded world (tests/analysis_world.py) with results worked out by hand,
and on the bundled samples: search records are exactly the store's event records."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis_world import write_world
from eventwire import analysis
from eventwire.analysis import AnalysisError


@pytest.fixture(scope="module")
def world():
    from eventwire.store import Store

    with Store(":memory:") as store:
        write_world(store)
        yield store


def periods(frame) -> list[str]:
    return [p.date().isoformat() for p in frame["period"]]


def test_dyad_directed_counts_what_a_did_to_b_and_reciprocal_events(world):
    # TUR -> RUS: e1 (a meeting: both are actors, no recipient) in January, e4 in February
    frame = analysis.dyad(world, "TUR", "RUS", by="month")
    assert periods(frame) == ["2024-01-01", "2024-02-01"]
    assert frame["events"].tolist() == [1, 1]
    assert frame["score"].tolist() == [1.0, 3.0]
    assert frame["CONSULT"].tolist() == [1, 0] and frame["AGREE"].tolist() == [0, 1]
    assert "ACCUSE" not in frame.columns  # RUS accusing TUR is the other direction


def test_dyad_both_directions_and_gaps_filled(world):
    frame = analysis.dyad(world, "tur", "rus", by="month", directed=False)
    # January e1; February e3 (RUS accuses TUR, -2) and e4 (+3)
    assert frame[["events", "score", "verbal_cooperation", "verbal_conflict"]].values.tolist() == [
        [1, 1.0, 1, 0], [2, 1.0, 1, 1]]
    assert frame["mean_score"].tolist() == [1.0, 0.5]
    # TUR -> UKR: e2 January (+7), nothing in February, e7 (+3.5) and e8 (-6, joint threat) in March
    frame = analysis.dyad(world, "TUR", "UKR", by="month")
    assert periods(frame) == ["2024-01-01", "2024-02-01", "2024-03-01"]
    assert frame["events"].tolist() == [1, 0, 2]
    assert frame["score"].tolist() == [7.0, 0.0, -2.5]
    assert pd.isna(frame["mean_score"][1])


def test_dyad_with_sector_type_and_dates(world):
    assert analysis.dyad(world, "RUSMIL", "UKR")["events"].tolist() == [1]  # e5 only
    assert analysis.dyad(world, "RUSGOV", "UKR")["events"].tolist() == [1]  # e8 only
    frame = analysis.dyad(world, "TUR", "UKR", by="year", event_type="aid")
    assert periods(frame) == ["2024-01-01"] and frame["events"].tolist() == [1]
    frame = analysis.dyad(world, "TUR", "UKR", by="week", since="2024-03-01", until="2024-03-31")
    assert periods(frame) == ["2024-02-26", "2024-03-04", "2024-03-11", "2024-03-18", "2024-03-25"]
    assert frame["events"].tolist() == [0, 2, 0, 0, 0]
    assert analysis.dyad(world, "USA", "CHN").empty


def test_balance_of_turkey_between_russia_and_ukraine(world):
    frame = analysis.balance(world, "TUR", "RUS", "UKR", by="month")
    assert periods(frame) == ["2024-01-01", "2024-02-01", "2024-03-01"]
    # with RUS (both directions): Jan e1 +1; Feb e3 -2, e4 +3; Mar none
    assert frame["events_b"].tolist() == [1, 2, 0]
    assert frame["score_b"].tolist() == [1.0, 1.0, 0.0]
    # with UKR: Jan e2 +7; Mar e7 +3.5, e8 -6
    assert frame["events_c"].tolist() == [1, 0, 2]
    assert frame["score_c"].tolist() == [7.0, 0.0, -2.5]
    assert frame["balance"].tolist() == [-6.0, 1.0, 2.5]


def test_partners_and_adversaries(world):
    frame = analysis.partners(world, "TUR", kind="all")
    # RUS: e1 +1, e3 -2, e4 +3; UKR: e2 +7, e7 +3.5, e8 -6
    assert frame[["partner", "events", "score", "cooperation", "conflict"]].values.tolist() == [
        ["RUS", 3, 2.0, 2, 1], ["UKR", 3, 4.5, 2, 1]]
    assert frame["name"].tolist() == ["Russia", "Ukraine"]
    assert analysis.partners(world, "TUR")["partner"].tolist() == ["UKR", "RUS"]
    adversaries = analysis.partners(world, "RUS", kind="adversaries")
    assert adversaries[["partner", "events", "score"]].values.tolist() == [["UKR", 3, -20.0]]
    assert analysis.partners(world, "TUR", kind="adversaries").empty


def test_network_edges_and_nodes(world):
    nodes, edges = analysis.network(world)
    assert edges[["source", "target", "events", "score"]].values.tolist() == [
        ["TUR", "UKR", 3, 4.5],   # e2, e7, e8
        ["RUS", "TUR", 2, -1.0],  # e1 (reciprocal, alphabetical) and e3
        ["RUS", "UKR", 2, -16.0],  # e5, e8
        ["TUR", "RUS", 1, 3.0],   # e4
        ["UKR", "RUS", 1, -4.0],  # e6
    ]
    assert nodes[["id", "events", "degree"]].values.tolist() == [
        ["RUS", 6, 2], ["TUR", 6, 2], ["UKR", 6, 2]]
    _, edges = analysis.network(world, min_events=2, event_type=None)
    assert len(edges) == 3
    _, edges = analysis.network(world, event_type="ASSAULT")
    assert edges[["source", "target"]].values.tolist() == [["RUS", "UKR"]]


def test_search_filters_paging_and_provenance(world):
    page = analysis.search_events(world, actor="TUR")
    assert [r["event_id"] for r in page.items] == ["e1", "e2", "e4", "e7", "e8"] and page.total == 5
    page = analysis.search_events(world, actor="TUR", limit=2, offset=2)
    assert [r["event_id"] for r in page.items] == ["e4", "e7"] and page.total == 5
    assert [r["event_id"] for r in analysis.search_events(world, actor="RUSMIL").items] == ["e5"]
    assert [r["event_id"] for r in analysis.search_events(
        world, recipient="UKR", event_type="aid").items] == ["e2"]
    assert [r["event_id"] for r in analysis.search_events(
        world, since="2024-02-01", until="2024-02-28").items] == ["e3", "e4"]
    assert [r["event_id"] for r in analysis.search_events(world, text="DRONES").items] == ["e2"]
    assert analysis.search_events(world, text="'; DROP TABLE events; --").total == 0
    assert world.count("events") == 8
    # records are exactly the store's (the JSONL export contract)
    assert analysis.search_events(world, limit=1000).items == world.events()


def test_document_spans_index_the_text(world):
    doc = analysis.document(world, "w3")
    assert [e["event_id"] for e in doc["events"]] == ["e5", "e6", "e7", "e8"]
    for span in doc["spans"]:
        event = next(e for e in doc["events"] if e["event_id"] == span["event_id"])
        piece = doc["text"][span["start"]:span["end"]]
        if span["kind"] == "trigger":
            assert piece == event["trigger"]["text"]
        elif span["kind"] == "sentence":
            assert piece == event["sentence"]
        else:
            assert piece in [m["text"] for m in event[span["kind"]]]
    assert {s["kind"] for s in doc["spans"]} == {"sentence", "trigger", "actor", "recipient"}
    assert analysis.document(world, "nope") is None
    listing = analysis.documents(world)
    assert [d["doc_id"] for d in listing.items] == ["w3", "w2", "w1"]
    assert [d["events"] for d in listing.items] == [4, 2, 2]


def test_overview(world):
    summary = analysis.overview(world)
    assert (summary["documents"], summary["events"]) == (3, 8)
    assert (summary["first_date"], summary["last_date"]) == ("2024-01-10", "2024-03-05")
    # events each takes part in: RUS e1 e3 e4 e5 e6 e8, TUR e1 e2 e3 e4 e7 e8, UKR e2 e5-e8
    assert [(c["id"], c["events"]) for c in summary["countries"]] == [("RUS", 6), ("TUR", 6),
                                                                      ("UKR", 5)]
    from eventwire.analysis.search import has_table

    # the extras' tables exist where the schema has them (they are empty here)
    assert summary["extras"] == [t for t in ("quotes", "amounts") if has_table(world, t)]


@pytest.mark.parametrize("call, parameter", [
    (lambda s: analysis.dyad(s, "TURK", "RUS"), "a"),
    (lambda s: analysis.dyad(s, "TUR", "R1S"), "b"),
    (lambda s: analysis.dyad(s, "XYZ", "RUS"), "a"),
    (lambda s: analysis.dyad(s, "TUR", "RUS", by="decade"), "by"),
    (lambda s: analysis.dyad(s, "TUR", "RUS", since="2024-13-01"), "since"),
    (lambda s: analysis.dyad(s, "TUR", "RUS", event_type="HUG"), "type"),
    (lambda s: analysis.balance(s, "", "RUS", "UKR"), "actor"),
    (lambda s: analysis.partners(s, "TUR", kind="friends"), "kind"),
    (lambda s: analysis.search_events(s, limit=0), "limit"),
    (lambda s: analysis.search_events(s, limit=10**9), "limit"),
    (lambda s: analysis.search_events(s, offset=-1), "offset"),
    (lambda s: analysis.search_events(s, text="x" * 201), "q"),
    (lambda s: analysis.network(s, min_events=0), "min_events"),
])
def test_bad_parameters_name_themselves(world, call, parameter):
    with pytest.raises(AnalysisError) as caught:
        call(world)
    assert caught.value.parameter == parameter


def test_memory_copy_answers_like_the_file(tmp_path):
    from eventwire.store import Store
    from eventwire.store.memory import memory_store

    path = tmp_path / "w.duckdb"
    with Store(path) as store:
        write_world(store)
    with Store(path, read_only=True) as on_disk, memory_store(path) as in_memory:
        assert (analysis.search_events(in_memory, limit=1000).items
                == analysis.search_events(on_disk, limit=1000).items == on_disk.events())
        assert analysis.dyad(in_memory, "TUR", "UKR").equals(analysis.dyad(on_disk, "TUR", "UKR"))
        assert analysis.document(in_memory, "w1") == analysis.document(on_disk, "w1")
    with Store(path) as store:  # the file was only read: it can be opened for writing again
        assert store.count("events") == 8


def test_extras_rows_when_the_store_has_them():
    from eventwire.store import Store

    with Store(":memory:") as store:
        amounts = analysis.extra_rows(store, "amounts")  # None where the schema has no amounts
        assert amounts is None or amounts.total == 0
        # the quotes table of the extras (migration 0003 on stores that have it)
        store.connection.execute("CREATE TABLE IF NOT EXISTS quotes (quote_id VARCHAR PRIMARY KEY, "
                                 "doc_id VARCHAR NOT NULL, text VARCHAR)")
        store.connection.execute("INSERT INTO quotes (quote_id, doc_id, text) VALUES "
                                 "('q1', 'w1', 'We will mediate.'), ('q2', 'w2', 'No.')")
        page = analysis.extra_rows(store, "quotes", doc_id="w1")
        assert page.total == 1 and page.items[0]["text"] == "We will mediate."
        assert analysis.extra_rows(store, "quotes").total == 2
        assert "quotes" in analysis.overview(store)["extras"]
        with pytest.raises(AnalysisError):
            analysis.extra_rows(store, "documents")
