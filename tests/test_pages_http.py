"""The pages and dereferencing over HTTP, against the real server on 127.0.0.1."""

from __future__ import annotations

import json
import re

import httpx
import pytest
import rdflib

from pages_checks import a11y_problems, scripts
from pages_sample import SUMMIT_NAME, hostile_facts, sample_store
from sco_kg.ingest import read_articles
from sco_kg.iris import article_iri, summit_iri
from sco_kg.model import Article, ArticleFacts

BASE = "https://w3id.org/sco-kg/"
JAPAROV = "/id/person/Q25597826"
CHINA = "/id/country/Q148"
ARTICLE = "/id/article/astana-2024/1"
HOSTILE = "/id/article/hostile-ingested"
SUMMIT = str(summit_iri(SUMMIT_NAME))[len(BASE) - 1:]
RDF_TYPES = {
    "ttl": ("text/turtle", "turtle"),
    "jsonld": ("application/ld+json", "json-ld"),
    "nt": ("application/n-triples", "nt"),
    "rdf": ("application/rdf+xml", "xml"),
}
HOSTILE_TEXT = (
    "Markup <b>in</b> the news\n\n"
    "TASHKENT, July 8 (Xinhua) -- <script>document.title='pwned';window.pwned=1</script> "
    "Foreign Minister Wang Yi met with <img src=x onerror=\"window.pwned=2\"> Evil Person "
    "<i>in Tashkent</i> on Monday & talked about \"everything\".\n"
)


@pytest.fixture(scope="module")
def hostile_article(tmp_path_factory):
    """An article with markup and script in its text, read by the real ingest."""
    path = tmp_path_factory.mktemp("ingest") / "hostile-ingested.txt"
    path.write_text(HOSTILE_TEXT, encoding="utf-8")
    [article] = read_articles(path)
    assert "<script>" in article.text
    return article


ODD_ID = "talks 2024/ü"  # an article id with a space and a non-ASCII letter


@pytest.fixture(scope="module")
def server(endpoint_start_module, hostile_article):
    odd = ArticleFacts(Article(id=ODD_ID, text="Odd id.\n\nNothing happened.", title="An article with an odd id"))
    return endpoint_start_module(store=sample_store(hostile=False, extra=[hostile_facts(hostile_article), odd]))


@pytest.fixture(scope="module")
def http(server):
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


def get_html(http: httpx.Client, path: str) -> str:
    r = http.get(path, headers={"Accept": "text/html"})
    assert r.status_code == 200, (path, r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("text/html")
    return r.text


def parse(body: bytes, fmt: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=body, format=fmt)


# --- pages ----------------------------------------------------------------------------------------


PAGES = ["/", "/search?q=japarov", "/query", "/query?example=china-partnership-levels", JAPAROV, CHINA,
         ARTICLE, HOSTILE, SUMMIT, "/id/initiative/global-security-initiative", "/id/city/Q1520", "/ontology",
         "/shapes", "/graph/article/astana-2024/1"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_passes_basic_accessibility_checks(http, path):
    html = get_html(http, path)
    assert a11y_problems(html) == []
    # Only our own bundled script, never one from elsewhere or from the data.
    assert all(s.get("src", "").startswith("/static/pages/") for s in scripts(html)), scripts(html)


def test_home_shows_counts_recent_meetings_search_and_downloads(http):
    html = get_html(http, "/")
    assert re.search(r'<span class="n">7</span> meetings', html)
    assert 'id="home-search"' in html and 'action="/search"' in html
    assert 'href="/id/person/Q15031"' in html  # recent meetings link their people
    for href in ("/dump.nq", "/dump.ttl", "/ontology.ttl", "/shapes.ttl"):
        assert f'href="{href}"' in html


def test_search_finds_a_person_by_surname_and_without_accents(http):
    html = get_html(http, "/search?q=Japarov")
    assert f'<a href="{JAPAROV}">Sadyr Japarov</a>' in html
    r = http.get("/search", params={"q": "erdogan"}, headers={"Accept": "application/json"})
    assert r.json()["results"][0]["label"] == "Recep Tayyip Erdoğan"
    assert "nothing is called that" in get_html(http, "/search?q=qwertyuiop").lower()


def test_person_page_shows_offices_meetings_timeline_and_wikidata(http):
    html = get_html(http, JAPAROV)
    assert "<h1>Sadyr Japarov</h1>" in html
    assert 'href="https://www.wikidata.org/wiki/Q25597826"' in html
    assert "Offices, as the sources state them" in html and ">President<" in html
    assert 'id="meetings-timeline-title"' in html
    assert html.count('href="/id/meeting/') >= 2


def test_country_page_shows_partnership_levels_with_their_sentences(http):
    html = get_html(http, CHINA)
    assert "Partnership levels over time" in html
    assert "all-weather comprehensive strategic partnership for a new era" in html
    assert "have upgraded bilateral relations to strategic partnership" in html
    assert 'href="/id/country/Q227"' in html  # Azerbaijan


def test_meeting_page_highlights_its_evidence_and_links_to_the_article(http):
    summit = get_html(http, SUMMIT)
    meeting = re.search(r'href="(/id/meeting/[0-9a-f]+)"', summit).group(1)
    html = get_html(http, meeting)
    mark = re.search(r'<mark id="ev-(\d+)-(\d+)"[^>]*>(.*?)</mark>', html, re.S)
    assert mark, html
    assert re.search(rf'href="/id/article/[^"#]+#ev-{mark.group(1)}-{mark.group(2)}"', html)
    assert "Participants" in html


def test_summit_page_draws_who_met_whom(http):
    html = get_html(http, SUMMIT)
    assert 'id="summit-network-title"' in html
    assert html.count("<circle") == 6  # Xi and five counterparts


def test_initiative_page_lists_who_endorsed_it(http):
    html = get_html(http, "/id/initiative/global-security-initiative")
    assert "Who endorsed it" in html and 'href="/id/country/Q265"' in html
    assert "fully supports the Global Development Initiative" in html


def test_fact_pages_are_titled_by_what_they_state(http):
    html = get_html(http, CHINA)
    partnership = re.search(r'href="(/id/partnership/[0-9a-f]+)"', html).group(1)
    assert re.search(r"<h1>Partnership: (Azerbaijan and China|China and Uzbekistan), ", get_html(http, partnership))
    endorsement = re.search(r'href="(/id/endorsement/[0-9a-f]+)"',
                            get_html(http, "/id/initiative/global-security-initiative")).group(1)
    page = get_html(http, endorsement)
    assert "<h1>Endorsement: Uzbekistan endorses the Global Security Initiative</h1>" in page
    evidence = re.search(r'href="(/id/evidence/[0-9a-f]+)"', page).group(1)
    page = get_html(http, evidence)
    assert "<h1>Evidence from “Xi meets leaders in Astana”</h1>" in page
    assert "<mark" in page


def test_article_page_highlights_every_fact(http):
    html = get_html(http, ARTICLE)
    assert len(re.findall(r"<mark[ >]", html)) >= 6
    assert "Facts stated in this article" in html


def test_an_ingested_article_with_markup_renders_as_text(http):
    html = get_html(http, HOSTILE)
    assert "<script>document.title" not in html
    assert "&lt;script&gt;document.title=&#39;pwned&#39;" in html
    assert '<img src=x onerror' not in html and "&lt;img src=x onerror=" in html
    assert "<b>in</b>" not in html and "Markup &lt;b&gt;in&lt;/b&gt; the news" in html
    # The person and country named with markup are text on every page that shows them.
    for page in ("/", "/id/country/script-window-pwned-4-script-land"):
        body = get_html(http, page)
        assert "<script>window.pwned" not in body and '<img src=x onerror="window.pwned=3">' not in body


# --- dereferencing --------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", sorted(RDF_TYPES))
def test_a_suffix_fixes_the_rdf_form(http, suffix):
    media, fmt = RDF_TYPES[suffix]
    r = http.get(f"{JAPAROV}.{suffix}")
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    g = parse(r.content, fmt)
    assert (rdflib.URIRef(BASE + JAPAROV[1:]), rdflib.RDFS.label, rdflib.Literal("Sadyr Japarov")) in g


@pytest.mark.parametrize("suffix", sorted(RDF_TYPES))
def test_accept_chooses_the_rdf_form(http, suffix):
    media, fmt = RDF_TYPES[suffix]
    r = http.get(JAPAROV, headers={"Accept": media})
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    assert "Accept" in r.headers["vary"]
    assert len(parse(r.content, fmt)) > 3


def test_every_response_links_every_form(http):
    for accept in ("text/html", "text/turtle"):
        link = http.get(JAPAROV, headers={"Accept": accept}).headers["link"]
        for suffix, (media, _) in RDF_TYPES.items():
            assert f'<{JAPAROV}.{suffix}>; rel="alternate"; type="{media}"' in link
        assert f'<{JAPAROV}.html>; rel="alternate"; type="text/html"' in link


def test_a_browser_gets_html_and_an_unacceptable_type_gets_406(http):
    r = http.get(JAPAROV, headers={"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})
    assert r.headers["content-type"].startswith("text/html")
    r = http.get(JAPAROV, headers={"Accept": "image/png"})
    assert r.status_code == 406 and "text/turtle" in r.text


def test_meeting_turtle_carries_its_sides_and_evidence(http):
    summit = get_html(http, SUMMIT)
    meeting = re.search(r'href="(/id/meeting/[0-9a-f]+)"', summit).group(1)
    g = parse(http.get(meeting + ".ttl").content, "turtle")
    sco = rdflib.Namespace(BASE + "ontology#")
    oa = rdflib.Namespace("http://www.w3.org/ns/oa#")
    m = rdflib.URIRef(BASE + meeting[1:])
    assert len(list(g.objects(m, sco.participation))) == 2
    ev = g.value(m, sco.evidence)
    assert g.value(ev, oa.exact) is not None and g.value(ev, oa.start) is not None


def test_unknown_iris_get_a_helpful_404(http):
    r = http.get("/id/person/sadyr-japarov", headers={"Accept": "text/html"})
    assert r.status_code == 404
    assert "nothing in the graph has this IRI" in r.text and f'href="{JAPAROV}"' in r.text  # a suggestion
    assert a11y_problems(r.text) == []
    r = http.get("/id/person/nobody-at-all", headers={"Accept": "text/turtle"})
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/problem+json")
    assert "nobody-at-all" in r.json()["detail"]
    assert http.get("/id/person/nobody-at-all.ttl").status_code == 404


def test_article_iris_with_slashes_dereference(http):
    r = http.get(ARTICLE + ".ttl")
    g = parse(r.content, "turtle")
    text = g.value(rdflib.URIRef(BASE + ARTICLE[1:]), rdflib.URIRef("https://schema.org/text"))
    assert str(text).startswith("Xi meets leaders in Astana")


def test_an_article_id_with_escapes_dereferences_and_is_linked(http):
    path = str(article_iri(ODD_ID))[len(BASE) - 1:]
    assert path == "/id/article/talks%202024/%C3%BC"
    html = get_html(http, path)
    assert "<h1>An article with an odd id</h1>" in html
    assert f'<link rel="alternate" type="text/turtle" href="{path}.ttl"' in html
    g = parse(http.get(path + ".ttl").content, "turtle")
    assert g.value(rdflib.URIRef(BASE + path[1:]), rdflib.URIRef("https://schema.org/headline")) is not None
    assert f'href="{path}"' in get_html(http, "/search?q=odd+id")


def test_a_named_graph_serves_its_content(http):
    r = http.get("/graph/article/astana-2024/1", headers={"Accept": "text/turtle"})
    g = parse(r.content, "turtle")
    assert len(g) > 50
    assert (rdflib.URIRef(BASE + "id/person/Q25597826"), rdflib.RDFS.label, rdflib.Literal("Sadyr Japarov")) in g
    html = get_html(http, "/graph/article/astana-2024/1")
    assert f'href="{ARTICLE}"' in html


def test_the_ontology_iri_serves_documentation_and_turtle(http):
    html = get_html(http, "/ontology")
    for anchor in ("Meeting", "participation", "partnershipLevels"):
        assert f'id="{anchor}"' in html
    for r in (http.get("/ontology", headers={"Accept": "text/turtle"}), http.get("/ontology.ttl")):
        g = parse(r.content, "turtle")
        assert (rdflib.URIRef(BASE + "ontology"), rdflib.RDF.type, rdflib.OWL.Ontology) in g
    assert http.get("/ontology.nope").status_code == 404


def test_the_ontology_version_iri_serves_that_version(http):
    g = parse(http.get("/ontology.ttl").content, "turtle")
    version = str(g.value(rdflib.URIRef(BASE + "ontology"), rdflib.OWL.versionInfo))
    r = http.get(f"/ontology/{version}", headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and len(parse(r.content, "turtle")) == len(g)
    assert http.get(f"/ontology/{version}.nt").headers["content-type"].startswith("application/n-triples")
    r = http.get("/ontology/0.0.0-nope")
    assert r.status_code == 404 and version in r.json()["detail"]


def test_the_shapes_iri_serves_documentation_and_turtle(http):
    html = get_html(http, "/shapes")
    assert 'id="MeetingShape"' in html and 'id="Meeting-participation"' in html
    g = parse(http.get("/shapes.ttl").content, "turtle")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    assert (rdflib.URIRef(BASE + "shapes#MeetingShape"), rdflib.RDF.type, sh.NodeShape) in g


def test_ontology_term_iris_resolve_to_their_section(http):
    # A term IRI's fragment stays in the browser: the server answers for /ontology, where the
    # section carries the fragment as its id (checked above); pages link terms that way.
    html = get_html(http, "/id/person/Q15031")
    assert 'href="/ontology#Person"' in html


def test_pages_answer_head_requests(http):
    for path in ("/", JAPAROV, "/ontology"):
        r = http.head(path)
        assert r.status_code == 200 and r.content == b""


def test_static_files_are_bundled_and_nothing_else_is_served_from_there(http):
    r = http.get("/static/pages/query.js")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/javascript")
    assert "fetch(endpoint" in r.text
    for bad in ("/static/pages/..%2Frouter.py", "/static/pages/router.py", "/static/pages/.hidden.css"):
        assert http.get(bad).status_code == 404


def test_the_editor_opens_an_example_and_its_query_runs_on_the_endpoint(http):
    html = get_html(http, "/query?example=who-endorsed-gsi")
    text = re.search(r'<textarea[^>]*>(.*?)</textarea>', html, re.S).group(1)
    import html as html_lib

    query = html_lib.unescape(text)
    assert "Global Security Initiative" in query
    r = http.post("/sparql", data={"query": query}, headers={"Accept": "application/sparql-results+json"})
    rows = r.json()["results"]["bindings"]
    assert [row["partyName"]["value"] for row in rows] == ["Uzbekistan"]
    assert http.get("/query?example=nope").status_code == 404


def test_the_editor_page_carries_the_data_the_script_needs(http):
    html = get_html(http, "/query")
    prefixes = re.search(r'data-prefixes="([^"]*)"', html).group(1)
    import html as html_lib

    assert json.loads(html_lib.unescape(prefixes))["sco"] == BASE + "ontology#"
    assert 'data-endpoint="/sparql"' in html and 'data-base="https://w3id.org/sco-kg/"' in html
