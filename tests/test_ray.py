"""The Ray engine on a real local Ray cluster: the same events, failures and duplicates as the
local runner on the same input, and nothing added twice on a re-run or a second load."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

ray = pytest.importorskip("ray")

from eventwire.cli.main import cli, samples_dir  # noqa: E402
from eventwire.runner import run  # noqa: E402
from eventwire.store import Store  # noqa: E402

pytestmark = pytest.mark.model

WIRE = ("Russian forces fired missiles at Kharkiv on Sunday, killing seven civilians and damaging "
        "a power station, regional officials said. Rescue teams were searching the rubble of two "
        "apartment blocks late into the night, and the city's mayor said that more people could "
        "be trapped. Kharkiv lies about 30 kilometres from the border and has been hit almost "
        "daily since the spring.")


@pytest.fixture(scope="module")
def cluster():
    ray.init(num_cpus=2, include_dashboard=False, logging_level="ERROR")
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    """The bundled samples plus a JSONL with a malformed line, an empty text and a wire copy."""
    folder = tmp_path_factory.mktemp("ray-input")
    lines = [
        json.dumps({"id": "wire", "text": WIRE, "published": "2024-05-12", "source": "a"}),
        "{this is not json",
        json.dumps({"id": "empty", "text": "  ", "published": "2024-05-12"}),
        json.dumps({"id": "copy", "text": WIRE.replace("were searching", "searched"),
                    "published": "2024-05-12", "source": "b"}),
    ]
    (folder / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(samples_dir() / "*.txt"), str(folder / "mixed.jsonl")]


@pytest.fixture(scope="module")
def runs(cluster, inputs, tmp_path_factory):
    """One local run and one Ray run (keeping its Parquet) of the same input."""
    from eventwire.distributed import run_ray

    folder = tmp_path_factory.mktemp("ray-runs")
    local_db, ray_db, parquet = folder / "local.duckdb", folder / "ray.duckdb", folder / "parquet"
    local = run(inputs, str(local_db))
    remote = run_ray(inputs, str(ray_db), output_parquet=str(parquet), workers=2, batch_size=4)
    return local, remote, str(local_db), str(ray_db), parquet


def _tables(db: str) -> dict:
    with Store(db, read_only=True) as store:
        sql = store.connection.execute
        return {
            "events": store.events(),
            "documents": sql("SELECT doc_id, title, published, source, text, language, n_words, "
                             "origin, tone FROM documents ORDER BY doc_id").fetchall(),
            "failures": sorted(sql("SELECT origin, line, doc_id, reason, detail FROM failures")
                               .fetchall(), key=str),
            "duplicates": sql("SELECT doc_id, duplicate_of, similarity, origin FROM duplicates "
                              "ORDER BY doc_id").fetchall(),
            "mentions": sql("SELECT * FROM mentions ORDER BY ALL").fetchall(),
            "quotes": sql("SELECT * FROM quotes ORDER BY ALL").fetchall(),
            "amounts": sql("SELECT * FROM amounts ORDER BY ALL").fetchall(),
            "places": sql("SELECT * FROM places ORDER BY ALL").fetchall(),
            "clusters": sql("SELECT event_id, cluster_id FROM event_clusters ORDER BY ALL").fetchall(),
        }


def test_ray_run_stores_what_the_local_run_stores(runs):
    local, remote, local_db, ray_db, _ = runs
    assert (remote.read, remote.stored, remote.failed, remote.duplicates) == (
        local.read, local.stored, local.failed, local.duplicates) == (14, 11, 2, 1)
    expected, got = _tables(local_db), _tables(ray_db)
    assert len(expected["events"]) > 50
    for table in expected:
        assert got[table] == expected[table], table
    assert sorted(f[3] for f in got["failures"]) == ["bad-json", "bad-record"]


def test_parquet_is_partitioned_by_publication_date(runs):
    parquet = runs[4]
    partitions = {p.name for p in (parquet / "documents").iterdir()}
    assert "published=2024-05-12" in partitions and "published=2024-10-24" in partitions
    assert {p.name for p in (parquet / "failures").iterdir()} == {"published=unknown"}
    assert json.loads((parquet / "_eventwire.json").read_text())["engine"] == "ray"


def test_a_ray_rerun_adds_nothing_twice(runs, inputs):
    from eventwire.distributed import run_ray

    _, _, _, ray_db, _ = runs
    before = _tables(ray_db)
    again = run_ray(inputs, ray_db, workers=1)
    assert (again.stored, again.skipped, again.duplicates) == (0, 12, 0)
    after = _tables(ray_db)
    for table in ("events", "documents", "duplicates", "mentions", "quotes", "clusters"):
        assert after[table] == before[table], table


def test_load_command_loads_the_parquet_once(runs, tmp_path):
    _, _, local_db, _, parquet = runs
    db = str(tmp_path / "loaded.duckdb")
    first = CliRunner().invoke(cli, ["load", str(parquet), "--db", db])
    assert first.exit_code == 0, first.output
    assert _tables(db)["events"] == _tables(local_db)["events"]
    second = CliRunner().invoke(cli, ["load", str(parquet), "--db", db])
    assert second.exit_code == 0 and "stored 0" in second.output
    assert _tables(db)["events"] == _tables(local_db)["events"]


def test_load_rejects_a_folder_without_parquet(tmp_path):
    result = CliRunner().invoke(cli, ["load", str(tmp_path), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2 and "no eventwire Parquet" in result.output


def test_ray_options_need_the_ray_engine(tmp_path):
    result = CliRunner().invoke(cli, ["run", str(tmp_path), "--output-parquet", str(tmp_path / "p")])
    assert result.exit_code == 2 and "--engine ray" in result.output
