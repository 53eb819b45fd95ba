"""The endpoint's standards: content negotiation, service description with VoID, dumps
with ETag/gzip/304, the VoID+DCAT dataset description, /health and /docs.

Real server on 127.0.0.1 (on-disk store unless a test says otherwise).
"""

from __future__ import annotations

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, RDF, VOID

from sco_kg.store import OxigraphStore
from sco_kg.web import negotiation
from sco_kg.web.guard import analyse, tokens, with_using

EX = "http://example.org/"
SD = "http://www.w3.org/ns/sparql-service-description#"


def sample() -> list[ox.Quad]:
    g1, g2 = ox.NamedNode(EX + "g1"), ox.NamedNode(EX + "g2")
    p, a = ox.NamedNode(EX + "p"), ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    return [
        ox.Quad(ox.NamedNode(EX + "a"), p, ox.Literal("één", language="nl"), g1),
        ox.Quad(ox.NamedNode(EX + "a"), a, ox.NamedNode(EX + "Thing"), g1),
        ox.Quad(ox.NamedNode(EX + "b"), p, ox.Literal("2", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), g2),
    ]


@pytest.fixture(scope="module")
def server(endpoint_start_module):  # noqa: ANN001, ANN201
    return endpoint_start_module(quads=sample(), update_token="tok")


def get(server, query: str, accept: str | None = None, **params) -> httpx.Response:  # noqa: ANN001
    headers = {"accept": accept} if accept else {}
    return httpx.get(server.url + "/sparql", params={"query": query, **params}, headers=headers, timeout=30)


SELECT = "SELECT ?s ?o WHERE { ?s <http://example.org/p> ?o } ORDER BY ?s"


@pytest.mark.parametrize(
    "accept, media, fmt",
    [
        ("application/sparql-results+json", "application/sparql-results+json", ox.QueryResultsFormat.JSON),
        ("application/sparql-results+xml", "application/sparql-results+xml", ox.QueryResultsFormat.XML),
        ("text/csv", "text/csv", ox.QueryResultsFormat.CSV),
        ("text/tab-separated-values", "text/tab-separated-values", ox.QueryResultsFormat.TSV),
        ("application/json", "application/json", ox.QueryResultsFormat.JSON),
        ("text/csv;q=0.2, application/sparql-results+xml;q=0.9", "application/sparql-results+xml", ox.QueryResultsFormat.XML),
        ("*/*", "application/sparql-results+json", ox.QueryResultsFormat.JSON),
    ],
)
def test_select_results_in_every_format(server, accept, media, fmt):  # noqa: ANN001
    r = get(server, SELECT, accept)
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == media
    assert "Accept" in r.headers["vary"]
    if fmt == ox.QueryResultsFormat.CSV:  # lossy: pyoxigraph does not read it back
        assert r.text.splitlines()[1:] == [f"{EX}a,één", f"{EX}b,2"]
        return
    rows = list(ox.parse_query_results(r.content, fmt))
    assert [str(row["s"].value) for row in rows] == [EX + "a", EX + "b"]
    if fmt in (ox.QueryResultsFormat.JSON, ox.QueryResultsFormat.XML, ox.QueryResultsFormat.TSV):
        assert rows[0]["o"] == ox.Literal("één", language="nl")


@pytest.mark.parametrize("media", ["text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json", "application/n-quads", "application/trig"])
def test_construct_in_every_rdf_format(server, media):  # noqa: ANN001
    r = get(server, "CONSTRUCT WHERE { ?s <http://example.org/p> ?o }", media)
    assert r.status_code == 200 and r.headers["content-type"].split(";")[0] == media
    triples = list(ox.parse(r.content, ox.RdfFormat.from_media_type(media)))
    assert len(triples) == 2


def test_describe_and_ask(server):  # noqa: ANN001
    r = get(server, f"DESCRIBE <{EX}a>", "application/n-triples")
    assert r.status_code == 200 and len(r.text.strip().splitlines()) == 2
    r = get(server, "ASK { ?s a <http://example.org/Thing> }", "application/sparql-results+xml")
    assert r.status_code == 200 and bool(ox.parse_query_results(r.content, ox.QueryResultsFormat.XML))


def test_406_when_nothing_acceptable(server):  # noqa: ANN001
    r = get(server, SELECT, "image/png")
    assert r.status_code == 406 and r.headers["content-type"] == "application/problem+json"
    assert "application/sparql-results+json" in r.json()["detail"]
    r = get(server, "ASK {}", "text/csv")  # CSV has no boolean form
    assert r.status_code == 406
    r = get(server, SELECT, "application/sparql-results+json;q=0")
    assert r.status_code == 406


def test_format_parameter_overrides_accept(server):  # noqa: ANN001
    r = get(server, SELECT, "application/sparql-results+xml", format="csv")
    assert r.headers["content-type"].startswith("text/csv")


def test_protocol_errors(server):  # noqa: ANN001
    url = server.url + "/sparql"
    assert httpx.put(url, params={"query": "ASK {}"}).status_code == 405
    assert httpx.delete(url).status_code == 405
    r = httpx.post(url, content="ASK {}", headers={"content-type": "text/plain"})
    assert r.status_code == 415 and "application/sparql-query" in r.json()["detail"]
    r = httpx.post(url, content="ASK {}".encode("utf-16"), headers={"content-type": "application/sparql-query; charset=utf-16"})
    assert r.status_code == 415
    r = get(server, "SELECT * WHERE { ?s ?p }")
    assert r.status_code == 400 and r.json()["title"] == "Query syntax error"
    r = httpx.get(url, params=[("query", "ASK {}"), ("query", "ASK {}")])
    assert r.status_code == 400
    r = httpx.get(url, params={"query": "ASK {}", "default-graph-uri": "not an iri"})
    assert r.status_code == 400
    r = httpx.get(url, params={"query": "ASK {}"}, headers={"accept": "text/html"})
    assert r.status_code == 406 and r.headers["content-type"].startswith("text/html")


def test_protocol_dataset_replaces_the_union_default_graph(server):  # noqa: ANN001
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

    def n(r: httpx.Response) -> int:
        return int(r.json()["results"]["bindings"][0]["n"]["value"])

    assert n(get(server, count)) == 3  # union of the named graphs
    assert n(get(server, count, **{"default-graph-uri": EX + "g2"})) == 1
    assert n(get(server, f"SELECT (COUNT(*) AS ?n) FROM <{EX}g1> WHERE {{ ?s ?p ?o }}")) == 2


def test_service_description_with_void_statistics(server):  # noqa: ANN001
    r = httpx.get(server.url + "/sparql", headers={"accept": "text/turtle"})
    assert r.status_code == 200
    g = Graph().parse(data=r.text, format="turtle")
    service = g.value(predicate=RDF.type, object=URIRef(SD + "Service"))
    assert g.value(service, URIRef(SD + "endpoint")) == URIRef(server.url + "/sparql")
    assert URIRef(SD + "SPARQL11Update") in set(g.objects(service, URIRef(SD + "supportedLanguage")))
    assert URIRef("http://www.w3.org/ns/formats/SPARQL_Results_CSV") in set(g.objects(service, URIRef(SD + "resultFormat")))
    assert 3 in {t.toPython() for t in g.objects(None, VOID.triples)}
    names = {str(o) for o in g.objects(None, URIRef(SD + "name"))}
    assert names == {EX + "g1", EX + "g2"}
    assert "rel=\"alternate\"" in r.headers["link"]


def test_dataset_description_links_the_dumps(server):  # noqa: ANN001
    r = httpx.get(server.url + "/dataset", headers={"accept": "application/ld+json"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/ld+json")
    g = Graph().parse(data=r.text, format="json-ld")
    dataset = URIRef("https://w3id.org/sco-kg/dataset")
    assert (dataset, RDF.type, VOID.Dataset) in g and (dataset, RDF.type, DCAT.Dataset) in g
    dumps = {str(u) for u in g.objects(dataset, VOID.dataDump)}
    assert server.url + "/dump.nq" in dumps and server.url + "/dump.ttl" in dumps
    downloads = {str(g.value(d, DCAT.downloadURL)) for d in g.objects(dataset, DCAT.distribution)}
    assert downloads == dumps
    assert g.value(dataset, VOID.sparqlEndpoint) == URIRef(server.url + "/sparql")
    assert g.value(dataset, VOID.triples).toPython() == 3
    assert httpx.get(server.url + "/.well-known/void").status_code == 200


@pytest.mark.parametrize("ext, fmt", [("nq", ox.RdfFormat.N_QUADS), ("trig", ox.RdfFormat.TRIG), ("ttl", ox.RdfFormat.TURTLE), ("nt", ox.RdfFormat.N_TRIPLES), ("jsonld", ox.RdfFormat.JSON_LD)])
def test_dumps_in_each_format(server, ext, fmt):  # noqa: ANN001
    r = httpx.get(server.url + f"/dump.{ext}", headers={"accept-encoding": "identity"})
    assert r.status_code == 200 and r.headers["content-type"].split(";")[0] == fmt.media_type.split(";")[0]
    quads = list(ox.parse(r.content, fmt))
    if fmt.supports_datasets:  # the store as it is: article graphs and their merge
        assert len(quads) == 6 and {q.graph_name for q in quads} == {ox.NamedNode(EX + "g1"), ox.NamedNode(EX + "g2"), ox.DefaultGraph()}
    else:  # the default graph: the merged view that queries see
        assert len(quads) == 3


def test_dump_negotiation_gzip_etag_and_304(server):  # noqa: ANN001
    r = httpx.get(server.url + "/dump", headers={"accept": "application/trig", "accept-encoding": "gzip"})
    assert r.status_code == 200 and r.headers["content-encoding"] == "gzip"
    assert r.headers["content-type"].startswith("application/trig")
    assert len(list(ox.parse(r.content, ox.RdfFormat.TRIG))) == 6  # httpx decoded the gzip
    etag, modified = r.headers["etag"], r.headers["last-modified"]
    again = httpx.get(server.url + "/dump", headers={"accept": "application/trig", "accept-encoding": "gzip", "if-none-match": etag})
    assert again.status_code == 304 and again.content == b""
    assert httpx.get(server.url + "/dump", headers={"accept": "application/trig", "if-modified-since": modified}).status_code == 304
    plain = httpx.get(server.url + "/dump.trig", headers={"accept-encoding": "identity", "if-none-match": etag})
    assert plain.status_code == 200 and plain.headers["etag"] != etag  # another encoding, another tag
    assert httpx.get(server.url + "/dump", headers={"accept": "image/png"}).status_code == 406
    assert httpx.get(server.url + "/dump.zip").status_code == 404
    head = httpx.head(server.url + "/dump.nq")
    assert head.status_code == 200 and head.headers["etag"]


def test_the_etag_follows_the_content_version(endpoint_start):  # noqa: ANN001
    server = endpoint_start(quads=sample(), update_token="tok")
    first = httpx.get(server.url + "/dump.nq").headers["etag"]
    r = httpx.post(
        server.url + "/sparql",
        content=f"INSERT DATA {{ GRAPH <{EX}g3> {{ <{EX}c> <{EX}p> 3 }} }}",
        headers={"content-type": "application/sparql-update", "authorization": "Bearer tok"},
    )
    assert r.status_code == 204
    after = httpx.get(server.url + "/dump.nq", headers={"if-none-match": first, "accept-encoding": "identity"})
    assert after.status_code == 200 and after.headers["etag"] != first
    assert ox.Quad(ox.NamedNode(EX + "c"), ox.NamedNode(EX + "p"), ox.Literal("3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), ox.NamedNode(EX + "g3")) in set(ox.parse(after.content, ox.RdfFormat.N_QUADS))
    # Every worker sees the update, whichever one answers.
    for _ in range(4):
        r = get(server, "ASK { GRAPH <http://example.org/g3> { ?s ?p 3 } }")
        assert r.json()["boolean"] is True


def test_in_memory_store_and_disk_mode_workers(endpoint_start):  # noqa: ANN001
    store = OxigraphStore.in_memory()
    for graph in (EX + "g1", EX + "g2"):
        store.replace_graph(graph, [q for q in sample() if q.graph_name == ox.NamedNode(graph)])
    for server in (endpoint_start(store=store), endpoint_start(quads=sample(), worker_memory_quads=0)):
        r = get(server, SELECT)
        assert len(r.json()["results"]["bindings"]) == 2


def test_health_docs_and_openapi(server):  # noqa: ANN001
    health = httpx.get(server.url + "/health").json()
    assert health["status"] == "ok" and health["workers"] == 2
    docs = httpx.get(server.url + "/docs")
    assert docs.status_code == 200 and "/sparql" in docs.text and "<script" not in docs.text
    spec = httpx.get(server.url + "/openapi.json").json()
    assert {"/sparql", "/dump", "/dump.{ext}", "/dataset", "/health"} <= set(spec["paths"])


def test_read_requests_get_cors(server):  # noqa: ANN001
    origin = {"origin": "https://yasgui.example"}
    assert get(server, "ASK {}", **{}).status_code == 200
    r = httpx.get(server.url + "/sparql", params={"query": "ASK {}"}, headers=origin)
    assert r.headers["access-control-allow-origin"] == "*"
    r = httpx.post(server.url + "/sparql", data={"query": "ASK {}"}, headers=origin)
    assert r.headers["access-control-allow-origin"] == "*"
    r = httpx.get(server.url + "/dump.nq", headers=origin)
    assert r.headers["access-control-allow-origin"] == "*"


# --- units: negotiation and the guard's tokenizer ------------------------------------------


def test_accept_parsing_prefers_specific_ranges_and_q_values():
    choose = negotiation.choose
    assert choose("text/*;q=0.5, text/csv;q=0.1", negotiation.SOLUTIONS).media_type == "text/tab-separated-values"
    assert choose("application/*", negotiation.TRIPLES).media_type == "application/n-triples"
    assert choose("garbage, text/turtle", negotiation.TRIPLES).media_type == "text/turtle"
    assert choose("*/*;q=0", negotiation.SOLUTIONS) is None


def test_tokenizer_keeps_strings_iris_and_escaped_names_whole():
    assert [t.kind for t in tokens(r'"a\"b" <http://x\u0023y> ex:a\#b ?v $w')] == ["string", "iri", "pname", "var", "var"]
    hidden = r"SELECT * { ?s ex:a\' . SERVICE <http://evil/> {} ex:b\' }"
    assert analyse(hidden, "http://b/").services == ["http://evil/"]
    escaped_iri = r"SELECT * { ?s <http://a\u0023b#> ?o . SERVICE <http://evil/> {} }"
    assert analyse(escaped_iri, "http://b/").services == ["http://evil/"]


def test_using_graphs_go_before_each_modify_where():
    update = "INSERT DATA { <a> <b> 1 } ; DELETE { ?s ?p ?o } WHERE { ?s ?p ?o } ; DELETE WHERE { ?x ?y ?z }"
    out = with_using(update, analyse(update, "http://b/"), ["http://g/"], ["http://n/"])
    assert out.count("USING <http://g/> USING NAMED <http://n/> WHERE") == 1
    assert "DELETE WHERE { ?x" in out
