"""Cost of amounts, dates, places and tone next to the parse, measured in one process.

    python benchmarks/bench_extras.py --corpus bbc --limit 300

The texts are parsed once (timed), then each extraction stage runs over the parsed documents
(timed separately, after one warm-up document so one-off loading is not counted). Ratios to the
parse time taken minutes apart in the same process are steadier on a shared machine than two
separate runs of the whole pipeline. Articles get a fixed publication date so dates are resolved.
Reads ../shared/data/corpora.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_throughput import load_corpus  # noqa: E402

STAGES = ("actors", "events", "dates", "places", "amounts", "tone")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="bbc", choices=["bbc", "agnews"])
    parser.add_argument("--limit", type=int, default=300)
    args = parser.parse_args()

    from eventwire.extract.actors import DocActors
    from eventwire.extract.amounts import find_amounts
    from eventwire.extract.dates import set_event_dates
    from eventwire.extract.events import find_events
    from eventwire.extract.places import DocPlaces, set_event_locations
    from eventwire.extract.tone import document_tone
    from eventwire.pipeline import PARSE_BATCH, DocumentProcessor

    texts = [d["text"] for d in load_corpus(args.corpus, args.limit)]
    processor = DocumentProcessor(check_language=False)
    extractor = processor.extractor
    published = date(2024, 10, 23)
    started = time.perf_counter()
    docs = list(processor.nlp.pipe(texts, batch_size=PARSE_BATCH))
    parse = time.perf_counter() - started

    def run(doc, text, spent=None):
        marks = [time.perf_counter()]
        actors = DocActors(doc, extractor.gazetteer, published)
        marks.append(time.perf_counter())
        events = find_events(doc, actors, extractor.tables, "bench", published)
        marks.append(time.perf_counter())
        set_event_dates(doc, events, published, 0, actors.ents)
        marks.append(time.perf_counter())
        set_event_locations(DocPlaces(doc, actors, extractor.places), events)
        marks.append(time.perf_counter())
        find_amounts(doc, "bench", events, text=actors.text, ents=actors.ents)
        marks.append(time.perf_counter())
        document_tone(text)
        marks.append(time.perf_counter())
        if spent is not None:
            for stage, (a, b) in zip(STAGES, zip(marks, marks[1:])):
                spent[stage] += b - a

    for doc, text in zip(docs, texts):  # warm-up: dateparser and the lexicons load once
        run(doc, text)
    spent = dict.fromkeys(STAGES, 0.0)
    for doc, text in zip(docs, texts):
        run(doc, text, spent)
    extras = sum(spent[s] for s in ("dates", "places", "amounts", "tone"))
    print(f"{args.corpus}: {len(texts)} docs, parse {parse:.2f} s")
    for stage in STAGES:
        print(f"  {stage:8} {spent[stage]:6.3f} s  {100 * spent[stage] / parse:5.1f}% of the parse")
    print(f"  amounts+dates+places+tone: {100 * extras / parse:.1f}% of the parse")


if __name__ == "__main__":
    main()
