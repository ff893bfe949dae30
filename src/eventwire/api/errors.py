"""One JSON error shape for every failure: ``{"error": {"code": ..., "message": ...}}``.

FastAPI answers validation errors, unknown routes and wrong methods in shapes of its own; the
handlers here replace all of them so a client checks one shape. Messages never echo long input
and never carry a traceback (those go to the server log).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..analysis import AnalysisError

log = logging.getLogger("eventwire.api")

HTTP_CODES = {400: "bad-request", 404: "not-found", 405: "method-not-allowed",
              413: "too-large", 414: "uri-too-long", 422: "invalid-parameter",
              500: "internal-error"}


class ApiError(Exception):
    """An error raised by an endpoint, answered as ``status`` with ``code`` and ``message``."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None,
                   **extra: Any) -> JSONResponse:
    body = {"error": {"code": code, "message": message, **extra}}
    return JSONResponse(body, status_code=status, headers=headers)


def _short(value: Any, size: int = 60) -> str:
    text = str(value)
    return text if len(text) <= size else text[:size] + "…"


def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
    problems = []
    for item in exc.errors():
        where = ".".join(str(part) for part in item.get("loc", ()) if part not in ("query", "path"))
        problems.append({"parameter": where, "message": _short(item.get("msg", "invalid"), 200)})
    summary = "; ".join(f"{p['parameter']}: {p['message']}" for p in problems[:5])
    return error_response(422, "invalid-parameter", summary or "invalid request", details=problems)


def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = HTTP_CODES.get(exc.status_code, "http-error")
    if exc.status_code == 404:
        message = f"no such resource: {_short(request.url.path)}; see /openapi.json for the API"
    elif exc.status_code == 405:
        message = "this API is read-only: use GET"
    else:
        message = _short(exc.detail, 200)
    return error_response(exc.status_code, code, message, headers=getattr(exc, "headers", None))


def _api(request: Request, exc: ApiError) -> JSONResponse:
    return error_response(exc.status, exc.code, exc.message)


def _analysis(request: Request, exc: AnalysisError) -> JSONResponse:
    return error_response(400, "invalid-parameter", _short(exc, 300), parameter=exc.parameter)


def _crash(request: Request, exc: Exception) -> JSONResponse:
    log.exception("error answering %s", request.url.path)
    return error_response(500, "internal-error", "the server failed to answer this request; "
                          "the details are in its log")


def install(app: FastAPI) -> None:
    """Route every kind of failure through the one error shape."""
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(ApiError, _api)
    app.add_exception_handler(AnalysisError, _analysis)
    app.add_exception_handler(Exception, _crash)
