"""Places: the offline gazetteer, disambiguation by the article's countries, event locations."""

from __future__ import annotations

import pytest

from eventwire.extract import load_tables
from eventwire.extract.places import fold, place_gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    return place_gazetteer(load_tables())


def test_names_fold_to_one_key():
    assert fold("Sāmarrā’") == fold("Samarra") == "samarra"


@pytest.mark.parametrize("name, countries, expected", [
    ("Kazan", {"TUR", "RUS"}, ("Kazan", "RUS")),  # the Russian city is 50 times larger
    ("Rafah", {"ISR", "PSE"}, ("Rafaḩ", "PSE")),
    ("Rafah", {"EGY"}, ("Rafaḩ", "EGY")),  # the article is about Egypt
    ("Samarra", set(), ("Sāmarrā’", "IRQ")),
    ("New Delhi", {"IND"}, ("New Delhi", "IND")),  # not Delhi, which also goes by that name
    ("Basra", set(), ("Basrah", "IRQ")),
    ("Turkey", set(), ("Turkey", "TUR")),
])
def test_a_name_goes_to_the_place_the_article_means(gazetteer, name, countries, expected):
    place = gazetteer.lookup(name, countries)
    assert (place.name, place.country) == expected


def test_cities_carry_coordinates_and_region_countries_do_not(gazetteer):
    tbilisi = gazetteer.lookup("Tbilisi", set())
    assert tbilisi.feature == "city" and tbilisi.admin1.startswith("GE.")
    assert abs(tbilisi.lat - 41.69) < 0.1 and abs(tbilisi.lon - 44.83) < 0.1
    georgia = gazetteer.lookup("Georgia", set())
    assert (georgia.feature, georgia.country, georgia.lat) == ("country", "GEO", None)


def test_unknown_names_are_not_places(gazetteer):
    assert gazetteer.lookup("Xqzzyville", set()) is None


def locations(result):
    return [(e.trigger.text, e.location.name if e.location else None,
             e.location.country if e.location else None,
             e.location.source if e.location else None) for e in result.events]


@pytest.mark.model
def test_the_sentence_places_the_event(code):
    result = code("Thousands of protesters rallied in Tbilisi on Friday. A roadside bomb near the "
                  "town of Samarra killed two soldiers.")
    assert locations(result) == [("rallied", "Tbilisi", "GEO", "sentence"),
                                 ("killed", "Sāmarrā’", "IRQ", "sentence")]
    tbilisi = result.events[0].location
    assert tbilisi.text == "Tbilisi" and tbilisi.lat is not None and tbilisi.feature == "city"


@pytest.mark.model
def test_the_dateline_places_events_the_sentence_does_not(code):
    text = "KYIV, Ukraine (Wire) — Russia attacked Ukraine on Monday, officials said."
    result = code(text)
    assert locations(result) == [("attacked", "Kyiv", "UKR", "dateline")]
    assert result.events[0].location.text == "KYIV, Ukraine"


@pytest.mark.model
def test_a_recipient_is_not_the_place_unless_the_event_is_in_it(code):
    result = code("Turkey supplied drones to Ukraine. Russian troops attacked civilians in Ukraine.")
    assert locations(result)[0][:2] == ("supplied", None)
    assert locations(result)[1][1:3] == ("Ukraine", "UKR")


@pytest.mark.model
def test_place_mentions_are_kept_with_offsets(code):
    text = "Turkey's president met Putin in Kazan."
    result = code(text)
    assert [(p.text, p.name, p.country, p.feature) for p in result.places] == [
        ("Turkey", "Turkey", "TUR", "country"), ("Kazan", "Kazan", "RUS", "city")]
    for place in result.places:
        assert text[place.start:place.end] == place.text


def recipients(event):
    return [(r.text, r.country) for r in event.recipient]


@pytest.mark.model
def test_force_used_on_a_place_is_used_on_its_country(code):
    result = code("US surgical strikes continue in Fallujah.")
    (strike,) = [e for e in result.events if e.event_type == "ASSAULT"]
    assert [a.country for a in strike.actor] == ["USA"]
    assert recipients(strike) == [("Fallujah", "IRQ")]
    assert strike.recipient[0].start == len("US surgical strikes continue in ")


@pytest.mark.model
def test_the_dateline_place_is_the_target_when_the_sentence_names_none(code):
    text = "KABUL, Afghanistan - Gunmen opened fire on Wednesday."
    result = code(text)
    (attack,) = [e for e in result.events if e.event_type == "ASSAULT"]
    assert [(r.country, text[r.start:r.end]) for r in attack.recipient] == [
        ("AFG", "KABUL, Afghanistan")]


@pytest.mark.model
def test_a_named_recipient_is_not_replaced_by_the_place_and_talks_take_none(code):
    result = code("Russian troops attacked Ukrainian soldiers in Donetsk. Putin met Erdogan in Sochi.")
    attack, meeting = result.events
    assert [r.country for r in attack.recipient] == ["UKR"]
    assert meeting.event_type == "CONSULT" and meeting.recipient == []


def test_a_town_the_recogniser_misses_is_still_a_place_after_a_locative(code):
    # the small model tags "Kursk" as a product and leaves "Kharkiv region" untagged
    event = code("Ukrainian troops attacked villages in the Kursk region on Monday.").events[0]
    assert event.location is not None and event.location.country == "RUS"
    assert [(r.text, r.country) for r in event.recipient] == [("Kursk", "RUS")]
    # a person's name is no place, whatever the gazetteer knows
    assert code("Kenyan troops attacked the convoy of Mr Kursk on Monday.").events[0].location is None


def test_victims_whose_country_was_only_guessed_are_of_the_place_struck(code):
    event = code("A Russian missile attack on Kharkiv killed seven people on Sunday.").events[0]
    assert [(r.text, r.country) for r in event.recipient] == [("seven people", "UKR")]
