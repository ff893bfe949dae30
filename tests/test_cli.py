"""The command line end to end with the real model: run, events, export, demo, exit codes."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import duckdb
import pytest
from click.testing import CliRunner

from eventwire.cli.main import cli

pytestmark = pytest.mark.model

CONTRACT_LINE = {"id": "contract-1", "text": "Russia attacked Ukraine on Monday, Kyiv said.",
                 "published": "2024-11-05"}
EVENT_FIELDS = {"doc_id", "event_type", "mode", "cameo", "quad_class", "score", "actor", "recipient",
                "sentence", "trigger", "negated", "modality", "confidence"}


def invoke(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result


@pytest.fixture()
def corpus(tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [json.dumps(CONTRACT_LINE),
             json.dumps({"id": "d2", "text": "Turkey and Russia signed an agreement in Ankara. "
                         "The European Union imposed sanctions on Iran.", "published": "2024-11-06"}),
             "{broken json",
             json.dumps({"id": "fr", "text": "Le gouvernement français a annoncé mardi de nouvelles "
                         "mesures pour soutenir les agriculteurs touchés par la sécheresse.",
                         "published": "2024-11-06"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_run_then_export_keeps_the_contract(tmp_path, corpus):
    db = tmp_path / "c.duckdb"
    result = invoke("run", corpus, "--db", db, "--quiet")
    assert result.exit_code == 0, result.output
    assert "stored 2" in result.output and "failed 2" in result.output
    assert "bad-json" in result.output and "not-english" in result.output
    out = tmp_path / "events.jsonl"
    assert invoke("export", "--db", db, "--format", "jsonl", "--output", out).exit_code == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows and all(EVENT_FIELDS <= set(r) for r in rows)
    contract = [r for r in rows if r["doc_id"] == "contract-1"]
    assert [(r["event_type"], [a["country"] for a in r["actor"]], [a["country"] for a in r["recipient"]])
            for r in contract] == [("ASSAULT", ["RUS"], ["UKR"])]
    text = CONTRACT_LINE["text"]
    for record in contract:
        for mention in record["actor"] + record["recipient"] + [record["trigger"]]:
            assert text[mention["start"]:mention["end"]] == mention["text"]
    docs = tmp_path / "docs.jsonl"
    invoke("export", "--db", db, "--format", "jsonl", "--output", docs, "--table", "documents")
    stored = {json.loads(line)["doc_id"]: json.loads(line)["text"] for line in docs.read_text().splitlines()}
    assert stored["contract-1"] == text


def test_rerun_adds_nothing_twice(tmp_path, corpus):
    db = tmp_path / "c.duckdb"
    invoke("run", corpus, "--db", db, "-q")
    con = duckdb.connect(str(db), read_only=True)
    before = con.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), "
                         "(SELECT count(*) FROM event_actors)").fetchone()
    con.close()
    result = invoke("run", corpus, "--db", db, "-q")
    assert result.exit_code == 0
    assert "already stored 2" in result.output
    con = duckdb.connect(str(db), read_only=True)
    after = con.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), "
                        "(SELECT count(*) FROM event_actors)").fetchone()
    con.close()
    assert before == after and before[0] == 2


def test_events_command_filters_and_formats(tmp_path, corpus):
    db = tmp_path / "c.duckdb"
    invoke("run", corpus, "--db", db, "-q")
    result = invoke("events", "--db", db, "--actor", "EUR", "--format", "jsonl")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["event_type"] for r in rows] == ["SANCTION"]
    assert [a["country"] for a in rows[0]["recipient"]] == ["IRN"]
    assert rows[0]["actor"][0]["name"] == "European Union"
    result = invoke("events", "--db", db, "--actor", "RUS", "--format", "csv")
    table = list(csv.DictReader(result.output.splitlines()))
    assert {r["event_type"] for r in table} >= {"ASSAULT"}
    assert invoke("events", "--db", db, "--since", "2024-11-06", "--format", "jsonl").output.count("contract-1") == 0
    bad = invoke("events", "--db", db, "--since", "last tuesday")
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


def test_export_formats(tmp_path, corpus):
    db = tmp_path / "c.duckdb"
    invoke("run", corpus, "--db", db, "-q")
    for fmt in ("csv", "parquet", "gdelt"):
        out = tmp_path / f"events.{fmt}"
        assert invoke("export", "--db", db, "--format", fmt, "--output", out).exit_code == 0
    con = duckdb.connect()
    parquet = con.execute(f"SELECT event_type, actor FROM read_parquet('{tmp_path / 'events.parquet'}')").fetchall()
    assert ("ASSAULT", [{"text": "Russia", "start": 0, "end": 6, "name": "Russia", "country": "RUS",
                         "sector": "GOV"}]) in parquet
    rows = list(csv.DictReader((tmp_path / "events.csv").read_text().splitlines()))
    assert any(r["actor_country"] == "RUS" and r["recipient_country"] == "UKR" for r in rows)
    gdelt = list(csv.DictReader((tmp_path / "events.gdelt").read_text().splitlines(), delimiter="\t"))
    assault = [r for r in gdelt if r["PLOVERType"] == "ASSAULT"]
    assert assault[0]["Actor1CountryCode"] == "RUS" and assault[0]["Actor2CountryCode"] == "UKR"
    assert assault[0]["EventRootCode"] == "19" and assault[0]["QuadClass"] == "4"
    # the joint actors of the signing become dyads both ways
    joint = {(r["Actor1CountryCode"], r["Actor2CountryCode"]) for r in gdelt if r["DocID"] == "d2"
             and r["PLOVERType"] == "SUPPORT"}
    assert joint == {("TUR", "RUS"), ("RUS", "TUR")}


def test_nothing_processable_exits_non_zero(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{nope\n")
    result = invoke("run", bad, "--db", tmp_path / "x.duckdb", "-q")
    assert result.exit_code == 1
    assert "bad.jsonl:1" in result.output


def test_usage_errors(tmp_path):
    assert invoke("run").exit_code == 2
    assert invoke("export", "--db", tmp_path / "none.duckdb", "--format", "xml", "--output", "o").exit_code == 2
    missing = invoke("events", "--db", tmp_path / "none.duckdb")
    assert missing.exit_code == 1 and "no such database" in missing.output


def test_console_script_runs_the_contract(tmp_path):
    """The installed `eventwire` entry point, as users and the maintainers call it."""
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(CONTRACT_LINE) + "\n")
    db, out = tmp_path / "c.duckdb", tmp_path / "out.jsonl"
    exe = [sys.executable, "-m", "eventwire.cli.main"]
    subprocess.run(exe + ["run", str(path), "--db", str(db)], check=True, capture_output=True)
    subprocess.run(exe + ["export", "--db", str(db), "--format", "jsonl", "--output", str(out)],
                   check=True, capture_output=True)
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows[0]["doc_id"] == "contract-1" and rows[0]["event_type"] == "ASSAULT"


def test_huge_documents_are_reported_not_coded(tmp_path):
    path = tmp_path / "big.jsonl"
    small = {"id": "small", "text": "Russia attacked Ukraine on Monday."}
    big = {"id": "big", "text": "Turkey met Russia in Ankara. " * 200}
    path.write_text(json.dumps(small) + "\n" + json.dumps(big) + "\n")
    result = invoke("run", path, "--db", tmp_path / "b.duckdb", "-q", "--max-chars", "2000")
    assert result.exit_code == 0
    assert "stored 1" in result.output and f"{path}:2: too-large" in result.output
