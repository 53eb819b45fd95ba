"""The build: ingest -> extract -> link -> RDF -> validate -> store.

Each article's facts are validated on their own (with the entities they touch) and written
to the article's named graph in a *new* database; only when every article is written does
the store home switch to it (see :class:`sco_kg.store.StoreHome`). Rejected facts are
reported and left out; only unreadable input or a broken pipeline fails the build.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from . import __version__
from .ingest import read_corpus
from .model import ArticleFacts
from .namespaces import GRAPH
from .paths import ONTOLOGY_DIR, SHAPES_DIR
from .store import GraphStore, StoreHome

Progress = Callable[[str, int, int], None]
ONTOLOGY_GRAPH = str(GRAPH["ontology"])
SHAPES_GRAPH = str(GRAPH["shapes"])


def no_progress(step: str, done: int, total: int) -> None:
    """The default progress callback: silent."""


@dataclass
class BuildReport:
    articles: int = 0
    quads: int = 0
    rejections: list[tuple[str, str, str, str]] = field(default_factory=list)  # article, fact, shape, message


def extract(paths: Sequence[Path], progress: Progress = no_progress) -> list[ArticleFacts]:
    """Read, extract and link: the facts of every article as plain dataclasses."""
    articles = read_corpus(paths)  # input errors surface before spaCy loads
    progress("read", len(articles), len(articles))
    from .extract import extract_corpus, load_pipeline
    from .gazetteer import load_gazetteer
    from .link import link_facts

    nlp = load_pipeline()
    facts = extract_corpus(articles, nlp)
    progress("extract", len(facts), len(articles))
    link_facts(facts, load_gazetteer())
    return facts


def spacy_model_name() -> str:
    from .extract import load_pipeline

    meta = load_pipeline().meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


def write_vocabulary(store: GraphStore) -> None:
    """The ontology and shapes, each in a graph of its own, so their IRIs dereference."""
    for graph, folder in ((ONTOLOGY_GRAPH, ONTOLOGY_DIR), (SHAPES_GRAPH, SHAPES_DIR)):
        quads: list[ox.Quad] = []
        for path in sorted(folder.glob("*.ttl")):
            quads.extend(_stable_blank_nodes(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE), path.stem))
        store.replace_graph(graph, quads)


def _stable_blank_nodes(quads, prefix: str) -> list[ox.Quad]:
    """Name blank nodes by order of appearance: the parser's random ids would make two
    builds of the same input differ."""
    names: dict[str, ox.BlankNode] = {}

    def stable(term):
        if isinstance(term, ox.BlankNode):
            return names.setdefault(term.value, ox.BlankNode(f"{prefix}{len(names)}"))
        return term

    return [ox.Quad(stable(q.subject), q.predicate, stable(q.object), q.graph_name) for q in quads]


def write_facts(store: GraphStore, facts: Sequence[ArticleFacts], progress: Progress = no_progress) -> BuildReport:
    """Map, validate and write each article's facts into its own named graph."""
    from .rdf import RunInfo, article_graph, graph_iri, to_quads
    from .validate import validate_article

    run = RunInfo(software_version=__version__, spacy_model=spacy_model_name())
    report = BuildReport(articles=len(facts))
    for n, article_facts in enumerate(facts, start=1):
        validated = validate_article(article_graph(article_facts, run))
        for r in validated.rejections:
            report.rejections.append((article_facts.article.id, r.fact, r.shape, r.message))
        store.replace_graph(graph_iri(article_facts.article.id), to_quads(validated.graph))
        progress("validate and write", n, len(facts))
    report.quads = len(store)
    return report


def build(paths: Sequence[Path], home: StoreHome, progress: Progress = no_progress) -> BuildReport:
    """Build a new store from ``paths`` and make it the active one."""
    facts = extract(paths, progress)  # input errors surface before any store is touched
    with home.new_build() as (_, store):
        write_vocabulary(store)
        report = write_facts(store, facts, progress)
    return report
