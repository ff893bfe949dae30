"""The read-only HTTP API and the dashboard, over one store opened read-only.

Every endpoint is a thin call into eventwire.analysis. DuckDB connections are not thread-safe
and FastAPI runs plain functions in a thread pool, so each request gets its own cursor.
Only GET (and HEAD) pass; parameters are validated and bounded; unknown parameters are refused
rather than ignored, so a typo (``acter=TUR``) cannot silently return everything.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Path as PathParam, Query, Request
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

from .. import __version__, analysis
from ..analysis.search import EXTRA_TABLES, MAX_LIMIT, MAX_OFFSET, MAX_TEXT
from ..store import Store
from ..store.memory import memory_store
from . import errors
from .errors import ApiError

CODE_PATTERN = r"^[A-Za-z]{3}([A-Za-z]{3})?$"
READ_METHODS = {"GET", "HEAD"}
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                               "base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

Code = Annotated[str | None, Query(min_length=3, max_length=6, pattern=CODE_PATTERN,
                                   description="Country (TUR) or country and sector (TURGOV).")]
Needed = Annotated[str, Query(min_length=3, max_length=6, pattern=CODE_PATTERN,
                              description="Country (TUR) or country and sector (TURGOV).")]
Since = Annotated[date | None, Query(description="On or after this date (YYYY-MM-DD).")]
Until = Annotated[date | None, Query(description="On or before this date (YYYY-MM-DD).")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1 to {MAX_LIMIT}.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
By = Annotated[str, Query(max_length=8, description="day, week, month or year.")]
Kind = Annotated[str | None, Query(max_length=12, description="A PLOVER event type, e.g. AID.")]
Text = Annotated[str | None, Query(max_length=MAX_TEXT,
                                   description="Sentence contains this (case-insensitive).")]
DocId = Annotated[str | None, Query(max_length=200, description="Only this document.")]


def cursor(request: Request) -> Iterator[Any]:
    """A cursor of its own for each request (DuckDB connections are not thread-safe)."""
    connection = request.app.state.store.connection.cursor()
    try:
        yield connection
    finally:
        connection.close()


Db = Annotated[Any, Depends(cursor)]


def web_dir() -> Path:
    return Path(str(resources.files("eventwire") / "web"))


def only(*names: str):
    """A dependency refusing query parameters other than ``names``."""
    allowed = set(names)

    def check(request: Request) -> None:
        unknown = sorted({key for key in request.query_params.keys() if key not in allowed})
        if unknown:
            shown = ", ".join(errors._short(key, 30) for key in unknown[:5])
            accepted = ", ".join(sorted(allowed)) or "none"
            raise ApiError(400, "unknown-parameter",
                           f"unknown parameter(s): {shown}; this endpoint accepts: {accepted}")

    return Depends(check)


def _clean(value: Any) -> Any:
    """JSON-ready: NaN to null, timestamps to ISO dates, numpy numbers to Python ones."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "isoformat"):
        return value.date().isoformat() if hasattr(value, "date") and callable(value.date) \
            else value.isoformat()
    if hasattr(value, "item"):
        return _clean(value.item())
    return value


def _rows(frame) -> list[dict[str, Any]]:
    columns = list(frame.columns)
    return [{c: _clean(v) for c, v in zip(columns, row)} for row in frame.itertuples(index=False)]


def _series(frame) -> list[dict[str, Any]]:
    """Series rows with the per-type counts gathered under ``types`` (non-zero only)."""
    from ..records import EVENT_TYPES

    items = []
    for row in _rows(frame):
        types = {k: row.pop(k) for k in list(row) if k in EVENT_TYPES}
        row["types"] = {k: v for k, v in types.items() if v}
        items.append(row)
    return items


def json_response(body: Any) -> Response:
    """Serialise once with the standard library (no per-field re-encoding)."""
    return Response(json.dumps(body, ensure_ascii=False, separators=(",", ":")),
                    media_type="application/json")


def create_app(db: str | Store, in_memory: bool = True) -> FastAPI:
    """The API and dashboard over the store at ``db`` (a path, or an open Store).

    A path is opened read-only; with ``in_memory`` its event tables are copied into memory,
    sorted for fast filters (store/memory.py), and the file is only read.
    """
    if isinstance(db, Store):
        store = db
    else:
        store = memory_store(db) if in_memory else Store(db, read_only=True)
    app = FastAPI(title="eventwire", version=__version__, docs_url=None, redoc_url=None,
                  description="Read-only access to coded political events (PLOVER/CAMEO) with "
                              "provenance. Every error is {\"error\": {\"code\", \"message\"}}.")
    app.state.store = store
    errors.install(app)

    @app.middleware("http")
    async def read_only(request: Request, call_next):
        if request.method not in READ_METHODS:
            return errors.error_response(405, "method-not-allowed",
                                         "this API is read-only: use GET",
                                         headers={"Allow": "GET, HEAD"})
        response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    @app.get("/api/events", tags=["events"],
             dependencies=[only("actor", "recipient", "type", "since", "until", "doc", "q",
                                "limit", "offset")])
    def events(db: Db, actor: Code = None, recipient: Code = None, type: Kind = None,
               since: Since = None, until: Until = None, doc: DocId = None, q: Text = None,
               limit: Limit = 50, offset: Offset = 0) -> Response:
        """Event records (the JSONL export's shape) matching every filter: {items, total}."""
        page = analysis.search_events(db, actor=actor, recipient=recipient, event_type=type,
                                      since=since, until=until, doc_id=doc, text=q, limit=limit,
                                      offset=offset)
        return json_response({"items": page.items, "total": page.total})

    @app.get("/api/dyad", tags=["analysis"],
             dependencies=[only("a", "b", "by", "directed", "since", "until", "type")])
    def dyad(db: Db, a: Needed, b: Needed, by: By = "month", directed: bool = True,
             since: Since = None, until: Until = None, type: Kind = None) -> Response:
        """Events between a and b per period: counts, summed score, quad classes, types."""
        frame = analysis.dyad(db, a, b, by=by, directed=directed, since=since, until=until,
                              event_type=type)
        return json_response({"a": a.upper(), "b": b.upper(), "by": by.lower(),
                              "directed": directed, "series": _series(frame)})

    @app.get("/api/balance", tags=["analysis"],
             dependencies=[only("actor", "b", "c", "by", "directed", "since", "until")])
    def balance(db: Db, actor: Needed, b: Needed, c: Needed, by: By = "month",
                directed: bool = False, since: Since = None, until: Until = None) -> Response:
        """The actor's net score with b and with c per period; balance = score_b - score_c."""
        frame = analysis.balance(db, actor, b, c, by=by, directed=directed, since=since,
                                 until=until)
        return json_response({"actor": actor.upper(), "b": b.upper(), "c": c.upper(),
                              "by": by.lower(), "directed": directed, "series": _rows(frame)})

    @app.get("/api/partners", tags=["analysis"],
             dependencies=[only("actor", "kind", "limit", "since", "until")])
    def partners(db: Db, actor: Needed, kind: Annotated[str, Query(max_length=12)] = "partners",
                 limit: Annotated[int, Query(ge=1, le=1000)] = 10, since: Since = None,
                 until: Until = None) -> Response:
        """The actor's partners (net score > 0), adversaries (< 0) or all counterparts."""
        frame = analysis.partners(db, actor, kind=kind, limit=limit, since=since, until=until)
        return json_response({"actor": actor.upper(), "kind": kind, "items": _rows(frame)})

    @app.get("/api/network", tags=["analysis"],
             dependencies=[only("since", "until", "type", "min_events", "limit")])
    def network(db: Db, since: Since = None, until: Until = None, type: Kind = None,
                min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
                limit: Annotated[int, Query(ge=1, le=5000)] = 200) -> Response:
        """Countries as nodes, directed edges weighted by event count and summed score."""
        nodes, edges = analysis.network(db, since=since, until=until, event_type=type,
                                        min_events=min_events, limit=limit)
        return json_response({"nodes": _rows(nodes), "edges": _rows(edges)})

    @app.get("/api/documents", tags=["documents"], dependencies=[only("q", "limit", "offset")])
    def documents(db: Db, q: Text = None, limit: Limit = 50, offset: Offset = 0) -> Response:
        """Stored documents (title, date, source, event count), without their text."""
        page = analysis.documents(db, limit=limit, offset=offset, text=q)
        return json_response({"items": page.items, "total": page.total})

    @app.get("/api/documents/{doc_id}", tags=["documents"], dependencies=[only()])
    def document(db: Db, doc_id: Annotated[str, PathParam(max_length=200)]) -> Response:
        """A document's text, its events, and the spans (sentence, trigger, actor, recipient)."""
        found = analysis.document(db, doc_id)
        if found is None:
            raise ApiError(404, "not-found", f"no document {errors._short(doc_id)!r}")
        return json_response(found)

    @app.get("/api/overview", tags=["documents"], dependencies=[only()])
    def overview(db: Db) -> Response:
        """Counts, date range, events per type, the busiest countries, available extras."""
        return json_response(analysis.overview(db))

    def extras(table: str):
        def endpoint(db: Db, doc: DocId = None, limit: Limit = 50, offset: Offset = 0) -> Response:
            page = analysis.extra_rows(db, table, doc_id=doc, limit=limit, offset=offset)
            if page is None:
                raise ApiError(404, "not-available", f"this store has no {table}; they are "
                               "extracted by the extras (quotes and amounts) when installed")
            return json_response({"items": page.items, "total": page.total})

        endpoint.__doc__ = f"The {table} extracted from documents, when the store has them."
        return endpoint

    for table in EXTRA_TABLES:
        app.get(f"/api/{table}", tags=["extras"], name=table,
                dependencies=[only("doc", "limit", "offset")])(extras(table))

    @app.get("/", include_in_schema=False, dependencies=[only()])
    def dashboard() -> FileResponse:
        return FileResponse(web_dir() / "index.html")

    app.mount("/static", StaticFiles(directory=web_dir()), name="static")
    return app


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, log_level: str = "info",
          in_memory: bool = True) -> None:
    """Run the API and dashboard with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(create_app(db, in_memory=in_memory), host=host, port=port, log_level=log_level)
