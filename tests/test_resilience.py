"""A killed run leaves a consistent store and a re-run resumes; workers change nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest

pytestmark = pytest.mark.model

SUBJECTS = ["Russia", "Turkey", "The European Union", "Police in Tbilisi", "Kyiv", "Israel", "Iran",
            "The United States", "China", "Germany"]
ACTS = ["attacked {o}", "criticised {o}", "imposed sanctions on {o}", "met officials from {o}",
        "sent humanitarian aid to {o}", "rejected a proposal from {o}", "urged {o} to negotiate",
        "threatened {o}"]
OBJECTS = ["Ukraine", "Syria", "Lebanon", "Armenia", "Poland", "Iraq"]


def corpus(path, n: int) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            subject = SUBJECTS[i % len(SUBJECTS)]
            act = ACTS[(i // 3) % len(ACTS)].format(o=OBJECTS[i % len(OBJECTS)])
            text = (f"{subject} {act} on Tuesday, officials said. Item {i} was filed by a reporter "
                    f"who covered the region for many years and spoke to several witnesses there.")
            handle.write(json.dumps({"id": f"doc-{i:04d}", "text": text, "published": "2024-05-07"}) + "\n")


def run_cli(*args, **kwargs):
    return subprocess.Popen([sys.executable, "-m", "eventwire.cli.main", *map(str, args)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)


def snapshot(db) -> dict[str, set[str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        docs = {r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall()}
        events: dict[str, set[str]] = {d: set() for d in docs}
        for doc_id, event_id in con.execute("SELECT doc_id, event_id FROM events").fetchall():
            events.setdefault(doc_id, set()).add(event_id)
        dup = con.execute("SELECT count(*) - count(DISTINCT doc_id) FROM documents").fetchone()[0]
        orphans = con.execute("SELECT count(*) FROM event_actors a ANTI JOIN events e USING (event_id)").fetchone()[0]
    finally:
        con.close()
    assert dup == 0 and orphans == 0
    return events


def test_kill_mid_run_then_resume(tmp_path):
    source = tmp_path / "in.jsonl"
    n = 600
    corpus(source, n)
    clean_db = tmp_path / "clean.duckdb"
    assert run_cli("run", source, "--db", clean_db, "-q", "--batch-size", "8").wait(timeout=300) == 0
    clean = snapshot(clean_db)
    assert len(clean) == n

    partial = None
    for delay in (6.0, 4.0, 9.0, 3.0, 12.0):
        db = tmp_path / f"killed-{delay}.duckdb"
        process = run_cli("run", source, "--db", db, "-q", "--batch-size", "8")
        time.sleep(delay)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        if not db.exists():
            continue
        stored = snapshot(db)  # opens cleanly after the kill
        if 0 < len(stored) < n:
            partial = db
            break
    if partial is None:
        pytest.fail("could not kill the run part-way (every attempt stored none or all documents)")
    # whole documents only: each stored document has exactly the events of the clean run
    for doc_id, event_ids in stored.items():
        assert event_ids == clean[doc_id], doc_id
    assert run_cli("run", source, "--db", partial, "-q", "--batch-size", "8").wait(timeout=300) == 0
    assert snapshot(partial) == clean


def test_two_workers_give_the_same_store_as_one(tmp_path):
    source = tmp_path / "in.jsonl"
    corpus(source, 80)
    exports = []
    for workers in (1, 2):
        db, out = tmp_path / f"w{workers}.duckdb", tmp_path / f"w{workers}.jsonl"
        assert run_cli("run", source, "--db", db, "-q", "--workers", workers,
                       "--batch-size", "8").wait(timeout=300) == 0
        assert run_cli("export", "--db", db, "--format", "jsonl", "--output", out).wait(timeout=60) == 0
        exports.append(sorted(out.read_text(encoding="utf-8").splitlines()))
    assert exports[0] and exports[0] == exports[1]
