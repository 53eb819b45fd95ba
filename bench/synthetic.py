"""A synthetic sco-kg graph of any size, in our vocabulary, for benchmarks.

Shaped like the pipeline's output: one named graph per article, holding meetings with
participations (person, represented country, office), partnership statements and
endorsements, each fact with its evidence; shared entities (people, countries, cities,
summits, initiatives) live in an entities graph. Deterministic for a given seed.

    python bench/synthetic.py --triples 100000 --out bench/data/synthetic-100k.nq
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sco_kg.namespaces import DATA, GRAPH, SCO, WD  # noqa: E402

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SAME_AS = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
XSD_INT = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")

SYLLABLES = ["ab", "al", "an", "ar", "ba", "da", "el", "en", "ha", "ir", "ka", "li", "ma", "mi",
             "na", "or", "ra", "sa", "sh", "ta", "ul", "va", "xi", "ya", "za", "zh"]
KINDS = ["Bilateral", "Trilateral", "Multilateral", "Talks", "PhoneCall", "VideoCall", "StateVisit"]
LEVELS = ["strategic-partnership", "comprehensive-strategic-partnership", "friendly-cooperation"]


def n(term: str) -> ox.NamedNode:
    return ox.NamedNode(term)


def sco(term: str) -> ox.NamedNode:
    return n(str(SCO._NS) + term)


def entity(kind: str, i: int) -> ox.NamedNode:
    return n(f"{DATA}{kind}/{i}")


def name(rng: random.Random) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize() for _ in range(2))


def lit(text: str) -> ox.Literal:
    return ox.Literal(text)


def entities(rng: random.Random, people: int, countries: int, cities: int) -> Iterator[ox.Quad]:
    g = n(f"{GRAPH}entities")
    for i in range(countries):
        c = entity("country", i)
        yield from (ox.Quad(c, RDF_TYPE, sco("Country"), g), ox.Quad(c, LABEL, lit(name(rng).split()[0] + "ia"), g),
                    ox.Quad(c, SAME_AS, n(f"{WD}Q{1000 + i}"), g))
    for i in range(cities):
        c = entity("city", i)
        yield from (ox.Quad(c, RDF_TYPE, sco("City"), g), ox.Quad(c, LABEL, lit(name(rng).split()[1]), g))
    for i in range(people):
        p = entity("person", i)
        yield from (ox.Quad(p, RDF_TYPE, sco("Person"), g), ox.Quad(p, LABEL, lit(name(rng)), g),
                    ox.Quad(p, SAME_AS, n(f"{WD}Q{500000 + i}"), g))
    for i in range(20):
        s = entity("summit", i)
        yield from (ox.Quad(s, RDF_TYPE, sco("Summit"), g), ox.Quad(s, LABEL, lit(f"Summit {2004 + i}"), g),
                    ox.Quad(s, sco("ordinal"), ox.Literal(str(i + 1), datatype=XSD_INT), g))
    for i in range(50):
        s = entity("initiative", i)
        yield from (ox.Quad(s, RDF_TYPE, sco("Initiative"), g), ox.Quad(s, LABEL, lit(f"{name(rng)} Initiative"), g))


def article(rng: random.Random, a: int, people: int, countries: int, cities: int) -> Iterator[ox.Quad]:
    """One article's graph: about 55 triples."""
    g = n(f"{GRAPH}article/{a}")
    art = entity("article", a)
    yield from (ox.Quad(art, RDF_TYPE, sco("NewsArticle"), g), ox.Quad(art, sco("outlet"), lit("Synthetic News"), g),
                ox.Quad(art, LABEL, lit(f"Article {a}"), g))
    day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    for m in range(2):
        meeting = entity("meeting", a * 2 + m)
        ev = entity("evidence", a * 4 + m)
        yield from (
            ox.Quad(meeting, RDF_TYPE, sco("Meeting"), g),
            ox.Quad(meeting, sco("kind"), sco(rng.choice(KINDS)), g),
            ox.Quad(meeting, sco("date"), ox.Literal(day, datatype=XSD_DATE), g),
            ox.Quad(meeting, sco("location"), entity("city", rng.randrange(cities)), g),
            ox.Quad(meeting, sco("partOf"), entity("summit", rng.randrange(20)), g),
            ox.Quad(meeting, sco("evidence"), ev, g),
            ox.Quad(ev, RDF_TYPE, sco("Evidence"), g),
            ox.Quad(ev, sco("article"), art, g),
            ox.Quad(ev, LABEL, lit(f"{name(rng)} met {name(rng)} on the sidelines of the summit."), g),
        )
        for k in range(2):
            part = entity("participation", (a * 2 + m) * 2 + k)
            person = rng.randrange(people)
            yield from (
                ox.Quad(meeting, sco("participation"), part, g),
                ox.Quad(meeting, sco("participant"), entity("person", person), g),
                ox.Quad(part, RDF_TYPE, sco("Participation"), g),
                ox.Quad(part, sco("agent"), entity("person", person), g),
                ox.Quad(part, sco("represents"), entity("country", person % countries), g),
                ox.Quad(part, sco("roleLabel"), lit(rng.choice(["President", "Prime Minister", "Foreign Minister"])), g),
            )
    statement = entity("partnership", a)
    yield from (
        ox.Quad(statement, RDF_TYPE, sco("PartnershipStatement"), g),
        ox.Quad(statement, sco("party"), entity("country", rng.randrange(countries)), g),
        ox.Quad(statement, sco("party"), entity("country", rng.randrange(countries)), g),
        ox.Quad(statement, sco("level"), n(f"{DATA}level/{rng.choice(LEVELS)}"), g),
        ox.Quad(statement, sco("change"), sco(rng.choice(["Established", "Upgraded", "Existing"])), g),
        ox.Quad(statement, sco("evidence"), entity("evidence", a * 4 + 2), g),
    )
    endorsement = entity("endorsement", a)
    yield from (
        ox.Quad(endorsement, RDF_TYPE, sco("Endorsement"), g),
        ox.Quad(endorsement, sco("endorser"), entity("country", rng.randrange(countries)), g),
        ox.Quad(endorsement, sco("endorsed"), entity("initiative", rng.randrange(50)), g),
        ox.Quad(endorsement, sco("evidence"), entity("evidence", a * 4 + 3), g),
    )


def generate(triples: int, seed: int = 7) -> Iterator[ox.Quad]:
    """About ``triples`` quads (entities scale with the number of articles)."""
    rng = random.Random(seed)
    articles = max(1, triples // 56)
    people = max(50, articles // 4)
    countries, cities = 60, 200
    yield from entities(rng, people, countries, cities)
    for a in range(articles):
        yield from article(rng, a, people, countries, cities)


def write(path: Path, triples: int, seed: int = 7) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    quads = list(generate(triples, seed))
    ox.serialize(quads, str(path), ox.RdfFormat.N_QUADS)
    return len(quads)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--triples", type=int, default=100_000)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--out", type=Path, required=True)
    args = p.parse_args()
    print(f"{write(args.out, args.triples, args.seed)} quads -> {args.out}")


if __name__ == "__main__":
    main()
