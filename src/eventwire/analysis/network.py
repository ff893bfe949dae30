"""Who deals with whom: an actor's partners and adversaries, and the actor network.

Both read the same dyads as the time series (the event_dyads view): an actor acting on a
recipient, or two actors of a reciprocal event. Nodes are countries (ISO-3, or IGO/NGO/MNC);
actors without a country are left out because they cannot be told apart.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from . import filters as f

PARTNER_KINDS = ("partners", "adversaries", "all")
_TALLY = ("count(*) AS events, sum(e.score) AS score, "
          "count(*) FILTER (WHERE e.quad_class IN (1, 2)) AS cooperation, "
          "count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflict")


def partners(source: Any, actor: str, kind: str = "partners", limit: int = 10,
             since: str | date | None = None, until: str | date | None = None) -> pd.DataFrame:
    """The countries ``actor`` deals with, in either direction, ranked.

    ``partners``: net score above zero, highest first; ``adversaries``: below zero, lowest first;
    ``all``: by number of events. Columns: partner, name, events, score, mean_score,
    cooperation (quad classes 1-2), conflict (3-4).
    """
    code = f.actor_code(actor, "actor")
    if code is None:
        raise f.AnalysisError("actor", "an actor code is needed, e.g. TUR")
    if kind not in PARTNER_KINDS:
        raise f.AnalysisError("kind", f"{str(kind)[:40]!r}: use one of {', '.join(PARTNER_KINDS)}")
    if not 1 <= int(limit) <= 1000:
        raise f.AnalysisError("limit", "use a number from 1 to 1000")
    start, end = f.day(since, "since"), f.day(until, "until")
    where, more = f.event_filters("e", None, start, end)
    parts, params = [], []
    for mine, other in (("source", "target"), ("target", "source")):
        condition, values = f.side(mine, code)
        parts.append(f"SELECT event_id, {other} AS partner, date, quad_class, score "
                     f"FROM event_dyads WHERE {condition} AND {other} IS NOT NULL "
                     f"AND {other} <> ?")
        params += values + [code[0]]
    sql = (f"WITH e AS (SELECT DISTINCT * FROM ({' UNION ALL '.join(parts)})) "
           f"SELECT partner, {_TALLY} FROM e "
           f"{'WHERE ' + ' AND '.join(where) if where else ''} GROUP BY partner")
    frame = f.connection_of(source).execute(sql, params + more).df()
    if kind == "partners":
        frame = frame[frame["score"] > 0].sort_values(["score", "events", "partner"],
                                                      ascending=[False, False, True])
    elif kind == "adversaries":
        frame = frame[frame["score"] < 0].sort_values(["score", "events", "partner"],
                                                      ascending=[True, False, True])
    else:
        frame = frame.sort_values(["events", "partner"], ascending=[False, True])
    frame = frame.head(int(limit)).reset_index(drop=True)
    return _finish(frame, "partner")


def _finish(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    names = f.country_names()
    frame.insert(1, "name", [names.get(code, code) for code in frame[key]])
    frame = frame.astype({"events": "int64", "cooperation": "int64", "conflict": "int64",
                          "score": "float64"})
    frame.insert(frame.columns.get_loc("score") + 1, "mean_score",
                 (frame["score"] / frame["events"]).round(3))
    return frame


def network(source: Any, since: str | date | None = None, until: str | date | None = None,
            event_type: str | None = None, min_events: int = 1, limit: int = 200
            ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The actor network as (nodes, edges) DataFrames.

    edges: source, target, events, score, mean_score, cooperation, conflict; directed from actor
    to recipient (a reciprocal event gives one edge, alphabetical). Only edges with at least
    ``min_events`` events, the ``limit`` busiest. nodes: id, name, events (on the kept edges),
    score (summed over them), degree (number of partners).
    """
    if not 1 <= int(min_events) <= 1_000_000:
        raise f.AnalysisError("min_events", "use a number from 1 to 1000000")
    if not 1 <= int(limit) <= 5000:
        raise f.AnalysisError("limit", "use a number from 1 to 5000")
    start, end = f.day(since, "since"), f.day(until, "until")
    kind = f.event_type(event_type)
    where, params = f.event_filters("e", kind, start, end)
    sql = (f"WITH e AS (SELECT DISTINCT event_id, source, target, date, event_type, quad_class, "
           f"score FROM event_dyads WHERE source IS NOT NULL AND target IS NOT NULL "
           f"AND source <> target AND (NOT reciprocal OR source < target)) "
           f"SELECT source, target, {_TALLY} FROM e "
           f"{'WHERE ' + ' AND '.join(where) if where else ''} GROUP BY source, target "
           f"HAVING count(*) >= ? ORDER BY events DESC, source, target LIMIT ?")
    edges = f.connection_of(source).execute(sql, params + [int(min_events), int(limit)]).df()
    edges = edges.astype({"events": "int64", "cooperation": "int64", "conflict": "int64",
                          "score": "float64"})
    edges.insert(edges.columns.get_loc("score") + 1, "mean_score",
                 (edges["score"] / edges["events"]).round(3))
    ends = pd.concat([edges[["source", "target", "events", "score"]].rename(
                          columns={"source": "id", "target": "other"}),
                      edges[["target", "source", "events", "score"]].rename(
                          columns={"target": "id", "source": "other"})])
    nodes = ends.groupby("id").agg(events=("events", "sum"), score=("score", "sum"),
                                   degree=("other", "nunique")).reset_index()
    nodes = nodes.sort_values(["events", "id"], ascending=[False, True]).reset_index(drop=True)
    names = f.country_names()
    nodes.insert(1, "name", [names.get(code, code) for code in nodes["id"]])
    nodes = nodes.astype({"events": "int64", "degree": "int64", "score": "float64"})
    return nodes, edges
