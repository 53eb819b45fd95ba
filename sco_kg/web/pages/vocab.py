"""Readable documentation of the ontology and the shapes, generated from their RDF.

Both come from the store's ``graph/ontology`` and ``graph/shapes`` graphs (the build loads
them), or from the files in ``ontology/`` and ``shapes/`` for a store built without them, so
the documentation never drifts from what the server serves as Turtle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from ...namespaces import ONTOLOGY_IRI, SCO, SHAPES_IRI
from ...paths import ONTOLOGY_DIR, SHAPES_DIR
from ...store import GraphStore, OxigraphStore
from .queries import ONTOLOGY_GRAPH, Ref, iri_term, select, short_tail

SH = "http://www.w3.org/ns/shacl#"


def vocabulary_store(store: GraphStore, graph: str) -> GraphStore:
    """A store whose default graph is the vocabulary: the named graph if the store has it,
    else the Turtle files it is loaded from."""
    if bool(store.query(f"ASK {{ GRAPH {iri_term(graph)} {{ ?s ?p ?o }} }}")):
        return _Scoped(store, graph)
    folder = ONTOLOGY_DIR if graph == ONTOLOGY_GRAPH else SHAPES_DIR
    return files_store(folder)


def files_store(folder: Path) -> OxigraphStore:
    mem = OxigraphStore.in_memory()
    for path in sorted(folder.glob("*.ttl")):
        mem.load(path, ox.RdfFormat.TURTLE)
    return mem


class _Scoped:
    """A store seen through one named graph (queries see only that graph)."""

    def __init__(self, store: GraphStore, graph: str) -> None:
        self._store = store
        self._graph = graph
        self.version = store.version

    def query(self, sparql: str, **_: object) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        return self._store.query(sparql, default_graph=[self._graph])


def triples(vocab: GraphStore) -> list[ox.Triple]:
    return list(vocab.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"))  # type: ignore[arg-type]


def anchor(iri: str) -> str:
    """The fragment a term is documented under: ``sco:Meeting`` -> ``Meeting``."""
    return iri.rsplit("#", 1)[-1] if "#" in iri else short_tail(iri)


# --- the ontology ------------------------------------------------------------------------------


@dataclass
class Term:
    iri: str
    label: str
    definition: str | None
    kinds: list[str] = field(default_factory=list)
    parents: list[Ref] = field(default_factory=list)
    domain: list[Ref] = field(default_factory=list)
    range: list[Ref] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return anchor(self.iri)


@dataclass
class Concept:
    iri: str
    label: str
    definition: str | None
    rank: int | None
    broader: Ref | None


@dataclass
class Scheme:
    term: Term
    concepts: list[Concept]


@dataclass
class OntologyDoc:
    iri: str
    title: str
    description: str | None
    version: str | None
    license: str | None
    classes: list[Term]
    object_properties: list[Term]
    datatype_properties: list[Term]
    schemes: list[Scheme]


def _terms(vocab: GraphStore, kind: str) -> list[Term]:
    rows = select(vocab, f"""
        SELECT ?t ?label ?def ?kind ?parent ?parentLabel ?dom ?domLabel ?rng ?rngLabel WHERE {{
          ?t a {kind} . FILTER(STRSTARTS(STR(?t), "{SCO._NS}"))
          OPTIONAL {{ ?t rdfs:label ?label }}
          OPTIONAL {{ ?t skos:definition|rdfs:comment ?def }}
          OPTIONAL {{ ?t a ?kind . FILTER(?kind IN (owl:FunctionalProperty, owl:TransitiveProperty, owl:SymmetricProperty)) }}
          OPTIONAL {{ ?t rdfs:subClassOf|rdfs:subPropertyOf ?parent . FILTER(isIRI(?parent))
                     OPTIONAL {{ ?parent rdfs:label ?parentLabel }} }}
          OPTIONAL {{ ?t rdfs:domain ?dom . FILTER(isIRI(?dom)) OPTIONAL {{ ?dom rdfs:label ?domLabel }} }}
          OPTIONAL {{ ?t rdfs:range ?rng . OPTIONAL {{ ?rng rdfs:label ?rngLabel }} }}
        }} ORDER BY ?t""")
    terms: dict[str, Term] = {}
    for r in rows:
        t = terms.setdefault(r["t"], Term(r["t"], r.get("label") or anchor(r["t"]), r.get("def")))
        if r.get("kind") and short_tail(r["kind"]) not in t.kinds:
            t.kinds.append(short_tail(r["kind"]))
        for key, bucket in (("parent", t.parents), ("dom", t.domain), ("rng", t.range)):
            if key in r:
                # A blank-node range (owl:unionOf) has no IRI to link: name it "union".
                target = r[key] if not r[key].startswith("_:") and "://" in r[key] else None
                item = Ref(target or "", r.get(key + "Label") or (_curie(target) if target else "a union of classes"))
                if item not in bucket:
                    bucket.append(item)
    return sorted(terms.values(), key=lambda t: t.label.casefold())


def _curie(iri: str) -> str:
    from .render import short_iri

    return short_iri(iri)


def ontology_doc(vocab: GraphStore) -> OntologyDoc:
    meta = select(vocab, f"""
        SELECT ?title ?label ?desc ?version ?license WHERE {{
          {iri_term(ONTOLOGY_IRI)} a owl:Ontology .
          OPTIONAL {{ {iri_term(ONTOLOGY_IRI)} <http://purl.org/dc/terms/title> ?title }}
          OPTIONAL {{ {iri_term(ONTOLOGY_IRI)} rdfs:label ?label }}
          OPTIONAL {{ {iri_term(ONTOLOGY_IRI)} <http://purl.org/dc/terms/description> ?desc }}
          OPTIONAL {{ {iri_term(ONTOLOGY_IRI)} owl:versionInfo ?version }}
          OPTIONAL {{ {iri_term(ONTOLOGY_IRI)} <http://purl.org/dc/terms/license> ?license }}
        }} LIMIT 1""")
    m = meta[0] if meta else {}
    schemes = []
    for term in _terms(vocab, "skos:ConceptScheme"):
        rows = select(vocab, f"""
            SELECT ?c ?label ?def ?rank ?broader ?broaderLabel WHERE {{
              ?c skos:inScheme {iri_term(term.iri)} .
              OPTIONAL {{ ?c skos:prefLabel ?label }}
              OPTIONAL {{ ?c skos:definition ?def }}
              OPTIONAL {{ ?c sco:rank ?rank }}
              OPTIONAL {{ ?c skos:broader ?broader . OPTIONAL {{ ?broader skos:prefLabel ?broaderLabel }} }}
            }} ORDER BY ?rank ?label""")
        seen: dict[str, Concept] = {}
        for r in rows:
            seen.setdefault(r["c"], Concept(
                r["c"], r.get("label") or anchor(r["c"]), r.get("def"),
                int(r["rank"]) if r.get("rank") else None,
                Ref(r["broader"], r.get("broaderLabel") or short_tail(r["broader"])) if r.get("broader") else None,
            ))
        concepts = sorted(seen.values(), key=lambda c: (c.rank is None, c.rank or 0, c.label))
        schemes.append(Scheme(term, concepts))
    return OntologyDoc(
        iri=ONTOLOGY_IRI,
        title=m.get("title") or m.get("label") or "sco-kg ontology",
        description=m.get("desc"),
        version=m.get("version"),
        license=m.get("license"),
        classes=_terms(vocab, "owl:Class"),
        object_properties=_terms(vocab, "owl:ObjectProperty"),
        datatype_properties=_terms(vocab, "owl:DatatypeProperty"),
        schemes=schemes,
    )


# --- the shapes --------------------------------------------------------------------------------


@dataclass
class PropertyRule:
    iri: str
    path: str
    constraints: list[tuple[str, str]]
    message: str | None

    @property
    def anchor(self) -> str:
        return anchor(self.iri)


@dataclass
class NodeShapeDoc:
    iri: str
    targets: list[str]
    comment: str | None
    constraints: list[tuple[str, str]]
    properties: list[PropertyRule]

    @property
    def anchor(self) -> str:
        return anchor(self.iri)


@dataclass
class ShapesDoc:
    iri: str
    title: str
    description: str | None
    shapes: list[NodeShapeDoc]


CONSTRAINTS = ("minCount", "maxCount", "datatype", "class", "nodeKind", "node", "hasValue", "pattern",
               "minLength", "minInclusive", "lessThan", "in", "or")


def _constraints(vocab: GraphStore, subject: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for name in CONSTRAINTS:
        rows = select(vocab, f"""
            SELECT ?v (GROUP_CONCAT(?item; SEPARATOR=" ") AS ?items) WHERE {{
              {subject} <{SH}{name}> ?v .
              OPTIONAL {{ ?v rdf:rest*/rdf:first ?member .
                         OPTIONAL {{ ?member <{SH}datatype> ?dt }}
                         OPTIONAL {{ ?member <{SH}class> ?cl }}
                         BIND(STR(COALESCE(?dt, ?cl, ?member)) AS ?item) }}
            }} GROUP BY ?v""")
        for r in rows:
            if "items" in r and r["items"]:
                value = " | ".join(_curie(x) for x in r["items"].split())
            else:
                value = _curie(r["v"]) if "://" in r["v"] else r["v"]
            out.append((name, value))
    return out


def shapes_doc(vocab: GraphStore) -> ShapesDoc:
    meta = select(vocab, f"""
        SELECT ?label ?desc WHERE {{
          OPTIONAL {{ {iri_term(SHAPES_IRI)} rdfs:label ?label }}
          OPTIONAL {{ {iri_term(SHAPES_IRI)} <http://purl.org/dc/terms/description> ?desc }}
        }} LIMIT 1""")
    m = meta[0] if meta else {}
    shapes = []
    rows = select(vocab, f"""
        SELECT ?s (GROUP_CONCAT(DISTINCT STR(?t); SEPARATOR=" ") AS ?targets) (SAMPLE(?c) AS ?comment) WHERE {{
          ?s a <{SH}NodeShape> . FILTER(isIRI(?s))
          OPTIONAL {{ ?s <{SH}targetClass> ?t }}
          OPTIONAL {{ ?s rdfs:comment ?c }}
        }} GROUP BY ?s ORDER BY ?s""")
    for r in rows:
        props = []
        for p in select(vocab, f"""
                SELECT ?p ?path ?inverse ?message WHERE {{
                  {iri_term(r['s'])} <{SH}property> ?p .
                  OPTIONAL {{ ?p <{SH}path> ?path . FILTER(isIRI(?path)) }}
                  OPTIONAL {{ ?p <{SH}path>/<{SH}inversePath> ?inverse }}
                  OPTIONAL {{ ?p <{SH}message> ?message }}
                }} ORDER BY ?p"""):
            path = _curie(p["path"]) if "path" in p else (f"^{_curie(p['inverse'])}" if "inverse" in p else "(complex path)")
            subject = iri_term(p["p"]) if "://" in p["p"] else None
            props.append(PropertyRule(p["p"], path, _constraints(vocab, subject) if subject else [], p.get("message")))
        shapes.append(NodeShapeDoc(
            r["s"], [_curie(t) for t in r.get("targets", "").split()], r.get("comment"),
            _constraints(vocab, iri_term(r["s"])), props,
        ))
    return ShapesDoc(SHAPES_IRI, m.get("label") or "sco-kg shapes", m.get("desc"), shapes)
