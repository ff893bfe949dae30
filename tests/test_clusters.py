"""Near-duplicate articles and event clusters, on fixture articles we wrote (tests/fixtures)."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from conftest import FIXTURES
from eventwire.cli.main import cli
from eventwire.clustering import cluster_events, content_words, cosine
from eventwire.dedup import DuplicateIndex, from_bytes, signature, to_bytes
from eventwire.evaluate.clusters import evaluate_clusters, pairwise
from eventwire.records import Article
from eventwire.runner import run
from eventwire.store import Store, export
from eventwire.store.clusters import cluster_records

CLUSTERS = FIXTURES / "clusters"
WIRE = ("Russian forces fired missiles at Kharkiv on Sunday, killing seven civilians and damaging "
        "a power station, regional officials said. Rescue teams were searching the rubble of two "
        "apartment blocks late into the night, and the city's mayor said that more people could "
        "be trapped. Kharkiv lies about 30 kilometres from the border and has been hit almost "
        "daily since the spring.")
COPY = WIRE.replace("were searching", "searched").replace("30 kilometres", "30 km")
SAME_TOPIC = ("Russian drones attacked the port of Odesa on Sunday, setting grain warehouses on "
              "fire, the Ukrainian navy said. No casualties were reported, and the port kept "
              "working through the day. Odesa has been hit almost daily since the spring, and "
              "officials said that air defences shot down most of the drones.")


# --- duplicates ------------------------------------------------------------------------------

def test_a_wire_copy_with_light_edits_is_a_duplicate_and_another_story_is_not():
    index = DuplicateIndex()
    index.add("wire", signature(WIRE))
    found = index.original_of(signature(COPY), "copy")
    assert found is not None and found[0] == "wire" and found[1] >= 0.8
    assert index.original_of(signature(SAME_TOPIC), "odesa") is None
    assert index.original_of(signature(WIRE), "wire") is None  # never a copy of itself


def test_a_signature_survives_the_store_as_bytes():
    minhash = signature(WIRE)
    assert from_bytes(to_bytes(minhash)).jaccard(minhash) == 1.0
    assert signature("Too short to compare.") is None


@pytest.mark.model
def test_duplicates_are_stored_not_coded_and_caught_across_runs(tmp_path):
    db = str(tmp_path / "dup.duckdb")
    first = run([Article(id="wire", text=WIRE, published="2024-05-12", source="a")], db)
    assert (first.stored, first.duplicates) == (1, 0)
    second = run([Article(id="copy", text=COPY, published="2024-05-12", source="b"),
                  Article(id="odesa", text=SAME_TOPIC, published="2024-05-12", source="b")], db)
    assert (second.stored, second.duplicates) == (1, 1)
    with Store(db, read_only=True) as store:
        rows = store.connection.execute(
            "SELECT doc_id, duplicate_of FROM duplicates").fetchall()
        assert rows == [("copy", "wire")]
        assert store.events(doc_id="copy") == []  # not coded again
        assert store.events(doc_id="wire") and store.events(doc_id="odesa")
        assert store.known_ids(["copy"]) == {"copy"}  # its document row is kept
        clusters = {c["cluster_id"]: c for c in cluster_records(store)}
        kharkiv = [c for c in clusters.values() if "Kharkiv" in c["sentence"]]
        assert kharkiv and kharkiv[0]["num_articles"] == 2 and kharkiv[0]["num_sources"] == 2
    again = run([Article(id="copy", text=COPY, published="2024-05-12")], db)
    assert (again.stored, again.duplicates, again.skipped) == (0, 0, 1)


# --- clusters --------------------------------------------------------------------------------

def _event(sentence, trigger="attacked", actors=("RUS",), recipients=("UKR",), day=None):
    return {"sentence": sentence, "trigger_text": trigger, "actor_texts": ["Russia"],
            "actor_countries": list(actors), "recipient_countries": list(recipients),
            "event_type": "ASSAULT", "negated": False, "day": day}


def test_sentence_similarity_ignores_trigger_and_actors():
    a = _event("Russia attacked the Kharkiv power station, killing seven.")
    b = _event("Russia attacked a market in Odesa.")
    c = _event("Russian missiles hit the power station in Kharkiv and killed seven people.", "hit")
    assert cosine(content_words(a), content_words(b)) == 0.0
    assert cosine(content_words(a), content_words(c)) > 0.5


def test_pairwise_precision_and_recall():
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    assert pairwise({"a": "x", "b": "x", "c": "y", "d": "y"}, gold)["pairwise_f1"] == 1.0
    merged = pairwise({"a": "x", "b": "x", "c": "x", "d": "x"}, gold)
    assert merged["pairwise_recall"] == 1.0 and merged["pairwise_precision"] == pytest.approx(2 / 6)


@pytest.fixture(scope="module")
def fixture_store(tmp_path_factory):
    """The cluster fixture articles coded into a store (the real model)."""
    db = str(tmp_path_factory.mktemp("clusters") / "clusters.duckdb")
    report = run([str(CLUSTERS / "articles.jsonl")], db, check_language=False)
    return db, report


@pytest.mark.model
def test_clusters_on_the_fixture_set_reach_the_measured_precision_and_recall(tmp_path):
    result = evaluate_clusters(CLUSTERS, str(tmp_path / "eval.duckdb"))
    # measured at this commit: precision 1.000, recall 0.955 (README); the target is 0.9 for
    # both. The look-alike pair that once merged (two Indian sanctions on one day whose reports
    # share "after the Pahalgam attack") is kept apart by their modes (expel, suspend).
    assert result["pairwise_recall"] >= 0.9
    assert result["pairwise_precision"] >= 0.9
    assert result["duplicates_found"] == result["duplicates_expected"] == 1


@pytest.mark.model
def test_clustering_is_incremental(fixture_store, tmp_path):
    db, report = fixture_store
    with Store(db, read_only=True) as store:
        before = dict(store.connection.execute(
            "SELECT event_id, cluster_id FROM event_clusters").fetchall())
        events = store.count("events")
    assert len(before) == events and report.clustered == events
    # a new report of the Kharkiv strike joins its cluster; nothing already clustered moves
    late = Article(id="kharkiv-4", published="2024-05-13", source="new.example", text=(
        "Russian missiles hit a power station in Kharkiv and killed seven civilians on Sunday, "
        "the governor said."))
    run([late], db, check_language=False)
    with Store(db) as store:
        after = dict(store.connection.execute(
            "SELECT event_id, cluster_id FROM event_clusters").fetchall())
        assert {k: after[k] for k in before} == before
        new = [e["event_id"] for e in store.events(doc_id="kharkiv-4", event_type="ASSAULT")]
        assert new
        joined = after[new[0]]
        members = store.connection.execute(
            "SELECT doc_id FROM events JOIN event_clusters USING (event_id) WHERE cluster_id = ?",
            [joined]).fetchall()
        assert {"kharkiv-1", "kharkiv-4"} <= {m[0] for m in members}
        assert cluster_events(store).assigned == 0  # nothing left to assign
        assert store.clusters(actor="RUS", event_type="ASSAULT", since="2024-05-12", limit=50)
        assert store.clusters(actor="XXX") == []
        record = next(c for c in cluster_records(store) if c["cluster_id"] == joined)
        # kharkiv-1, -2, -3, -4 and the copy of kharkiv-1: five articles, five sources
        assert record["num_articles"] == 5 and record["num_sources"] == 5
        assert record["first_seen"] == "2024-05-12"
        tsv = tmp_path / "events.tsv"
        export(store, "gdelt", tsv)
    with tsv.open(encoding="utf-8") as handle:
        rows = {r["EventID"]: r for r in csv.DictReader(handle, delimiter="\t")}
    row = rows[new[0]]
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == (
        str(record["num_mentions"]), "5", "5")


@pytest.mark.model
def test_events_clustered_command(fixture_store):
    db, _ = fixture_store
    result = CliRunner().invoke(cli, ["events", "--db", db, "--clustered", "--type", "ACCUSE",
                                      "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert records and all(r["event_type"] == "ACCUSE" for r in records)
    assert {"num_mentions", "num_sources", "num_articles", "first_seen", "events"} <= set(records[0])
    genocide = [r for r in records if "genocide" in r["sentence"]]
    assert len(genocide) == 1 and genocide[0]["num_articles"] == 3
    bad = CliRunner().invoke(cli, ["events", "--db", db, "--clustered", "--doc", "x"])
    assert bad.exit_code == 2 and "--clustered" in bad.output


def test_evaluate_clusters_rejects_a_folder_without_gold(tmp_path):
    result = CliRunner().invoke(cli, ["evaluate-clusters", str(tmp_path)])
    assert result.exit_code == 2 and "gold.json" in result.output
