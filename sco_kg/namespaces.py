"""Every namespace, declared once.

Our own vocabulary is a closed namespace: ``SCO.Meetng`` raises instead of minting a
misspelt IRI. ``tests/test_ontology.py`` checks that the terms here and the terms the
ontology defines are the same set.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCAT,
    DCTERMS,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SH,
    SKOS,
    TIME,
    VOID,
    XSD,
    DefinedNamespace,
)

BASE = "https://w3id.org/sco-kg/"
ONTOLOGY_IRI = BASE + "ontology"
SHAPES_IRI = BASE + "shapes"
DATA = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")
WD = Namespace("http://www.wikidata.org/entity/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
OA = Namespace("http://www.w3.org/ns/oa#")
SCOSH = Namespace(SHAPES_IRI + "#")
SCHEMA = SDO


class SCO(DefinedNamespace):
    """sco-kg ontology terms (https://w3id.org/sco-kg/ontology#)."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # Classes
    Fact: URIRef
    Summit: URIRef
    Meeting: URIRef
    MeetingKind: URIRef
    Participation: URIRef
    Person: URIRef
    Actor: URIRef
    Country: URIRef
    InternationalOrganization: URIRef
    Organization: URIRef
    City: URIRef
    OfficeHolding: URIRef
    PartnershipLevel: URIRef
    PartnershipChange: URIRef
    PartnershipStatement: URIRef
    Initiative: URIRef
    Principle: URIRef
    Endorsement: URIRef
    NewsArticle: URIRef
    Evidence: URIRef
    ExtractionRun: URIRef
    ArticleGraph: URIRef

    # Concept schemes and their concepts
    meetingKinds: URIRef
    partnershipLevels: URIRef
    partnershipChanges: URIRef
    Bilateral: URIRef
    Trilateral: URIRef
    Multilateral: URIRef
    Talks: URIRef
    PhoneCall: URIRef
    VideoCall: URIRef
    StateVisit: URIRef
    Established: URIRef
    Upgraded: URIRef
    Existing: URIRef

    # Properties
    evidence: URIRef
    kind: URIRef
    participation: URIRef
    participant: URIRef
    agent: URIRef
    represents: URIRef
    roleLabel: URIRef
    office: URIRef
    date: URIRef
    location: URIRef
    occasion: URIRef
    partOf: URIRef
    background: URIRef
    party: URIRef
    level: URIRef
    levelPhrase: URIRef
    change: URIRef
    when: URIRef
    rank: URIRef
    endorser: URIRef
    endorsed: URIRef
    speaker: URIRef
    organizer: URIRef
    ordinal: URIRef
    attestedOn: URIRef
    outlet: URIRef
    sourceFile: URIRef
    dateline: URIRef
    softwareVersion: URIRef
    spacyModel: URIRef


__all__ = [
    "BASE", "DATA", "GRAPH", "WD", "SEM", "OA", "SCO", "SCOSH", "SCHEMA", "ONTOLOGY_IRI",
    "SHAPES_IRI", "DCAT", "DCTERMS", "ORG", "OWL", "PROV", "RDF", "RDFS", "SH", "SKOS",
    "TIME", "VOID", "XSD",
]
