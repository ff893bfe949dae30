"""Time series of a dyad, and of one actor balancing between two others.

A dyad's events are those where one side is A and the other is B (the event_dyads view,
migration 0005: an actor acting on a recipient, or two actors of an event without recipient).
Each period reports the number of events, their summed and mean score (Goldstein-like, -10..+10),
the count per quad class and per PLOVER type. Periods without events are filled with zeros so
charts and differences line up.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from ..records import EVENT_TYPES
from . import filters as f


def _hits_sql(a: tuple[str, str | None], b: tuple[str, str | None], directed: bool
              ) -> tuple[str, list[Any]]:
    """SQL selecting each event between actor codes a and b once, with what series need.

    One SELECT per direction joined by UNION ALL, not an OR, so each can skip row groups by
    the dyad's source and target (store/memory.py keeps event_dyads sorted by them).
    """
    parts, params = [], []
    for first, second in ([(a, b)] if directed else [(a, b), (b, a)]):
        source, more_source = f.side("source", first)
        target, more_target = f.side("target", second)
        parts.append(f"SELECT event_id, date, event_type, quad_class, score FROM event_dyads "
                     f"WHERE {source} AND {target}")
        params += more_source + more_target
    return f"SELECT DISTINCT * FROM ({' UNION ALL '.join(parts)})", params


def _empty_series(by: str) -> pd.DataFrame:
    columns = ["period", "events", "score", "mean_score", *f.QUAD_NAMES]
    frame = pd.DataFrame({name: pd.Series(dtype="int64") for name in columns})
    frame["period"] = pd.Series(dtype="datetime64[s]")
    frame["score"] = frame["score"].astype("float64")
    frame["mean_score"] = frame["mean_score"].astype("float64")
    frame.attrs["by"] = by
    return frame


def dyad(source: Any, a: str, b: str, by: str = "month", directed: bool = True,
         since: str | date | None = None, until: str | date | None = None,
         event_type: str | None = None) -> pd.DataFrame:
    """Events between ``a`` and ``b`` per period (day, week, month or year).

    ``directed`` counts only what A did to B; otherwise both directions. Columns: period,
    events, score (sum), mean_score, one count per quad class (verbal_cooperation,
    material_cooperation, verbal_conflict, material_conflict) and one per PLOVER type that occurs.
    """
    code_a, code_b = f.actor_code(a, "a"), f.actor_code(b, "b")
    if code_a is None or code_b is None:
        raise f.AnalysisError("a" if code_a is None else "b", "both sides of the dyad are needed")
    by = f.period(by)
    start, end = f.day(since, "since"), f.day(until, "until")
    kind = f.event_type(event_type)
    hits, params = _hits_sql(code_a, code_b, directed)
    where, more = f.event_filters("e", kind, start, end)
    # counts per quad class and per type as columns, so pandas only fills the gaps (pivoting
    # in pandas cost several times the query); the type names are our constants, not input
    quads = ", ".join(f"count(*) FILTER (WHERE e.quad_class = {n}) AS {name}"
                      for n, name in enumerate(f.QUAD_NAMES, start=1))
    types = ", ".join(f"count(*) FILTER (WHERE e.event_type = '{kind}') AS {kind}"
                      for kind in EVENT_TYPES)
    sql = (f"WITH e AS ({hits}) "
           f"SELECT date_trunc(?, e.date)::DATE AS period, count(*) AS events, "
           f"sum(e.score) AS score, {quads}, {types} FROM e "
           f"WHERE e.date IS NOT NULL {''.join(' AND ' + w for w in where)} "
           f"GROUP BY 1 ORDER BY 1")
    rows = f.connection_of(source).execute(sql, params + [by] + more).df()
    return _series(rows, by, start, end)


def _series(rows: pd.DataFrame, by: str, start: date | None, end: date | None) -> pd.DataFrame:
    """One row per period from first to last (or since/until), gaps filled with zeros."""
    if rows.empty:
        return _empty_series(by)
    present = [kind for kind in EVENT_TYPES if rows[kind].any()]
    rows = rows[["period", "events", "score", *f.QUAD_NAMES, *present]]
    rows = rows.set_index(pd.to_datetime(rows["period"])).drop(columns="period")
    first = rows.index.min() if start is None else min(rows.index.min(), _trunc(start, by))
    last = rows.index.max() if end is None else max(rows.index.max(), _trunc(end, by))
    index = pd.date_range(first, last, freq=f.FREQUENCIES[by], name="period")
    frame = rows.reindex(index, fill_value=0)
    counts = [c for c in frame.columns if c != "score"]
    frame[counts] = frame[counts].astype("int64")
    frame["score"] = frame["score"].astype("float64")
    mean = (frame["score"] / frame["events"]).where(frame["events"] > 0)
    frame.insert(2, "mean_score", mean.round(3))
    frame = frame.reset_index()
    frame.attrs["by"] = by
    return frame


def _trunc(day: date, by: str) -> pd.Timestamp:
    stamp = pd.Timestamp(day)
    if by == "day":
        return stamp
    if by == "week":
        return stamp - pd.Timedelta(days=stamp.weekday())
    if by == "month":
        return stamp.replace(day=1)
    return stamp.replace(month=1, day=1)


def balance(source: Any, actor: str, b: str, c: str, by: str = "month", directed: bool = False,
            since: str | date | None = None, until: str | date | None = None) -> pd.DataFrame:
    """How ``actor`` balances between ``b`` and ``c``: its net score with each, per period.

    ``score_b`` sums the scores of the events between actor and b (both directions unless
    ``directed``, then only what actor did), likewise ``score_c``; ``balance`` = score_b - score_c,
    positive when the actor leans towards b. Event counts are ``events_b`` and ``events_c``.
    """
    if f.actor_code(actor, "actor") is None:
        raise f.AnalysisError("actor", "the actor whose balance to measure is needed")
    with_b = dyad(source, actor, b, by=by, directed=directed, since=since, until=until)
    with_c = dyad(source, actor, c, by=by, directed=directed, since=since, until=until)
    left = with_b[["period", "events", "score"]].rename(columns={"events": "events_b",
                                                                 "score": "score_b"})
    right = with_c[["period", "events", "score"]].rename(columns={"events": "events_c",
                                                                  "score": "score_c"})
    frame = left.merge(right, on="period", how="outer").sort_values("period")
    if not frame.empty:
        index = pd.date_range(frame["period"].min(), frame["period"].max(),
                              freq=f.FREQUENCIES[f.period(by)], name="period")
        frame = frame.set_index("period").reindex(index).reset_index()
    frame = frame.fillna({"events_b": 0, "events_c": 0, "score_b": 0.0, "score_c": 0.0})
    frame = frame.astype({"events_b": "int64", "events_c": "int64", "score_b": "float64",
                          "score_c": "float64"})
    frame["balance"] = frame["score_b"] - frame["score_c"]
    frame = frame[["period", "events_b", "score_b", "events_c", "score_c", "balance"]]
    frame.attrs.update(by=f.period(by), actor=actor.upper(), b=b.upper(), c=c.upper())
    return frame.reset_index(drop=True)
