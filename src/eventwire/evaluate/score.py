"""Scoring the coder against gold items: event types, actors, full events, quad classes, spans."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from ..records import DocResult, Event
from .matching import IGO_FAMILY, Score, score_document
from .readers import GoldEvent, GoldItem

NONE = "NONE"


def split_of(item_id: str) -> str:
    """A fixed 80/20 split by id: 'tune' to develop on, 'check' kept aside to measure."""
    bucket = int(hashlib.sha1(item_id.encode("utf-8")).hexdigest()[:8], 16) % 5
    return "check" if bucket == 0 else "tune"


def select(items: Sequence[GoldItem], split: str) -> list[GoldItem]:
    return list(items) if split == "all" else [i for i in items if split_of(i.id) == split]


def code_items(items: Sequence[GoldItem], batch: int = 128,
               dictionaries: tuple[str, ...] = ()) -> list[DocResult]:
    """Code each gold text with the real pipeline (no store, no language check)."""
    from ..pipeline import process_articles
    from ..records import Article, Failure

    results: list[DocResult] = []
    for start in range(0, len(items), batch):
        chunk = items[start:start + batch]
        articles = [Article(id=i.id, text=i.text, published=i.published) for i in chunk]
        settings: dict = {"check_language": False}
        if dictionaries:
            settings["dictionaries"] = dictionaries
        for item, result in zip(chunk, process_articles(articles, **settings)):
            if isinstance(result, Failure):
                result = DocResult(article=Article(id=item.id, text=item.text), language=None, n_words=0)
            results.append(result)
    return results


def _happened(event: Event) -> bool:
    return not event.negated and event.modality != "hypothetical"


def _countries(group) -> set[str]:
    out = {a.country for a in group if a.country}
    return out | {IGO_FAMILY[c] for c in out if c in IGO_FAMILY}


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "support": tp + fn}


def _top(events: list[Event]) -> Event | None:
    """The most confident event that happened (first among equals)."""
    happened = [e for e in events if _happened(e)]
    return max(happened, key=lambda e: e.confidence) if happened else None


def _actor_scores(system: Event, gold: GoldEvent) -> dict[str, bool | None]:
    out: dict[str, bool | None] = {}
    for role in ("actor", "recipient"):
        gold_c = _countries(getattr(gold, role))
        sys_c = _countries(getattr(system, role))
        out[f"{role}_relaxed"] = bool(gold_c & sys_c) if gold_c else None
        out[f"{role}_strict"] = (gold_c == sys_c) if gold_c else None
        gold_s = {a.sector for a in getattr(gold, role) if a.sector}
        sys_s = {a.sector for a in getattr(system, role) if a.sector}
        out[f"{role}_sector"] = bool(gold_s & sys_s) if gold_s else None
    return out


def score_sentences(items: Sequence[GoldItem], results: Sequence[DocResult]) -> dict[str, Any]:
    """Sentence-level: top-1 type, recall, per-type P/R/F1, confusion, actors, full events."""
    n_gold = top1 = any_type = 0
    no_event = false_pos = n_empty = 0
    labels: list[tuple[str, str]] = []
    role_hits: dict[str, list[bool]] = defaultdict(list)
    full_relaxed = full_strict = 0
    for item, result in zip(items, results):
        events = [e for e in result.events if _happened(e)]
        if not events:
            no_event += 1
        if not item.events:
            n_empty += 1
            false_pos += bool(events)
            top = _top(events)
            labels.append((NONE, top.event_type if top else NONE))
            continue
        gold = item.events[0]
        n_gold += 1
        top = _top(events)
        labels.append((gold.event_type, top.event_type if top else NONE))
        top1 += bool(top and top.event_type == gold.event_type)
        same = [e for e in events if e.event_type == gold.event_type]
        any_type += bool(same)
        if not same:
            continue
        best = max(same, key=lambda e: sum(v or 0 for v in _actor_scores(e, gold).values()))
        scores = _actor_scores(best, gold)
        for key, value in scores.items():
            if value is not None:
                role_hits[key].append(value)
        relaxed = scores["actor_relaxed"] is not False and scores["recipient_relaxed"] is not False
        strict = scores["actor_strict"] is not False and scores["recipient_strict"] is not False
        full_relaxed += relaxed
        full_strict += strict
    kinds = sorted({g for g, _ in labels} | {p for _, p in labels})
    per_type = {}
    for kind in kinds:
        if kind == NONE:
            continue
        tp = sum(1 for g, p in labels if g == kind and p == kind)
        fp = sum(1 for g, p in labels if g != kind and p == kind)
        fn = sum(1 for g, p in labels if g == kind and p != kind)
        per_type[kind] = _prf(tp, fp, fn)
    confusion: dict[str, dict[str, int]] = defaultdict(dict)
    for (g, p), count in Counter(labels).items():
        confusion[g][p] = count
    report: dict[str, Any] = {
        "items": len(items),
        "items_with_gold_event": n_gold,
        "type_top1": round(top1 / n_gold, 4) if n_gold else None,
        "type_recall": round(any_type / n_gold, 4) if n_gold else None,
        "full_event_relaxed": round(full_relaxed / n_gold, 4) if n_gold else None,
        "full_event_strict": round(full_strict / n_gold, 4) if n_gold else None,
        "no_event_share": round(no_event / len(items), 4) if items else None,
        "per_type": per_type,
        "confusion": dict(confusion),
    }
    for key, values in sorted(role_hits.items()):
        report[key] = round(sum(values) / len(values), 4)
        report[key + "_n"] = len(values)
    if n_empty:
        report["items_without_gold_event"] = n_empty
        report["false_positive_rate"] = round(false_pos / n_empty, 4)
    return report


def penta_class(event: Event | None) -> int:
    """ConfliBERT's PentaClass of an event, from its CAMEO root as the annotators defined it:
    0 statements and appeals (01-02), 1 verbal cooperation (03-05), 2 material cooperation
    (06-08), 3 verbal conflict (09-13 and 16), 4 material conflict (14-15, 17-20); 0 when no
    event. (CAMEO 08 yields are material cooperation there; our quad_class follows CODEBOOK.)"""
    if event is None:
        return 0
    root = (event.cameo or "")[:2]
    if not root.isdigit():
        return event.quad_class
    number = int(root)
    if number <= 2:
        return 0
    if number <= 5:
        return 1
    if number <= 8:
        return 2
    if number <= 13 or number == 16:
        return 3
    return 4


def score_quad(items: Sequence[GoldItem], results: Sequence[DocResult]) -> dict[str, Any]:
    """ConfliBERT's PentaClass of the top event (see penta_class): a request made as an appeal
    ('urged', 'called on', CAMEO 02) is class 0, one made as a demand (CAMEO 10) class 3."""
    right = 0
    pairs = []
    for item, result in zip(items, results):
        top = _top(result.events)
        predicted = penta_class(top)
        pairs.append((item.quad, predicted))
        right += predicted == item.quad
    per_class = {}
    for label in range(5):
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        per_class[str(label)] = _prf(tp, fp, fn)
    confusion: dict[str, dict[str, int]] = defaultdict(dict)
    for (g, p), count in Counter(pairs).items():
        confusion[str(g)][str(p)] = count
    return {"items": len(items), "quad_accuracy": round(right / len(items), 4) if items else None,
            "per_class": per_class, "confusion": dict(confusion)}


def score_spans(items: Sequence[GoldItem], results: Sequence[DocResult]) -> dict[str, Any]:
    """ConfliBERT actor spans: source (S) against actors, target (T) against recipients."""
    counts = {key: [0, 0, 0] for key in ("S_exact", "S_overlap", "T_exact", "T_overlap")}
    for item, result in zip(items, results):
        system = {"S": set(), "T": set()}
        for event in result.events:
            for a in event.actor:
                system["S"].add((a.start, a.end))
            for r in event.recipient:
                system["T"].add((r.start, r.end))
        for role in ("S", "T"):
            gold = set(item.spans.get(role, [])) | (set(item.spans.get("R", [])) if role == "S" else set())
            found = system[role]
            exact = len(gold & found)
            counts[f"{role}_exact"][0] += exact
            counts[f"{role}_exact"][1] += len(found) - exact
            counts[f"{role}_exact"][2] += len(gold) - exact
            hit_gold = sum(1 for g in gold if any(s < g[1] and g[0] < e for s, e in found))
            hit_sys = sum(1 for s, e in found if any(s < g[1] and g[0] < e for g in gold))
            counts[f"{role}_overlap"][0] += hit_gold
            counts[f"{role}_overlap"][1] += len(found) - hit_sys
            counts[f"{role}_overlap"][2] += len(gold) - hit_gold
    return {"items": len(items), **{k: _prf(*v) for k, v in counts.items()}}


def score_documents(items: Sequence[GoldItem], results: Sequence[DocResult]) -> dict[str, Any]:
    """Document level (our AG News coding, eventwire JSONL): events matched on type and countries."""
    total = Score()
    by_type: dict[str, Score] = defaultdict(Score)
    for item, result in zip(items, results):
        gold = [{"event_type": g.event_type, "actor": [a.country for a in g.actor],
                 "recipient": [a.country for a in g.recipient], "negated": g.negated,
                 "modality": g.modality, "trigger": g.trigger} for g in item.events]
        score = score_document(result.events, gold)
        total.add(score)
        for kind in {g["event_type"] for g in gold} | {e.event_type for e in result.events}:
            by_type[kind].add(score_document([e for e in result.events if e.event_type == kind],
                                             [g for g in gold if g["event_type"] == kind]))
    empty = [r for i, r in zip(items, results) if not any(not g.negated and g.modality != "hypothetical"
                                                          for g in i.events)]
    return {
        "items": len(items), "gold_events": total.gold, "system_events": total.system,
        "matched": total.matched, "precision": round(total.precision, 4),
        "recall": round(total.recall, 4), "f1": round(total.f1, 4),
        "per_type": {k: {"precision": round(v.precision, 4), "recall": round(v.recall, 4),
                         "f1": round(v.f1, 4), "support": v.gold}
                     for k, v in sorted(by_type.items())},
        "false_positive_docs": round(sum(1 for r in empty if any(_happened(e) for e in r.events))
                                     / len(empty), 4) if empty else None,
    }


def evaluate_items(items: Sequence[GoldItem], fmt: str,
                   coder: Callable[[Sequence[GoldItem]], list[DocResult]] = code_items) -> dict[str, Any]:
    results = coder(items)
    if fmt == "conflibert":
        if items and items[0].quad is not None:
            return {"format": fmt, **score_quad(items, results)}
        return {"format": fmt, **score_spans(items, results)}
    if fmt in ("silver", "eventwire"):
        return {"format": fmt, **score_documents(items, results)}
    report = {"format": fmt, **score_sentences(items, results)}
    if fmt == "plover-gsr":
        from .extras import score_extras

        report.update(score_extras(items, results))
    return report
