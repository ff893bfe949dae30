"""Amounts, dates and places found in the bundled sample articles (golden cases)."""

from __future__ import annotations

import pytest

from golden import sample_paths

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def samples():
    from eventwire.ingest import read_path
    from eventwire.pipeline import process_articles

    articles = [article for path in sample_paths() for article in read_path(path)]
    results = process_articles(articles)
    return {path.stem: result for path, result in zip(sample_paths(), results)}


def amount(result, text):
    (found,) = [a for a in result.amounts if a.text == text]
    return found


def event(result, trigger, event_type):
    found = [e for e in result.events if e.trigger.text == trigger and e.event_type == event_type]
    assert found, [(e.trigger.text, e.event_type) for e in result.events]
    return found[0]


def test_money_with_a_scale_word(samples):
    aid = amount(samples["06_us_aid_ukraine"], "$95 billion")
    assert (aid.value, aid.unit, aid.what, aid.kind) == (95e9, "USD", "foreign aid package", "money")
    assert aid.event_id is not None
    assets = amount(samples["05_eu_sanctions_russia"], "€210 billion")
    assert (assets.value, assets.unit, assets.what) == (210e9, "EUR", "Russian central bank assets")
    loan = amount(samples["09_ukraine_rejects_putin_terms"], "$50 billion")
    assert (loan.value, loan.what) == (50e9, "loan")


def test_percentages_and_counts_of_people(samples):
    georgia = samples["03_georgia_tbilisi_protest"]
    vote = amount(georgia, "54 percent")
    assert (vote.value, vote.unit, vote.what) == (54, "percent", "vote")
    detained = amount(georgia, "107 people")
    assert (detained.value, detained.kind) == (107, "ARREST")
    crowd = amount(georgia, "Thousands of Georgian protesters")
    assert (crowd.value, crowd.kind, crowd.what) == (2000, "CROWD", "Georgian protesters")
    assert crowd.event_id == event(georgia, "rallied", "PROTEST").event_id
    assert (amount(samples["04_kashmir_pahalgam_attack"], "26 people").kind) == "KILL"
    gaza = samples["08_gaza_ceasefire_hostages"]
    assert (amount(gaza, "more than 46,000 Palestinians").value, amount(gaza, "about 1,200 people").kind) \
        == (46000, "KILL")
    assert amount(samples["07_turkey_imamoglu_arrest"], "51%").value == 51


def test_relative_dates(samples):
    turkey = samples["01_turkey_drones_mediation"]  # published Friday 2024-11-01
    met = event(turkey, "met", "CONSULT")
    assert (met.date, met.date_precision, met.date_text) == ("2024-10-21", "week", "last week")
    criticised = event(turkey, "criticised", "ACCUSE")
    assert (criticised.date, criticised.date_text) == ("2024-11-01", "Friday")
    hosting = event(turkey, "hosting", "CONSULT")
    assert (hosting.date, hosting.date_precision) == ("2022-03-01", "month")
    rallied = event(samples["03_georgia_tbilisi_protest"], "rallied", "PROTEST")  # Saturday
    assert (rallied.date, rallied.date_text) == ("2024-11-29", "Friday")
    attacked = event(samples["08_gaza_ceasefire_hostages"], "attacked", "ASSAULT")
    assert (attacked.date, attacked.date_precision) == ("2023-10-07", "day")
    for result in samples.values():
        published = result.article.published
        for e in result.events:
            assert e.date <= published or e.date_text is not None, (e.date, e.date_text)
            if e.date_text is None:
                assert e.date == published


def test_places_from_the_sentence_and_the_dateline(samples):
    met = event(samples["01_turkey_drones_mediation"], "met", "CONSULT")
    assert (met.location.name, met.location.country, met.location.source) == ("Kazan", "RUS", "sentence")
    rallied = event(samples["03_georgia_tbilisi_protest"], "rallied", "PROTEST")
    assert (rallied.location.name, rallied.location.source) == ("Tbilisi", "sentence")
    detained = event(samples["07_turkey_imamoglu_arrest"], "detained", "COERCE")
    assert (detained.location.text, detained.location.name, detained.location.country,
            detained.location.source) == ("ISTANBUL", "Istanbul", "TUR", "dateline")
    assert detained.location.lat is not None
    thanked = event(samples["06_us_aid_ukraine"], "thanked", "SUPPORT")
    assert (thanked.location.name, thanked.location.country, thanked.location.source) == (
        "Washington", "USA", "dateline")
