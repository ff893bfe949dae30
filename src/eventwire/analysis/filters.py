"""Validated analysis parameters and the SQL fragments they become.

Every user value reaches DuckDB as a bound parameter; the only words spliced into SQL are the
whitelisted ones here (roles, period names). Validation lives here, once, so the CLI, the HTTP
API and Python callers reject the same bad input with the same message.
"""

from __future__ import annotations

import csv
import re
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from ..records import EVENT_TYPES

PERIODS = ("day", "week", "month", "year")
# pandas frequencies for the same periods (DuckDB's date_trunc('week') starts on Monday)
FREQUENCIES = {"day": "D", "week": "W-MON", "month": "MS", "year": "YS"}
QUAD_NAMES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
_CODE = re.compile(r"^[A-Z]{3}([A-Z]{3})?$")


class AnalysisError(ValueError):
    """A parameter the analysis cannot use; the message says what would work."""

    def __init__(self, parameter: str, message: str) -> None:
        self.parameter = parameter
        super().__init__(f"{parameter}: {message}")


def actor_code(value: str | None, parameter: str = "actor") -> tuple[str, str | None] | None:
    """'TUR' -> ('TUR', None); 'TURGOV' -> ('TUR', 'GOV'); None stays None."""
    if value is None or value == "":
        return None
    code = str(value).strip().upper()
    if not _CODE.match(code):
        raise AnalysisError(parameter, f"{str(value)[:40]!r} is not an actor code; use a country "
                            "code such as TUR, or country and sector such as TURGOV")
    if code[:3] not in country_names():
        raise AnalysisError(parameter, f"{code[:3]!r} is not a country or organisation code "
                            "eventwire knows; use ISO 3166 alpha-3 (TUR, RUS, USA) or IGO/NGO/MNC")
    return (code[:3], code[3:] or None)


def event_type(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    kind = str(value).strip().upper()
    if kind not in EVENT_TYPES:
        raise AnalysisError("type", f"{str(value)[:40]!r} is not a PLOVER event type; use one of "
                            + " ".join(EVENT_TYPES))
    return kind


def period(value: str) -> str:
    by = str(value).strip().lower()
    if by not in PERIODS:
        raise AnalysisError("by", f"{str(value)[:40]!r} is not a period; use one of "
                            + ", ".join(PERIODS))
    return by


def day(value: str | date | None, parameter: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise AnalysisError(parameter, f"{str(value)[:40]!r} is not a date; use YYYY-MM-DD") from None


def match(alias: str, code: tuple[str, str | None]) -> tuple[str, list[Any]]:
    """SQL that an event_actors row ``alias`` is the actor ``code``."""
    country, sector = code
    if sector:
        return f"{alias}.country = ? AND {alias}.sector = ?", [country, sector]
    return f"{alias}.country = ?", [country]


def event_filters(alias: str, event_kind: str | None, since: date | None, until: date | None
                  ) -> tuple[list[str], list[Any]]:
    """WHERE clauses on the events table ``alias`` for type and date range."""
    where: list[str] = []
    params: list[Any] = []
    if event_kind:
        where.append(f"{alias}.event_type = ?")
        params.append(event_kind)
    if since:
        where.append(f"{alias}.date >= ?")
        params.append(since)
    if until:
        where.append(f"{alias}.date <= ?")
        params.append(until)
    return where, params


def side(column: str, code: tuple[str, str | None]) -> tuple[str, list[Any]]:
    """SQL that the ``column`` side (source or target) of an event_dyads row is ``code``."""
    country, sector = code
    if sector:
        return f"{column} = ? AND {column}_sector = ?", [country, sector]
    return f"{column} = ?", [country]


def connection_of(source: Any) -> Any:
    """A DuckDB connection from a Store, a connection or a cursor."""
    return getattr(source, "connection", source)


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO-3 (or organisation) code -> English name, from the package's actor tables."""
    data = resources.files("eventwire") / "data"
    with (data / "igos.csv").open(encoding="utf-8") as handle:
        names: dict[str, str] = {}
        for row in csv.DictReader(handle):
            names.setdefault(row["code"], row["name"])  # the first row names the organisation
    with (data / "countries.csv").open(encoding="utf-8") as handle:
        names.update({row["iso3"]: row["name"] for row in csv.DictReader(handle)})
    names.update({"IGO": "International organisations", "NGO": "Non-governmental organisations",
                  "MNC": "Multinational companies"})
    return names
