"""SHACL validation, one article graph at a time.

:func:`validate_article` checks an article's graph (its facts, their evidence and the
entities they touch) against shapes/*.ttl with the ontology mixed in, so the cost grows with
the article, not with the store. A fact that breaks a shape is left out, with everything
that only it needs (its participations, its evidence, the office holdings it alone attests),
and reported: fact, shape, focus node, message. Entities stay when valid; an entity that
is not loses the offending value, or is dropped when a required value is missing, and the
facts that then point at nothing are rejected in the next round.

:func:`validate_store` runs the same check over every article graph in a store, for
``sco-kg validate``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import pyshacl
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from .namespaces import GRAPH, OA, RDF, SCHEMA, SCO, SCOSH, SH
from .paths import ONTOLOGY_DIR, SHAPES_DIR
from .store import GraphStore

FACT_CLASSES = frozenset(
    {SCO.Fact, SCO.Meeting, SCO.Summit, SCO.PartnershipStatement, SCO.Endorsement, SCO.OfficeHolding}
)
ARTICLE_GRAPHS = str(GRAPH["article/"])
MAX_ROUNDS = 6


@dataclass(frozen=True)
class Rejection:
    """A node left out: ``fact`` is the fact's IRI (or the entity's, for an entity)."""

    fact: str
    shape: str
    message: str
    focus: str = ""


@dataclass
class Validated:
    """The conforming part of an article graph, and what was left out."""

    graph: Graph
    rejections: list[Rejection] = field(default_factory=list)


@dataclass(frozen=True)
class Result:
    """One SHACL validation result, flattened."""

    focus: Node
    shape: str
    message: str
    path: Node | None
    value: Node | None
    severity: URIRef


@dataclass
class Report:
    """The SHACL report over a whole store."""

    conforms: bool
    text: str
    graphs: int = 0
    results: list[tuple[str, Result]] = field(default_factory=list)


@dataclass(frozen=True)
class Vocabulary:
    shapes: Graph  # shapes/*.ttl as written
    ontology: Graph  # ontology/*.ttl, partnership levels included
    engine_shapes: Graph  # what pySHACL runs: the shapes less the constraints checked in Python


# SHACL-SPARQL constraints that we evaluate in Python: pySHACL re-parses a constraint's query
# for every focus node (about 50 ms each), which made the evidence check 80% of validation
# time. The shapes keep the SPARQL for any other SHACL engine; tests/test_shapes.py checks
# that both give the same verdicts.
QUOTE_CONSTRAINT = SCOSH["EvidenceQuote-matchesText"]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The shapes and the ontology (with the partnership levels), parsed once per process."""
    shapes = _parse_dir(SHAPES_DIR.glob("*.ttl"))
    engine = Graph()
    engine += shapes
    engine.remove((None, SH.sparql, QUOTE_CONSTRAINT))
    return Vocabulary(shapes=shapes, ontology=_parse_dir(ONTOLOGY_DIR.glob("*.ttl")), engine_shapes=engine)


def _parse_dir(paths: Iterable) -> Graph:
    g = Graph()
    for path in sorted(paths):
        g.parse(path, format="turtle")
    return g


def check(graph: Graph, vocab: Vocabulary | None = None, *, all_in_shacl: bool = False) -> list[Result]:
    """Every SHACL result for ``graph`` (ontology mixed into a copy; ``graph`` is untouched).

    ``all_in_shacl`` lets pySHACL run the SPARQL constraints too (slow; for tests).
    """
    vocab = vocab or vocabulary()
    data = Graph()
    data += graph
    data += vocab.ontology
    _, report, _ = pyshacl.validate(
        data, shacl_graph=vocab.shapes if all_in_shacl else vocab.engine_shapes, inference="none",
        advanced=False, inplace=True, allow_infos=True, allow_warnings=True,
    )
    # Top-level results only: those under sh:detail repeat a result in finer terms.
    results = [
        _result(report, r, vocab.shapes)
        for top in report.subjects(RDF.type, SH.ValidationReport)
        for r in report.objects(top, SH.result)
    ]
    return results if all_in_shacl else results + quote_results(graph, vocab.shapes)


def quote_results(graph: Graph, shapes: Graph) -> list[Result]:
    """scosh:EvidenceQuote-matchesText in Python: the article text at the offsets is the quote."""
    shape = next(iter(shapes.subjects(SH.sparql, QUOTE_CONSTRAINT)), None)
    if shape is None:
        return []
    template = str(shapes.value(QUOTE_CONSTRAINT, SH.message) or "")
    results = []
    for ev in set(graph.subjects(RDF.type, SCO.Evidence)):
        for article, start, end, exact in _quote_rows(graph, ev):
            if not (_is_int(start) and _is_int(end)):
                continue  # the SPARQL's arithmetic fails there too; the datatype rules report it
            s, e = int(start), int(end)
            for text in graph.objects(article, SCHEMA.text):
                found = str(text)[max(s, 0):max(e, 0)]  # SUBSTR(?text, ?start + 1, ?end - ?start)
                if found != str(exact):
                    message = template.replace("{?start}", str(s)).replace("{?end}", str(e))
                    results.append(Result(ev, str(shape), message.replace("{?found}", found), None, ev, SH.Violation))
    return results


def _quote_rows(graph: Graph, ev: Node) -> Iterable[tuple[Node, Node, Node, Node]]:
    for article in graph.objects(ev, OA.hasSource):
        for start in graph.objects(ev, OA.start):
            for end in graph.objects(ev, OA.end):
                for exact in graph.objects(ev, OA.exact):
                    yield article, start, end, exact


def _is_int(node: Node) -> bool:
    return isinstance(node, Literal) and isinstance(node.toPython(), int) and not isinstance(node.toPython(), bool)


def _result(report: Graph, r: Node, shapes: Graph) -> Result:
    shape = report.value(r, SH.sourceShape)
    return Result(
        focus=report.value(r, SH.focusNode),
        shape=_shape_name(shape, shapes),
        message=str(report.value(r, SH.resultMessage) or ""),
        path=report.value(r, SH.resultPath),
        value=report.value(r, SH.value),
        severity=report.value(r, SH.resultSeverity) or SH.Violation,
    )


def _shape_name(shape: Node | None, shapes: Graph) -> str:
    """The shape's IRI; an anonymous shape is named by the named shape that holds it."""
    seen: set[Node] = set()
    while shape is not None and not isinstance(shape, URIRef) and shape not in seen:
        seen.add(shape)
        shape = next(iter(shapes.subjects(None, shape)), None)
    return str(shape) if shape is not None else "?"


def validate_article(graph: Graph, *, vocab: Vocabulary | None = None) -> Validated:
    """The graph without the facts that break a shape, and the rejections.

    The caller's graph is not modified. Validation repeats (a few rounds at most) because
    leaving out an invalid entity can make the facts that point at it invalid.
    """
    kept = Graph(identifier=graph.identifier)
    for prefix, ns in graph.namespaces():
        kept.bind(prefix, ns)
    kept += graph
    rejections: list[Rejection] = []
    for _ in range(MAX_ROUNDS):
        violations = [r for r in check(kept, vocab) if r.severity == SH.Violation]
        if not violations:
            return Validated(kept, _unique(rejections))
        before = len(kept)
        drop_facts: set[Node] = set()
        for r in violations:
            facts = facts_of(kept, r.focus)
            message = _explain(r)
            for f in facts:
                rejections.append(Rejection(str(f), r.shape, message, str(r.focus)))
            drop_facts.update(facts)
            if not facts:
                rejections.append(Rejection(str(r.focus), r.shape, message, str(r.focus)))
                drop_value(kept, r)
        remove_facts(kept, drop_facts)
        if len(kept) == before:
            raise ValueError(
                "validation cannot make progress: "
                + "; ".join(f"{r.focus} breaks {r.shape}: {r.message}" for r in violations[:5])
                + " (a shape or ontology file is inconsistent, or the violation is in the ontology)"
            )
    raise ValueError(f"validation did not converge in {MAX_ROUNDS} rounds for {graph.identifier}")


def _explain(r: Result) -> str:
    """The shape's message, with the offending value when there is one."""
    if r.value is None or r.value == r.focus:
        return r.message
    value = str(r.value)
    shown = value if len(value) <= 80 else value[:77] + "..."
    return f"{r.message} Found: {shown}"


def _unique(rejections: list[Rejection]) -> list[Rejection]:
    return list(dict.fromkeys(rejections))


def facts_of(g: Graph, node: Node) -> list[Node]:
    """The facts that stand or fall with ``node``: itself, the meeting of a participation,
    or every fact citing a piece of evidence."""
    types = set(g.objects(node, RDF.type))
    if types & FACT_CLASSES:
        return [node]
    if SCO.Participation in types:
        return sorted(g.subjects(SCO.participation, node))
    if SCO.Evidence in types:
        return sorted(g.subjects(SCO.evidence, node))
    return []


def drop_value(g: Graph, r: Result) -> None:
    """Remove an entity's offending value, or the entity when a required value is missing."""
    if isinstance(r.path, URIRef) and r.value is not None:
        g.remove((r.focus, r.path, r.value))
    else:
        g.remove((r.focus, None, None))


def remove_facts(g: Graph, facts: set[Node]) -> None:
    """Remove facts with their participations; then evidence and office holdings left unused."""
    if not facts:
        return
    participations = {p for f in facts for p in g.objects(f, SCO.participation)}
    evidence = {e for f in facts for e in g.objects(f, SCO.evidence)}
    offices = {o for p in participations for o in g.objects(p, SCO.office)}
    for node in facts | participations:
        g.remove((node, None, None))
        g.remove((None, None, node))
    for o in offices - facts:
        _reattest(g, o)
    for e in evidence:
        if (None, SCO.evidence, e) not in g:
            g.remove((e, None, None))


def _reattest(g: Graph, office: Node) -> None:
    """An office holding keeps only the dates and evidence of meetings still in the graph."""
    meetings = {m for p in g.subjects(SCO.office, office) for m in g.subjects(SCO.participation, p)}
    if not meetings:
        g.remove((office, None, None))
        return
    dates = {d for m in meetings for d in g.objects(m, SCO.date)}
    evidence = {e for m in meetings for e in g.objects(m, SCO.evidence)}
    for d in list(g.objects(office, SCO.attestedOn)):
        if d not in dates:
            g.remove((office, SCO.attestedOn, d))
    for e in list(g.objects(office, SCO.evidence)):
        if e not in evidence:
            g.remove((office, SCO.evidence, e))


# --- the whole store -------------------------------------------------------------------------


def article_graphs(store: GraphStore) -> list[str]:
    """The IRIs of the article graphs in the store, sorted."""
    rows = store.query(
        f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER STRSTARTS(STR(?g), \"{ARTICLE_GRAPHS}\") }}"
    )
    return sorted(row["g"].value for row in rows)


def load_graph(store: GraphStore, graph: str) -> Graph:
    """One named graph of the store as an rdflib graph (through N-Triples)."""
    import pyoxigraph as ox

    triples = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    g = Graph(identifier=URIRef(graph))
    g.parse(data=triples.serialize(format=ox.RdfFormat.N_TRIPLES), format="nt")
    return g


def validate_store(store: GraphStore) -> Report:
    """Validate every article graph on its own; the report lists each violation."""
    graphs = article_graphs(store)
    found: list[tuple[str, Result]] = []
    for graph in graphs:
        found.extend((graph, r) for r in check(load_graph(store, graph)))
    violations = [(g, r) for g, r in found if r.severity == SH.Violation]
    conforms = not violations
    lines = [f"Conforms: {conforms}", f"Article graphs validated: {len(graphs)}", f"Results: {len(found)}"]
    for graph, r in found:
        severity = str(r.severity).rsplit("#", 1)[-1]
        where = f" {r.path}" if isinstance(r.path, URIRef) else ""
        lines.append(f"- {severity} in <{graph}>: <{r.focus}>{where}: {r.message} [{r.shape}]")
    if not graphs:
        lines.append("(the store holds no article graph)")
    return Report(conforms=conforms, text="\n".join(lines), graphs=len(graphs), results=found)


__all__ = ["Rejection", "Validated", "Report", "Result", "validate_article", "validate_store", "check",
           "vocabulary", "article_graphs", "load_graph"]
