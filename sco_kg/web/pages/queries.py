"""The SPARQL behind the pages, and the plain views the templates draw.

Each function asks the store one question about one resource and returns dataclasses; the
templates never see RDF terms. Queries read the store's default graph: the deduplicated merge
of the article graphs and the ontology graph (for level and kind labels).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from ...namespaces import GRAPH, OA, ORG, OWL, PROV, RDF, RDFS, SCHEMA, SCO, SKOS, WD
from ...store import GraphStore

PREFIXES = f"""PREFIX sco: <{SCO._NS}>
PREFIX rdf: <{RDF}>
PREFIX rdfs: <{RDFS}>
PREFIX skos: <{SKOS}>
PREFIX owl: <{OWL}>
PREFIX schema: <{SCHEMA}>
PREFIX org: <{ORG}>
PREFIX oa: <{OA}>
PREFIX prov: <{PROV}>
"""

ONTOLOGY_GRAPH = str(GRAPH["ontology"])
SHAPES_GRAPH = str(GRAPH["shapes"])

# How a resource is named on a page, best first.
LABEL = "COALESCE(?l1, ?l2, ?l3, ?l4)"
LABEL_OF = """OPTIONAL {{ {v} rdfs:label ?l1 }} OPTIONAL {{ {v} skos:prefLabel ?l2 }}
OPTIONAL {{ {v} schema:headline ?l3 }} OPTIONAL {{ {v} schema:name ?l4 }}"""

_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def iri_term(iri: str) -> str:
    """``<iri>`` for a query, refusing anything that could break out of the brackets."""
    if not iri or _IRI_FORBIDDEN.search(iri):
        raise ValueError(f"not an IRI: {iri!r}")
    return f"<{iri}>"


def label_of(var: str, into: str) -> str:
    """SPARQL that binds ``into`` to the best label of ``var`` (unbound if it has none)."""
    names = {n: f"?_{into.lstrip('?')}{n}" for n in ("l1", "l2", "l3", "l4")}
    text = LABEL_OF.format(v=var)
    expr = LABEL
    for n, fresh in names.items():
        text = text.replace(f"?{n}", fresh)
        expr = expr.replace(f"?{n}", fresh)
    return f"{text}\nBIND({expr} AS {into})"


def select(store: GraphStore, sparql: str) -> list[dict[str, str]]:
    """Run a SELECT; each row maps variable names to the string value of the bound term."""
    result = store.query(PREFIXES + sparql)
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    rows = []
    for solution in result:
        row = {}
        for name in names:
            term = solution[name]
            if term is not None:
                row[name] = term.value
        rows.append(row)
    return rows


def ask(store: GraphStore, sparql: str) -> bool:
    return bool(store.query(PREFIXES + sparql))


# --- views -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    """A link to a resource: its IRI and what to call it."""

    iri: str
    label: str


def ref(row: dict[str, str], key: str, label_key: str | None = None) -> Ref | None:
    if key not in row:
        return None
    return Ref(row[key], row.get(label_key or key + "Label") or short_tail(row[key]))


def short_tail(iri: str) -> str:
    """The last path segment of an IRI, for resources without a label."""
    return re.split(r"[/#]", iri.rstrip("/"))[-1] or iri


@dataclass(frozen=True)
class EvidenceView:
    iri: str
    article: Ref
    start: int
    end: int
    exact: str
    published: str | None = None


@dataclass
class Side:
    person: Ref | None
    country: Ref | None
    role: str | None


@dataclass
class MeetingView:
    iri: str
    date: str | None
    kind: str | None
    location: Ref | None
    occasion: str | None
    background: bool
    summit: Ref | None
    sides: list[Side] = field(default_factory=list)

    @property
    def title(self) -> str:
        names = [s.person.label if s.person else (s.country.label if s.country else "?") for s in self.sides]
        if not names:
            return "Meeting"
        if len(names) == 1:
            return names[0]
        return ", ".join(names[:-1]) + " and " + names[-1]

    def others(self, me: str) -> list[Side]:
        """The sides other than the person ``me``, or than those representing the country ``me``."""
        return [s for s in self.sides
                if not ((s.person and s.person.iri == me) or (s.country and s.country.iri == me))]



# --- any resource ----------------------------------------------------------------------------


def types(store: GraphStore, iri: str) -> set[str]:
    return {r["t"] for r in select(store, f"SELECT DISTINCT ?t WHERE {{ {iri_term(iri)} a ?t }}")}


def is_known(store: GraphStore, iri: str) -> bool:
    """Whether the store says anything about ``iri``, or names a graph with it."""
    t = iri_term(iri)
    return ask(store, f"ASK {{ {{ {t} ?p ?o }} UNION {{ ?s ?p {t} }} UNION {{ GRAPH {t} {{ ?s ?p ?o }} }} }}")


def label(store: GraphStore, iri: str) -> str:
    rows = select(store, f"SELECT ?label WHERE {{ {label_of(iri_term(iri), '?label')} }} LIMIT 1")
    return rows[0].get("label") if rows and rows[0].get("label") else short_tail(iri)


def alt_labels(store: GraphStore, iri: str) -> list[str]:
    rows = select(store, f"SELECT DISTINCT ?a WHERE {{ {iri_term(iri)} skos:altLabel ?a }} ORDER BY ?a")
    return [r["a"] for r in rows]


def same_as(store: GraphStore, iri: str) -> list[str]:
    rows = select(store, f"SELECT DISTINCT ?x WHERE {{ {iri_term(iri)} owl:sameAs ?x }} ORDER BY ?x")
    return [r["x"] for r in rows]


def wikidata_id(iris: Iterable[str]) -> str | None:
    """``Q15031`` from a list of sameAs IRIs, if one is Wikidata's."""
    for x in iris:
        if x.startswith(str(WD)):
            return x[len(str(WD)):]
    return None


@dataclass(frozen=True)
class Statement:
    """One triple seen from a resource: the property, and the value (IRI or literal)."""

    prop: Ref
    value: str
    is_iri: bool
    value_label: str | None = None
    datatype: str | None = None
    lang: str | None = None


def outgoing(store: GraphStore, iri: str, limit: int = 500) -> list[Statement]:
    result = store.query(PREFIXES + f"""
        SELECT DISTINCT ?p ?pLabel ?o ?oLabel WHERE {{
          {iri_term(iri)} ?p ?o .
          {label_of('?p', '?pLabel')}
          {label_of('?o', '?oLabel')}
        }} ORDER BY ?p ?o LIMIT {limit}""")
    assert isinstance(result, ox.QuerySolutions)
    out = []
    for s in result:
        o = s["o"]
        out.append(Statement(
            prop=Ref(s["p"].value, s["pLabel"].value if s["pLabel"] else short_tail(s["p"].value)),
            value=o.value,
            is_iri=isinstance(o, ox.NamedNode),
            value_label=s["oLabel"].value if s["oLabel"] else None,
            datatype=o.datatype.value if isinstance(o, ox.Literal) and not o.language else None,
            lang=o.language if isinstance(o, ox.Literal) else None,
        ))
    return out


@dataclass(frozen=True)
class Incoming:
    subject: Ref
    prop: Ref


def incoming(store: GraphStore, iri: str, limit: int = 200) -> list[Incoming]:
    rows = select(store, f"""
        SELECT DISTINCT ?s ?sLabel ?p ?pLabel WHERE {{
          ?s ?p {iri_term(iri)} . FILTER(isIRI(?s))
          {label_of('?s', '?sLabel')}
          {label_of('?p', '?pLabel')}
        }} ORDER BY ?p ?s LIMIT {limit}""")
    return [Incoming(ref(r, "s"), ref(r, "p")) for r in rows]  # type: ignore[arg-type]


# --- evidence ----------------------------------------------------------------------------------


def evidence(store: GraphStore, fact: str) -> list[EvidenceView]:
    """The sentences that state ``fact``, in article order."""
    rows = select(store, f"""
        SELECT DISTINCT ?ev ?article ?articleLabel ?start ?end ?exact ?published WHERE {{
          {iri_term(fact)} sco:evidence ?ev .
          ?ev oa:hasSource ?article ; oa:start ?start ; oa:end ?end ; oa:exact ?exact .
          OPTIONAL {{ ?article schema:datePublished ?published }}
          {label_of('?article', '?articleLabel')}
        }} ORDER BY ?article ?start""")
    return [EvidenceView(r["ev"], ref(r, "article"), int(r["start"]), int(r["end"]), r["exact"],  # type: ignore[arg-type]
                         r.get("published")) for r in rows]


def evidence_itself(store: GraphStore, ev: str) -> list[EvidenceView]:
    """An evidence record seen on its own page: itself, as the one sentence to show."""
    rows = select(store, f"""
        SELECT ?article ?articleLabel ?start ?end ?exact ?published WHERE {{
          {iri_term(ev)} oa:hasSource ?article ; oa:start ?start ; oa:end ?end ; oa:exact ?exact .
          OPTIONAL {{ ?article schema:datePublished ?published }}
          {label_of('?article', '?articleLabel')}
        }} LIMIT 1""")
    return [EvidenceView(ev, ref(r, "article"), int(r["start"]), int(r["end"]), r["exact"], r.get("published"))  # type: ignore[arg-type]
            for r in rows]


def article_text(store: GraphStore, article: str) -> str | None:
    rows = select(store, f"SELECT ?text WHERE {{ {iri_term(article)} schema:text ?text }} LIMIT 1")
    return rows[0]["text"] if rows else None


# --- meetings ----------------------------------------------------------------------------------


def meetings(store: GraphStore, pattern: str, *, order: str = "?date", limit: int | None = None) -> list[MeetingView]:
    """The meetings that ``pattern`` binds to ``?m``, with their sides.

    >>> # meetings(store, "?m sco:participant <https://w3id.org/sco-kg/id/person/Q15031> .")
    """
    cut = f"LIMIT {limit}" if limit else ""
    heads = select(store, f"""
        SELECT ?m (SAMPLE(?d) AS ?date) (SAMPLE(?k) AS ?kind) (SAMPLE(?loc) AS ?location)
               (SAMPLE(?locL) AS ?locationLabel) (SAMPLE(?occ) AS ?occasion) (SAMPLE(?bg) AS ?background)
               (SAMPLE(?s) AS ?summit) (SAMPLE(?sL) AS ?summitLabel) WHERE {{
          {{ SELECT DISTINCT ?m WHERE {{ {pattern} ?m a sco:Meeting . }} }}
          OPTIONAL {{ ?m sco:date ?d }}
          OPTIONAL {{ ?m sco:kind ?kc . OPTIONAL {{ ?kc skos:prefLabel ?kl }} BIND(COALESCE(?kl, STR(?kc)) AS ?k) }}
          OPTIONAL {{ ?m sco:location ?loc . {label_of('?loc', '?locL')} }}
          OPTIONAL {{ ?m sco:occasion ?occ }}
          OPTIONAL {{ ?m sco:background ?bg }}
          OPTIONAL {{ ?m sco:partOf ?s . {label_of('?s', '?sL')} }}
        }} GROUP BY ?m ORDER BY {order} ?m {cut}""")
    views = {r["m"]: MeetingView(
        iri=r["m"], date=r.get("date"), kind=r.get("kind"), location=ref(r, "location"),
        occasion=r.get("occasion"), background=r.get("background") == "true", summit=ref(r, "summit"),
    ) for r in heads}
    if not views:
        return []
    values = " ".join(iri_term(m) for m in views)
    sides = select(store, f"""
        SELECT ?m ?part (SAMPLE(?a) AS ?person) (SAMPLE(?aL) AS ?personLabel) (SAMPLE(?c) AS ?country)
               (SAMPLE(?cL) AS ?countryLabel) (SAMPLE(?r) AS ?role) WHERE {{
          VALUES ?m {{ {values} }}
          ?m sco:participation ?part .
          OPTIONAL {{ ?part sco:agent ?a . {label_of('?a', '?aL')} }}
          OPTIONAL {{ ?part sco:represents ?c . {label_of('?c', '?cL')} }}
          OPTIONAL {{ ?part sco:roleLabel ?r }}
        }} GROUP BY ?m ?part ORDER BY ?m ?personLabel ?countryLabel""")
    for r in sides:
        views[r["m"]].sides.append(Side(ref(r, "person"), ref(r, "country"), r.get("role")))
    return list(views.values())


def meetings_of_person(store: GraphStore, person: str) -> list[MeetingView]:
    return meetings(store, f"?m sco:participant {iri_term(person)} .")


def meetings_of_country(store: GraphStore, country: str) -> list[MeetingView]:
    return meetings(store, f"?m sco:participation/sco:represents {iri_term(country)} .")


def meetings_of_summit(store: GraphStore, summit: str) -> list[MeetingView]:
    return meetings(store, f"?m sco:partOf {iri_term(summit)} .")


def meetings_at(store: GraphStore, place: str) -> list[MeetingView]:
    return meetings(store, f"?m sco:location {iri_term(place)} .")


def meeting(store: GraphStore, iri: str) -> MeetingView | None:
    found = meetings(store, f"VALUES ?m {{ {iri_term(iri)} }}")
    return found[0] if found else None


def recent_meetings(store: GraphStore, limit: int = 10) -> list[MeetingView]:
    """The latest dated meetings that happened at the time of reporting (not background)."""
    return meetings(
        store,
        "?m sco:date ?_d . FILTER NOT EXISTS { ?m sco:background true }",
        order="DESC(STR(?date))",
        limit=limit,
    )


# --- people ------------------------------------------------------------------------------------


@dataclass
class OfficeView:
    iri: str
    role: str
    organization: Ref | None
    attested: list[str]


def offices(store: GraphStore, person: str) -> list[OfficeView]:
    """The offices the sources state the person held, with the dates they state them on."""
    rows = select(store, f"""
        SELECT ?o ?roleLabel ?org ?orgLabel (GROUP_CONCAT(DISTINCT STR(?on); SEPARATOR=" ") AS ?attested) WHERE {{
          ?o a sco:OfficeHolding ; org:member {iri_term(person)} .
          OPTIONAL {{ ?o org:role ?role . {label_of('?role', '?roleLabel')} }}
          OPTIONAL {{ ?o org:organization ?org . {label_of('?org', '?orgLabel')} }}
          OPTIONAL {{ ?o sco:attestedOn ?on }}
        }} GROUP BY ?o ?roleLabel ?org ?orgLabel ORDER BY ?roleLabel ?orgLabel""")
    return [OfficeView(r["o"], r.get("roleLabel", ""), ref(r, "org"),
                       sorted(set(r.get("attested", "").split()))) for r in rows]


# --- partnerships and endorsements ---------------------------------------------------------------


@dataclass
class PartnershipView:
    iri: str
    parties: list[Ref]
    level: Ref | None
    rank: int | None
    phrase: str | None
    change: str | None
    when: str | None
    evidence: list[EvidenceView] = field(default_factory=list)

    def other(self, me: str) -> list[Ref]:
        return [p for p in self.parties if p.iri != me]


def partnerships(store: GraphStore, pattern: str) -> list[PartnershipView]:
    """Partnership statements that ``pattern`` binds to ``?s``, earliest dated first."""
    rows = select(store, f"""
        SELECT ?s ?level ?levelLabel ?rank ?phrase ?change ?when
               (GROUP_CONCAT(DISTINCT STR(?party); SEPARATOR="\\u001f") AS ?parties)
               (GROUP_CONCAT(DISTINCT ?partyLabel; SEPARATOR="\\u001f") AS ?partyLabels) WHERE {{
          {{ SELECT DISTINCT ?s WHERE {{ {pattern} ?s a sco:PartnershipStatement . }} }}
          ?s sco:party ?party .
          {label_of('?party', '?partyLabel')}
          OPTIONAL {{ ?s sco:level ?level . {label_of('?level', '?levelLabel')} OPTIONAL {{ ?level sco:rank ?rank }} }}
          OPTIONAL {{ ?s sco:levelPhrase ?phrase }}
          OPTIONAL {{ ?s sco:change ?c . OPTIONAL {{ ?c skos:prefLabel ?cl }} BIND(COALESCE(?cl, STR(?c)) AS ?change) }}
          OPTIONAL {{ ?s sco:when ?when }}
        }} GROUP BY ?s ?level ?levelLabel ?rank ?phrase ?change ?when
        ORDER BY DESC(BOUND(?when)) STR(?when) ?levelLabel""")
    out = []
    for r in rows:
        party_iris = r.get("parties", "").split("\x1f")
        # Labels are grouped separately; pair each party with its own label.
        labelled = {p: label(store, p) for p in party_iris if p}
        out.append(PartnershipView(
            iri=r["s"], parties=[Ref(p, lbl) for p, lbl in sorted(labelled.items(), key=lambda x: x[1])],
            level=ref(r, "level"), rank=int(r["rank"]) if r.get("rank") else None,
            phrase=r.get("phrase"), change=r.get("change"), when=r.get("when"),
            evidence=evidence(store, r["s"]),
        ))
    return out


@dataclass
class EndorsementView:
    iri: str
    endorser: Ref | None
    endorsed: Ref | None
    speaker: Ref | None
    evidence: list[EvidenceView] = field(default_factory=list)

    @property
    def when(self) -> str | None:
        """When the endorsement was reported: the earliest article date of its evidence."""
        dates = sorted(e.published for e in self.evidence if e.published)
        return dates[0] if dates else None


def endorsements(store: GraphStore, pattern: str) -> list[EndorsementView]:
    """Endorsements that ``pattern`` binds to ``?e``."""
    rows = select(store, f"""
        SELECT ?e (SAMPLE(?who) AS ?endorser) (SAMPLE(?whoL) AS ?endorserLabel) (SAMPLE(?what) AS ?endorsed)
               (SAMPLE(?whatL) AS ?endorsedLabel) (SAMPLE(?sp) AS ?speaker) (SAMPLE(?spL) AS ?speakerLabel) WHERE {{
          {{ SELECT DISTINCT ?e WHERE {{ {pattern} ?e a sco:Endorsement . }} }}
          OPTIONAL {{ ?e sco:endorser ?who . {label_of('?who', '?whoL')} }}
          OPTIONAL {{ ?e sco:endorsed ?what . {label_of('?what', '?whatL')} }}
          OPTIONAL {{ ?e sco:speaker ?sp . {label_of('?sp', '?spL')} }}
        }} GROUP BY ?e ORDER BY ?endorsedLabel ?endorserLabel""")
    return [EndorsementView(r["e"], ref(r, "endorser"), ref(r, "endorsed"), ref(r, "speaker"), evidence(store, r["e"]))
            for r in rows]


# --- summits -----------------------------------------------------------------------------------


@dataclass
class SummitView:
    iri: str
    label: str
    organizer: Ref | None
    location: Ref | None
    dates: list[str]
    ordinal: int | None


def summit(store: GraphStore, iri: str) -> SummitView:
    t = iri_term(iri)
    rows = select(store, f"""
        SELECT (SAMPLE(?org) AS ?organizer) (SAMPLE(?orgL) AS ?organizerLabel) (SAMPLE(?loc) AS ?location)
               (SAMPLE(?locL) AS ?locationLabel) (SAMPLE(?o) AS ?ordinal)
               (GROUP_CONCAT(DISTINCT STR(?d); SEPARATOR=" ") AS ?dates) WHERE {{
          OPTIONAL {{ {t} sco:organizer ?org . {label_of('?org', '?orgL')} }}
          OPTIONAL {{ {t} sco:location ?loc . {label_of('?loc', '?locL')} }}
          OPTIONAL {{ {t} sco:ordinal ?o }}
          OPTIONAL {{ {t} sco:date ?d }}
        }}""")
    r = rows[0] if rows else {}
    return SummitView(iri, label(store, iri), ref(r, "organizer"), ref(r, "location"),
                      sorted(set(r.get("dates", "").split())), int(r["ordinal"]) if r.get("ordinal") else None)


def summits(store: GraphStore) -> list[tuple[Ref, int]]:
    """Every summit with its number of meetings."""
    rows = select(store, f"""
        SELECT ?s ?sLabel (COUNT(DISTINCT ?m) AS ?n) WHERE {{
          ?s a sco:Summit . OPTIONAL {{ ?m sco:partOf ?s }}
          {label_of('?s', '?sLabel')}
        }} GROUP BY ?s ?sLabel ORDER BY ?sLabel""")
    return [(ref(r, "s"), int(r["n"])) for r in rows]  # type: ignore[misc]


# --- articles ----------------------------------------------------------------------------------


@dataclass
class ArticleView:
    iri: str
    headline: str | None
    text: str
    published: str | None
    outlet: str | None
    dateline: str | None
    source: str | None
    url: str | None
    identifier: str | None


def article(store: GraphStore, iri: str) -> ArticleView | None:
    t = iri_term(iri)
    rows = select(store, f"""
        SELECT ?text ?headline ?published ?outlet ?dateline ?source ?url ?id WHERE {{
          {t} schema:text ?text .
          OPTIONAL {{ {t} schema:headline ?headline }}
          OPTIONAL {{ {t} schema:datePublished ?published }}
          OPTIONAL {{ {t} sco:outlet ?outlet }}
          OPTIONAL {{ {t} sco:dateline ?dateline }}
          OPTIONAL {{ {t} sco:sourceFile ?source }}
          OPTIONAL {{ {t} schema:url ?url }}
          OPTIONAL {{ {t} schema:identifier ?id }}
        }} LIMIT 1""")
    if not rows:
        return None
    r = rows[0]
    return ArticleView(iri, r.get("headline"), r["text"], r.get("published"), r.get("outlet"),
                       r.get("dateline"), r.get("source"), r.get("url"), r.get("id"))


def graph_of_article(store: GraphStore, article_iri: str) -> str | None:
    rows = select(store, f"SELECT ?g WHERE {{ ?g prov:wasDerivedFrom {iri_term(article_iri)} ; a sco:ArticleGraph }} LIMIT 1")
    return rows[0]["g"] if rows else None


def article_of_graph(store: GraphStore, graph: str) -> Ref | None:
    rows = select(store, f"""
        SELECT ?a ?aLabel WHERE {{ {iri_term(graph)} prov:wasDerivedFrom ?a . {label_of('?a', '?aLabel')} }} LIMIT 1""")
    return ref(rows[0], "a") if rows else None


@dataclass(frozen=True)
class FactSpan:
    """A fact stated in an article, with where: ``kind`` is the fact's class name."""

    fact: str
    kind: str
    summary: str
    start: int
    end: int


FACT_KINDS = {
    str(SCO.Meeting): "Meeting",
    str(SCO.PartnershipStatement): "Partnership",
    str(SCO.Endorsement): "Endorsement",
    str(SCO.Summit): "Summit",
    str(SCO.OfficeHolding): "Office",
}


def facts_in_article(store: GraphStore, article_iri: str) -> list[FactSpan]:
    """Every fact whose evidence points into the article, with a one-line summary."""
    rows = select(store, f"""
        SELECT DISTINCT ?f ?type ?start ?end ?summary WHERE {{
          ?ev oa:hasSource {iri_term(article_iri)} ; oa:start ?start ; oa:end ?end .
          ?f sco:evidence ?ev ; a ?type .
          VALUES ?type {{ sco:Meeting sco:PartnershipStatement sco:Endorsement sco:Summit sco:OfficeHolding }}
          {{ SELECT ?f (GROUP_CONCAT(DISTINCT ?name; SEPARATOR=" · ") AS ?summary) WHERE {{
              {{ ?f sco:participation ?p . OPTIONAL {{ ?p sco:agent ?a . ?a rdfs:label ?al }}
                 OPTIONAL {{ ?p sco:represents ?c . ?c rdfs:label ?cl }} BIND(COALESCE(?al, ?cl) AS ?name) }}
              UNION {{ ?f sco:party/rdfs:label ?name }}
              UNION {{ ?f sco:level/skos:prefLabel ?name }}
              UNION {{ ?f (sco:endorser|sco:endorsed)/rdfs:label ?name }}
              UNION {{ ?f a sco:Summit ; rdfs:label ?name }}
              UNION {{ ?f a sco:OfficeHolding ; rdfs:label ?name }}
            }} GROUP BY ?f }}
        }} ORDER BY ?start ?type""")
    return [FactSpan(r["f"], FACT_KINDS.get(r["type"], "Fact"), r.get("summary", ""), int(r["start"]), int(r["end"]))
            for r in rows]


# --- the whole graph ---------------------------------------------------------------------------


COUNTED = (
    ("meetings", "sco:Meeting"),
    ("people", "sco:Person"),
    ("countries", "sco:Country"),
    ("summits", "sco:Summit"),
    ("partnership statements", "sco:PartnershipStatement"),
    ("endorsements", "sco:Endorsement"),
    ("initiatives", "sco:Initiative"),
    ("articles", "sco:NewsArticle"),
)


def counts(store: GraphStore) -> list[tuple[str, int]]:
    """How many of each kind of thing the graph holds, in one query."""
    values = " ".join(f"({cls} {i})" for i, (_, cls) in enumerate(COUNTED))
    rows = select(store, f"""
        SELECT ?i (COUNT(DISTINCT ?x) AS ?n) WHERE {{
          VALUES (?class ?i) {{ {values} }}
          OPTIONAL {{ ?x a ?class }}
        }} GROUP BY ?i""")
    by_index = {int(r["i"]): int(r["n"]) for r in rows}
    return [(name, by_index.get(i, 0)) for i, (name, _) in enumerate(COUNTED)]


def statements(store: GraphStore) -> int:
    """How many distinct statements the graph makes (the default graph is their merge)."""
    rows = select(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    return int(rows[0]["n"]) if rows else 0


def people_of_country(store: GraphStore, country: str) -> list[tuple[Ref, list[str]]]:
    """People seen representing the country, with the roles the sources give them."""
    rows = select(store, f"""
        SELECT ?a ?aLabel (GROUP_CONCAT(DISTINCT ?r; SEPARATOR="\\u001f") AS ?roles) WHERE {{
          ?p sco:represents {iri_term(country)} ; sco:agent ?a .
          OPTIONAL {{ ?p sco:roleLabel ?r }}
          {label_of('?a', '?aLabel')}
        }} GROUP BY ?a ?aLabel ORDER BY ?aLabel""")
    return [(ref(r, "a"), sorted(x for x in r.get("roles", "").split("\x1f") if x)) for r in rows]  # type: ignore[misc]


def group_by(items: Iterable, key) -> dict:  # noqa: ANN001 - a tiny helper for templates
    out: dict = defaultdict(list)
    for item in items:
        out[key(item)].append(item)
    return dict(out)
