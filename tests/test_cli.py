"""The CLI's error paths and the store commands that need no extraction."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from sco_kg.cli import main
from sco_kg.store import StoreHome

EX = "http://example.org/"


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    """A store holding two quads in two graphs."""
    home = StoreHome(tmp_path / "store")
    with home.new_build() as (_, store):
        for n in (1, 2):
            s, p = ox.NamedNode(f"{EX}s{n}"), ox.NamedNode(EX + "p")
            store.replace_graph(f"{EX}g{n}", [ox.Quad(s, p, ox.Literal(f"v{n}"))])
    return home.path


def snapshot(store_dir: Path) -> str:
    store = StoreHome(store_dir).open(read_only=True)
    return "".join(sorted(str(q) for q in store.raw))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", b"", "empty.txt: no article found"),
        ("latin1.txt", b"Caf\xe9 diplomacy\n", "latin1.txt:1: not UTF-8"),
        ("bad.jsonl", b'{"id": "a", "text": "Xi met Putin."}\n{oops}\n', "bad.jsonl:2: invalid JSON"),
    ],
)
def test_build_on_bad_input_names_it_and_leaves_the_store(capsys, tmp_path, store_dir, name, content, expected):
    before = snapshot(store_dir)
    bad = tmp_path / name
    bad.write_bytes(content)
    code, _, err = run(capsys, "build", str(bad), "--store", str(store_dir))
    assert code == 2
    assert expected in err
    assert snapshot(store_dir) == before


def test_build_of_a_missing_file(capsys, tmp_path, store_dir):
    code, _, err = run(capsys, "build", str(tmp_path / "absent.txt"), "--store", str(store_dir))
    assert code == 2 and "absent.txt: cannot read" in err


@pytest.mark.parametrize("command", [["facts"], ["validate"], ["query", "ASK {}"], ["dump", "--format", "nq"], ["unlinked"]])
def test_commands_on_a_missing_store_say_to_build(capsys, tmp_path, command):
    code, _, err = run(capsys, *command, "--store", str(tmp_path / "none"))
    assert code == 2
    assert "run 'sco-kg build' first" in err


def test_query_formats(capsys, store_dir):
    code, out, _ = run(capsys, "query", "SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o", "--store", str(store_dir))
    assert code == 0 and out.splitlines() == ["o", "v1", "v2"]
    code, out, _ = run(capsys, "query", "ASK { ?s ?p 'v1' }", "--format", "json", "--store", str(store_dir))
    assert json.loads(out)["boolean"] is True
    code, out, _ = run(capsys, "query", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "--store", str(store_dir))
    assert len(rdflib.Graph().parse(data=out, format="turtle")) == 2


def test_query_from_a_file(capsys, tmp_path, store_dir):
    q = tmp_path / "count.rq"
    q.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", encoding="utf-8")
    code, out, _ = run(capsys, "query", str(q), "--store", str(store_dir))
    assert code == 0 and out.splitlines()[1] == "2"


@pytest.mark.parametrize(
    ("query", "fmt", "expected"),
    [
        ("SELECT * WHERE { ?s ?p }", None, "invalid SPARQL"),
        ("SELECT * WHERE { ?s ?p ?o }", "ttl", "cannot be written as 'ttl'"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "csv", "cannot be written as 'csv'"),
        ("missing.rq", None, "cannot read query file missing.rq"),
    ],
)
def test_query_errors(capsys, store_dir, query, fmt, expected):
    argv = ["query", query, "--store", str(store_dir)] + (["--format", fmt] if fmt else [])
    code, _, err = run(capsys, *argv)
    assert code == 2 and expected in err


@pytest.mark.parametrize("fmt", ["ttl", "nq", "trig", "nt", "jsonld"])
def test_dump_parses_back_to_the_store_size(capsys, tmp_path, store_dir, fmt):
    out = tmp_path / f"dump.{fmt}"
    code, _, _ = run(capsys, "dump", "--format", fmt, "--out", str(out), "--store", str(store_dir))
    assert code == 0
    rdflib_format = {"ttl": "turtle", "nq": "nquads", "trig": "trig", "nt": "nt", "jsonld": "json-ld"}[fmt]
    parsed = rdflib.Dataset()
    parsed.parse(out, format=rdflib_format)
    quads = len(list(parsed.quads((None, None, None, None)))) if fmt not in ("ttl", "nt") else len(parsed)
    assert quads == (2 if fmt in ("ttl", "nt") else 4)  # quad formats carry the merged default graph too


def test_dump_to_an_unwritable_place(capsys, tmp_path, store_dir):
    code, _, err = run(capsys, "dump", "--format", "nq", "--out", str(tmp_path / "no" / "such" / "dir.nq"), "--store", str(store_dir))
    assert code == 2 and "cannot write" in err


def test_load_adds_a_graph(capsys, tmp_path, store_dir):
    ttl = tmp_path / "extra.ttl"
    ttl.write_text(f"<{EX}s3> <{EX}p> 'v3' .\n", encoding="utf-8")
    code, out, _ = run(capsys, "load", str(ttl), "--graph", EX + "g3", "--store", str(store_dir))
    assert code == 0 and "1 triples" in out
    code, out, _ = run(capsys, "query", f"SELECT ?o WHERE {{ GRAPH <{EX}g3> {{ ?s ?p ?o }} }}", "--store", str(store_dir))
    assert out.splitlines() == ["o", "v3"]


@pytest.mark.parametrize(
    ("name", "content", "extra", "expected"),
    [
        ("broken.ttl", f"<{EX}a> <{EX}p> 'x' .\n<{EX}b> <{EX}p> .\n", [], "broken.ttl: invalid Turtle"),
        ("data.xyz", "whatever", [], "unknown RDF file extension '.xyz'"),
        ("quads.nq", f"<{EX}a> <{EX}p> 'x' <{EX}g> .\n", ["--graph", EX + "g9"], "carries its own graphs"),
    ],
)
def test_load_errors_leave_the_store_unchanged(capsys, tmp_path, store_dir, name, content, extra, expected):
    before = snapshot(store_dir)
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "load", str(path), *extra, "--store", str(store_dir))
    assert code == 2 and expected in err
    assert snapshot(store_dir) == before


def test_load_of_a_missing_file(capsys, tmp_path, store_dir):
    code, _, err = run(capsys, "load", str(tmp_path / "gone.ttl"), "--store", str(store_dir))
    assert code == 2 and "gone.ttl: no such file" in err


def test_evaluate_with_missing_gold(capsys, tmp_path, store_dir):
    code, _, err = run(capsys, "evaluate", "--gold", str(tmp_path / "nogold"), "--store", str(store_dir))
    assert code == 2 and "nogold: no such gold file or directory" in err
