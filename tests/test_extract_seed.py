"""The seed corpus against the dev gold: the issue's thresholds, and the contracts of
extract_corpus (offsets, identical identity of one meeting across articles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sco_kg.evaluate import facts_to_schema, run
from sco_kg.extract import extract_corpus, load_pipeline
from sco_kg.ingest import read_articles
from sco_kg.paths import DATA_DIR

SEED = DATA_DIR / "sco-astana-2024-roundup.txt"
GOLD = Path(__file__).resolve().parents[2] / "shared" / "dev-gold"


@pytest.fixture(scope="module")
def facts():
    return extract_corpus(read_articles(SEED), load_pipeline())


@pytest.mark.skipif(not GOLD.exists(), reason="the shared dev gold is not beside the repo")
def test_dev_gold_thresholds(facts):
    report = run(GOLD, facts_to_schema(facts))
    m = report.total["meetings"]
    assert m["f1"] >= 0.95 and m["precision"] >= 0.95
    assert m["duplicates"] == 0
    assert m["date"]["accuracy"] >= 0.95 and m["location"]["accuracy"] >= 0.95
    assert report.total["partnerships"]["f1"] >= 0.90
    assert report.total["endorsements"]["f1"] >= 0.85
    assert report.total["summits"]["tp"] >= 1


def test_one_fact_per_article_in_order_and_offsets_index_the_text(facts):
    articles = read_articles(SEED)
    assert [f.article.id for f in facts] == [a.id for a in articles]
    for f in facts:
        for fact in (*f.meetings, *f.partnerships, *f.endorsements, *f.summits):
            assert fact.evidence
            for e in fact.evidence:
                assert e.article_id == f.article.id
                assert f.article.text[e.start:e.end] == e.quote


def test_a_meeting_in_several_articles_has_the_same_identity(facts):
    seen: dict[frozenset, set] = {}
    for f in facts:
        for m in f.meetings:
            key = frozenset(p.person.label for p in m.participants if p.person)
            ident = (m.kind, m.date, m.location.label if m.location else None, m.occasion,
                     m.background, tuple((p.person.label if p.person else None,
                                          p.party.label if p.party else None, p.role)
                                         for p in m.participants))
            seen.setdefault(key, set()).add(ident)
    xi_putin = seen[frozenset({"Xi Jinping", "Vladimir Putin"})]
    assert len(xi_putin) == 2  # the July 3 meeting and the May state visit, each one identity
    for idents in seen.values():
        by_bg = {}
        for ident in idents:
            by_bg.setdefault((ident[0], ident[1], ident[4]), set()).add(ident)
        assert all(len(v) == 1 for v in by_bg.values())


def test_one_meeting_per_article_even_when_several_sentences_report_it(facts):
    zhao = facts[4]  # the Zhao Leji visit: "met with ... Mirziyoyev" and "When meeting with"
    mirziyoyev = [m for m in zhao.meetings if {p.person.label for p in m.participants}
                  == {"Zhao Leji", "Shavkat Mirziyoyev"}]
    assert len(mirziyoyev) == 1 and len(mirziyoyev[0].evidence) == 2
