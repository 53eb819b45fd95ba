"""The parts of the pages that need no server: highlighting, pictures, search, forms,
the SPARQL views and the example queries, on a small hand-made store."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest

from pages_sample import ASTANA_TEXT, SUMMIT_NAME, sample_store
from sco_kg.iris import article_iri, summit_iri
from sco_kg.web.pages import deref, queries as q
from sco_kg.web.pages.examples import load_examples
from sco_kg.web.pages.links import Links
from sco_kg.web.pages.pictures import Edge, Mark, Node, network_svg, timeline_svg
from sco_kg.web.pages.render import Span, highlight, paragraph_around
from sco_kg.web.pages.search import SearchIndex
from sco_kg.web.pages.vocab import ontology_doc, shapes_doc, vocabulary_store

XI = "https://w3id.org/sco-kg/id/person/Q15031"
JAPAROV = "https://w3id.org/sco-kg/id/person/Q25597826"
CHINA = "https://w3id.org/sco-kg/id/country/Q148"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def store():
    return sample_store()


# --- highlighting -----------------------------------------------------------------------------


def test_highlight_escapes_every_piece_and_marks_the_span():
    text = 'a <script>alert("x")</script> & b'
    html = str(highlight(text, [Span(2, 29, "fact <1>")]))
    assert "<script>" not in html
    assert html == ('a <mark id="ev-2-29" title="fact &lt;1&gt;">&lt;script&gt;alert(&#34;x&#34;)'
                    '&lt;/script&gt;</mark> &amp; b')


def test_highlight_cuts_overlapping_spans_and_anchors_each_start():
    html = str(highlight("0123456789", [Span(2, 6, "a"), Span(4, 8, "b")]))
    assert html == ('01<mark id="ev-2-6" title="a">23</mark><mark id="ev-4-8" title="a; b">45</mark>'
                    '<mark title="b">67</mark>89')


def test_facts_resting_on_one_sentence_share_one_mark_and_one_anchor():
    html = str(highlight("ab cd", [Span(0, 2, "Meeting"), Span(0, 2, "Office"), Span(0, 5, "Summit")]))
    assert html == ('<span id="ev-0-5"></span><mark id="ev-0-2" title="Meeting; Office; Summit">ab</mark>'
                    '<mark title="Summit"> cd</mark>')


def test_highlight_of_a_paragraph_uses_article_offsets():
    start = ASTANA_TEXT.index("Xi also met")
    end = ASTANA_TEXT.index("Wednesday.", start) + len("Wednesday.")
    a, b = paragraph_around(ASTANA_TEXT, start, end)
    html = str(highlight(ASTANA_TEXT[a:b], [Span(start, end)], offset=a))
    assert html == f'<mark id="ev-{start}-{end}">{ASTANA_TEXT[start:end]}</mark>'


# --- pictures ----------------------------------------------------------------------------------


def test_network_is_valid_svg_with_a_title_links_and_escaped_labels():
    nodes = [Node("x", "Xi <b>", "/id/person/x"), Node("j", "Japarov", "/id/person/j"), Node("p", "Putin"),
             Node("a", "Aliyev")]
    edges = [Edge("x", "j", "m1", "/id/meeting/1"), Edge("x", "p", "m2"), Edge("x", "a", "m3"), Edge("x", "j", "m4")]
    svg = ET.fromstring(str(network_svg(nodes, edges, title="Who met whom")))
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text == "Who met whom"
    labels = [t.text for t in svg.iter(f"{SVG}text")]
    assert "Xi <b>" in labels  # parsed back: it was escaped in the markup
    # Two meetings of the same pair make one thicker line.
    lines = list(svg.iter(f"{SVG}line"))
    assert len(lines) == 3
    assert max(float(l.get("stroke-width")) for l in lines) > min(float(l.get("stroke-width")) for l in lines)
    hrefs = {a.get("href") for a in svg.iter(f"{SVG}a")}
    assert {"/id/person/x", "/id/meeting/1"} <= hrefs


def test_timeline_draws_days_as_dots_and_months_as_bars():
    svg = ET.fromstring(str(timeline_svg(
        [Mark("2024-07-03", "Japarov", "/m/1"), Mark("2023-05", "Xi'an talks"), Mark("July", "bad date")],
        title="Meetings over time")))
    assert len(list(svg.iter(f"{SVG}circle"))) == 1
    assert len([r for r in svg.iter(f"{SVG}rect") if r.get("class") == "span"]) == 1
    assert "without a date" in svg.find(f"{SVG}desc").text


# --- links, forms, search -----------------------------------------------------------------------


def test_links_map_our_iris_to_server_paths_and_leave_others():
    links = Links()
    assert links.path(XI) == "/id/person/Q15031"
    assert links.path("https://w3id.org/sco-kg/ontology#Meeting") == "/ontology#Meeting"
    assert links.path("http://www.wikidata.org/entity/Q148") == "http://www.wikidata.org/entity/Q148"
    assert links.path("https://w3id.org/sco-kg/elsewhere") == "https://w3id.org/sco-kg/elsewhere"
    assert links.iri("/id/article/roundup/2") == "https://w3id.org/sco-kg/id/article/roundup/2"
    # An article id with a space or a non-ASCII letter: the IRI's escapes survive both ways.
    iri = str(article_iri("Tashkent talks/ü"))
    assert iri == "https://w3id.org/sco-kg/id/article/Tashkent%20talks/%C3%BC"
    assert links.iri(links.path(iri)) == iri
    assert links.path('https://w3id.org/sco-kg/id/x"><script>') == "/id/x%22%3E%3Cscript%3E"


@pytest.mark.parametrize("accept, suffix", [
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "html"),
    ("*/*", "html"),
    (None, "html"),
    ("text/turtle", "ttl"),
    ("application/ld+json", "jsonld"),
    ("application/n-triples", "nt"),
    ("application/rdf+xml", "rdf"),
    ("text/turtle;q=0.5, application/rdf+xml", "rdf"),
])
def test_accept_chooses_the_form(accept, suffix):
    assert deref.negotiate(accept).suffix == suffix


def test_nothing_acceptable_is_none_and_suffixes_split():
    assert deref.negotiate("image/png") is None
    assert deref.split_suffix("/id/person/x.jsonld") == ("/id/person/x", deref.BY_SUFFIX["jsonld"])
    assert deref.split_suffix("/id/article/v1.2") == ("/id/article/v1.2", None)


def test_search_is_accent_and_case_blind_and_ranks_people_first(store):
    index = SearchIndex(store)
    hits = index.search("japarov")
    assert hits[0].iri == JAPAROV and hits[0].kind == "Person"
    assert index.search("ERDOGAN")[0].label == "Recep Tayyip Erdoğan"
    assert index.search("zzz-nobody") == []


def test_search_index_follows_the_store_version(store):
    index = SearchIndex(store)
    assert index.search("Nazarbayev") == []
    person = ox.NamedNode("https://w3id.org/sco-kg/id/person/nursultan-nazarbayev")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    store.replace_graph("urn:test", [ox.Quad(person, label, ox.Literal("Nursultan Nazarbayev"))])
    try:
        assert [h.label for h in index.search("Nazarbayev")] == ["Nursultan Nazarbayev"]
    finally:
        store.replace_graph("urn:test", [])
    assert index.search("Nazarbayev") == []


# --- the views -----------------------------------------------------------------------------------


def test_person_view_lists_meetings_with_counterparts_and_offices(store):
    meetings = q.meetings_of_person(store, JAPAROV)
    assert [m.date for m in meetings] == ["2023-05", "2024-07-03"]
    assert meetings[0].background and not meetings[1].background
    assert [s.person.label for s in meetings[1].others(JAPAROV)] == ["Xi Jinping"]
    offices = q.offices(store, JAPAROV)
    assert [(o.role, o.organization.label, o.attested) for o in offices] == [("President", "Kyrgyzstan", ["2024-07-03"])]


def test_country_view_states_partnership_levels_with_evidence(store):
    levels = q.partnerships(store, f"?s sco:party <{CHINA}> .")
    assert [(p.other(CHINA)[0].label, p.level.label, p.change, p.when) for p in levels] == [
        ("Uzbekistan", "all-weather comprehensive strategic partnership for a new era", "upgraded", "2024-01"),
        ("Azerbaijan", "strategic partnership", "established", "2024-07"),
    ]
    assert isinstance(levels[1].rank, int)  # ranked in ontology/partnership-levels.ttl
    assert levels[1].evidence[0].exact.startswith("Meeting with Ilham Aliyev")


def test_summit_view_and_its_meetings(store):
    summit = str(summit_iri(SUMMIT_NAME))
    view = q.summit(store, summit)
    assert (view.organizer.label, view.location.label, view.dates, view.ordinal) == (
        "Shanghai Cooperation Organisation", "Astana", ["2024-07-04"], 24)
    assert len(q.meetings_of_summit(store, summit)) == 5


def test_counts_and_recent_meetings(store):
    counts = dict(q.counts(store))
    assert counts["meetings"] == 7 and counts["articles"] == 3 and counts["endorsements"] == 3
    recent = q.recent_meetings(store, limit=3)
    assert [m.date for m in recent] == ["2024-07-08", "2024-07-04", "2024-07-03"]


def test_facts_in_an_article_carry_their_offsets(store):
    facts = q.facts_in_article(store, "https://w3id.org/sco-kg/id/article/astana-2024/1")
    kinds = {f.kind for f in facts}
    assert {"Meeting", "Partnership", "Endorsement", "Summit", "Office"} <= kinds
    for f in facts:
        assert ASTANA_TEXT[f.start:f.end].endswith(".")


def test_statements_name_their_values_by_any_label(store):
    statement = q.partnerships(store, f"?s sco:party <{CHINA}> .")[1].iri
    values = {s.prop.label: s.value_label for s in q.outgoing(store, statement)}
    assert values["level"] == "strategic partnership"  # a skos:prefLabel only
    assert values["party"] in {"China", "Azerbaijan"}  # an rdfs:label


def test_describe_holds_the_resource_its_sides_and_labels(store):
    meeting = q.meetings_of_person(store, JAPAROV)[1].iri
    triples = deref.describe(store, meeting)
    assert len(triples) == len(set(triples))  # one copy, however many graphs hold a triple
    graph = ox.Store()
    graph.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    agents = {r["n"].value for r in graph.query(f"""
        SELECT ?n WHERE {{ <{meeting}> <https://w3id.org/sco-kg/ontology#participation>/<https://w3id.org/sco-kg/ontology#agent> ?a .
                          ?a <http://www.w3.org/2000/01/rdf-schema#label> ?n }}""")}
    assert agents == {"Xi Jinping", "Sadyr Japarov"}


def test_ontology_and_shapes_documentation_come_from_their_rdf(store):
    doc = ontology_doc(vocabulary_store(store, q.ONTOLOGY_GRAPH))
    assert "Meeting" in {t.anchor for t in doc.classes}
    assert "participation" in {t.anchor for t in doc.object_properties}
    levels = next(s for s in doc.schemes if s.term.anchor == "partnershipLevels")
    ranked = [c.rank for c in levels.concepts if c.rank is not None]
    assert ranked == sorted(ranked) and ranked
    shapes = shapes_doc(vocabulary_store(store, q.SHAPES_GRAPH))
    meeting = next(s for s in shapes.shapes if s.anchor == "MeetingShape")
    assert "sco:Meeting" in meeting.targets
    assert any(p.path == "sco:participation" and ("minCount", "2") in p.constraints for p in meeting.properties)


def test_documentation_falls_back_to_the_files_for_a_store_without_them():
    from sco_kg.store import OxigraphStore

    doc = ontology_doc(vocabulary_store(OxigraphStore.in_memory(), q.ONTOLOGY_GRAPH))
    assert doc.version and "Meeting" in {t.anchor for t in doc.classes}


# --- the example queries -------------------------------------------------------------------------


EXAMPLES = load_examples()


def test_there_are_at_least_eight_examples_each_a_question():
    assert len(EXAMPLES) >= 8
    assert len({e.slug for e in EXAMPLES}) == len(EXAMPLES)
    for e in EXAMPLES:
        assert e.title and e.query.lstrip().startswith("#")


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.slug for e in EXAMPLES])
def test_every_example_answers_on_the_sample(store, example):
    result = store.query(example.query)
    rows = list(result)
    assert rows, f"{example.slug} returned nothing"


def test_the_astana_example_answers_the_question_by_day(store):
    ex = next(e for e in EXAMPLES if e.slug == "xi-at-astana-by-day")
    rows = [(r["day"].value, r["counterpartName"].value) for r in store.query(ex.query)]
    assert rows == [
        ("2024-07-03", "Ilham Aliyev"), ("2024-07-03", "Sadyr Japarov"), ("2024-07-03", "Shavkat Mirziyoyev"),
        ("2024-07-03", "Vladimir Putin"), ("2024-07-04", "Recep Tayyip Erdoğan"),
    ]


def test_the_gsi_example_finds_its_endorser_and_sentence(store):
    ex = next(e for e in EXAMPLES if e.slug == "who-endorsed-gsi")
    rows = [(r["partyName"].value, r["speakerName"].value, r["sentence"].value) for r in store.query(ex.query)]
    assert rows == [("Uzbekistan", "Shavkat Mirziyoyev",
                     "Mirziyoyev said Uzbekistan fully supports the Global Development Initiative and the "
                     "Global Security Initiative.")]
