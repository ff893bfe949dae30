"""Scaling: eventwire with 1 and 2 workers locally and on Ray, against the spaCy parse alone.

    python benchmarks/bench_scale.py                        # BBC full text + AG News World
    python benchmarks/bench_scale.py --corpus agnews --limit 400 --workers 1 2

Every row runs in a fresh process (see bench_throughput.py, whose corpus readers and local
phases this reuses). Ray rows start a local Ray cluster with as many CPUs as workers, write the
corpus as JSONL, and time `run_ray` from submitting the job to the last row loaded into DuckDB:
actor start-up (each loads the model), coding, Parquet, and the single-writer load. Peak memory
for Ray is that of the largest coding actor (per worker); for local rows, the process and its
children. Reads ../shared/data/corpora; prints a table and a JSON line per row.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_throughput import (CORPORA, load_corpus, measure, peak_mb,  # noqa: E402
                              phase_eventwire, phase_parse)

PHASES = ("parse", "local", "ray")


def phase_ray(docs: list[dict], workers: int) -> dict:
    import ray

    from eventwire.distributed import run_ray

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp, "corpus.jsonl")
        with corpus.open("w", encoding="utf-8") as handle:
            for doc in docs:
                handle.write(json.dumps({"id": doc["id"], "text": doc["text"]}) + "\n")
        ray.init(num_cpus=workers, include_dashboard=False, logging_level="ERROR")
        started = time.perf_counter()
        report = run_ray([str(corpus)], os.path.join(tmp, "bench.duckdb"), workers=workers)
        seconds = time.perf_counter() - started
        ray.shutdown()
    return {"seconds": seconds, "stored": report.stored, "failed": report.failed,
            "events": report.events, "load_seconds": round(report.load_seconds, 2),
            "worker_peak_mb": round(report.worker_peak_mb)}


def child(args) -> None:
    docs = load_corpus(args.corpus, args.limit)
    run = {"parse": phase_parse, "local": phase_eventwire, "ray": phase_ray}[args.phase]
    result = run(docs, args.workers)
    result["peak_mb"] = result.pop("worker_peak_mb", None) or peak_mb()
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", nargs="+", default=["bbc", "agnews"], choices=["bbc", "agnews"])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--workers", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--phases", nargs="+", default=list(PHASES), choices=PHASES)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--phase", choices=PHASES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        args.corpus, args.workers = args.corpus[0], args.workers[0]
        child(args)
        return
    if not CORPORA.is_dir():
        raise SystemExit(f"{CORPORA} not found: the benchmark corpora live in ../shared/data")
    print(f"{'corpus':8} {'run':12} {'docs':>6} {'words':>9} {'sec':>8} {'art/s':>8} "
          f"{'words/s':>9} {'peak MB':>8} {'vs parse':>9} {'vs w=1':>7}")
    for corpus in args.corpus:
        docs = load_corpus(corpus, args.limit)
        words = sum(len(d["text"].split()) for d in docs)
        rates: dict[tuple[str, int], float] = {}
        for phase in args.phases:
            for workers in args.workers:
                result = measure(corpus, args.limit, phase, workers, __file__)
                rate = rates[phase, workers] = len(docs) / result["seconds"]
                parse = rates.get(("parse", workers))
                ratio = rate / parse if parse else float("nan")
                speedup = rate / rates[phase, args.workers[0]]
                print(f"{corpus:8} {phase + ' w=' + str(workers):12} {len(docs):6d} {words:9d} "
                      f"{result['seconds']:8.1f} {rate:8.1f} {words / result['seconds']:9.0f} "
                      f"{result['peak_mb']:8.0f} {ratio:9.2f} {speedup:7.2f}", flush=True)
                print("  " + json.dumps({
                    "corpus": corpus, "phase": phase, "workers": workers, "docs": len(docs),
                    "words": words, **result, "articles_per_s": round(rate, 2),
                    "words_per_s": round(words / result["seconds"]),
                    "articles_per_s_per_worker": round(rate / workers, 2),
                    "ratio_to_parse_same_workers": round(ratio, 3),
                    "speedup_vs_first_workers": round(speedup, 2)}), flush=True)


if __name__ == "__main__":
    main()
