"""The curators' worklist of entities without a Wikidata link."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest

from sco_kg.gazetteer import load_gazetteer
from sco_kg.link import check_store_qids, link_facts
from sco_kg.model import Article, ArticleFacts, Endorsement, Entity, Evidence, Meeting, Participant
from sco_kg.store import OxigraphStore
from sco_kg.unlinked import UnlinkedEntity, unlinked_entities, write

TEXT = (
    "President Foo Barov of Kyrgyzstan met Chinese President Xi Jinping in Astana on July 3. "
    "Foo Barov said Kyrgyzstan supports the Global Civilisation Initiative. "
    "Barov and Xi also discussed trade."
)


def evidence(article: Article, sentence: str) -> Evidence:
    start = article.text.index(sentence)
    return Evidence(article.id, start, start + len(sentence), sentence)


def foo_barov_facts() -> ArticleFacts:
    a = Article(id="foo", text=TEXT)
    s1, s2 = TEXT.split(". ")[:2]
    m = Meeting(
        "bilateral",
        [Participant(Entity("Foo Barov", "person"), Entity("Kyrgyzstan", "country"), "President"),
         Participant(Entity("Xi Jinping", "person"), Entity("China", "country"), "President")],
        date="2024-07-03", location=Entity("Astana", "city"), evidence=[evidence(a, s1 + ".")],
    )
    e = Endorsement(Entity("Kyrgyzstan", "country"), Entity("Global Civilization Initiative", "initiative"),
                    speaker=Entity("Foo Barov", "person"), evidence=[evidence(a, s2 + ".")])
    return ArticleFacts(a, meetings=[m], endorsements=[e])


@pytest.fixture()
def built_store() -> OxigraphStore:
    from sco_kg.rdf import RunInfo, article_graph, graph_iri, to_quads

    facts = foo_barov_facts()
    link_facts([facts], load_gazetteer())
    store = OxigraphStore.in_memory()
    g = article_graph(facts, RunInfo("test", "blank"))
    store.replace_graph(str(graph_iri(facts.article.id)), to_quads(g))
    return store


def test_made_up_person_is_on_the_worklist_and_the_country_is_linked(built_store):
    worklist = unlinked_entities(built_store)
    by_label = {u.label: u for u in worklist}
    assert set(by_label) == {"Foo Barov", "Global Civilization Initiative"}
    barov = by_label["Foo Barov"]
    assert barov.kind == "person"
    assert barov.iri == "https://w3id.org/sco-kg/id/person/foo-barov"
    assert barov.mentions == 2  # the meeting sentence and the endorsement sentence
    assert barov.example == "Foo Barov said Kyrgyzstan supports the Global Civilisation Initiative."
    assert by_label["Global Civilization Initiative"].mentions == 1
    assert worklist[0].label == "Foo Barov"  # most mentioned first
    linked = {r["s"].value: r["o"].value for r in built_store.query(
        "SELECT ?s ?o WHERE { ?s <http://www.w3.org/2002/07/owl#sameAs> ?o }")}
    assert linked["https://w3id.org/sco-kg/id/country/Q813"] == "http://www.wikidata.org/entity/Q813"
    assert "https://w3id.org/sco-kg/id/person/foo-barov" not in linked
    assert check_store_qids(built_store, load_gazetteer()) == []


def test_csv_is_what_openrefine_reads(built_store):
    out = io.StringIO()
    write(unlinked_entities(built_store), "csv", out)
    text = out.getvalue()
    assert text.splitlines()[0] == "iri,label,kind,mentions,example"
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0] == {
        "iri": "https://w3id.org/sco-kg/id/person/foo-barov", "label": "Foo Barov", "kind": "person",
        "mentions": "2", "example": "Foo Barov said Kyrgyzstan supports the Global Civilisation Initiative.",
    }


def test_json_lists_the_same_entities(built_store):
    out = io.StringIO()
    write(unlinked_entities(built_store), "json", out)
    data = json.loads(out.getvalue())
    assert [d["label"] for d in data] == ["Foo Barov", "Global Civilization Initiative"]
    assert set(data[0]) == {"iri", "label", "kind", "mentions", "example"}


def test_unknown_format_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown worklist format 'xml'"):
        write([], "xml", io.StringIO())  # type: ignore[arg-type]


HAND_BUILT = """
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix sco: <https://w3id.org/sco-kg/ontology#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix id: <https://w3id.org/sco-kg/id/> .
<https://w3id.org/sco-kg/graph/article/a> {
  id:m1 a sco:Meeting ; sco:evidence id:e1 , id:e2 ; sco:participation id:p1 .
  id:p1 a sco:Participation ; sco:agent id:wang ; sco:represents id:china .
  id:e1 a sco:Evidence ; oa:exact "Wang Yi met Lavrov in Astana, where the two ministers held long talks." .
  id:e2 a sco:Evidence ; oa:exact "Wang Yi met Lavrov." .
  id:wang a sco:Person ; rdfs:label "Wang Yi" .
  id:china a sco:Country ; rdfs:label "China" ; owl:sameAs wd:Q148 .
  id:gdi a sco:Initiative ; rdfs:label "Global Development Initiative" .
}
<https://w3id.org/sco-kg/graph/article/b> {
  id:m1 sco:evidence id:e3 .
  id:e3 a sco:Evidence ; oa:exact "Wang Yi met Lavrov." .
  id:end1 a sco:Endorsement ; sco:evidence id:e2 ; sco:speaker id:wang ; sco:endorsed id:gdi .
}
"""


def test_mentions_count_distinct_evidence_across_graphs():
    store = OxigraphStore.in_memory()
    store.raw.load(HAND_BUILT, format=ox.RdfFormat.TRIG)
    store.merge_default_graph()  # as a build does
    assert unlinked_entities(store) == [
        # e1, e2 (the meeting and the endorsement share it) and e3 from another article
        UnlinkedEntity("https://w3id.org/sco-kg/id/wang", "Wang Yi", "person", 3, "Wang Yi met Lavrov."),
        UnlinkedEntity("https://w3id.org/sco-kg/id/gdi", "Global Development Initiative", "initiative", 1,
                       "Wang Yi met Lavrov."),
    ]


def test_entity_without_facts_is_listed_with_no_mentions():
    store = OxigraphStore.in_memory()
    store.raw.load(
        '<https://w3id.org/sco-kg/graph/x> { <https://w3id.org/sco-kg/id/city/x> a '
        '<https://w3id.org/sco-kg/ontology#City> }', format=ox.RdfFormat.TRIG)
    store.merge_default_graph()  # as a build does
    [u] = unlinked_entities(store)
    assert (u.label, u.kind, u.mentions, u.example) == ("https://w3id.org/sco-kg/id/city/x", "city", 0, "")
