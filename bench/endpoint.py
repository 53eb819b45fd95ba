"""Benchmark: our endpoint against ``oxigraph serve`` on the same synthetic data, in one run.

The same query mix (lookup by IRI, join, group-by, OPTIONAL with a regex filter, a
CONSTRUCT) is sent to both servers at concurrency 1 and 8 by the same load generator
(one process per concurrent client, each with a keep-alive connection). It prints p50
and p95 latencies per query, throughput, the ratios ours/Oxigraph, and load and dump
times. Not a test: numbers depend on the machine; only the ratios mean something.

    python bench/endpoint.py --triples 100000
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing as mp
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import synthetic  # noqa: E402

PREFIXES = (
    "PREFIX sco: <https://w3id.org/sco-kg/ontology#> PREFIX id: <https://w3id.org/sco-kg/id/> "
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
)
JSON = "application/sparql-results+json"
NT = "application/n-triples"


def query_mix(rng: random.Random, triples: int) -> dict[str, list[tuple[str, str]]]:
    """Each query kind with a few parameter values, the same for both servers."""
    articles = max(1, triples // 56)
    meetings = [rng.randrange(articles * 2) for _ in range(20)]
    countries = [rng.randrange(60) for _ in range(10)]
    cities = [rng.randrange(200) for _ in range(10)]
    letters = ["Ab", "Ka", "Ma", "Sh", "Za", "Ir"]
    return {
        "lookup": [(f"SELECT ?p ?o WHERE {{ <https://w3id.org/sco-kg/id/meeting/{m}> ?p ?o }}", JSON) for m in meetings],
        "join": [
            (
                PREFIXES + "SELECT ?m ?date ?name WHERE { ?m a sco:Meeting ; sco:date ?date ; sco:participation ?pa . "
                f"?pa sco:represents <https://w3id.org/sco-kg/id/country/{c}> ; sco:agent ?p . ?p rdfs:label ?name }} ORDER BY ?date LIMIT 100",
                JSON,
            )
            for c in countries
        ],
        "group-by": [
            (
                PREFIXES + "SELECT ?c (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m sco:participation/sco:represents ?c } "
                "GROUP BY ?c ORDER BY DESC(?n)",
                JSON,
            )
        ],
        "optional-regex": [
            (
                PREFIXES + "SELECT ?p ?name ?wd WHERE { ?p a sco:Person ; rdfs:label ?name "
                "OPTIONAL { ?p <http://www.w3.org/2002/07/owl#sameAs> ?wd } "
                f'FILTER(regex(?name, "^{x}", "i")) }} LIMIT 100',
                JSON,
            )
            for x in letters
        ],
        "construct": [
            (
                PREFIXES + "CONSTRUCT { ?m ?p ?o } WHERE { ?m a sco:Meeting ; sco:location "
                f"<https://w3id.org/sco-kg/id/city/{c}> ; ?p ?o }}",
                NT,
            )
            for c in cities
        ],
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(port: int, path: str, proc: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server on port {port} exited with {proc.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", path)
            if conn.getresponse().status < 500:
                return
        except OSError:
            time.sleep(0.1)
        time.sleep(0.1)
    raise RuntimeError(f"server on port {port} did not start")


def _client(args: tuple) -> tuple[list[tuple[str, float]], float, float]:
    """One load-generating client: ``count`` requests over one keep-alive connection.

    ``kind`` "httpx" is what Python users (notebooks, scripts) typically use; "lean" is the
    standard library's http.client, whose own cost is smaller, so server overheads show more.
    """
    port, path, jobs, count, start_at, kind = args
    if kind == "httpx":
        import httpx

        client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120)

        def fetch(query: str, accept: str) -> int:
            return client.get(path, params={"query": query}, headers={"Accept": accept}).status_code
    else:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

        def fetch(query: str, accept: str) -> int:
            conn.request("GET", f"{path}?query={quote(query)}", headers={"Accept": accept})
            resp = conn.getresponse()
            resp.read()
            return resp.status

    while time.time() < start_at:
        time.sleep(0.001)
    out = []
    began = time.perf_counter()
    for i in range(count):
        name, query, accept = jobs[i % len(jobs)]
        t = time.perf_counter()
        status = fetch(query, accept)
        if status != 200:
            raise RuntimeError(f"{name}: HTTP {status}")
        out.append((name, time.perf_counter() - t))
    return out, began, time.perf_counter()


def run_load(port: int, path: str, jobs: list[tuple[str, str, str]], concurrency: int, count: int, pool, kind: str) -> dict:  # noqa: ANN001, E501
    start_at = time.time() + 0.5
    results = pool.map(_client, [(port, path, jobs, count, start_at, kind)] * concurrency)
    latencies: dict[str, list[float]] = {}
    for rows, _, _ in results:
        for name, seconds in rows:
            latencies.setdefault(name, []).append(seconds)
    wall = max(r[2] for r in results) - min(r[1] for r in results)
    total = sum(len(v) for v in latencies.values())
    summary = {
        name: {
            "p50_ms": statistics.median(v) * 1000,
            "p95_ms": statistics.quantiles(v, n=20)[18] * 1000 if len(v) >= 20 else max(v) * 1000,
            "n": len(v),
        }
        for name, v in latencies.items()
    }
    everything = [x for v in latencies.values() for x in v]
    summary["all"] = {"throughput_rps": total / wall, "n": total, "p50_ms": statistics.median(everything) * 1000}
    return summary


def result_size(port: int, path: str, query: str, accept: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.request("GET", f"{path}?query={quote(query)}", headers={"Accept": accept})
    body = conn.getresponse().read()
    if accept == JSON:
        return len(json.loads(body)["results"]["bindings"])
    return len([line for line in body.splitlines() if line.strip()])


def timed_download(port: int, path: str, accept: str) -> tuple[float, int]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    t = time.perf_counter()
    conn.request("GET", path, headers={"Accept": accept, "Accept-Encoding": "identity"})
    resp = conn.getresponse()
    size = 0
    while chunk := resp.read(1 << 16):
        size += len(chunk)
    return time.perf_counter() - t, size


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--triples", type=int, default=100_000)
    p.add_argument("--requests", type=int, default=100, help="requests per query kind per client at concurrency 1")
    p.add_argument("--json", type=Path, help="also write the figures here")
    p.add_argument("--clients", nargs="+", default=["httpx", "lean"], choices=["httpx", "lean"])
    p.add_argument("--rounds", type=int, default=3, help="rounds per server (the median round is kept)")
    args = p.parse_args()

    from sco_kg.store import StoreHome
    import pyoxigraph as ox

    work = Path(tempfile.mkdtemp(prefix="sco-kg-bench-"))
    procs: list[subprocess.Popen] = []
    try:
        data = work / "data.nq"
        quads = synthetic.write(data, args.triples)
        print(f"data: {quads} quads ({args.triples} asked)")

        t = time.perf_counter()
        home = StoreHome(work / "ours")
        with home.new_build() as (_, store):
            store.load(data, ox.RdfFormat.N_QUADS)
        del store  # release the database lock for the server process
        load_ours = time.perf_counter() - t
        t = time.perf_counter()
        subprocess.run(["oxigraph", "load", "--location", str(work / "oxigraph"), "--file", str(data)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        load_oxi = time.perf_counter() - t

        ours_port, oxi_port = free_port(), free_port()
        serve = (
            "import sys; from pathlib import Path; from sco_kg.web.server import serve; "
            "from sco_kg.web.settings import Settings; from sco_kg.store import StoreHome; "
            f"serve(Settings(store_path=Path({str(work / 'ours')!r}), port={ours_port}, max_results=1_000_000), "
            f"StoreHome(Path({str(work / 'ours')!r})))"
        )
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        procs.append(subprocess.Popen([sys.executable, "-c", serve], env=env, stderr=subprocess.DEVNULL))
        procs.append(subprocess.Popen(
            ["oxigraph", "serve", "--location", str(work / "oxigraph"), "--bind", f"127.0.0.1:{oxi_port}",
             "--union-default-graph"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        wait_ready(ours_port, "/health", procs[0], seconds=900)
        wait_ready(oxi_port, "/query?query=ASK%7B%7D", procs[1], seconds=900)
        servers = {"ours": (ours_port, "/sparql"), "oxigraph": (oxi_port, "/query")}

        mix = query_mix(random.Random(11), args.triples)
        jobs = [(name, q, accept) for name, variants in mix.items() for q, accept in variants]
        for name, variants in mix.items():  # the same answers from both, or the race is meaningless
            q, accept = variants[0]
            sizes = {s: result_size(port, path, q, accept) for s, (port, path) in servers.items()}
            assert sizes["ours"] == sizes["oxigraph"], (name, sizes)
            print(f"  {name:15s} {sizes['ours']} results")

        figures: dict = {"quads": quads, "load_s": {"ours": load_ours, "oxigraph": load_oxi}}
        with mp.get_context("fork").Pool(8) as pool:
            for server, (port, path) in servers.items():  # warm caches on both
                run_load(port, path, jobs, 1, len(jobs) * 2, pool, "lean")
            for kind in args.clients:
                for conc in (1, 8):
                    per_client = max(len(jobs), args.requests * len(mix) // (1 if conc == 1 else 4))
                    key = f"{kind} c{conc}"
                    for _round in range(args.rounds):  # alternate servers so drift hits both alike
                        for server, (port, path) in servers.items():
                            res = run_load(port, path, jobs, conc, per_client, pool, kind)
                            runs = figures.setdefault(key, {}).setdefault(server, [])
                            runs.append(res)
                    for server in servers:  # keep the median round by throughput
                        runs = sorted(figures[key][server], key=lambda r: r["all"]["throughput_rps"])
                        figures[key][server] = runs[len(runs) // 2]

        dumps = {}
        for server, (port, _) in servers.items():
            path = "/dump.nq" if server == "ours" else "/store"
            dumps[server] = timed_download(port, path, "application/n-quads")
        figures["dump_s"] = {s: d[0] for s, d in dumps.items()}
        report(figures)
        if args.json:
            args.json.write_text(json.dumps(figures, indent=2) + "\n")
    finally:
        for proc in procs:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(work, ignore_errors=True)


def report(f: dict) -> None:
    print(f"\nload: ours {f['load_s']['ours']:.2f} s, oxigraph {f['load_s']['oxigraph']:.2f} s")
    print(f"dump (N-Quads): ours {f['dump_s']['ours']:.2f} s, oxigraph {f['dump_s']['oxigraph']:.2f} s")
    for key in [k for k in f if " c" in k]:
        ours, oxi = f[key]["ours"], f[key]["oxigraph"]
        print(f"\nclient {key.split()[0]}, concurrency {key.split()[1][1:]}")
        print(f"{'query':15s} {'ours p50':>9s} {'oxi p50':>9s} {'ratio':>6s} {'ours p95':>9s} {'oxi p95':>9s} {'ratio':>6s}")
        for name in ours:
            if name == "all":
                continue
            a, b = ours[name], oxi[name]
            print(f"{name:15s} {a['p50_ms']:8.2f}ms {b['p50_ms']:8.2f}ms {a['p50_ms'] / b['p50_ms']:6.2f}"
                  f" {a['p95_ms']:8.2f}ms {b['p95_ms']:8.2f}ms {a['p95_ms'] / b['p95_ms']:6.2f}")
        a, b = ours["all"]["p50_ms"], oxi["all"]["p50_ms"]
        print(f"{'whole mix p50':15s} {a:8.2f}ms {b:8.2f}ms {a / b:6.2f}")
        t_ours, t_oxi = ours["all"]["throughput_rps"], oxi["all"]["throughput_rps"]
        print(f"{'throughput':15s} ours {t_ours:.0f} req/s, oxigraph {t_oxi:.0f} req/s, ratio {t_ours / t_oxi:.2f}")


if __name__ == "__main__":
    main()
