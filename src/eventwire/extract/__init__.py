"""Extract: actors, events and entity mentions from parsed documents."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from ..records import EntityMention, Event
from .actors import DocActors, Gazetteer
from .events import CODER, find_events
from .tables import Tables, load_tables

MENTION_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}

__all__ = ["CODER", "Extractor", "find_events", "load_tables"]


class Extractor:
    """Everything extraction needs that is built once per process (tables, matchers)."""

    def __init__(self, nlp, tables: Tables | None = None) -> None:
        self.tables = tables or load_tables()
        self.gazetteer = Gazetteer(nlp, self.tables)

    def extract(self, doc: Doc, doc_id: str, published: date | None, offset: int = 0,
                sentence_base: int = 0) -> tuple[list[Event], list[EntityMention]]:
        actors = DocActors(doc, self.gazetteer, published)
        events = find_events(doc, actors, self.tables, doc_id, published, offset, sentence_base)
        mentions = []
        for ent in actors.ents:
            if ent.label_ not in MENTION_LABELS:
                continue
            name, country, sector = actors.mention(ent)
            mentions.append(EntityMention(
                text=ent.text, start=ent.start_char + offset, end=ent.end_char + offset,
                label=ent.label_, name=name, country=country, sector=sector))
        return events, mentions
