"""The facts export, by SPARQL over a real (in-memory) store loaded with mapped graphs."""

from __future__ import annotations

import json
import re

import pyoxigraph as ox
import pytest

from samples import all_articles, kyrgyz_article
from sco_kg.facts import evidence_mismatches, export_facts, rows
from sco_kg.model import Article, ArticleFacts, Entity, Evidence, Partnership
from sco_kg.namespaces import GRAPH
from sco_kg.paths import ONTOLOGY_DIR, SHAPES_DIR
from sco_kg.rdf import RunInfo, article_graph, graph_iri, to_quads
from sco_kg.store import OxigraphStore
from sco_kg.validate import validate_article

RUN = RunInfo(software_version="0.1.0", spacy_model="en_core_web_sm-3.8.0")


def load(store: OxigraphStore, facts: list[ArticleFacts]) -> list:
    rejections = []
    for f in facts:
        result = validate_article(article_graph(f, RUN))
        rejections += result.rejections
        store.replace_graph(str(graph_iri(f.article.id)), to_quads(result.graph))
    return rejections


def with_vocabulary(store: OxigraphStore) -> None:
    """As the build does: the ontology and the shapes in graphs of their own."""
    for name, folder in (("ontology", ONTOLOGY_DIR), ("shapes", SHAPES_DIR)):
        quads = [q for p in sorted(folder.glob("*.ttl")) for q in ox.parse(path=str(p), format=ox.RdfFormat.TURTLE)]
        store.replace_graph(str(GRAPH[name]), quads)


@pytest.fixture(scope="module")
def articles() -> list[ArticleFacts]:
    return all_articles()


@pytest.fixture(scope="module")
def store(articles) -> OxigraphStore:
    s = OxigraphStore.in_memory()
    with_vocabulary(s)
    assert load(s, articles) == []
    return s


@pytest.fixture(scope="module")
def exported(store) -> dict:
    return export_facts(store)


def side(p) -> tuple:
    return (p.person.label if p.person else None, p.party.label if p.party else None, p.role)


def test_sections(exported):
    assert list(exported) == ["meetings", "background_meetings", "partnerships", "endorsements", "summits"]
    json.dumps(exported)  # plain JSON


def test_meetings_round_trip(articles, exported):
    expected = {}
    for f in articles:
        for m in f.meetings:
            key = (m.date, frozenset(side(p) for p in m.participants))
            expected.setdefault(key, []).append(m)
    got = {(m["date"], frozenset((p["name"], p["country"], p["role"]) for p in m["participants"])): m
           for m in exported["meetings"] + exported["background_meetings"]}
    assert set(got) == set(expected)
    for key, ms in expected.items():
        item = got[key]
        assert item["kind"] in {m.kind for m in ms}
        assert item["location"] in {m.location.label if m.location else None for m in ms}
        assert item["occasion"] == min((m.occasion for m in ms if m.occasion), default=None)
        assert (item in exported["background_meetings"]) == all(m.background for m in ms)
        quotes = sorted((e.article_id, e.start, e.end, e.quote) for m in ms for e in m.evidence)
        assert sorted((s["article"], s["start"], s["end"], s["evidence"]) for s in item["sources"]) == quotes
        assert item["evidence"] == item["sources"][0]["evidence"]


def test_meeting_reported_twice_is_listed_once_with_both_sources(exported):
    xi_japarov = [m for m in exported["meetings"]
                  if {p["name"] for p in m["participants"]} == {"Xi Jinping", "Sadyr Japarov"}]
    assert len(xi_japarov) == 1
    assert {s["article"] for s in xi_japarov[0]["sources"]} == {"xinhua-kyrgyzstan", "roundup/1"}
    assert xi_japarov[0]["id"].startswith("https://w3id.org/sco-kg/id/meeting/")


def test_participants_carry_wikidata_qids_or_null(exported):
    people = {p["name"]: p for m in exported["meetings"] for p in m["participants"]}
    assert people["Xi Jinping"]["wikidata"] == "Q15031"
    assert people["Xi Jinping"]["country_wikidata"] == "Q148"
    assert people["Sadyr Japarov"]["wikidata"] is None
    for p in people.values():
        assert p["wikidata"] is None or re.fullmatch(r"Q[1-9][0-9]*", p["wikidata"])


def test_partnerships_endorsements_summits_round_trip(articles, exported):
    partnerships = {(frozenset(x.label for x in p.parties), p.level, p.change, p.when)
                    for f in articles for p in f.partnerships}
    assert {(frozenset(p["parties"]), p["level"], p["change"], p["when"])
            for p in exported["partnerships"]} == partnerships
    endorsements = {(e.party.label, e.initiative.label) for f in articles for e in f.endorsements}
    assert {(e["party"], e["initiative"]) for e in exported["endorsements"]} == endorsements
    (summit,) = exported["summits"]  # named alike by two articles: one node
    assert summit["organization"] == "SCO" and summit["organization_wikidata"] == "Q485207"
    assert summit["location"] == "Astana" and summit["dates"] == ["2024-07-04"]
    assert {s["article"] for s in summit["sources"]} == {"xinhua-kyrgyzstan", "xinhua-azerbaijan"}


def test_every_fact_has_sources_and_an_id(exported):
    for section, items in exported.items():
        for item in items:
            assert item["id"].startswith("https://w3id.org/sco-kg/id/"), section
            assert item["sources"], item["id"]
            assert set(item["sources"][0]) == {"article", "evidence", "start", "end"}


def test_export_is_deterministic(store, exported):
    assert export_facts(store) == exported


def test_every_piece_of_evidence_in_the_store_matches_the_article_text(store, articles):
    """SPARQL lists all evidence in the store; Python checks text[start:end] == quote."""
    evidence = rows(store, """
        PREFIX oa: <http://www.w3.org/ns/oa#>
        PREFIX schema: <https://schema.org/>
        SELECT ?ev ?id ?start ?end ?quote ?text WHERE {
            ?ev oa:hasSource ?a ; oa:start ?start ; oa:end ?end ; oa:exact ?quote .
            ?a schema:identifier ?id ; schema:text ?text .
        }""")
    assert len(evidence) == sum(
        len({(e.start, e.end) for x in f.meetings + f.partnerships + f.endorsements + f.summits for e in x.evidence})
        for f in articles)
    texts = {f.article.id: f.article.text for f in articles}
    for e in evidence:
        assert texts[e["id"]] == e["text"]
        assert e["text"][int(e["start"]):int(e["end"])] == e["quote"], e["ev"]
    assert evidence_mismatches(store) == []


def test_evidence_check_finds_a_corrupted_quote():
    s = OxigraphStore.in_memory()
    load(s, [kyrgyz_article()])
    s.update("""PREFIX oa: <http://www.w3.org/ns/oa#>
        DELETE { GRAPH ?g { ?e oa:start ?s } } INSERT { GRAPH ?g { ?e oa:start ?t } }
        WHERE { GRAPH ?g { ?e oa:start ?s ; oa:exact "Japarov said Kyrgyzstan firmly adheres to the one-China principle" }
                BIND (?s + 1 AS ?t) }""")
    (bad,) = evidence_mismatches(s)
    assert bad["found"] == "aparov said Kyrgyzstan firmly adheres to the one-China principle"


def test_office_query_who_was_foreign_minister_of_belarus_in_july_2024(store):
    answer = rows(store, """
        PREFIX org: <http://www.w3.org/ns/org#>
        PREFIX sco: <https://w3id.org/sco-kg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?name ?date WHERE {
            ?office a sco:OfficeHolding ;
                org:role/rdfs:label "Foreign Minister" ;
                org:organization/rdfs:label "Belarus" ;
                org:member/rdfs:label ?name ;
                sco:attestedOn ?date .
            FILTER (STRSTARTS(STR(?date), "2024-07"))
        }""")
    assert answer == [{"name": "Maksim Ryzhenkov", "date": "2024-07-08"}]


def test_rejected_facts_are_not_exported():
    facts = kyrgyz_article()
    facts.endorsements[0].party = Entity("Kyrgyzstan", "person")  # a person cannot be an endorser
    s = OxigraphStore.in_memory()
    rejections = load(s, [facts])
    assert rejections and export_facts(s)["endorsements"] == []
    assert len(export_facts(s)["meetings"]) == 1


def test_empty_store_exports_empty_sections():
    assert export_facts(OxigraphStore.in_memory()) == {
        "meetings": [], "background_meetings": [], "partnerships": [], "endorsements": [], "summits": []}


def doc_queries(path) -> list[str]:
    return re.findall(r"```sparql\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.S)


def test_queries_in_the_ontology_docs_run(store):
    from sco_kg.paths import ROOT

    queries = doc_queries(ROOT / "docs" / "ontology.md")
    assert len(queries) == 2
    met = rows(store, queries[0])
    assert {(r["name"], r["date"]) for r in met} >= {("Sadyr Japarov", "2024-07-03"), ("Ilham Aliyev", "2024-07-03"),
                                                     ("Sadyr Japarov", "2023-05")}
    assert all(r["quote"] for r in met)
    assert rows(store, queries[1]) == []  # the samples upgrade nothing: add an upgrade
    text = ("China and Uzbekistan agreed to elevate their ties to an all-weather comprehensive strategic "
            "partnership for a new era.")
    upgrade = ArticleFacts(
        Article("uzbekistan", text),
        partnerships=[Partnership((Entity("China", "country", "Q148"), Entity("Uzbekistan", "country", "Q265")),
                                  "all-weather comprehensive strategic partnership for a new era", "upgraded",
                                  "2024-01", evidence=[Evidence("uzbekistan", 0, len(text) - 1, text[:-1])])])
    s = OxigraphStore.in_memory()
    with_vocabulary(s)
    assert load(s, [upgrade]) == []
    assert rows(s, queries[1]) == [{"a": "China", "b": "Uzbekistan", "rank": "5", "when": "2024-01",
                                    "phrase": "all-weather comprehensive strategic partnership for a new era"}]
