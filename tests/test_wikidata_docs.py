"""docs/wikidata.md: its queries run, as written, on our graph plus the Wikidata sample."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from sco_kg.gazetteer import load_gazetteer
from sco_kg.link import check_store_qids, link_facts
from sco_kg.model import Article, ArticleFacts, Entity, Evidence, Meeting, Participant
from sco_kg.paths import ROOT
from sco_kg.store import OxigraphStore

DOC = ROOT / "docs" / "wikidata.md"
SAMPLE = ROOT / "docs" / "examples" / "wikidata-sample.ttl"
WIKIDATA_GRAPH = "https://example.org/graph/wikidata"

# Sentences of the bundled corpus (data/sco-astana-2024-roundup.txt), one article each.
SENTENCES = {
    "ryzhenkov": ("2024-07-08", "talks", "Beijing",
                  [("Wang Yi", "China", "Foreign Minister"), ("Maksim Ryzhenkov", "Belarus", "Foreign Minister")],
                  "Chinese Foreign Minister Wang Yi held talks with Foreign Minister of Belarus Maksim Ryzhenkov "
                  "in Beijing on Monday."),
    "lavrov": ("2024-07-03", "trilateral", "Astana",
               [("Wang Yi", "China", "Foreign Minister"), ("Sergey Lavrov", "Russia", "Foreign Minister"),
                ("Battsetseg Batmunkh", "Mongolia", "Foreign Minister")],
               "On July 3, he chaired the trilateral consultation among the foreign ministers of China, Russia, "
               "and Mongolia, during which he discussed cooperation with Russian Foreign Minister Sergey Lavrov "
               "and Mongolian Foreign Minister Battsetseg Batmunkh."),
    "japarov": ("2024-07-03", "talks", "Astana",
                [("Xi Jinping", "China", "President"), ("Sadyr Japarov", "Kyrgyzstan", "President")],
                "Xi made the remarks in his talks with Kyrgyz President Sadyr Japarov ahead of the 24th Meeting of "
                "the Council of Heads of State of the Shanghai Cooperation Organization (SCO) in Astana."),
    "lukashenko": ("2024-07-04", "bilateral", "Astana",
                   [("Xi Jinping", "China", "President"), ("Alexander Lukashenko", "Belarus", "President")],
                   "Xi made the remarks when meeting with Belarusian President Alexander Lukashenko on the "
                   "sidelines of the Shanghai Cooperation Organization (SCO) summit in Astana."),
    "mirziyoyev": ("2024-07-03", "bilateral", "Astana",
                   [("Xi Jinping", "China", "President"), ("Shavkat Mirziyoyev", "Uzbekistan", "President")],
                   "Xi made the remarks during a meeting with Uzbek President Shavkat Mirziyoyev ahead of the "
                   "24th Meeting of the Council of Heads of State of the Shanghai Cooperation Organization (SCO) "
                   "in Astana."),
}


def doc_queries() -> dict[str, str]:
    """The ```sparql blocks of the doc, by the name in the ``<!-- query: NAME -->`` before them."""
    text = DOC.read_text(encoding="utf-8")
    return dict(re.findall(r"<!-- query: (\w+) -->\n```sparql\n(.*?)```", text, re.S))


def facts() -> list[ArticleFacts]:
    out = []
    for key, (date, kind, city, sides, sentence) in SENTENCES.items():
        a = Article(id=key, text=sentence)
        m = Meeting(kind, [Participant(Entity(p, "person"), Entity(c, "country"), r) for p, c, r in sides],
                    date=date, location=Entity(city, "city"), evidence=[Evidence(key, 0, len(sentence), sentence)])
        out.append(ArticleFacts(a, meetings=[m]))
    return out


@pytest.fixture(scope="module")
def store() -> OxigraphStore:
    """Our graph (linked, mapped by sco_kg.rdf) and the Wikidata sample in one store."""
    from sco_kg.rdf import RunInfo, article_graph, graph_iri, to_quads

    fs = facts()
    link_facts(fs, load_gazetteer())
    s = OxigraphStore.in_memory()
    for f in fs:
        s.replace_graph(str(graph_iri(f.article.id)), to_quads(article_graph(f, RunInfo("test", "none"))))
    s.load(SAMPLE, ox.RdfFormat.TURTLE, graph=WIKIDATA_GRAPH)
    return s


def rows(store: OxigraphStore, query: str) -> list[tuple[str, ...]]:
    result = store.query(query)
    names = [v.value for v in result.variables]
    return [tuple(r[n].value if r[n] is not None else None for n in names) for r in result]


def test_doc_has_the_four_queries():
    assert set(doc_queries()) == {"office", "born", "capitals", "federated"}


def test_office_query_answers_who_was_foreign_minister_of_belarus(store):
    assert rows(store, doc_queries()["office"]) == [(
        "Maksim Ryzhenkov", "Foreign Minister", "2024-07-08",
        "Chinese Foreign Minister Wang Yi held talks with Foreign Minister of Belarus Maksim Ryzhenkov "
        "in Beijing on Monday.",
    )]


def test_join_by_qid_gives_wikidata_birth_dates_of_linked_people_only(store):
    assert rows(store, doc_queries()["born"]) == [
        ("2024-07-03", "Sadyr Japarov", "1968-12-06T00:00:00Z"),
        ("2024-07-04", "Alexander Lukashenko", "1954-08-30T00:00:00Z"),
    ]  # Shavkat Mirziyoyev has no verified QID: no link, so no row, never a wrong one


def test_join_by_qid_places_meetings_in_wikidata_capitals(store):
    assert rows(store, doc_queries()["capitals"]) == [
        ("2024-07-03", "Astana", "Kazakhstan", "3"),  # Japarov, Mirziyoyev, the trilateral
        ("2024-07-04", "Astana", "Kazakhstan", "1"),
        ("2024-07-08", "Beijing", "People's Republic of China", "1"),
    ]


def test_our_links_in_the_joined_store_pass_the_policy_check(store):
    assert check_store_qids(store, load_gazetteer()) == []


def test_federated_query_parses():
    # It needs the network and an allow-listed endpoint, so it is parsed, not run.
    from rdflib.plugins.sparql import prepareQuery

    q = doc_queries()["federated"]
    assert "SERVICE <https://sco-kg.example.org/sparql>" in q
    prepareQuery(q)


def test_sample_items_are_all_gazetteer_entries_or_wikidata_vocabulary():
    g = load_gazetteer()
    qids = set(re.findall(r"wd:(Q[0-9]+)", SAMPLE.read_text(encoding="utf-8")))
    assert qids - {e.qid for e in g.entries} == {"Q5"}  # "human", used as a class
