"""The analysis commands and `eventwire serve` on the hand-coded world (tests/analysis_world.py)."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from analysis_world import write_world
from eventwire.cli.main import cli
from live import free_port, request


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    from eventwire.store import Store

    path = tmp_path_factory.mktemp("cli") / "world.duckdb"
    with Store(path) as store:
        write_world(store)
    return str(path)


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_dyad_as_csv(db):
    result = invoke("dyad", "TUR", "UKR", "--db", db, "--by", "month", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "period,events,score,mean_score,verbal_cooperation,material_cooperation,verbal_conflict,"
        "material_conflict,SUPPORT,AID,THREATEN",
        "2024-01-01,1,7.0,7.0,0,1,0,0,0,1,0",
        "2024-02-01,0,0.0,,0,0,0,0,0,0,0",
        "2024-03-01,2,-2.5,-1.25,1,0,1,0,1,0,1",
    ]


def test_dyad_table_both_directions(db):
    result = invoke("dyad", "tur", "rus", "--db", db, "--both")
    assert result.exit_code == 0
    assert "TUR ↔ RUS by month" in result.output and "2024-02-01" in result.output


def test_balance_as_jsonl(db):
    result = invoke("balance", "TUR", "--between", "RUS", "UKR", "--db", db, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["period"], r["balance"]) for r in rows] == [
        ("2024-01-01", -6.0), ("2024-02-01", 1.0), ("2024-03-01", 2.5)]


def test_partners_and_network(db):
    result = invoke("partners", "RUS", "--db", db, "--kind", "adversaries", "--format", "jsonl")
    assert [json.loads(line)["partner"] for line in result.output.splitlines()] == ["UKR"]
    result = invoke("network", "--db", db, "--min-events", "2", "--format", "csv")
    assert [line.split(",")[:3] for line in result.output.splitlines()[1:]] == [
        ["TUR", "UKR", "3"], ["RUS", "TUR", "2"], ["RUS", "UKR", "2"]]
    result = invoke("network", "--db", db, "--nodes", "--format", "jsonl")
    assert [json.loads(line)["id"] for line in result.output.splitlines()] == ["RUS", "TUR", "UKR"]


@pytest.mark.parametrize("args, picture", [
    (("dyad", "TUR", "UKR"), "d.png"), (("balance", "TUR", "--between", "RUS", "UKR"), "b.svg"),
    (("network",), "n.png"),
])
def test_plots_are_written(db, tmp_path, args, picture):
    path = tmp_path / picture
    result = invoke(*args, "--db", db, "--plot", path, "--format", "csv")
    assert result.exit_code == 0, result.output
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG") if picture.endswith(".png") else b"<svg" in data[:2000]
    assert len(data) > 5000


@pytest.mark.parametrize("args, message", [
    (("dyad", "TURK", "RUS"), "is not an actor code"),
    (("dyad", "XYZ", "RUS"), "is not a country or organisation code"),
    (("dyad", "TUR", "RUS", "--by", "decade"), "'decade' is not one of"),
    (("dyad", "TUR", "RUS", "--since", "2024-02-30"), "is not a date"),
    (("balance", "TUR"), "Missing option '--between'"),
    (("dyad", "TUR", "RUS", "--plot", "x.gif"), "written as .png or .svg"),
    (("network", "--min-events", "0"), "0 is not in the range"),
])
def test_bad_input_is_a_usage_error(db, args, message):
    result = CliRunner().invoke(cli, [*args, "--db", db])
    assert result.exit_code == 2 and message in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_missing_store_is_a_clear_error(tmp_path):
    for args in (("dyad", "TUR", "RUS"), ("serve",)):
        result = CliRunner().invoke(cli, [*args, "--db", str(tmp_path / "none.duckdb")])
        assert result.exit_code == 1 and "no such database" in result.output


def test_serve_binds_localhost_and_answers(db):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", "from eventwire.cli.main import main; main()", "serve", "--db", db,
         "--port", str(port), "--log-level", "warning", "--no-memory"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.time() + 30
        while True:
            try:
                status, _, body = request(f"http://127.0.0.1:{port}", "/api/overview")
                break
            except OSError:
                assert time.time() < deadline and server.poll() is None, "server did not start"
                time.sleep(0.1)
        assert status == 200 and body["events"] == 8
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0]
    assert f"http://127.0.0.1:{port}/" in output
