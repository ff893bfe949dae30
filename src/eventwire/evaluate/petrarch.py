"""PETRARCH2's unit-test records as a regression suite for the coding logic.

Each record is a sentence with its expected codings (source, target, CAMEO code) under small
dictionaries of fictional actors (Arnor, Gondor ...), or ``noevents``. The records test
compounds, passives, agents, dates and verb patterns. We code them with those dictionaries
loaded through ``--actors`` (found beside the records file when not given) and report:

* ``exact``: the share of records whose set of (source, target, CAMEO root) triples is exactly
  the gold set (records with ``noevents`` count when nothing is coded);
* ``events_found``: gold codings matched on source, target and CAMEO root;
* ``dyad_found``: gold codings matched on source and target whatever the event;
* ``code_exact``: gold codings matched with the full CAMEO code as well.

A source or target matches when the country part is equal and, where the gold code names a
sector (``DAGGOV``), the sector too. Records marked as PETRARCH error cases (discards, bad
parses) are left out.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..records import DocResult, Event

DICTIONARY_NAMES = ("PETR.Validate.actors.txt", "PETR.Validate.agents.txt")


@dataclass
class Coding:
    source: str
    target: str
    code: str


@dataclass
class PetrarchRecord:
    id: str
    category: str
    text: str
    published: str | None
    codings: list[Coding]


def read_petrarch(path: str | Path) -> list[PetrarchRecord]:
    path = Path(path)
    root = ET.fromstring(path.read_text(encoding="utf-8"))
    records = []
    for sentence in root.iter("Sentence"):
        codings, skip = [], False
        for coding in sentence.findall("EventCoding"):
            if coding.get("error"):
                skip = True
            elif coding.get("sourcecode") is not None:
                codings.append(Coding(coding.get("sourcecode", ""), coding.get("targetcode", ""),
                                      coding.get("eventcode", "")))
        text = " ".join((sentence.findtext("Text") or "").split())
        if skip or not text:
            continue
        raw = sentence.get("date") or ""
        published = f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}" if len(raw) == 8 and raw.isdigit() else None
        records.append(PetrarchRecord(sentence.get("id", ""), sentence.get("category", ""), text,
                                      published, codings))
    return records


def dictionaries_beside(path: str | Path) -> tuple[str, ...]:
    folder = Path(path).parent
    return tuple(str(folder / name) for name in DICTIONARY_NAMES if (folder / name).is_file())


def _matches(gold: str, actor) -> bool:
    if not gold or gold == "---":
        return actor is None
    if actor is None or not actor.country:
        return False
    gold = gold.upper()
    if actor.country != gold[:3]:
        return False
    return len(gold) <= 3 or (actor.sector or "") == gold[3:6]


def _triples(event: Event) -> list[tuple]:
    actors = event.actor or [None]
    recipients = event.recipient or [None]
    if event.recipient == [] and len(event.actor) > 1:  # reciprocal: every ordered pair
        return [(a, b) for a in event.actor for b in event.actor if a is not b]
    return [(a, r) for a in actors for r in recipients]


def _found(coding: Coding, events: Sequence[Event], level: str) -> bool:
    for event in events:
        if level == "root" and (event.cameo or "")[:2] != coding.code[:2]:
            continue
        if level == "code" and (event.cameo or "") != coding.code:
            continue
        for source, target in _triples(event):
            if _matches(coding.source, source) and _matches(coding.target, target):
                return True
    return False


def score_petrarch(records: Sequence[PetrarchRecord], results: Sequence[DocResult]) -> dict[str, Any]:
    exact = 0
    totals = Counter()
    by_category: dict[str, Counter] = {}
    for record, result in zip(records, results):
        events = [e for e in result.events if not e.negated]
        found_all = True
        for coding in record.codings:
            totals["gold"] += 1
            for level in ("dyad", "root", "code"):
                hit = _found(coding, events, level)
                totals[level] += hit
                if level == "root" and not hit:
                    found_all = False
        coded = sum(len(_triples(e)) for e in events)
        ok = found_all and coded <= max(len(record.codings), 0) if record.codings else not events
        exact += ok
        category = by_category.setdefault(record.category, Counter())
        category["records"] += 1
        category["exact"] += ok
    gold = totals["gold"] or 1
    return {
        "items": len(records),
        "exact": round(exact / len(records), 4) if records else 0.0,
        "events_found": round(totals["root"] / gold, 4),
        "dyad_found": round(totals["dyad"] / gold, 4),
        "code_exact": round(totals["code"] / gold, 4),
        "gold_codings": totals["gold"],
        "per_category": {name: {"records": c["records"],
                                "exact": round(c["exact"] / c["records"], 4)}
                         for name, c in sorted(by_category.items())},
    }
