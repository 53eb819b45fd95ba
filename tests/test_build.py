"""End to end: build the bundled corpus, validate, export, dump, rebuild, and survive a kill.

These tests run the real pipeline (spaCy included) once per module on the seed corpus.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from sco_kg.cli import main
from sco_kg.paths import BUNDLED_CORPUS, GAZETTEER
from sco_kg.store import StoreHome


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("seed") / "store"
    assert main(["build", "--store", str(path)]) == 0
    return path


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def nquads(store_dir: Path) -> list[str]:
    out = io.BytesIO()
    StoreHome(store_dir).open(read_only=True).dump(out, ox.RdfFormat.N_QUADS)
    return sorted(out.getvalue().decode().splitlines())


def test_validate_passes_on_the_built_seed(capsys, seed_store):
    code, out, _ = cli(capsys, "validate", "--store", str(seed_store))
    assert code == 0, out


def test_facts_list_the_seed_meetings_with_evidence(capsys, seed_store):
    code, out, _ = cli(capsys, "facts", "--format", "json", "--store", str(seed_store))
    facts = json.loads(out)
    assert code == 0
    assert len(facts["meetings"]) >= 10
    names = {p["name"] for m in facts["meetings"] for p in m["participants"]}
    assert {"Xi Jinping", "Sadyr Japarov", "Wang Yi"} <= names
    for meeting in facts["meetings"]:
        assert meeting["id"].startswith("https://w3id.org/sco-kg/id/")
        assert meeting["sources"] and all(s["evidence"] for s in meeting["sources"])
    code, text, _ = cli(capsys, "facts", "--store", str(seed_store))
    assert "Sadyr Japarov" in text and "[sco-astana-2024-roundup/" in text


def test_every_evidence_quote_matches_the_article_text(seed_store):
    store = StoreHome(seed_store).open(read_only=True)
    rows = list(store.query("""
        PREFIX oa: <http://www.w3.org/ns/oa#>
        PREFIX schema: <https://schema.org/>
        SELECT ?text ?start ?end ?exact WHERE {
          ?ev oa:hasSource ?article ; oa:start ?start ; oa:end ?end ; oa:exact ?exact .
          ?article schema:text ?text .
        }"""))
    assert len(rows) >= 20
    for row in rows:
        text, start, end = row["text"].value, int(row["start"].value), int(row["end"].value)
        assert text[start:end] == row["exact"].value


def test_every_qid_in_the_store_is_in_the_gazetteer_with_two_sources(seed_store):
    with GAZETTEER.open(encoding="utf-8", newline="") as f:
        verified = {r["qid"] for r in csv.DictReader(f) if r["source1"] and r["source2"]}
    store = StoreHome(seed_store).open(read_only=True)
    rows = store.query("""
        SELECT DISTINCT ?wd WHERE { ?x <http://www.w3.org/2002/07/owl#sameAs> ?wd
          FILTER(STRSTARTS(STR(?wd), "http://www.wikidata.org/entity/")) }""")
    qids = {r["wd"].value.rsplit("/", 1)[1] for r in rows}
    assert qids, "the seed mentions Xi Jinping, China, Astana: some links are expected"
    assert qids <= verified


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("ttl", "turtle"), ("nq", "nquads")])
def test_dump_parses_back_into_the_store_size(capsys, tmp_path, seed_store, fmt, rdflib_format):
    out = tmp_path / f"seed.{fmt}"
    assert cli(capsys, "dump", "--format", fmt, "--out", str(out), "--store", str(seed_store))[0] == 0
    store = StoreHome(seed_store).open(read_only=True)
    if fmt == "nq":
        ds = rdflib.Dataset()
        ds.parse(out, format=rdflib_format)
        assert len(list(ds.quads((None, None, None, None)))) == len(store)
    else:
        distinct = next(iter(store.query("SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } }")))
        assert len(rdflib.Graph().parse(out, format=rdflib_format)) == int(distinct["n"].value)


def test_rebuilding_the_same_input_gives_the_same_graph(tmp_path, seed_store):
    again = tmp_path / "again"
    assert main(["build", "--store", str(again)]) == 0
    assert nquads(again) == nquads(seed_store)


def test_one_article_jsonl_and_text_files_build(capsys, tmp_path):
    text = (
        "ASTANA, July 3 (Xinhua) — Chinese President Xi Jinping met with Russian President "
        "Vladimir Putin here on Wednesday ahead of the SCO summit."
    )
    jsonl = tmp_path / "one.jsonl"
    jsonl.write_text(json.dumps({"id": "wire-1", "text": text, "published": "2024-07-03", "outlet": "Xinhua"}) + "\n", encoding="utf-8")
    txt = tmp_path / "one.txt"
    txt.write_text("Xi meets Putin\n\n" + text + "\n", encoding="utf-8")
    for path, article in ((jsonl, "wire-1"), (txt, "one")):
        store = tmp_path / f"store-{path.suffix[1:]}"
        assert cli(capsys, "build", str(path), "--store", str(store))[0] == 0
        code, out, _ = cli(capsys, "facts", "--format", "json", "--store", str(store))
        meetings = json.loads(out)["meetings"]
        assert len(meetings) == 1
        assert {p["name"] for p in meetings[0]["participants"]} == {"Xi Jinping", "Vladimir Putin"}
        if path.suffix == ".jsonl":  # "on Wednesday" against the published date
            assert meetings[0]["date"] == "2024-07-03"
        assert meetings[0]["sources"][0]["article"] == article


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_a_build_killed_midway_leaves_the_old_store_answering(tmp_path, seed_store, sig):
    store = tmp_path / "store"
    small = tmp_path / "small.jsonl"
    small.write_text(json.dumps({"id": "a", "text": "Xi Jinping met Vladimir Putin in Astana on July 3, 2024."}) + "\n", encoding="utf-8")
    assert main(["build", str(small), "--store", str(store)]) == 0
    before = nquads(store)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "sco_kg.cli", "build", *map(str, BUNDLED_CORPUS), "--store", str(store)],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env,
    )
    try:
        for line in proc.stderr:
            # The new database is being written, article by article; the swap comes after the last.
            if "validate and write 2/" in line:
                proc.send_signal(sig)
                break
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode != 0
    assert nquads(store) == before
    rows = StoreHome(store).open(read_only=True).query("ASK { ?m a <https://w3id.org/sco-kg/ontology#Meeting> }")
    assert bool(rows)


GOLD = Path(__file__).resolve().parents[2] / "shared" / "dev-gold" / "seed-sco-astana-2024.json"


def _gold_entities(gold: dict) -> set[tuple[str, str]]:
    """(kind, name) of every person, state, organisation and city the dev gold names."""
    found: set[tuple[str, str]] = set()
    for section in ("meetings", "background_meetings"):
        for meeting in gold[section]:
            for p in meeting["participants"]:
                found |= {("person", p["name"])} if p["name"] else set()
                found |= {("party", p["country"])} if p["country"] else set()
            found |= {("city", meeting["location"])} if meeting["location"] else set()
    found |= {("party", c) for p in gold["partnerships"] for c in p["parties"]}
    found |= {("party", e["party"]) for e in gold["endorsements"]}
    for s in gold["summits"]:
        found |= {("city", s["location"])} if s["location"] else set()
        found |= {("party", s["organization"])} if s["organization"] else set()
    return found


def test_every_gold_entity_with_a_verified_qid_is_linked_to_exactly_it(seed_store):
    if not GOLD.exists():
        (pytest.fail if os.environ.get("CI") else pytest.skip)(f"dev gold not found at {GOLD}")
    from sco_kg.gazetteer import fold, load_gazetteer

    gazetteer = load_gazetteer()
    store = StoreHome(seed_store).open(read_only=True)
    links: dict[str, set[str | None]] = {}
    for row in store.query("""
        SELECT ?x ?wd WHERE { GRAPH ?g { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?l } 
          OPTIONAL { ?x <http://www.w3.org/2002/07/owl#sameAs> ?wd } }"""):
        links.setdefault(row["x"].value, set()).add(row["wd"].value.rsplit("/", 1)[1] if row["wd"] else None)
    labels: dict[str, set[str]] = {}
    for row in store.query("SELECT ?x ?l WHERE { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?l }"):
        labels.setdefault(fold(row["l"].value), set()).add(row["x"].value)
    checked = 0
    for kind, name in sorted(_gold_entities(json.loads(GOLD.read_text(encoding="utf-8")))):
        kinds = ("country", "organization") if kind == "party" else (kind,)
        entry = next((e for k in kinds if (e := gazetteer.lookup(name, k))), None)
        if entry is None:
            continue  # no verified QID: it must stay unlinked, which check_store_qids covers
        checked += 1
        iris = {iri for n in entry.names for iri in labels.get(fold(n), set())}
        assert iris, f"{name} is not in the store"
        assert all(links[iri] == {entry.qid} for iri in iris), (name, entry.qid, {i: links[i] for i in iris})
    assert checked >= 20  # 6 people, 9 states, 2 organisations, 4 cities
