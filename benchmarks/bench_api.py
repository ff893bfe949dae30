"""HTTP API latency over a store of one million synthetic events.

    python benchmarks/bench_api.py                       # 1,000,000 events, 4 connections
    python benchmarks/bench_api.py --events 100000 --concurrency 1 --requests 200

Fills a store with synthetic events (generated in SQL inside DuckDB, into the real tables
documents / events / event_actors, so the API reads them as it reads coded ones), starts
`eventwire serve` on 127.0.0.1 in its own process, and drives it with a small asyncio load
generator (keep-alive HTTP/1.1 connections, written here) that records each request's
latency. Prints p50/p95/p99 per scenario and a JSON line each. The target is a p95 under 100 ms
for filtered event queries and dyad series.

Synthetic data: 60 countries with a skewed (Zipf-like) share of events, 16 PLOVER types with
their quad class and score, dates over 2018-2025, 20 events per document; one event in ten is
reciprocal (two actors, no recipient), as meetings are coded.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
COUNTRIES = ("USA RUS UKR CHN TUR ISR PSE IRN GBR FRA DEU IND PAK SYR IRQ AFG SAU EGY JPN KOR "
             "PRK GEO AZE ARM BLR POL HUN ITA ESP NLD BEL SWE NOR FIN CAN MEX BRA ARG VEN COL "
             "NGA ETH SDN SSD SOM KEN ZAF LBY MLI YEM QAT ARE JOR LBN AUS IDN PHL VNM THA MMR").split()
TYPES = [("AGREE", 1, 3.0), ("CONSULT", 1, 1.0), ("SUPPORT", 1, 3.5), ("CONCEDE", 2, 5.0),
         ("COOPERATE", 2, 6.0), ("AID", 2, 7.0), ("RETREAT", 2, 5.0), ("REQUEST", 1, 2.0),
         ("ACCUSE", 3, -2.0), ("REJECT", 3, -4.0), ("THREATEN", 3, -6.0), ("PROTEST", 3, -6.5),
         ("SANCTION", 3, -4.5), ("MOBILIZE", 4, -7.0), ("COERCE", 4, -7.0), ("ASSAULT", 4, -10.0)]


def fill(path: str, n_events: int) -> float:
    """Write ``n_events`` synthetic events into a fresh store at ``path``; returns seconds."""
    sys.path.insert(0, str(ROOT / "src"))
    from eventwire.store import Store

    for suffix in ("", ".wal"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    started = time.perf_counter()
    with Store(path) as store:
        db = store.connection
        db.execute("SET enable_progress_bar = false")
        db.execute("CREATE TEMP TABLE codes AS SELECT unnest(?::VARCHAR[]) AS code, "
                   "generate_subscripts(?::VARCHAR[], 1) - 1 AS k", [COUNTRIES, COUNTRIES])
        db.execute("CREATE TEMP TABLE kinds AS SELECT * FROM (VALUES "
                   + ", ".join("(?, ?, ?, ?)" for _ in TYPES) + ") t(k, kind, quad, score)",
                   [v for i, (kind, quad, score) in enumerate(TYPES) for v in (i, kind, quad, score)])
        n_docs = (n_events + 19) // 20
        db.execute("""
            INSERT INTO documents (doc_id, title, url, published, source, text, language, n_words,
                                   origin, run_id)
            SELECT 'd' || i, 'Synthetic article ' || i, 'https://example.org/a/' || i,
                   DATE '2018-01-01' + (hash(i, 'date') % 2920)::INTEGER, 'synthetic',
                   repeat('Officials met and talked about the situation. ', 20), 'en', 140,
                   'bench', NULL
            FROM range(?) r(i)""", [n_docs])
        db.execute("""
            CREATE TEMP TABLE draws AS
            SELECT i,
                   (hash(i, 'type') % 16)::INTEGER AS kind,
                   least(59, floor(60 * pow((hash(i, 'a') % 1000000) / 1e6, 2.2)))::INTEGER AS ka,
                   least(59, floor(60 * pow((hash(i, 'b') % 1000000) / 1e6, 2.2)))::INTEGER AS kb,
                   hash(i, 'recip') % 10 = 0 AS reciprocal
            FROM range(?) r(i)""", [n_events])
        db.execute("UPDATE draws SET kb = (kb + 1) % 60 WHERE kb = ka")
        db.execute("""
            INSERT INTO events
            SELECT 'e' || d.i, 'd' || (d.i // 20), (d.i % 20)::INTEGER,
                   'Officials met and talked about the situation.', 0, 46, 'met', 10, 13,
                   k.kind, NULL, []::VARCHAR[], '040', k.quad, k.score,
                   DATE '2018-01-01' + (hash(d.i // 20, 'date') % 2920)::INTEGER, 'day', NULL, NULL,
                   false, 'asserted', 0.8, 'synthetic'
            FROM draws d JOIN kinds k ON k.k = d.kind""")
        db.execute("""
            INSERT INTO event_actors
            SELECT 'e' || d.i, 'actor', 0, c.code, 0, 9, c.code, c.code, 'GOV'
            FROM draws d JOIN codes c ON c.k = d.ka
            UNION ALL
            SELECT 'e' || d.i, CASE WHEN d.reciprocal THEN 'actor' ELSE 'recipient' END,
                   CASE WHEN d.reciprocal THEN 1 ELSE 0 END, c.code, 14, 23, c.code, c.code,
                   CASE WHEN hash(d.i, 's') % 3 = 0 THEN 'MIL' ELSE 'GOV' END
            FROM draws d JOIN codes c ON c.k = d.kb""")
        db.execute("CHECKPOINT")
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(path: str, port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "-c", "from eventwire.cli.main import main; main()", "serve", "--db", path, "--port", str(port),
         "--log-level", "warning"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start within 60 s")


def scenarios(rng: random.Random, n: int) -> dict[str, list[str]]:
    """Request paths per scenario; actors drawn mostly from the busiest countries."""

    def country() -> str:
        return COUNTRIES[min(59, int(60 * rng.random() ** 2.2))]

    def pair() -> tuple[str, str]:
        a, b = country(), country()
        return (a, b) if a != b else (a, COUNTRIES[(COUNTRIES.index(b) + 1) % 60])

    def window() -> dict[str, str]:
        year = rng.randint(2018, 2024)
        return {"since": f"{year}-01-01", "until": f"{year + 1}-06-30"}

    events, dyads = [], []
    for _ in range(n):
        a, b = pair()
        query = {"actor": a, "recipient": b, **window(), "limit": 50}
        if rng.random() < 0.5:
            query["type"] = rng.choice(TYPES)[0]
        if rng.random() < 0.2:
            query = {"actor": a, "limit": 50, "offset": rng.randint(0, 2000)}
        events.append("/api/events?" + urlencode(query))
        a, b = pair()
        dyads.append("/api/dyad?" + urlencode({"a": a, "b": b, "by": "month",
                                               "directed": rng.choice(["true", "false"])}))
    return {"events (filtered, 50 per page)": events, "dyad series (by month)": dyads}


async def fetch(reader, writer, path: str) -> tuple[int, int]:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode("ascii"))
    await writer.drain()
    status_line = await reader.readline()
    status = int(status_line.split()[1])
    length = 0
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        if name.lower() == "content-length":
            length = int(value)
    body = await reader.readexactly(length)
    return status, len(body)


async def drive(port: int, paths: list[str], concurrency: int) -> tuple[list[float], float, int]:
    """Send ``paths`` over ``concurrency`` keep-alive connections; latencies in ms."""
    queue: asyncio.Queue[str] = asyncio.Queue()
    for path in paths:
        queue.put_nowait(path)
    latencies: list[float] = []
    errors = 0

    async def worker() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while not queue.empty():
                path = queue.get_nowait()
                started = time.perf_counter()
                status, _ = await fetch(reader, writer, path)
                latencies.append((time.perf_counter() - started) * 1000)
                errors += status != 200
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies, time.perf_counter() - started, errors


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=500, help="per scenario")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--db", default=os.path.join(tempfile.gettempdir(), "eventwire-bench.duckdb"))
    parser.add_argument("--reuse", action="store_true", help="keep an existing --db as it is")
    args = parser.parse_args()

    if args.reuse and os.path.exists(args.db):
        print(f"reusing {args.db}")
    else:
        seconds = fill(args.db, args.events)
        print(f"filled {args.db} with {args.events:,} events in {seconds:.1f}s")
    port = free_port()
    server = start_server(args.db, port)
    try:
        rng = random.Random(6)
        warm = scenarios(rng, 20)
        for paths in warm.values():
            asyncio.run(drive(port, paths, 1))
        print(f"{'scenario':34} {'conc':>4} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
              f"{'req/s':>7} {'errors':>6}")
        for concurrency in args.concurrency:
            for name, paths in scenarios(rng, args.requests).items():
                latencies, seconds, errors = asyncio.run(drive(port, paths, concurrency))
                row = {"scenario": name, "concurrency": concurrency, "requests": len(latencies),
                       "p50_ms": round(percentile(latencies, 50), 1),
                       "p95_ms": round(percentile(latencies, 95), 1),
                       "p99_ms": round(percentile(latencies, 99), 1),
                       "mean_ms": round(statistics.fmean(latencies), 1),
                       "req_per_s": round(len(latencies) / seconds, 1), "errors": errors}
                print(f"{name:34} {concurrency:>4} {row['requests']:>5} {row['p50_ms']:>8} "
                      f"{row['p95_ms']:>8} {row['p99_ms']:>8} {row['req_per_s']:>7} {errors:>6}")
                print(json.dumps(row))
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
