"""Matching coded events to hand-coded ones, document by document.

A coded event answers a gold event when the type is the same, the actor countries overlap and,
when the gold event has a recipient, the recipient countries overlap too; each event answers at
most one other. A joint actor (gold parties from two or more countries, "US and Iraqi troops")
is answered only by an event that names at least two of those parties. Negated and hypothetical events are left out on both sides (they did not happen).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

UNKNOWN = {None, "", "---"}
# The PLOVER gold records code the UN and EU as IGO; eventwire (and our AG News coding) use
# UNO and EUR, as CODEBOOK.md allows: a gold IGO is answered by any of them.
IGO_FAMILY = {"UNO": "IGO", "EUR": "IGO"}


@dataclass(frozen=True)
class Coded:
    """The part of an event that scoring looks at."""

    event_type: str
    actor: frozenset[str]
    recipient: frozenset[str]
    trigger: str = ""
    # the actor's parties, one set of codes each (a joint actor has two or more)
    parties: tuple[frozenset[str], ...] = ()

    @classmethod
    def from_record(cls, record: Any) -> Coded:
        get = record.get if isinstance(record, dict) else lambda k, d=None: getattr(record, k, d)
        kind = get("event_type") or get("type")
        trigger = get("trigger") or ""
        if isinstance(trigger, dict):
            trigger = trigger.get("text", "")
        elif hasattr(trigger, "text"):
            trigger = trigger.text
        actor = get("actor") or []
        parties = tuple(dict.fromkeys(p for p in (_countries([a]) for a in actor) if p))
        return cls(kind, _countries(actor), _countries(get("recipient") or []), trigger, parties)


def _countries(group: Iterable[Any]) -> frozenset[str]:
    out = set()
    for item in group:
        if isinstance(item, str):
            code = item
        elif isinstance(item, dict):
            code = item.get("country")
        else:
            code = getattr(item, "country", None)
        if code not in UNKNOWN:
            out.add(code)
            if code in IGO_FAMILY:
                out.add(IGO_FAMILY[code])
    return frozenset(out)


def happened(record: Any) -> bool:
    get = record.get if isinstance(record, dict) else lambda k, d=None: getattr(record, k, d)
    return not get("negated", False) and get("modality", "asserted") != "hypothetical"


def answers(system: Coded, gold: Coded) -> bool:
    if system.event_type != gold.event_type:
        return False
    if gold.actor and not (system.actor & gold.actor):
        return False
    if len(gold.parties) > 1 and sum(bool(p & system.actor) for p in gold.parties) < 2:
        return False
    if gold.recipient and not (system.recipient & gold.recipient):
        return False
    return True


@dataclass
class Score:
    matched: int = 0
    system: int = 0
    gold: int = 0
    missed: list[Coded] = field(default_factory=list)
    extra: list[Coded] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.system if self.system else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.matched += other.matched
        self.system += other.system
        self.gold += other.gold
        self.missed += other.missed
        self.extra += other.extra


def score_document(system_events: Iterable[Any], gold_events: Iterable[Any]) -> Score:
    system = [Coded.from_record(e) for e in system_events if happened(e)]
    gold = [Coded.from_record(e) for e in gold_events if happened(e)]
    used: set[int] = set()
    score = Score(system=len(system), gold=len(gold))
    for g in gold:
        # prefer a system event with the same trigger word, then any that answers
        candidates = [i for i, s in enumerate(system) if i not in used and answers(s, g)]
        if not candidates:
            score.missed.append(g)
            continue
        best = next((i for i in candidates if system[i].trigger and system[i].trigger.split()[0]
                     in g.trigger), candidates[0])
        used.add(best)
        score.matched += 1
    score.extra = [s for i, s in enumerate(system) if i not in used]
    return score
