"""Dates: event dates resolved against the publication date, never after it unless said so."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.extract.dates import resolve_date

PUBLISHED = date(2024, 10, 23)  # a Wednesday


@pytest.mark.parametrize("text, expected", [
    ("on Tuesday", ("2024-10-22", "day")),
    ("Wednesday", ("2024-10-23", "day")),  # the day it was published
    ("last Wednesday", ("2024-10-16", "day")),
    ("Sunday night", ("2024-10-20", "day")),
    ("yesterday", ("2024-10-22", "day")),
    ("last week", ("2024-10-14", "week")),
    ("earlier this month", ("2024-10-01", "month")),
    ("last month", ("2024-09-01", "month")),
    ("since September", ("2024-09-01", "month")),
    ("in October 2020", ("2020-10-01", "month")),
    ("last March", ("2024-03-01", "month")),
    ("in December", ("2023-12-01", "month")),  # the last December before publication
    ("November 5", ("2023-11-05", "day")),
    ("October 7, 2023", ("2023-10-07", "day")),
    ("26 October", ("2023-10-26", "day")),
    ("last year", ("2023-01-01", "year")),
    ("in 2019", ("2019-01-01", "year")),
    ("three days ago", ("2024-10-20", "day")),
    ("next week", ("2024-10-28", "week")),  # the text says it is ahead
    ("tomorrow", ("2024-10-24", "day")),
    ("mid-October", ("2024-10-01", "month")),
    ("2024-03-05", ("2024-03-05", "day")),  # not a rule: dateparser reads it
    ("2025-03-05", ("2025-03-05", "day")),  # after publication, but the text gives the year
])
def test_date_expressions_resolve_against_the_publication_date(text, expected):
    assert resolve_date(text, PUBLISHED) == expected


@pytest.mark.parametrize("text", ["12 days", "48-hour", "this century", "the past decade",
                                  "a year"])
def test_durations_are_not_event_dates(text):
    assert resolve_date(text, PUBLISHED) is None


@pytest.mark.model
def test_events_take_their_sentence_date(code):
    result = code("Russia attacked Ukraine on Tuesday, Kyiv said. Turkey and Russia signed an "
                  "agreement last week. Iran condemned Israel.", published="2024-10-23")
    dated = [(e.trigger.text, e.date, e.date_precision, e.date_text) for e in result.events]
    assert dated == [
        ("attacked", "2024-10-22", "day", "Tuesday"),
        ("signed", "2024-10-14", "week", "last week"),
        ("condemned", "2024-10-23", "day", None),  # no cue: the publication date, no date_text
    ]


@pytest.mark.model
def test_a_date_without_a_year_is_never_after_publication(code):
    result = code("Russia attacked Ukraine on November 5.", published="2024-10-23")
    assert [(e.date, e.date_text) for e in result.events] == [("2023-11-05", "November 5")]


@pytest.mark.model
def test_without_a_publication_date_events_have_no_date(code):
    result = code("Russia attacked Ukraine on Tuesday.", published=None)
    assert [e.date for e in result.events] == [None]
