"""Mapping and validation cost per article, on the seed gold facts (no spaCy).

Reads the bundled corpus and shared/dev-gold/seed-sco-astana-2024.json, places each gold fact
in the article whose text holds its evidence, maps every article to its graph, validates it
and writes it to an in-memory store. Prints triples and validation time per article, and, as
a ratio measured in the same run, the cost of validating all articles one by one against
validating them merged into one graph (per-article validation must not cost more).

    python bench/rdf_seed.py [path/to/seed.json]
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rdflib import Graph  # noqa: E402

from sco_kg.gazetteer import load_gazetteer  # noqa: E402
from sco_kg.ingest import read_corpus  # noqa: E402
from sco_kg.model import (  # noqa: E402
    Article, ArticleFacts, Endorsement, Entity, Evidence, Meeting, Participant, Partnership, Summit,
)
from sco_kg.paths import BUNDLED_CORPUS, ROOT  # noqa: E402
from sco_kg.rdf import RunInfo, article_graph, graph_iri, to_quads  # noqa: E402
from sco_kg.store import OxigraphStore  # noqa: E402
from sco_kg.validate import check, validate_article  # noqa: E402

DEFAULT_GOLD = ROOT.parent / "shared" / "dev-gold" / "seed-sco-astana-2024.json"


def entity(name: str | None, kind: str) -> Entity | None:
    if not name:
        return None
    entry = load_gazetteer().lookup(name)
    return Entity(name, entry.kind if entry else kind, entry.qid if entry else None)


def locate(articles: list[Article], quote: str) -> Evidence | None:
    pattern = r"\s+".join(re.escape(w) for w in quote.split())
    for a in articles:
        m = re.search(pattern, a.text)
        if m:
            return Evidence(a.id, m.start(), m.end(), m.group(0))
    return None


def seed_facts(gold: dict, articles: list[Article]) -> list[ArticleFacts]:
    by_id = {a.id: ArticleFacts(article=a) for a in articles}

    def place(fact, quote: str) -> None:
        ev = locate(articles, quote)
        if ev is None:
            print(f"  (evidence not found, skipped: {quote[:60]}...)")
            return
        fact.evidence = [ev]
        target = by_id[ev.article_id]
        {Meeting: target.meetings, Partnership: target.partnerships, Endorsement: target.endorsements,
         Summit: target.summits}[type(fact)].append(fact)

    for section, background in (("meetings", False), ("background_meetings", True)):
        for m in gold[section]:
            sides = [Participant(entity(p.get("name"), "person"), entity(p.get("country"), "country"), p.get("role"))
                     for p in m["participants"]]
            place(Meeting(m["kind"], sides, m.get("date"), entity(m.get("location"), "city"), m.get("occasion"),
                          background), m["evidence"])
    for p in gold["partnerships"]:
        a, b = (entity(x, "country") for x in p["parties"])
        place(Partnership((a, b), p["level"], p["change"], p.get("when")), p["evidence"])
    for e in gold["endorsements"]:
        place(Endorsement(entity(e["party"], "country"), entity(e["initiative"], "initiative")), e["evidence"])
    for s in gold["summits"]:
        place(Summit(s["name"], entity(s.get("organization"), "organization"), entity(s.get("location"), "city"),
                     s.get("dates") or []), s["evidence"])
    return list(by_id.values())


def main() -> None:
    gold_path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_GOLD
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    articles = read_corpus(BUNDLED_CORPUS)
    facts = seed_facts(gold, articles)
    run = RunInfo("bench", "none")
    check(Graph())  # parse shapes and ontology once, outside the timings
    store = OxigraphStore.in_memory()
    merged = Graph()
    total_ms = 0.0
    print(f"{'article':32} {'facts':>5} {'triples':>7} {'validate ms':>11} {'rejected':>8}")
    for f in facts:
        g = article_graph(f, run)
        t = time.perf_counter()
        result = validate_article(g)
        ms = (time.perf_counter() - t) * 1000
        total_ms += ms
        merged += result.graph
        store.replace_graph(str(graph_iri(f.article.id)), to_quads(result.graph))
        n = len(f.meetings) + len(f.partnerships) + len(f.endorsements) + len(f.summits)
        print(f"{f.article.id:32} {n:>5} {len(g):>7} {ms:>11.0f} {len(result.rejections):>8}")
        for r in result.rejections:
            print(f"    rejected {r.fact}: {r.message}")
    t = time.perf_counter()
    check(merged)
    merged_ms = (time.perf_counter() - t) * 1000
    print(f"store: {len(store)} quads; per-article validation {total_ms:.0f} ms in all, "
          f"merged graph ({len(merged)} triples) {merged_ms:.0f} ms; ratio {total_ms / merged_ms:.2f}")


if __name__ == "__main__":
    main()
