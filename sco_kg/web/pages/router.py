"""The pages: home, search, the query editor, and every IRI of ours as a page or as RDF.

``pages_router()`` returns a router for :func:`sco_kg.web.app.create_app`; it finds the store
at request time on ``app.state.endpoint`` (the app's one :class:`~sco_kg.web.context.Endpoint`),
so one router object serves whatever store its app was made with. Handlers are plain
functions: FastAPI runs them in its thread pool, and the store queries they make are small
(one resource each), unlike the arbitrary queries ``/sparql`` sends to its workers.

Routes::

    /                      home: counts, recent meetings, search, downloads
    /search?q=             search over labels and aliases (HTML, or JSON by Accept)
    /query                 the SPARQL editor (?example=slug, ?query=text)
    /static/pages/{file}   the CSS and JavaScript, bundled
    /id/{...}              any data IRI: page or RDF (Accept, or .ttl .jsonld .nt .rdf .html)
    /graph/{...}           a named graph: page, or its content as RDF
    /ontology, /shapes     documentation generated from them, or their RDF
    /ontology/{version}    the ontology's version IRI (the version served)
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from fastapi import APIRouter, Request
from markupsafe import Markup, escape
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response

from ...namespaces import GRAPH, ONTOLOGY_IRI, SCO, SHAPES_IRI
from ...store import GraphStore
from ..errors import Problem
from ..negotiation import Offer, choose
from . import deref, queries as q
from .examples import Example, load_examples
from .links import Links
from .pictures import Edge, Mark, Node, network_svg, timeline_svg
from .render import PREFIXES, Span, environment, highlight, paragraph_around, render
from .search import SearchIndex
from .vocab import ontology_doc, shapes_doc, triples as vocab_triples, vocabulary_store

STATIC = Path(__file__).resolve().parent / "static"
STATIC_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}

ACTOR_TYPES = {str(SCO.Country), str(SCO.InternationalOrganization), str(SCO.Organization), str(SCO.Actor)}
KIND_NAMES = {
    str(SCO.Country): "Country",
    str(SCO.InternationalOrganization): "International organization",
    str(SCO.Organization): "Organization",
    str(SCO.Actor): "State or organization",
    str(SCO.Initiative): "Initiative",
    str(SCO.Principle): "Principle",
}


@dataclass(frozen=True)
class FormLink:
    """One representation of the current page, for ``<link rel=alternate>`` and the footer."""

    name: str
    media_type: str
    href: str
    format: Any


@dataclass(frozen=True)
class ShownEvidence:
    view: q.EvidenceView
    html: Markup
    article_href: str


def pages_router() -> APIRouter:
    """A fresh router with its own templates, examples and search index."""
    return Site().router()


class Site:
    def __init__(self) -> None:
        self.links = Links()
        self.env = environment(self.links)
        self.examples: list[Example] = load_examples()
        self._indexes: dict[int, SearchIndex] = {}
        # Generated documentation, per vocabulary graph, for the store version it was made from.
        self._docs: dict[str, tuple[str, Any]] = {}

    # --- plumbing ------------------------------------------------------------------------------

    def router(self) -> APIRouter:
        r = APIRouter(include_in_schema=False)
        get = ["GET", "HEAD"]
        r.add_api_route("/", self.home, methods=get)
        r.add_api_route("/search", self.search, methods=get)
        r.add_api_route("/query", self.query_page, methods=get)
        r.add_api_route("/static/pages/{name}", self.static, methods=get)
        r.add_api_route("/id/{rest:path}", self.resource, methods=get)
        r.add_api_route("/graph/{rest:path}", self.resource, methods=get)
        r.add_api_route("/ontology", self.ontology, methods=get)
        r.add_api_route("/ontology.{ext}", self.ontology, methods=get)
        r.add_api_route("/ontology/{version}", self.ontology_version, methods=get)
        r.add_api_route("/shapes", self.shapes, methods=get)
        r.add_api_route("/shapes.{ext}", self.shapes, methods=get)
        return r

    def store(self, request: Request) -> GraphStore:
        endpoint = getattr(request.app.state, "endpoint", None)
        if endpoint is None:
            raise Problem(503, "Starting up", detail="the store is not open yet; retry in a moment")
        return endpoint.store

    def index(self, store: GraphStore) -> SearchIndex:
        key = id(store)
        if key not in self._indexes:
            self._indexes = {key: SearchIndex(store)}  # one app, one store: keep only the current
        return self._indexes[key]

    def page(self, template: str, *, status: int = 200, headers: dict[str, str] | None = None, **context: Any) -> HTMLResponse:
        context.setdefault("iri", None)
        context.setdefault("forms", [])
        context.setdefault("title", "sco-kg")
        return HTMLResponse(render(self.env, template, **context), status_code=status, headers=headers)

    def forms(self, path: str) -> list[FormLink]:
        return [FormLink(f.name, f.media_type, f"{path}.{f.suffix}", f.format) for f in deref.FORMS]

    # --- home, search, editor, assets ------------------------------------------------------------

    def home(self, request: Request) -> Response:
        store = self.store(request)
        downloads = [
            {"href": f"/dump.{ext}", "name": f"Whole dataset, {name}", "note": note}
            for ext, name, note in (
                ("nq", "N-Quads", "one named graph per article"),
                ("trig", "TriG", "one named graph per article"),
                ("ttl", "Turtle", "all graphs merged"),
                ("jsonld", "JSON-LD", ""),
            )
        ]
        downloads += [
            {"href": "/ontology.ttl", "name": "Ontology, Turtle", "note": ""},
            {"href": "/shapes.ttl", "name": "SHACL shapes, Turtle", "note": ""},
            {"href": "/dataset", "name": "Dataset description (VoID, DCAT)", "note": ""},
        ]
        return self.page(
            "home.html", title="sco-kg",
            counts=q.counts(store), triples=q.statements(store), recent=q.recent_meetings(store),
            summits=q.summits(store), downloads=downloads,
        )

    def search(self, request: Request, q: str = "") -> Response:
        hits = self.index(self.store(request)).search(q) if q.strip() else []
        wants = choose(request.headers.get("accept"), (Offer("text/html", None), Offer("application/json", None)))  # type: ignore[arg-type]
        if wants is not None and wants.media_type == "application/json":
            return JSONResponse({"query": q, "results": [
                {"iri": h.iri, "label": h.label, "kind": h.kind, "matched": h.matched, "page": self.links.path(h.iri)}
                for h in hits]})
        return self.page("search.html", title=f"Search: {q}" if q else "Search", q=q, hits=hits)

    def query_page(self, request: Request, query: str = "", example: str = "") -> Response:
        chosen = next((e for e in self.examples if e.slug == example), None)
        if example and chosen is None:
            raise Problem(404, "No such example", detail="examples: " + ", ".join(e.slug for e in self.examples))
        text = query or (chosen.query if chosen else self.examples[0].query)
        return self.page(
            "query.html", title="Query", query=text, examples=self.examples, current=chosen.slug if chosen else "",
            endpoint="/sparql", prefixes_json=json.dumps(PREFIXES), autorun=bool(query and not example),
        )

    def static(self, name: str) -> Response:
        path = STATIC / name
        if "/" in name or name.startswith(".") or path.suffix not in STATIC_TYPES or not path.is_file():
            raise Problem(404, "No such file", detail=f"static files: {', '.join(sorted(p.name for p in STATIC.iterdir()))}")
        return FileResponse(path, media_type=STATIC_TYPES[path.suffix], headers={"Cache-Control": "public, max-age=3600"})

    # --- dereferencing ---------------------------------------------------------------------------

    def resource(self, request: Request, rest: str) -> Response:
        store = self.store(request)
        # The raw path keeps percent-escapes as the IRI has them (article ids may carry some).
        raw = request.scope.get("raw_path", b"").decode("latin-1") or request.url.path
        stem, form = deref.split_suffix(raw)
        iri = self.links.iri(raw)
        if form is not None:
            stem_iri = self.links.iri(stem)
            if q.is_known(store, stem_iri) or not self._known(store, iri):
                iri = stem_iri
            else:  # an IRI that really ends in ".ttl": not a suffix
                stem, form = raw, None
        else:
            stem = raw
        if form is None:
            form = deref.negotiate(request.headers.get("accept"))
            if form is None:
                raise Problem(406, "Not Acceptable",
                              detail=f"{iri} is available as " + ", ".join(deref.accepted_types()))
        if not self._known(store, iri):
            return self.not_found(request, store, iri, form)
        headers = {"Link": deref.link_header(stem), "Vary": "Accept"}
        is_graph = iri.startswith(str(GRAPH))
        if form.format is not None:
            triples = deref.graph_triples(store, iri) if is_graph else deref.describe(store, iri)
            return Response(deref.serialize(triples, form, PREFIXES), media_type=_content_type(form), headers=headers)
        context = self.graph_context(store, iri) if is_graph else self.resource_context(store, iri)
        template = context.pop("template")
        return self.page(template, headers=headers, iri=iri, forms=self.forms(stem), **context)

    def _known(self, store: GraphStore, iri: str) -> bool:
        try:
            return q.is_known(store, iri)
        except ValueError:  # not even an IRI
            return False

    def not_found(self, request: Request, store: GraphStore, iri: str, form: deref.Form) -> Response:
        if form.format is not None:
            raise Problem(404, "Not found", detail=f"the graph holds no statement about <{iri}>",
                          iri=iri, search="/search?q=")
        guess = unquote(iri.rstrip("/").rsplit("/", 1)[-1]).replace("-", " ")
        hits = self.index(store).search(guess, limit=8) if guess else []
        return self.page("notfound.html", status=404, title="Not found", iri=iri, guess=guess, hits=hits)

    # --- what each kind of resource shows --------------------------------------------------------

    def resource_context(self, store: GraphStore, iri: str) -> dict[str, Any]:
        types = q.types(store, iri)
        base = {
            "title": q.label(store, iri),
            "statements": q.outgoing(store, iri),
            "inbound": q.incoming(store, iri),
        }
        same = q.same_as(store, iri)
        if str(SCO.Person) in types:
            meetings = q.meetings_of_person(store, iri)
            return base | {
                "template": "person.html", "qid": q.wikidata_id(same), "aliases": q.alt_labels(store, iri),
                "offices": q.offices(store, iri), "meetings": meetings,
                "timeline": self.timeline(meetings, iri, f"Meetings of {base['title']} over time"),
                "endorsements": self.with_evidence(store, q.endorsements(store, f"?e sco:speaker {q.iri_term(iri)} .")),
            }
        if types & ACTOR_TYPES:
            meetings = q.meetings_of_country(store, iri)
            kind = next((KIND_NAMES[t] for t in (str(SCO.Country), str(SCO.InternationalOrganization),
                                                 str(SCO.Organization), str(SCO.Actor)) if t in types), "Actor")
            return base | {
                "template": "actor.html", "kind": kind, "qid": q.wikidata_id(same), "aliases": q.alt_labels(store, iri),
                "meetings": meetings,
                "timeline": self.timeline(meetings, iri, f"Meetings of {base['title']} over time"),
                "partnerships": self.with_evidence(store, q.partnerships(store, f"?s sco:party {q.iri_term(iri)} .")),
                "endorsements": self.with_evidence(store, q.endorsements(store, f"?e sco:endorser {q.iri_term(iri)} .")),
                "people": q.people_of_country(store, iri),
            }
        if str(SCO.Meeting) in types:
            m = q.meeting(store, iri)
            return base | {"template": "meeting.html", "title": f"Meeting: {m.title}" if m else base["title"],
                           "m": m, "evidence": self.shown(store, q.evidence(store, iri))}
        if str(SCO.Summit) in types:
            meetings = q.meetings_of_summit(store, iri)
            days = q.group_by(sorted(meetings, key=lambda m: (m.date or "~", m.title)), lambda m: m.date)
            return base | {
                "template": "summit.html", "s": q.summit(store, iri), "meetings": meetings, "by_day": list(days.items()),
                "network": self.network(meetings, f"Who met whom at the {base['title']}"),
                "evidence": self.shown(store, q.evidence(store, iri)),
            }
        if types & {str(SCO.Initiative), str(SCO.Principle)}:
            kind = "Principle" if str(SCO.Principle) in types else "Initiative"
            return base | {
                "template": "initiative.html", "kind": kind, "qid": q.wikidata_id(same), "aliases": q.alt_labels(store, iri),
                "endorsements": self.with_evidence(store, q.endorsements(store, f"?e sco:endorsed {q.iri_term(iri)} .")),
            }
        if str(SCO.NewsArticle) in types:
            a = q.article(store, iri)
            if a is not None:
                facts = q.facts_in_article(store, iri)
                spans = [Span(f.start, f.end, f"{f.kind}: {f.summary}", self.links.path(f.fact)) for f in facts]
                return base | {
                    "template": "article.html", "title": a.headline or a.identifier or base["title"], "a": a,
                    "text": highlight(a.text, spans), "facts": facts, "graph": self.article_graph(store, iri),
                }
        return base | self.generic_context(store, iri, types)

    def generic_context(self, store: GraphStore, iri: str, types: set[str]) -> dict[str, Any]:
        evidence = q.evidence(store, iri)
        if str(SCO.Evidence) in types:
            evidence = q.evidence_itself(store, iri)
        kind = ", ".join(sorted(self._short(t) for t in types)) or "Resource"
        meetings = q.meetings_at(store, iri) if str(SCO.City) in types else []
        context = {"template": "resource.html", "kind": kind, "evidence": self.shown(store, evidence),
                   "meetings": meetings, "note": None}
        title = self.fact_title(store, iri, types)
        return context | ({"title": title} if title else {})

    def fact_title(self, store: GraphStore, iri: str, types: set[str]) -> str | None:
        """A readable title for facts whose IRIs are hashes: what the fact says."""
        t = q.iri_term(iri)
        if str(SCO.PartnershipStatement) in types:
            found = q.partnerships(store, f"VALUES ?s {{ {t} }}")
            if found:
                p = found[0]
                details = ", ".join(x for x in (p.change, p.when) if x)
                parties = " and ".join(x.label for x in p.parties)
                level = p.level.label if p.level else p.phrase or "a partnership"
                return f"Partnership: {parties}, {level}" + (f" ({details})" if details else "")
        if str(SCO.Endorsement) in types:
            found = q.endorsements(store, f"VALUES ?e {{ {t} }}")
            if found and found[0].endorser and found[0].endorsed:
                return f"Endorsement: {found[0].endorser.label} endorses the {found[0].endorsed.label}"
        if str(SCO.Evidence) in types:
            found = q.evidence_itself(store, iri)
            if found:
                return f"Evidence from “{found[0].article.label}”"
        return None

    def graph_context(self, store: GraphStore, iri: str) -> dict[str, Any]:
        size = len(deref.graph_triples(store, iri))
        article = q.article_of_graph(store, iri)
        return {"template": "graph.html", "title": f"Graph: {iri.rsplit('/graph/', 1)[-1]}", "size": size,
                "article": article, "statements": q.outgoing(store, iri)}

    def article_graph(self, store: GraphStore, article_iri: str) -> str | None:
        return q.graph_of_article(store, article_iri)

    @staticmethod
    def _short(iri: str) -> str:
        from .render import short_iri

        return short_iri(iri)

    # --- evidence and pictures -------------------------------------------------------------------

    def shown(self, store: GraphStore, views: Iterable[q.EvidenceView]) -> list[ShownEvidence]:
        """Each evidence sentence in its paragraph, the sentence itself in ``<mark>``."""
        texts: dict[str, str | None] = {}
        out = []
        for ev in views:
            if ev.article.iri not in texts:
                texts[ev.article.iri] = q.article_text(store, ev.article.iri)
            text = texts[ev.article.iri]
            if text is not None and 0 <= ev.start < ev.end <= len(text):
                a, b = paragraph_around(text, ev.start, ev.end)
                html = highlight(text[a:b], [Span(ev.start, ev.end, "the evidence sentence")], offset=a)
            else:  # offsets that do not fit the stored text: show the quote alone
                html = Markup("<mark>") + escape(ev.exact) + Markup("</mark>")
            href = f"{self.links.path(ev.article.iri)}#ev-{ev.start}-{ev.end}"
            out.append(ShownEvidence(ev, html, href))
        return out

    def with_evidence(self, store: GraphStore, views: list[Any]) -> list[dict[str, Any]]:
        return [{"view": v, "evidence": self.shown(store, v.evidence)} for v in views]

    def timeline(self, meetings: list[q.MeetingView], me: str, title: str) -> Markup:
        marks = []
        for m in meetings:
            if not m.date:
                continue
            others = m.others(me)
            names = [s.person.label if s.person else (s.country.label if s.country else "?") for s in others]
            marks.append(Mark(m.date, ", ".join(names) or m.title, self.links.path(m.iri)))
        return timeline_svg(marks, title=title, ident="meetings-timeline") if marks else Markup("")

    def network(self, meetings: list[q.MeetingView], title: str) -> Markup:
        nodes: dict[str, Node] = {}
        edges = []
        for m in meetings:
            keys = []
            for s in m.sides:
                who = s.person or s.country
                if who is None:
                    continue
                nodes.setdefault(who.iri, Node(who.iri, who.label, self.links.path(who.iri)))
                keys.append(who.iri)
            for i, a in enumerate(keys):
                for b in keys[i + 1:]:
                    edges.append(Edge(a, b, f"{m.date or ''} {m.title}".strip(), self.links.path(m.iri)))
        ordered = sorted(nodes.values(), key=lambda n: n.label)
        return network_svg(ordered, edges, title=title, ident="summit-network") if ordered else Markup("")

    # --- the vocabulary ----------------------------------------------------------------------------

    def ontology(self, request: Request, ext: str | None = None) -> Response:
        return self.vocabulary(request, ext, ONTOLOGY_IRI, q.ONTOLOGY_GRAPH, "/ontology", "ontology.html", ontology_doc)

    def ontology_version(self, request: Request, version: str) -> Response:
        """The version IRI (``/ontology/0.1.0``): the ontology, if that is the version served."""
        stem, form = deref.split_suffix(version)
        vocab = vocabulary_store(self.store(request), q.ONTOLOGY_GRAPH)
        current = ontology_doc(vocab).version
        if stem != current:
            raise Problem(404, "No such ontology version",
                          detail=f"this server has version {current} at /ontology/{current} and /ontology")
        return self.ontology(request, form.suffix if form else None)

    def shapes(self, request: Request, ext: str | None = None) -> Response:
        return self.vocabulary(request, ext, SHAPES_IRI, q.SHAPES_GRAPH, "/shapes", "shapes.html", shapes_doc)

    def vocabulary(self, request: Request, ext: str | None, iri: str, graph: str, path: str, template: str, make: Any) -> Response:
        if ext is not None:
            form = deref.BY_SUFFIX.get(ext)
            if form is None:
                raise Problem(404, "No such form", detail=f"{path} is served as " + ", ".join(
                    f"{path}.{f.suffix}" for f in deref.FORMS))
        else:
            form = deref.negotiate(request.headers.get("accept"))
            if form is None:
                raise Problem(406, "Not Acceptable", detail=f"{iri} is available as " + ", ".join(deref.accepted_types()))
        vocab = vocabulary_store(self.store(request), graph)
        headers = {"Link": deref.link_header(path), "Vary": "Accept"}
        if form.format is not None:
            body = deref.serialize(vocab_triples(vocab), form, PREFIXES)
            return Response(body, media_type=_content_type(form), headers=headers)
        version = self.store(request).version
        cached = self._docs.get(graph)
        if cached is None or cached[0] != version:
            cached = self._docs[graph] = (version, make(vocab))
        doc = cached[1]
        return self.page(template, headers=headers, title=doc.title, doc=doc, iri=iri, forms=self.forms(path))


def _content_type(form: deref.Form) -> str:
    return f"{form.media_type}; charset=utf-8"
