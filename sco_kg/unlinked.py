"""The curators' worklist: entities that have no Wikidata link, most mentioned first.

``sco-kg unlinked [--format csv|json]`` prints :func:`unlinked_entities` through
:func:`write`. The CSV has the columns ``iri,label,kind,mentions,example`` and a header row,
so OpenRefine (Create project -> This computer -> CSV) reads it as is and can reconcile the
``label`` column against Wikidata; a QID found that way enters the graph only through
``data/verified-qids.csv`` with two sources, never straight from the worklist.

``mentions`` is the number of distinct evidence sentences of the facts that touch the
entity (directly, or through a meeting's participation node); ``example`` is one of them.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Literal, TextIO

from .namespaces import OA, OWL, RDFS, SCHEMA, SCO, SKOS
from .store import GraphStore

COLUMNS = ("iri", "label", "kind", "mentions", "example")
KIND_OF_CLASS = {
    SCO.Person: "person",
    SCO.Country: "country",
    SCO.InternationalOrganization: "organization",
    SCO.Organization: "organization",
    SCO.City: "city",
    SCO.Initiative: "initiative",
    SCO.Principle: "principle",
}


@dataclass(frozen=True)
class UnlinkedEntity:
    iri: str
    label: str
    kind: str
    mentions: int
    example: str


def _query() -> str:
    classes = " ".join(f"<{c}>" for c in KIND_OF_CLASS)
    return f"""
    SELECT ?e ?class ?label ?ev ?quote WHERE {{
      VALUES ?class {{ {classes} }}
      ?e a ?class .
      FILTER NOT EXISTS {{ ?e <{OWL.sameAs}> ?same }}
      FILTER NOT EXISTS {{ ?e <{SCHEMA.sameAs}> ?same }}
      OPTIONAL {{ ?e <{RDFS.label}> ?rdfsLabel }}
      OPTIONAL {{ ?e <{SKOS.prefLabel}> ?prefLabel }}
      OPTIONAL {{ ?e <{SCHEMA.name}> ?name }}
      BIND(COALESCE(?rdfsLabel, ?prefLabel, ?name, STR(?e)) AS ?label)
      OPTIONAL {{
        {{ ?fact ?p ?e }} UNION {{ ?fact <{SCO.participation}> ?side . ?side ?q ?e }}
        ?fact <{SCO.evidence}> ?ev .
        OPTIONAL {{ ?ev <{OA.exact}> ?quote }}
      }}
    }}"""


def unlinked_entities(store: GraphStore) -> list[UnlinkedEntity]:
    """Every entity of ours without ``owl:sameAs``: most mentioned first, then by label."""
    found: dict[str, dict] = {}
    for row in store.query(_query()):
        iri = row["e"].value
        item = found.setdefault(iri, {"label": row["label"].value, "kinds": set(), "evidence": {}})
        item["kinds"].add(KIND_OF_CLASS[_uri(row["class"].value)])
        item["label"] = min(item["label"], row["label"].value)  # several labels: a stable choice
        if row["ev"] is not None:
            quote = row["quote"].value if row["quote"] is not None else ""
            item["evidence"][row["ev"].value] = " ".join(quote.split())
    out = []
    for iri, item in found.items():
        quotes = [q for q in item["evidence"].values() if q]
        # The shortest sentence is the easiest for a curator to read.
        example = min(quotes, key=lambda q: (len(q), q)) if quotes else ""
        out.append(UnlinkedEntity(iri, item["label"], _kind(item["kinds"]), len(item["evidence"]), example))
    return sorted(out, key=lambda u: (-u.mentions, u.label.casefold(), u.iri))


def _uri(value: str):
    return next(c for c in KIND_OF_CLASS if str(c) == value)


def _kind(kinds: set[str]) -> str:
    # An international organisation is typed both ways; any other mix is shown as is.
    return "/".join(sorted(kinds))


def to_csv(entities: Sequence[UnlinkedEntity], out: TextIO) -> None:
    w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    for e in entities:
        w.writerow(asdict(e))


def to_json(entities: Sequence[UnlinkedEntity], out: TextIO) -> None:
    json.dump([asdict(e) for e in entities], out, ensure_ascii=False, indent=2)
    out.write("\n")


def write(entities: Sequence[UnlinkedEntity], fmt: Literal["csv", "json"], out: TextIO) -> None:
    """Write the worklist as ``csv`` or ``json``."""
    if fmt == "csv":
        to_csv(entities, out)
    elif fmt == "json":
        to_json(entities, out)
    else:
        raise ValueError(f"unknown worklist format {fmt!r}: use csv or json")
