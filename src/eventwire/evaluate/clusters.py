"""Scoring event clusters: pairwise precision and recall against a gold clustering.

A fixture directory holds ``articles.jsonl`` (reports of real events, some reworded, some wire
copies, plus look-alike reports of different events) and ``gold.json``::

    {"events": {"<real event>": {"types": ["ASSAULT"], "docs": ["doc-1", "doc-2"]}, ...},
     "duplicates": {"<copy doc>": "<first doc>"}}

A coded event of a listed document stands for that document's real event when its type is one
of ``types``; other coded events are not scored. Over every pair of scored events: precision is
the share of pairs put in one cluster that report the same real event, recall the share of
pairs reporting the same real event that were put in one cluster.
"""

from __future__ import annotations

import json
import tempfile
from itertools import combinations
from pathlib import Path
from typing import Any


class GoldError(ValueError):
    pass


def read_cluster_gold(directory: str | Path) -> tuple[Path, dict[str, Any]]:
    directory = Path(directory)
    articles, gold = directory / "articles.jsonl", directory / "gold.json"
    if not articles.is_file() or not gold.is_file():
        raise GoldError(f"{directory}: expected articles.jsonl and gold.json")
    try:
        data = json.loads(gold.read_text(encoding="utf-8"))
        events = data["events"]
        for name, event in events.items():
            if not isinstance(event.get("docs"), list) or not isinstance(event.get("types"), list):
                raise GoldError(f"{gold}: event {name!r} needs lists 'docs' and 'types'")
    except (json.JSONDecodeError, KeyError, AttributeError) as exc:
        raise GoldError(f"{gold}: not a cluster gold file ({exc})") from exc
    return articles, data


def pairwise(predicted: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """Pairwise precision, recall and F1 of ``predicted`` against ``gold`` (item -> label)."""
    items = sorted(set(predicted) & set(gold))
    same_both = same_predicted = same_gold = 0
    for a, b in combinations(items, 2):
        p, g = predicted[a] == predicted[b], gold[a] == gold[b]
        same_predicted += p
        same_gold += g
        same_both += p and g
    precision = same_both / same_predicted if same_predicted else 1.0
    recall = same_both / same_gold if same_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"pairwise_precision": precision, "pairwise_recall": recall, "pairwise_f1": f1}


def evaluate_clusters(directory: str | Path, db: str | None = None) -> dict[str, Any]:
    """Code the fixture articles into ``db`` (default: a temporary store), cluster, score."""
    from ..runner import run
    from ..store import Store

    articles, data = read_cluster_gold(directory)
    with tempfile.TemporaryDirectory(prefix="eventwire-clusters-") as scratch:
        if db in (None, ":memory:"):
            db = str(Path(scratch) / "clusters.duckdb")
        run([str(articles)], db, check_language=False)
        with Store(db, read_only=True) as store:
            coded = store.connection.execute(
                "SELECT e.event_id, e.doc_id, e.event_type, c.cluster_id FROM events e "
                "JOIN event_clusters c USING (event_id) ORDER BY e.event_id").fetchall()
            duplicates = dict(store.connection.execute(
                "SELECT doc_id, duplicate_of FROM duplicates").fetchall())
    real_of_doc = {doc: (name, set(event["types"]))
                   for name, event in data["events"].items() for doc in event["docs"]}
    gold, predicted = {}, {}
    for event_id, doc_id, event_type, cluster_id in coded:
        if doc_id in real_of_doc and event_type in real_of_doc[doc_id][1]:
            gold[event_id] = real_of_doc[doc_id][0]
            predicted[event_id] = cluster_id
    result = pairwise(predicted, gold)
    expected = data.get("duplicates", {})
    result.update(events=len(gold), gold_events=len(set(gold.values())),
                  clusters=len(set(predicted.values())), duplicates=len(duplicates),
                  duplicates_expected=len(expected),
                  duplicates_found=sum(duplicates.get(k) == v for k, v in expected.items()))
    return result
