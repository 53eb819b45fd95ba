"""The store home: builds aside, atomic swap, a failed build leaves the old store whole."""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest

from sco_kg.store import OxigraphStore, StoreError, StoreHome

EX = "http://example.org/"


def quad(s: str, o: str) -> ox.Quad:
    return ox.Quad(ox.NamedNode(EX + s), ox.NamedNode(EX + "p"), ox.Literal(o))


def test_build_is_activated_only_when_complete(tmp_path: Path):
    home = StoreHome(tmp_path / "store")
    with home.new_build() as (_, store):
        store.replace_graph(EX + "g1", [quad("a", "1")])
    first = home.active
    with pytest.raises(RuntimeError):
        with home.new_build() as (_, store):
            store.replace_graph(EX + "g1", [quad("b", "2")])
            raise RuntimeError("pipeline broke")
    assert home.active == first
    store = home.open(read_only=True)
    assert [str(s["s"].value) for s in store.query("SELECT ?s { ?s ?p ?o }")] == [EX + "a"]
    assert len(list((tmp_path / "store" / "builds").iterdir())) == 1  # the failed build is gone


def test_new_build_keeps_the_previous_one_and_prunes_older(tmp_path: Path):
    home = StoreHome(tmp_path / "store")
    for n in range(3):
        with home.new_build() as (_, store):
            store.replace_graph(EX + "g", [quad("a", str(n))])
    assert len(list((tmp_path / "store" / "builds").iterdir())) == 2
    assert len(home.open(read_only=True)) == 2  # the quad, and its copy in the merged default graph


def test_copy_active_starts_from_the_current_content(tmp_path: Path):
    home = StoreHome(tmp_path / "store")
    with home.new_build() as (_, store):
        store.replace_graph(EX + "g1", [quad("a", "1")])
    with home.new_build(copy_active=True) as (_, store):
        store.replace_graph(EX + "g2", [quad("b", "2")])
    assert len(home.open(read_only=True)) == 4  # two named-graph quads and the merged default graph


def test_replace_graph_replaces_only_that_graph():
    store = OxigraphStore.in_memory()
    store.replace_graph(EX + "g1", [quad("a", "1"), quad("b", "1")])
    store.replace_graph(EX + "g2", [quad("c", "1")])
    version = store.version
    store.replace_graph(EX + "g1", [quad("a", "2")])
    assert store.version != version
    rows = store.query("SELECT ?s ?o { ?s ?p ?o } ORDER BY ?s")
    assert [(r["s"].value, r["o"].value) for r in rows] == [(EX + "a", "2"), (EX + "c", "1")]


def test_dump_of_triples_is_the_merge_and_quads_keep_graphs():
    store = OxigraphStore.in_memory()
    store.replace_graph(EX + "g1", [quad("a", "1")])
    store.replace_graph(EX + "g2", [quad("a", "1"), quad("b", "2")])
    nt, nq = io.BytesIO(), io.BytesIO()
    store.dump(nt, ox.RdfFormat.N_TRIPLES)
    store.dump(nq, ox.RdfFormat.N_QUADS)
    assert len(nt.getvalue().splitlines()) == 2
    assert len(nq.getvalue().splitlines()) == 5  # 3 in named graphs, 2 in the merged default graph


def test_a_triple_stated_by_several_graphs_is_seen_once():
    store = OxigraphStore.in_memory()
    for g in ("g1", "g2", "g3"):
        store.replace_graph(EX + g, [quad("a", "1")])
    assert len(list(store.query("SELECT * { ?s ?p ?o }"))) == 1


def test_replacing_a_graph_keeps_triples_other_graphs_still_state():
    store = OxigraphStore.in_memory()
    store.replace_graph(EX + "g1", [quad("a", "1"), quad("b", "1")])
    store.replace_graph(EX + "g2", [quad("a", "1")])
    store.replace_graph(EX + "g1", [quad("c", "1")])
    rows = store.query("SELECT ?s { ?s ?p ?o } ORDER BY ?s")
    assert [r["s"].value for r in rows] == [EX + "a", EX + "c"]
    store.replace_graph(EX + "g2", [])
    assert [r["s"].value for r in store.query("SELECT ?s { ?s ?p ?o }")] == [EX + "c"]


def test_opening_a_missing_store_read_only_says_what_to_do(tmp_path: Path):
    with pytest.raises(StoreError, match="run 'sco-kg build' first"):
        StoreHome(tmp_path / "nothing").open(read_only=True)
