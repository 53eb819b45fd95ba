"""The ontology, the partnership levels and the shapes stay in step."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DefinedNamespace

from sco_kg import iris
from sco_kg.model import MEETING_KINDS, PARTNERSHIP_CHANGES
from sco_kg.namespaces import (
    OA, ONTOLOGY_IRI, ORG, OWL, PROV, RDF, RDFS, SCHEMA, SCO, SEM, SH, SKOS, TIME, XSD,
)
from sco_kg.paths import ONTOLOGY_DIR, SHAPES_DIR
from sco_kg.rdf import CHANGE_CONCEPTS, KIND_CONCEPTS, known_levels

ONTOLOGY = ONTOLOGY_DIR / "sco.ttl"
LEVELS = ONTOLOGY_DIR / "partnership-levels.ttl"
NS = str(SCO._NS)
# Standard vocabularies whose terms we may use (declared in sco.ttl's last section).
STANDARD = (str(SEM), str(SCHEMA), str(PROV), str(OA), str(ORG), str(SKOS), str(TIME))
# RDF/RDFS/OWL built-ins used as paths need no declaration.
BUILT_IN = {RDFS.label, OWL.sameAs, RDF.type}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


@pytest.fixture(scope="module")
def vocab(onto) -> Graph:
    g = Graph()
    g += onto
    g.parse(LEVELS, format="turtle")
    return g


@pytest.fixture(scope="module")
def shapes() -> Graph:
    g = Graph()
    for path in SHAPES_DIR.glob("*.ttl"):
        g.parse(path, format="turtle")
    return g


def ours(g: Graph) -> set[URIRef]:
    return {s for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(NS)}


@pytest.mark.parametrize("path", sorted(ONTOLOGY_DIR.glob("*.ttl")) + sorted(SHAPES_DIR.glob("*.ttl")),
                         ids=lambda p: p.name)
def test_files_parse_with_both_parsers(path):
    assert len(Graph().parse(path, format="turtle")) > 0
    assert list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))


def test_ontology_is_versioned(onto):
    o = URIRef(ONTOLOGY_IRI)
    assert (o, RDF.type, OWL.Ontology) in onto
    version = onto.value(o, OWL.versionInfo)
    assert version is not None
    assert onto.value(o, OWL.versionIRI) == URIRef(f"{ONTOLOGY_IRI}/{version}")


def test_closed_namespace_matches_ontology_terms(onto):
    declared = {str(t).removeprefix(NS) for t in ours(onto)}
    in_python = {name for name in SCO.__annotations__}
    assert in_python == declared
    assert issubclass(SCO, DefinedNamespace)
    with pytest.raises(AttributeError):
        SCO.Meetng  # noqa: B018 - a misspelt term must raise


def test_no_class_or_property_lacks_a_definition(onto):
    """A SPARQL query finds terms of ours without a label or a definition."""
    missing = onto.query(
        """
        SELECT ?term WHERE {
            ?term a ?kind .
            VALUES ?kind { owl:Class owl:ObjectProperty owl:DatatypeProperty skos:ConceptScheme skos:Concept }
            FILTER STRSTARTS(STR(?term), STR(sco:))
            FILTER (NOT EXISTS { ?term skos:definition ?d } || NOT EXISTS { ?term rdfs:label ?l })
        }""",
        initNs={"owl": OWL, "skos": SKOS, "rdfs": RDFS, "sco": SCO._NS},
    )
    assert [str(r.term) for r in missing] == []


def test_every_term_of_ours_is_typed(onto):
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.ConceptScheme, SKOS.Concept}
    untyped = [t for t in ours(onto) if not set(onto.objects(t, RDF.type)) & kinds]
    assert untyped == []


def test_used_terms_are_declared(onto):
    """Every class or property the ontology mentions is declared in it (ours or standard)."""
    declared = set(onto.subjects(RDF.type, None))
    used = set(onto.objects(None, RDFS.subClassOf)) | set(onto.objects(None, RDFS.subPropertyOf))
    used |= {o for o in onto.objects(None, RDFS.range) if isinstance(o, URIRef) and not str(o).startswith(str(XSD))}
    used |= {o for o in onto.objects(None, RDFS.domain) if isinstance(o, URIRef)}
    assert {u for u in used if isinstance(u, URIRef)} - declared == set()
    foreign = {d for d in declared if isinstance(d, URIRef) and not str(d).startswith(NS)} - {URIRef(ONTOLOGY_IRI)}
    assert {d for d in foreign if not str(d).startswith(STANDARD)} == set()


def declared_terms(onto: Graph) -> set[URIRef]:
    return {s for s in onto.subjects(RDF.type, None) if isinstance(s, URIRef)}


def test_shape_targets_and_paths_are_declared(onto, shapes):
    declared = declared_terms(onto) | BUILT_IN
    targets = set(shapes.objects(None, SH.targetClass))
    paths = set()
    for p in shapes.objects(None, SH.path):
        paths.add(shapes.value(p, SH.inversePath) if not isinstance(p, URIRef) else p)
    classes = {t for t in declared_terms(onto) if (t, RDF.type, OWL.Class) in onto}
    assert targets - classes == set(), "sh:targetClass not declared as a class in the ontology"
    assert paths - declared == set(), "sh:path not declared in the ontology"
    # sh:class values too: a shape may only require classes the ontology knows.
    assert set(shapes.objects(None, SH["class"])) - classes == set()


def test_every_class_of_ours_has_a_shape(onto, shapes):
    targets = set(shapes.objects(None, SH.targetClass))
    classes = {c for c in onto.subjects(RDF.type, OWL.Class) if str(c).startswith(NS)}
    unshaped = [c for c in classes if not any((c, RDFS.subClassOf * "*", t) in onto for t in targets)]
    assert unshaped == []


def test_meeting_kinds_and_changes_match_the_guide(onto):
    assert set(KIND_CONCEPTS) == set(MEETING_KINDS)
    assert set(CHANGE_CONCEPTS) == set(PARTNERSHIP_CHANGES)
    for label, concept in {**KIND_CONCEPTS, **CHANGE_CONCEPTS}.items():
        assert str(onto.value(concept, SKOS.prefLabel)) == label


def test_partnership_levels_follow_the_iri_rule(vocab):
    levels = set(vocab.subjects(RDF.type, SCO.PartnershipLevel))
    assert len(levels) >= 8
    for level in levels:
        label = str(vocab.value(level, SKOS.prefLabel))
        assert level == iris.level_iri(label), label
        assert (level, SKOS.inScheme, SCO.partnershipLevels) in vocab
        assert label == label.lower() and not label.startswith("the ")
    assert known_levels()["strategic-partnership"] == iris.level_iri("strategic partnership")


def test_ranked_levels_are_ordered_as_sources_agree(vocab):
    rank = {str(vocab.value(c, SKOS.prefLabel)): vocab.value(c, SCO.rank) for c in vocab.subjects(SCO.rank, None)}
    assert all(r.datatype == XSD.integer for r in rank.values())
    r = {k: int(v) for k, v in rank.items()}
    assert r["strategic partnership"] < r["comprehensive strategic partnership"] < r[
        "all-weather comprehensive strategic partnership"]
    # A narrower level never ranks below the one it qualifies.
    for narrower, broader in vocab.subject_objects(SKOS.broader):
        if (narrower, SCO.rank, None) in vocab and (broader, SCO.rank, None) in vocab:
            assert int(vocab.value(narrower, SCO.rank)) >= int(vocab.value(broader, SCO.rank))


def test_only_iri_key_properties_are_functional(onto):
    """Articles may disagree on a merged fact's other fields; their union must stay consistent."""
    functional = set(onto.subjects(RDF.type, OWL.FunctionalProperty))
    assert functional == {SCO.level, SCO.change, SCO.endorser, SCO.endorsed, SCO.ordinal}
