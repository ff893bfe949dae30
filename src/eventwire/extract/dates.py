"""Dates: each event's date resolved against the document's publication date.

News writes dates relative to the day it is published: "on Tuesday", "last week", "since
September", "earlier this month". The common forms are resolved here by rule (fast and exact);
other DATE entities that name a month or a year go to dateparser, on the short entity text only,
cached by (text, publication date). A date after publication is kept only when the text says
so ("next week", "tomorrow", an explicit year); an event without a date cue gets the
publication date and no ``date_text``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..records import Event

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_LEAD = r"^(?:(?:on|in|since|from|until|till|by|during|of|the|early|late|earlier|later|mid|" \
        r"this past|past|as of)\s+|mid-)*"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?$"
FUTURE_WORDS = {"next", "tomorrow", "coming", "upcoming"}

PATTERNS = [
    ("today", re.compile(_LEAD + r"(?P<word>today|tonight|this (?:morning|afternoon|evening))$")),
    ("yesterday", re.compile(_LEAD + r"(?:yesterday|last night)" + _PART)),
    ("tomorrow", re.compile(_LEAD + r"tomorrow" + _PART)),
    ("weekday", re.compile(_LEAD + r"(?:(?P<which>last|next|this)\s+)?" + _WEEKDAY + _PART)),
    ("unit", re.compile(_LEAD + r"(?P<which>last|this|next|previous)\s+(?P<unit>week|month|year)$")),
    ("ago", re.compile(_LEAD + r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)"
                       r"\s+(?P<unit>day|week|month|year)s?\s+ago$")),
    ("day_month", re.compile(_LEAD + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH
                             + r"(?:,?\s+(?P<year>\d{4}))?$")),
    ("month_day", re.compile(_LEAD + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?"
                             r"(?:,?\s+(?P<year>\d{4}))?$")),
    ("month", re.compile(_LEAD + r"(?:(?P<which>last|next|this)\s+)?" + _MONTH
                         + r"(?:,?\s+(?P<year>\d{4}))?$")),
    ("year", re.compile(_LEAD + r"(?P<year>(?:19|20)\d{2})$")),
]
SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _month_back(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def _past_month(month: int, published: date, strictly: bool = False) -> int:
    """The year of the latest ``month`` not after publication (before it, if ``strictly``)."""
    if month < published.month or (month == published.month and not strictly):
        return published.year
    return published.year - 1


def _resolve_rule(text: str, published: date) -> tuple[date, str, bool] | None:
    """(date, precision, says_future) for the forms news uses most, or None."""
    for name, pattern in PATTERNS:
        m = pattern.match(text)
        if m is None:
            continue
        groups = m.groupdict()
        if name == "today":
            return published, "day", False
        if name == "yesterday":
            return published - timedelta(days=1), "day", False
        if name == "tomorrow":
            return published + timedelta(days=1), "day", True
        if name == "weekday":
            wanted = WEEKDAYS[groups["weekday"]]
            back = (published.weekday() - wanted) % 7
            if groups.get("which") == "next":
                return published + timedelta(days=(wanted - published.weekday()) % 7 or 7), "day", True
            if groups.get("which") == "last" and back == 0:
                back = 7
            return published - timedelta(days=back), "day", False
        if name == "unit":
            step = {"last": -1, "previous": -1, "this": 0, "next": 1}[groups["which"]]
            unit = groups["unit"]
            if unit == "week":
                monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
                return monday, "week", step > 0
            if unit == "month":
                return _month_back(published, -step), "month", step > 0
            return date(published.year + step, 1, 1), "year", step > 0
        if name == "ago":
            n = int(groups["n"]) if groups["n"].isdigit() else SMALL[groups["n"]]
            unit = groups["unit"]
            if unit == "day":
                return published - timedelta(days=n), "day", False
            if unit == "week":
                return published - timedelta(weeks=n), "week", False
            if unit == "month":
                return _month_back(published, n), "month", False
            return date(published.year - n, 1, 1), "year", False
        if name in ("day_month", "month_day"):
            month = MONTHS[groups["month"]]
            day = int(groups["day"])
            year = int(groups["year"]) if groups.get("year") else None
            if year is None:
                year = published.year
                try:
                    if date(year, month, day) > published:
                        year -= 1
                except ValueError:
                    return None
            try:
                return date(year, month, day), "day", groups.get("year") is not None
            except ValueError:
                return None
        if name == "month":
            month = MONTHS[groups["month"]]
            if groups.get("year"):
                return date(int(groups["year"]), month, 1), "month", True
            which = groups.get("which")
            if which == "next":
                year = published.year if month > published.month else published.year + 1
                return date(year, month, 1), "month", True
            return date(_past_month(month, published, which == "last"), month, 1), "month", False
        if name == "year":
            return date(int(groups["year"]), 1, 1), "year", True
    return None


@lru_cache(maxsize=64)
def _date_parser(published: date):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False})


_NAMES_A_DATE = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b|\b(?:19|20)\d{2}\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def resolve_date(text: str, published: date) -> tuple[str, str] | None:
    """(ISO date, precision) a date expression names, given the publication date; else None.

    Durations ("12 days", "this century") and expressions naming no day, month or year are None.
    """
    cleaned = " ".join(text.lower().replace("’", "'").split()).strip(" ,.")
    found = _resolve_rule(cleaned, published)
    says_future = False
    if found is not None:
        day, precision, says_future = found
    elif _NAMES_A_DATE.search(cleaned):
        data = _date_parser(published).get_date_data(text)
        if data is None or data.date_obj is None:
            return None
        day, precision = data.date_obj.date(), data.period or "day"
        says_future = bool(re.search(r"\b(?:19|20)\d{2}\b", cleaned))
        if precision == "month":
            day = day.replace(day=1)
        elif precision == "year":
            day = day.replace(month=1, day=1)
    else:
        return None
    says_future = says_future or any(word in cleaned.split() for word in FUTURE_WORDS)
    if day > published and not says_future:
        return None
    return day.isoformat(), precision


def date_cues(doc: Doc, ents: list[Span] | None = None) -> list[Span]:
    """DATE entities, and weekdays the entity recogniser missed."""
    cues = [ent for ent in (doc.ents if ents is None else ents) if ent.label_ == "DATE"]
    covered = {i for ent in cues for i in range(ent.start, ent.end)}
    weekdays = _weekday_ids(doc.vocab.strings)  # capitalised: "Sunday", not "sunday"
    for i, orth in enumerate(doc.to_array("ORTH").tolist()):
        if orth in weekdays and i not in covered:
            cues.append(doc[i:i + 1])
    return cues


_WEEKDAY_IDS: dict[int, set[int]] = {}


def _weekday_ids(strings) -> set[int]:
    if id(strings) not in _WEEKDAY_IDS:
        _WEEKDAY_IDS[id(strings)] = {strings.add(day) for day in calendar.day_name}
    return _WEEKDAY_IDS[id(strings)]


def _distance(cue: Span, trigger: Token) -> tuple[int, int]:
    """Cues in the trigger's own clause come first, then the nearest."""
    inside = trigger in cue.root.ancestors
    return (0 if inside else 1, min(abs(cue.start - trigger.i), abs(cue.end - 1 - trigger.i)))


def set_event_dates(doc: Doc, events: list[Event], published: date | None, offset: int = 0,
                    ents: list[Span] | None = None) -> None:
    """Give each event the date of its sentence's best date cue, else the publication date."""
    if published is None or not events:
        return
    cues = date_cues(doc, ents)
    resolved: list[tuple[Span, tuple[str, str]]] = []
    for cue in cues:
        value = resolve_date(cue.text, published)
        if value is not None:
            resolved.append((cue, value))
    for event in events:
        event.date, event.date_precision, event.date_text = published.isoformat(), "day", None
        if not resolved:
            continue
        start, end = event.sentence_start - offset, event.sentence_end - offset
        here = [(cue, value) for cue, value in resolved
                if start <= cue.start_char and cue.end_char <= end]
        if not here:
            continue
        trigger = doc.char_span(event.trigger.start - offset, event.trigger.end - offset,
                                alignment_mode="expand")
        if trigger is None:
            continue
        cue, (day, precision) = min(here, key=lambda item: _distance(item[0], trigger.root))
        event.date, event.date_precision, event.date_text = day, precision, cue.text
