"""Extract: actors, events and entity mentions from parsed documents."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from ..records import Amount, EntityMention, Event, PlaceMention, Quote
from .actors import DocActors, Gazetteer
from .amounts import find_amounts
from .dates import set_event_dates
from .events import CODER, find_events
from .quotes import find_quotes
from .places import DocPlaces, place_gazetteer, set_event_locations
from .tables import Tables, load_tables

MENTION_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}

__all__ = ["CODER", "Extraction", "Extractor", "find_events", "load_tables"]


@dataclass
class Extraction:
    """What one parsed text (a document or a piece of a long one) yields."""

    events: list[Event] = field(default_factory=list)
    mentions: list[EntityMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)


class Extractor:
    """Everything extraction needs that is built once per process (tables, matchers)."""

    def __init__(self, nlp, tables: Tables | None = None) -> None:
        self.tables = tables or load_tables()
        self.gazetteer = Gazetteer(nlp, self.tables)
        self.places = place_gazetteer(self.tables)

    def extract(self, doc: Doc, doc_id: str, published: date | None, offset: int = 0,
                sentence_base: int = 0) -> Extraction:
        actors = DocActors(doc, self.gazetteer, published)
        events = find_events(doc, actors, self.tables, doc_id, published, offset, sentence_base)
        set_event_dates(doc, events, published, offset, actors.ents)
        places = DocPlaces(doc, actors, self.places, offset)
        set_event_locations(places, events)
        amounts = find_amounts(doc, doc_id, events, offset, sentence_base, text=actors.text,
                               ents=actors.ents)
        mentions = []
        for ent in actors.ents:
            if ent.label_ not in MENTION_LABELS:
                continue
            name, country, sector = actors.mention(ent)
            mentions.append(EntityMention(
                text=ent.text, start=ent.start_char + offset, end=ent.end_char + offset,
                label=ent.label_, name=name, country=country, sector=sector))
        quotes = find_quotes(doc, actors, doc_id, offset, sentence_base)
        return Extraction(events=events, mentions=mentions, quotes=quotes, amounts=amounts,
                          places=places.mentions(doc_id))
