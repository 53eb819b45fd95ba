"""Whole-dataset downloads: ``/dump`` (negotiated) and ``/dump.nq``, ``.trig``, ``.ttl``...

A dump is written by a separate process reading the current snapshot and streamed to the
client as it comes, gzip-compressed when the client accepts it; nothing is built in
memory and the event loop never serialises. ``ETag`` is the store's content version (plus
format and encoding), so a client that has the current dump gets ``304 Not Modified``.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from email.utils import parsedate_to_datetime

import pyoxigraph as ox
from fastapi import APIRouter, Request
from starlette.responses import Response, StreamingResponse

from . import negotiation
from .context import Endpoint, endpoint_of
from .description import DUMP_EXTENSIONS, PREFIXES
from .errors import Problem
from .worker import worker_env

router = APIRouter(tags=["Downloads"])
_CHUNK = 1 << 16


def accepts_gzip(header: str | None) -> bool:
    """Whether ``Accept-Encoding`` allows gzip.

    >>> accepts_gzip("br, gzip;q=0.8"), accepts_gzip("gzip;q=0"), accepts_gzip(None)
    (True, False, False)
    """
    ranges = negotiation.parse_accept(",".join(f"x/{part.strip()}" for part in (header or "").split(",") if part.strip()))
    quality = {r.subtype: r.q for r in ranges}
    return quality.get("gzip", quality.get("*", 0.0)) > 0


def _etag_matches(header: str, etag: str) -> bool:
    tags = [t.strip().removeprefix("W/") for t in header.split(",")]
    return "*" in tags or etag in tags


def _not_modified_since(header: str | None, ep: Endpoint) -> bool:
    if not header:
        return False
    try:
        return parsedate_to_datetime(header).timestamp() >= int(ep.changed_at)
    except (TypeError, ValueError):
        return False


async def _stream(ep: Endpoint, fmt: ox.RdfFormat, gzip: bool) -> AsyncIterator[bytes]:
    snapshot = ep.snapshots.current
    assert snapshot is not None
    ep.snapshots.hold(snapshot)
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "sco_kg.web.worker",
        "--dump",
        snapshot,
        fmt.media_type,
        "gzip" if gzip else "plain",
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        env=worker_env(PREFIXES),
    )
    assert proc.stdout is not None
    try:
        while chunk := await proc.stdout.read(_CHUNK):
            yield chunk
        if await proc.wait() != 0:
            # Headers are gone already: break the connection rather than end a cut body cleanly.
            raise RuntimeError(f"dump process exited with {proc.returncode}")
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
        ep.snapshots.release(snapshot)
        ep.pool.prune()


def _download(request: Request, fmt: ox.RdfFormat, media_type: str, ext: str) -> Response:
    ep = endpoint_of(request)
    gzip = accepts_gzip(request.headers.get("accept-encoding"))
    etag = f'"{ep.version}.{ext}{".gz" if gzip else ""}"'
    headers = {
        "ETag": etag,
        "Last-Modified": ep.last_modified,
        "Vary": "Accept, Accept-Encoding",
        "Cache-Control": "public, no-cache",
        "Content-Disposition": f'inline; filename="sco-kg.{ext}"',
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Expose-Headers": "ETag, Last-Modified",
    }
    if gzip:
        headers["Content-Encoding"] = "gzip"
    inm = request.headers.get("if-none-match")
    if (inm and _etag_matches(inm, etag)) or (not inm and _not_modified_since(request.headers.get("if-modified-since"), ep)):
        return Response(status_code=304, headers=headers)
    if request.method == "HEAD":
        return Response(status_code=200, headers=headers, media_type=media_type)
    return StreamingResponse(_stream(ep, fmt, gzip), media_type=media_type, headers=headers)


@router.get("/dump", summary="The whole dataset, in the format the client accepts (HEAD too)")
async def dump(request: Request) -> Response:
    name = request.query_params.get("format")
    offers = negotiation.DATASET
    offer = negotiation.by_name(name, offers) if name else negotiation.choose(request.headers.get("accept"), offers)
    if offer is None or not isinstance(offer.format, ox.RdfFormat):
        raise Problem(406, "Not Acceptable", detail="dumps come as " + ", ".join(negotiation.media_types(offers)))
    return _download(request, offer.format, offer.content_type, offer.format.file_extension)


@router.get(
    "/dump.{ext}",
    summary="The whole dataset as N-Quads (nq), TriG, Turtle (ttl), N-Triples (nt), JSON-LD or RDF/XML (rdf)",
)
async def dump_file(request: Request, ext: str) -> Response:
    if ext not in DUMP_EXTENSIONS:
        raise Problem(404, "No such dump", detail=f"available: " + ", ".join(f"/dump.{e}" for e in DUMP_EXTENSIONS))
    fmt = ox.RdfFormat.from_extension(ext)
    assert fmt is not None
    offer = negotiation.Offer(fmt.media_type, fmt)
    return _download(request, fmt, offer.content_type, ext)


router.add_api_route("/dump", dump, methods=["HEAD"], include_in_schema=False)
router.add_api_route("/dump.{ext}", dump_file, methods=["HEAD"], include_in_schema=False)
