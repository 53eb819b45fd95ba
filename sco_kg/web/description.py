"""Describing the service and the dataset: SPARQL Service Description, VoID and DCAT.

``GET /sparql`` without a query answers with the service description (its default
dataset carries VoID statistics); ``GET /dataset`` (and ``/.well-known/void``) describe
the dataset itself for catalogues: VoID plus DCAT, linking the dumps and the endpoint.
Statistics come from SPARQL run on the worker pool, cached per store version.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable

import pyoxigraph as ox
from fastapi import APIRouter, Request
from starlette.responses import Response

from .. import __version__
from ..namespaces import BASE, DATA, GRAPH, ONTOLOGY_IRI, SCO, WD
from . import negotiation
from .context import Endpoint, endpoint_of
from .errors import Problem

log = logging.getLogger(__name__)

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
FORMATS = "http://www.w3.org/ns/formats/"
XSD = "http://www.w3.org/2001/XMLSchema#"

PREFIXES: dict[str, str] = {
    "sco": str(SCO._NS),
    "id": str(DATA),
    "graph": str(GRAPH),
    "wd": str(WD),
    "rdf": RDF,
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": XSD,
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "dct": DCT,
    "dcat": DCAT,
    "void": VOID,
    "sd": SD,
}

# The formats' W3C identifiers, for sd:resultFormat and dct:format.
_FORMAT_IRIS = {
    "application/sparql-results+json": "SPARQL_Results_JSON",
    "application/sparql-results+xml": "SPARQL_Results_XML",
    "text/csv": "SPARQL_Results_CSV",
    "text/tab-separated-values": "SPARQL_Results_TSV",
    "text/turtle": "Turtle",
    "application/n-triples": "N-Triples",
    "application/rdf+xml": "RDF_XML",
    "application/ld+json": "JSON-LD",
    "application/n-quads": "N-Quads",
    "application/trig": "TriG",
}
DUMP_EXTENSIONS = ("nq", "trig", "ttl", "nt", "jsonld", "rdf")

# The default graph is the store's merged view of all article graphs: the dataset's
# statistics are those of the default graph; each named graph gets its own size.
_STATS_QUERIES = {
    "totals": "SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?p) AS ?properties)"
    " (COUNT(DISTINCT ?o) AS ?objects) WHERE { ?s ?p ?o }",
    "graphs": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
    "classes": "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY ?c",
    "properties": "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY ?p",
}


def _iri(value: str) -> ox.NamedNode:
    return ox.NamedNode(value)


def _int(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=_iri(XSD + "integer"))


async def statistics(ep: Endpoint) -> dict:
    """Counts of the current content (cached per store version); {} if they time out."""
    version = ep.version
    if version in ep.stats_cache:
        return ep.stats_cache[version]
    stats: dict = {}
    try:
        for name, query in _STATS_QUERIES.items():
            job = {"q": query, "offers": {"s": ox.QueryResultsFormat.JSON.media_type}, "cap": 1_000_000}
            header, body = await ep.pool.run(job, ep.settings.timeout)
            if header["status"] != 200:
                raise RuntimeError(header.get("detail"))
            rows = json.loads(body)["results"]["bindings"]
            stats[name] = [{k: v["value"] for k, v in row.items()} for row in rows]
    except (TimeoutError, RuntimeError, OSError) as exc:
        log.warning("dataset statistics unavailable: %s", exc)
        return {}
    ep.stats_cache.clear()
    ep.stats_cache[version] = stats
    return stats


def _void_stats(node: ox.NamedNode | ox.BlankNode, stats: dict) -> Iterable[ox.Triple]:
    if not stats:
        return
    totals = stats["totals"][0] if stats["totals"] else {}
    for key, prop in (
        ("triples", "triples"),
        ("subjects", "distinctSubjects"),
        ("properties", "properties"),
        ("objects", "distinctObjects"),
    ):
        yield ox.Triple(node, _iri(VOID + prop), _int(int(totals.get(key, 0))))
    yield ox.Triple(node, _iri(VOID + "classes"), _int(len(stats["classes"])))
    for row in stats["classes"]:
        part = ox.BlankNode()
        yield ox.Triple(node, _iri(VOID + "classPartition"), part)
        yield ox.Triple(part, _iri(VOID + "class"), _iri(row["c"]))
        yield ox.Triple(part, _iri(VOID + "entities"), _int(int(row["n"])))
    for row in stats["properties"]:
        part = ox.BlankNode()
        yield ox.Triple(node, _iri(VOID + "propertyPartition"), part)
        yield ox.Triple(part, _iri(VOID + "property"), _iri(row["p"]))
        yield ox.Triple(part, _iri(VOID + "triples"), _int(int(row["n"])))


def service_triples(ep: Endpoint, public: str, stats: dict) -> list[ox.Triple]:
    """The SPARQL 1.1 Service Description of this endpoint."""
    a = _iri(RDF + "type")
    service = _iri(f"{public}/sparql#service")
    out = [
        ox.Triple(service, a, _iri(SD + "Service")),
        ox.Triple(service, _iri(SD + "endpoint"), _iri(f"{public}/sparql")),
        ox.Triple(service, _iri(SD + "supportedLanguage"), _iri(SD + "SPARQL11Query")),
        ox.Triple(service, _iri(SD + "feature"), _iri(SD + "UnionDefaultGraph")),
        ox.Triple(service, _iri(SD + "feature"), _iri(SD + "BasicFederatedQuery")),
    ]
    if ep.settings.update_token:
        out.append(ox.Triple(service, _iri(SD + "supportedLanguage"), _iri(SD + "SPARQL11Update")))
    for media in negotiation.media_types(negotiation.SOLUTIONS + negotiation.TRIPLES):
        out.append(ox.Triple(service, _iri(SD + "resultFormat"), _iri(FORMATS + _FORMAT_IRIS[media])))
    dataset = _iri(f"{public}/sparql#dataset")
    default = _iri(f"{public}/sparql#default-graph")
    out += [
        ox.Triple(service, _iri(SD + "defaultDataset"), dataset),
        ox.Triple(dataset, a, _iri(SD + "Dataset")),
        ox.Triple(dataset, _iri(DCT + "source"), _iri(BASE + "dataset")),
        ox.Triple(dataset, _iri(SD + "defaultGraph"), default),
        ox.Triple(default, a, _iri(SD + "Graph")),
        ox.Triple(default, a, _iri(VOID + "Dataset")),
    ]
    out += _void_stats(default, stats)
    for row in stats.get("graphs", []):
        named = ox.BlankNode()
        graph = ox.BlankNode()
        out += [
            ox.Triple(dataset, _iri(SD + "namedGraph"), named),
            ox.Triple(named, _iri(SD + "name"), _iri(row["g"])),
            ox.Triple(named, _iri(SD + "graph"), graph),
            ox.Triple(graph, a, _iri(SD + "Graph")),
            ox.Triple(graph, _iri(VOID + "triples"), _int(int(row["n"]))),
        ]
    return out


def dataset_triples(ep: Endpoint, public: str, stats: dict) -> list[ox.Triple]:
    """VoID and DCAT description of the dataset, with its dumps and endpoint."""
    a = _iri(RDF + "type")
    dataset = _iri(BASE + "dataset")
    title = ox.Literal("sco-kg: a knowledge graph of diplomacy", language="en")
    about = ox.Literal(
        "Who met whom, when, where and on what occasion; partnership levels and endorsements, "
        "extracted from news and official readouts, each fact traceable to its sentence.",
        language="en",
    )
    out = [
        ox.Triple(dataset, a, _iri(VOID + "Dataset")),
        ox.Triple(dataset, a, _iri(DCAT + "Dataset")),
        ox.Triple(dataset, _iri(DCT + "title"), title),
        ox.Triple(dataset, _iri(DCT + "description"), about),
        ox.Triple(dataset, _iri(DCT + "license"), _iri("https://creativecommons.org/licenses/by/4.0/")),
        ox.Triple(dataset, _iri(DCT + "hasVersion"), ox.Literal(ep.version)),
        ox.Triple(dataset, _iri(DCT + "modified"), ox.Literal(ep.last_modified)),
        ox.Triple(dataset, _iri(VOID + "uriSpace"), ox.Literal(str(DATA))),
        ox.Triple(dataset, _iri(VOID + "vocabulary"), _iri(ONTOLOGY_IRI)),
        ox.Triple(dataset, _iri(VOID + "sparqlEndpoint"), _iri(f"{public}/sparql")),
        ox.Triple(dataset, _iri(VOID + "feature"), _iri(FORMATS + "N-Quads")),
    ]
    service = _iri(f"{public}/sparql#service")
    out += [
        ox.Triple(service, a, _iri(DCAT + "DataService")),
        ox.Triple(service, _iri(DCAT + "endpointURL"), _iri(f"{public}/sparql")),
        ox.Triple(service, _iri(DCAT + "servesDataset"), dataset),
        ox.Triple(service, _iri(DCAT + "endpointDescription"), _iri(f"{public}/sparql")),
    ]
    for ext in DUMP_EXTENSIONS:
        fmt = ox.RdfFormat.from_extension(ext)
        assert fmt is not None
        url = _iri(f"{public}/dump.{ext}")
        dist = _iri(f"{public}/dump.{ext}#distribution")
        out += [
            ox.Triple(dataset, _iri(VOID + "dataDump"), url),
            ox.Triple(dataset, _iri(DCAT + "distribution"), dist),
            ox.Triple(dist, a, _iri(DCAT + "Distribution")),
            ox.Triple(dist, _iri(DCAT + "downloadURL"), url),
            ox.Triple(dist, _iri(DCAT + "accessURL"), url),
            ox.Triple(dist, _iri(DCAT + "mediaType"), _iri(f"https://www.iana.org/assignments/media-types/{fmt.media_type}")),
            ox.Triple(dist, _iri(DCT + "format"), _iri(FORMATS + _FORMAT_IRIS[fmt.media_type])),
            ox.Triple(dist, _iri(DCT + "title"), ox.Literal(f"Full dump ({fmt.name})", language="en")),
        ]
    out += _void_stats(dataset, stats)
    return out


def rdf_response(request: Request, triples: list[ox.Triple], path: str) -> Response:
    """Triples in the client's format, with ``Link: rel=alternate`` to the other formats."""
    name = request.query_params.get("format")
    offers = negotiation.TRIPLES
    offer = negotiation.by_name(name, offers) if name else negotiation.choose(request.headers.get("accept"), offers)
    if offer is None or offer.format is None:
        raise Problem(406, "Not Acceptable", detail="available: " + ", ".join(negotiation.media_types(offers)))
    fmt = offer.format
    assert isinstance(fmt, ox.RdfFormat)
    kwargs = {"prefixes": PREFIXES} if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else {}
    body = ox.serialize(triples, format=fmt, **kwargs) or b""
    links = ", ".join(
        f'<{path}?format={short}>; rel="alternate"; type="{media}"'
        for short, media in (("ttl", "text/turtle"), ("jsonld", "application/ld+json"), ("rdf", "application/rdf+xml"), ("nt", "application/n-triples"))
        if media != offer.media_type
    )
    headers = {"Vary": "Accept", "Link": links, "Access-Control-Allow-Origin": "*"}
    return Response(body, media_type=offer.content_type, headers=headers)


async def service_description(request: Request, ep: Endpoint) -> Response:
    public = ep.public_url(request)
    return rdf_response(request, service_triples(ep, public, await statistics(ep)), "/sparql")


router = APIRouter(tags=["Dataset"])


@router.get("/dataset", summary="VoID and DCAT description of the dataset, linking the dumps")
async def dataset(request: Request) -> Response:
    ep = endpoint_of(request)
    public = ep.public_url(request)
    return rdf_response(request, dataset_triples(ep, public, await statistics(ep)), "/dataset")


@router.get("/.well-known/void", summary="The VoID description (same as /dataset)")
async def well_known_void(request: Request) -> Response:
    return await dataset(request)


@router.get("/health", summary="Liveness and the store's content version")
async def health(request: Request) -> Response:
    ep = endpoint_of(request)
    doc = {"status": "ok", "version": ep.version, "workers": len(ep.pool.pids()), "software": f"sco-kg {__version__}"}
    return Response(json.dumps(doc), media_type="application/json", headers={"Cache-Control": "no-store"})
