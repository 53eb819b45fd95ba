"""The SPARQL 1.1 Protocol at ``/sparql``: queries for everyone, updates for token holders.

One handler reads the operation the way the protocol says (GET; POST form; POST direct),
checks it, and hands queries to the worker pool and updates to the store. The service
description answers a GET without a query.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import parse_qsl

import pyoxigraph as ox
from fastapi import APIRouter, Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from . import description, negotiation
from .context import Endpoint, endpoint_of
from .errors import Problem, render
from .guard import analyse, check_document, check_outbound, with_using
from .worker import PoolBusy, WorkerGone

FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"

# Words a query must contain to name a dataset or leave the store; queries without them
# skip the tokenizer (the keywords have no escaped spelling, so a plain search is enough).
_NEEDS_GUARD = re.compile(r"service|from|load", re.IGNORECASE)
# A LIMIT in the tail after the last '}' (when the tail holds no string, IRI or comment).
_TAIL_LIMIT = re.compile(r"\bLIMIT\s+([0-9]+)", re.IGNORECASE)

READ_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "X-SPARQL-Truncated, X-SPARQL-MaxRows, ETag, Link",
}

WRITE = "sco_kg.write"  # scope key set on update requests
router = APIRouter(tags=["SPARQL"])
log = logging.getLogger(__name__)


@dataclass
class Operation:
    """A query or an update, with its protocol dataset, as the request gave them."""

    query: str | None = None
    update: str | None = None
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    using_graphs: list[str] = field(default_factory=list)
    using_named_graphs: list[str] = field(default_factory=list)
    timeout: str | None = None
    format: str | None = None


def _one(params: list[tuple[str, str]], name: str) -> str | None:
    values = [v for k, v in params if k == name]
    if len(values) > 1:
        raise Problem(400, f"More than one '{name}' parameter", detail="Send exactly one operation per request.")
    return values[0] if values else None


def _iris(params: list[tuple[str, str]], name: str) -> list[str]:
    out = []
    for key, value in params:
        if key == name:
            try:
                out.append(ox.NamedNode(value).value)
            except ValueError:
                raise Problem(400, f"Bad {name}", detail=f"{value!r} is not an absolute IRI") from None
    return out


def _operation(params: list[tuple[str, str]]) -> Operation:
    op = Operation(
        query=_one(params, "query"),
        update=_one(params, "update"),
        default_graphs=_iris(params, "default-graph-uri"),
        named_graphs=_iris(params, "named-graph-uri"),
        using_graphs=_iris(params, "using-graph-uri"),
        using_named_graphs=_iris(params, "using-named-graph-uri"),
        timeout=_one(params, "timeout"),
        format=_one(params, "format"),
    )
    if op.query is not None and op.update is not None:
        raise Problem(400, "Both 'query' and 'update' given", detail="Send exactly one operation per request.")
    return op


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it passes ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise Problem(413, "Request body too large", detail=f"the limit is {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Problem(413, "Request body too large", detail=f"the limit is {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _media_type(header: str | None) -> tuple[str, str | None]:
    """(media type, charset) of a Content-Type header."""
    if not header:
        return "", None
    media, *params = header.split(";")
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return media.strip().lower(), charset


def _utf8(body: bytes, charset: str | None) -> str:
    if charset not in (None, "utf-8", "utf8"):
        raise Problem(415, "Unsupported charset", detail=f"{charset!r}: SPARQL requests must be UTF-8")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Problem(400, "Request is not UTF-8", detail=str(exc)) from None


async def read_operation(request: Request, ep: Endpoint) -> Operation:
    """Read a protocol operation from GET parameters, a form body or a direct body."""
    url_params = parse_qsl(request.scope["query_string"].decode("latin-1"), keep_blank_values=True)
    if request.method == "GET":
        op = _operation(url_params)
        if op.update is not None:
            raise Problem(
                405, "Updates must use POST", detail="Send the update in a POST body.", headers={"Allow": "POST"}
            )
        return op
    media, charset = _media_type(request.headers.get("content-type"))
    if media not in (FORM, QUERY, UPDATE):
        if "json" in media or "xml" in media:
            # Not ours to evaluate, but say so precisely if it points at other documents.
            check_document(await read_body(request, ep.settings.max_body_bytes), media)
        shown = media or "none"
        raise Problem(
            415,
            "Unsupported Media Type",
            detail=f"Content-Type {shown}: send {FORM}, {QUERY} or {UPDATE}",
        )
    body = await read_body(request, ep.settings.max_body_bytes)
    text = _utf8(body, charset)
    if media == FORM:
        return _operation(url_params + parse_qsl(text, keep_blank_values=True))
    op = _operation(url_params)
    if op.query is not None or op.update is not None:
        raise Problem(400, "Operation given twice", detail=f"a {media} body and a query/update parameter")
    if media == QUERY:
        op.query = text
    else:
        op.update = text
    return op


def _timeout(op: Operation, ep: Endpoint) -> float:
    limit = ep.settings.timeout
    if op.timeout is None or op.timeout == "":
        return limit
    try:
        asked = float(op.timeout)
    except ValueError:
        raise Problem(400, "Bad timeout", detail=f"{op.timeout!r} is not a number of seconds") from None
    if asked <= 0:
        raise Problem(400, "Bad timeout", detail="the timeout must be positive")
    return min(asked, limit)


_KINDS = {"s": negotiation.SOLUTIONS, "b": negotiation.BOOLEAN, "t": negotiation.TRIPLES}


@lru_cache(maxsize=512)
def _offers_for(accept: str | None, name: str | None) -> dict[str, negotiation.Offer | None]:
    """The offer per answer kind (s: SELECT, b: ASK, t: CONSTRUCT/DESCRIBE); cached, as
    clients send the same few Accept headers over and over."""
    if name:
        return {k: negotiation.by_name(name, offers) for k, offers in _KINDS.items()}
    return {k: negotiation.choose(accept, offers) for k, offers in _KINDS.items()}


def _offers(request: Request, op: Operation) -> dict[str, negotiation.Offer | None]:
    return _offers_for(request.headers.get("accept"), op.format)


def _tail_limit(query: str) -> int | None:
    tail = query[query.rfind("}") + 1 :]
    if any(c in tail for c in "#\"'<"):
        return None
    m = _TAIL_LIMIT.search(tail)
    return int(m.group(1)) if m else None


async def run_query(request: Request, ep: Endpoint, op: Operation) -> Response:
    query = op.query or ""
    settings = ep.settings
    services, limit = False, None
    if _NEEDS_GUARD.search(query):
        found = analyse(query, settings.base_iri)
        check_outbound(found, allowlist=settings.service_allowlist, known_graph=ep.has_graph)
        services, limit = bool(found.services), found.limit
    else:
        limit = _tail_limit(query)
    offers = _offers(request, op)
    if not any(offers.values()):
        raise _not_acceptable(request, op)
    protocol_dataset = bool(op.default_graphs or op.named_graphs)
    job = {
        "q": query,
        "base": settings.base_iri,
        "dg": op.default_graphs if protocol_dataset else None,
        "ng": op.named_graphs if protocol_dataset else None,
        "offers": {k: (o.format.media_type if o and o.format else None) for k, o in offers.items()},
        "cap": settings.max_results,
        "limit_ok": limit is not None and limit <= settings.max_results,
        "service": services,
    }
    timeout = _timeout(op, ep)
    try:
        header, body = await ep.pool.run(job, timeout)
    except TimeoutError:
        raise Problem(
            503,
            "Query timed out",
            detail=f"The query ran past {timeout:g} s and was stopped.",
            headers={"Retry-After": "1", **READ_HEADERS},
            timeout=timeout,
        ) from None
    except PoolBusy:
        raise Problem(
            503, "Server busy", detail="No query worker became free in time.", headers={"Retry-After": "1", **READ_HEADERS}
        ) from None
    except WorkerGone as exc:
        raise Problem(500, "Query worker stopped", detail=str(exc), headers=READ_HEADERS) from None
    status = header["status"]
    if status == 406:
        raise _not_acceptable(request, op, kind=header["kind"])
    if status != 200:
        raise Problem(status, header.get("title", "Query failed"), detail=header.get("detail"), headers=READ_HEADERS)
    offer = offers[header["kind"]]
    assert offer is not None
    headers = {"Vary": "Accept", **READ_HEADERS}
    if header.get("truncated"):
        headers["X-SPARQL-Truncated"] = "true"
        headers["X-SPARQL-MaxRows"] = str(settings.max_results)
    return Response(body, media_type=offer.content_type, headers=headers)


def _not_acceptable(request: Request, op: Operation, kind: str | None = None) -> Problem:
    kinds = {"s": negotiation.SOLUTIONS, "b": negotiation.BOOLEAN, "t": negotiation.TRIPLES}
    offered = kinds[kind] if kind else negotiation.SOLUTIONS + negotiation.TRIPLES
    asked = f"format={op.format}" if op.format else f"Accept: {request.headers.get('accept', '')}"
    return Problem(
        406,
        "Not Acceptable",
        detail=f"{asked}; this answer can be " + ", ".join(negotiation.media_types(offered)),
        headers=READ_HEADERS,
    )


def _authorise(request: Request, ep: Endpoint) -> None:
    token = ep.settings.update_token
    if not token:
        raise Problem(403, "Updates are disabled", detail="This endpoint is read-only.")
    given = request.headers.get("authorization", "")
    scheme, _, credentials = given.partition(" ")
    if scheme.lower() != "bearer" or not credentials:
        raise Problem(
            401,
            "Authentication required",
            detail="Updates need 'Authorization: Bearer <token>'.",
            headers={"WWW-Authenticate": 'Bearer realm="sco-kg"'},
        )
    if not hmac.compare_digest(credentials.strip().encode(), token.encode()):
        raise Problem(403, "Wrong update token")


async def run_update(request: Request, ep: Endpoint, op: Operation) -> Response:
    request.scope[WRITE] = True  # no CORS on anything an update gets back
    _authorise(request, ep)
    text = op.update or ""
    found = analyse(text, ep.settings.base_iri)
    check_outbound(found, allowlist=ep.settings.service_allowlist, known_graph=lambda _: True)
    text = with_using(text, found, op.using_graphs, op.using_named_graphs)
    async with ep.update_lock:
        try:
            await asyncio.to_thread(ep.store.update, text, base_iri=ep.settings.base_iri)
        except SyntaxError as exc:
            raise Problem(400, "Update syntax error", detail=str(exc)) from None
        except (OSError, ValueError) as exc:
            # A failed operation may follow successful ones: publish what is there now.
            await ep.published()
            raise Problem(500, "Update failed", detail=str(exc)) from None
        await ep.published()
    return Response(status_code=204)


_DOC = {
    "parameters": [
        {"name": "query", "in": "query", "schema": {"type": "string"}, "description": "A SPARQL 1.1 query."},
        {"name": "default-graph-uri", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
        {"name": "named-graph-uri", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
        {"name": "timeout", "in": "query", "schema": {"type": "number"}, "description": "Seconds, capped by the server."},
        {"name": "format", "in": "query", "schema": {"type": "string"}, "description": "json, xml, csv, tsv, ttl, nt, rdf, jsonld, nq or trig; overrides Accept."},
    ],
}
_POST_DOC = {
    "parameters": _DOC["parameters"]
    + [
        {"name": "using-graph-uri", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
        {"name": "using-named-graph-uri", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
    ],
    "requestBody": {
        "content": {
            QUERY: {"schema": {"type": "string"}},
            UPDATE: {"schema": {"type": "string"}},
            FORM: {"schema": {"type": "object", "properties": {"query": {"type": "string"}, "update": {"type": "string"}}}},
        }
    },
}


async def handle(request: Request) -> Response:
    """GET or POST /sparql: a query, an update, or the service description."""
    ep = endpoint_of(request)
    op = await read_operation(request, ep)
    if op.update is not None:
        return await run_update(request, ep, op)
    if op.query is None:
        if request.method == "GET":
            return await description.service_description(request, ep)
        raise Problem(400, "No operation", detail="Send a 'query' or an 'update'.", headers=READ_HEADERS)
    return await run_query(request, ep, op)


class FastPath:
    """ASGI layer answering GET and POST /sparql ahead of FastAPI's middleware and routing.

    The hot path of a public endpoint is tiny queries; FastAPI's layers cost about as much
    as the query itself. The app puts this layer outermost (see app.EndpointApp); the routes
    below stay registered, so they document /sparql in the OpenAPI description and answer
    any other method (405). Read answers get CORS here, update answers never do.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != "/sparql" or scope["method"] not in ("GET", "POST"):
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        try:
            response = await handle(request)
        except Problem as problem:
            response = render(problem, request.headers.get("accept"))
        except Exception as exc:  # noqa: BLE001 - a bug must still answer as a problem
            log.exception("SPARQL request failed")
            response = render(Problem(500, "Internal error", detail=type(exc).__name__), request.headers.get("accept"))
        if not scope.get(WRITE):
            for name, value in READ_HEADERS.items():
                response.headers.setdefault(name, value)
        await response(scope, receive, send)


@router.get(
    "/sparql",
    summary="SPARQL query (GET); the service description without a query",
    openapi_extra=_DOC,
    responses={200: {"description": "Results or RDF, by content negotiation"}},
)
async def sparql_get(request: Request) -> Response:
    return await handle(request)


@router.post(
    "/sparql",
    summary="SPARQL query or update (POST form or direct); updates need a bearer token",
    openapi_extra=_POST_DOC,
    responses={200: {"description": "Results or RDF"}, 204: {"description": "Update done"}},
)
async def sparql_post(request: Request) -> Response:
    return await handle(request)
