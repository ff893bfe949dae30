"""Scoring amounts and places against the PLOVER gold records' dead, injured, size and eventLoc.

A gold count is found when an amount of the right kind in the sentence has the same value
(dead -> KILL, injured -> WOUND, size -> any count of people: a crowd, the arrested, the
deported). Word sizes ("Thousands", "Tens of thousands", "scores") are valued the way the
extractor values them (at their lower bound). A gold place is found when the location of the
sentence's main event of the gold type (else its main event) names it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..records import DocResult, Event
from .readers import GoldItem

GOLD_KINDS = {"dead": {"KILL"}, "injured": {"WOUND"},
              "size": {"CROWD", "ARREST", "DISPLACED", "count", "KILL", "WOUND"}}


def gold_value(value: Any) -> float | None:
    from ..extract.amounts import parse_count

    if isinstance(value, (int, float)):
        return float(value)
    return parse_count(str(value).replace(",", " ").split()) if str(value).strip() else None


def _located_event(events: list[Event], event_type: str) -> Event | None:
    happened = [e for e in events if not e.negated and e.modality != "hypothetical"] or events
    same = [e for e in happened if e.event_type == event_type]
    pool = same or happened
    return max(pool, key=lambda e: e.confidence) if pool else None


def place_matches(gold: str, location, gazetteer=None) -> bool:
    """Whether a location names the gold place ("province of Herat" is Herat; "Bosnia" is
    Bosnia and Herzegovina; a gold spelling the gazetteer knows is the same place)."""
    from ..extract.places import fold

    if location is None:
        return False
    want = fold(gold)
    names = {fold(n) for n in (location.name, location.text) if n}
    if any(want == n or (n and (f" {n} " in f" {want} " or f" {want} " in f" {n} ")) for n in names):
        return True
    if gazetteer is not None:
        place = gazetteer.lookup(gold, {location.country} if location.country else set())
        return place is not None and place.name == location.name and place.country == location.country
    return False


def score_extras(items: Sequence[GoldItem], results: Sequence[DocResult]) -> dict[str, Any]:
    from ..extract import load_tables
    from ..extract.places import place_gazetteer

    gazetteer = place_gazetteer(load_tables())
    hits: dict[str, list[bool]] = {"dead": [], "injured": [], "size": [], "place": []}
    for item, result in zip(items, results):
        for key, kinds in GOLD_KINDS.items():
            if key not in item.extras:
                continue
            want = gold_value(item.extras[key])
            if want is None:
                continue
            found = any(a.unit == "people" and a.kind in kinds and a.value == want
                        for a in result.amounts)
            hits[key].append(found)
        where = item.extras.get("eventLoc")
        if isinstance(where, dict) and where.get("name"):
            event = _located_event(result.events, item.events[0].event_type if item.events else "")
            hits["place"].append(place_matches(where["name"], event.location if event else None,
                                               gazetteer))
    report: dict[str, Any] = {}
    amounts = hits["dead"] + hits["injured"] + hits["size"]
    if amounts:
        report["amount_accuracy"] = round(sum(amounts) / len(amounts), 4)
        report["amount_accuracy_n"] = len(amounts)
    for key in ("dead", "injured", "size"):
        if hits[key]:
            report[f"amount_{key}_accuracy"] = round(sum(hits[key]) / len(hits[key]), 4)
            report[f"amount_{key}_n"] = len(hits[key])
    if hits["place"]:
        report["place_accuracy"] = round(sum(hits["place"]) / len(hits["place"]), 4)
        report["place_n"] = len(hits["place"])
    return report
