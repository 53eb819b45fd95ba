"""``create_app(settings, store)``: a thin FastAPI app around reusable routers.

The store is injected (never global) and held, with the worker pool, in one
:class:`~sco_kg.web.context.Endpoint` on ``app.state``. Routers come from a list, so the
HTML pages and IRI dereferencing can be added as one more router.
"""

from __future__ import annotations

import asyncio
import html
import logging
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from starlette.responses import HTMLResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..store import OxigraphStore, StoreHome
from . import description, dumps, errors, sparql
from .context import Endpoint
from .pages import pages_router
from .settings import Settings
from .worker import Snapshots, WorkerPool

log = logging.getLogger(__name__)

docs_router = APIRouter(include_in_schema=False)

# The routers every app gets, in order; create_app(extra_routers=...) appends more.
ROUTERS: tuple[APIRouter, ...] = (sparql.router, description.router, dumps.router, docs_router)


def _open(store: OxigraphStore | StoreHome) -> OxigraphStore:
    return store.open() if isinstance(store, StoreHome) else store


def _content_time(store: OxigraphStore) -> float:
    """When the content last changed, as far as the files tell (now, for a memory store)."""
    path = getattr(store, "path", None)
    if path is None or not Path(path).exists():
        return time.time()
    return max((p.stat().st_mtime for p in Path(path).iterdir()), default=time.time())


def create_app(
    settings: Settings,
    store: OxigraphStore | StoreHome,
    *,
    extra_routers: Sequence[APIRouter] = (),
) -> FastAPI:
    """The endpoint app over ``store`` (an open OxigraphStore, or a StoreHome to open).

    Query workers start with the app (uvicorn's lifespan) and stop with it.
    """
    graph_store = _open(store)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        snapshots = Snapshots(settings.snapshot_dir)
        await asyncio.to_thread(snapshots.take, graph_store)
        pool = WorkerPool(
            settings.worker_count(),
            snapshots,
            description.PREFIXES,
            settings.worker_memory_quads,
            settings.worker_spin_ms,
        )
        await pool.start()
        ep = Endpoint(settings, graph_store, snapshots, pool, changed_at=_content_time(graph_store))
        app.state.endpoint = ep
        # Warm the VoID statistics so the first service description is quick.
        warm = asyncio.create_task(description.statistics(ep))
        try:
            yield
        finally:
            warm.cancel()
            await pool.stop()
            snapshots.close()

    app = EndpointApp(
        title="sco-kg",
        version=__version__,
        description="A linked-data knowledge graph of diplomacy: SPARQL 1.1 endpoint, dumps and dataset description.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    errors.install(app)
    for router in (*ROUTERS, pages_router(), *extra_routers):
        app.include_router(router)
    app.add_middleware(ReadCors)
    return app


class EndpointApp(FastAPI):
    """FastAPI with the SPARQL fast path outermost (see sparql.FastPath)."""

    def build_middleware_stack(self) -> ASGIApp:
        return sparql.FastPath(super().build_middleware_stack())


class ReadCors:
    """CORS for read requests only: GET and HEAD answers carry ``Access-Control-Allow-Origin``;
    a preflight allows GET, HEAD and POST with ``Content-Type`` but never ``Authorization``,
    so no other site's page can send an update token. (Query POSTs add the header themselves.)
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        headers = dict(scope["headers"])
        if method == "OPTIONS" and b"access-control-request-method" in headers:
            await self._preflight(send)
            return
        if method not in ("GET", "HEAD") or b"origin" not in headers:
            await self.app(scope, receive, send)
            return

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw = list(message.get("headers", []))
                if not any(k.lower() == b"access-control-allow-origin" for k, _ in raw):
                    raw.append((b"access-control-allow-origin", b"*"))
                message = {**message, "headers": raw}
            await send(message)

        await self.app(scope, receive, send_with_cors)

    @staticmethod
    async def _preflight(send: Send) -> None:
        await send(
            {
                "type": "http.response.start",
                "status": 204,
                "headers": [
                    (b"access-control-allow-origin", b"*"),
                    (b"access-control-allow-methods", b"GET, HEAD, POST"),
                    (b"access-control-allow-headers", b"Accept, Content-Type"),
                    (b"access-control-max-age", b"600"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": b""})


@docs_router.get("/docs")
async def docs(request: Request) -> Response:
    """The OpenAPI description as a plain HTML page (no scripts, nothing from a CDN)."""
    spec = request.app.openapi()
    rows = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = "".join(
                f"<li><code>{html.escape(p['name'])}</code> ({p['in']}) {html.escape(p.get('description', ''))}</li>"
                for p in op.get("parameters", [])
            )
            bodies = ", ".join(f"<code>{html.escape(m)}</code>" for m in op.get("requestBody", {}).get("content", {}))
            answers = ", ".join(
                f"{code} {html.escape(r.get('description', ''))}" for code, r in op.get("responses", {}).items()
            )
            rows.append(
                f"<section><h2><code>{method.upper()} {html.escape(path)}</code></h2>"
                f"<p>{html.escape(op.get('summary', ''))}</p>"
                + (f"<h3>Parameters</h3><ul>{params}</ul>" if params else "")
                + (f"<p>Body: {bodies}</p>" if bodies else "")
                + (f"<p>Responses: {answers}</p>" if answers else "")
                + "</section>"
            )
    page = (
        "<!doctype html><html lang=en><meta charset=utf-8><title>sco-kg API</title>"
        "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}"
        "code{background:#f3f3f3;padding:0 .2em}section{border-top:1px solid #ddd}</style>"
        f"<h1>{html.escape(spec['info']['title'])} API {html.escape(spec['info']['version'])}</h1>"
        f"<p>{html.escape(spec['info'].get('description', ''))}</p>"
        '<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3).</p>' + "".join(rows)
    )
    return HTMLResponse(page, headers={"Link": '</openapi.json>; rel="alternate"; type="application/json"'})
