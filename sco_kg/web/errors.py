"""Errors become responses in ONE place: RFC 9457 problem details, as JSON or HTML.

Handlers raise :class:`Problem`; :func:`install` turns it (and Starlette's own 404/405)
into ``application/problem+json``, or a small HTML page for a browser that asks for one.
"""

from __future__ import annotations

import html
import json
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import Response

from .negotiation import Offer, choose

PROBLEM_JSON = "application/problem+json"
_OFFERS = (Offer(PROBLEM_JSON), Offer("application/json"), Offer("text/html"))


class Problem(Exception):
    """An HTTP error with a title a person can act on.

    >>> Problem(400, "SERVICE is not allowed", detail="<http://x/> is not allow-listed").status
    400
    """

    def __init__(
        self,
        status: int,
        title: str,
        *,
        detail: str | None = None,
        headers: dict[str, str] | None = None,
        **extra: object,
    ) -> None:
        super().__init__(f"{status} {title}: {detail or ''}")
        self.status = status
        self.title = title
        self.detail = detail
        self.headers = headers or {}
        self.extra = extra

    def body(self) -> dict:
        doc: dict = {"type": "about:blank", "title": self.title, "status": self.status}
        if self.detail:
            doc["detail"] = self.detail
        doc.update(self.extra)
        return doc


def render(problem: Problem, accept: str | None) -> Response:
    offer = choose(accept, _OFFERS) or _OFFERS[0]
    if offer.media_type == "text/html":
        content = (
            f"<!doctype html><html lang=en><meta charset=utf-8><title>{problem.status} "
            f"{html.escape(problem.title)}</title><h1>{problem.status} {html.escape(problem.title)}</h1>"
            + (f"<p>{html.escape(problem.detail)}</p>" if problem.detail else "")
        )
        media = "text/html; charset=utf-8"
    else:
        content = json.dumps(problem.body(), ensure_ascii=False)
        media = PROBLEM_JSON
    return Response(content, status_code=problem.status, media_type=media, headers=problem.headers)


def install(app: FastAPI) -> None:
    """Register the handlers that turn every error into a problem response."""

    async def on_problem(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Problem)
        return render(exc, request.headers.get("accept"))

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        title = HTTPStatus(exc.status_code).phrase
        detail = exc.detail if isinstance(exc.detail, str) and exc.detail != title else None
        problem = Problem(exc.status_code, title, detail=detail, headers=dict(exc.headers or {}))
        return render(problem, request.headers.get("accept"))

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        return render(Problem(400, "Bad request", detail=detail), request.headers.get("accept"))

    app.add_exception_handler(Problem, on_problem)
    app.add_exception_handler(HTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
