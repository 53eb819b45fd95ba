"""The mapping of fact dataclasses to RDF, and per-article validation (no spaCy)."""

from __future__ import annotations

import dataclasses
import doctest

import pytest
import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

import sco_kg.iris
import sco_kg.rdf
from samples import (
    CHINA,
    KYRGYZSTAN,
    XI,
    all_articles,
    azerbaijan_article,
    evidence,
    kyrgyz_article,
    roundup_article,
)
from sco_kg import iris
from sco_kg.model import Endorsement, Entity, Evidence, Meeting, Participant, Partnership
from sco_kg.namespaces import DATA, OA, ORG, OWL, RDF, SCO, SCOSH, SKOS, WD
from sco_kg.rdf import RunInfo, article_graph, graph_iri, known_levels, to_quads
from sco_kg.store import OxigraphStore
from sco_kg.validate import load_graph, validate_article, validate_store, vocabulary

RUN = RunInfo(software_version="0.1.0", spacy_model="en_core_web_sm-3.8.0")


def validated(facts) -> Graph:
    result = validate_article(article_graph(facts, RUN))
    assert result.rejections == []
    return result.graph


def union(graphs: list[Graph]) -> Graph:
    g = Graph()
    for h in graphs:
        g += h
    return g


@pytest.mark.parametrize("module", [sco_kg.iris, sco_kg.rdf])
def test_docstring_examples(module):
    assert doctest.testmod(module).failed == 0


@pytest.mark.parametrize("facts", all_articles(), ids=lambda f: f.article.id)
def test_hand_built_articles_conform(facts):
    g = article_graph(facts, RUN)
    result = validate_article(g)
    assert result.rejections == []
    assert set(result.graph) == set(g)


def test_mapping_twice_gives_identical_triples_and_quads():
    first, second = article_graph(kyrgyz_article(), RUN), article_graph(kyrgyz_article(), RUN)
    assert set(first) == set(second)
    assert not any(isinstance(t, type(None)) for triple in first for t in triple)
    assert sorted(map(str, to_quads(first))) == sorted(map(str, to_quads(second)))
    # No blank nodes: identity comes from IRIs, so merging graphs never duplicates a node.
    assert all(not t.startswith("_:") for triple in first for t in (triple[0].n3(), triple[2].n3()))


def test_one_meeting_in_two_articles_is_one_node_with_two_pieces_of_evidence():
    g = union([validated(kyrgyz_article()), validated(roundup_article())])
    xi, japarov = DATA["person/Q15031"], DATA["person/sadyr-japarov"]
    meetings = {m for m in g.subjects(SCO.participant, xi) if (m, SCO.participant, japarov) in g
                and (m, SCO.date, Literal("2024-07-03", datatype=sco_kg.rdf.XSD.date)) in g}
    assert len(meetings) == 1
    (meeting,) = meetings
    sources = {g.value(e, OA.hasSource) for e in g.objects(meeting, SCO.evidence)}
    assert sources == {iris.article_iri("xinhua-kyrgyzstan"), iris.article_iri("roundup/1")}
    # Still two sides: the participation nodes are shared too.
    assert len(set(g.objects(meeting, SCO.participation))) == 2


def test_each_article_graph_holds_the_full_description_of_its_facts():
    k, r = validated(kyrgyz_article()), validated(roundup_article())
    shared = set(k.subjects(RDF.type, SCO.Meeting)) & set(r.subjects(RDF.type, SCO.Meeting))
    assert len(shared) == 1
    (m,) = shared
    for g in (k, r):
        assert g.value(m, SCO.kind) is not None and len(set(g.objects(m, SCO.participation))) == 2
        for e in g.objects(m, SCO.evidence):  # only its own evidence
            assert g.value(e, OA.hasSource) == g.value(g.identifier, sco_kg.rdf.PROV.wasDerivedFrom)


def test_provenance_of_the_named_graph():
    facts = kyrgyz_article()
    g = article_graph(facts, RUN)
    gi = graph_iri(facts.article.id)
    assert g.identifier == gi
    run = g.value(gi, sco_kg.rdf.PROV.wasGeneratedBy)
    assert run == iris.run_iri("0.1.0", "en_core_web_sm-3.8.0")
    assert str(g.value(run, SCO.spacyModel)) == "en_core_web_sm-3.8.0"
    article = g.value(gi, sco_kg.rdf.PROV.wasDerivedFrom)
    assert str(g.value(article, sco_kg.rdf.SCHEMA.text)) == facts.article.text
    assert str(g.value(article, SCO.dateline)) == "ASTANA, July 3 (Xinhua)"
    assert g.value(article, sco_kg.rdf.SCHEMA.url) == URIRef(facts.article.url)


def test_article_ids_become_safe_iris():
    assert str(graph_iri("roundup/2")) == "https://w3id.org/sco-kg/graph/article/roundup/2"
    assert str(iris.article_iri("a b#c")) == "https://w3id.org/sco-kg/id/article/a%20b%23c"


def test_entities_are_keyed_by_qid_else_by_folded_label():
    assert iris.entity_iri("person", "Recep Tayyip Erdoğan", None) == iris.entity_iri(
        "person", "RECEP TAYYIP ERDOGAN", None)
    assert iris.entity_iri("country", "Türkiye", "Q43") == iris.entity_iri("country", "Turkey", "Q43")
    assert iris.entity_iri("country", "Türkiye", "Q43x") == DATA["country/turkiye"]  # not a QID: label


def test_verified_qid_becomes_owl_same_as():
    g = article_graph(kyrgyz_article(), RUN)
    assert (DATA["person/Q15031"], OWL.sameAs, WD.Q15031) in g
    assert g.value(DATA["person/sadyr-japarov"], OWL.sameAs) is None


def test_every_term_used_is_declared_in_the_ontology():
    g = union([article_graph(f, RUN) for f in all_articles()])
    onto = vocabulary().ontology
    declared = set(onto.subjects(RDF.type, None)) | {RDF.type, sco_kg.rdf.RDFS.label, OWL.sameAs}
    assert set(g.predicates()) - declared == set()
    assert set(g.objects(None, RDF.type)) - set(onto.subjects(RDF.type, sco_kg.rdf.OWL.Class)) == set()


def test_offices_are_time_qualified_memberships():
    g = validated(roundup_article())
    (office,) = [o for o in g.subjects(RDF.type, SCO.OfficeHolding)
                 if g.value(o, ORG.member) == DATA["person/maksim-ryzhenkov"]]
    assert g.value(office, ORG.organization) == DATA["country/Q184"]
    assert str(g.value(g.value(office, ORG.role), sco_kg.rdf.RDFS.label)) == "Foreign Minister"
    assert [str(d) for d in g.objects(office, SCO.attestedOn)] == ["2024-07-08"]
    assert set(g.objects(office, SCO.evidence))  # as traceable as the meeting it comes from


def test_known_level_is_reused_and_unknown_phrase_joins_the_scheme_unranked():
    facts = azerbaijan_article()
    a = facts.article
    facts.partnerships.append(Partnership((CHINA, KYRGYZSTAN), "good-neighbourly partnership of trust", "existing",
                                          evidence=[evidence(a, "President Aliyev said")]))
    g = validated(facts)
    known = known_levels()["strategic-partnership"]
    assert known in set(g.objects(None, SCO.level))
    assert (known, None, None) not in g  # described by ontology/partnership-levels.ttl
    new = iris.level_iri("good-neighbourly partnership of trust")
    assert (new, SKOS.inScheme, SCO.partnershipLevels) in g
    assert (new, SCO.rank, None) not in g


def test_fact_backed_only_by_another_article_stays_out_of_this_graph():
    facts = kyrgyz_article()
    other = Evidence("roundup/1", 0, 7, "Meeting")
    facts.endorsements.append(Endorsement(CHINA, Entity("Global Development Initiative", "initiative"),
                                          evidence=[other]))
    g = article_graph(facts, RUN)
    assert (None, SCO.endorsed, DATA["initiative/global-development-initiative"]) not in g


# --- rejection --------------------------------------------------------------------------------


def with_lonely_meeting():
    """The Kyrgyz article plus a meeting with one side only, on a date of its own."""
    facts = kyrgyz_article()
    sentence = "China and Kyrgyzstan should explore new ways of thinking"
    facts.meetings.append(Meeting("bilateral", [Participant(XI, CHINA, "President")], date="2024-07-05",
                                  evidence=[evidence(facts.article, sentence)]))
    return facts


def test_meeting_with_one_participant_is_rejected_and_the_rest_kept():
    facts = with_lonely_meeting()
    g = article_graph(facts, RUN)
    lonely = iris.meeting_iri([sco_kg.rdf.side_key(facts.meetings[-1].participants[0])], "2024-07-05", "bilateral")
    result = validate_article(g)
    assert [(r.fact, r.shape) for r in result.rejections] == [(str(lonely), str(SCOSH["Meeting-participation"]))]
    assert "at least two sides" in result.rejections[0].message
    kept = result.graph
    assert (lonely, None, None) not in kept and (None, None, lonely) not in kept
    # Its participation and evidence went with it, and the office lost what only it attested.
    participation = iris.participation_iri(lonely, sco_kg.rdf.side_key(facts.meetings[-1].participants[0]))
    ev = facts.meetings[-1].evidence[0]
    ev_node = iris.evidence_iri(ev.article_id, ev.start, ev.end)
    office = iris.office_iri(iris.entity_key("person", "Xi Jinping", "Q15031"),
                             iris.entity_key("country", "China", "Q148"), "President")
    removed = set(g) - set(kept)
    assert {t[0] for t in removed} == {lonely, participation, ev_node, office}
    assert {(p, o) for s, p, o in removed if s == office} == {
        (SCO.attestedOn, Literal("2024-07-05", datatype=sco_kg.rdf.XSD.date)), (SCO.evidence, ev_node)}
    assert len(set(kept.subjects(RDF.type, SCO.Meeting))) == 2
    assert len(set(kept.subjects(RDF.type, SCO.Endorsement))) == 1
    assert "2024-07-05" not in {str(d) for d in kept.objects(office, SCO.attestedOn)}
    assert "2024-07-03" in {str(d) for d in kept.objects(office, SCO.attestedOn)}
    assert {kept.value(e, OA.start) for e in kept.objects(office, SCO.evidence)} <= {
        kept.value(e, OA.start) for m in kept.subjects(RDF.type, SCO.Meeting) for e in kept.objects(m, SCO.evidence)}
    assert validate_article(kept).rejections == []
    assert set(g) == set(article_graph(facts, RUN))  # the caller's graph is untouched


def test_wrong_offsets_reject_the_fact_with_the_quote_shape():
    facts = kyrgyz_article()
    e = facts.endorsements[0]
    bad = dataclasses.replace(e.evidence[0], start=e.evidence[0].start + 1, end=e.evidence[0].end + 1)
    facts.endorsements[0] = dataclasses.replace(e, evidence=[bad])
    result = validate_article(article_graph(facts, RUN))
    assert {r.shape for r in result.rejections} == {str(SCOSH["EvidenceQuoteShape"])}
    assert (None, RDF.type, SCO.Endorsement) not in result.graph
    assert len(set(result.graph.subjects(RDF.type, SCO.Meeting))) == 2


def test_date_in_words_rejects_the_meeting():
    facts = kyrgyz_article()
    facts.meetings[1] = dataclasses.replace(facts.meetings[1], date="last May")
    result = validate_article(article_graph(facts, RUN))
    assert [r.shape for r in result.rejections] == [str(SCOSH["Meeting-date"])]
    assert len(set(result.graph.subjects(RDF.type, SCO.Meeting))) == 1


def test_bad_wikidata_link_is_dropped_but_the_entity_and_its_facts_stay():
    facts = kyrgyz_article()
    facts.endorsements[0].speaker = Entity("Sadyr Japarov", "person", "Q12x")
    result = validate_article(article_graph(facts, RUN))
    assert [r.shape for r in result.rejections] == [str(SCOSH["NamedEntity-wikidata"])]
    japarov = DATA["person/sadyr-japarov"]
    assert (japarov, OWL.sameAs, None) not in result.graph
    assert (None, SCO.speaker, japarov) in result.graph


def test_entity_without_a_label_takes_the_facts_that_need_it_along():
    facts = kyrgyz_article()
    facts.endorsements[0].party = Entity("", "country")
    result = validate_article(article_graph(facts, RUN))
    shapes = {r.shape for r in result.rejections}
    assert str(SCOSH["NamedEntity-label"]) in shapes and str(SCOSH["Endorsement-endorser"]) in shapes
    assert (None, RDF.type, SCO.Endorsement) not in result.graph
    assert len(set(result.graph.subjects(RDF.type, SCO.Meeting))) == 2


# --- the store ---------------------------------------------------------------------------------


def test_store_round_trip_is_lossless_and_conforms():
    store = OxigraphStore.in_memory()
    graphs = {}
    for facts in all_articles():
        g = validated(facts)
        graphs[str(g.identifier)] = g
        store.replace_graph(str(g.identifier), to_quads(g))
        store.replace_graph(str(g.identifier), to_quads(g))  # rebuilding replaces, never duplicates
    named = sum(1 for q in store.raw if q.graph_name != ox.DefaultGraph())
    assert named == sum(len(g) for g in graphs.values())
    for name, g in graphs.items():
        assert isomorphic(load_graph(store, name), g)
    report = validate_store(store)
    assert report.conforms, report.text
    assert report.graphs == 3


def test_store_report_names_a_violation():
    store = OxigraphStore.in_memory()
    g = validated(kyrgyz_article())
    store.replace_graph(str(g.identifier), to_quads(g))
    store.update("DELETE { GRAPH ?g { ?e <http://www.w3.org/ns/oa#exact> ?q } } "
                 "INSERT { GRAPH ?g { ?e <http://www.w3.org/ns/oa#exact> \"not the text\" } } "
                 "WHERE { GRAPH ?g { ?e <http://www.w3.org/ns/oa#exact> ?q } }")
    report = validate_store(store)
    assert not report.conforms
    assert "EvidenceQuoteShape" in report.text and "not the quote" in report.text
