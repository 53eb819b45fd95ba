"""The mapping: one article's facts (plain dataclasses) become one RDF graph.

The graph is the article's named graph (:func:`graph_iri`): the article with its stored text,
the PROV-O description of the graph itself, every fact the article supports with its own
evidence nodes, and the entities those facts touch. It uses no blank nodes and no
timestamps, so mapping the same input twice gives the same triples, and a fact reported by
two articles (same IRI, see :mod:`sco_kg.iris`) merges in the store's union graph.

The mapping never refuses input: a bad value (a date such as "July", a meeting with one
side) is written as it is, and the shapes reject the fact (:mod:`sco_kg.validate`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from . import iris
from .gazetteer import fold
from .iris import graph_iri
from .model import (
    Article,
    ArticleFacts,
    Endorsement,
    Entity,
    Evidence,
    Meeting,
    Participant,
    Partnership,
    Summit,
)
from .namespaces import OA, ORG, OWL, PROV, RDF, RDFS, SCHEMA, SCO, SKOS, WD, XSD
from .paths import ONTOLOGY_DIR

__all__ = ["RunInfo", "article_graph", "graph_iri", "to_quads", "date_literal", "KIND_CONCEPTS",
           "CHANGE_CONCEPTS", "known_levels"]

LEVELS_FILE = ONTOLOGY_DIR / "partnership-levels.ttl"

KIND_CONCEPTS: dict[str, URIRef] = {
    "bilateral": SCO.Bilateral,
    "trilateral": SCO.Trilateral,
    "multilateral": SCO.Multilateral,
    "talks": SCO.Talks,
    "phone call": SCO.PhoneCall,
    "video call": SCO.VideoCall,
    "state visit": SCO.StateVisit,
}
CHANGE_CONCEPTS: dict[str, URIRef] = {
    "established": SCO.Established,
    "upgraded": SCO.Upgraded,
    "existing": SCO.Existing,
}
ENTITY_CLASSES: dict[str, URIRef] = {
    "person": SCO.Person,
    "country": SCO.Country,
    "organization": SCO.InternationalOrganization,
    "city": SCO.City,
    "initiative": SCO.Initiative,
    "principle": SCO.Principle,
}
PREFIXES = {"sco": SCO._NS, "schema": SCHEMA, "prov": PROV, "oa": OA, "org": ORG, "skos": SKOS,
            "owl": OWL, "wd": WD, "id": iris.DATA}

ISO_DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")
ORDINAL = re.compile(r"^\s*([1-9][0-9]*)(?:st|nd|rd|th)\b", re.IGNORECASE)


@dataclass(frozen=True)
class RunInfo:
    """What ran the extraction; it names the sco:ExtractionRun (no timestamp, on purpose)."""

    software_version: str
    spacy_model: str


def article_graph(facts: ArticleFacts, run: RunInfo) -> Graph:
    """The named graph of one article: article, provenance, facts, evidence, entities."""
    article = facts.article
    g = Graph(identifier=graph_iri(article.id))
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    a = add_article(g, article)
    add_provenance(g, article, a, run)
    summits = {fold(s.name): summit_node(s) for s in facts.summits if _own(s.evidence, article)}
    for s in facts.summits:
        add_summit(g, s, article)
    for m in facts.meetings:
        add_meeting(g, m, article, summits)
    for p in facts.partnerships:
        add_partnership(g, p, article)
    for e in facts.endorsements:
        add_endorsement(g, e, article)
    return g


def to_quads(graph: Graph) -> list[ox.Quad]:
    """The graph's triples as pyoxigraph quads (default graph) for ``replace_graph``."""
    data = graph.serialize(format="nt", encoding="utf-8")
    return list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))


# --- literals ------------------------------------------------------------------------------


def date_literal(value: str) -> Literal:
    """An ISO date at the granularity given; anything else stays a plain string for the shapes.

    >>> date_literal("2024-07-03").datatype == XSD.date, date_literal("2024-07").datatype == XSD.gYearMonth
    (True, True)
    >>> date_literal("July 2024").datatype is None
    True
    """
    if ISO_DATE.match(value):
        parts = [int(p) for p in value.split("-")]
        try:
            date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))
        except ValueError:
            return Literal(value)
        datatype = {1: XSD.gYear, 2: XSD.gYearMonth, 3: XSD.date}[len(parts)]
        return Literal(value, datatype=datatype)
    return Literal(value)


def text(value: str) -> Literal:
    """A string literal, written the RDF 1.1 way (no explicit xsd:string), as stores return it."""
    return Literal(value)


# --- sources and provenance --------------------------------------------------------------


def add_article(g: Graph, article: Article) -> URIRef:
    a = iris.article_iri(article.id)
    g.add((a, RDF.type, SCO.NewsArticle))
    g.add((a, SCHEMA.identifier, text(article.id)))
    g.add((a, SCHEMA.text, text(article.text)))
    if article.title:
        g.add((a, SCHEMA.headline, text(article.title)))
    if article.published:
        g.add((a, SCHEMA.datePublished, date_literal(article.published)))
    if article.outlet:
        g.add((a, SCO.outlet, text(article.outlet)))
    if article.source:
        g.add((a, SCO.sourceFile, text(article.source)))
    if article.url:
        url = article.url.strip()
        g.add((a, SCHEMA.url, URIRef(url) if re.match(r"^https?://[^\s<>\"{}|\\^`]+$", url) else text(url)))
    dateline = _dateline(article)
    if dateline:
        g.add((a, SCO.dateline, text(dateline)))
    return a


def _dateline(article: Article) -> str | None:
    """``ASTANA, July 3 (Xinhua)`` from its parts, as far as they are known."""
    head = ", ".join(x for x in (article.dateline_place, article.dateline_date) if x)
    tail = f"({article.dateline_outlet})" if article.dateline_outlet else ""
    return " ".join(x for x in (head, tail) if x) or None


def add_provenance(g: Graph, article: Article, a: URIRef, run: RunInfo) -> None:
    gi = graph_iri(article.id)
    r = iris.run_iri(run.software_version, run.spacy_model)
    g.add((gi, RDF.type, SCO.ArticleGraph))
    g.add((gi, PROV.wasDerivedFrom, a))
    g.add((gi, PROV.wasGeneratedBy, r))
    g.add((r, RDF.type, SCO.ExtractionRun))
    g.add((r, SCO.softwareVersion, text(run.software_version)))
    g.add((r, SCO.spacyModel, text(run.spacy_model)))
    g.add((r, PROV.used, a))


def _own(evidence: Iterable[Evidence], article: Article) -> list[Evidence]:
    """The evidence from this article: other articles' evidence lives in their own graphs."""
    return [e for e in evidence if e.article_id == article.id]


def _elsewhere(evidence: list[Evidence], article: Article) -> bool:
    """A fact backed only by other articles: their graphs hold it, not this one."""
    return bool(evidence) and not _own(evidence, article)


def add_evidence(g: Graph, fact: URIRef, evidence: list[Evidence], article: Article) -> list[URIRef]:
    nodes = []
    for ev in _own(evidence, article):
        e = iris.evidence_iri(ev.article_id, ev.start, ev.end)
        g.add((fact, SCO.evidence, e))
        g.add((e, RDF.type, SCO.Evidence))
        g.add((e, OA.hasSource, iris.article_iri(ev.article_id)))
        g.add((e, OA.start, Literal(ev.start, datatype=XSD.integer)))
        g.add((e, OA.end, Literal(ev.end, datatype=XSD.integer)))
        g.add((e, OA.exact, text(ev.quote)))
        nodes.append(e)
    return nodes


# --- entities ------------------------------------------------------------------------------


def entity_type(entity: Entity) -> str:
    """The IRI type segment: initiatives named "... principle" are principles."""
    if entity.kind == "initiative" and fold(entity.label).endswith("principle"):
        return "principle"
    return entity.kind


def entity_key(entity: Entity) -> str:
    return iris.entity_key(entity_type(entity), entity.label, entity.qid)


def add_entity(g: Graph, entity: Entity) -> URIRef:
    kind = entity_type(entity)
    e = iris.entity_iri(kind, entity.label, entity.qid)
    g.add((e, RDF.type, ENTITY_CLASSES.get(kind, SCO.Actor)))
    g.add((e, RDFS.label, text(entity.label)))
    if entity.qid:
        # owl:sameAs, not a weaker link: the linker only sets a QID it is certain of.
        g.add((e, OWL.sameAs, WD[entity.qid]))
    return e


# --- facts ---------------------------------------------------------------------------------


def side_key(p: Participant) -> str:
    """What identifies one side of a meeting: the person, else the state represented."""
    if p.person is not None:
        return entity_key(p.person)
    if p.party is not None:
        return "side:" + entity_key(p.party)
    return "side:unknown"


def add_meeting(g: Graph, meeting: Meeting, article: Article, summits: dict[str, URIRef]) -> URIRef | None:
    if _elsewhere(meeting.evidence, article):
        return None
    m = iris.meeting_iri([side_key(p) for p in meeting.participants], meeting.date, meeting.kind,
                         meeting.location.label if meeting.location else None)
    g.add((m, RDF.type, SCO.Meeting))
    g.add((m, SCO.kind, KIND_CONCEPTS.get(meeting.kind) or text(meeting.kind)))
    g.add((m, SCO.background, Literal(meeting.background)))
    when = date_literal(meeting.date) if meeting.date else None
    if when is not None:
        g.add((m, SCO.date, when))
    if meeting.location:
        g.add((m, SCO.location, add_entity(g, meeting.location)))
    if meeting.occasion:
        g.add((m, SCO.occasion, text(meeting.occasion)))
        for name, s in summits.items():
            if name in fold(meeting.occasion):
                g.add((m, SCO.partOf, s))
    evidence = add_evidence(g, m, meeting.evidence, article)
    for p in meeting.participants:
        add_participation(g, m, p, when, evidence)
    return m


def add_participation(g: Graph, m: URIRef, p: Participant, when: Literal | None, evidence: list[URIRef]) -> None:
    node = iris.participation_iri(m, side_key(p))
    g.add((m, SCO.participation, node))
    g.add((node, RDF.type, SCO.Participation))
    person = add_entity(g, p.person) if p.person else None
    party = add_entity(g, p.party) if p.party else None
    if person is not None:
        g.add((m, SCO.participant, person))
        g.add((node, SCO.agent, person))
    if party is not None:
        g.add((node, SCO.represents, party))
    if p.role:
        g.add((node, SCO.roleLabel, text(p.role)))
    if p.person and p.party and p.role:
        office = add_office(g, p, when, evidence)
        g.add((node, SCO.office, office))


def add_office(g: Graph, p: Participant, when: Literal | None, evidence: list[URIRef]) -> URIRef:
    """"President of Kyrgyzstan" at a meeting: an office the person is attested to hold then."""
    assert p.person and p.party and p.role
    o = iris.office_iri(entity_key(p.person), entity_key(p.party), p.role)
    role = iris.role_iri(p.role)
    g.add((o, RDF.type, SCO.OfficeHolding))
    g.add((o, RDFS.label, text(f"{p.person.label}, {p.role} of {p.party.label}")))
    g.add((o, ORG.member, add_entity(g, p.person)))
    g.add((o, ORG.organization, add_entity(g, p.party)))
    g.add((o, ORG.role, role))
    g.add((role, RDF.type, ORG.Role))
    g.add((role, RDFS.label, text(p.role)))
    if when is not None and when.datatype is not None:  # a date the shapes would reject stays out
        g.add((o, SCO.attestedOn, when))
    for e in evidence:
        g.add((o, SCO.evidence, e))
    return o


@lru_cache(maxsize=1)
def known_levels() -> dict[str, URIRef]:
    """Slug of every preferred or alternative label in partnership-levels.ttl -> its concept."""
    levels = Graph().parse(LEVELS_FILE, format="turtle")
    found: dict[str, URIRef] = {}
    for prop in (SKOS.altLabel, SKOS.prefLabel):  # preferred labels win
        for concept, label in levels.subject_objects(prop):
            found[iris.slug(str(label))] = URIRef(concept)
    return found


def add_level(g: Graph, phrase: str) -> URIRef:
    """The level concept for a phrase; one not in the scheme yet joins it, unranked."""
    known = known_levels().get(iris.slug(phrase))
    if known is not None:
        return known
    level = iris.level_iri(phrase)
    g.add((level, RDF.type, SCO.PartnershipLevel))
    g.add((level, SKOS.inScheme, SCO.partnershipLevels))
    g.add((level, SKOS.prefLabel, text(phrase)))
    return level


def add_partnership(g: Graph, p: Partnership, article: Article) -> URIRef | None:
    if _elsewhere(p.evidence, article):
        return None
    level = add_level(g, p.level)
    s = iris.partnership_iri([entity_key(x) for x in p.parties], level, p.change, p.when)
    g.add((s, RDF.type, SCO.PartnershipStatement))
    for party in p.parties:
        g.add((s, SCO.party, add_entity(g, party)))
    g.add((s, SCO.level, level))
    g.add((s, SCO.levelPhrase, text(p.level)))
    g.add((s, SCO.change, CHANGE_CONCEPTS.get(p.change) or text(p.change)))
    if p.when:
        g.add((s, SCO.when, date_literal(p.when)))
    add_evidence(g, s, p.evidence, article)
    return s


def add_endorsement(g: Graph, e: Endorsement, article: Article) -> URIRef | None:
    if _elsewhere(e.evidence, article):
        return None
    node = iris.endorsement_iri(entity_key(e.party), entity_key(e.initiative))
    g.add((node, RDF.type, SCO.Endorsement))
    g.add((node, SCO.endorser, add_entity(g, e.party)))
    g.add((node, SCO.endorsed, add_entity(g, e.initiative)))
    if e.speaker:
        g.add((node, SCO.speaker, add_entity(g, e.speaker)))
    add_evidence(g, node, e.evidence, article)
    return node


def summit_node(s: Summit) -> URIRef:
    return iris.summit_iri(s.name, s.location.label if s.location else None,
                           s.dates[0][:4] if s.dates else None)


def add_summit(g: Graph, s: Summit, article: Article) -> URIRef | None:
    if _elsewhere(s.evidence, article):
        return None
    node = summit_node(s)
    g.add((node, RDF.type, SCO.Summit))
    g.add((node, RDFS.label, text(s.name)))
    g.add((node, SCHEMA.name, text(s.name)))
    ordinal = ORDINAL.match(s.name)
    if ordinal:
        g.add((node, SCO.ordinal, Literal(int(ordinal.group(1)))))
    if s.organization:
        g.add((node, SCO.organizer, add_entity(g, s.organization)))
    if s.location:
        g.add((node, SCO.location, add_entity(g, s.location)))
    for d in s.dates:
        g.add((node, SCO.date, date_literal(d)))
    add_evidence(g, node, s.evidence, article)
    return node
