"""Search over labels and aliases: accent- and case-blind, best matches first.

The index is every label (rdfs:label, skos:prefLabel, skos:altLabel, schema:headline) of
every resource under our ``id/`` namespace. It is built on first use and rebuilt when the
store's version changes, so a rebuilt store is searchable at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...gazetteer import fold
from ...namespaces import DATA, SCO
from ...store import GraphStore
from .queries import select, short_tail

# Kinds of things people look for first: people and countries before facts and offices.
KIND_ORDER = {
    str(SCO.Person): (0, "Person"),
    str(SCO.Country): (1, "Country"),
    str(SCO.InternationalOrganization): (2, "International organization"),
    str(SCO.Organization): (2, "Organization"),
    str(SCO.Summit): (3, "Summit"),
    str(SCO.Initiative): (4, "Initiative"),
    str(SCO.Principle): (4, "Principle"),
    str(SCO.City): (5, "City"),
    str(SCO.NewsArticle): (6, "Article"),
    str(SCO.PartnershipLevel): (7, "Partnership level"),
    str(SCO.OfficeHolding): (8, "Office holding"),
}
OTHER = (9, "Resource")


@dataclass(frozen=True)
class Hit:
    iri: str
    label: str
    kind: str
    matched: str  # the label or alias that matched


@dataclass
class Entry:
    iri: str
    label: str
    kind: tuple[int, str]
    names: list[tuple[str, str]] = field(default_factory=list)  # (folded, as written)


def build_index(store: GraphStore) -> list[Entry]:
    rows = select(store, f"""
        SELECT ?s ?name ?main ?type WHERE {{
          ?s rdfs:label|skos:prefLabel|skos:altLabel|schema:headline ?name .
          FILTER(isIRI(?s) && STRSTARTS(STR(?s), "{DATA}"))
          OPTIONAL {{ ?s rdfs:label|skos:prefLabel|schema:headline ?main }}
          OPTIONAL {{ ?s a ?type }}
        }}""")
    entries: dict[str, Entry] = {}
    for r in rows:
        e = entries.get(r["s"])
        if e is None:
            e = entries[r["s"]] = Entry(r["s"], r.get("main") or r["name"], OTHER)
        kind = KIND_ORDER.get(r.get("type", ""), OTHER)
        e.kind = min(e.kind, kind)
        pair = (fold(r["name"]), r["name"])
        if pair not in e.names:
            e.names.append(pair)
    return list(entries.values())


def score(query: str, name: str) -> int | None:
    """Lower is better: exact, then a word starting with the query, then anywhere; None if absent.

    >>> score("japarov", "sadyr japarov"), score("jap", "sadyr japarov"), score("parov", "sadyr japarov")
    (1, 2, 3)
    """
    if name == query:
        return 0
    padded = f" {name} "
    if f" {query} " in padded:
        return 1
    if f" {query}" in padded:
        return 2
    if query in name:
        return 3
    return None


class SearchIndex:
    """The label index of one store, refreshed when the store changes."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self._version: str | None = None
        self._entries: list[Entry] = []

    def entries(self) -> list[Entry]:
        if self._version != self.store.version:
            self._entries = build_index(self.store)
            self._version = self.store.version
        return self._entries

    def search(self, text: str, limit: int = 50) -> list[Hit]:
        query = fold(text)
        if not query:
            return []
        ranked = []
        for e in self.entries():
            best = None
            for folded, written in e.names:
                s = score(query, folded)
                if s is not None and (best is None or s < best[0]):
                    best = (s, written)
            if best is not None:
                ranked.append(((best[0], e.kind[0], fold(e.label), e.iri), Hit(e.iri, e.label or short_tail(e.iri), e.kind[1], best[1])))
        ranked.sort(key=lambda x: x[0])
        return [hit for _, hit in ranked[:limit]]
