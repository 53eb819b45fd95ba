"""The endpoint in public: no outbound requests, no update without the token, queries that
run out of time are stopped (503, worker killed), oversized bodies refused (413).

Every test runs the real server on 127.0.0.1; outbound vectors aim at a loopback
listener that must see no connection at all.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

EX = "http://example.org/"
TOKEN = "s3cret-token"
UPDATE = {"content-type": "application/sparql-update"}


def quads(n: int) -> list[ox.Quad]:
    g = ox.NamedNode(EX + "graph")
    return [ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(EX + "p"), ox.Literal(str(i)), g) for i in range(n)]


# A cross product of four patterns over 300 triples: 8e9 rows, far past any timeout.
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def problem(r: httpx.Response) -> dict:
    assert r.headers["content-type"].startswith("application/problem+json"), r.headers
    return r.json()


@pytest.fixture
def server(endpoint_start):  # noqa: ANN001, ANN201
    return endpoint_start(quads=quads(3), update_token=TOKEN)


# --- outbound vectors ------------------------------------------------------------------


def _query_vectors(target: str) -> list[str]:
    return [
        f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{target}> {{ ?s ?p ?o }} }}",
        f"PREFIX remote: <{target.rsplit('/', 1)[0]}/> SELECT * WHERE {{ SERVICE remote:sparql {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ VALUES ?e {{ <{target}> }} SERVICE ?e {{ ?s ?p ?o }} }}",
        f"SELECT * FROM <{target}> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{target}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        f"ASK FROM <{target}> {{ ?s ?p ?o }}",
        f"CONSTRUCT {{ ?s ?p ?o }} FROM <{target}> WHERE {{ ?s ?p ?o }}",
    ]


def test_query_vectors_are_refused_before_any_connection(server, endpoint_listener):  # noqa: ANN001
    for query in _query_vectors(endpoint_listener.url):
        for send in (
            lambda: httpx.get(server.url + "/sparql", params={"query": query}),
            lambda: httpx.post(server.url + "/sparql", content=query, headers={"content-type": "application/sparql-query"}),
        ):
            r = send()
            assert r.status_code == 400, (query, r.text)
            body = problem(r)
            if "?e" not in query:  # a variable endpoint has no IRI to name
                assert endpoint_listener.url in body["detail"], body
    time.sleep(0.3)
    assert endpoint_listener.connections == []


def test_update_vectors_are_refused_before_any_connection(server, endpoint_listener):  # noqa: ANN001
    auth = {**UPDATE, "authorization": f"Bearer {TOKEN}"}
    target = endpoint_listener.url
    updates = [
        f"LOAD <{target}>",
        f"LOAD SILENT <{target}> INTO GRAPH <{EX}g>",
        f"INSERT {{ GRAPH <{EX}g> {{ ?s ?p ?o }} }} WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
    ]
    for update in updates:
        r = httpx.post(server.url + "/sparql", content=update, headers=auth)
        assert r.status_code == 400, (update, r.text)
    time.sleep(0.3)
    assert endpoint_listener.connections == []


def test_documents_naming_remote_contexts_or_entities_are_refused(server, endpoint_listener):  # noqa: ANN001
    target = endpoint_listener.url
    jsonld = f'{{"@context": "{target}", "@id": "{EX}a", "name": "x"}}'
    xxe = f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "{target}">]><r>&e;</r>'
    for body, media in ((jsonld, "application/ld+json"), (xxe, "application/rdf+xml"), (xxe, "application/xml")):
        r = httpx.post(server.url + "/sparql", content=body, headers={"content-type": media})
        assert r.status_code == 400, r.text
        assert problem(r)["iri"] == target
    time.sleep(0.3)
    assert endpoint_listener.connections == []


def test_an_allow_listed_service_is_called(endpoint_start, endpoint_listener):  # noqa: ANN001
    server = endpoint_start(service_allowlist=(endpoint_listener.url,))
    query = f"SELECT * WHERE {{ SERVICE <{endpoint_listener.url}> {{ ?s ?p ?o }} }}"
    r = httpx.get(server.url + "/sparql", params={"query": query}, timeout=30)
    assert r.status_code == 200, r.text
    assert len(endpoint_listener.connections) == 1
    assert b"?s ?p ?o" in endpoint_listener.connections[0]
    # ... and only that one: another address stays refused.
    other = endpoint_listener.url.replace("/sparql", "/other")
    r = httpx.get(server.url + "/sparql", params={"query": query.replace(endpoint_listener.url, other)})
    assert r.status_code == 400


def test_from_a_graph_of_the_store_is_allowed(server):  # noqa: ANN001
    r = httpx.get(server.url + "/sparql", params={"query": f"SELECT ?s FROM <{EX}graph> WHERE {{ ?s ?p ?o }}"})
    assert r.status_code == 200
    assert len(r.json()["results"]["bindings"]) == 3


def test_keywords_inside_strings_iris_and_comments_are_not_vectors(server):  # noqa: ANN001
    query = (
        'SELECT ?s WHERE { ?s ?p ?o FILTER(?o != "SERVICE <http://127.0.0.1:9/>" && ?s != <http://x/from#load>) }'
        " # FROM <http://127.0.0.1:9/>"
    )
    r = httpx.get(server.url + "/sparql", params={"query": query})
    assert r.status_code == 200, r.text


# --- updates need the token -------------------------------------------------------------


def _count(server) -> int:  # noqa: ANN001
    r = httpx.get(server.url + "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"})
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def test_updates_need_the_bearer_token(server):  # noqa: ANN001
    update = f"INSERT DATA {{ <{EX}x> <{EX}p> 1 }}"  # into the default graph, which _count reads
    url = server.url + "/sparql"
    r = httpx.post(url, content=update, headers=UPDATE)
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
    r = httpx.post(url, content=update, headers={**UPDATE, "authorization": "Bearer wrong"})
    assert r.status_code == 403
    r = httpx.post(url, data={"update": update}, headers={"authorization": f"Basic {TOKEN}"})
    assert r.status_code == 401
    assert _count(server) == 3
    r = httpx.post(url, content=update, headers={**UPDATE, "authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 204
    assert _count(server) == 4


def test_without_a_configured_token_no_update_is_accepted(endpoint_start):  # noqa: ANN001
    server = endpoint_start(quads=quads(3))
    for token in ("anything", "None"):
        r = httpx.post(
            server.url + "/sparql",
            content="CLEAR ALL",
            headers={**UPDATE, "authorization": f"Bearer {token}"},
        )
        assert r.status_code in (401, 403)
    assert _count(server) == 3


def test_updates_get_no_cors_and_preflight_never_allows_authorization(server):  # noqa: ANN001
    r = httpx.options(
        server.url + "/sparql",
        headers={
            "origin": "https://elsewhere.example",
            "access-control-request-method": "POST",
            "access-control-request-headers": "authorization, content-type",
        },
    )
    assert "authorization" not in r.headers.get("access-control-allow-headers", "").lower()
    r = httpx.post(
        server.url + "/sparql",
        content="CLEAR ALL",
        headers={**UPDATE, "authorization": f"Bearer {TOKEN}", "origin": "https://elsewhere.example"},
    )
    assert r.status_code == 204 and "access-control-allow-origin" not in r.headers
    r = httpx.get(server.url + "/sparql", params={"query": "ASK {}"}, headers={"origin": "https://elsewhere.example"})
    assert r.headers["access-control-allow-origin"] == "*"


# --- timeouts stop the work -------------------------------------------------------------


def _state(pid: int) -> str | None:
    """The process state letter from /proc (R running, S sleeping...), None if gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return None


def test_a_query_past_its_timeout_gets_503_and_its_worker_is_stopped(endpoint_start):  # noqa: ANN001
    server = endpoint_start(quads=quads(300), timeout=30)
    pool = server.endpoint.pool
    before = set(pool.pids())
    r = httpx.get(server.url + "/sparql", params={"query": ENDLESS, "timeout": "1"}, timeout=60)
    assert r.status_code == 503
    body = problem(r)
    assert body["status"] == 503 and "timed out" in body["title"]
    killed = pool.killed[-1]
    assert killed in before
    deadline = time.monotonic() + 10
    while _state(killed) is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _state(killed) is None  # killed and reaped: its CPU is free
    # The pool is whole again and every worker is idle (nobody still computes the query).
    while len(pool.pids()) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert killed not in pool.pids() and len(pool.pids()) == 2
    time.sleep(0.2)
    assert all(_state(pid) == "S" for pid in pool.pids())
    r = httpx.get(server.url + "/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert r.status_code == 200 and r.json()["boolean"] is True


def test_the_server_timeout_caps_the_request_timeout(endpoint_start):  # noqa: ANN001
    server = endpoint_start(quads=quads(300), timeout=1)
    r = httpx.get(server.url + "/sparql", params={"query": ENDLESS, "timeout": "600"}, timeout=60)
    assert r.status_code == 503
    assert problem(r)["timeout"] == 1  # the 600 s asked for was not granted


def test_a_long_query_does_not_hold_up_a_short_one(endpoint_start):  # noqa: ANN001
    server = endpoint_start(quads=quads(300), timeout=30)
    order: list[str] = []

    def long() -> None:
        r = httpx.get(server.url + "/sparql", params={"query": ENDLESS, "timeout": "5"}, timeout=60)
        order.append(f"long {r.status_code}")

    thread = threading.Thread(target=long)
    thread.start()
    # Wait until the long query is on a worker, then ask a trivial one.
    while not any(_state(pid) == "R" for pid in server.endpoint.pool.pids()):
        time.sleep(0.01)
    r = httpx.get(server.url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=60)
    order.append(f"short {r.status_code}")
    thread.join()
    assert order == ["short 200", "long 503"]


# --- sizes -------------------------------------------------------------------------------


def test_an_oversized_body_gets_413(endpoint_start):  # noqa: ANN001
    server = endpoint_start(max_body_bytes=1000)
    big = "ASK { " + "?s ?p ?o . " * 200 + "}"
    r = httpx.post(server.url + "/sparql", content=big, headers={"content-type": "application/sparql-query"})
    assert r.status_code == 413
    assert "1000" in problem(r)["detail"]
    r = httpx.post(server.url + "/sparql", data={"query": big})
    assert r.status_code == 413


def test_results_past_the_cap_are_cut_and_flagged(endpoint_start):  # noqa: ANN001
    server = endpoint_start(quads=quads(50), max_results=10)
    for accept, count in (
        ("application/sparql-results+json", lambda r: len(r.json()["results"]["bindings"])),
        ("text/csv", lambda r: len(r.text.strip().splitlines()) - 1),
    ):
        r = httpx.get(server.url + "/sparql", params={"query": "SELECT * { ?s ?p ?o }"}, headers={"accept": accept})
        assert r.status_code == 200
        assert count(r) == 10
        assert r.headers["x-sparql-truncated"] == "true" and r.headers["x-sparql-maxrows"] == "10"
    r = httpx.get(server.url + "/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }", "format": "nt"})
    assert len(r.text.strip().splitlines()) == 10 and r.headers["x-sparql-truncated"] == "true"
    r = httpx.get(server.url + "/sparql", params={"query": "SELECT * { ?s ?p ?o } LIMIT 5"})
    assert len(r.json()["results"]["bindings"]) == 5 and "x-sparql-truncated" not in r.headers
    assert os.environ.get("SCO_KG_PREFIXES") is None  # worker settings never leak into the server
