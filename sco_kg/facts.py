"""The facts export (``sco-kg facts``): the annotation guide's schema, computed by SPARQL.

Everything comes from the store (the union of its named graphs), never from extraction
results in memory, so the export shows what the knowledge graph holds. One SELECT per kind
of fact, one for the sources of all facts, one for entity names; Python only shapes rows
into the JSON of docs/facts-schema.md.

Where articles disagree on a single-valued field of one merged fact (one says "talks", the
other "bilateral"), the export picks one deterministically (the smallest value) so that
the same store always gives the same export.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .namespaces import DATA, SCO, WD
from .rdf import CHANGE_CONCEPTS, KIND_CONCEPTS
from .store import GraphStore

PREFIXES = f"""
PREFIX sco: <{SCO._NS}>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""
SEP = " "  # GROUP_CONCAT separator: IRIs and ISO dates hold no space
KIND_NAMES = {str(v): k for k, v in KIND_CONCEPTS.items()}
CHANGE_NAMES = {str(v): k for k, v in CHANGE_CONCEPTS.items()}

ENTITIES = PREFIXES + f"""
SELECT ?e ?label (MIN(STR(?same)) AS ?wd) WHERE {{
    ?e rdfs:label ?label .
    OPTIONAL {{ ?e owl:sameAs ?same FILTER STRSTARTS(STR(?same), "{WD}") }}
    FILTER STRSTARTS(STR(?e), "{DATA}")
}} GROUP BY ?e ?label
"""

SOURCES = PREFIXES + """
SELECT DISTINCT ?fact ?article ?start ?end ?quote WHERE {
    ?fact sco:evidence ?ev .
    ?ev oa:hasSource ?a ; oa:start ?start ; oa:end ?end ; oa:exact ?quote .
    ?a schema:identifier ?article .
}
"""

MEETINGS = PREFIXES + """
SELECT ?m (MIN(STR(?k)) AS ?kind) (MIN(STR(?d)) AS ?date) (MIN(STR(?loc)) AS ?location)
       (MIN(?occ) AS ?occasion) (MAX(?fg) AS ?foreground) WHERE {
    ?m a sco:Meeting .
    OPTIONAL { ?m sco:kind ?k }
    OPTIONAL { ?m sco:date ?d }
    OPTIONAL { ?m sco:location ?loc }
    OPTIONAL { ?m sco:occasion ?occ }
    OPTIONAL { ?m sco:background ?bg }
    # A meeting is background only if no article reports it as a current event.
    BIND (IF(BOUND(?bg) && ?bg = true, 0, 1) AS ?fg)
} GROUP BY ?m
"""

PARTICIPANTS = PREFIXES + """
SELECT ?m ?p (MIN(STR(?person)) AS ?who) (MIN(STR(?party)) AS ?side) (MIN(?role) AS ?roleLabel) WHERE {
    ?m a sco:Meeting ; sco:participation ?p .
    OPTIONAL { ?p sco:agent ?person }
    OPTIONAL { ?p sco:represents ?party }
    OPTIONAL { ?p sco:roleLabel ?role }
} GROUP BY ?m ?p
"""

PARTNERSHIPS = PREFIXES + f"""
SELECT ?s (GROUP_CONCAT(DISTINCT STR(?party); separator="{SEP}") AS ?parties) (MIN(?phrase) AS ?level)
       (MIN(STR(?c)) AS ?change) (MIN(STR(?w)) AS ?when) WHERE {{
    ?s a sco:PartnershipStatement ; sco:party ?party .
    OPTIONAL {{ ?s sco:levelPhrase ?phrase }}
    OPTIONAL {{ ?s sco:change ?c }}
    OPTIONAL {{ ?s sco:when ?w }}
}} GROUP BY ?s
"""

ENDORSEMENTS = PREFIXES + """
SELECT ?s (MIN(STR(?party)) AS ?endorser) (MIN(STR(?i)) AS ?initiative) (MIN(STR(?sp)) AS ?speaker) WHERE {
    ?s a sco:Endorsement .
    OPTIONAL { ?s sco:endorser ?party }
    OPTIONAL { ?s sco:endorsed ?i }
    OPTIONAL { ?s sco:speaker ?sp }
} GROUP BY ?s
"""

SUMMITS = PREFIXES + f"""
SELECT ?s (MIN(?label) AS ?name) (MIN(STR(?o)) AS ?organization) (MIN(STR(?loc)) AS ?location)
       (GROUP_CONCAT(DISTINCT STR(?d); separator="{SEP}") AS ?dates) WHERE {{
    ?s a sco:Summit .
    OPTIONAL {{ ?s rdfs:label ?label }}
    OPTIONAL {{ ?s sco:organizer ?o }}
    OPTIONAL {{ ?s sco:location ?loc }}
    OPTIONAL {{ ?s sco:date ?d }}
}} GROUP BY ?s
"""


@dataclass(frozen=True)
class Name:
    label: str
    qid: str | None


def rows(store: GraphStore, query: str) -> list[dict[str, str | None]]:
    """A SELECT's solutions as dicts of lexical values (None where unbound)."""
    result = store.query(query)
    names = [v.value for v in result.variables]
    return [{n: (s[n].value if s[n] is not None else None) for n in names} for s in result]


def entity_names(store: GraphStore) -> dict[str, Name]:
    """Each entity's fullest label (the longest; the smallest of equals) and its QID."""
    labels: dict[str, list[str]] = defaultdict(list)
    qids: dict[str, str | None] = {}
    for r in rows(store, ENTITIES):
        labels[r["e"]].append(r["label"])
        qids[r["e"]] = r["wd"].removeprefix(str(WD)) if r["wd"] else qids.get(r["e"])
    return {e: Name(min(ls, key=lambda s: (-len(s), s)), qids.get(e)) for e, ls in labels.items()}


def sources(store: GraphStore) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = defaultdict(list)
    for r in rows(store, SOURCES):
        found[r["fact"]].append(
            {"article": r["article"], "evidence": r["quote"], "start": int(r["start"]), "end": int(r["end"])}
        )
    for items in found.values():
        items.sort(key=lambda s: (s["article"], s["start"], s["end"]))
    return found


def export_facts(store: GraphStore) -> dict:
    """The facts of the store in the guide's schema (docs/facts-schema.md)."""
    names = entity_names(store)
    cited = sources(store)

    def label(iri: str | None) -> str | None:
        return names[iri].label if iri in names else None

    def qid(iri: str | None) -> str | None:
        return names[iri].qid if iri in names else None

    def with_sources(fact: str, item: dict) -> dict:
        src = cited.get(fact, [])
        return {"id": fact, **item, "evidence": src[0]["evidence"] if src else None, "sources": src}

    sides: dict[str, list[dict]] = defaultdict(list)
    for r in rows(store, PARTICIPANTS):
        sides[r["m"]].append({
            "name": label(r["who"]), "country": label(r["side"]), "role": r["roleLabel"],
            "wikidata": qid(r["who"]), "country_wikidata": qid(r["side"]),
        })
    meetings, background = [], []
    for r in rows(store, MEETINGS):
        item = with_sources(r["m"], {
            "kind": KIND_NAMES.get(r["kind"] or "", r["kind"]),
            "date": r["date"],
            "location": label(r["location"]),
            "occasion": r["occasion"],
            "participants": sorted(sides[r["m"]], key=lambda p: (p["name"] or "", p["country"] or "")),
        })
        (meetings if r["foreground"] == "1" else background).append(item)

    partnerships = []
    for r in rows(store, PARTNERSHIPS):
        parties = sorted((r["parties"] or "").split(SEP), key=lambda p: label(p) or p)
        partnerships.append(with_sources(r["s"], {
            "parties": [label(p) for p in parties],
            "parties_wikidata": [qid(p) for p in parties],
            "level": r["level"],
            "change": CHANGE_NAMES.get(r["change"] or "", r["change"]),
            "when": r["when"],
        }))

    endorsements = [
        with_sources(r["s"], {
            "party": label(r["endorser"]), "party_wikidata": qid(r["endorser"]),
            "initiative": label(r["initiative"]), "initiative_wikidata": qid(r["initiative"]),
            "speaker": label(r["speaker"]),
        })
        for r in rows(store, ENDORSEMENTS)
    ]
    summits = [
        with_sources(r["s"], {
            "name": r["name"], "organization": label(r["organization"]),
            "organization_wikidata": qid(r["organization"]), "location": label(r["location"]),
            "dates": sorted(d for d in (r["dates"] or "").split(SEP) if d),
        })
        for r in rows(store, SUMMITS)
    ]
    return {
        "meetings": sorted(meetings, key=_by_date),
        "background_meetings": sorted(background, key=_by_date),
        "partnerships": sorted(partnerships, key=lambda f: (f["parties"], f["level"] or "", f["id"])),
        "endorsements": sorted(endorsements, key=lambda f: (f["party"] or "", f["initiative"] or "", f["id"])),
        "summits": sorted(summits, key=lambda f: (f["name"] or "", f["id"])),
    }


def _by_date(fact: dict) -> tuple:
    return (fact["date"] or "", fact["kind"] or "", fact["id"])


def evidence_mismatches(store: GraphStore) -> list[dict]:
    """Evidence whose quote is not the article text at its offsets (empty when all is well)."""
    query = PREFIXES + """
    SELECT ?ev ?article ?start ?end ?quote ?found WHERE {
        # Graph by graph: each article graph holds its article and its evidence, and a
        # mismatch in any of them must show (the merged default graph may hide it).
        GRAPH ?g {
            ?ev a sco:Evidence ; oa:hasSource ?a ; oa:start ?start ; oa:end ?end ; oa:exact ?quote .
            ?a schema:identifier ?article ; schema:text ?text .
        }
        BIND (SUBSTR(STR(?text), ?start + 1, ?end - ?start) AS ?found)
        FILTER (?found != STR(?quote))
    }"""
    return rows(store, query)
