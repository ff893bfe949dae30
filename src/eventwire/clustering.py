"""One real-world event from many articles: events clustered across documents.

Two events can be one when they have the same type and negation, modes that do not differ
("expelled advisers" and "suspended a treaty" are two sanctions), the same actor and recipient
countries (a side that one report leaves without a country does not disagree), days at most
``WINDOW_DAYS`` apart (an event's own date when known to the day, else its report's) and
places below country level that do not differ. Among the clusters that pass those tests, the
similarity of the sentences decides: the event joins the most similar cluster when the bag-of-words cosine of what the sentences say beyond
trigger and actors (places, weapons, numbers, objects) reaches ``MIN_SIMILARITY``; else it
starts a new cluster. That keeps two different attacks by the same country on the same day
apart when one report names a power plant and the other a market.

Clustering is incremental: only events not yet in a cluster are assigned, to existing clusters
(read for the days concerned) or to new ones, whose id is the id of their first event. New
events are taken oldest first, so the first report of an event names its cluster.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

WINDOW_DAYS = 2  # reports of one event are dated within this many days of its first report
MIN_SIMILARITY = 0.2  # cosine of content words for an event to join a cluster
MIN_SIMILARITY_NO_ACTORS = 0.5  # when neither side has a country, the words must carry it
STEM = 5  # words compared by their first five letters: "missiles" ~ "missile", "killing" ~ "killed"

_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
STOP = frozenset("""
a an the and or but of to in on at by for from with without into onto over under about after
before during since until as than that this these those it its is are was were be been being has
have had having do does did will would shall should can could may might must not no nor so such
he she they them their his her him we our you your i me my who whom whose which what when where
while said says say saying told tells according also just more most other some any all both each
few many much very than then there here out up down off again further once only own same too
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week day
""".split())


@dataclass
class Cluster:
    cluster_id: str
    key: tuple  # (event type, negated)
    actors: frozenset[str]
    recipients: frozenset[str]
    day: date | None
    places: set[str] = field(default_factory=set)
    words: Counter = field(default_factory=Counter)
    modes: set[str] = field(default_factory=set)  # "expel" and "suspend" are different acts

    def accepts(self, event: dict[str, Any], day: date | None, place: str | None,
                window: int) -> bool:
        if key_of(event) != self.key:
            return False
        actors, recipients = countries(event)
        if not (_compatible(actors, self.actors) and _compatible(recipients, self.recipients)):
            return False
        if day is not None and self.day is not None and abs((day - self.day).days) > window:
            return False
        mode = event.get("mode")
        if mode and self.modes and mode not in self.modes:
            return False
        return place is None or not self.places or place in self.places

    def add(self, event: dict[str, Any], place: str | None, words: Counter) -> None:
        # the countries stay those of the first report: adopting a later report's would let one
        # mis-coded member shut out the rest
        if place:
            self.places.add(place)
        if event.get("mode"):
            self.modes.add(event["mode"])
        self.words.update(words)


def _compatible(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Equal country sets agree; a side one report leaves unnamed does not disagree."""
    return mine == theirs or not mine or not theirs


@dataclass
class ClusterReport:
    assigned: int = 0
    new_clusters: int = 0
    joined: int = 0  # events that joined an existing or earlier cluster


def content_words(event: dict[str, Any]) -> Counter:
    """What the sentence says beyond its trigger and actors, as stemmed word counts."""
    skip = set()
    for text in [event.get("trigger_text") or "", *(event.get("actor_texts") or [])]:
        skip.update(w.lower()[:STEM] for w in _WORD.findall(text or ""))
    words = Counter()
    for word in _WORD.findall((event.get("sentence") or "").lower()):
        if word in STOP or len(word) < 2:
            continue
        stem = word[:STEM]
        if stem not in skip:
            words[stem] += 1
    return words


def cosine(a: Counter, b: Counter) -> float:
    if not a or not b:
        return 0.0
    dot = sum(count * b[word] for word, count in a.items() if word in b)
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


def key_of(event: dict[str, Any]) -> tuple:
    return (event["event_type"], bool(event.get("negated")))


def countries(event: dict[str, Any]) -> tuple[frozenset[str], frozenset[str]]:
    return (frozenset(c for c in event.get("actor_countries") or [] if c),
            frozenset(c for c in event.get("recipient_countries") or [] if c))


def place_of(event: dict[str, Any]) -> str | None:
    location = event.get("location")
    if isinstance(location, str):
        location = json.loads(location)
    # a country as the place says no more than the actors' countries, and the coder names one
    # from any mention in the sentence ("sanctions after the attack on Israel"): only towns,
    # regions and sites tell two events apart
    if not location or location.get("feature") == "country":
        return None
    name = location.get("name") or location.get("text")
    return name.lower() if name else None


def decide(event: dict[str, Any], clusters: list[Cluster], window: int = WINDOW_DAYS,
           ) -> tuple[Cluster | None, float]:
    """The cluster ``event`` joins (or None for a new one) and the similarity that decided."""
    day, place = event.get("day"), place_of(event)
    words = content_words(event)
    threshold = MIN_SIMILARITY if any(countries(event)) else MIN_SIMILARITY_NO_ACTORS
    best, best_similarity = None, 0.0
    for cluster in clusters:
        if not cluster.accepts(event, day, place, window):
            continue
        similarity = cosine(words, cluster.words)
        if similarity > best_similarity:
            best, best_similarity = cluster, similarity
    if best is None or best_similarity < threshold:
        return None, best_similarity
    return best, best_similarity


class _Index:
    """Clusters by (type, negated) and actor countries: an event is compared only with clusters
    whose actors could agree with its own (the same countries, or none named on one side)."""

    def __init__(self) -> None:
        self.by_key: dict[tuple, dict[frozenset, list[Cluster]]] = {}

    def add(self, cluster: Cluster) -> None:
        self.by_key.setdefault(cluster.key, {}).setdefault(cluster.actors, []).append(cluster)

    def candidates(self, key: tuple, actors: frozenset[str]) -> list[Cluster]:
        groups = self.by_key.get(key, {})
        if not actors:
            return [c for group in groups.values() for c in group]
        return groups.get(actors, []) + groups.get(frozenset(), [])


def cluster_events(store, window: int = WINDOW_DAYS) -> ClusterReport:
    """Assign every event not yet in a cluster to an existing cluster or a new one."""
    from .store import clusters as sql

    report = ClusterReport()
    new = sql.unclustered(store)
    if not new:
        return report
    days = [e["day"] for e in new if e["day"] is not None]
    first, last = sql.widen(min(days) if days else None, max(days) if days else None, window)
    types = sorted({e["event_type"] for e in new})
    by_id: dict[str, Cluster] = {}
    members = sql.clustered_between(store, first, last, types)
    for member in members:
        cluster = by_id.get(member["cluster_id"])
        if cluster is None:
            cluster = by_id[member["cluster_id"]] = Cluster(
                member["cluster_id"], key_of(member), *countries(member), member["day"])
        cluster.add(member, place_of(member), content_words(member))
    index = _Index()
    for cluster in by_id.values():
        index.add(cluster)
    rows: list[tuple[str, str, float]] = []
    for event in new:
        key = key_of(event)
        chosen, similarity = decide(event, index.candidates(key, countries(event)[0]), window)
        if chosen is None:
            chosen = Cluster(event["event_id"], key, *countries(event), event["day"])
            index.add(chosen)
            report.new_clusters += 1
            similarity = 1.0
        else:
            report.joined += 1
        chosen.add(event, place_of(event), content_words(event))
        rows.append((event["event_id"], chosen.cluster_id, round(similarity, 4)))
    sql.assign(store, rows)
    report.assigned = len(rows)
    return report
