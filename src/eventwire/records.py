"""The records that cross stages, defined once.

Every character offset (``start``/``end``) indexes the document text exactly as stored.
Records are plain dataclasses so they pickle cheaply between worker processes and turn into
JSON with :func:`to_dict`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES = ("asserted", "intended", "hypothetical", "reported")


@dataclass
class Article:
    """One document as read from the input, before any language processing."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) when known
    source: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    origin: str | None = None  # "path:line" or "path" it came from
    warnings: list[str] = field(default_factory=list)


@dataclass
class Failure:
    """An input that did not become a stored document, with where and why."""

    origin: str  # file path
    line: int | None
    reason: str  # a stable short code, see errors.py
    detail: str
    doc_id: str | None = None

    def where(self) -> str:
        return f"{self.origin}:{self.line}" if self.line else self.origin


@dataclass
class Span:
    text: str
    start: int
    end: int


@dataclass
class ActorMention:
    """A span resolved to an actor: country (ISO-3 or IGO/NGO/MNC...) and sector."""

    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass
class Location:
    text: str
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None  # GeoNames first-level division: "UA.12"
    feature: str | None = None  # city | country
    source: str | None = None  # sentence | dateline: where the event's place was read


@dataclass
class PlaceMention:
    """A place named in a document, geoparsed with the offline gazetteer."""

    doc_id: str
    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None


@dataclass
class Event:
    event_id: str
    doc_id: str
    sentence_index: int
    sentence: str
    sentence_start: int
    sentence_end: int
    trigger: Span
    event_type: str
    mode: str | None
    cameo: str
    quad_class: int
    score: float
    actor: list[ActorMention]
    recipient: list[ActorMention]
    context: list[str] = field(default_factory=list)
    date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    location: Location | None = None
    negated: bool = False
    modality: str = "asserted"
    confidence: float = 0.5
    coder: str = ""


@dataclass
class EntityMention:
    """A named entity in a document (GKG-style), resolved to an actor where possible."""

    text: str
    start: int
    end: int
    label: str  # spaCy label: PERSON ORG GPE NORP LOC FAC ...
    name: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass
class Quote:
    """Reported speech: the content span, its cue (said, told, according to) and its speaker.

    ``direct`` is true for words inside quotation marks. The speaker is the mention the quote is
    attributed to (possibly a pronoun); ``speaker.name`` is the resolved full name.
    """

    quote_id: str
    doc_id: str
    text: str
    start: int
    end: int
    direct: bool
    cue: Span | None = None
    speaker: ActorMention | None = None
    sentence_index: int | None = None


@dataclass
class Amount:
    """A number with what it counts: money (unit = currency code), percent or people."""

    amount_id: str
    doc_id: str
    text: str
    start: int
    end: int
    value: float
    unit: str  # ISO 4217 currency, "percent", "people" (or another counted noun)
    what: str | None = None  # the noun phrase quantified: "troops", "aid", "protesters"
    kind: str | None = None  # money, percent, KILL, WOUND, ARREST, CROWD, DISPLACED, count
    event_id: str | None = None
    sentence_index: int | None = None


@dataclass
class DocResult:
    """What processing one article produced: the document itself and its extractions."""

    article: Article
    language: str | None
    n_words: int
    events: list[Event] = field(default_factory=list)
    mentions: list[EntityMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    tone: float | None = None
    places: list[PlaceMention] = field(default_factory=list)


def to_dict(record: Any) -> dict[str, Any]:
    """A record as plain JSON-ready data (nested records included)."""
    return dataclasses.asdict(record)
