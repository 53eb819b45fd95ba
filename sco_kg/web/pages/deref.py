"""Dereferencing: which representation of an IRI to send, and its RDF.

Every IRI answers as HTML for browsers and as RDF for programs, chosen by ``Accept`` (with
the endpoint's one parser, :mod:`sco_kg.web.negotiation`) or fixed by a suffix::

    /id/person/Q15031          Accept decides (text/html by default)
    /id/person/Q15031.ttl      Turtle          .jsonld  JSON-LD
    /id/person/Q15031.nt       N-Triples       .rdf     RDF/XML      .html  the page

Each response lists every form in ``Link: <...>; rel="alternate"; type="..."`` headers.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from ...namespaces import RDFS, SCO, SKOS
from ...store import GraphStore
from ..negotiation import TRIPLES, Offer, choose
from .queries import iri_term

HTML = "text/html"


@dataclass(frozen=True)
class Form:
    """One representation of a resource: the suffix that fixes it, and its media type."""

    suffix: str
    media_type: str
    name: str
    format: ox.RdfFormat | None  # None for the HTML page


FORMS: tuple[Form, ...] = (
    Form("html", HTML, "HTML", None),
    Form("ttl", ox.RdfFormat.TURTLE.media_type, "Turtle", ox.RdfFormat.TURTLE),
    Form("jsonld", ox.RdfFormat.JSON_LD.media_type, "JSON-LD", ox.RdfFormat.JSON_LD),
    Form("nt", ox.RdfFormat.N_TRIPLES.media_type, "N-Triples", ox.RdfFormat.N_TRIPLES),
    Form("rdf", ox.RdfFormat.RDF_XML.media_type, "RDF/XML", ox.RdfFormat.RDF_XML),
)
BY_SUFFIX = {f.suffix: f for f in FORMS}

# What Accept chooses from: the page first (so */* gets HTML), then the endpoint's triple
# formats that write triples (a description is a set of triples, not a dataset).
OFFERS: tuple[Offer, ...] = (
    Offer(HTML, None),  # type: ignore[arg-type]
    Offer("application/xhtml+xml", None),  # type: ignore[arg-type]
    *(o for o in TRIPLES if o.format not in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG)),
)


def split_suffix(path: str) -> tuple[str, Form | None]:
    """``/id/person/x.ttl`` -> (``/id/person/x``, Turtle); a path without a known suffix is kept.

    >>> split_suffix("/id/person/x.ttl")[1].name, split_suffix("/id/article/a.b")[1]
    ('Turtle', None)
    """
    stem, dot, ext = path.rpartition(".")
    if dot and "/" not in ext and ext in BY_SUFFIX:
        return stem, BY_SUFFIX[ext]
    return path, None


def negotiate(accept: str | None) -> Form | None:
    """The form the ``Accept`` header prefers; None when nothing we have is acceptable."""
    offer = choose(accept, OFFERS)
    if offer is None:
        return None
    if offer.format is None:
        return BY_SUFFIX["html"]
    return next(f for f in FORMS if f.format == offer.format)


def link_header(path: str) -> str:
    """``Link`` alternates for every form of the resource served at ``path``."""
    return ", ".join(f'<{path}.{f.suffix}>; rel="alternate"; type="{f.media_type}"' for f in FORMS)


def accepted_types() -> list[str]:
    return [f.media_type for f in FORMS]


def describe(store: GraphStore, iri: str) -> list[ox.Triple]:
    """What the graph says about ``iri``: its own statements and the statements about it,
    the nodes that belong to it (the sides of a meeting, the evidence of a fact) and the
    labels of everything it points to, so a program needs no second request to show it."""
    t = iri_term(iri)
    result = store.query(f"""
        CONSTRUCT {{ {t} ?p ?o . ?s ?q {t} . ?n ?np ?no . ?x <{RDFS.label}> ?xl . ?x <{SKOS.prefLabel}> ?xp . }}
        WHERE {{
          {{ {t} ?p ?o }}
          UNION {{ ?s ?q {t} }}
          UNION {{ {t} <{SCO.participation}>|<{SCO.evidence}> ?n . ?n ?np ?no }}
          UNION {{ {t} ?p2 ?x . FILTER(isIRI(?x)) {{ ?x <{RDFS.label}> ?xl }} UNION {{ ?x <{SKOS.prefLabel}> ?xp }} }}
        }}""")
    # CONSTRUCT may yield a triple more than once (once per pattern that makes it): keep one.
    return list(dict.fromkeys(result))  # type: ignore[arg-type]


def graph_triples(store: GraphStore, graph: str) -> list[ox.Triple]:
    """The content of a named graph (an article's graph, the ontology, the shapes)."""
    result = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {iri_term(graph)} {{ ?s ?p ?o }} }}")
    return list(result)  # type: ignore[arg-type]


def serialize(triples: list[ox.Triple], form: Form, prefixes: dict[str, str]) -> bytes:
    assert form.format is not None
    wanted = prefixes if form.format in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML, ox.RdfFormat.JSON_LD) else None
    if wanted:
        used = {str(p) for tr in triples for p in (tr.predicate.value,)} | {
            tr.object.value for tr in triples if isinstance(tr.object, ox.NamedNode)} | {
            tr.subject.value for tr in triples if isinstance(tr.subject, ox.NamedNode)}
        # Only prefixes in use, and none whose local names would need escaping ("id:person\\/x").
        wanted = {k: v for k, v in prefixes.items()
                  if any(u.startswith(v) and "/" not in u[len(v):] for u in used)}
    return ox.serialize(triples, format=form.format, prefixes=wanted or None)  # type: ignore[return-value]

