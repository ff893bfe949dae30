"""Throughput of `eventwire run` against the bare spaCy parse, on the same texts, same run.

    python benchmarks/bench_throughput.py                 # BBC full text + AG News World
    python benchmarks/bench_throughput.py --corpus bbc --limit 500 --workers 1 2

Each measurement runs in a fresh process, so its peak memory (max RSS of the process and its
children) is its own. Model loading is outside the timed part for both sides; for
``--workers N`` > 1 the time includes starting the worker processes (each loads the model), which
is what a user waits for. Both sides parse in batches of the same size (eventwire's default).
Reads ../shared/data/corpora; prints a table and a JSON line per row.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "data" / "corpora"


def load_corpus(name: str, limit: int | None) -> list[dict]:
    if name == "bbc":
        files = sorted((CORPORA / "bbc-fulltext" / "bbc").glob("*/*.txt"))
        docs = [{"id": f"bbc-{f.parent.name}-{f.stem}",
                 "text": f.read_bytes().decode("utf-8", errors="replace")} for f in files]
    elif name == "agnews":
        with open(CORPORA / "ag-news-test" / "world.jsonl", encoding="utf-8") as handle:
            docs = [{"id": r["id"], "text": r["text"]} for r in map(json.loads, handle)]
    else:
        raise SystemExit(f"unknown corpus {name}")
    return docs[:limit] if limit else docs


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024  # Linux reports KiB


def phase_parse(docs: list[dict], workers: int) -> dict:
    from eventwire.nlp import load_parse_only
    from eventwire.pipeline import PARSE_BATCH

    nlp = load_parse_only()
    texts = [d["text"] for d in docs]
    started = time.perf_counter()
    # the same batch size eventwire parses with (eventwire.pipeline.PARSE_BATCH)
    for _ in nlp.pipe(texts, batch_size=PARSE_BATCH, n_process=workers):
        pass
    return {"seconds": time.perf_counter() - started}


def phase_eventwire(docs: list[dict], workers: int) -> dict:
    from eventwire.pipeline import init_worker
    from eventwire.records import Article
    from eventwire.runner import run

    if workers == 1:
        init_worker(model=None, max_chars=2_000_000, check_language=True)  # load outside the timer
    articles = [Article(id=d["id"], text=d["text"]) for d in docs]
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        report = run(articles, os.path.join(tmp, "bench.duckdb"), workers=workers)
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "stored": report.stored, "failed": report.failed,
            "events": report.events}


def child(args) -> None:
    docs = load_corpus(args.corpus, args.limit)
    result = (phase_parse if args.phase == "parse" else phase_eventwire)(docs, args.workers)
    result["peak_mb"] = peak_mb()
    print(json.dumps(result))


def measure(corpus: str, limit: int | None, phase: str, workers: int,
            script: str = __file__) -> dict:
    """Run one phase of ``script`` in a fresh process and return the JSON line it prints."""
    cmd = [sys.executable, script, "--child", "--corpus", corpus, "--phase", phase,
           "--workers", str(workers)] + (["--limit", str(limit)] if limit else [])
    output = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", nargs="+", default=["bbc", "agnews"], choices=["bbc", "agnews"])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--workers", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--phase", choices=["parse", "eventwire"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        args.corpus = args.corpus[0]
        args.workers = args.workers[0]
        child(args)
        return
    if not CORPORA.is_dir():
        raise SystemExit(f"{CORPORA} not found: the benchmark corpora live in ../shared/data")
    print(f"{'corpus':8} {'run':18} {'docs':>6} {'words':>9} {'sec':>8} {'art/s':>8} "
          f"{'words/s':>9} {'peak MB':>8} {'vs parse':>9}")
    for corpus in args.corpus:
        docs = load_corpus(corpus, args.limit)
        words = sum(len(d["text"].split()) for d in docs)
        base = None
        rows = []
        for workers in args.workers:
            for phase in ("parse", "eventwire"):
                result = measure(corpus, args.limit, phase, workers)
                rate = len(docs) / result["seconds"]
                if phase == "parse" and workers == 1:
                    base = rate
                rows.append((phase, workers, result, rate))
        one = {phase: rate for phase, workers, _, rate in rows if workers == 1}
        for phase, workers, result, rate in rows:
            label = f"{phase} w={workers}"
            ratio = rate / base if base else float("nan")
            print(f"{corpus:8} {label:18} {len(docs):6d} {words:9d} {result['seconds']:8.1f} "
                  f"{rate:8.1f} {words / result['seconds']:9.0f} {result['peak_mb']:8.0f} {ratio:9.2f}")
            print("  " + json.dumps({"corpus": corpus, "phase": phase, "workers": workers,
                                     "docs": len(docs), "words": words, **result,
                                     "articles_per_s": round(rate, 2),
                                     "words_per_s": round(words / result["seconds"]),
                                     "speedup_vs_1_worker": round(rate / one[phase], 2),
                                     "ratio_to_parse_1_worker": round(ratio, 3)}))
        same = {w: rate for phase, w, _, rate in rows if phase == "eventwire"}
        parse_same = {w: rate for phase, w, _, rate in rows if phase == "parse"}
        for w in same:
            print(f"  eventwire/parse at workers={w}: {same[w] / parse_same[w]:.2f}")


if __name__ == "__main__":
    main()
