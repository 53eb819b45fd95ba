"""Every shape has a conforming and a violating example (tests/shapes/<Shape>.valid.ttl and
<Shape>.invalid.ttl, each read together with tests/shapes/_context.ttl).

The violating example must break *every* rule of its shape (each named property shape, and
the node shape itself when it has constraints of its own), so a rule that can never fire, or
a new shape without examples, fails here.
"""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph, URIRef

from sco_kg.namespaces import RDF, RDFS, SCOSH, SH
from sco_kg.paths import SHAPES_DIR
from sco_kg.validate import check, vocabulary

EXAMPLES = Path(__file__).parent / "shapes"
CONTEXT = EXAMPLES / "_context.ttl"
# Predicates of a node shape that are not constraints of its own.
NOT_CONSTRAINTS = {SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.property,
                   SH.message, SH.name, SH.description, SH.severity, SH.deactivated, SH.order, SH.group,
                   RDF.type, RDFS.comment, RDFS.label}


def shapes_graph() -> Graph:
    g = Graph()
    for path in sorted(SHAPES_DIR.glob("*.ttl")):
        g.parse(path, format="turtle")
    return g


def targeted_shapes() -> list[str]:
    """Node shapes that select focus nodes (every class has one), by local name."""
    g = shapes_graph()
    targets = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
    found = {s for t in targets for s in g.subjects(t, None)}
    return sorted(str(s).removeprefix(str(SCOSH)) for s in found)


def rules_of(shape: URIRef, g: Graph) -> set[str]:
    """The shapes whose violation a complete counter-example must trigger."""
    rules = {str(p) for p in g.objects(shape, SH.property)}
    if any(p not in NOT_CONSTRAINTS for p in g.predicates(shape, None)):
        rules.add(str(shape))
    return rules


def example(name: str, kind: str) -> tuple[Graph, Graph]:
    """(example alone, example + context)."""
    path = EXAMPLES / f"{name}.{kind}.ttl"
    assert path.exists(), f"shape {name} has no {kind} example: write {path}"
    alone = Graph().parse(path, format="turtle")
    both = Graph().parse(CONTEXT, format="turtle")
    both += alone
    return alone, both


def violations(graph: Graph) -> list:
    return [r for r in check(graph) if r.severity == SH.Violation]


SHAPES = targeted_shapes()


def test_shapes_found():
    assert {"MeetingShape", "PartnershipStatementShape", "FactShape", "EvidenceQuoteShape"} <= set(SHAPES)


def test_context_conforms_alone():
    assert violations(Graph().parse(CONTEXT, format="turtle")) == []


@pytest.mark.parametrize("name", SHAPES)
def test_valid_example_conforms_and_exercises_its_shape(name):
    alone, both = example(name, "valid")
    assert violations(both) == []
    # The example must hold a focus node of the shape, or it proves nothing.
    shape = SCOSH[name]
    g = shapes_graph()
    merged = Graph()
    merged += alone
    merged += vocabulary().ontology
    focus = set()
    for cls in g.objects(shape, SH.targetClass):
        focus |= {s for s in alone.subjects(RDF.type, None)
                  if any((t, RDFS.subClassOf * "*", cls) in merged for t in merged.objects(s, RDF.type))}
    assert focus, f"{name}.valid.ttl has no instance of the shape's target class"


@pytest.mark.parametrize("name", SHAPES)
def test_invalid_example_breaks_every_rule_of_its_shape(name):
    _, both = example(name, "invalid")
    broken = {r.shape for r in violations(both)}
    required = rules_of(SCOSH[name], shapes_graph())
    assert required, f"{name} has no rules"
    assert required <= broken, f"{name}.invalid.ttl does not break {sorted(required - broken)}"


def test_every_example_file_belongs_to_a_shape():
    names = {p.name.split(".")[0] for p in EXAMPLES.glob("*.ttl") if p != CONTEXT}
    assert names == set(SHAPES)


def test_shapes_are_valid_shacl():
    """The shapes graph itself conforms to SHACL's own shapes (SHACL-SHACL)."""
    data = Graph().parse(CONTEXT, format="turtle")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes_graph(), meta_shacl=True)
    assert "Shacl File does not validate against the Shacl Shapes Shacl file" not in text
    assert conforms, text


def test_wikidata_pattern_is_anchored():
    """The link rule accepts entity IRIs only, not pages, nor IRIs with a suffix."""
    g = Graph().parse(CONTEXT, format="turtle")
    person = URIRef("https://w3id.org/sco-kg/id/person/sadyr-japarov")
    from sco_kg.namespaces import OWL

    for bad in ("https://www.wikidata.org/entity/Q1", "http://www.wikidata.org/entity/Q1/x",
                "http://www.wikidata.org/entity/P31", "http://www.wikidata.org/wiki/Q1"):
        h = Graph()
        h += g
        h.add((person, OWL.sameAs, URIRef(bad)))
        assert [r.shape for r in violations(h)] == [str(SCOSH["NamedEntity-wikidata"])], bad


def quote_graph() -> Graph:
    """Evidence on a text with accents and a character outside the BMP, right and wrong."""
    from rdflib import Literal

    from sco_kg.namespaces import OA, SCHEMA, SCO, XSD

    g = Graph().parse(CONTEXT, format="turtle")
    article = URIRef("https://w3id.org/sco-kg/id/article/u")
    text = "Erdoğan \U0001F91D Xi in Astana\u00a0today."
    g.add((article, RDF.type, SCO.NewsArticle))
    g.add((article, SCHEMA.identifier, Literal("u")))
    g.add((article, SCHEMA.text, Literal(text)))
    spans = [(0, 7, "Erdoğan"), (10, 12, "Xi"), (8, 12, "\U0001F91D Xi"), (9, 12, " Xi"), (16, 22, "Astana"),
             (16, 28, "Astana today"), (17, 23, "Astana")]
    for n, (start, end, quote) in enumerate(spans):
        ev = URIRef(f"https://w3id.org/sco-kg/id/evidence/u{n}")
        g.add((ev, RDF.type, SCO.Evidence))
        g.add((ev, OA.hasSource, article))
        g.add((ev, OA.start, Literal(start, datatype=XSD.integer)))
        g.add((ev, OA.end, Literal(end, datatype=XSD.integer)))
        g.add((ev, OA.exact, Literal(quote)))
    return g


@pytest.mark.parametrize("name", ["EvidenceQuoteShape.valid", "EvidenceQuoteShape.invalid", "unicode"])
def test_quote_check_in_python_agrees_with_the_sparql_constraint(name):
    """validate.check evaluates the SPARQL constraint in Python (fast); pySHACL must agree."""
    graph = quote_graph() if name == "unicode" else example(*name.split("."))[1]
    fast = sorted((str(r.focus), r.shape, r.message) for r in violations(graph))
    full = sorted((str(r.focus), r.shape, r.message) for r in check(graph, all_in_shacl=True)
                  if r.severity == SH.Violation)
    assert fast == full
    if name == "unicode":
        assert [f[0].rsplit("/", 1)[1] for f in fast] == ["u5", "u6"]  # a no-break space is not a space


def test_vocabulary_files_conform():
    """The ontology and the partnership levels are data too: their concepts meet the shapes."""
    assert violations(Graph()) == []  # check() mixes ontology/*.ttl into the (empty) data graph
    levels = {r.focus for r in check(Graph(), all_in_shacl=True)}
    assert levels == set()
